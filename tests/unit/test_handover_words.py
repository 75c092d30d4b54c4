"""How a handover asked in words reads (trial 50: `N1 is off sick, can i hand action 2 over to N2` was read as pausing
N1's reminders, `reassign action 2 to social worker n2` went on the QA leads' list): an action's number and a person
are both needed, and no line makes the reading fail."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.action_handover import Handover, said
from tests.support.examples import examples


@pytest.mark.parametrize(("typed", "read"), [
    ("N1 is off sick, can i hand action 2 over to N2", Handover(2, "N2")),
    ("reassign action 2 to social worker n2", Handover(2, "social worker n2")),
    ("can I hand over action #41 to Social worker N2 please?", Handover(41, "Social worker N2")),
    ("pass action 3 on to sw n2 while she is off", Handover(3, "sw n2")),
    ("Give the action 7 to <@U0PRAN002>.", Handover(7, "<@U0PRAN002>")),
    ("transfer action 5 to the manager, thanks", Handover(5, "the manager")),
])
def test_a_handover_names_the_action_and_the_person(typed: str, read: Handover) -> None:
    assert said(typed) == read


@pytest.mark.parametrize("typed", [
    "can i hand action 2 over", "reassign it to N2", "hand over action to N2", "action 2 owner N2",
    "give action 2 to ?", "who can i give action 2 to", "extend action 2 to 15/1", "",
])
def test_a_line_without_both_an_action_number_and_a_person_is_not_a_handover(typed: str) -> None:
    assert said(typed) is None


@settings(max_examples=examples(300))
@given(st.text(max_size=80) | st.text(alphabet=st.sampled_from(list("hand over give reassign action to #12N,?.")),
                                      max_size=60))
def test_reading_never_fails_and_needs_an_action_number_and_a_person(text: str) -> None:
    read = said(text)
    if read is not None:
        named = re.search(r"action\s*#?(\d+)", text, re.IGNORECASE)
        assert named is not None and read.action_id in {int(n) for n in re.findall(r"action\s*#?(\d+)", text,
                                                                                    re.IGNORECASE)}
        assert read.who and read.who == read.who.strip() and read.who.lower() in " ".join(text.split()).lower()
