"""Trial 44: a command typed with another question beside it, in Slack. `done 18 and when is the icpc due` went to
the knowledge base whole, nothing marked done, and `done 18, when is the icpc due?` kept the question as the action's
note; `away from the 21st to 4th jan and when is the icpc due` could not read its dates. Now the command runs from its
own part and one line names the question, to send on its own; a note after `done 18 - …` is still the note."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
ALSO = "You also asked “when is the icpc due”: send it on its own line and I'll answer it."


def _action(services: Services) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-11",
                                   AUDITOR, MONDAY)


def test_done_with_a_question_beside_it_marks_the_action_done_and_names_the_question(
        bot: RunningBot, standin, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(MONDAY, tick=False):
        replies = SlackPerson(bot, standin, WORKER).send("type", f"done {action} and when is the icpc due")
    assert replies[0].text.startswith(f"Action {action} (audit #")
    assert "marked done" in replies[0].text and replies[-1].text == ALSO
    row = action_store.get_action(services.storage, action)
    assert row is not None and row.done_at


def test_the_question_is_never_kept_as_the_done_note(bot: RunningBot, standin, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(MONDAY, tick=False):
        replies = SlackPerson(bot, standin, WORKER).send("type", f"done {action}, when is the icpc due?")
    assert "icpc" not in replies[0].text and replies[-1].text == ALSO


def test_a_note_after_done_is_still_kept_as_its_note(bot: RunningBot, standin, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(MONDAY, tick=False):
        replies = SlackPerson(bot, standin, WORKER).send("type", f"done {action} - was told by school")
    assert "Your note is kept with it: “was told by school”" in " ".join(r.text for r in replies)
    assert not any("You also asked" in r.text for r in replies)


def test_time_away_with_a_question_beside_it_is_booked_and_the_question_named(
        bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        replies = SlackPerson(bot, standin, WORKER).send("type", "away from the 21st to 4th jan and when is the "
                                                                 "icpc due")
    assert replies[0].text.replace("*", "").startswith("Booked: your reminders pause from Monday 21 December 2026")
    assert replies[-1].text == ALSO


def test_pause_reminders_till_a_day_with_a_question_beside_it_pauses_them_and_names_the_question(
        bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        replies = SlackPerson(bot, standin, WORKER).send("type", "pause reminders till friday and how do i reflect")
    assert replies[0].text.replace("*", "").startswith("Reminders paused: they start again on Monday 14 December 2026; "
                                                       "you are away to Friday 11 December 2026 (your last day "
                                                       "away).")
    assert replies[-1].text == "You also asked “how do i reflect”: send it on its own line and I'll answer it."
