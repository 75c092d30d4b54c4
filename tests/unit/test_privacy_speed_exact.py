"""The screen's speed-ups change no finding: kb check and a first start screen 74,000 knowledge-base texts at
20,000 entries, so the structured patterns are tried only where their anchors are (bot/privacy/detect.py,
_ANCHORS), the costliest ones lead with the letters they can start with, and the content mode's name finders are
kept between texts (bot/privacy/content_names.py). Each must find exactly what the plain way finds, on the four
tuning corpora, the shipped knowledge base, a synthetic knowledge base of its words, and texts that each pattern
finds something in. (Never the held-out corpus.) The names below are deliberately fake test inputs for the screen.
"""

from __future__ import annotations

import re

import pytest

from bench.kb_bench import synthetic_folder
from bench.privacy_bench import TUNING, load_corpus
from bot.privacy import content_names, detect
from bot.privacy.detect import NameFinder, structured_hits
from bot.privacy.screen import Screen
from knowledge.loader import load_knowledge

# A text for each anchored pattern that the pattern finds something in, so no anchor is checked only where it is
# absent; and their near misses.
FOUND = [
    "jo.bloggs85@example.co.uk", "email jo dot bloggs at gmail dot com", "UPN A123456789012", "UPN a 1234 5678 9012",
    "Mosaic ID 1234567", "LCS ref is 123 456", "case number 123456 on Liquid Logic", "DOB 12/03/2015",
    "born on the fifteenth of May", "born on the First of June 2015", "date of birth: 1 May 2011",
    "DOB: 12 03 2015", "her birthday is on christmas eve", "born in 2011", "YOB 2012", "call 07700 900123",
    "NHS 943 476 5919", "lives near SW1A 1AA", "moved to LS11", "GIR 0AA", "visited 12 Acacia Avenue",
    "at 4 Hill Close", "flat 3", "moved to 101 Kingsway", "seen on Milton avenue", "at 12b the grove",
    "moved to the Meadows Estate", "lives at 7, the mews", "room 12 at the Travelodge", "she lives on Elm Grove Road",
    "sarahj84 on snapchat", "insta: sj_2011", "@sarahjones84", "sarahjones84 at gmail",
    "born the fourteenth of February", "born on the Twenty-First of March", "DOB the 3rd of JUNE", "born Jan 2015",
    "DOB 03/2017",
    "Kayden Smith was seen", "jayden smith", "Mrs Begum", "Tyler, Madison", "for Zoë Nowak, who lives with nan",
]
MISSED = ["the first review", "a second opinion", "May we meet?", "12 weeks", "10 working days", "address the plan",
          "the estate agent", "Road safety", "Court of Appeal", "the room", "at the back", "posted on facebook",
          "outlook is good", "turns 12 next week", "born", "the 15th", "Ward 12", "section 47", "s17ZA"]


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    shipped = load_knowledge()
    folder = tmp_path_factory.mktemp("synthetic")
    synthetic_folder(shipped, folder, len(shipped.entries) + 1_000)
    entries = list(shipped.entries.values()) + list(load_knowledge(folder).entries.values())
    corpora = [item["text"] for name in TUNING for item in load_corpus(name)]
    return [*FOUND, *MISSED, *corpora, *(text for entry in entries
                                         for text in (entry.question, *entry.alternatives, entry.answer))]


def test_every_text_in_found_has_something_found(identifier_screen: Screen) -> None:
    assert all(identifier_screen.find(text) for text in FOUND), [t for t in FOUND if not identifier_screen.find(t)]


def test_anchored_scans_find_exactly_what_scanning_every_text_finds(texts: list[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    anchored = [structured_hits(text) for text in texts]
    monkeypatch.setattr(detect, "ANCHORED", False)
    assert [structured_hits(text) for text in texts] == anchored


@pytest.mark.parametrize(("name", "lead"), [("_DATE", r"(?=[\dtfsenjmaod])"), ("_BIRTH_DAY", r"(?=[bdths])")])
def test_a_pattern_led_by_its_first_letters_matches_as_without_them(texts: list[str], name: str, lead: str) -> None:
    led = getattr(detect, name)
    assert led.pattern.startswith(lead)
    plain = re.compile(led.pattern.removeprefix(lead), led.flags)
    assert [[m.group(0) for m in led.finditer(t)] for t in texts] == \
        [[m.group(0) for m in plain.finditer(t)] for t in texts]


@pytest.mark.parametrize(("name", "words"), [("_PLATFORM_OR_X", detect._PLATFORMS + "|x"),
                                             ("_MAIL_WORD", detect._MAIL_NAMES)])
def test_the_account_gates_led_by_their_first_letters_match_as_without_them(texts: list[str], name: str,
                                                                             words: str) -> None:
    plain = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
    texts = [*texts, "on TikTok", "on tik tok", "WhatsApp", "via X", "ſnapchat", "LIVE.co.uk"]
    assert [bool(getattr(detect, name).search(t)) for t in texts] == [bool(plain.search(t)) for t in texts]


def test_content_name_finders_kept_between_texts_find_what_fresh_ones_find(
        texts: list[str], identifier_screen: Screen, monkeypatch: pytest.MonkeyPatch) -> None:
    screens = (identifier_screen, identifier_screen.with_listed(["Zebedee", "Okonkwo", "McDonagh", "Nowak"]))
    kept = [[screen.find(text, mode="content") for text in texts] for screen in screens]
    monkeypatch.setattr(content_names, "_finder", lambda lexicon, listed, kind=NameFinder: kind(lexicon, listed))
    monkeypatch.setattr(content_names, "_fold", content_names._fold.__wrapped__)
    assert [[screen.find(text, mode="content") for text in texts] for screen in screens] == kept


def test_a_word_has_a_capital_exactly_when_one_of_its_letters_is_upper_case(texts: list[str]) -> None:
    odd = ["ǅemal", "ǈ", "ΣΟΦΊΑ", "straße", "İlker", "ılık", "ﬁnn", "Ⅻ", "ⓐⓑ", "Ⓐ", "ſam", "K", "o'neill", "O’Neill",
           "mary-jane", "Mary-Jane", "ABE", "x", "Ab", "zoë", "ZOË", "Łukasz", "łukasz"]
    words = {word for text in texts for word in detect._TOKEN.findall(text)} | set(odd)
    assert [detect._has_capital(w) for w in sorted(words)] == [any(c.isupper() for c in w) for w in sorted(words)]


def test_the_kept_name_finder_starts_afresh_once_it_knows_many_words(identifier_screen: Screen,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(content_names, "MAX_WORDS_REMEMBERED", 3)
    lexicon, listed = identifier_screen.lexicon, identifier_screen.listed
    first = content_names._finder(lexicon, listed)
    first.hits("Kayden Smith and Tyler Jones met Ruby Brown")
    assert content_names._finder(lexicon, listed) is not first

