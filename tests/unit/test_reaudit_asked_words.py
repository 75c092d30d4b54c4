"""Trial 56 F10: the words a person asks when one case is re-audited in, read as that case (whatever way the reference
is typed), and the words that are not that question left alone (the general question, the command that starts one)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.reaudit_asked import asks_mine, case_named

WORDINGS = ("when will {ref} be re-audited", "when will {ref} be reaudited?", "whens the reaudit for {ref}",
            "when's the re-audit for {ref}", "when is {ref} due a re-audit", "is {ref} due a re-audit?",
            "is {ref} due for a reaudit", "when is the next re-audit of {ref}", "hi, when does {ref} get re-audited",
            "any idea when {ref} will be re-audited", "does {ref} need a re-audit", "by when is {ref} re-audited")
REFS = st.builds(lambda prefix, sep, digits: f"{prefix}{sep}{digits}", st.sampled_from(["CR", "cr", "Cr", "CASE"]),
                 st.sampled_from(["-", "", " "]), st.from_regex(r"\A[0-9]{4,10}\Z"))


@given(wording=st.sampled_from(WORDINGS), ref=REFS)
def test_a_case_named_in_a_re_audit_question_is_read_as_that_case(wording: str, ref: str) -> None:
    read = case_named(wording.format(ref=ref))
    assert read is not None
    assert re.sub(r"[\s-]", "", read).lower() == re.sub(r"[\s-]", "", ref).lower()


@pytest.mark.parametrize("typed", ["when is a case re-audited", "re-audit CR-139561", "reaudits",
                                   "when was CR-139561 audited", "what is a re-audit",
                                   "do i re-audit CR-139561 on the old checklist"])
def test_other_words_are_not_a_case_re_audit_question(typed: str) -> None:
    assert case_named(typed) is None


@pytest.mark.parametrize("typed", ["when is my next reaudit", "when's my next re-audit", "when are my re-audits due",
                                   "do i have any re-audits due", "when are my cases due a re-audit"])
def test_asking_after_ones_own_re_audits(typed: str) -> None:
    assert asks_mine(typed)


@pytest.mark.parametrize("typed", ["when is a case re-audited", "when is my next audit", "my reaudits",
                                   "when is CR-139561 due a re-audit"])
def test_not_asking_after_ones_own_re_audits(typed: str) -> None:
    assert not asks_mine(typed)
