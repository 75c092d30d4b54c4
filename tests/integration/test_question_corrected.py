"""Trial 31: correcting a question repeated the same answer. `whats a PEP and how often` then `sorry, meant when is
the pep reviewed for a child in care` printed the same entry twice; `when do i need to think about PLO` then
`actually no ignore that, whats the diff between PLO and pre proceedings` gave the PLO entry again. Only the corrected
part is searched; the entry just given is said to be found again, in a line, with the next best entries offered."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.corrected import corrected_part
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
WORKER = "U0PRAN001"
PEP = "When does a personal education plan need to be in place and how often is it reviewed?"


def ask(engine: Engine, *lines: str) -> list[Reply]:
    replies: list[Reply] = []
    with time_machine.travel(NOW, tick=False):
        for line in lines:
            replies = engine.message(WORKER, line, surface="terminal")
    return replies


def test_a_correction_that_finds_the_same_entry_says_so_and_offers_the_next_best(engine: Engine,
                                                                                 services: Services) -> None:
    [reply] = ask(engine, "whats a PEP and how often", "sorry, meant when is the pep reviewed for a child in care")
    assert reply.title != PEP and f"That finds the answer I just gave you (_{PEP}_), so I won't repeat it" in reply.text
    offered = [choice.label for choice in reply.choices]
    assert PEP not in offered and offered[-1] == "None of these: ask the QA leads" and len(offered) >= 2
    stored = [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks ORDER BY id")]
    assert stored[-1] == "when is the pep reviewed for a child in care"  # the corrected words, as searched


def test_a_correction_searches_its_own_words_and_leaves_out_the_entry_just_given(engine: Engine) -> None:
    replies = ask(engine, "when do i need to think about PLO",
                  "actually no ignore that, whats the diff between PLO and pre proceedings")
    shown = [choice.label for reply in replies for choice in reply.choices]
    assert all(reply.title != "What is the Public Law Outline?" for reply in replies)
    assert "What happens in pre-proceedings?" in shown and "What is the Public Law Outline?" not in shown
    assert not any("Reading that with your last question" in reply.text for reply in replies)


def test_a_correction_that_finds_another_entry_gives_it(engine: Engine) -> None:
    replies = ask(engine, "whats a PEP and how often", "sorry i meant when must the first core group meeting be")
    assert replies[0].title == "When must the first core group meeting take place?"


@pytest.mark.parametrize("typed", ["not that i know of", "i mean well", "what is meant by drift",
                                   "ignore the bruise?", "sorry i meant"])
def test_other_lines_are_not_corrections(typed: str) -> None:
    assert corrected_part(typed) is None


@given(st.sampled_from(["sorry, meant", "actually no ignore that,", "i meant", "no sorry i meant", "scratch that -",
                        "sorry wrong question,", "oops i meant to ask", "let me rephrase:"]),
       st.sampled_from(["when is the pep reviewed", "whats the diff between PLO and pre proceedings"]))
def test_every_correction_leaves_the_corrected_question(lead: str, question: str) -> None:
    assert corrected_part(f"{lead} {question}") == question
