"""An Inadequate audit is never lost in the moderation queue: it is listed first, and any audit can be opened by its
number, however long the queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.audits import moderation
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_audit_terminal import terminal_sender

AUDITOR, QA_LEAD = "U0MGRN001", "U0QALEAD1"
FIRST_DAY = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def three_submitted(engine: Engine, services: Services) -> list[int]:
    """Audits #1-#3 submitted a day apart; the newest is then regraded Inadequate by its auditor."""
    for day in range(3):
        with time_machine.travel(FIRST_DAY + timedelta(days=day), tick=False):
            send = terminal_sender(engine, TerminalView())
            complete_audit(send, send("type", "/audit start early-help-spot"))
    ids = [row["id"] for row in services.storage.db.query("SELECT id FROM audits ORDER BY id")]
    with time_machine.travel(FIRST_DAY + timedelta(days=3), tick=False):
        engine.command(AUDITOR, f"edit {ids[-1]} grade inadequate No visits for three months.",
                       surface="terminal")
        engine.message(AUDITOR, "send", surface="terminal")  # the check before the Inadequate alert
    return ids


def test_an_inadequate_audit_is_listed_first_even_when_the_list_is_cut(
        engine: Engine, three_submitted: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moderation, "SHOWN", 1)  # a long queue, shown one at a time
    with time_machine.travel(FIRST_DAY + timedelta(days=4), tick=False):
        _, out = drive(engine, ["/audit moderate"], user=QA_LEAD)
    text = " ".join(out.split())
    assert f"#{three_submitted[-1]} Early help spot audit" in text and f"#{three_submitted[0]} " not in text
    assert "showing 1 of 3: Inadequate first" in text and "/audit moderate 12 opens any by its number" in text


def test_any_waiting_audit_opens_by_its_number(engine: Engine, three_submitted: list[int],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moderation, "SHOWN", 1)
    with time_machine.travel(FIRST_DAY + timedelta(days=4), tick=False):
        _, out = drive(engine, [f"/audit moderate #{three_submitted[1]}"], user=QA_LEAD)
        assert "Do you agree with the overall grade?" in out
        _, refused = drive(engine, [f"/audit moderate {three_submitted[1]}"], user=AUDITOR)
        assert f"You audited #{three_submitted[1]}, so someone else moderates it" in " ".join(refused.split())
        _, wrong = drive(engine, ["/audit moderate next"], user=QA_LEAD)
        assert "/audit moderate 12 to open audit #12" in wrong


def test_the_queue_pages_in_the_chat_with_more_and_page_n_typed_bare(
        engine: Engine, three_submitted: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moderation, "SHOWN", 1)  # a long queue, shown one at a time
    with time_machine.travel(FIRST_DAY + timedelta(days=4), tick=False):
        _, out = drive(engine, ["/audit moderate", "more", "moderate page 3", "more"], user=QA_LEAD)
    text = " ".join(out.split())
    inadequate, oldest, middle = three_submitted[-1], three_submitted[0], three_submitted[1]
    pages = [text.index(f"#{number} Early help spot audit") for number in (inadequate, oldest, middle)]
    assert pages == sorted(pages)  # the same order as the queue: Inadequate first, then the oldest
    assert "More waiting: type more, or /audit moderate page 2." in text
    assert "(showing 2 to 2 of 3" in text and "(showing 3 to 3 of 3" in text
    assert "That was the last page of /audit moderate: there are no more." in text
    assert "There is no list to show more of" not in text and "on the QA leads' list" not in text
