"""Trial 60, F8, F9 and F15, on 22 December 2026: `after new year`, `in the new year`, `first week of january` typed at
"When is it due?", in `extend` and in `away until …` were "I could not read … as a date"; each is now Monday 4
January 2027 (the first working day after New Year's Day), said back. And `extend 121 to <no day>`'s example was a
week from today, the day action 121 was already due: it is now a working day after the due date. `boxing day` (a
Saturday in 2026) is said to be one, with the Monday that is the bank holiday. The service,
without Slack, on a pinned clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import TO_ACTIONS
from tests.integration.test_more_time_trial41 import _asked
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 22, 11, 0, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"


def _action(services: Services, due: str = "2026-12-29") -> int:
    audit_id = insert_audit(services.storage, "CR-123456", TUESDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Update the chronology", WORKER, due, AUDITOR, TUESDAY)


def _say(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(TUESDAY, tick=False):
        return " ".join(flat(reply.text, "`*_") for reply in engine.message(user, text, surface="terminal"))


@pytest.mark.parametrize("typed", ["after new year", "in the new year", "first week of january", "early january"])
def test_at_when_is_it_due_it_is_monday_4_january_said_back(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Update the chronology", WORKER, typed], user=AUDITOR)
    said = " ".join(out.replace("*", "").replace("`", "").split())
    assert "could not read" not in said
    assert (f"Action 1 added: due Monday 4 January 2027 (in 13 days). I've read “{typed}” as the first working day "
            "after New Year; to change it, type action 1 due and the date.") in said
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.due_date == "2027-01-04"


def test_the_trials_request_for_more_time_after_new_year_is_sent_for_4_january(engine: Engine,
                                                                               services: Services) -> None:
    action = _action(services)
    said = _say(engine, WORKER, f"can i have till after new year on action {action}, school closed")
    assert "could not read" not in said and "until 4 Jan 2027" in said
    assert _asked(services) == [(action, "2027-01-04")]


def test_away_until_after_new_year_is_back_on_monday_4_january(engine: Engine) -> None:
    said = _say(engine, "U0MGRS001", "away until after new year")
    assert "they start again on Monday 4 January 2027; you are away to Sunday 3 January 2027" in said


def test_a_day_that_is_none_is_refused_with_an_example_after_the_due_date(engine: Engine,
                                                                         services: Services) -> None:
    action = _action(services)  # due Tuesday 29 December: a week from today
    said = _say(engine, WORKER, f"extend {action} to when the school reopens")
    assert f"Nothing was asked: type it like extend action {action} to 5/1." in said
    assert "to 29/12" not in said and _asked(services) == []
    asked = _say(engine, WORKER, f"extend {action} to 5/1")
    assert "until 5 Jan 2027" in asked and _asked(services) == [(action, "2027-01-05")]


def test_when_schools_go_back_is_asked_about_with_the_day_after_new_year(engine: Engine, services: Services) -> None:
    action = _action(services)
    said = _say(engine, WORKER, f"extend {action} to when schools go back")
    assert ("I can't take 'when schools go back' as a date. Do you mean Monday 4 January 2027, the first working day "
            "after New Year? Type 4/1 for it") in said
    assert _asked(services) == []


def test_boxing_day_2026_is_said_to_be_a_saturday_with_the_monday_bank_holiday(engine: Engine) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Update the chronology", WORKER, "boxing day"], user=AUDITOR)
    said = " ".join(out.replace("*", "").replace("`", "").split())
    assert ("Action 1 added: due Saturday 26 December 2026 (in 4 days). That is a Saturday (Boxing Day; the bank "
            "holiday is Monday 28 December): to change it, type action 1 due and the date, like action 1 due 24/12 "
            "for Thursday 24 December, the last working day before it.") in said
    assert "is a bank holiday (Boxing Day)" not in said
