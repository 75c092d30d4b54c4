"""fix74c C1: a dozen previews each cut text their own way (bot.core.cut_short's docstring named them). They now cut
with `clip` or `clip_at_word`; here what a reader sees of each cut, and that `redact`'s `cut_quotes` finds a quote
cut either way, whatever the text and the length."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.core.cut_short import ELLIPSIS, clip, clip_at_word, cut_quotes, first_words
from knowledge.dates import DateError, parse_day

NOTE = "Rang the school,  spoke to the head;\nagreed a plan for the autumn term with mum and the SENCo."
MARKER = "[removed]"


def test_a_text_that_fits_is_shown_whole_by_either_cut() -> None:
    assert clip("Approve", 75) == "Approve" and clip_at_word("Approve", 75) == "Approve"


def test_clip_cuts_part_way_through_a_word_and_never_leaves_a_space_before_the_ellipsis() -> None:
    assert clip("Review the plan with the family", 10) == "Review th…"
    assert clip("Review the plan with the family", 8) == "Review…"


def test_a_preview_on_one_line_has_its_spacing_made_single_first() -> None:
    assert clip(NOTE, 30, one_line=True) == "Rang the school, spoke to the…"
    assert "\n" in clip(NOTE, 60)  # a Slack section keeps its lines


def test_a_cut_between_words_drops_the_punctuation_it_ends_on() -> None:
    assert clip_at_word(NOTE, 20, one_line=True) == "Rang the school…"
    assert clip_at_word(NOTE, 40, one_line=True) == "Rang the school, spoke to the head…"


def test_a_commands_long_tail_ends_with_a_spaced_ellipsis() -> None:
    assert clip_at_word("I agree with the grade and the actions set", 20, mark=" " + ELLIPSIS) == "I agree with the …"


WORDS = st.lists(st.text(alphabet="abcdefghij,.;:", min_size=1, max_size=9), min_size=1, max_size=30)


@given(words=WORDS, gaps=st.sampled_from([" ", "  ", "\n"]), limit=st.integers(min_value=5, max_value=120),
       at_word=st.booleans(), one_line=st.booleans())
def test_redaction_finds_a_quote_cut_either_way_at_any_length(words: list[str], gaps: str, limit: int,
                                                             at_word: bool, one_line: bool) -> None:
    text = "Said " + gaps.join(words)
    cut = (clip_at_word if at_word else clip)(text, limit, one_line=one_line)
    assume(cut.endswith(ELLIPSIS) and len(cut) > 5)
    shown = f"The note was “{cut}”, kept."
    assert cut_quotes(shown, text, MARKER, 4) == f"The note was “{MARKER}”, kept."


# fix77e: the reflection's opening and the date quoted back cut here too (knowledge.text_cut, which bot.core.cut_short
# names for the bot), each as it always has.


def test_a_reflection_opening_is_its_first_six_words_and_an_ellipsis_only_when_words_were_left_off() -> None:
    opening = first_words("I  rushed\nthe chronology and missed a visit", 6)
    assert opening == ("I rushed the chronology and missed", ELLIPSIS)
    assert first_words("Good, thorough work", 6) == ("Good, thorough work", "")


def test_a_date_quoted_back_keeps_the_space_at_its_cut_as_it_always_has() -> None:
    cut = clip("after the long half term gap next year", 30, one_line=True, trim=False)
    assert cut == "after the long half term gap …"
    with pytest.raises(DateError) as said:
        parse_day("after the long half term gap next year please", dt.date(2026, 12, 7))
    assert "I could not read 'after the long half term gap …' as a date." in str(said.value)


@given(text=st.text(alphabet="ab ,\n", max_size=60))
def test_the_date_quote_and_the_reflection_opening_cut_as_before(text: str) -> None:
    flat = " ".join(text.split())
    assert clip(text, 30, one_line=True, trim=False) == (flat if len(flat) <= 30 else flat[:29] + "…")
    shown, more = first_words(text, 6)
    assert shown + more == " ".join(text.split()[:6]) + ("…" if len(text.split()) > 6 else "")
