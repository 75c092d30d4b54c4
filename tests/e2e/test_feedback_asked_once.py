"""Feedback is asked once, with the answer (trial 34: most sessions opened with "Was my answer … helpful?" or "… is on
the QA leads' list" from the last visit). A later session opens with neither, but `2` typed first still marks the
answer Not helpful (trial 31), and any other first line leaves it behind."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_pass_on_kept import _session  # the same asker (U0PRAN001), a session `hours` on

ASKED = "how often should i visit a child on a cp plan"


def votes(services: Services) -> list[int]:
    return [row[0] for row in services.storage.db.execute("SELECT helpful FROM kb_feedback").fetchall()]


def test_a_later_session_does_not_ask_for_feedback_again(engine: Engine, services: Services) -> None:
    first = _session(engine, [ASKED], 0)
    assert "1) Helpful 2) Not helpful" in first
    for hours in (1, 2, 3):
        opened = _session(engine, [], hours)
        assert "helpful?" not in opened.lower() and "still open" not in opened and "Helpful" not in opened
    marked = _session(engine, ["2"], 4)
    assert "You picked 2: Not helpful (offered today at 10:00)." in marked
    assert votes(services) == [0]


def test_after_any_other_line_the_number_is_not_taken_as_feedback(engine: Engine, services: Services) -> None:
    _session(engine, [ASKED], 0)
    later = _session(engine, ["my actions", "2"], 1)
    assert "Not helpful" not in later and votes(services) == []
