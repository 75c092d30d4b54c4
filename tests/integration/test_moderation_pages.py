"""The moderation queue pages like `/audit list`: `/audit moderate page 2` (typed bare too) and `more` typed after the
queue show the next ten in the same order. A user trial found a QA lead stuck on the first ten of 86: `more` said
there was no list, and `moderate page 2` was taken for a question."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.audits import moderation
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.audit_rows import insert_audit

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
QA_LEAD = "U0QALEAD1"


def opened(replies: list[Reply]) -> list[str]:
    return [c.value for r in replies for c in r.choices if c.action == "audit.moderate_open"]


def said(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


@pytest.fixture
def queue(engine: Engine, services: Services) -> list[str]:
    """24 submitted audits, two of them Inadequate; the QA lead has opened one and not decided it. Returns the ids of
    the 23 waiting, in the queue's order (read in one go)."""
    ids = [insert_audit(services.storage, f"CR-4{n:05}", DAY + timedelta(hours=n)) for n in range(24)]
    with services.storage.write() as db:
        db.execute("UPDATE audits SET overall_grade = 'inadequate' WHERE id IN (?, ?)", [ids[7], ids[19]])
    engine.action(QA_LEAD, "audit.moderate_open", str(ids[0]), surface="terminal")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(moderation, "SHOWN", 100)
        whole = opened(engine.command(QA_LEAD, "moderate", surface="terminal"))
    assert whole[0] == str(ids[0]) and whole[1:3] == [str(ids[7]), str(ids[19])]  # held, then Inadequate first
    return whole[1:]


def test_more_and_page_n_show_the_queue_ten_at_a_time_in_the_same_order(engine: Engine, services: Services,
                                                                        queue: list[str]) -> None:
    first = engine.command(QA_LEAD, "moderate", surface="terminal")
    assert "Audits you are moderating" in said(first)
    assert "(showing 10 of 23: Inadequate first" in said(first)
    assert "_More waiting: type `more`, or `/audit moderate page 2`._" in said(first)
    assert opened(first)[1:] == queue[:10]
    second = engine.message(QA_LEAD, "more", surface="terminal")
    assert "Audits you are moderating" not in said(second)  # held ones only on the first page
    assert "(showing 11 to 20 of 23" in said(second) and "`/audit moderate page 3`" in said(second)
    assert opened(second) == queue[10:20]
    assert engine.message(QA_LEAD, "moderate page 2", surface="terminal") == second
    third = engine.command(QA_LEAD, "moderate page 3", surface="terminal")
    assert opened(third) == queue[20:] and "More waiting" not in said(third)
    last = said(engine.message(QA_LEAD, "more", surface="terminal"))
    assert last.startswith("That was the last page of `/audit moderate`: there are no more.")
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0


def test_the_slash_command_says_how_to_page_in_slack_too(engine: Engine, queue: list[str]) -> None:
    first = said(engine.command(QA_LEAD, "moderate", surface="command"))
    assert "_More waiting: `/audit moderate page 2` (or `more` in your messages with me)._" in first
    assert opened(engine.message(QA_LEAD, "more")) == queue[10:20]  # then typed in the DM


def test_a_page_past_the_end_says_how_many_there_are(engine: Engine, queue: list[str]) -> None:
    [reply] = engine.command(QA_LEAD, "moderate page 9", surface="terminal")
    assert reply.kind == "error"
    assert reply.text.startswith("There is no page 9: the audits waiting for you fill 3 pages of 10.")
