"""Trial 41 (M11, terminal only): a paste of 4 lines at Strengths stored line 1 as the strengths, line 2 as the areas
for development and line 3 as a new action. In a terminal, lines arriving within a short time of each other (a paste:
under bot.terminal.chat.PASTE_GAP apart, read without blocking) are one message, joined with newlines; piped input
(a script) is still read a line at a time."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.chat import run_chat
from tests.integration.test_action_edit import TO_ACTIONS

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
PASTE = ["Plan is clear and reviewed.", "Visits are on time.", "The child's words are recorded.",
         "Chronology up to date."]


class Terminal(io.StringIO):
    """A terminal's input: each message is typed (its lines pasted together, arriving at once), and the next waits
    for the person. `ready` says whether more input is already there, as select would on a terminal."""

    def __init__(self, messages: list[list[str]]) -> None:
        super().__init__()
        self.messages = messages
        self.pasted: list[str] = []

    def isatty(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> str:
        if not self.pasted:
            if not self.messages:
                return ""
            self.pasted = list(self.messages.pop(0))
        return self.pasted.pop(0) + "\n"

    def ready(self, timeout: float) -> bool:
        return bool(self.pasted)


def chat(engine: Engine, messages: list[list[str]]) -> str:
    out = io.StringIO()
    with time_machine.travel(MONDAY, tick=False):
        run_chat(engine, "U0MGRN001", Terminal(messages), out, prompt="")
    return " ".join(out.getvalue().split())


def strengths(services: Services) -> str | None:
    row = services.storage.db.execute("SELECT strengths FROM audits ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None


def test_a_pasted_paragraph_at_strengths_is_the_strengths_and_nothing_else(engine: Engine,
                                                                            services: Services) -> None:
    said = chat(engine, [[line] for line in TO_ACTIONS[:-2]] + [PASTE])
    assert strengths(services) == "\n".join(PASTE)
    assert "Actions (0 so far)" not in said  # the areas for development are still asked
    assert services.storage.db.execute("SELECT count(*) FROM actions").fetchone()[0] == 0


def test_lines_typed_one_by_one_are_messages_one_by_one(engine: Engine, services: Services) -> None:
    chat(engine, [[line] for line in TO_ACTIONS[:-2]] + [[PASTE[0]], [PASTE[1]]])
    assert strengths(services) == PASTE[0]
