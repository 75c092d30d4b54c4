"""Typed answers to a Yes-or-No question (user trial 7): `yes` or `no`, `y` or `n`, and the buttons' own labels in any
case answer the latest question asked, a removal, an early campaign close or a mark-done, as the buttons do. They were
told "There's no question waiting for a yes", which reads like done on a removal that never happened, and a label
typed went to the knowledge base as a question."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as campaign_store
from bot.terminal.render import TerminalView
from tests.integration import test_redaction
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_campaigns import QA as ORGANISER
from tests.integration.test_campaigns import create
from tests.integration.test_redaction import AUDITOR, LEAKED, QA, REDACTED_AT, every_text

leaked = test_redaction.leaked  # the fixture: a submitted audit whose leaked note lives on in revision r2

NO_QUESTION = "no question waiting"


def typed(engine: Engine, view: TerminalView, user: str, *lines: str) -> list[Reply]:
    """Type lines in the terminal chat, as a person would; the replies to the last one."""
    send = terminal_sender(engine, view, user)
    replies: list[Reply] = []
    with time_machine.travel(REDACTED_AT, tick=False):
        for line in lines:
            replies = send("type", line)
    return replies


def said(replies: list[Reply]) -> str:
    return " ".join(reply.text for reply in replies)


@pytest.mark.parametrize("yes", ["yes", "Y", "Yes, remove it", "YES REMOVE IT."])
def test_a_typed_yes_or_the_yes_label_removes_the_text_asked_about(engine: Engine, services: Services, leaked: int,
                                                                   yes: str) -> None:
    done = typed(engine, TerminalView(), QA, f"redact {leaked} r2", yes)
    assert said(done).startswith(f"Removed r2 (note on question 7, kept 3 Dec 2026) from audit #{leaked}"), said(done)
    assert NO_QUESTION not in said(done)
    assert LEAKED not in every_text(services)


@pytest.mark.parametrize("no", ["no", "n", "No, keep it", "no keep it"])
def test_a_typed_no_or_the_no_label_keeps_it_and_asks_the_knowledge_base_nothing(
        engine: Engine, services: Services, leaked: int, no: str) -> None:
    kept = typed(engine, TerminalView(), QA, f"redact {leaked} r2", no)
    assert said(kept) == f"OK: r2 of audit #{leaked} is kept as it is. Nothing was removed."
    assert LEAKED in every_text(services)
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0


def test_yes_answers_the_latest_question_only_and_only_once(engine: Engine, services: Services, leaked: int) -> None:
    view = TerminalView()
    typed(engine, view, QA, f"redact {leaked} r2", f"redact {leaked} r1", "yes")
    assert LEAKED in every_text(services)  # r1 was the latest question; r2 is untouched
    again = typed(engine, view, QA, "yes")
    assert NO_QUESTION in said(again)  # answered once: nothing is waiting now
    typed(engine, view, QA, f"redact {leaked} r2", "what is a strategy discussion?", "yes")
    assert LEAKED in every_text(services)  # the question waits for the next line only


def test_a_label_typed_mid_draft_answers_the_removal_not_the_audit(engine: Engine, services: Services,
                                                                   leaked: int) -> None:
    """The auditor, with a new draft open, removes their own leaked text from the audit they submitted."""
    view = TerminalView()
    typed(engine, view, AUDITOR, "/audit start early-help-spot", "CR-100200")
    done = typed(engine, view, AUDITOR, f"/audit redact {leaked} r2", "Yes, remove it")
    assert said(done).startswith("Removed r2"), said(done)
    assert LEAKED not in every_text(services)


def test_a_typed_yes_to_a_knowledge_base_removal_removes_it(engine: Engine, services: Services) -> None:
    wording = "when is the fire drill held for the boy in year 9 js at the corner school"
    engine.message("U0PRAN001", wording)
    key = services.storage.db.execute("SELECT id FROM kb_asks").fetchone()[0]
    view = TerminalView()
    done = typed(engine, view, QA, f"kb remove {key}", "yes")
    assert said(done).startswith(f"Removed the text of question #{key}"), said(done)
    assert wording not in every_text(services)


LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("answer", "open_after"), [("no", True), ("keep it open", True), ("Keep it open", True),
                                                    ("Close now", False), ("yes", False)])
def test_an_early_close_takes_typed_answers_and_labels(engine: Engine, services: Services, answer: str,
                                                       open_after: bool) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        campaign_id = create(engine)
        view = TerminalView()
        send = terminal_sender(engine, view, ORGANISER)
        [asked] = send("type", f"campaign close {campaign_id}")
        assert asked.kind == "question"
        replies = send("type", answer)
    campaign = campaign_store.get_campaign(services.storage, campaign_id)
    assert campaign is not None and campaign.is_open is open_after, said(replies)
    assert ("stays open" if open_after else "is closed") in said(replies)
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0


@pytest.mark.parametrize("acknowledged", ["ok", "OK.", "okay", "ok thanks", "sure"])
def test_ok_does_not_confirm_a_removal_that_cannot_be_undone_and_says_how_to(engine: Engine, services: Services,
                                                                             leaked: int, acknowledged: str) -> None:
    """Trial 8: `ok` got small talk's "OK. Type help whenever…", and a QA lead believed the text was removed."""
    view = TerminalView()
    told = typed(engine, view, QA, f"redact {leaked} r2", acknowledged)
    assert said(told) == "To remove it, type `yes` (or press **Yes, remove it**); nothing was removed."
    assert LEAKED in every_text(services)  # "ok" acknowledges; only a plain yes (or the button) removes for good
    done = typed(engine, view, QA, "yes")  # the question still waits
    assert said(done).startswith(f"Removed r2 (note on question 7, kept 3 Dec 2026) from audit #{leaked}")
    assert LEAKED not in every_text(services)


def test_ok_to_a_knowledge_base_removal_removes_nothing_and_says_so(engine: Engine, services: Services) -> None:
    wording = "when is the fire drill held for the boy in year 9 js at the corner school"
    engine.message("U0PRAN001", wording)
    key = services.storage.db.execute("SELECT id FROM kb_asks").fetchone()[0]
    told = typed(engine, TerminalView(), QA, f"kb remove {key}", "ok")
    assert said(told) == "To remove it, type `yes` (or press **Yes, remove it**); nothing was removed."
    assert wording in every_text(services)


def test_ok_to_an_early_close_closes_nothing_and_says_how_to(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        campaign_id = create(engine)
        send = terminal_sender(engine, TerminalView(), ORGANISER)
        send("type", f"campaign close {campaign_id}")
        told = send("type", "ok")
    assert said(told) == "To close it now, type `yes` (or press **Close now**); nothing was closed."
    campaign = campaign_store.get_campaign(services.storage, campaign_id)
    assert campaign is not None and campaign.is_open
