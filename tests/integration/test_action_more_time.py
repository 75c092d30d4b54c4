"""Trial 29 (item 5): an action's owner had no way to ask for more time. `cant do action 110 by mon, family away til
the 12th. can i hav more time?` went on the QA leads' list, `can i have more time on action 110` showed the card and
`action 110 due 14/12` was told "not an action of an audit you did". Now the auditor (or, when the audit can no
longer be changed by them, the owner's manager) is sent the request with the words that set the date, the owner is
told who was asked, and the request is kept in the trail (bot.audits.more_time)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.more_time import read
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 4, 15, 0, tzinfo=LONDON)  # a Friday afternoon, in the worker's hours (fix44d)
AUDITOR, WORKER, MANAGER = "U0MGRS001", "U0PRAN001", "U0MGRN001"
WORDS = "(_Arrange the statutory visit_, audit #1, CR-123456)"  # beside its number (trial 43)


def _action(services: Services, status: str = "submitted") -> int:
    audit_id = insert_audit(services.storage, "CR-123456", SATURDAY, status=status, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-07",
                                   AUDITOR, SATURDAY)


def _trail(services: Services) -> list[dict[str, object]]:
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'action.more_time'").fetchall()
    return [json.loads(row[0]) for row in rows]


@pytest.mark.parametrize(("typed", "until", "reason"), [
    ("cant do action {n} by mon, family away til the 12th. can i hav more time?", None, "family away til the 12th"),
    ("can i have more time on action {n}", None, None),
    ("more time on action {n}", None, None),
    ("extend action {n} to 14/12", "14 Dec 2026", None),
    ("extend action {n} to 14/12 as family away", "14 Dec 2026", "family away"),
    ("action {n} due 14/12", "14 Dec 2026", None),
])
def test_the_owner_asking_for_more_time_sends_the_auditor_the_request(engine: Engine, services: Services, typed: str,
                                                                      until: str | None, reason: str | None) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        replies = engine.message(WORKER, typed.format(n=action), surface="terminal")
        if until is None:  # no day named: asked "Until when?", nothing sent, and the next line is the day (trial 41)
            assert [r.to_user for r in replies] == [None]
            assert replies[0].text.startswith(f"Until when do you need action {action} {WORDS}? It is due 7 Dec 2026.")
            assert _trail(services) == []
            replies, until = engine.message(WORKER, "14/12", surface="terminal"), "14 Dec 2026"
    told = [r for r in replies if r.to_user is None]
    [sent] = [r for r in replies if r.to_user == AUDITOR]
    assert told[0].text.startswith(f"I've asked Team manager (South), the auditor, for more time on action {action} "
                                   f"{WORDS}")
    assert "It stays due 7 Dec 2026 until they set a new date." in told[0].text
    assert sent.text.startswith(f"Social worker N1 asks for more time on action {action} (_Arrange the statutory "
                                "visit_")
    assert (f"until {until}" in sent.text) == (until is not None)
    assert (f"reason: {reason}." in sent.text) if reason else "reason:" not in sent.text
    assert f"type `action {action} due {'14/12' if until else '<date>'}`" in sent.text
    assert _trail(services) == [{"action": action, "until": "2026-12-14" if until else None, "asked": AUDITOR}]
    found = action_store.get_action(services.storage, action)
    assert found is not None and found.due_date == "2026-12-07"
    assert asked_the_knowledge_base(services) == 0


def test_when_the_auditor_can_no_longer_change_it_the_owners_manager_is_asked(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services, status="moderated")
        engine.message(WORKER, f"more time on action {action}", surface="terminal")
        replies = engine.message(WORKER, "2 weeks", surface="terminal")  # the day, asked for next (trial 41)
    assert replies[0].text.startswith("I've asked Team manager (North), your manager, for more time on action "
                                      f"{action} {WORDS} until 21 Dec 2026")
    assert [r.to_user for r in replies[1:]] == [MANAGER]


def test_someone_else_is_told_only_the_owner_asks(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        [refused] = engine.message("U0PRAN002", f"more time on action {action}", surface="terminal")
    assert refused.kind == "error" and refused.text.startswith(f"Only the owner of action {action} asks")
    assert _trail(services) == []


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("action moretiextndu 0123456789/?,.#"), max_size=40))
def test_any_line_is_a_request_for_one_action_or_none(typed: str) -> None:
    today = date(2026, 12, 5)
    try:
        request = read(typed, today)
    except Exception as error:  # a day asked for that names no day is refused with an example
        assert "Nothing was asked" in str(error)
        return
    if request is not None:
        assert str(request.action_id) in typed
        assert request.until is None or today <= request.until <= today + timedelta(days=400)


def test_the_extend_command_asks_as_the_words_do(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        replies = engine.command(WORKER, f"extend {action} to 14/12, family away")
        [usage] = engine.command(WORKER, "extend")
    assert replies[0].text.startswith(f"I've asked Team manager (South), the auditor, for more time on action "
                                      f"{action} {WORDS} "
                                      "until 14 Dec 2026.")
    assert replies[1].to_user == AUDITOR and "until 14 Dec 2026, reason: family away." in replies[1].text
    assert usage.kind == "error" and "/audit extend <action number> [to DATE] [, reason]" in usage.text


# -- trial 30: the approver's answer, typed in the terminal chat -------------------------------------------------

def test_the_request_says_how_to_answer_it_and_carries_its_buttons(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        [_, sent] = engine.message(WORKER, f"extend action {action} to 14/12", surface="terminal")
    assert sent.text.endswith(f"To give it, type `action {action} due 14/12`; to say no, `no more time on action "
                              f"{action}`, with your reason after a dash if you like.")
    assert [c.label for c in sent.choices] == ["Approve the new date", "Say no"]


def test_the_owners_manager_sets_the_date_typed_once_the_audit_is_moderated(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services, status="moderated")
        engine.message(WORKER, f"more time on action {action}", surface="terminal")
        [done, told] = engine.message(MANAGER, f"action {action} due 14/12", surface="terminal")
        [refused] = engine.message(AUDITOR, f"action {action} due 21/12", surface="terminal")
    assert done.text.startswith(f"Action {action} (_Arrange the statutory visit_) is now due **Monday 14 December "
                                "2026** (in 10 days), not Monday 7 December 2026. I've told Social worker N1")
    assert told.to_user == WORKER
    assert told.text.startswith(f"Team manager (North) gave you more time on action {action}")
    assert refused.kind == "error"  # the auditor of a moderated audit, who does not manage the owner
    assert action_store.get_action(services.storage, action).due_date == "2026-12-14"


def test_the_approver_says_no_typed_and_the_owner_is_told_the_date_stands(engine: Engine,
                                                                          services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"more time on action {action}", surface="terminal")
        [said, told] = engine.message(AUDITOR, f"no more time on action {action}", surface="terminal")
    assert said.text == (f"I've told Social worker N1 that action {action} {WORDS} stays due Monday 7 December 2026 "
                         "(in 3 days).")
    assert told.to_user == WORKER
    assert f"said no to more time on action {action}, _Arrange the statutory visit_ (" in told.text
    # the action's words are not tacked on; how near the date is, as every confirmation says it (fix50e)
    assert told.text.endswith("it stays due **Monday 7 December 2026** (in 3 days).")
    assert action_store.get_action(services.storage, action).due_date == "2026-12-07"


def test_an_owner_with_no_manager_of_their_own_is_answered_by_an_admin_and_told_so(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        audit_id = insert_audit(services.storage, "CR-123456", SATURDAY, status="moderated", auditor=AUDITOR)
        action = action_store.add_action(services.storage, audit_id, "Chair the review", MANAGER, "2026-12-07",
                                         AUDITOR, SATURDAY)
        [asked, sent] = engine.message(MANAGER, f"extend action {action} to 14/12", surface="terminal")
        [done, _] = engine.message("U0ADMIN01", f"action {action} due 14/12", surface="terminal")
    assert asked.text.startswith(f"I've asked Head of service, an admin (you have no manager I can ask), for more "
                                 f"time on action {action}")
    assert sent.to_user == "U0ADMIN01" and done.text.startswith(f"Action {action} (_Chair the review_) is now due")


def _refusals(services: Services) -> list[dict[str, object]]:
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'action.more_time_refused'").fetchall()
    return [json.loads(row[0]) for row in rows]


@pytest.mark.parametrize("typed", ["no more time on action {n} - needs doing before the review",
                                   "no more time on action {n}, because needs doing before the review",
                                   "refuse more time on action {n}: needs doing before the review."])
def test_fix34_a_no_typed_with_its_reason_carries_it_to_the_owner(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"more time on action {action}", surface="terminal")
        [said, told] = engine.message(AUDITOR, typed.format(n=action), surface="terminal")
    assert said.text == (f"I've told Social worker N1 that action {action} {WORDS} stays due Monday 7 December 2026 "
                         "(in 3 days), with "
                         "your reason.")
    assert told.to_user == WORKER and "Their reason: “needs doing before the review”." in told.text
    assert _refusals(services) == [{"action": action, "reason": True}]
    assert action_store.get_action(services.storage, action).due_date == "2026-12-07"


def _say_no_pressed(engine: Engine, services: Services) -> int:
    """An action whose owner asked for more time, and its auditor pressed *Say no*: its number."""
    action = _action(services)
    engine.message(WORKER, f"more time on action {action}", surface="terminal")
    engine.action(AUDITOR, "actions.more_time_refuse", str(action), surface="terminal")
    return action


def test_fix34_say_no_asks_why_once_and_sends_the_reason_typed_next(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"more time on action {action}", surface="terminal")
        [asked] = engine.action(AUDITOR, "actions.more_time_refuse", str(action), surface="terminal")
        assert not _refusals(services)  # nothing sent until the reason, or `skip`
        [said, told] = engine.message(AUDITOR, "no - needs doing before the review", surface="terminal")
        later = engine.message(AUDITOR, "skip", surface="terminal")
    assert asked.text.startswith("Why no? Type the reason in a line and I'll send it to Social worker N1")
    assert "`skip`" in asked.text
    assert said.text.endswith("with your reason.")
    assert told.to_user == WORKER and told.text.count("Their reason: “needs doing before the review”.") == 1
    assert _refusals(services) == [{"action": action, "reason": True}]
    assert all(r.to_user != WORKER for r in later)  # asked once: a later `skip` is not another no


def test_fix34_skip_says_no_without_a_reason_and_cancel_sends_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _say_no_pressed(engine, services)
        [kept] = engine.message(AUDITOR, "cancel", surface="terminal")
        assert not _refusals(services) and "nothing was sent" in kept.text
        engine.action(AUDITOR, "actions.more_time_refuse", str(action), surface="terminal")
        [said, told] = engine.message(AUDITOR, "skip", surface="terminal")
    assert said.text == (f"I've told Social worker N1 that action {action} {WORDS} stays due Monday 7 December 2026 "
                         "(in 3 days).")
    assert told.to_user == WORKER and "Their reason" not in told.text
    assert _refusals(services) == [{"action": action, "reason": False}]


def test_fix34_a_reason_naming_someone_is_refused_and_asked_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _say_no_pressed(engine, services)
        [refused] = engine.message(AUDITOR, "Jayden Smith's mum needs it before the review", surface="terminal")
        assert refused.kind == "error" and "Type the reason again" in refused.text and not _refusals(services)
        [said, told] = engine.message(AUDITOR, "the family needs it before the review", surface="terminal")
    assert "Their reason: “the family needs it before the review”." in told.text and said.to_user is None
    stored = " ".join(str(row) for row in services.storage.db.execute("SELECT * FROM trail").fetchall())
    assert "Jayden" not in stored and "the family needs" not in stored


@pytest.mark.parametrize("how", ["typed", "pressed"])
def test_fix50g_giving_the_date_it_already_has_says_how_near_it_is(engine: Engine, services: Services,
                                                                    how: str) -> None:
    """fix50g: "is already due Monday 7 December 2026, so nothing changed" left out how near it was, where every
    other due date said back gives it (bot.audits.action_fields.how_near)."""
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services, status="moderated")
        engine.message(WORKER, f"more time on action {action}", surface="terminal")
        if how == "typed":
            [said] = engine.message(MANAGER, f"action {action} due 7/12", surface="terminal")
        else:
            [said] = engine.action(MANAGER, "actions.more_time_give", f"{action}:2026-12-07", surface="terminal")
    assert said.text.endswith("is already due Monday 7 December 2026 (in 3 days), so nothing changed.")
    assert action_store.get_action(services.storage, action).due_date == "2026-12-07"
