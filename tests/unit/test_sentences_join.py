"""A reason someone typed and what the bot says after it are joined as sentences: never "right.; action", never
"monthly..", and a reason typed without a stop is given one."""

from __future__ import annotations

import pytest

from bot.core.sentences import as_sentence, as_sentences


@pytest.mark.parametrize(("typed", "shown"), [
    ("Visits lapsed", "Visits lapsed."),
    ("Visits lapsed.", "Visits lapsed."),
    ("Is the plan SMART?", "Is the plan SMART?"),
    ("Contact was weekly!", "Contact was weekly!"),
    ('She said "not again."', 'She said "not again."'),
    ("  spaced out.  ", "spaced out."),
    ("", ""),
])
def test_a_text_is_ended_once_as_a_sentence(typed: str, shown: str) -> None:
    assert as_sentence(typed) == shown


def test_parts_are_joined_as_sentences_with_a_capital_and_no_glued_punctuation() -> None:
    joined = as_sentences("QA lead graded it Inadequate, because: the plan is not linked to the EHCP.",
                          "action set at moderation: book a review — Social worker N1, by Wednesday 30 December 2026")
    assert joined == ("QA lead graded it Inadequate, because: the plan is not linked to the EHCP. Action set at "
                      "moderation: book a review — Social worker N1, by Wednesday 30 December 2026.")
    assert as_sentences("QA lead agreed, because: plans drift", "") == "QA lead agreed, because: plans drift."
