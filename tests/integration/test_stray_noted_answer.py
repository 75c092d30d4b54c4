"""Trial 18: with no audit question waiting, "yes - school invited this time" went on the QA leads' list as a
question and "good - clear analysis" got a knowledge-base article. An answer word with a note after it is said to
be an answer with no question waiting, its word said back and never the note, and nothing is noted for the QA leads.
A question ("no - what does strat mean?") and thanks ("good, thanks") go on as before."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.feature import STRAY_NOTED
from bot.core.services import Services
from bot.engine.routing import Engine

MANAGER = "U0MGRN001"


def asked(services: Services) -> list[str]:
    return [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks")]


@pytest.mark.parametrize(("typed", "word"), [("yes - school invited this time", "yes"),
                                             ("good - clear analysis", "good"), ("no, not yet seen alone", "no"),
                                             ("RI: plan drift since October", "RI")])
def test_an_answer_with_a_note_and_no_question_waiting_is_said_so(engine: Engine, services: Services, typed: str,
                                                                  word: str) -> None:
    [reply] = engine.message(MANAGER, typed)
    assert reply.text.startswith(f"There's no question waiting for a \"{word}\" from you just now.")
    assert typed.split(maxsplit=2)[-1] not in reply.text
    assert asked(services) == []


@pytest.mark.parametrize("typed", ["no - what does strat mean?", "good, thanks", "good practice examples",
                                   "no idea how to start an audit"])
def test_questions_thanks_and_sentences_are_not_taken_for_answers(typed: str) -> None:
    assert STRAY_NOTED.match(typed) is None


@given(word=st.sampled_from(["yes", "No", "good", "Inadequate", "outstanding", "RI"]),
       mark=st.sampled_from([" - ", ", ", ": ", " — ", "; "]),
       note=st.text(alphabet="abcdefghij .'", min_size=1, max_size=30).filter(lambda n: n.strip(" .'")))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_answer_word_is_what_is_read(word: str, mark: str, note: str) -> None:
    found = STRAY_NOTED.match(f"{word}{mark}{note}")
    assert found is not None and found.group(1) == word


@pytest.mark.parametrize("typed", ["Social worker N1", "social worker n1", "@Team manager (South)"])
def test_a_colleagues_name_typed_with_no_question_waiting_is_said_so(engine: Engine, services: Services,
                                                                     typed: str) -> None:
    """Trial 18: "Social worker N1", typed for a question no longer on screen, got the categories-of-need entry."""
    [reply] = engine.message(MANAGER, typed)
    assert reply.text.startswith("There's no question waiting for a \"")
    assert "categories of need" not in reply.text.casefold() and asked(services) == []


def test_a_question_naming_a_colleague_is_still_a_question(engine: Engine, services: Services) -> None:
    engine.message(MANAGER, "what are the categories of need N1 to N9")
    assert asked(services) == ["what are the categories of need N1 to N9"]


@pytest.mark.parametrize("typed", ["next fri", "31/12", "the manager", "the worker", "me", "in 5 working days",
                                   "Friday."])
def test_an_owner_or_a_due_date_typed_with_no_question_waiting_is_said_so(engine: Engine, services: Services,
                                                                          typed: str) -> None:
    """Trial 20: after a moderation, "the manager" and "next fri", typed for an action nobody asked for, went on the
    QA leads' unanswered list as questions."""
    [reply] = engine.message(MANAGER, typed)
    assert reply.text.startswith(f"There's no question waiting for a \"{typed}\" from you just now.")
    assert asked(services) == []


@pytest.mark.parametrize("typed", ["26 weeks", "when is the ICPC due", "the manager's role in supervision",
                                   "friday visits for a child in care"])
def test_a_question_with_a_day_or_an_owner_in_it_is_still_a_question(engine: Engine, services: Services,
                                                                     typed: str) -> None:
    engine.message(MANAGER, typed)
    assert asked(services) == [typed]
