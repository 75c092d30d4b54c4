"""What typed text does while an audit waits (user trial 7, findings 5, 6, 7 and 17), through the engine as Slack's
DMs reach it: a whole command typed without `/audit` runs wherever the audit waits and the step follows; a question
is answered aside at a number question and where a note is wanted, and never stored; what the audit's own words
mean (`pause`, `cancel`, an option's words, a note that only starts with a command's word) is unchanged."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.conversation import STATES, STEP_STATES, State
from bot.audits.core import load
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.near_miss import is_command_line
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS, WORKER

AUDITOR = "U0MGRN001"
STRENGTHS_AT = len(TO_ACTIONS) - 2
EVIDENCE_AT = TO_ACTIONS.index("good") + 1  # the first evidence note, after the first grade


def say(engine: Engine, lines: list[str]) -> list[Reply]:
    """Type each line in a DM; the replies to the last one."""
    replies: list[Reply] = []
    for line in lines:
        replies = engine.message(AUDITOR, line)
    return replies


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def step(services: Services) -> str:
    audit = store.get_audit(services.storage, 1)
    assert audit is not None
    return audit.step


def test_away_off_at_a_yes_no_question_runs_and_the_question_follows_with_its_buttons(engine: Engine,
                                                                                       services: Services) -> None:
    replies = say(engine, [TO_ACTIONS[0], "CR-555555", WORKER, "away off"])
    assert "You were not marked away." in replies[0].text
    assert replies[-1].text.startswith("Back to audit #1, question 1:")
    assert {c.label for c in replies[-1].choices} >= {"Yes", "No"}
    assert not any(reply.kind == "error" for reply in replies)
    assert step(services) == "question:immediate-concern" and store.answers_of(services.storage, 1) == {}


def test_redact_at_the_submit_step_lists_the_drafts_texts_then_the_submit_step(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        say(engine, [*TO_ACTIONS, "Share the plan with the school.", WORKER, "30/12/2026", "no more actions"])
        assert step(services) == "submit"
        replies = say(engine, ["redact 1"])
    assert "Stored texts of audit #1" in replies[0].text and "ready to submit" not in texts(replies)
    assert replies[-1].text.startswith("Back to audit #1:")
    assert any(choice.action == "audit.submit" for choice in replies[-1].choices)


def test_a_removal_confirmed_mid_draft_is_followed_by_the_step(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        say(engine, TO_ACTIONS[:STRENGTHS_AT])
        [asked] = say(engine, ["redact 1 q7"])  # the confirmation alone: its buttons are the ones to answer
        yes = next(choice for choice in asked.choices if choice.label.startswith("Yes"))
        replies = engine.action(AUDITOR, yes.action, yes.value)
    assert replies[0].text.startswith("Removed q7")
    assert replies[-1].text.startswith("Back to audit #1:") and "strengths" in replies[-1].text.lower()
    assert step(services) == "strengths"


def test_a_question_at_a_number_question_is_answered_not_refused(engine: Engine, services: Services) -> None:
    replies = say(engine, ["/audit start strategy-s47", "CR-654321", WORKER, "no", "what does seen alone mean?"])
    assert "Please type a number" not in texts(replies) and not any(r.kind == "error" for r in replies)
    assert replies[-1].text.startswith("Back to audit #1, question 2:")
    assert "strategy-sampled" not in store.answers_of(services.storage, 1)


@pytest.mark.parametrize(("at", "field"), [(EVIDENCE_AT, "evidence note"), (STRENGTHS_AT, "strengths")])
def test_a_question_where_a_note_is_wanted_is_not_stored_and_the_note_is_still_asked(
        engine: Engine, services: Services, at: int, field: str) -> None:
    replies = say(engine, [*TO_ACTIONS[:at], "what should this include?"])
    assert f"it is not saved as your {field}. If it was your {field}, type it again without the question mark" in \
        texts(replies)
    assert "Back to audit #1" in replies[-1].text
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.strengths is None
    assert all(answer.evidence != "what should this include?"
               for answer in store.answers_of(services.storage, 1).values())


@pytest.mark.parametrize("note", ["list the actions agreed with partners", "show me the plan was shared with school",
                                  "home visits were regular and purposeful"])
def test_a_note_that_only_starts_with_a_command_word_is_the_note(engine: Engine, services: Services,
                                                                 note: str) -> None:
    say(engine, [*TO_ACTIONS[:STRENGTHS_AT], note])
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.strengths == note and audit.step == "development"


@pytest.mark.parametrize(("typed", "then"), [("pause", "Paused audit #1"), ("resume", "Carrying on with audit #1"),
                                             ("cancel", "Cancel audit #1")])
def test_the_audits_own_words_keep_their_meaning_where_a_note_is_wanted(engine: Engine, services: Services,
                                                                         typed: str, then: str) -> None:
    replies = say(engine, [*TO_ACTIONS[:STRENGTHS_AT], typed])
    assert then in texts(replies)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.strengths is None


def test_every_step_runs_a_command_aside(engine: Engine) -> None:
    """Every state an audit's draft waits in lets a whole command run aside: none can swallow `show 12` again."""
    del engine
    waiting = STEP_STATES | {State.CONFIRM_CANCEL, State.CONFIRM_ALERT}
    assert [state for state in waiting if not STATES[state].commands] == []


WORDS = st.sampled_from(["list", "show", "home", "help", "away", "redact", "actions", "moderate", "start"])
TAILS = st.lists(st.sampled_from(["the", "my", "plan", "actions", "agreed", "with", "school", "was", "shared"]),
                 min_size=2, max_size=6)


READ_ONLY = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the engine is only read


@READ_ONLY
@given(word=WORDS, tail=TAILS)
def test_a_command_word_followed_by_a_sentence_is_not_a_command_line(engine: Engine, word: str,
                                                                     tail: list[str]) -> None:
    """Mid-audit only a whole command goes aside: a command's word at the start of a note leaves it a note."""
    line = " ".join([word, "the", *tail])
    assert not is_command_line(line, engine.typed_shapes)


@READ_ONLY
@given(number=st.integers(min_value=1, max_value=10**6), word=st.sampled_from(["show", "redact", "moderate"]))
def test_a_command_word_and_an_audit_number_is_a_command_line(engine: Engine, number: int, word: str) -> None:
    assert is_command_line(f"{word} {number}", engine.typed_shapes)
    assert is_command_line(f"{word.upper()} #{number}.", engine.typed_shapes)


# -- trial 8: "what does good look like here?" typed, and `resume` with one draft ---------------------------------

QUESTION_AT = TO_ACTIONS.index("no")  # the first question, a yes/no with a *What good looks like* button


@pytest.mark.parametrize("at", [QUESTION_AT, EVIDENCE_AT])
@pytest.mark.parametrize("typed", ["what does good look like here?", "What does good look like?",
                                   "what good looks like", "so what would good look like for this one?",
                                   # trial 24, in a manager's own words
                                   "what am i looking for here", "whats good practice for this q?",
                                   "What should I be looking for?", "what’s good practice here",
                                   # trial 26, what the question means (bot.audits.meaning_asked)
                                   "what does this q mean?", "what does that mean", "What does this question mean?",
                                   "what does this mean - does it have to be education too? or just police",
                                   "whats this question asking?", "so what does it mean here?"])
def test_what_good_looks_like_asked_in_words_shows_the_questions_guidance_and_stores_nothing(
        engine: Engine, services: Services, at: int, typed: str) -> None:
    """At a question, or at the evidence note of its grade: the guidance the button shows, never a knowledge-base
    search, and nothing stored (the note is still asked for, without "I read that as a question")."""
    say(engine, TO_ACTIONS[:at])
    before, answers = step(services), store.answers_of(services.storage, 1)
    pressed = engine.action(AUDITOR, "audit.guidance", load(services, 1).value())
    replies = say(engine, [typed])
    assert texts(replies) == texts(pressed)
    assert replies[0].title == "What good looks like" and "Back to audit #1, question" in texts(replies)
    assert "Did you mean" not in texts(replies) and "not saved as your" not in texts(replies)
    assert (step(services), store.answers_of(services.storage, 1)) == (before, answers)
    assert services.storage.db["kb_asks"].count == 0


@pytest.mark.parametrize("asked", ["what does good case recording look like?",
                                   "what is good practice for core groups?"])
def test_a_question_about_good_practice_in_general_is_still_asked_of_the_knowledge_base(
        engine: Engine, services: Services, asked: str) -> None:
    say(engine, [*TO_ACTIONS[:QUESTION_AT], asked])
    assert [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks")] == [asked]


def test_resume_after_pause_with_one_draft_carries_on_and_the_next_answer_is_taken(engine: Engine,
                                                                                  services: Services) -> None:
    """Trial 8: `resume` listed the one draft ("Pick the one to carry on with"), and the `no` typed next was refused."""
    say(engine, TO_ACTIONS[:QUESTION_AT])
    assert "Type `/audit resume` (or `resume`) to carry on" in texts(say(engine, ["pause"]))
    resumed = say(engine, ["resume"])
    assert resumed[0].text == "Carrying on with audit #1 (CR-555555, Early help spot audit) where you stopped."
    assert "Pick the one to carry on with" not in texts(resumed)
    assert "There's no question waiting" not in texts(say(engine, ["no"]))
    assert len(store.answers_of(services.storage, 1)) == 1


def test_resume_with_two_drafts_still_lists_them(engine: Engine) -> None:
    say(engine, [*TO_ACTIONS[:QUESTION_AT], "pause", "start audit early-help-spot", "CR-555556", WORKER, "pause"])
    listed = say(engine, ["resume"])
    assert "Your audits in progress" in texts(listed) and "Pick the one to carry on with" in texts(listed)
    assert [choice.label for choice in listed[0].choices] == ["Resume #2", "Resume #1"]


def test_a_related_question_pressed_under_an_answer_is_followed_by_the_step(engine: Engine,
                                                                            services: Services) -> None:
    """Trial 21: at question 1 a manager asked a question, pressed a related question under the answer, and typed
    `2` for No: with no step after the second answer, `2` opened that answer's second related question."""
    answered = say(engine, [TO_ACTIONS[0], "CR-555555", WORKER, "whats threshold for step up from EH?"])
    related = next(choice for reply in answered for choice in reply.choices
                   if choice.action.startswith("kb.") and "helpful" not in choice.label.lower())
    pressed = engine.action(AUDITOR, related.action, related.value)
    assert pressed[0].title  # the entry picked is answered first
    assert pressed[-1].text.startswith("Back to audit #1, question 1:")
    assert [c.label for c in pressed[-1].choices][:2] == ["Yes", "No"]
    assert step(services) == "question:immediate-concern"
