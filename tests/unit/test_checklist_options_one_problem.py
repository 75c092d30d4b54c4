"""Trial 63 (F2): `options: None, One, Two or more` (one line of text, not a YAML list) on a choice question gave
"needs `options:`, a list of 2 to 10 answers" without saying why, and a false second problem, "`flag_if` only works on
yes_no, scale and choice questions; remove it". The options problem now says the line is not a list and shows the
list form; whatever is wrong with `options`, it is one problem, and `flag_if` is not blamed for it."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.mini_checklist import SAMPLED_HEAD, problems_of


def checklist_text(question: dict[str, Any]) -> str:
    """A one-question checklist, the question as given (dumped by YAML so any options value round-trips)."""
    doc = {"checklists": [{"id": "c", "title": "C", "period": "the sampled month", "sections": [
        {"id": "s", "title": "S", "questions": [question]}]}]}
    return yaml.safe_dump(doc, sort_keys=False)


TRIAL = SAMPLED_HEAD + """\
          - id: worker-changes
            text: How many times has the child's social worker changed during the plan?
            type: choice
            options: None, One, Two or more
            flag_if: [Two or more]
"""


def test_a_comma_line_is_said_to_be_one_line_of_text_and_shown_as_a_list() -> None:
    problems = problems_of(TRIAL)
    assert len(problems) == 1, problems
    assert "`options:` is one line of text, not a list" in problems[0]
    assert "`options: [None, One, Two or more]`" in problems[0]
    assert "flag_if" not in problems[0]


def test_a_wrong_type_is_not_followed_by_an_options_problem() -> None:
    problems = problems_of(TRIAL.replace("type: choice", "type: choise"))
    assert len(problems) == 1, problems
    assert "did you mean `choice`" in problems[0]


def test_a_list_with_a_repeat_and_one_too_few_is_one_problem_naming_both() -> None:
    problems = problems_of(TRIAL.replace("options: None, One, Two or more", "options: [None, None]"))
    assert len(problems) == 1, problems
    assert "lists option 'None' twice" in problems[0]


def test_good_options_still_check_flag_if_against_them() -> None:
    problems = problems_of(TRIAL.replace("options: None, One, Two or more", "options: [None, One, Several]"))
    assert len(problems) == 1, problems
    assert "`flag_if` lists 'Two or more', which is not a possible answer" in problems[0]


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
MALFORMED = st.one_of(
    st.lists(TEXT.filter(str.strip), min_size=2, max_size=4).map(", ".join),  # the comma line of trial 63
    TEXT, st.integers(), st.booleans(), st.just(None),
    st.dictionaries(TEXT.filter(str.strip), TEXT, min_size=1, max_size=2),
    st.lists(TEXT, max_size=1),  # too few
    st.lists(st.sampled_from(["A", "B", "", "x" * 120]), min_size=11, max_size=12),  # too many, and bad items
    st.lists(st.one_of(st.integers(), st.just("A")), min_size=2, max_size=4),  # a number, or a repeat
)


@settings(max_examples=120, deadline=None)
@given(options=MALFORMED, flag=st.sampled_from([["A"], ["Two or more"], ["no"]]))
def test_any_malformed_options_is_exactly_one_options_problem_and_no_flag_if_advice(options: Any,
                                                                                   flag: list[str]) -> None:
    question = {"id": "q", "text": "How many?", "type": "choice", "options": options, "flag_if": flag}
    problems = problems_of(checklist_text(question))
    assert len(problems) == 1, problems
    assert "option" in problems[0]
    assert "`flag_if`" not in problems[0]
