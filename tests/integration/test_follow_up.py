"""A short follow-up that points back ("what about the review one?", "how often after that?") is read with the
subject of the asker's last question, not searched on its own (trial 18: "how often after that?" after the return
home interview answer was offered reflective supervision and CIN plan reviews)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.follow_up import WINDOW, points_back
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.extra_entries import settings  # noqa: F401 (fixture used by name)
from tests.support.kb_helpers import all_text, button_values
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
ICPC = "When must an initial child protection conference be held?"


def stored(services: Services) -> list[str]:
    return [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks ORDER BY id")]


def test_a_follow_up_is_read_with_the_last_question_and_offers_what_it_then_means(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        engine.message(PRACTITIONER, "when is the ICPC due?")
        replies = engine.message(PRACTITIONER, "what about the review one?")
    assert f"Reading that with your last question (_{ICPC}_)" in all_text(replies)
    offered = [value.split(":")[0] for value in button_values(replies, "kb.show")]
    assert offered[0] == "rcpc-timescale" and "icpc-timescale" not in offered  # the answer given is not offered again
    # the QA leads would see what "that" was; a pick from it is not learned, its words meaning nothing on their own
    assert stored(services)[-1] == f"what about the review one? (following on from: {ICPC})"
    picked = engine.action(PRACTITIONER, "kb.show", button_values(replies, "kb.show")[0])
    assert "review" in picked[0].title.casefold()
    assert list(services.storage.db.query("SELECT * FROM kb_learned")) == []


def test_a_follow_up_nobody_picked_from_is_on_the_qa_leads_list_with_its_subject(engine: Engine) -> None:
    """Its stored wording is mostly the question it followed, which the knowledge base answers: it stays listed
    until its own words are answered."""
    with time_machine.travel(CONTENT_DAY, tick=False):
        engine.message(PRACTITIONER, "when is the ICPC due?")
        engine.message(PRACTITIONER, "what about the review one?")
        listed = all_text(engine.command("U0QALEAD1", "kb unanswered"))
    assert f"what about the review one? (following on from: {ICPC})" in listed
    assert "(offered suggestions, none picked)" in listed


def test_a_follow_up_passed_on_tells_the_qa_leads_what_it_follows(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        engine.message(PRACTITIONER, "when is the ICPC due?")
        replies = engine.message(PRACTITIONER, "what about the review one?")
        sent = engine.action(PRACTITIONER, "kb.escalate", button_values(replies, "kb.escalate")[0])
        listed = all_text(engine.command("U0QALEAD1", "kb unanswered"))
    posts = [reply.text for reply in sent if reply.to_user]
    assert posts and all(f">what about the review one? (following on from: {ICPC})" in post for post in posts)
    assert f"what about the review one? (following on from: {ICPC})" in listed


def test_a_question_that_stands_alone_or_comes_long_after_is_searched_on_its_own(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False) as clock:
        engine.message(PRACTITIONER, "when is the ICPC due?")
        alone = engine.message(PRACTITIONER, "and for a review conference?")  # answered as asked
        assert "Reading that" not in all_text(alone) and stored(services)[-1] == "and for a review conference?"
        clock.shift(WINDOW + timedelta(minutes=1))
        late = engine.message(PRACTITIONER, "what about the review one?")
    assert "Reading that" not in all_text(late) and stored(services)[-1] == "what about the review one?"


def test_another_persons_question_is_not_the_subject(engine: Engine, services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        engine.message("U0PRAN002", "when is the ICPC due?")
        replies = engine.message(PRACTITIONER, "what about the review one?")
    assert "Reading that" not in all_text(replies)


@given(st.lists(st.sampled_from(["that", "it", "what", "about", "review", "the", "visit", "and"]), min_size=9,
                max_size=20))
def test_a_long_question_says_what_it_is_about(words: list[str]) -> None:
    assert not points_back(" ".join(words))


@given(st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=12))
def test_a_short_question_without_a_word_pointing_back_does_not(word: str) -> None:
    assert points_back(f"how often after {word}?") == (word.casefold() in
                                                        {"that", "this", "it", "its", "they", "them", "those", "these",
                                                         "then", "there", "same"})


def test_trial_18s_follow_up_stays_on_missing_children(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        engine.message(PRACTITIONER, "what is a return home interview")
        replies = engine.message(PRACTITIONER, "how often after that?")
    assert "Reading that with your last question (_What is a return home interview" in all_text(replies)
    offered = {value.split(":")[0] for value in button_values(replies, "kb.show")}
    assert "missing-from-home-and-care" in offered and "reflective-supervision" not in offered


def test_the_asker_can_say_it_was_a_new_question_and_it_is_searched_on_its_own(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        engine.message(PRACTITIONER, "when is the ICPC due?")
        replies = engine.message(PRACTITIONER, "what about the review one?")
        [alone] = button_values(replies, "kb.alone")
        assert engine.action("U0PRAN002", "kb.alone", alone)[0].kind == "error"  # only the asker
        searched = engine.action(PRACTITIONER, "kb.alone", alone)
        again = engine.action(PRACTITIONER, "kb.alone", alone)
        listed = all_text(engine.command("U0QALEAD1", "kb unanswered"))
    assert "Reading that" not in all_text(searched)
    assert stored(services)[-1] == "what about the review one?"  # as asked, with nothing before it
    assert "already searched that question on its own" in again[0].text and stored(services)[-1] == \
        "what about the review one?" and len(stored(services)) == 3
    assert "following on from" not in listed  # the follow-up reading is off the QA leads' list


def test_linking_a_follow_up_sends_the_entry_but_adds_no_alternative(engine: Engine, kb_dir: Path) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        engine.message(PRACTITIONER, "when is the ICPC due?")
        engine.message(PRACTITIONER, "what about the review one?")
        [key] = button_values(engine.command("U0QALEAD1", "kb unanswered"), "kb.unanswered.answer")
        before = {path: path.read_bytes() for path in (kb_dir / "kb").glob("*.yaml")}
        [asked] = engine.command("U0QALEAD1", f"kb link {key} rcpc-timescale")
        linked = engine.message("U0QALEAD1", "yes")
    assert "It was a follow-up, so its wording is not added to the entry's alternatives." in asked.text
    assert "it was a follow-up, whose words mean something only after the question before it, so no alternative " \
           "was added" in linked[-1].text
    assert [reply.to_user for reply in linked if reply.to_user] == [PRACTITIONER]
    assert {path: path.read_bytes() for path in before} == before
