"""Trial 41 (M10): Home's numbered options shift. A manager typed `home` then `4`: once it was *Full digest*; after
they submitted an audit, Home had gained *Done: action 150* at 4, and `4` marked it done with no question. In the
terminal chat a number after Home picks from Home as it was shown; when Home has changed since (the list is stale),
nothing is picked, that is said and Home shown again; and *Done* picked by its number asks `yes` first (a Slack
button press stays one tap)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.terminal.chat import run_chat
from tests.integration.test_reminders_preview import AUDITOR, WORKER, submitted

LONDON = ZoneInfo("Europe/London")
LATER = datetime(2026, 12, 3, 11, 0, tzinfo=LONDON)


class Typed(io.StringIO):
    """A terminal's input, one line at a time, with something done elsewhere between lines (a callable)."""

    def __init__(self, lines: list[str | Callable[[], object]]) -> None:
        super().__init__()
        self.lines = lines

    def readline(self, size: int | None = -1) -> str:
        while self.lines:
            line = self.lines.pop(0)
            if isinstance(line, str):
                return line + "\n"
            line()
        return ""


def chat(engine: Engine, lines: list[str | Callable[[], object]], user: str = WORKER) -> str:
    out = io.StringIO()
    with time_machine.travel(LATER, tick=False):
        run_chat(engine, user, Typed(lines), out)
    return " ".join(out.getvalue().split())


def test_done_picked_by_number_asks_first_and_yes_marks_it(engine: Engine, services: Services) -> None:
    submitted(engine)  # action 1 is the worker's, open
    said = chat(engine, ["home", "4"])
    assert "→ You picked 4: Done: action 1" in said
    assert "Mark action 1 done? Share the plan with the school. (audit #1, CR-555555), due 30 Dec 2026" in said
    assert action_store.get_action(services.storage, 1).done_at is None  # nothing until yes
    said = chat(engine, ["home", "4", "yes"])
    assert "Action 1 (audit #1, CR-555555) marked done" in said
    assert action_store.get_action(services.storage, 1).done_at is not None


def test_no_keeps_it_open(engine: Engine, services: Services) -> None:
    submitted(engine)
    said = chat(engine, ["home", "4", "no"])
    assert "action 1 (Share the plan with the school., audit #1, CR-555555) stays open" in said
    assert action_store.get_action(services.storage, 1).done_at is None


def test_a_home_changed_since_shown_picks_nothing_and_is_shown_again(engine: Engine, services: Services) -> None:
    submitted(engine)

    def done_by_the_manager() -> None:
        engine.action(AUDITOR, "actions.done_confirm", "1", surface="terminal")

    said = chat(engine, ["home", done_by_the_manager, "5"])
    assert ("Your Home has changed since it was shown, so 5 may not be what you saw: nothing was done. Here it is "
            "again, numbered as it is now:") in said
    assert "You picked 5" not in said
    assert said.count("== Your audits ==") == 2  # Home again


def test_an_unchanged_home_picks_as_shown(engine: Engine) -> None:
    submitted(engine)
    said = chat(engine, ["home", "3"])
    assert "→ You picked 3: Help" in said and "Your Home has changed" not in said
