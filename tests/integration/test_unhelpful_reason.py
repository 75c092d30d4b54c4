"""What was missing: the line typed after Not helpful is kept with the vote, shown to the QA leads beside the
question and passed on with it; a question typed instead is searched as ever (trial 18: the remark was searched as
a new question, listed on its own and passed on without the question it was about)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking import follow_up
from bot.asking.rescreen import rescreen
from bot.asking.unhelpful_reason import WINDOW, is_reason, refused_closing
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.removal import is_removed
from bot.storage import asks as ask_store
from tests.support.extra_entries import settings  # noqa: F401 (fixture used by name)
from tests.support.kb_helpers import all_text, button_values
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
QA_LEAD = "U0QALEAD1"
QUESTION = "when is the ICPC due?"
REMARK = "it didnt tell me the actual date"


def asked(services: Services) -> list[str]:
    return [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks ORDER BY id")]


def marked_not_helpful(engine: Engine, user: str = PRACTITIONER) -> str:
    """Ask the question and press Not helpful on its answer; what the bot said."""
    replies = engine.message(user, QUESTION)
    [_, not_helpful] = button_values(replies, "kb.feedback")
    return all_text(engine.action(user, "kb.feedback", not_helpful))


def test_the_remark_after_not_helpful_is_kept_with_the_question_not_asked_as_a_new_one(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        said = marked_not_helpful(engine)
        assert "tell me in a line what was missing" in said
        replies = engine.message(PRACTITIONER, REMARK)
        [summary, group] = engine.command(QA_LEAD, "kb unanswered")

    # trial 46 F19: the note is the request, so question and note go to the QA leads at once, no second press
    assert "Thanks: I've passed your question (_when is the ICPC due?_) and your note to the QA leads. They will " \
        "reply to you." in all_text(replies)
    assert button_values(replies, "kb.escalate") == []
    assert "I don't know that yet" not in all_text(replies)
    assert asked(services) == [QUESTION]  # the remark is not a question of its own
    assert "1 question" in summary.text
    assert QUESTION in group.text and f"(what was missing: “{REMARK}”)" in group.text
    posts = [reply.text for reply in replies if reply.to_user]
    assert posts and all(f">{QUESTION}" in post and f"What was missing, they said: _{REMARK}_" in post
                         for post in posts)


def test_a_question_asked_again_in_other_words_is_searched_as_a_question(engine: Engine,
                                                                          services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        marked_not_helpful(engine)
        replies = engine.message(PRACTITIONER, "how many working days until the initial conference")
    assert "and your note to the QA leads" not in all_text(replies)
    assert asked(services)[-1] == "how many working days until the initial conference"
    assert list(services.storage.db.query("SELECT reason FROM kb_feedback WHERE reason IS NOT NULL")) == []


def test_a_remark_typed_long_after_or_after_a_button_is_a_question_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False) as clock:
        marked_not_helpful(engine)
        clock.shift(max(WINDOW, follow_up.WINDOW) + timedelta(minutes=1))  # nor read with the question before
        late = engine.message(PRACTITIONER, REMARK)
    assert "and your note to the QA leads" not in all_text(late) and asked(services)[-1] == REMARK

    with time_machine.travel(CONTENT_DAY, tick=False):
        marked_not_helpful(engine, "U0PRAN002")
        engine.action("U0PRAN002", "kb.prompt", "")
        after_button = engine.message("U0PRAN002", "it was out of date")
    assert "and your note to the QA leads" not in all_text(after_button)
    assert asked(services)[-1].startswith("it was out of date")  # asked, read with the question before it
    assert list(services.storage.db.query("SELECT reason FROM kb_feedback WHERE reason IS NOT NULL")) == []


def test_a_new_question_naming_a_child_after_not_helpful_is_asked_for_as_a_question(engine: Engine) -> None:
    """Trial 49 F14: a new question with a name and a date of birth, typed after Not helpful, was refused with
    "…: what was missing from the answer, or your question in other words", which fits only a note."""
    with time_machine.travel(CONTENT_DAY, tick=False):
        marked_not_helpful(engine)
        replies = engine.message(PRACTITIONER, "what do i do if Tyler Brown dob 04/05/2018 says his stepdad hits him?")
    refusal = next(reply for reply in replies if reply.kind == "error")
    assert "Please ask your question again without any details that could identify a child or family" \
        in refusal.text
    assert "missing" not in refusal.text and "Tyler" not in refusal.text


@given(text=st.text(alphabet="abcdefghij ,.'", min_size=1, max_size=60), end=st.sampled_from(["?", " ?", "??"]))
def test_a_line_ending_in_a_question_mark_is_asked_for_as_a_question(text: str, end: str) -> None:
    assert refused_closing(text + end).startswith("Please ask your question again")


@given(remark=st.sampled_from(["it didnt say when Tyler Brown's conference is", "no date for jo smith",
                               "wrong, i needed the form for tyler"]))
def test_a_short_remark_is_asked_for_with_both_choices(remark: str) -> None:
    assert refused_closing(remark).endswith("either what the answer was missing, or your question in other words.")


def test_a_remark_naming_a_child_is_refused_and_nothing_is_kept(engine: Engine, services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        marked_not_helpful(engine)
        replies = engine.message(PRACTITIONER, "it didnt say when Tyler Brown's conference is")
        again = engine.message(PRACTITIONER, "it didnt say when the conference is")
    assert replies[-1].kind == "error" and "identify a child or family" in replies[-1].text
    # trial 19: the refusal called the note "that question"; it says what may be typed again, and still waits
    assert "Please type it again without any details that could identify a child or family: either what the " \
        "answer was missing, or your question in other words." in replies[-1].text and "Tyler" not in replies[-1].text
    assert "and your note to the QA leads" in all_text(again)
    [row] = services.storage.db.query("SELECT reason FROM kb_feedback WHERE reason IS NOT NULL")
    assert row["reason"] == "it didnt say when the conference is"


def test_removing_the_question_or_a_newer_screen_takes_the_remark_too(engine: Engine, services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        marked_not_helpful(engine)
        engine.message(PRACTITIONER, REMARK)
        [ask_id] = [row["id"] for row in services.storage.db.query("SELECT id FROM kb_asks")]
        # a remark an older screen let through, stored straight to the database
        other = engine.message("U0PRAN002", QUESTION)
        engine.action("U0PRAN002", "kb.feedback", button_values(other, "kb.feedback")[1])
        [other_id] = [row["id"] for row in services.storage.db.query("SELECT id FROM kb_asks WHERE user_id = ?",
                                                                     ["U0PRAN002"])]
        assert ask_store.note_reason(services.storage, other_id, "U0PRAN002", "a boy called tunde needed the date")

        done = rescreen(services)
        assert done.notes == 1
        assert [is_removed(reason) for reason in ask_store.reasons_for(services.storage, other_id)] == [True]
        assert "tunde" not in all_text(engine.command(QA_LEAD, "kb unanswered")).casefold()

        asked_to_confirm = engine.command(QA_LEAD, f"kb remove {ask_id}")
        engine.action(QA_LEAD, "kb.unanswered.remove_confirm", button_values(asked_to_confirm,
                                                                             "kb.unanswered.remove_confirm")[0])
    [reason] = ask_store.reasons_for(services.storage, ask_id)
    assert is_removed(reason) and REMARK not in reason


@given(st.text(max_size=60).map(lambda text: text + "?"))
def test_a_line_ending_in_a_question_mark_is_never_taken_as_a_remark(text: str) -> None:
    assert not is_reason(text, found_nothing=True)


@given(st.sampled_from(["what", "when", "how", "who", "is", "can", "should", "does", "tell me"]),
       st.text(alphabet=st.characters(categories=("L", "Zs")), max_size=40))
def test_a_line_opening_as_a_question_is_searched_whatever_follows(opening: str, rest: str) -> None:
    assert not is_reason(f"{opening} {rest}", found_nothing=True)


@pytest.mark.parametrize("remark", ["it didnt tell me the actual date", "didn't say who chairs it",
                                    "no, it is the wrong one", "not the right answer", "I wanted the date",
                                    "can't find the date in it", "too long", "wrong entry",
                                    # trial 19: searched as questions, and answered with another wrong entry
                                    "thats adoption, i asked about fostering", "its about adoption not fostering",
                                    "needed the fostering regs timescale", "i asked about fostering"])
def test_remarks_about_an_answer_are_read_as_such_even_when_the_search_finds_something(remark: str) -> None:
    assert is_reason(remark, found_nothing=False)


@pytest.mark.parametrize("question", ["no access visit", "not brought to appointments", "ICPC timescales",
                                      "I need the strategy discussion guidance", "can't get access to the home"])
def test_keyword_questions_stay_questions_when_the_search_finds_something(question: str) -> None:
    assert not is_reason(question, found_nothing=False)


def test_a_note_that_was_a_new_question_is_searched_when_its_asker_says_so(engine: Engine,
                                                                           services: Services) -> None:
    """A remark and a question in keywords read alike ("needed the fostering regs timescale"): the line is kept as
    the note, and its button searches it instead, taking it off the vote."""
    with time_machine.travel(CONTENT_DAY, tick=False):
        marked_not_helpful(engine)
        kept = engine.message(PRACTITIONER, "needed the working days for the initial conference")
        assert "and your note to the QA leads" in all_text(kept)
        [instead] = button_values(kept, "kb.reason_search")
        searched = engine.action(PRACTITIONER, "kb.reason_search", instead)
        again = engine.action(PRACTITIONER, "kb.reason_search", instead)
    assert "initial child protection conference" in all_text(searched).lower()
    assert asked(services)[-1] == "needed the working days for the initial conference"
    assert list(services.storage.db.query("SELECT reason FROM kb_feedback WHERE reason IS NOT NULL")) == []
    assert "I have no note of yours on that answer any more" in all_text(again)
