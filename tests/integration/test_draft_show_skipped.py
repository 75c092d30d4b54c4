"""`show` of a draft calls an optional question "skipped" only once the auditor reached it and went past (user trial
10, F11): paused at question 8, the voice checklist's optional question 12, never reached, read "— skipped"."""

from __future__ import annotations

import time_machine

from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_words_wanted import AUDITOR, DRAFTED, TO_READING

READING = "12. If the child read this record when older, what might they think of it? — "


def reading_line(engine: Engine) -> str:
    [shown] = [r for r in engine.command(AUDITOR, "show 1") if r.title]
    return next(line for line in shown.text.splitlines() if READING in line)


def test_an_optional_question_not_reached_yet_is_not_answered_and_skipped_once_passed(engine: Engine) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, TO_READING[:11], user=AUDITOR)  # paused, as it were, at question 8
        assert reading_line(engine).endswith("— **_not answered_**")
        drive(engine, TO_READING[11:], user=AUDITOR)  # at question 12 itself: still not skipped
        assert reading_line(engine).endswith("— **_not answered_**")
        drive(engine, ["skip"], user=AUDITOR)
        assert reading_line(engine).endswith("— **_skipped_**")
