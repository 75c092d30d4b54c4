"""Options read in people's own words (trial: `step down to EH` and `still delayed, actions rolled over` were told to
pick an option, though each plainly says one), by the data in bot.audits.option_sayings; and the reader never raises,
whatever is typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.option_words import matching_options, option_by_meaning
from knowledge.loader import load_knowledge
from tests.support.examples import examples

CHECKLISTS = load_knowledge().checklists


def options(checklist: str, question: str) -> tuple[str, ...]:
    return CHECKLISTS[checklist].question(question).options


@pytest.mark.parametrize(("checklist", "question", "typed", "picked"), [
    ("child-in-need", "next-step", "step down to EH", "Step down to early help"),
    ("child-in-need", "next-step", "Step down to eh please", "Step down to early help"),
    ("child-in-need", "next-step", "step up to s47", "Step up to a strategy discussion"),
    ("child-in-need", "next-step", "closure", "Close, as outcomes are met"),
    ("case-audit", "drift", "still delayed, actions rolled over", "Delay that is still continuing"),
    ("case-audit", "drift", "actions carried forward again", "Delay that is still continuing"),
    ("case-audit", "drift", "delayed, plan not yet done", "Delay that is still continuing"),
    ("case-audit", "drift", "ongoing delay", "Delay that is still continuing"),
    ("case-audit", "drift", "no longer delayed", "No drift or delay"),
    ("case-audit", "drift", "some delays, now resolved", "Some delay, now resolved"),
    ("child-protection-plan", "drift", "still delayed, actions rolled over", "Delay that is still continuing"),
    ("early-help-spot", "next-step", "refer to CSC", "Refer to children's social care"),
    ("pre-proceedings", "outcome", "step down", "Stepped down, enough has changed"),
])
def test_natural_wordings_pick_the_option_they_mean(checklist: str, question: str, typed: str, picked: str) -> None:
    listed = options(checklist, question)
    assert (matching_options(listed, typed) or (option_by_meaning(listed, typed),)) == (picked,)


@pytest.mark.parametrize(("checklist", "question", "typed"), [
    ("case-audit", "drift", "not still delayed"),           # negated where the option is not
    ("case-audit", "drift", "delay"),                       # fits three: asked which
    ("case-audit", "drift", "continue"),                    # "go on", never an option by a form of its word
    ("child-in-need", "next-step", "the plan is drifting badly"),  # one word of one label is not an answer
    ("case-audit", "drift", "why is the delay still continuing"),  # a question, for the knowledge base
])
def test_what_does_not_say_one_option_picks_none(checklist: str, question: str, typed: str) -> None:
    listed = options(checklist, question)
    assert len(matching_options(listed, typed)) != 1 and option_by_meaning(listed, typed) is None


SHIPPED = [q.options for c in CHECKLISTS.values() for s in c.sections for q in s.questions if q.type == "choice"]


@settings(max_examples=examples(300))
@given(st.one_of(st.sampled_from(SHIPPED), st.lists(st.text(max_size=30), max_size=6).map(tuple)),
       st.text(max_size=80))
def test_the_reader_never_raises_and_names_only_options(listed: tuple[str, ...], typed: str) -> None:
    found = matching_options(listed, typed)
    meant = option_by_meaning(listed, typed)
    assert set(found) <= set(listed) and (meant is None or meant in listed)
