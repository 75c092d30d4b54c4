"""The question counter an auditor sees does not move under them: a follow-up (show_if) question that an answer
brings in is labelled as that answer's follow-up, and the total stays the checklist's unconditional questions."""

from __future__ import annotations

import re

from bot.core.replies import Reply
from bot.engine.routing import Engine

AUDITOR = "U0MGRN001"
# early-help-spot: 10 unconditional questions; question 4 ("family plan has outcomes?") brings in 4a and 4b on "yes"
FOLLOW_UP_A = "Section 1 of 2 · Question 4a: a follow-up to your answer to question 4"
FOLLOW_UP_B = "Section 1 of 2 · Question 4b: a follow-up to your answer to question 4"


def say(engine: Engine, text: str) -> list[Reply]:
    replies = engine.message(AUDITOR, text, surface="terminal")
    assert not [r.text for r in replies if r.kind == "error"], text
    return replies


def counter(replies: list[Reply]) -> str:
    [note] = [r.note for r in replies if r.note and "Question " in r.note]
    return note


def start(engine: Engine) -> list[Reply]:
    engine.command(AUDITOR, "start early-help-spot", surface="terminal")
    say(engine, "CR-555555")
    return say(engine, "U0PRAN001")


def test_a_follow_up_is_labelled_as_one_and_the_total_never_changes(engine: Engine) -> None:
    shown = [counter(start(engine))]
    for answer in ("no", "yes", "yes", "yes", "yes", "yes"):  # questions 1 to 4, then follow-ups 4a and 4b
        shown.append(counter(say(engine, answer)))
    assert shown == ["Section 1 of 2 · Question 1 of 10", "Section 1 of 2 · Question 2 of 10",
                     "Section 1 of 2 · Question 3 of 10", "Section 1 of 2 · Question 4 of 10",
                     FOLLOW_UP_A, FOLLOW_UP_B, "Section 1 of 2 · Question 5 of 10"]


def test_going_back_and_taking_the_follow_ups_away_keeps_every_number(engine: Engine) -> None:
    start(engine)
    for answer in ("no", "yes", "yes", "yes", "yes", "yes"):
        say(engine, answer)
    assert counter(say(engine, "back")) == FOLLOW_UP_B
    assert counter(say(engine, "back")) == FOLLOW_UP_A
    assert counter(say(engine, "back")) == "Section 1 of 2 · Question 4 of 10"
    assert counter(say(engine, "no")) == "Section 1 of 2 · Question 5 of 10"  # no follow-ups now, same number


def _to_review(engine: Engine, first_answers: tuple[str, ...]) -> str:
    start(engine)
    replies: list[Reply] = []
    for answer in (*first_answers, "yes", "yes", "good", "The plan and the visits show steady progress.", "yes",
                   "1", "good", "The step-down decision is recorded with the family's views."):
        replies = say(engine, answer)
    return " ".join(r.text for r in replies)


def test_the_review_numbers_questions_as_the_question_screen_did(engine: Engine) -> None:
    review = _to_review(engine, ("no", "yes", "yes", "no"))
    numbered = re.findall(r"(\d+[a-z]?)\. ", review)
    assert numbered == [str(n) for n in range(1, 11)]  # no follow-ups asked: 1 to 10, as the counter said
    [question] = say(engine, "change 4")
    assert question.note == "Section 1 of 2 · Question 4 of 10"
    assert counter(say(engine, "yes")) == FOLLOW_UP_A  # the change brought in required follow-ups: asked first
    say(engine, "yes")
    review = " ".join(r.text for r in say(engine, "no"))
    assert re.findall(r"(\d+[a-z]?)\. ", review) == ["1", "2", "3", "4", "4a", "4b", *map(str, range(5, 11))]
    [follow_up] = say(engine, "change 4a")
    assert follow_up.note == FOLLOW_UP_A


def test_a_change_to_a_number_the_review_does_not_show_says_how_it_numbers(engine: Engine) -> None:
    _to_review(engine, ("no", "yes", "yes", "no"))
    [refused] = engine.message(AUDITOR, "change 4a", surface="terminal")
    assert refused.kind == "error" and "no question 4a" in refused.text and "1 to 10" in refused.text
