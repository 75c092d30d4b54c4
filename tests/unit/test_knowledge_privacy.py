"""The screen every question passes before it is stored: identifiers are caught, ordinary questions are not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen

NAMES = frozenset({"oliver", "amelia"})


def identifier_kinds(text: str, names: frozenset[str]) -> list[str]:
    """The labels the knowledge feature's screen finds (council names file only: the lists are tested elsewhere)."""
    return sorted({finding.label for finding in Screen.listed_only(names).find(text)})


@pytest.mark.parametrize("question", [
    "when is the ICPC due?",
    "45 working days",
    "s47 enquiries who leads",
    "how often do I visit a child on a CP plan, every 10 working days?",
    "section 20 vs section 31",
    "what does Ofsted mean by Requires improvement to be good",
    "CR-123456 audit resume",
    "is a 12 week review too late for a PEP",
    "what happens at 26 weeks in PLO",
])
def test_ordinary_practice_questions_pass(question: str) -> None:
    assert identifier_kinds(question, NAMES) == []


@given(st.text(max_size=500))
def test_any_text_is_screened_without_error(text: str) -> None:
    kinds = identifier_kinds(text, NAMES)
    assert all(isinstance(kind, str) and kind for kind in kinds)


def with_check_digit(nine: str) -> str | None:
    """A valid NHS number from nine digits, or None when no check digit fits (modulus 11 gives 10)."""
    check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
    return None if check == 10 else nine + str(0 if check == 11 else check)


@given(prefix=st.text(alphabet="abcdefghij ?", max_size=40),
       digits=st.from_regex(r"[1-9][0-9]{8}", fullmatch=True).map(with_check_digit).filter(bool),
       suffix=st.text(alphabet="klmnop ?", max_size=40))
def test_a_valid_nhs_number_anywhere_is_caught(prefix: str, digits: str, suffix: str) -> None:
    assert "an NHS number" in identifier_kinds(f"{prefix} {digits} {suffix}", NAMES)


@given(name=st.sampled_from(["Oliver", "Amelia"]), filler=st.text(alphabet="qrtuvxyz ", max_size=30))
def test_a_listed_name_written_with_a_capital_is_caught(name: str, filler: str) -> None:
    assert "a child's or family member's name" in identifier_kinds(f"{filler} {name}'s plan {filler}", NAMES)


def test_kb_check_screens_an_edited_entry_again_and_never_remembers_a_text_holding_an_identifier() -> None:
    from dataclasses import replace

    from bot.privacy import knowledge_screen
    from bot.privacy.knowledge_screen import identifier_problems
    from knowledge.loader import load_knowledge

    kb = load_knowledge()
    screen = Screen.listed_only(NAMES)
    assert identifier_problems(kb, screen) == []  # every text now remembered as clean
    entry = kb.entries["icpc-timescale"]
    leaked = entry.answer + " Oliver's NHS number is 943 476 5919."
    edited = replace(kb, entries={**kb.entries, entry.id: replace(entry, answer=leaked)})
    for _ in range(2):  # found again the second time: a text with an identifier is never remembered
        [problem] = identifier_problems(edited, screen)
        assert "entry 'icpc-timescale' answer" in str(problem) and "NHS number" in str(problem)
    assert not any(key[-1] == leaked for key in knowledge_screen._CLEAN)
