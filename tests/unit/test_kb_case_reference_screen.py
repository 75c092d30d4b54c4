"""Knowledge-base text is screened for case references (trial 10, F18) as people write them: with a hyphen, run
together or with a space, in any case, in Slack's markup, anywhere in a sentence; what `without_case_references`
leaves out of a wider post is exactly what the screen finds. Acts, years, a judgment's citation and the bot's own
example reference are no case. What people type is not refused for a reference: audits carry one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen, canonical_case_reference, content_reference_hits, without_case_references
from bot.settings.config import DEFAULTS

PATTERN = re.compile(DEFAULTS["case_reference_pattern"], re.IGNORECASE)  # the pattern a Screen has unless told
SCREEN = Screen.listed_only()
WORDS = st.lists(st.sampled_from(["visit", "the", "child", "every", "10", "working", "days", "on", "a", "plan,",
                                  "(see", "guidance)", "and", "review", "at", "26", "weeks."]), max_size=8)


def references(text: str) -> list[str]:
    return [finding.words for finding in SCREEN.find(text, mode="content") if finding.kind == "case_reference"]


@st.composite
def written_references(draw: st.DrawFn) -> tuple[str, str]:
    """(the reference as written, its one stored form), in the shapes people write them."""
    letters = draw(st.from_regex(r"[A-Z]{2,4}", fullmatch=True))
    digits = draw(st.from_regex(r"[1-9][0-9]{3,9}", fullmatch=True).filter(lambda d: not (
        len(d) == 4 and d[:2] in ("19", "20"))))  # `CA 1989` is an Act; with a space, a year is never a case
    joiner = draw(st.sampled_from(["-", "", " "]))
    case = draw(st.sampled_from([str.upper, str.lower, str.title]))
    return case(letters) + joiner + digits, f"{letters}-{digits}"


@given(before=WORDS, reference=written_references(), after=WORDS, markup=st.sampled_from(["", "`", "*", "_", "("]))
def test_a_case_reference_anywhere_in_an_entry_is_found_as_written(before: list[str], reference: tuple[str, str],
                                                                  after: list[str], markup: str) -> None:
    written, stored = reference
    closing = ")" if markup == "(" else markup
    text = " ".join([*before, f"{markup}{written}{closing}", *after])
    if stored == "CR-123456":
        assert references(text) == []  # the bot's own example
        return
    assert [canonical_case_reference(words) for words in references(text)] == [stored]
    assert written not in without_case_references(text, PATTERN)  # as a wider post leaves it out
    assert not [f for f in SCREEN.find(text) if f.kind == "case_reference"]  # people may type one: audits carry it


@given(st.text(alphabet="ACRcr 0123456789-\n.", max_size=80))
def test_the_screen_finds_every_reference_a_wider_post_leaves_out(text: str) -> None:
    """Only the words around a digit are read, for speed: what is found is what reading every word finds."""
    if "123456" in text:
        return  # the bot's own example reference, found by the one and not the other
    found = content_reference_hits(text, PATTERN)  # before a phone number's finding takes its digits
    assert len(found) == without_case_references(text, PATTERN, instead="\0").count("\0")


def test_only_the_case_reference_is_found_among_acts_years_judgments_and_the_bots_example() -> None:
    text = ("Children Act 1989, section 47; Working Together to Safeguard Children 2023; Re B-S (Children) [2013] "
            "EWCA Civ 1146; Re D (A Child) [2019] EWHC 2305 (Fam); [2009] 1 FLR 1234; type the case reference, like "
            "`CR-123456`; visit every 10 working days and review at 26 weeks, as for CR-882019.")
    assert references(text) == ["CR-882019"]


def test_a_phone_number_after_a_word_is_one_finding_a_phone_number_not_also_a_case() -> None:
    """Trial 17: "call 07700 900123" in a campaign's name was refused as a phone number and as the case
    "call 07700" (a word, a space, digits: how people write `CR 882019`). It is the phone number alone; a real
    reference beside it is still found. The numbers are Ofcom's drama numbers."""
    found = SCREEN.find("Voice audits, queries: call 07700 900123 or ring 0161 4960000", mode="content")
    assert [(f.kind, f.words) for f in found] == [("phone", "07700 900123"), ("phone", "0161 4960000")]
    both = SCREEN.find("CR 882019: call 07700 900123", mode="content")
    assert sorted(f.kind for f in both) == ["case_reference", "phone"]


@pytest.mark.parametrize("text", ["call the Emergency Duty Team on 0300 123 4567", "on 0300 123 4567.",
                                  "ring 0808 800 5000 for the helpline"])
def test_a_service_number_written_in_groups_is_no_case_reference(text: str) -> None:
    """Trial 18: `kb new … call the Emergency Duty Team on 0300 123 4567` was refused as the case reference "on 0300"
    (a word, a space and digits). A number in groups starting with 0 is a phone number; a reference written with a
    space followed by a count is still one."""
    assert references(text) == []
    assert references("CR 882019 12 visits missed") == ["CR 882019"]
