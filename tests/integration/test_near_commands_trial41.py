"""Trial 41 (MEDIUM 4): commands that were nearly right became QA questions. `chase 18, 19 and 34` chases each in
one reply; a manager's `chase them all` / `chase all overdue` reads back how many and whose, and chases on `yes`
(held out of working hours, as one chase is); `oops reopen 150` is read as `reopen 150`; `push action 150 back to
mid jan` offers `action 150 due 15/1`; a line like a command that is not read gets its usage, not the QA list. The
clock is pinned, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits.action_status import REOPEN_BARE
from bot.audits.chase_several import numbers_in
from bot.audits.feature import DONE_WORDS
from bot.core.services import Services
from bot.engine.politeness import without_politeness
from bot.engine.routing import Engine
from bot.storage import held_chases
from bot.storage.actions import last_chase, open_actions_of
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

SOUTH_MANAGER = "U0MGRS001"
SOUTH_WORKER = "U0PRAS001"
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


def _overdue(services: Services) -> list[int]:
    """The South worker's overdue actions on the trial day (all 8 overdue in the South team)."""
    return [action.id for action in open_actions_of(services.storage, SOUTH_WORKER) if action.due_date < "2026-12-05"]


def test_several_numbers_are_each_chased_in_one_reply(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "chase 18, 19 and 34")
    assert reply.strip().startswith("Chasing 3 actions:"), reply
    for number in (18, 19, 34):
        assert f"I'll nudge Social worker S1 about action {number} " in reply
    assert sorted(held_chases.waiting(demo.storage, [18, 19, 34])) == [18, 19, 34]
    assert nothing_unanswered(demo)


def test_several_numbers_in_working_hours_each_nudge_their_owner(demo: Services, engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(SOUTH_MANAGER, "chase 18 and 19", surface="terminal")
    assert [reply.to_user for reply in replies] == [None, SOUTH_WORKER, SOUTH_WORKER]
    assert "Sent: I've nudged Social worker S1 about action 18" in replies[0].text
    assert last_chase(demo.storage, 19) is not None


def test_chase_all_overdue_reads_back_then_chases_on_yes(demo: Services, engine: Engine) -> None:
    overdue = _overdue(demo)
    assert len(overdue) == 8
    for typed in ("chase them all", "chase all overdue"):
        reply = said(engine, SOUTH_MANAGER, typed)
        assert "Chase all 8 overdue actions in your teams? 8 to send. Social worker S1: 8 (#9, #18," in reply, reply
        assert held_chases.waiting(demo.storage, overdue) == {}
    reply = said(engine, SOUTH_MANAGER, "yes")
    assert reply.strip().startswith("Chasing 8 actions:") and "08:00 on Monday 7 December" in reply, reply
    assert sorted(held_chases.waiting(demo.storage, overdue)) == overdue
    assert nothing_unanswered(demo)


def test_chase_all_overdue_no_sends_nothing_and_a_worker_is_told_whose_it_is(demo: Services, engine: Engine) -> None:
    said(engine, SOUTH_MANAGER, "chase all overdue")
    assert "Nothing was chased." in said(engine, SOUTH_MANAGER, "no")
    assert held_chases.waiting(demo.storage, _overdue(demo)) == {}
    assert "is for team managers and admins" in said(engine, SOUTH_WORKER, "chase them all")


def test_a_filler_word_before_a_command_is_read_past(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "oops reopen 142")
    assert "To change submitted audit #142 instead, type `/audit edit 142`" in reply, reply  # trial 43: action's
    assert "Audit #18" in said(engine, SOUTH_MANAGER, "sorry, show 18")
    assert nothing_unanswered(demo)


def test_push_back_to_mid_month_offers_the_fifteenth(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "push action 18 back to mid jan")
    assert "Did you mean `action 18 due 15/1`? Type `yes` to run it" in reply, reply
    assert "is now due Friday 15 January 2027" in said(engine, SOUTH_MANAGER, "yes")
    reply = said(engine, SOUTH_MANAGER, "push action 18 back to whenever suits")
    assert "To change action 18's due date, type `action 18 due <date>`" in reply, reply
    assert nothing_unanswered(demo)


@pytest.mark.parametrize(("typed", "numbers"), [("chase 18, 19 and 34", [18, 19, 34]), ("chase 18 19", [18, 19]),
                                                 ("nudge actions #18 & #19 please", [18, 19]), ("chase 18", None),
                                                 ("chase 18 and the rest", None)])
def test_the_numbers_read(typed: str, numbers: list[int] | None) -> None:
    assert numbers_in(typed) == numbers


def test_a_chase_whose_numbers_cannot_be_read_gets_how_to_type_it(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "chase 18 and the one for CR-341944")
    assert "I couldn't tell which actions to chase, so nothing was sent." in reply, reply
    assert "chase 18, 19 and 34" in reply
    assert nothing_unanswered(demo)


@pytest.mark.parametrize(("typed", "read"), [("oops reopen 150", "reopen 150"), ("sorry, show 12", "show 12"),
                                             ("ok done 12 thanks", "done 12"), ("so show 12", "so show 12"),
                                             ("oops the visit was 12 days late", "oops the visit was 12 days late"),
                                             ("sorry", "sorry")])
def test_filler_is_read_past_only_before_a_command(engine: Engine, typed: str, read: str) -> None:
    assert without_politeness(typed, engine.typed_shapes, [REOPEN_BARE, DONE_WORDS]) == read
