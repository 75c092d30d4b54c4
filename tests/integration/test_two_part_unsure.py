"""A question in two parts the search was unsure of as a whole, each part with its own entry, gets both (trial 51 F7:
"who needs to be in a strat discussion and how quick does the s47 have to be done" got three suggestions)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.routing import Engine
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch
from knowledge.two_part import answered_in_parts
from tests.support.kb_helpers import all_text, button_values

PRACTITIONER = "U0PRAN001"
SEARCH = KnowledgeSearch(load_knowledge())


def test_a_two_part_question_gets_one_entry_and_the_other_part_named(engine: Engine) -> None:
    replies = engine.message(PRACTITIONER, "who needs to be in a strat discussion and how quick does the s47 have to "
                                           "be done")
    assert replies[0].title == "When is a strategy discussion needed and who should take part?"
    text = all_text(replies)
    assert "**And for the other part of your question** (“how quick does the s47 have to be done”)" in text
    assert "section-47-enquiries" in button_values(replies, "kb.show")
    assert "Did you mean" not in text


def test_an_unsure_question_in_one_part_is_still_offered_suggestions(engine: Engine) -> None:
    text = all_text(engine.message(PRACTITIONER, "step down to early help - what happens with the plan review"))
    assert "other part of your question" not in text


# Ordinary questions with "and"/"or" in one part: never made an answer by the split
ONE_PART = st.sampled_from([
    "how do i know if it's child in need or child protection",
    "is it a cin or cp case",
    "family plan outcomes met at the review, do we close or step down",
    "what is the difference between section 20 and a care order",
    "how often should the cin plan be reviewed and who attends",
    "can i share information with the school and the gp without consent",
    "foster carer or residential, which is better for a 14 year old",
])


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(ONE_PART, st.sampled_from(["", "?", " please", " thanks"]))
def test_a_one_part_question_is_never_split_into_an_answer(question: str, tail: str) -> None:
    result = SEARCH.search(question + tail)
    split = answered_in_parts(SEARCH, result)
    assert split.outcome == result.outcome and split.answer == result.answer



def shown_entries(replies: list) -> list[str]:
    """Every entry a reply's buttons offer, by id, as often as offered."""
    return [value.partition(":")[0] for value in button_values(replies, "kb.show")]


def test_the_other_parts_entry_is_offered_once_not_also_among_related(engine: Engine) -> None:
    """Trial 53 F13: "3) What happens in pre-proceedings? … 6) What happens in pre-proceedings?"."""
    replies = engine.message(PRACTITIONER, "whats PLO and when does pre proceedings start")
    assert "other part of your question" in all_text(replies)
    offered = shown_entries(replies)
    assert offered.count("pre-proceedings") == 1 and len(offered) == len(set(offered))


FIRST_PARTS = ["whats PLO", "what is a strategy discussion", "whats the NRM", "what is a PEP",
               "who needs to be in a strat discussion"]
SECOND_PARTS = ["when does pre proceedings start", "how quick does the s47 have to be done", "is this cce",
                "when is the icpc held", "how often are cla reviews"]


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.sampled_from(FIRST_PARTS), st.sampled_from(SECOND_PARTS), st.sampled_from([" and ", " and also ", ". "]))
def test_no_entry_is_offered_twice_in_the_reply_to_a_two_part_question(engine: Engine, first: str, second: str,
                                                                       joint: str) -> None:
    offered = shown_entries(engine.message(PRACTITIONER, f"{first}{joint}{second}"))
    assert len(offered) == len(set(offered))


def test_a_comparison_answered_for_one_side_names_the_other_side_in_the_chat(engine: Engine) -> None:
    """Trial 60 F27: the difference between kinship care and special guardianship got the SGO entry alone."""
    replies = engine.message(PRACTITIONER, "nan wants to look after the kids, what is the difference between kinship "
                                           "care and special guardianship")
    assert replies[0].title == "What is a special guardianship order?"
    assert "**And for the other part of your question** (“kinship care”): What support should kinship carers get?" \
        in all_text(replies)
    assert shown_entries(replies).count("kinship-care") == 1
    one_entry = engine.message(PRACTITIONER, "whats the diff between LAC and CiC")
    assert "other part of your question" not in all_text(one_entry)
