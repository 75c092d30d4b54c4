"""A checklist's name typed with a typo at the checklist picker picks it, or the picker says it is no checklist.

Found by trial 13 (Mon 7 Dec 2026 10:05): after `start audit`, `voice of teh child` was answered "I don't know that
yet. I've noted your question for the QA leads…", and the picker still waited.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.checklist_words import SMALL_WORDS, near_checklists
from bot.audits.start import matching_checklists
from bot.core.knowledge import KnowledgeService
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
NOTED = "your question is on the QA leads' list"


def test_a_checklist_name_with_a_typo_picks_that_checklist_and_says_so(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "voice of teh child", "CR-482913", "/audit kb unanswered"],
                       user="U0MGRN001")
    after = out[out.index("18) Voice of the child"):]
    assert "I took that as Voice of the child" in after
    assert "Voice of the child. Period audited" in after and "Pick the checklist first" not in after
    assert NOTED not in out and "I don't know that yet" not in out


@pytest.mark.parametrize(("typed", "meant"), [("child in need s17", "child-in-need"),
                                             ("child in need s.17", "child-in-need"),
                                             ("strategy discussions sec 47", "strategy-s47")])
def test_a_section_written_short_names_the_checklist_that_spells_it_out(shipped_knowledge: KnowledgeService,
                                                                        typed: str, meant: str) -> None:
    """Trial 22: "start audit child in need s17" was "I didn't recognise that as a checklist's name"."""
    assert near_checklists(dict(shipped_knowledge.current.kb.checklists), typed) == [meant]


@pytest.mark.parametrize("typed", ["child", "care plan", "chld"])
def test_checklist_words_that_fit_no_one_checklist_get_the_list_and_are_never_noted(engine: Engine,
                                                                                     typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", typed])
    after = out[out.index("18) Voice of the child"):]
    assert "Pick one of these:" in after and "18) Voice of the child" in after[20:]
    assert NOTED not in out and "I don't know that yet" not in out


def test_a_question_at_the_picker_is_still_answered_from_the_knowledge_base(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "what is a strategy discussion?"])
    assert "I took that as" not in out and "Pick one of these:" not in out


def _typo(word: str, where: int, kind: int) -> str:
    """One edit of a word: a letter dropped, doubled or swapped with the next."""
    i = where % (len(word) - 1)
    dropped, doubled = word[:i] + word[i + 1:], word[:i] + word[i] + word[i:]
    return (dropped, doubled, word[:i] + word[i + 1] + word[i] + word[i + 2:])[kind]


@settings(max_examples=150)
@given(pick=st.integers(min_value=0), word=st.integers(min_value=0), where=st.integers(min_value=0),
       kind=st.integers(min_value=0, max_value=2))
def test_one_typo_in_a_word_of_a_checklist_title_finds_that_checklist(shipped_knowledge: KnowledgeService, pick: int,
                                                                      word: int, where: int, kind: int) -> None:
    available = dict(shipped_knowledge.current.kb.checklists)
    checklist = list(available.values())[pick % len(available)]
    words = checklist.title.lower().split()
    longer = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not longer:
        return
    i = longer[word % len(longer)]
    typed = " ".join([*words[:i], _typo(words[i], where, kind), *words[i + 1:]])
    assert checklist.id in near_checklists(available, typed)


CHILD_TITLES = "Child in need (section 17), Child protection plan, Voice of the child"


@pytest.mark.parametrize("typed", ["the chld", "the child", "teh chld"])
def test_a_word_three_checklists_share_asks_which_listing_them_and_picks_none(engine: Engine, typed: str) -> None:
    """`the chld` picked Voice of the child for its `the`; `child` is in three titles, so the picker asks which."""
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", typed])
    after = " ".join(out[out.index("18) Voice of the child"):].split())
    assert f"More than one checklist fits: {CHILD_TITLES}. Pick one of these:" in after
    assert "I took that as" not in after and "What is the case reference?" not in after


def test_audit_start_with_a_shared_word_names_the_checklists_it_fits(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["/audit start the child"])
    said = " ".join(out.split())
    assert f"More than one checklist fits: {CHILD_TITLES}. Pick one of these:" in said
    assert "What is the case reference?" not in said


def _shared_words(available: dict) -> list[str]:
    """Words of four letters or more that two checklists' titles or more hold ("audit" names none: see
    test_words_that_fit_several_checklists_name_them)."""
    titles = [set(c.title.lower().replace("(", " ").replace(")", " ").split()) for c in available.values()]
    every = sorted({word for title in titles for word in title if len(word) >= 4 and word.isalpha()})
    return [word for word in every if sum(word in title for title in titles) >= 2 and word not in SMALL_WORDS]


@settings(max_examples=150)
@given(pick=st.integers(min_value=0), small=st.lists(st.sampled_from(sorted(SMALL_WORDS)), max_size=3),
       typo=st.booleans(), where=st.integers(min_value=0), kind=st.integers(min_value=0, max_value=2))
def test_a_word_several_checklists_share_never_picks_one_of_them(shipped_knowledge: KnowledgeService, pick: int,
                                                                 small: list[str], typo: bool, where: int,
                                                                 kind: int) -> None:
    """Small words and one word several titles share, exact or one edit off, are never read as one checklist."""
    available = dict(shipped_knowledge.current.kb.checklists)
    shared = _shared_words(available)
    word = shared[pick % len(shared)]
    typed = " ".join([*small, _typo(word, where, kind) if typo else word])
    read = matching_checklists(available, typed) or near_checklists(available, typed)
    assert len(read) != 1
    holding = {c.id for c in available.values() if word in c.title.lower().split()}
    assert holding <= set(read)
