"""fix74c C2: a checklist's number question whose words read like a time so far ("how many weeks since the
referral", "days open", "months in care", "how long") or a count to date, without `grows_with_time:`, loaded with no
word: `/audit compare` could then call a later, larger answer worse. `kb check` (and the checklist loader's own
check, in the same words) now warns of it, naming the checklist, the question and the line to add; it stays a
warning, so the checklist still loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.checklist_schema import growth_unsaid
from tests.support.cli import run_cli
from tests.support.mini_checklist import number_question, parsed

GROWING = [
    ("How many weeks since the referral?", "duration"),
    ("Days open to the service", "duration"),
    ("Months in care so far?", "duration"),
    ("How long has the child waited for a permanence plan?", "duration"),
    ("How many re-referrals since the case closed?", "total"),
    ("How many weeks has the child been in pre-proceedings?", "duration"),
]
NOT_GROWING = [
    "How many times has the child moved home in the last 12 months?",
    "How many weeks after the child moved in did the full assessment go to the fostering panel?",
    "How many contacts did you sample?",
]


@pytest.mark.parametrize(("text", "growth"), GROWING)
def test_a_number_question_reading_like_a_time_so_far_loads_with_a_warning_naming_the_fix(text: str,
                                                                                           growth: str) -> None:
    [checklist], problems = parsed(number_question(text))
    assert problems == []
    [warning] = [str(warning) for warning in checklist.warnings]
    assert warning.startswith(f"mini.yaml:10: checklist 'mini', question 'weeks' (“{text}”) reads like ")
    assert f"add the line `grows_with_time: {growth}` under it" in warning
    assert "`grows_with_time: false`" in warning


@pytest.mark.parametrize("said", ["duration", "total", "false"])
def test_a_question_that_says_whether_it_grows_is_not_warned(said: str) -> None:
    [checklist], problems = parsed(number_question("How many weeks since the referral?",
                                                   f"            grows_with_time: {said}\n"))
    assert problems == [] and checklist.warnings == ()


@pytest.mark.parametrize("text", NOT_GROWING)
def test_a_count_in_a_window_or_of_a_sample_is_not_warned(text: str) -> None:
    [checklist], _ = parsed(number_question(text))
    assert checklist.warnings == ()


def test_a_text_question_with_the_same_words_is_not_warned() -> None:
    [checklist], _ = parsed(number_question("How long has the child waited?").replace("type: number", "type: text"))
    assert checklist.warnings == ()


@given(st.text(max_size=200))
def test_any_wording_reads_as_one_of_three_kinds(text: str) -> None:
    assert growth_unsaid(text) in ("duration", "total", "")


def test_kb_check_lists_the_warning_and_the_folder_still_loads(environ: dict[str, str], kb_dir: Path) -> None:
    (kb_dir / "mini-checklist.yaml").write_text(number_question("How many days open to the service?"),
                                                encoding="utf-8")
    checked = run_cli(environ, "kb", "check", str(kb_dir))
    assert checked.code == 0 and "OK: " in checked.out and "19 checklists" in checked.out
    assert ("- mini-checklist.yaml:10: checklist 'mini', question 'weeks' (“How many days open to the service?”) "
            "reads like a time so far but does not say whether its answer grows with time, so `/audit compare` may "
            "call a later, larger answer worse: add the line `grows_with_time: duration` under it (or "
            "`grows_with_time: false` if the answer does not grow between audits).") in checked.out
