"""Trial 43 (finding 15): at the overall grade `hmm actually i think its inadequate, child not seen alone for months`
was told to choose a grade. A sentence naming exactly one grade is read as that grade, the rest as its reason; with a
negation just before the grade nothing is taken, and the reply says why."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.audits import grade_in_sentence
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import TO_ACTIONS
from tests.integration.test_overall_grade_words_trial41 import _said, _typed

TO_GRADE = [*TO_ACTIONS[:15], "next"]  # the early help spot check at its overall grade; the answers suggest Good


def test_a_sentence_naming_inadequate_is_that_grade_with_the_rest_as_its_reason(
        engine: Engine, services: Services) -> None:
    said = _said(_typed(engine, [*TO_GRADE, "hmm actually i think its inadequate, child not seen alone for months"]))
    assert "Read as **Inadequate**, with the rest as your reason: “child not seen alone for months”." in said, said
    assert "This sends an urgent alert now" in said  # the Inadequate check, as the button's
    _typed(engine, ["send"])
    audit = store.get_audit(services.storage, 1)
    assert audit.overall_grade == "inadequate" and audit.grade_reason == "child not seen alone for months"


def test_a_negated_grade_in_a_sentence_is_not_taken_and_says_why(engine: Engine, services: Services) -> None:
    said = _said(_typed(engine, [*TO_GRADE, "hmm its not inadequate really, the plan is fine"]))
    assert "I read a “not” before **Inadequate**, so I haven't taken a grade from that. Please choose a grade" in said
    assert store.get_audit(services.storage, 1).overall_grade is None


_WORDS = st.lists(st.sampled_from(["hmm", "the", "child", "plan", "was", "seen", "visits", "late", "months", "drift",
                                   "ok", "so", "i", "think", "its"]), min_size=0, max_size=6).map(" ".join)
_NAMES = st.sampled_from([("inadequate", "inadequate"), ("RI", "requires_improvement"), ("good", "good"),
                          ("outstanding", "outstanding"), ("requires improvement to be good", "requires_improvement")])


@given(before=_WORDS, name=_NAMES, after=_WORDS)
def test_one_grade_in_a_sentence_is_read_as_that_grade(before: str, name: tuple[str, str], after: str) -> None:
    said = grade_in_sentence.read(f"{before} {name[0]}, {after}")
    assert said is not None and said.grade == name[1] and not said.negated


@given(before=_WORDS, first=_NAMES, second=_NAMES, after=_WORDS)
def test_two_different_grades_are_no_grade(before: str, first: tuple[str, str], second: tuple[str, str],
                                           after: str) -> None:
    said = grade_in_sentence.read(f"{before} {first[0]} or {second[0]} {after}")
    assert (said is None) == (first[1] != second[1])


@given(before=_WORDS, name=_NAMES, negation=st.sampled_from(["not", "isnt", "never", "not really", "far from"]))
def test_a_negation_just_before_the_grade_is_said(before: str, name: tuple[str, str], negation: str) -> None:
    said = grade_in_sentence.read(f"{before} {negation} {name[0]}")
    assert said is not None and said.negated
