"""Trial 60 F18: `compare` called a number that grows with time better or worse ("How many weeks has the child been
in pre-proceedings? — 2 → 14 (worse)", "months on the current child protection plan 6 → 1 (better)"). Such an
answer, a duration or a running total, is now set against the question's flag instead. A checklist says which
questions these are (`grows_with_time:`, checked by the loader); a snapshot stored before it could say so is read by
the question's words."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.comparison import changed_answer, compare_answers
from knowledge.checklist_schema import Answer, Checklist, Question, Section, growth_in_words
from knowledge.loader import load_knowledge
from tests.support.mini_checklist import number_question, parsed

WEEKS = Question("weeks-in-pre-proceedings", "How many weeks has the child been in pre-proceedings?", "number",
                 flag_at_least=17, grows_with_time="duration")
PLANS = Question("repeat-plans", "How many times has this child been on a plan for neglect before this one?",
                 "number", flag_at_least=1, grows_with_time="total")
LATE = Question("decisions-late", "How many contacts had no decision within one working day?", "number",
                flag_at_least=1)


def test_weeks_in_pre_proceedings_that_grew_are_not_worse_and_stay_under_the_flag() -> None:
    change = changed_answer(WEEKS, "2", WEEKS, "14")
    assert (change.before, change.after, change.direction) == ("2", "14", "")
    assert (change.growth, change.flagged) == ("duration", (False, False))


def test_a_duration_that_crosses_the_flag_says_so_without_a_verdict() -> None:
    change = changed_answer(WEEKS, "10", WEEKS, "18")
    assert (change.direction, change.flagged) == ("", (False, True))


def test_plans_before_this_one_are_a_running_total_flagged_both_times() -> None:
    change = changed_answer(PLANS, "3", PLANS, "6")
    assert (change.direction, change.growth, change.flagged) == ("", "total", (True, True))


def test_a_count_that_does_not_grow_with_time_is_still_better_or_worse() -> None:
    assert changed_answer(LATE, "1", LATE, "4").direction == "worse"
    assert changed_answer(LATE, "4", LATE, "0").direction == "better"


def test_a_duration_without_a_flag_is_said_to_grow_with_nothing_to_measure_it_against() -> None:
    open_ended = Question("weeks", "How many weeks has the child been on the plan?", "number")
    change = changed_answer(open_ended, "4", open_ended, "9")
    assert (change.direction, change.growth, change.flagged) == ("", "duration", None)


def test_a_snapshot_stored_before_checklists_could_say_so_is_read_by_its_words() -> None:
    """Audits keep the checklist they were started with: the trial's were stored without `grows_with_time`."""
    older = Question("months-on-plan", "How many full months has the child been on the current child protection "
                     "plan?", "number", flag_at_least=19)
    assert older.grows_with_time is None and older.growth == "duration"
    change = changed_answer(older, "6", older, "1")
    assert (change.direction, change.flagged) == ("", (False, False))


def test_a_checklist_that_says_false_is_believed_over_the_words() -> None:
    fixed = Question("weeks", "How many weeks has the child been in care?", "number", flag_at_least=3,
                     grows_with_time="")
    assert fixed.growth == "" and changed_answer(fixed, "1", fixed, "4").direction == "worse"


def test_the_comparison_lists_the_duration_with_no_verdict() -> None:
    one = Checklist("pre-proceedings", "Pre-proceedings", "x.yaml", 1,
                    sections=(Section("plo", "PLO", (WEEKS,)),))
    result = compare_answers(one, {WEEKS.id: Answer("2")}, one, {WEEKS.id: Answer("14")})
    [change] = result.changed
    assert change.direction == "" and change.growth == "duration"


@pytest.mark.parametrize(("text", "growth"), [
    ("How many weeks has the child been in pre-proceedings?", "duration"),
    ("How many full months has the child been on the current child in need plan?", "duration"),
    ("How long has the child been on a child protection plan, in months?", "duration"),
    ("How many times has this child been on a plan (child in need or child protection) for neglect before this "
     "one?", "total"),
    ("How many times has the child been referred again in the 12 months since closure?", "total"),
    ("How many times has the child been reported missing in the audit period?", ""),
    ("How many times has the child moved home in the last 12 months?", ""),
    ("How many weeks after the child moved in did the full assessment go to the fostering panel?", ""),
    ("How many sampled contacts had no decision within one working day?", ""),
])
def test_which_words_read_as_growing_with_time(text: str, growth: str) -> None:
    assert growth_in_words(text) == growth


@given(st.text(max_size=200))
def test_any_question_text_reads_as_one_of_three_kinds(text: str) -> None:
    assert growth_in_words(text) in ("duration", "total", "")


@functools.cache
def _shipped() -> dict[str, Checklist]:
    return dict(load_knowledge().checklists)


@pytest.mark.parametrize(("checklist", "question", "growth"), [
    ("pre-proceedings", "weeks-in-pre-proceedings", "duration"),
    ("child-protection-plan", "months-on-plan", "duration"),
    ("child-in-need", "months-open", "duration"),
    ("neglect", "repeat-plans", "total"),
    ("case-closure", "re-referrals", "total"),
])
def test_the_shipped_checklists_say_which_answers_grow_with_time(checklist: str, question: str,
                                                                 growth: str) -> None:
    found = _shipped()[checklist].question(question)
    assert found.grows_with_time == growth
    assert Checklist.from_content(_shipped()[checklist].to_content()).question(question).growth == growth


def test_no_other_shipped_number_question_grows_with_time() -> None:
    """A rolling count (moves in the last 12 months) can fall as well as rise, so it keeps better or worse."""
    growing = {(checklist.id, question.id) for checklist in _shipped().values() for question in checklist.questions()
               if question.growth}
    assert growing == {("pre-proceedings", "weeks-in-pre-proceedings"), ("child-protection-plan", "months-on-plan"),
                       ("child-in-need", "months-open"), ("neglect", "repeat-plans"), ("case-closure", "re-referrals")}


def _parsed(value: str, qtype: str = "number") -> tuple[list[Checklist], list[str]]:
    text = number_question("How many weeks has the child been in pre-proceedings?",
                           f"            grows_with_time: {value}\n").replace("type: number", f"type: {qtype}")
    checklists, problems = parsed(text)
    return checklists, [str(problem) for problem in problems]


@pytest.mark.parametrize(("value", "stored"), [("duration", "duration"), ("total", "total"), ("false", "")])
def test_the_loader_takes_each_kind(value: str, stored: str) -> None:
    [checklist], problems = _parsed(value)
    assert problems == [] and checklist.question("weeks").grows_with_time == stored


@pytest.mark.parametrize("value", ["yes", "true", "weeks", "3", "[duration]"])
def test_the_loader_refuses_anything_else_with_what_to_write(value: str) -> None:
    checklists, problems = _parsed(value)
    assert checklists == []
    [problem] = problems
    assert problem.startswith("mini.yaml:12: question 'weeks' has `grows_with_time:")
    assert "`grows_with_time: duration`" in problem and "`grows_with_time: false`" in problem


def test_the_loader_refuses_it_on_a_question_that_is_not_a_number() -> None:
    _, problems = _parsed("duration", qtype="text")
    assert problems == ["mini.yaml:12: question 'weeks': `grows_with_time` only works on number questions; remove "
                        "it."]
