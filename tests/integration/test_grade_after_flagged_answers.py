"""Trial 48 (F7): at "How would you grade how well the child's experience of neglect is understood?" a manager who had
answered 2a (the GCP2 repeated) No and 3 (an up-to-date chronology) No typed `good`, then `ok i guess` as the note, and
was told "Got it: Good, with your note: “ok i guess”.". A vague note is now refused as evidence, wherever a note is
taken, and a Good grade after flagged answers in its section names them once, without blocking a note that explains."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_evidence
from bot.audits.hedged_answers import VAGUE_WORDS, note_long_enough
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

WORKING_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday, in working hours
# 1 no concern, 2 GCP2 used yes, 2a repeated no, 3 chronology no, 4 daily life yes, 5 partners yes: then the grade
TO_THE_GRADE = ["/audit start neglect", "CR-551234", "1", "no", "yes", "no", "no", "yes", "yes"]
FLAGGED = ("Questions 2a and 3 were answered No, which the checklist flags: say in your note how the practice is "
           "still Good, or change the grade: type the new one here (such as requires improvement) or change 6.")


def _flat(out: str) -> str:
    return " ".join(out.split())


def test_ok_i_guess_is_refused_and_the_flagged_answers_are_named_once(engine: Engine, services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*TO_THE_GRADE, "good", "ok i guess"])
    said = _flat(out)
    assert "Got it: Good, with your note: “ok i guess”" not in said
    assert "“ok i guess” says how it felt, not what you saw on the file, so nothing was saved." in said
    assert said.count(FLAGGED) == 1, said[-1500:]
    assert not store.answers_of(services.storage, 1)["understanding-quality"].evidence


def test_a_note_that_explains_is_taken_at_its_word(engine: Engine, services: Services) -> None:
    note = "GCP2 not repeated but the daily care is described well and partners were asked"
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*TO_THE_GRADE, f"good, {note}"])
    said = _flat(out)
    assert f"Got it: Good, with your note: “{note}”. {FLAGGED}" in said
    assert store.answers_of(services.storage, 1)["understanding-quality"].evidence == note


def test_no_flag_in_the_section_or_a_lower_grade_says_nothing(engine: Engine) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, clean = drive(engine, ["/audit start neglect", "CR-551234", "1", "no", "yes", "yes", "yes", "yes", "yes",
                                  "good"])
        _, lower = drive(engine, [*TO_THE_GRADE, "requires improvement"])
    assert "which the checklist flags" not in clean and "which the checklist flags" not in lower


@pytest.mark.parametrize("typed", ["yes, ok i guess", "no, seems ok", "yes all good", "no - fine"])
def test_a_vague_note_after_a_yes_or_no_is_refused_as_vague(engine: Engine, typed: str) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, ["/audit start neglect", "CR-551234", "1", typed])
    assert "but the note after it is too vague to be evidence (it says nothing of what you saw), so nothing was saved" \
        in _flat(out)


_VAGUE = st.lists(st.sampled_from(sorted(VAGUE_WORDS)), min_size=1, max_size=3).flatmap(
    lambda felt: st.lists(st.sampled_from(["i", "it", "all", "so", "seems", "quite", "on", "the", "whole"]), max_size=3)
    .map(lambda small: [*small, *felt]))
_CASED = st.sampled_from([str.lower, str.upper, str.title])
_END = st.sampled_from(["", ".", "!", " .", "..."])


@given(_VAGUE, _CASED, _END)
def test_words_that_only_say_how_it_felt_are_never_evidence(words: list[str], case: object, end: str) -> None:
    note = case(" ".join(words)) + end  # type: ignore[operator]
    assert not note_long_enough(note)
    with pytest.raises(AnswerError):
        parse_evidence(note)


@given(_VAGUE, st.sampled_from(["chronology", "visits", "plan", "GCP2", "school", "attendance", "dentist"]))
def test_one_word_of_what_was_seen_makes_it_a_note(words: list[str], seen: str) -> None:
    note = " ".join([*words[:2], seen, "recorded", "weekly"])
    assert note_long_enough(note)
    assert parse_evidence(note) == note


EXPLAINED = "good, GCP2 not repeated but daily care is described well and partners were asked"
# the neglect audit on from the grade above: 7, 8 yes, 9 (plans before) 0, 10 yes, the last grade, then the review
TO_THE_OVERALL_GRADE = [*TO_THE_GRADE, EXPLAINED, "yes", "yes", "0", "yes", EXPLAINED, "next"]


def test_the_suggested_grade_names_the_flagged_answers_beside_it(engine: Engine) -> None:
    """Trial 59 (F11): "From the grades you gave, I suggest Good." with answers flagged, as if none were."""
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, TO_THE_OVERALL_GRADE)
    assert ("From the grades you gave, I suggest Good (2 answers are flagged: Q2a, Q3 — if you keep Good, say in the "
            "strengths, next, how the practice is still Good). Confirm it, or choose another grade") in _flat(out)


def test_nothing_flagged_leaves_the_suggestion_as_it_was(engine: Engine) -> None:
    clean = ["/audit start neglect", "CR-551234", "1", "no", "yes", "yes", "yes", "yes", "yes", EXPLAINED,
             *TO_THE_OVERALL_GRADE[len(TO_THE_GRADE) + 1:]]
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, clean)
    assert "From the grades you gave, I suggest Good. Confirm it, or choose another grade" in _flat(out)
