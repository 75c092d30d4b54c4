"""What counts as a question in words (noted for the QA leads when nothing answers it) and what is pasted junk."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.asking.readable import is_pasted_junk, reads_as_words, without_control_codes

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=14).filter(lambda w: len(set(w)) > 1)


@given(words=st.lists(WORD, min_size=1, max_size=30), end=st.sampled_from(["", "?", "!", ".", " ?"]),
       joiner=st.sampled_from([" ", ", ", " - ", "/"]))
def test_any_sentence_of_words_reads_as_words(words: list[str], end: str, joiner: str) -> None:
    text = joiner.join(words) + end
    assert reads_as_words(text) and not is_pasted_junk(text)


@given(letter=st.sampled_from("abcxyz"), count=st.integers(min_value=1, max_value=200))
def test_one_letter_over_and_over_is_not_a_word(letter: str, count: int) -> None:
    assert not reads_as_words(letter * count)


def test_escape_codes_are_dropped_and_what_they_coloured_kept() -> None:
    assert without_control_codes("\x1b[1;31mwhen is the ICPC due\x1b[0m").strip() == "when is the ICPC due"
    assert is_pasted_junk("SELECT * FROM audits; -- all") and is_pasted_junk("<div>{{ x }}</div>")
    assert not is_pasted_junk("is a s47 needed when mum <says> no?")
    for ordinary in ("select a checklist from the list", "update the plan and set a review", "delete from my drafts?",
                     "insert into the plan a date", "select the team from the menu then press start"):
        assert not is_pasted_junk(ordinary), ordinary
