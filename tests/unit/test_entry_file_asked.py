"""The reply to "Which file should the new entry go in?" (bot/asking/entry_file_asked.file_chosen): a number as
listed, or a file's name as `| file: …` takes it, a letter or two wrong forgiven only when no other file is as close;
never a file it does not name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from bot.asking.entry_file_asked import _stem, file_chosen

FILES = ["kb/auditing-here.yaml", "kb/care-leavers.yaml", "kb/child-protection.yaml", "kb/children-in-care.yaml",
         "kb/court-and-pls.yaml", "kb/exploitation-and-missing.yaml", "kb/good-practice.yaml", "kb/ilacs.yaml",
         "kb/legal-and-consent.yaml", "kb/placements-and-permanence.yaml", "kb/practice-and-measures.yaml",
         "kb/signs-of-harm.yaml", "kb/timescales.yaml"]


@given(st.integers(min_value=1, max_value=len(FILES)), st.sampled_from(["{}", "#{}", "{}.", "{})", " {} ", "file {}"]))
def test_a_listed_number_picks_that_file(number: int, shape: str) -> None:
    assert file_chosen(shape.format(number), FILES) == FILES[number - 1]


@given(st.integers().filter(lambda number: not 1 <= number <= len(FILES)))
def test_a_number_not_listed_picks_none(number: int) -> None:
    assert file_chosen(str(number), FILES) is None


@given(st.sampled_from(FILES), st.sampled_from(["{path}", "{stem}", "{stem}.yaml", "`{stem}`"]), st.booleans())
def test_a_files_own_name_picks_it_in_any_case(file: str, shape: str, upper: bool) -> None:
    typed = shape.format(path=file, stem=_stem(file))
    assert file_chosen(typed.upper() if upper else typed, FILES) == file


@given(st.sampled_from(FILES), st.data())
def test_a_letter_wrong_picks_the_file_or_none_never_another(file: str, data: st.DataObject) -> None:
    stem = _stem(file)
    at = data.draw(st.integers(min_value=0, max_value=len(stem) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    typed = data.draw(st.sampled_from([stem[:at] + stem[at + 1:], stem[:at] + letter + stem[at + 1:],
                                       stem[:at] + letter + stem[at:]]))
    chosen = file_chosen(typed, FILES)
    closest = min(Levenshtein.distance(typed, _stem(name)) for name in FILES)
    assert chosen in (file, None) or Levenshtein.distance(typed, _stem(chosen)) == closest
    if len(stem) > 6 and closest == Levenshtein.distance(typed, stem) and \
            sum(Levenshtein.distance(typed, _stem(name)) == closest for name in FILES) == 1:
        assert chosen == file


@given(st.text(max_size=60))
def test_any_reply_picks_a_listed_file_or_none(text: str) -> None:
    assert file_chosen(text, FILES) in (*FILES, None)


def test_words_naming_no_file_pick_none() -> None:
    assert file_chosen("the one about legal stuff", FILES) is None
    assert file_chosen("yes", FILES) is None
    assert file_chosen("good practise", FILES) == "kb/good-practice.yaml"
