"""Practitioners type the practice's own words in lower case ('what about strat', 'help with cuckooing', 'is a
genogram needed'). Before this, a vocabulary word that no English word list holds ('strat', 'genogram', 'absconded')
was read as a stranger's name after 'about', 'with' or 'is', and the question was refused as identifying a child:
186 of the vocabulary's one-word phrasings were unknown words. A word of the practice is a word; the same letters are
still a name where only a name can stand ('a boy called strat')."""

from __future__ import annotations

import pytest

from bot.privacy.initials import vocabulary_words
from bot.privacy.screen import Screen

PLACES = ["what about {}", "help with {}", "is {} needed", "who does {}", "do we need {}", "{} guidance"]


def kinds(screen: Screen, text: str) -> list[str]:
    return [finding.kind for finding in screen.find(text)]


@pytest.mark.parametrize("place", PLACES)
def test_vocabulary_words_typed_in_lower_case_are_asked_not_refused(identifier_screen: Screen, place: str) -> None:
    # a word the name lists also hold as a given name stays a name where a person is meant, so not listed here
    words = sorted(word for word in vocabulary_words() if word not in identifier_screen.lexicon.given)
    refused = [word for word in words if kinds(identifier_screen, place.format(word))]
    assert len(words) > 500
    assert refused == []


@pytest.mark.parametrize("question", ["what about strat", "help with strat", "is strat needed before the visit",
                                      "what about cuckooing", "help with a genogram", "what about gillick"])
def test_everyday_questions_with_practice_words_pass(identifier_screen: Screen, question: str) -> None:
    assert kinds(identifier_screen, question) == []


@pytest.mark.parametrize("text", ["a boy called strat", "Strat said he was scared", "a girl called ecomap",
                                  "what about ruby gillick", "Ruby Gillick was seen at home"])
def test_the_same_words_where_only_a_name_can_stand_are_still_refused(identifier_screen: Screen, text: str) -> None:
    assert "name" in kinds(identifier_screen, text)

