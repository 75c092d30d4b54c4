"""A refusal must not write the name it refused back into Slack (trial finding: "“Tyler Brown” looks like a child's
or family member's name: …" put the child's name in the bot's own message a second time, in a channel for an
@mention). Each word found is shown by its first character and "…", enough for the person who typed it to see which
words to change; the kind found and the advice stay as they were. All names and numbers here are invented."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import (
    DEFAULT_CASE_REFERENCE_PATTERN,
    KINDS,
    LABELS,
    Finding,
    Screen,
    check_case_reference,
    explain,
    masked,
    one_per_word,
    screen_text,
)

PATTERN = re.compile(DEFAULT_CASE_REFERENCE_PATTERN, re.IGNORECASE)


@pytest.mark.parametrize(("words", "shown"), [
    ("Tyler Brown", "T… B…"), ("07700 900123", "0… 9…"), ("jayden", "j…"), ("Miss D", "M… …"), ("JS", "J…"),
    ("D", "…"), ("14 Elm Road", "1… E… R…"), ("carer.name@example.org", "c…"), ("SW1A 1AA", "S… 1…"),
    ("Mr J", "M… …"), ("Baby K", "B… …"), ("J S", "… …"),  # an initial is never shown whole (trial 38, LOW)
])
def test_each_word_found_keeps_its_first_character_only(words: str, shown: str) -> None:
    assert masked(words) == shown


def test_the_kind_and_the_advice_are_said_as_before_around_the_masked_words() -> None:
    label, advice = KINDS["name"]
    said = explain([Finding("name", LABELS["name"], "Tyler Brown")])
    assert said == f"“T… B…” looks like {label}: {advice}"
    assert "Tyler" not in said and "Brown" not in said


def test_several_findings_of_one_kind_are_each_masked_in_one_clause() -> None:
    said = explain([Finding("name", LABELS["name"], "Tyler Brown"), Finding("name", LABELS["name"], "jayden"),
                    Finding("phone", LABELS["phone"], "07700 900123")])
    assert said.startswith("“T… B…” and “j…” look like a child's or family member's name: refer to them by role")
    assert "; “0… 9…” looks like a phone number: leave it out" in said
    assert not {"Tyler", "Brown", "jayden", "07700", "900123"} & set(re.findall(r"\w+", said))


def test_a_refused_note_does_not_repeat_the_name_it_refuses(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("Tyler Brown was seen alone and said he feels safe", identifier_screen, "that evidence note")
    message = str(refused.value)
    assert message.startswith("I can't store that evidence note: “T… B…” looks like a child's or family member's name")
    assert "Nothing was saved." in message
    assert "Tyler" not in message and "Brown" not in message


def test_a_case_reference_refused_where_many_read_it_is_masked_too() -> None:
    with pytest.raises(UserError) as refused:
        screen_text("Winter learning from CR-882019", Screen.listed_only(), "that campaign name",
                    read_by="every auditor")
    message = str(refused.value)
    assert "“C…” looks like a case reference" in message and "882019" not in message


def test_a_case_reference_that_is_an_nhs_number_is_refused_without_repeating_it() -> None:
    with pytest.raises(UserError) as refused:
        check_case_reference("9434765919", PATTERN, Screen.listed_only())
    message = str(refused.value)
    assert "“9…” looks like an NHS number" in message and "9434765919" not in message


# What the screen finds is what people type: letters (any script), digits and the punctuation inside names,
# numbers and addresses. Never "…" or the quote marks, which the reply itself writes around the masked words.
FOUND_WORD = st.text(st.characters(categories=("L", "N"), include_characters="@.-'’/+#_"), min_size=1, max_size=12)
FOUND_WORDS = st.lists(FOUND_WORD, min_size=1, max_size=4).map(" ".join)
FINDINGS = st.lists(st.builds(lambda kind, words: Finding(kind, LABELS[kind], words), st.sampled_from(sorted(KINDS)),
                              FOUND_WORDS), min_size=1, max_size=5)


@given(FINDINGS)
def test_the_reply_never_holds_a_found_word_of_two_or_more_characters_whole(findings: list[Finding]) -> None:
    """Whatever was found, the reply holds each found word of two or more characters no more often than the same reply
    with the words left out does: only where the bot's own words (its labels and advice) hold it anyway, as
    “like” is in “looks like”."""
    said = explain(findings)
    template = explain([Finding(f.kind, f.label, "") for f in one_per_word(findings)])  # a word said once
    for finding in findings:
        for word in finding.words.split():
            if len(word) >= 2:
                assert said.count(word) == template.count(word), (word, said)


@given(FOUND_WORDS)
def test_the_masked_words_keep_their_number_and_first_characters(words: str) -> None:
    shown = masked(words).split()
    assert [word[0] for word in shown] == [word[0] if len(word) > 1 else "…" for word in words.split()]
    assert all(word == "…" or (word.endswith("…") and len(word) == 2) for word in shown)
