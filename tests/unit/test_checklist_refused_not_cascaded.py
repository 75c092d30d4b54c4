"""Trial 48 (F14): `type: yes_or_no` on the neglect checklist's gcp2-used gave the right error and a false second one,
"question 'gcp2-repeated': show_if points at 'gcp2-used', which is not an earlier question". A question refused for
its own problem is reported once; questions that refer to it (`show_if`, `at_most`) are not blamed for it."""

from __future__ import annotations

from pathlib import Path

from tests.support.mini_checklist import SAMPLED_HEAD, problems_of

NEGLECT = Path(__file__).resolve().parents[2] / "knowledge" / "checklists" / "neglect.yaml"
COUNTS = SAMPLED_HEAD + """\
          - id: sampled
            text: How many contacts did you sample?
            type: numbr
          - id: late
            text: How many were late?
            type: number
            at_most: sampled
          - id: later
            text: How many were later still?
            type: number
            at_most: samplde
"""


def test_a_bad_type_on_gcp2_used_is_the_only_problem_reported() -> None:
    text = NEGLECT.read_text(encoding="utf-8")
    used = text.index("- id: gcp2-used")
    wrong = text[:used] + text[used:].replace("type: yes_no", "type: yes_or_no", 1)
    problems = problems_of(wrong, "neglect.yaml")
    assert len(problems) == 1, problems
    assert "question 'gcp2-used' has type 'yes_or_no' (did you mean `yes_no`?)" in problems[0]
    assert not any("show_if" in p for p in problems)


def test_an_at_most_on_a_refused_count_is_not_blamed_but_a_true_typo_still_is() -> None:
    problems = problems_of(COUNTS, "c.yaml")
    assert not any("points at 'sampled'" in p for p in problems), problems
    assert any("question 'sampled' has type 'numbr'" in p for p in problems)
    assert any("`at_most` points at 'samplde', which is not an earlier question" in p for p in problems)
