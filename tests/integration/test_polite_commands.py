"""A command typed with polite words after its number (`done 12 thanks`, `show 12 please`, `agree 3, cheers`): the
command, read without them. `done 12 thanks` went to the knowledge base as a question ("Did you mean…") while `done
12` marked the action done. Anything else after the number keeps its meaning: a reflection or a grade's reason that
ends with "thanks" keeps it."""

from __future__ import annotations

import time_machine
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_owner_typed_as_action import THURSDAY, flat, texts
from tests.integration.test_typed_commands import ADMIN, MANAGER, PRACTITIONER, QA_LEAD, TYPED_WORDS, asked, said
from tests.integration.test_wording import submitted_audit
from tests.support.politeness import ENDINGS

# Every word that takes a number typed outside `/audit`: the commands and the words people use for them, the
# shortcuts for actions, and a moderator's decision. Learned wordings' `accept 12` / `reject 12` are a QA lead's.
NUMBER_WORDS = sorted({*TYPED_WORDS, "done action", "mark action", "reopen action", "agree", "disagree",
                       "agree with audit", "accept", "reject"})
QA_ONLY = ("accept", "reject")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.sampled_from(NUMBER_WORDS), digits=st.text(alphabet="0123456789", min_size=1, max_size=14),
       ending=ENDINGS, user=st.sampled_from([PRACTITIONER, MANAGER, QA_LEAD, ADMIN]))
def test_any_command_word_and_number_with_a_polite_ending_is_the_command(
        engine: Engine, services: Services, word: str, digits: str, ending: str, user: str) -> None:
    assume(word not in QA_ONLY or user == QA_LEAD)
    noted = len(asked(services))
    plain = said(engine.message(user, f"{word} {digits}"))
    polite = said(engine.message(user, f"{word} {digits}{ending}"))
    assert polite == plain, (word, digits, ending)
    assert len(asked(services)) == noted, (word, digits, ending)  # never a question for the knowledge base
    if len(digits) >= 10:  # as long as an NHS number: never said back, polite or not
        assert digits not in polite


def _own_action(services: Services, audit_id: int, owner: str) -> int:
    return action_store.add_action(services.storage, audit_id, "Book the review meeting", owner, "2026-12-20", owner,
                                   THURSDAY)


def test_the_trials_done_12_thanks_marks_the_action_done(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        first, second = _own_action(services, audit_id, MANAGER), _own_action(services, audit_id, MANAGER)
        replies = engine.message(MANAGER, f"done {first} thanks")
        _, out = drive(engine, [f"Done {second}, thank you!"])
    assert texts(replies).startswith(f"Action {first} (audit #{audit_id}, ")
    assert "marked done: Book the review meeting . Thank you." in texts(replies)
    assert f"Action {second} (audit #{audit_id}, " in flat(out) and "marked done: Book the review meeting." in flat(out)
    assert "Did you mean" not in texts(replies) + flat(out)
    done = {a.id: a.done_at for a in action_store.actions_of_audit(services.storage, audit_id)}
    assert done[first] and done[second]
    assert asked(services) == []


def test_a_command_with_a_number_and_please_runs_as_the_command(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        for line in (f"show {audit_id} please", f"show me audit {audit_id}, thanks", f"view {audit_id} please"):
            assert said(engine.message(MANAGER, line)) == said(engine.message(MANAGER, line.rsplit(" ", 1)[0]
                                                                              .rstrip(","))), line
        assert "Overall grade: Good" in texts(engine.message(MANAGER, f"show {audit_id} please"))
    assert asked(services) == []


def test_reflect_12_thanks_asks_for_the_reflections_and_a_reflection_ending_with_thanks_keeps_it(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        worker = store.get_audit(services.storage, audit_id).worker_id
        reflection = f"reflect {audit_id} I agree with the actions in the plan, thanks"
        saved = texts(engine.message(worker, reflection))
        asked_for = texts(engine.message(worker, f"reflect {audit_id} thanks"))
    assert "I agree with the actions in the plan, thanks" in saved
    assert asked_for.startswith(f"What are your reflections on audit #{audit_id}?")
    assert "too short" not in asked_for


def test_edit_12_thanks_reopens_the_audit_and_a_reason_ending_with_thanks_keeps_it(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        regraded, reopened = submitted_audit(engine, services), submitted_audit(engine, services)
        engine.message(MANAGER, f"edit {regraded} grade RI, reviews have slipped for months, thanks")
        engine.message(MANAGER, "yes")  # the change read back, then stored
        replies = engine.message(MANAGER, f"edit {reopened} thanks")
    assert store.get_audit(services.storage, regraded).grade_reason == "reviews have slipped for months, thanks"
    assert "Type `/audit edit <audit number>`" not in texts(replies)
    assert store.conversation(services.storage, MANAGER).get("audit_id") == reopened
    assert store.get_audit(services.storage, reopened).step == "review"


def test_change_3_please_at_the_review_goes_to_question_3(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        engine.message(MANAGER, f"edit {audit_id}")
        replies = engine.message(MANAGER, "change 3 please")
    assert "You're at the review" not in texts(replies)
    assert store.get_audit(services.storage, audit_id).step.startswith("question")
