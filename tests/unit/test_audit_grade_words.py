"""Grades typed as people type them: small typos forgiven, never a negated or ambiguous word read as a grade."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_grade
from bot.audits.grade_words import CONFIRM_WORDS, read_grade, read_grade_and_note
from knowledge.checklist_schema import GRADES

NAMES = {"outstanding": "outstanding", "good": "good", "requires improvement to be good": "requires_improvement",
         "inadequate": "inadequate"}
NOT_GRADES = {"gold", "food", "mood", "wood", "hood", "goad", "goof", "goon", "gook", "goop", "gord"}


@pytest.mark.parametrize(("typed", "grade"), [
    ("requires improvment", "requires_improvement"), ("req imp", "requires_improvement"),
    ("RI", "requires_improvement"),
    ("Requires Improvement to be good.", "requires_improvement"), ("inadequte", "inadequate"),
    ("outstandng", "outstanding"), ("Good!", "good"), ("innadequate", "inadequate"),
    ("gd", "good"), ("GD", "good"), ("inad", "inadequate"), ("outst", "outstanding"),
])
def test_small_typos_and_short_forms_are_read_as_the_grade(typed: str, grade: str) -> None:
    assert parse_grade(typed) == grade


@pytest.mark.parametrize("typed", ["not good", "Not outstanding", "adequate", "gold", "far from good", "ok",
                                   "good reviews", "goodish enough", "isnt inadequate", "requires no improvement"])
def test_a_negated_or_unrelated_word_is_never_a_grade(typed: str) -> None:
    with pytest.raises(AnswerError, match="Please choose a grade"):
        parse_grade(typed)


@given(st.text(max_size=60))
def test_any_text_is_one_grade_or_a_clear_message(text: str) -> None:
    try:
        assert parse_grade(text) in GRADES
    except AnswerError as error:
        assert "Please choose a grade: Outstanding, Good, Requires improvement to be good, Inadequate" in str(error)


@given(st.sampled_from(sorted(NAMES)), st.data())
def test_a_grade_name_with_one_letter_dropped_or_mistyped_is_that_grade(name: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(name) - 1))
    how = data.draw(st.sampled_from(["drop", "swap", "replace", "double"]))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    typo = {"drop": name[:at] + name[at + 1:],
            "swap": name[:at] + name[at + 1:at + 2] + name[at] + name[at + 2:],
            "replace": name[:at] + letter + name[at + 1:],
            "double": name[:at] + name[at] + name[at:]}[how]
    if typo.strip() in NOT_GRADES or " " in (typo[:1] + typo[-1:]):
        return  # a real word ("gold" may mean Outstanding), not a typo: left unread on purpose
    assert parse_grade(typo) == NAMES[name]


def test_a_grade_then_a_note_is_read_as_both_and_a_negated_one_as_neither() -> None:
    assert read_grade_and_note("RI, reviews have slipped") == ("requires_improvement", "reviews have slipped")
    assert read_grade_and_note("Inadequate - no visits since June") == ("inadequate", "no visits since June")
    assert read_grade_and_note("not good, reviews have slipped") is None
    assert read_grade("o") == "outstanding" and read_grade("x") is None


@pytest.mark.parametrize(("typed", "read"), [
    ("actually inadequate because the drift is serious", ("inadequate", "the drift is serious")),
    ("inadequate because visits lapsed and nobody asked why", ("inadequate", "visits lapsed and nobody asked why")),
    ("I think it's RI, reviews have slipped", ("requires_improvement", "reviews have slipped")),
    ("it is good", ("good", None)),
    ("Good, because the plan is reviewed monthly", ("good", "the plan is reviewed monthly")),
])
def test_because_and_a_lead_in_are_read_around_the_grade(typed: str, read: tuple[str, str | None]) -> None:
    assert read_grade_and_note(typed) == read


LEAD_INS = ["", "actually ", "I think it's ", "it is ", "Actually, I think it’s ", "actualy ", "Acutally, ",
            "overal ", "actully, I think it's "]


@given(st.sampled_from(sorted(NAMES)), st.sampled_from(LEAD_INS),
       st.lists(st.sampled_from(["plans", "drift", "visits", "lapsed", "the", "child", "seen"]), min_size=1,
                max_size=8).map(" ".join))
def test_a_grade_then_because_is_that_grade_and_never_when_negated(name: str, lead_in: str, reason: str) -> None:
    assert read_grade_and_note(f"{lead_in}{name} because {reason}") == (NAMES[name], reason)
    assert read_grade_and_note(f"{lead_in}not {name} because {reason}") is None


@given(st.sampled_from(["", "yes ", "ok, ", "Okay! ", "sure "]),
       st.sampled_from(["confirm", "confirm it", "confirmed", "confirm the suggested grade", "yes", "ok", "that's fine",
                        "that’s right"]),
       st.sampled_from(["", ", thanks", " please", ".", "!"]), st.data())
def test_a_confirmation_in_any_case_is_read_and_never_once_negated(lead: str, core: str, tail: str,
                                                                   data: st.DataObject) -> None:
    typed = "".join(data.draw(st.sampled_from([ch.lower(), ch.upper()])) for ch in f"{lead}{core}{tail}")
    assert CONFIRM_WORDS.match(typed) and read_grade_and_note(typed) is None
    assert not CONFIRM_WORDS.match(f"not {core}") and not CONFIRM_WORDS.match(f"don't {core}")
