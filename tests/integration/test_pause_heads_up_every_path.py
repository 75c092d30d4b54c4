"""Trial 50 (F3): a manager's `my reminders` said "Mon 14 Dec: 1 action in your team is overdue… it is chased through
you, not its owner", then `stop my reminders until 4/1` paused her reminders with no heads-up: the action was due that
week, not overdue yet, and only actions overdue on the day she paused were counted. Every way of pausing now lists
the team's actions on her weekly overdue list while she is away (fix53d: each with its owner, due date and the
commands to hand it over or move its date), through the terminal chat. Clock pinned
to a working morning; the action falls due on the Friday after it."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 8, 10, 0, tzinfo=LONDON)
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"
HEADS_UP = ("Heads-up: while you're away nobody chases this action of your team: it is chased through you, and a "
            "cover takes only moderation requests. Before you go, hand it over or move its date: • action 2 (Book a "
            "core group, audit #1, CR-100200): Social worker N1's, due 11 Dec 2026: action 2 owner <name> or action "
            "2 due <date>")
PATHS = {
    "command": ["/audit away until 4/1"],
    "until in words": ["stop my reminders until 4/1"],
    "until when": ["pause my reminders", "4/1"],
    "leave in words": ["im on leave from the 21st to 4th jan"],
}


def _due_this_friday(engine: Engine, services: Services) -> None:
    """An action of the manager's team due on Friday: not overdue as she pauses, on her list next Monday."""
    audit_id = submitted_audit(engine, services)
    friday = (TUESDAY + timedelta(days=3)).date().isoformat()
    action_store.add_action(services.storage, audit_id, "Book a core group", WORKER, friday, MANAGER, TUESDAY)


def _paused(engine: Engine, lines: list[str]) -> str:
    return flat(drive(engine, lines, user=MANAGER)[1], "*`")


def test_pausing_by_the_command_warns_of_an_action_falling_due(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _due_this_friday(engine, services)
        said = _paused(engine, PATHS["command"])
    assert HEADS_UP in said, said


def test_stop_my_reminders_until_warns_of_an_action_falling_due(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _due_this_friday(engine, services)
        said = _paused(engine, PATHS["until in words"])
    assert "Reminders paused: they start again on Tuesday 5 January 2027" in said, said
    assert HEADS_UP in said, said


def test_the_until_when_answer_warns_of_an_action_falling_due(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _due_this_friday(engine, services)
        said = _paused(engine, PATHS["until when"])
    assert "Until when?" in said and HEADS_UP in said, said


def test_leave_said_in_words_warns_of_an_action_overdue_by_then(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _due_this_friday(engine, services)
        said = _paused(engine, PATHS["leave in words"])
    assert "Booked: your reminders pause" in said and HEADS_UP in said, said


def test_leave_changed_in_words_warns_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _due_this_friday(engine, services)
        _paused(engine, ["/audit away from 21/12 until 4/1 cover @U0MGRS001", "/audit away from 21/12 until 4/1"])
        said = _paused(engine, ["my leave now ends on 8 jan"])
    assert "Your away dates are now" in said and HEADS_UP in said, said


def test_a_pause_over_no_weekly_list_gives_no_heads_up(engine: Engine, services: Services) -> None:
    """Tuesday to Thursday: her list goes out the Monday she is back, so nothing goes unchased."""
    with time_machine.travel(TUESDAY, tick=False):
        _due_this_friday(engine, services)
        said = _paused(engine, ["/audit away until 10/12"])
    assert "Reminders paused" in said and "Heads-up" not in said, said


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(sorted(PATHS)))
def test_every_pause_path_gives_the_same_heads_up(engine: Engine, services: Services, path: str) -> None:
    """Whichever way she pauses, the same state gets the same line (once: each example clears the last pause)."""
    with time_machine.travel(TUESDAY, tick=False):
        if not services.storage.db.execute("SELECT count(*) FROM actions").fetchone()[0]:
            _due_this_friday(engine, services)
        said = _paused(engine, [*PATHS[path], "/audit away off"])
    assert said.count(HEADS_UP) == 1, said
