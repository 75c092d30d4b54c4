"""Trial 32: `2 (one was day 5, one never offered)` and `all 3` at a count question were told "Please type a number",
and the note was lost. A leading count ("all 3", "both", "none" too) is the answer, the rest its note, as a yes/no's
note is."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY, TO_REVIEWS

AT_COUNT = [*TO_REVIEWS, "yes", "yes"]  # question 17: how many full months on the plan


def _stored(services: Services) -> tuple[str, str | None]:
    """The count question's stored answer and note (the only answer that is a number)."""
    answer = next(answer for answer in store.answers_of(services.storage, 1).values() if answer.value.isdigit())
    return answer.value, answer.evidence


@pytest.mark.parametrize(("typed", "stored"), [
    ("2 (one was day 5, one never offered)", ("2", "one was day 5, one never offered")),
    ("all 3", ("3", None)),
    ("both, reviewed at each core group", ("2", "reviewed at each core group")),
    ("none - plan only started last week", ("0", "plan only started last week")),
    ("4 plan started in august 2026", ("4", "plan started in august 2026")),
])
def test_a_count_takes_its_note(engine: Engine, services: Services, typed: str,
                                stored: tuple[str, str | None]) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_COUNT, typed])
    said = " ".join(out.split())
    assert "Please type a number" not in said
    assert _stored(services) == stored
    if stored[1] is not None:
        assert f"with your note: “{stored[1]}”" in said


def test_a_count_with_a_note_too_short_says_the_count_was_read(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_COUNT, "2 (late)"])
    assert "I read 2, but the note after it is too short to be evidence" in " ".join(out.split())
    assert not any(answer.value.isdigit() for answer in store.answers_of(services.storage, 1).values())
