"""Trial 43 (finding 21): `about 14 months i think` at a number question got "Please type a number". One number in a
sentence is read as the answer; two numbers, a range, a date or a bound are asked again."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, number_in_sentence
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_cancel_in_words import NOW, at_a_number_question, the_audit, typed


def test_about_14_months_i_think_is_14(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        replies = typed(engine, "about 3 months i think")
    assert all(reply.kind != "error" for reply in replies), [r.text for r in replies]
    values = [row["value"] for row in services.storage.db.query("SELECT value FROM answers WHERE audit_id = ?",
                                                                 [the_audit(services).id])]
    assert "3" in values


_WORDS = st.lists(st.sampled_from(["about", "i", "think", "months", "roughly", "maybe", "weeks", "so", "its",
                                   "visits"]), max_size=4).map(" ".join)


@given(before=_WORDS, number=st.integers(min_value=0, max_value=500), after=_WORDS)
def test_one_number_in_a_sentence_is_that_number(before: str, number: int, after: str) -> None:
    assert number_in_sentence(f"{before} {number} {after}") == str(number)


@given(first=st.integers(min_value=0, max_value=50), second=st.integers(min_value=0, max_value=50),
       joiner=st.sampled_from([" or ", "-", " to ", " but ", "/"]))
def test_two_numbers_are_never_read_as_one(first: int, second: int, joiner: str) -> None:
    with pytest.raises(AnswerError):
        number_in_sentence(f"about {first}{joiner}{second} months")


@pytest.mark.parametrize("typed_text", ["more than 14", "not 14", "no idea", "under 3 i think"])
def test_a_bound_or_no_number_is_asked_again(typed_text: str) -> None:
    with pytest.raises(AnswerError):
        number_in_sentence(typed_text)
