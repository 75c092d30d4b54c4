"""One mis-press must not send an urgent alert (user trial): an immediate-concern Yes, or an Inadequate overall grade,
first says who it would alert now and asks; Send alerts at once (never put off to submission), the mistake option
leaves nothing stored and asks the question again."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import alert_confirm
from bot.audits.conversation import State, current
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import next_input
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_checklist_finish import drive as drive_to_grade
from tests.integration.test_escalation_withdrawn import messages_to
from tests.support.text import flat

AUDITOR = "U0MGRN001"  # the North manager: with no manager above them, an alert goes to the QA leads and the head
QA_LEADS = ("U0ADMIN01", "U0QALEAD1", "U0QALEAD2")
NAMES = "Head of service, QA lead (practice), QA lead (children in care)"
ASKED = f"This sends an urgent alert now to {NAMES}. Send it?"
CONCERN = "Is there an immediate safeguarding concern on this case that needs a manager now?"
TO_THE_CONCERN = ["/audit start case-audit", "CR-123456", "1"]  # the first question is the immediate concern


def answers(services: Services) -> dict:
    return store.answers_of(services.storage, 1)


def state_of(services: Services) -> State | None:
    turn = Turn(services.directory.person(AUDITOR), "dm", datetime.now(UTC))
    conversation = current(services, turn)
    return conversation.state if conversation else None


def test_yes_asks_first_naming_who_would_be_alerted_and_sends_nothing(engine: Engine, services: Services) -> None:
    _, out = drive(engine, [*TO_THE_CONCERN, "1"], user=AUDITOR)
    assert ASKED in flat(out)
    assert "1) Send the alert" in out and "2) No, go back and change it" in out
    assert "[message to" not in out and "Escalation from audit" not in out
    assert answers(services) == {} and state_of(services) is State.CONFIRM_ALERT


def test_the_mistake_option_sends_nothing_stores_nothing_and_asks_the_question_again(engine: Engine,
                                                                                      services: Services) -> None:
    _, out = drive(engine, [*TO_THE_CONCERN, "1", "2"], user=AUDITOR)
    after = out.split("No, go back and change it", 1)[1]
    assert "OK, no alert was sent and that answer was not saved. Here is the question again." in flat(after)
    assert CONCERN in after and "1) Yes" in after
    assert answers(services) == {} and state_of(services) is State.QUESTION
    _, out = drive(engine, ["2"], user=AUDITOR)  # then No: nobody is alerted, ever
    assert answers(services)["immediate-concern"].value == "no"
    assert "[message to" not in out


@pytest.mark.parametrize("typed", ["go back", "no, go back and change it", "no"])
def test_going_back_typed_in_the_buttons_words_sends_nothing(engine: Engine, services: Services, typed: str) -> None:
    """Trial 17: after `confirm` to a suggested Inadequate, the way out read "No, I pressed Inadequate by mistake",
    though nothing was pressed; it says what it does now, and its words typed do it."""
    _, out = drive(engine, [*TO_THE_CONCERN, "1", typed], user=AUDITOR)
    assert "OK, no alert was sent and that answer was not saved" in flat(out)
    assert answers(services) == {} and "[message to" not in out


def test_send_alerts_at_once_stores_the_answer_and_the_audit_carries_on(engine: Engine, services: Services) -> None:
    _, out = drive(engine, [*TO_THE_CONCERN, "1", "1"], user=AUDITOR)
    assert out.index("Send it?") < out.index("[message to")
    for lead in QA_LEADS:
        [alert] = messages_to(out, lead)
        assert "Escalation from audit #1" in alert
        # trial 25: "Is there … now? was answered Yes." read badly: the question is quoted
        assert f"The answer to “{CONCERN}” was Yes. Please look at this case now." in flat(alert)
    assert f"I've alerted {NAMES} about this answer now. Carry on with the audit." in flat(out)
    assert answers(services)["immediate-concern"].value == "yes"
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.status == "draft"  # sent now, not at submission
    assert "Is the child currently in the care of the local authority?" in out.rsplit("Carry on with the audit", 1)[1]


def test_typing_yes_or_send_at_the_confirm_sends(engine: Engine, services: Services) -> None:
    for typed in ("yes", "Send it!"):
        _, out = drive(engine, [*TO_THE_CONCERN, "yes", typed], user=AUDITOR)
        assert out.index("Send it?") < out.index("[message to"), typed
        assert sorted(user for user in QA_LEADS if messages_to(out, user)) == sorted(QA_LEADS), typed
        drive(engine, ["cancel", "1"], user=AUDITOR)


def test_a_yes_with_its_note_waits_with_the_note_and_both_are_stored_on_send(engine: Engine,
                                                                             services: Services) -> None:
    _, out = drive(engine, [*TO_THE_CONCERN, "yes, bruising seen and nobody has acted"], user=AUDITOR)
    assert f"You answered Yes (with your note) to “{CONCERN}”" in flat(out) and "[message to" not in out
    assert answers(services) == {}
    drive(engine, ["send"], user=AUDITOR)
    stored = answers(services)["immediate-concern"]
    assert (stored.value, stored.evidence) == ("yes", "bruising seen and nobody has acted")


def test_other_text_at_the_confirm_is_not_an_answer_and_a_question_is_answered(engine: Engine,
                                                                              services: Services) -> None:
    _, out = drive(engine, [*TO_THE_CONCERN, "1", "no concerns really", "what does RI mean?"], user=AUDITOR)
    assert "No alert has been sent yet, and I haven't stored that." in flat(out)
    assert "RI stands for requires improvement to be good" in out
    assert answers(services) == {} and "[message to" not in out
    assert state_of(services) is State.CONFIRM_ALERT


def test_a_new_session_shows_the_confirm_again_not_the_question(engine: Engine, services: Services) -> None:
    drive(engine, [*TO_THE_CONCERN, "1"], user=AUDITOR)
    _, out = drive(engine, [], user=AUDITOR)
    assert "Picking up audit #1 (CR-123456, " in out and " at the urgent alert's confirmation (Q1):" in out
    assert ASKED in flat(out)


def test_send_pressed_twice_alerts_once_and_an_old_send_after_the_mistake_sends_nothing(
        engine: Engine, services: Services) -> None:
    engine.command(AUDITOR, "start case-audit", surface="dm")
    workers = engine.message(AUDITOR, "CR-123456")
    worker = next(c for c in workers[-1].choices if c.action == "audit.worker")
    question = engine.action(AUDITOR, worker.action, worker.value)
    yes = next(c for c in question[-1].choices if c.label == "Yes")
    asked = engine.action(AUDITOR, yes.action, yes.value)
    send = next(c for c in asked[-1].choices if c.action == "audit.alert_send")
    mistake = next(c for c in asked[-1].choices if c.action == "audit.alert_back")
    engine.action(AUDITOR, mistake.action, mistake.value)
    [stale] = engine.action(AUDITOR, send.action, send.value)
    assert stale.kind == "error" and answers(services) == {}
    asked = engine.action(AUDITOR, yes.action, yes.value)
    send = next(c for c in asked[-1].choices if c.action == "audit.alert_send")
    first = engine.action(AUDITOR, send.action, send.value)
    again = engine.action(AUDITOR, send.action, send.value)
    assert sorted(r.to_user for r in first if r.to_user) == sorted(QA_LEADS)
    assert not [r for r in again if r.to_user]


# -- an Inadequate overall grade alerts before submission too: the same confirm -------------------------------

def to_the_grade(engine: Engine) -> list[Reply]:
    send = terminal_sender(engine, TerminalView(), AUDITOR)
    replies = send("type", "/audit start early-help-spot")
    replies = send("type", "CR-123456")
    replies = send("type", "U0PRAN001")
    for _ in range(60):
        grades = [c for r in replies for c in r.choices if c.action == "audit.grade"]
        if grades:
            return replies
        step = next_input(replies, {})
        assert step is not None
        replies = send(*step)
    raise AssertionError("never reached the overall grade")


def test_an_inadequate_grade_asks_first_and_the_mistake_option_goes_back_to_the_grade(
        engine: Engine, services: Services) -> None:
    shown = to_the_grade(engine)
    inadequate = next(c for r in shown for c in r.choices if c.action == "audit.grade" and c.label == "Inadequate")
    asked = engine.action(AUDITOR, inadequate.action, inadequate.value)
    assert "You chose **Inadequate** as the overall grade of audit #1." in asked[-1].text
    assert ASKED in flat(asked[-1].text) and not [r for r in asked if r.to_user]
    assert [c.label for c in asked[-1].choices] == ["Send the alert", "No, go back and change it"]
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.overall_grade is None
    back = engine.message(AUDITOR, "no")
    assert "no alert was sent and that grade was not saved" in back[0].text
    assert any(c.action == "audit.grade" for c in back[-1].choices)


def test_inadequate_with_its_reason_typed_alerts_on_send_and_keeps_the_reason(engine: Engine,
                                                                             services: Services) -> None:
    to_the_grade(engine)
    asked = engine.message(AUDITOR, "inadequate, the child has not been seen for three months")
    assert ASKED in flat(asked[-1].text)
    sent = engine.message(AUDITOR, "send")
    assert sorted(r.to_user for r in sent if r.to_user and "Inadequate overall grade" in r.text) == sorted(QA_LEADS)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.status == "draft" and audit.overall_grade == "inadequate"
    suggested = audit.suggested_grade
    if suggested != "inadequate":  # a grade against the suggestion keeps the reason typed with it
        assert audit.grade_reason == "the child has not been seen for three months"


def test_the_checklist_driver_still_reaches_submission_through_the_confirm(engine: Engine,
                                                                           services: Services) -> None:
    send = terminal_sender(engine, TerminalView(), AUDITOR)
    seen = drive_to_grade(send, send("type", "/audit start early-help-spot"), "inadequate", worker="U0PRAN001")
    assert any(ASKED in flat(r.text) for r in seen)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.status == "submitted"


# -- typed answers to the confirm ------------------------------------------------------------------------------

NEGATIONS = re.compile(r"\b(no|not|dont|don't|nope|mistake|n)\b", re.IGNORECASE)


@given(st.sampled_from(sorted(alert_confirm.SEND_WORDS)), st.sampled_from(["", ".", "!", " ", ",", "  "]),
       st.booleans())
def test_the_send_words_are_read_as_send_in_any_case_and_with_trailing_punctuation(word: str, tail: str,
                                                                                   upper: bool) -> None:
    typed = (word.upper() if upper else word.capitalize()) + tail
    assert alert_confirm.typed_choice(typed) == alert_confirm.SEND


@given(st.text(max_size=60))
def test_nothing_with_a_no_in_it_is_read_as_send(text: str) -> None:
    if alert_confirm.typed_choice(text) == alert_confirm.SEND:
        assert not NEGATIONS.search(text.replace(",", " "))
