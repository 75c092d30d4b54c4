"""Practitioners type the practice's acronyms in lower case ('what about nrpf', 'help with uasc'). Before this, a
lower-case acronym in no name list was read as a stranger's name after 'about', 'with' or 'is', and the question was
refused as identifying a child: 126 of the glossary's terms were refused in one of those places. An acronym is a
word; the same letters are still a name where only a name can stand ('a boy called nrpf')."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.privacy.initials import GLOSSARY_FILE
from bot.privacy.screen import Screen

GLOSSARY = sorted(yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))["glossary"])
PLACES = ["what about {}", "help with {}", "is {} needed", "who does {}", "do we need {}", "{} guidance"]


def kinds(screen: Screen, text: str) -> list[str]:
    return [finding.kind for finding in screen.find(text)]


@pytest.mark.parametrize("place", PLACES)
def test_glossary_acronyms_typed_in_lower_case_are_asked_not_refused(identifier_screen: Screen, place: str) -> None:
    # an acronym that is also a given name ('sil', 'abe') stays a name where a person is meant, so not listed here
    acronyms = [term.lower() for term in GLOSSARY if re.fullmatch(r"[A-Z]{3,6}", term)
                and term.lower() not in identifier_screen.lexicon.given]
    refused = [term for term in acronyms if kinds(identifier_screen, place.format(term))]
    assert len(acronyms) > 150
    assert refused == []


@pytest.mark.parametrize("question", ["what about nrpf for this family", "help with uasc age assessment",
                                      "is semh support needed", "what about vawg"])
def test_everyday_questions_with_lower_case_acronyms_pass(identifier_screen: Screen, question: str) -> None:
    assert kinds(identifier_screen, question) == []


@pytest.mark.parametrize("text", ["a boy called nrpf", "a girl called uasc was seen", "Sil said she was scared",
                                  "i spoke to sil today", "what about jayden smith"])
def test_the_same_letters_where_only_a_name_can_stand_are_still_refused(identifier_screen: Screen, text: str) -> None:
    assert "name" in kinds(identifier_screen, text)
