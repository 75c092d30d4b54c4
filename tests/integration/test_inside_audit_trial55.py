"""Trial 55, inside an audit (fix60b): `keep` after Back keeps the answer on file (F10); `N/A` where a question has no
not applicable says so (F16); an owner's short code after a dash is the owner (F5)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits import action_owners, owner_last
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_escalation_withdrawn import messages_to
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)  # a working morning
AUDITOR = "U0MGRN001"
Send = Callable[[str, str], list[Reply]]


def said(replies: list[Reply]) -> str:
    return flat(" ".join(reply.text for reply in replies if reply.to_user is None)).replace("**", "")


def labels(replies: list[Reply]) -> list[str]:
    return [choice.label for reply in replies for choice in reply.choices]


@pytest.fixture(autouse=True)
def thursday() -> object:
    with time_machine.travel(THURSDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def send(engine: Engine) -> Send:
    return terminal_sender(engine, TerminalView(), AUDITOR)


def to_question_7(send: Send) -> list[Reply]:
    """Q1 No, Q2 to Q5 Yes (Q2 with a note), Q6 Not applicable: question 7 is asked."""
    send("type", "/audit start early-help-spot")
    send("type", "CR-771234")
    send("type", "sw n1")
    for typed in ["no", "yes, consent form signed", "yes", "yes", "yes"]:
        send("type", typed)
    return send("type", "n/a, no review due yet")


@pytest.mark.parametrize("keep", ["keep", "same", "as before"])
def test_keep_after_back_three_times_keeps_each_answer_and_moves_on(send: Send, services: Services,
                                                                     keep: str) -> None:
    to_question_7(send)
    for _ in range(3):
        back = send("type", "back")
    assert "Answered before: Yes" in said(back) and "Keep: Yes" in labels(back)
    at_q5 = send("type", keep)
    assert "Please answer" not in said(at_q5) and "Kept: Yes" in said(at_q5)
    at_q6 = send("type", keep)
    assert "Answered before: Not applicable — no review due yet" in said(at_q6)
    assert "Keep: Not applicable" in labels(at_q6)
    at_q7 = send("type", keep)
    assert "Kept: Not applicable — no review due yet" in said(at_q7) and "named lead practitioner" in said(at_q7)
    answers = store.answers_of(services.storage, 1)
    assert {qid: (a.value, a.evidence) for qid, a in answers.items()}.get(
        next(q for q in answers if answers[q].value == "na")) == ("na", "no review due yet")


def test_the_keep_button_keeps_the_earlier_answer_with_its_note(send: Send, services: Services) -> None:
    to_question_7(send)
    back = send("type", "back")
    keep = next(c for r in back for c in r.choices if c.label == "Keep: Not applicable")
    onward = send("press", f"{keep.action}|{keep.value}")
    assert "named lead practitioner" in said(onward)
    assert any(a.value == "na" and a.evidence == "no review due yet"
               for a in store.answers_of(services.storage, 1).values())


@pytest.mark.parametrize("na", ["N/A", "n/a", "not applicable"])
def test_na_where_the_question_has_none_says_so(send: Send, na: str) -> None:
    send("type", "/audit start early-help-spot")
    send("type", "CR-771234")
    send("type", "sw n1")
    send("type", "no")
    refused = said(send("type", na))
    assert "This question has no 'not applicable': answer yes or no" in refused


def _at_actions(engine: Engine) -> None:
    drive(engine, TO_ACTIONS)


def test_a_short_code_after_a_dash_is_the_owner_and_leaves_the_text(engine: Engine, services: Services) -> None:
    _at_actions(engine)
    _, out = drive(engine, ["update plan to show how her views were weighed - N1 by 18/12"])
    text = flat(out, "`*_")
    assert "Who owns this action?" not in text and "Social worker N1 (the case's worker) owns" in text
    action = action_store.actions_of_audit(services.storage, 1)[-1]
    assert action.description == "update plan to show how her views were weighed" and action.owner_id == "U0PRAN001"


OWNER_FORMS = st.sampled_from(["- N1", "- n1", "– N1", "— n1", "-N1", "- N1.", "- sw n1", "- social worker n1"])
HEADS = st.lists(st.sampled_from(["update", "plan", "to", "show", "how", "her", "views", "were", "weighed", "chase",
                                  "health", "report"]), min_size=1, max_size=7).map(" ".join).flatmap(
    lambda words: st.sampled_from(["weighed", "report", "plan"]).map(lambda last: f"{words} {last}"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=HEADS, owner=OWNER_FORMS)
def test_every_owner_form_after_a_dash_names_the_worker(engine: Engine, services: Services, head: str,
                                                        owner: str) -> None:
    if store.get_audit(services.storage, 1) is None:
        _at_actions(engine)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None
    split = owner_last.split(services, audit, f"{head} {owner}")
    assert split is not None and split[1] == head
    assert action_owners.resolve(services, audit, split[0], AUDITOR) == "U0PRAN001"


@pytest.mark.parametrize("line", ["arrange a meeting with mum - X9", "book room - 10", "raise it at CP2"])
def test_a_code_that_names_nobody_stays_in_the_text(engine: Engine, services: Services, line: str) -> None:
    _at_actions(engine)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None
    assert owner_last.split(services, audit, line) is None


# -- fix61a: an action tied to a question says so (F13) ---------------------------------------------------------

def test_an_action_tied_to_a_question_says_so_in_the_reply_the_review_and_the_workers_summary(engine: Engine) -> None:
    _at_actions(engine)
    _, out = drive(engine, ["Q4: share the plan with the school", "sw n1", "18/12", "no more actions", "skip",
                            "submit"])
    text = flat(out, "`*_")
    assert "Tied to Q4 (Is there a family plan with clear outcomes and timescales?)" in text
    assert "• Action 1: share the plan with the school (Q4) — Social worker N1, by 18 Dec 2026" in text
    [summary] = [m for m in messages_to(out, "U0PRAN001") if "Audit #1" in m]
    assert "Action 1: share the plan with the school (Q4) — Social worker N1" in flat(summary, "`*_")


# -- fix61a: a changed answer asks to check the strengths and areas for development (F3) ----------------------------

NOTES_FIT = "You changed Q3 to No: check your strengths and areas for development still fit: strengths “Direct work is"


def test_an_answer_changed_at_ready_to_submit_asks_to_check_the_strengths_which_edit_strengths_changes(
        engine: Engine, services: Services) -> None:
    _at_actions(engine)
    _, kept = drive(engine, ["strengths based meeting with the family", "sw n1", "18/12", "no more actions",
                             "change 3", "yes"])  # an action may start with the word; the same answer says nothing
    assert "check your strengths" not in flat(kept, "`*_")
    assert [a.description for a in action_store.actions_of_audit(services.storage, 1)] == [
        "strengths based meeting with the family"]
    _, out = drive(engine, ["change 3", "no, only an old assessment",
                            "edit strengths Direct work is good; the assessment is out of date", "submit"])
    text = flat(out, "`*_")
    assert NOTES_FIT + " thoughtful.”. To change them, type edit strengths and the new text" in text
    assert "Got it: the strengths now read “Direct work is good; the assessment is out of date”." in text
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.status == "submitted"
    assert audit.strengths == "Direct work is good; the assessment is out of date"


def test_an_answer_changed_after_submitting_asks_the_same(engine: Engine, services: Services) -> None:
    _at_actions(engine)
    _, out = drive(engine, ["no more actions", "submit", "/audit edit 1", "change 3", "no, only an old assessment",
                            "edit strengths Direct work is good; the assessment is out of date"])
    text = flat(out, "`*_")
    assert NOTES_FIT in text and "Got it: the strengths now read" in text
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.strengths == "Direct work is good; the assessment is out of date"


# -- fix61a: `done N - …` with a date still to come in its note is asked about first (F19) ---------------------------

def _own_action_submitted(engine: Engine) -> None:
    _at_actions(engine)
    drive(engine, ["share the plan with the school - me by 18/12", "no more actions", "submit"])


def _tomorrow() -> tuple[str, str]:
    """Tomorrow from the pinned clock, as typed (`4/12`) and as said back (`Friday 4 December 2026`)."""
    day = (THURSDAY + timedelta(days=1)).date()
    return f"{day.day}/{day.month}", f"{day:%A} {day.day} {day:%B %Y}"


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_a_done_note_giving_tomorrow_asks_before_marking_it_done(engine: Engine, services: Services,
                                                                 answer: str) -> None:
    _own_action_submitted(engine)
    typed, said_back = _tomorrow()
    _, out = drive(engine, [f"done 1 - advocate offered on {typed}, she said maybe later", answer])
    text = flat(out, "`*_")
    assert f"Your note gives {said_back}, which is after today: mark action 1 done now anyway?" in text
    action = action_store.get_action(services.storage, 1)
    assert action is not None
    if answer == "no":
        assert action.done_at is None and "To mark it done once it has happened, type done 1 then" in text
    else:
        assert action.done_at is not None and action.done_note == f"advocate offered on {typed}, she said maybe later"


def test_a_done_note_giving_today_marks_it_done_at_once(engine: Engine, services: Services) -> None:
    _own_action_submitted(engine)
    day = THURSDAY.date()
    _, out = drive(engine, [f"done 1 - advocate offered on {day.day}/{day.month}"])
    assert "after today" not in flat(out, "`*_")
    action = action_store.get_action(services.storage, 1)
    assert action is not None and action.done_at is not None


# -- fix63c: a due date in an action's text that falls on a weekend is moved at once, and said so (F18) -----------

def test_an_action_due_on_a_sunday_in_its_text_is_moved_to_the_friday_before_as_it_is_read(
        engine: Engine, services: Services) -> None:
    _at_actions(engine)
    _, out = drive(engine, ["share the plan with the school by sunday"])
    text = flat(out, "`*_")
    assert ("I've taken “sunday” as the action's due date: Sunday 6 December 2026 is a Sunday, so I've made it "
            "Friday 4 December 2026 (tomorrow), the last working day before it") in text
    assert text.index("is a Sunday") < text.index("Who owns this action?")
    _, out = drive(engine, ["sw n1"])
    assert "That is a Sunday" not in flat(out, "`*_")
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.due_date) == ("share the plan with the school", "2026-12-04")



# -- fix70b C: the same for a weekend day typed as a number; `anyway` keeps it, in numbers or words, and says so ----

@pytest.mark.parametrize(("line", "said_first", "due"), [
    ("share the plan with the school by 6/12", "I've taken “6/12” as the action's due date: Sunday 6 December 2026 is "
     "a Sunday, so I've made it Friday 4 December 2026 (tomorrow), the last working day before it", "2026-12-04"),
    ("share the plan with the school due 5/12/2026", "I've taken “5/12/2026” as the action's due date: Saturday 5 "
     "December 2026 is a Saturday, so I've made it Friday 4 December 2026 (tomorrow)", "2026-12-04"),
    ("share the plan with the school due 6/12 anyway", "I've taken “6/12 anyway” as the action's due date, Sunday 6 "
     "December 2026 (in 3 days), a Sunday, kept as you asked, and left it out of its text", "2026-12-06"),
    ("share the plan with the school by 6 december anyway", "I've taken “6 december anyway” as the action's due date, "
     "Sunday 6 December 2026 (in 3 days), a Sunday, kept as you asked", "2026-12-06"),
    ("share the plan with the school by saturday anyway", "I've taken “saturday anyway” as the action's due date, "
     "Saturday 5 December 2026 (in 2 days), a Saturday, kept as you asked", "2026-12-05"),
])
def test_a_weekend_due_date_typed_as_a_number_is_moved_and_anyway_keeps_it_said_which(
        engine: Engine, services: Services, line: str, said_first: str, due: str) -> None:
    _at_actions(engine)
    _, out = drive(engine, [line])
    text = flat(out, "`*_")
    assert said_first in text and text.index(said_first) < text.index("Who owns this action?")
    _, out = drive(engine, ["sw n1"])
    added = flat(out, "`*_")
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.due_date) == ("share the plan with the school", due)
    assert "That is a Sunday:" not in added and "That is a Saturday:" not in added  # no fix offered for a kept day


@pytest.mark.parametrize(("typed", "said"), [
    ("6/12", "That is a Sunday: to change it, type action 1 due and the date, like action 1 due 4/12"),
    ("6/12 anyway", "due Sunday 6 December 2026 (in 3 days). That is a Sunday, kept as you asked."),
    ("sunday anyway", "due Sunday 6 December 2026 (in 3 days). That is a Sunday, kept as you asked."),
])
def test_a_weekend_day_at_the_due_question_says_how_to_change_it_or_that_it_was_kept(
        engine: Engine, services: Services, typed: str, said: str) -> None:
    _at_actions(engine)
    _, out = drive(engine, ["share the plan with the school", "sw n1", typed])
    text = flat(out, "`*_")
    assert said in text and "for the Sunday after" not in text
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.due_date == "2026-12-06"
