"""Trial 59 (F2, F12, F13): a refused note must never shift later answers onto the wrong question.

- F2: `no, not recorded` at a yes/no question was refused "too short to be evidence" with no question under it; the
  next line, meant for the next question, was stored on the refused one. A refusal now ends "Still at Q2:" with the
  question, and two words that say what was or was not found are evidence enough. A note added to one kept for the
  question says both are saved, quoting the earlier one.
- F12: a new session opened "Picking up where you left off" with no audit number or case.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.hedged_answers import short_finding
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_trial28_manager import _answers, _chat

AT_Q2 = ["start audit child in need", "CR-448812", "1", "no"]  # Q2: assessment within 45 working days (yes/no/n/a)
Q2 = "Was the assessment that led to the plan completed within 45 working days of the referral?"
Q3 = "Does the assessment explain why the child is in need under section 17, and what would happen without help?"


@pytest.mark.parametrize("typed", ["no, not recorded", "no, not seen", "no, not done", "no - never happened"])
def test_two_words_saying_what_was_not_found_are_the_note(engine: Engine, services: Services, typed: str) -> None:
    out = _chat(engine, [*AT_Q2, typed])
    assert "too short" not in out
    note = typed.split(None, 1)[1].lstrip("- ")
    assert f"Got it: No, with your note: “{note}”." in out
    assert _answers(services)["assessment-timely"] == ("no", note)


def test_a_refused_note_shows_the_question_again_and_the_next_line_answers_it(engine: Engine,
                                                                             services: Services) -> None:
    out = _chat(engine, [*AT_Q2, "no, timescales", "yes, completed on day 40 of 45"])
    refused = out.index("too short to be evidence")
    assert f"Still at Q2: Assessment and plan {Q2}" in out[refused:]
    assert _answers(services)["assessment-timely"] == ("yes", "completed on day 40 of 45")
    assert "need-explained" not in _answers(services)


def test_any_refused_answer_says_where_the_audit_stands(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*AT_Q2, "no", "requires improvement"])
    assert f"Please answer yes or no (or press one of the buttons). Still at Q3: Assessment and plan {Q3}" in out


@given(st.sampled_from(["not recorded", "not seen", "not done", "never happened", "not found", "wasn't done"]),
       st.sampled_from(["", ".", "!"]))
def test_a_short_finding_is_evidence_only_for_the_answer_it_agrees_with(said: str, end: str) -> None:
    assert short_finding(said + end, "no")
    assert not short_finding(said + end, "yes")


@given(st.lists(st.sampled_from(["clear", "outcomes", "nothing", "urgent", "drift", "plan", "ok", "fine"]),
                min_size=1, max_size=2))
def test_two_words_that_say_no_finding_stay_too_short(words: list[str]) -> None:
    assert not short_finding(" ".join(words), "no") and not short_finding(" ".join(words), "yes")


def test_a_new_session_names_the_audit_case_and_question_it_picks_up(engine: Engine, services: Services) -> None:
    """F12: with drafts waiting, "Picking up where you left off" named no audit and no case."""
    _chat(engine, [*AT_Q2, "yes"])  # a draft left at Q3
    out = _chat(engine, [])
    assert f"Picking up audit #1 (CR-448812, Child in need (section 17)) at Q3: Assessment and plan {Q3}" in out
    assert "Picking up where you left off" not in out


def test_a_note_added_to_a_kept_one_says_both_are_saved(engine: Engine, services: Services) -> None:
    """F2: a kept note and the next note were joined into one without a word, and the joined note sent to the
    worker."""
    kept = "mostly - second assessment ran over its timescale"
    out = _chat(engine, [*AT_Q2, kept, "no, manager agreed the extension late"])
    assert ("Got it: No, with your note: “second assessment ran over its timescale. manager agreed the extension "
            "late”. Your earlier note “second assessment ran over its timescale” is kept; this one is added after "
            "it, so both are saved") in out
    assert _answers(services)["assessment-timely"] == (
        "no", "second assessment ran over its timescale. manager agreed the extension late")


def test_a_second_pasted_line_quotes_the_note_it_is_added_to(engine: Engine, services: Services) -> None:
    first = "Assessment signed off on day 52 with the delay agreed by the manager"
    second = "Strategy discussion minutes show the timescale was extended by the service manager"
    out = _chat(engine, [*AT_Q2, first, second, "no"])
    assert f"Your earlier note “{first}” is kept for Q2; I've added this one after it: type yes, no or n/a" in out
    assert _answers(services)["assessment-timely"] == ("no", f"{first}. {second}")
