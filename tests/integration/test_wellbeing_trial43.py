"""Trial 43 (findings 10 and 11): small talk, tiredness and an anxious opening read as practice questions.

`thanks ur a lifesaver honestly` got life story work, `im so tired today and i have 3 visits and a core group` got
core groups and young carers, and `hiya im new started 2 weeks ago … honestly a bit overwhelmed, how often do i visit
a cin kid` found no entry while the bare question found its own (bot.asking.wellbeing)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.asking.wellbeing import WORKLOAD_ENTRY, only_feelings, opening_and_question
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine

WORKER = "U0PRAN001"
WORKLOAD = "What caseload should I have in my ASYE, and what do I do if my workload feels too much?"


def _said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''} {r.text} {' '.join(c.label for c in r.choices)}" for r in replies)


def _asks(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM kb_asks"))


def test_thanks_with_a_compliment_is_small_talk(engine: Engine, services: Services) -> None:
    said = _said(engine.message(WORKER, "thanks ur a lifesaver honestly", surface="terminal"))
    assert "You're welcome" in said and "life story" not in said.lower(), said
    assert _asks(services) == []


@pytest.mark.parametrize("typed", ["im so tired today and i have 3 visits and a core group",
                                   "feeling really overwhelmed today", "I'm absolutely shattered."])
def test_saying_you_are_tired_gets_a_kind_reply_and_the_workload_entry_not_logged(
        engine: Engine, services: Services, typed: str) -> None:
    replies = engine.message(WORKER, typed, surface="terminal")
    said = _said(replies)
    assert "That sounds like a lot" in said and WORKLOAD in said, said
    assert "Did you mean" not in said and "core group meeting" not in said
    assert any(c.value == WORKLOAD_ENTRY for r in replies for c in r.choices)
    assert _asks(services) == []


def test_an_anxious_opening_is_taken_off_the_question_and_a_kind_line_follows(engine: Engine) -> None:
    bare = _said(engine.message(WORKER, "how often do i visit a cin kid", surface="terminal"))
    typed = ("hiya im new started 2 weeks ago in the south team and honestly a bit overwhelmed, how often do i visit "
             "a cin kid")
    said = _said(engine.message(WORKER, typed, surface="terminal"))
    assert "Did you mean" not in said, said
    assert bare.split("\n")[0] in said  # the same entry the bare question gets
    assert "Feeling like that is very common" in said and WORKLOAD in said


def test_a_question_about_feeling_overwhelmed_is_still_a_question(engine: Engine, services: Services) -> None:
    said = _said(engine.message(WORKER, "im overwhelmed by my caseload, who do i tell?", surface="terminal"))
    assert "That sounds like a lot" not in said
    assert len(_asks(services)) == 1


@pytest.mark.parametrize(("typed", "question"), [
    ("sorry to bother you, quick one - when is the icpc due", "when is the icpc due"),
    ("hiya, im new, what is a strat", "what is a strat"),
    ("hiya, the mum refused entry, what do i do", "hiya, the mum refused entry, what do i do"),  # kept whole
    ("how do i record visits and what if the child is not seen",
     "how do i record visits and what if the child is not seen"),
])
def test_only_a_social_opening_is_taken_off(typed: str, question: str) -> None:
    assert opening_and_question(typed)[1] == question


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80))
def test_the_question_is_always_the_end_of_what_was_typed_and_reading_it_again_changes_nothing(text: str) -> None:
    opening, question = opening_and_question(text)
    assert text.endswith(question)
    assert opening_and_question(question)[1] == question or opening
    only_feelings(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("abcdefghij ,?"), max_size=40))
def test_a_message_with_no_social_words_is_never_cut(text: str) -> None:
    assert opening_and_question(f"what is {text}") == ("", f"what is {text}")
