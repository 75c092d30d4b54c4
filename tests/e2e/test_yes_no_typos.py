"""A yes or a no typed with a typo or informally at a yes/no question is taken, and said back.

Found by trial 13 (Mon 7 Dec 2026): at a yes/no question `yse` and `ys` got "! Please answer yes or no", though
`requires improvment` and `inadequte` are forgiven at a grade.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.yes_no_words import _NOT_YES, NO_FORMS, YES_FORMS, yes_or_no
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
START = ["start audit", "1", "AB-1234", "1"]  # Care leavers: two yes/no questions come first
FIRST = "Is there an immediate safeguarding concern"
SECOND = "Was a needs assessment completed"
THIRD = "Is there a current pathway plan"


@pytest.mark.parametrize(("first", "second", "said"), [("nope", "yse", "Yes"), ("no.", "ys", "Yes"),
                                                       ("nah", "yeah", "Yes"), ("No!", "yep", "Yes"),
                                                       ("n", "yess", "Yes"), ("no", "yes.", "Yes")])
def test_a_typo_or_an_informal_yes_or_no_answers_the_question_and_is_said_back(engine: Engine, first: str,
                                                                             second: str, said: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*START, first, second])
    assert "Please answer yes or no" not in out
    after = out[out.index(SECOND):]
    assert THIRD in after
    assert f"Got it: {said}." in after  # said back, as plainly typed as the button says it or not (trial 26)


def test_a_word_that_is_no_yes_or_no_is_still_refused(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*START, "yet"])
    assert "Please answer yes or no" in out


_punctuation = st.sampled_from(["", ".", "!", "!!", " .", ","])


@given(form=st.sampled_from(sorted(YES_FORMS | NO_FORMS)), upper=st.booleans(), end=_punctuation,
       space=st.sampled_from(["", " ", "  "]))
def test_every_form_of_yes_and_no_is_read_in_any_case_with_punctuation(form: str, upper: bool, end: str,
                                                                       space: str) -> None:
    typed = f"{space}{form.upper() if upper else form}{end}{space}"
    assert yes_or_no(typed) == ("yes" if form in YES_FORMS else "no")


@given(at=st.integers(min_value=0, max_value=3), kind=st.sampled_from(["drop", "double", "swap", "change"]),
       letter=st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
def test_one_typo_of_yes_never_reads_as_no_and_is_yes_unless_it_is_another_word(at: int, kind: str,
                                                                                 letter: str) -> None:
    word, i = "yes", at % 3
    typo = {"drop": word[:i] + word[i + 1:], "double": word[:i] + word[i] + word[i:],
            "swap": word[:i] + word[i + 1:i + 2] + word[i] + word[i + 2:] if i < 2 else word,
            "change": word[:i] + letter + word[i + 1:]}[kind]
    read = yes_or_no(typo)
    assert read != "no"
    if typo.startswith("y") and typo not in {"yet", "yew", "yen", "yrs"}:
        assert read == "yes"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=12))
def test_a_longer_word_is_never_a_yes_or_a_no_unless_a_held_letter(word: str) -> None:
    read = yes_or_no(word)
    assert read is None or re.sub(r"(.)\1+", r"\1", word) in YES_FORMS | NO_FORMS  # "yessss": a letter held down


def test_every_word_kept_from_being_a_yes_is_refused_as_one() -> None:
    """Review 14, R11: the list of real words one edit from "yes" held "yea", a yes form read before the list is
    looked at; a word there must be one the auditor is asked again for, not one taken as yes."""
    assert _NOT_YES and all(yes_or_no(word) is None for word in _NOT_YES)
