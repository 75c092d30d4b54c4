"""Trial 60, F29: at "What is the date of the most recent completed assessment?" `not recorded`, the auditors'
commonest phrase, was refused as no date, where `not known` and `never` were taken. It and its close kin (`not on
file`, `none recorded`, `unknown`) are "Never / not known" now; a date, or a line that is neither, is still read or
refused as before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_date_answers_in_words import LIFE_STORY, TUESDAY, _audit_typing

NO_DATE = ["not recorded", "not on file", "none recorded", "unknown", "nothing recorded on the file",
           "date not known", "not on the system", "don't know", "can't find it", "no record of it", "N/K"]


def test_not_recorded_at_the_assessment_date_is_never_or_not_known(engine: Engine, services: Services) -> None:
    said, stored = _audit_typing(engine, services, "not recorded")
    assert stored == "never"
    assert "Got it: **Never / not known**." in said
    assert not any("I could not read" in text for text in said)


@given(st.sampled_from(NO_DATE), st.sampled_from(["", ".", "!", " "]), st.booleans())
def test_the_ways_of_saying_the_file_has_no_date_are_all_taken(typed: str, end: str, shouted: bool) -> None:
    line = (typed.upper() if shouted else typed) + end
    assert parse_answer(LIFE_STORY, line, TUESDAY) == "never", line


@pytest.mark.parametrize("typed", ["not recorded by the school", "whenever it suited", "not on"])
def test_other_words_are_still_no_date(typed: str) -> None:
    with pytest.raises(AnswerError):
        parse_answer(LIFE_STORY, typed, TUESDAY)


def test_a_date_is_still_a_date() -> None:
    assert parse_answer(LIFE_STORY, "16/11/2026", TUESDAY) == "2026-11-16"
