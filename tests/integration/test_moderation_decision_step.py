"""Once an audit is opened for moderation, the bot waits at Agree / Disagree: what the moderator types next is the
moderation's (`1` and `2` as the options show, `agree`, `disagree`, `yes`, `no`), never an answer to a draft of their
own that was waiting at a question (review: a `2` meant as Disagree was taken as the draft's answer; in the terminal
chat, `disagree` was refused as "Please answer yes or no" by the draft). The draft waits for `/audit resume`, and a
new session picks up the held moderation. The clock is pinned."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"
# The QA lead's own case audit, answered up to "What is the main category of need?" (a choice question, whose options
# a typed number could be read as).
TO_A_CHOICE = ["/audit start case-audit", "CR-555555", "1", "2", "2", "2", "1", "2",
               "The file shows the child was seen quickly and decisions were right.", "15/11/2026"]


def text(replies: list[Reply]) -> str:
    return " ".join(" ".join(r.text.replace("**", "").replace("`", "").split()) for r in replies)


def flat(out: str) -> str:
    return " ".join(out.replace("**", "").replace("`", "").split())


def draft_and_a_moderation(engine: Engine, services: Services) -> tuple[int, int]:
    audit_id = submitted_audit(engine, services, AUDITOR)
    drive(engine, TO_A_CHOICE, user=QA)
    draft = int(services.storage.db.execute("SELECT max(id) FROM audits WHERE auditor_id = ?", [QA]).fetchone()[0])
    assert store.get_audit(services.storage, draft).step == "question:category-of-need"
    return audit_id, draft


@pytest.mark.parametrize(("typed", "asked"), [
    ("2", "What grade would you give?"),
    ("disagree", "What grade would you give?"),
    ("no", "What grade would you give?"),
    ("1", "You agree with Good. Why?"),
    ("agree", "You agree with Good. Why?"),
    ("yes", "You agree with Good. Why?"),
])
def test_what_is_typed_at_agree_or_disagree_is_the_moderations_not_the_drafts_answer(
        engine: Engine, services: Services, typed: str, asked: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, draft = draft_and_a_moderation(engine, services)
        opened = text(engine.command(QA, f"moderate {audit_id}"))
        said = text(engine.message(QA, typed))  # in Slack: no numbered options, so the number reaches the bot
    assert f"Your draft audit #{draft} waits where you left it: /audit resume carries on with it" in opened
    assert asked in said
    assert "category-of-need" not in store.answers_of(services.storage, draft)  # the draft got no answer
    assert store.get_audit(services.storage, draft).step == "question:category-of-need"


def test_in_the_terminal_chat_disagree_goes_to_the_moderation_and_the_draft_waits(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, draft = draft_and_a_moderation(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "2",
                                "The plan does not say what must change for the child.", "skip", "/audit resume"],
                       user=QA)
    said = flat(out)
    assert "What grade would you give?" in said and "You would grade it Requires improvement to be good" in said
    assert f"Moderation of audit #{audit_id} saved" in said
    assert f"Carrying on with audit #{draft}" in said and "Which category of need was recorded" in said
    assert "category-of-need" not in store.answers_of(services.storage, draft)


def test_a_new_session_picks_up_the_held_moderation_and_a_number_picks_its_option(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"/audit moderate {audit_id}"], user=QA)
        _, out = drive(engine, ["1"], user=QA)  # trial-style: back later, the screen empty
    said = flat(out)
    assert (f"Picking up where you left off: == Audit #{audit_id}: Early help spot audit == You are moderating this "
            "audit. Do you agree with the overall grade?") in said
    assert "You picked 1: Agree: Good" in said and "You agree with Good. Why?" in said
    assert "picks nothing" not in said


def test_pause_at_agree_or_disagree_leaves_the_moderation_not_the_draft(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, draft = draft_and_a_moderation(engine, services)
        engine.command(QA, f"moderate {audit_id}")
        said = text(engine.message(QA, "pause"))
    assert f"Nothing is saved: audit #{audit_id} stays yours to moderate" in said
    assert not store.get_audit(services.storage, draft).state.get("paused")


def test_a_number_that_is_no_option_is_told_what_the_step_wants(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.command(QA, f"moderate {audit_id}")
        [reply] = engine.message(QA, "3")
    assert reply.kind == "error" and " ".join(reply.text.replace("`", "").split()) == (
        f"There is no option 3 here. You are moderating audit #{audit_id}: do you agree with its overall grade, Good? "
        "Type agree (1) or disagree (2), or press a button; pause leaves it for later.")
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"  # nothing decided
