"""`/audit compare`'s pure half: how the typed request is read, and what counts as better or worse between two
audits of one case (the grade order, scale answers, yes/no answers the checklist judges, questions only one
checklist asks)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.comparison import (
    CompareRequest,
    answer_direction,
    compare_answers,
    parse_request,
)
from bot.core.grade_verdict import Graded, grade_change, grade_verdict
from knowledge.checklist_schema import Answer, Checklist, Question


@pytest.mark.parametrize(("typed", "expected"), [
    ("12", CompareRequest(12)),
    (" #12 ", CompareRequest(12)),
    ("audit 12", CompareRequest(12)),
    ("12 with 9", CompareRequest(12, 9)),
    ("#12 and #9", CompareRequest(12, 9)),
    ("audit 12 with audit 9", CompareRequest(12, 9)),
    ("12, 9", CompareRequest(12, 9)),
    ("12 9", CompareRequest(12, 9)),
    ("12 VS 9", CompareRequest(12, 9)),
])
def test_the_ways_people_name_one_audit_or_two(typed: str, expected: CompareRequest) -> None:
    assert parse_request(typed) == expected


@pytest.mark.parametrize(("typed", "says"), [
    ("", "Which audit?"),
    ("   ", "Which audit?"),
    ("twelve", "I need audit numbers"),
    ("12 with", "I need audit numbers"),
    ("0", "I need audit numbers"),
    ("99999999999999999999999", "I need audit numbers"),
    ("12 with 9 and 7", "/audit compare 12 with 9"),
    ("12 with 12", "That is audit #12 twice"),
])
def test_a_request_that_is_not_one_gets_the_way_to_ask(typed: str, says: str) -> None:
    message = parse_request(typed)
    assert isinstance(message, str) and says in message


def test_the_refusal_never_repeats_what_was_typed() -> None:
    message = parse_request("Kayden Smith 12")
    assert isinstance(message, str) and "Kayden" not in message


@given(st.text(max_size=200))
def test_any_text_gives_a_valid_pair_or_a_clear_message(text: str) -> None:
    result = parse_request(text)
    if isinstance(result, CompareRequest):
        assert result.audit_id >= 1 and result.other_id != result.audit_id
        assert result.other_id is None or result.other_id >= 1
    else:
        assert isinstance(result, str) and "/audit compare" in result


@given(st.integers(1, 10**9 - 1), st.integers(1, 10**9 - 1), st.sampled_from(["with", "and", ",", "", "to"]))
def test_any_two_audit_numbers_are_read_back_exactly(first: int, second: int, joiner: str) -> None:
    result = parse_request(f"#{first} {joiner} audit {second}")
    if first == second:
        assert isinstance(result, str) and f"#{first} twice" in result
    else:
        assert result == CompareRequest(first, second)


@given(st.integers(10**9, 2**70), st.integers(1, 2**70), st.booleans())
def test_a_number_longer_than_any_audit_s_is_refused_and_never_said_back(long: int, other: int, first: bool) -> None:
    """Trial 9: a number of ten digits or more is no audit's and may be an NHS number pasted by mistake."""
    result = parse_request(f"{long} with {other}" if first else f"{other} with {long}")
    assert isinstance(result, str) and result.startswith("I need audit numbers, such as 12.")
    assert str(long) not in result


@pytest.mark.parametrize(("before", "after", "said"), [
    ("inadequate", "requires_improvement", "improved"),
    ("requires_improvement", "good", "improved"),
    ("good", "outstanding", "improved"),
    ("good", "good", "same"),
    ("outstanding", "inadequate", "worse"),
    ("good", "requires_improvement", "worse"),
    (None, "good", ""),
])
def test_the_grade_of_record_moves_along_the_grade_order(before: str | None, after: str, said: str) -> None:
    assert grade_change(before, after) == said


SCALE = Question("plan-quality", "How good is the plan?", "scale", allow_na=True)
VISITED = Question("visits", "Was the child seen alone?", "yes_no", flag_if=("no",))
CONCERN = Question("immediate-concern", "Is there an immediate concern?", "yes_no", flag_if=("yes",))
UNJUDGED = Question("consent", "Was consent recorded?", "yes_no")
DELAYS = Question("delays", "Contacts with no decision within one working day", "number", flag_at_least=1)
PLAIN_COUNT = Question("visits-count", "How many visits?", "number")


@pytest.mark.parametrize(("question", "old", "new", "direction"), [
    (SCALE, "requires_improvement", "good", "better"),
    (SCALE, "good", "inadequate", "worse"),
    (SCALE, "good", "na", ""),
    (VISITED, "no", "yes", "better"),
    (VISITED, "yes", "no", "worse"),
    (CONCERN, "yes", "no", "better"),   # the checklist says which answer is the concern
    (CONCERN, "no", "yes", "worse"),
    (UNJUDGED, "no", "yes", ""),        # nothing says which is better: no guess
    (VISITED, None, "yes", ""),
    (DELAYS, "1", "4", "worse"),        # trial 35: a count flagged at a threshold has a direction
    (DELAYS, "3", "0", "better"),
    (DELAYS, "2", "2.0", ""),
    (PLAIN_COUNT, "1", "4", ""),        # a count nothing judges: no guess
])
def test_better_or_worse_only_where_the_answer_has_an_order(question: Question, old: str | None, new: str | None,
                                                            direction: str) -> None:
    assert answer_direction(question, old, question, new) == direction


def checklist(*questions: Question, title: str = "Case file audit") -> Checklist:
    from knowledge.checklist_schema import Section

    return Checklist(id="case-file", title=title, file="test", line=1,
                     sections=(Section("s1", "Section", tuple(questions)),))


def test_only_questions_both_checklists_ask_are_compared_and_the_rest_are_counted() -> None:
    number = Question("moves", "How many moves?", "number")
    before = checklist(SCALE, VISITED, UNJUDGED, number)
    after = checklist(SCALE, VISITED, CONCERN, number)  # consent dropped, immediate concern added
    result = compare_answers(before, {"plan-quality": Answer("requires_improvement"), "visits": Answer("yes"),
                                      "consent": Answer("yes")},
                             after, {"plan-quality": Answer("good"), "visits": Answer("yes"),
                                     "immediate-concern": Answer("no")})
    [changed] = result.changed
    assert (changed.question.id, changed.before, changed.after, changed.direction) == (
        "plan-quality", "Requires improvement to be good", "Good", "better")
    assert (result.unchanged, result.answered_in_neither, result.not_comparable) == (1, 1, 2)
    assert result.compared == 3


@pytest.mark.parametrize(("before", "after", "change"), [
    (Graded("good"), Graded("good"), "same"),
    (Graded("good", "requires_improvement"), Graded("good"), ""),  # only the earlier audit moderated down
    (Graded("good", "good"), Graded("outstanding"), "improved"),  # an agreed moderation changes no grade
    (Graded("good", "requires_improvement"), Graded("good", "good"), "improved"),  # both moderated: alike
    (Graded("requires_improvement"), Graded("good", "inadequate"), ""),  # auditors: better; moderator: worse
    (Graded("inadequate", "requires_improvement"), Graded("good"), "improved"),  # both ways it went up
    (Graded("requires_improvement", "inadequate"), Graded("inadequate"), "same"),  # trial 22: no difference
    (Graded("inadequate"), Graded("requires_improvement", "inadequate"), "same"),
])
def test_grades_of_record_are_compared_like_with_like(before: Graded, after: Graded, change: str) -> None:
    assert grade_verdict(before, after).change == change
