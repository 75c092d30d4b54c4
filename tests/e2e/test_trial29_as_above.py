"""Trial 29: `yes as above`, `good, see above`, and `see above` at "Why this grade?", typed going quickly through a full
audit, were refused (a note too short to be evidence; "Please say in a sentence why"): "as above" points at the note
just written. Now the answer takes the note of the nearest question above that has one, marked "As above: …" so it
reads on its own; with no note above, nothing is stored and the auditor is told to write one
(bot.audits.as_above)."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY
from tests.e2e.test_trial27_own_words import TO_YES_NO
from tests.support.text import flat

NOTE = "strategy held the same day with police"
TO_PARTNERS = [*TO_YES_NO, f"yes, {NOTE}"]  # strategy-timely answered with a note; at strategy-partners
ABOVE = f"As above: {NOTE}"


def _answers(services: Services) -> dict[str, tuple[str, str | None]]:
    return {qid: (a.value, a.evidence) for qid, a in store.answers_of(services.storage, 1).items()}


@pytest.mark.parametrize(("typed", "value"), [("yes as above", "yes"), ("Yep, as above", "yes"),
                                              ("no - see above", "no"), ("y same as above", "yes")])
def test_an_answer_as_above_takes_the_note_above(engine: Engine, services: Services, typed: str, value: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_PARTNERS, typed])
    label = {"yes": "Yes", "no": "No"}[value]
    assert f"Got it: {label}, with your note: “{ABOVE}”." in flat(out)
    assert "too short" not in flat(out)
    assert _answers(services)["strategy-partners"] == (value, ABOVE)


def test_a_grade_as_above_and_see_above_at_why_this_grade_take_the_note_above(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_PARTNERS, "yes as above", "yes", "yes", "RI see above"])
        _, noted = drive(engine, ["change 6", "good", "see above"])
    assert f"Got it: Requires improvement to be good, with your note: “{ABOVE}”." in flat(out)
    assert "Why this grade?" in flat(noted)
    assert f"Got it: Good, with your note: “{ABOVE}”." in flat(noted)
    assert _answers(services)["enquiry-quality"] == ("good", ABOVE)


def test_as_above_with_no_note_above_stores_nothing_and_says_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, "yes as above"])
    assert ("“As above” points at the note of an earlier answer, but no answer above this one has a note, so nothing "
            "was saved. Write a few words on what you saw on the file instead.") in flat(out)
    assert "strategy-timely" not in _answers(services)
