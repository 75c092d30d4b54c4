"""Trial 31: a question asked during an audit was answered only when it ended with "?". At a yes/no question
`hang on whats the timescale for an icpc again` was told "Please answer yes, no or not applicable", and after `start
audit` `actually no sorry just a question, when is the core group due after icpc` was "not a checklist". A question
read from its opening is answered aside as the "?" one is, the audit waiting; a note that only starts with a
question's words is still the note (bot.audits.question_opening)."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.question_opening import announced_question, opens_as_question
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS

AUDITOR = "U0MGRN001"
QUESTION_AT = TO_ACTIONS.index("no")  # the first question, a yes/no
EVIDENCE_AT = TO_ACTIONS.index("good") + 1  # the first evidence note, after the first grade


def say(engine: Engine, lines: list[str]) -> list[Reply]:
    replies: list[Reply] = []
    for line in lines:
        replies = engine.message(AUDITOR, line, surface="terminal")
    return replies


def texts(replies: list[Reply]) -> str:
    return "\n".join(f"{reply.title or ''}\n{reply.text}" for reply in replies)


@pytest.mark.parametrize("typed", ["hang on whats the timescale for an icpc again",
                                   "sorry, when is the initial child protection conference due",
                                   "quick question, how long until the icpc"])
def test_a_question_without_a_mark_at_a_yes_no_question_is_answered_and_the_question_follows(
        engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        replies = say(engine, [*TO_ACTIONS[:QUESTION_AT], typed])
    shown = texts(replies)
    assert "Please answer yes" not in shown and not any(r.kind == "error" for r in replies), shown
    assert "When must an initial child protection conference be held?" in shown
    assert replies[-1].text.startswith("Back to audit #1, question 1:")
    assert store.answers_of(services.storage, 1) == {}


def test_a_question_after_start_audit_is_answered_and_the_checklists_follow(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        replies = say(engine, ["start audit",
                               "actually no sorry just a question, when is the core group due after icpc"])
    shown = texts(replies)
    assert "didn't recognise that as a checklist" not in shown
    assert "When must the first core group meeting take place?" in shown
    assert "Back to starting an audit:" in shown and store.drafts_of(services.storage, AUDITOR) == []


def test_a_question_announced_where_a_note_is_wanted_is_answered_not_saved(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        replies = say(engine, [*TO_ACTIONS[:EVIDENCE_AT], "hang on whats the timescale for an icpc again"])
    shown = texts(replies)
    assert "When must an initial child protection conference be held?" in shown
    assert "it is not saved as your evidence note. If it was your evidence note, type it again starting with its " \
           "own words" in shown
    assert all(answer.evidence is None or "icpc" not in answer.evidence
               for answer in store.answers_of(services.storage, 1).values())


@pytest.mark.parametrize("note", ["when is the next review is unclear from the file",
                                  "whats recorded is thin but the plan is reviewed",
                                  "how the plan is reviewed is clear"])
def test_a_note_that_starts_with_a_questions_words_is_still_the_note(engine: Engine, services: Services,
                                                                     note: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        replies = say(engine, [*TO_ACTIONS[:EVIDENCE_AT], note])
    assert "not saved as your" not in texts(replies)
    assert note in [answer.evidence for answer in store.answers_of(services.storage, 1).values()]


@pytest.mark.parametrize("typed", ["no visits for 9 weeks", "question 12 was hard to answer", "hang on, the plan was "
                                   "updated in march", "nothing recorded", "so the plan is weak", "not sure",
                                   "sorry no, can't tell from the file"])
def test_notes_and_answers_are_not_read_as_questions(typed: str) -> None:
    assert not announced_question(typed) and not opens_as_question(typed)


@given(st.sampled_from(["hang on", "actually no sorry just a question,", "quick question,", "sorry, quick qn -",
                        "oh wait", "can i ask", "hold on,", "um just a question:"]),
       st.sampled_from(["whats the timescale for an icpc", "when is the core group due", "how do i add a note",
                        "what is a pep"]))
def test_every_announced_question_is_read_as_one(lead: str, question: str) -> None:
    typed = f"{lead} {question}"
    assert announced_question(typed) and opens_as_question(typed), typed
