"""Trial 34 (a South social worker): the worker's side of a request for more time (bot.audits.more_time,
bot.audits.more_time_withdraw, bot.core.more_time_said).

H2: "action 34 isnt mine, thats the IRO's job" was offered as `extend action 34 isnt mine…`, and typing that asked the
manager for more time; `cancel my request for more time on action 34, sent it by mistake` sent a second request.
M2: ordinary phrasings went to the knowledge base. M3: `extend action 106 to fri` asked for the day it was already
due. M4: a request was invisible once sent, and "did i get more time on 147?" was not answered.
"""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
AUDITOR, WORKER, OTHER = "U0MGRS001", "U0PRAN001", "U0PRAN002"
GIVE, REFUSE = "actions.more_time_give", "actions.more_time_refuse"
WORDS = "(_Arrange the statutory visit_, audit #1, CR-123456)"  # beside its number (trial 43)


def _action(services: Services, owner: str = WORKER) -> int:
    """An open action due Monday 7 December 2026 on a submitted audit Team manager (South) did."""
    audit_id = insert_audit(services.storage, "CR-123456", SATURDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", owner, "2026-12-07",
                                   AUDITOR, SATURDAY)


def _trail(services: Services, what: str = "action.more_time") -> list[dict[str, object]]:
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = ? ORDER BY id", [what]).fetchall()
    return [json.loads(row[0]) for row in rows]


def _sent(replies: list) -> list:
    return [reply for reply in replies if reply.to_user is not None]


# -- H2: no request from a line saying the action is not theirs -------------------------------------------------

@pytest.mark.parametrize("typed", ["action {n} isnt mine, thats the IRO's job not me", "action {n} isnt mine",
                                   "action {n} is not my action", "action {n} not my job"])
def test_a_line_saying_the_action_is_not_theirs_is_never_offered_or_sent_as_a_request(
        engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        replies = engine.message(WORKER, typed.format(n=action), surface="terminal")
    said = " ".join(reply.text for reply in replies)
    assert "extend" not in said.lower() and "Did you mean `" not in said
    # The auditor may be told the action is not theirs (bot.audits.not_mine), never asked for more time.
    assert all("more time" not in reply.text for reply in _sent(replies))
    assert _trail(services) == [] and requests.latest(services.storage, action) is None


def test_extend_typed_with_words_saying_it_is_not_theirs_asks_nobody(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        [refused] = engine.message(WORKER, f"extend action {action} is not my action", surface="terminal")
    assert refused.kind == "error" and refused.text.startswith("That says the action is not yours, so I haven't asked")
    assert _trail(services) == [] and requests.latest(services.storage, action) is None


def test_a_near_miss_of_extend_is_offered_with_its_number_and_a_date_only(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        [typo] = engine.message(WORKER, f"/audti extend {action} isnt mine, ask the IRO", surface="terminal")
        [dated] = engine.message(WORKER, f"/audti extend {action} to 14/12", surface="terminal")
    assert f"`/audit extend {action}`" in typo.text and "IRO" not in typo.text
    assert f"`/audit extend {action} to 14/12`" in dated.text
    assert _trail(services) == []


@pytest.mark.parametrize(("typed", "offered"), [("reflcet 12 I agree with most of it", "reflect 12"),
                                               ("respnd 12 i disagree with the grade", "respond 12"),
                                               ("respnd 12 accept", "respond 12 accept")])
def test_a_mistyped_command_that_sends_words_is_offered_without_them(engine: Engine, typed: str,
                                                                    offered: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        [said] = engine.message(WORKER, typed, surface="terminal")
    assert said.text.startswith(f"Did you mean `{offered}`?")


# -- H2: withdrawing a request ----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["cancel my request for more time on action {n}, sent it by mistake", "withdraw {n}",
                                   "withdraw action {n}", "cancel my request on {n}", "sent it by mistake",
                                   "withdraw my request"])
def test_the_worker_withdraws_a_request_and_the_one_asked_is_told(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"more time on action {action} to 14/12, family away", surface="terminal")
        replies = engine.message(WORKER, typed.format(n=action), surface="terminal")
    [told] = [reply for reply in replies if reply.to_user is None]
    [sent] = _sent(replies)
    assert told.text == (f"I've withdrawn your request for more time on action {action} {WORDS} and told Team manager "
                         "(South). It stays due 7 Dec 2026.")
    assert sent.to_user == AUDITOR and sent.text.startswith(f"Social worker N1 withdrew their request for more time "
                                                            f"on action {action}, _Arrange the statutory visit_ "
                                                            f"(audit #")  # the action's words by its number
    assert sent.text.endswith("so there is nothing to answer: it stays due 7 Dec 2026.")
    assert len(_trail(services)) == 1  # no second request
    assert _trail(services, "action.more_time_withdrawn") == [{"action": action}]
    asked = requests.latest(services.storage, action)
    assert asked is not None and asked.withdrawn_at is not None


@pytest.mark.parametrize(("how", "value"), [("give", "{n}:2026-12-14"), ("refuse", "{n}"), ("typed", "")])
def test_the_approvers_answer_on_a_withdrawn_request_says_so_and_changes_nothing(engine: Engine, services: Services,
                                                                                 how: str, value: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"extend action {action} to 14/12", surface="terminal")
        engine.message(WORKER, f"withdraw {action}", surface="terminal")
        replies = engine.message(AUDITOR, f"no more time on action {action}", surface="terminal") if how == "typed" \
            else engine.action(AUDITOR, GIVE if how == "give" else REFUSE, value.format(n=action))
    [said] = replies
    assert said.text == (f"Social worker N1 withdrew this request for more time on action {action} on 5 Dec, so "
                         "nothing changed: it stays due 7 Dec 2026.")
    assert action_store.get_action(services.storage, action).due_date == "2026-12-07"
    assert _trail(services, "action.more_time_refused") == []


def test_a_second_request_while_one_waits_says_so_and_sends_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"more time on action {action} to 14/12", surface="terminal")
        replies = engine.message(WORKER, f"extend action {action} to 18/12, still waiting on health",
                                 surface="terminal")
        engine.message(WORKER, f"withdraw {action}", surface="terminal")
        again = engine.message(WORKER, f"extend action {action} to 18/12", surface="terminal")
    [said] = replies
    assert said.text.startswith(f"You already asked Team manager (South) for more time on action {action} {WORDS} "
                                "until 14 "
                                "Dec 2026 on 5 Dec, and it is still waiting for their answer, so I haven't asked again")
    assert [detail["until"] for detail in _trail(services)] == ["2026-12-14", "2026-12-18"]
    assert [reply.to_user for reply in _sent(again)] == [AUDITOR]


def test_withdrawing_with_nothing_waiting_is_said_and_sends_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        [said] = engine.message(WORKER, f"withdraw {action}", surface="terminal")
    assert said.kind == "error"
    assert said.text.startswith(f"Nothing was withdrawn: no request for more time waits on action {action}. You "
                                "haven't asked for more time")
    assert _trail(services, "action.more_time_withdrawn") == []


# -- M2: ordinary phrasings -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "until", "reason"), [
    ("cant do action {n} by fri, mum cancelled twice, can i hav til 11/12?", "11 Dec 2026", "mum cancelled twice"),
    ("need another week for action {n} pls, core group moved", "14 Dec 2026", "core group moved"),
    ("can i have an extension on {n} til fri", "11 Dec 2026", None),
    ("can i have more time on {n} til 11/12 pls", "11 Dec 2026", None),
    ("could i get an extra 2 weeks for action {n}", "21 Dec 2026", None),
])
def test_ordinary_phrasings_ask_for_the_day_with_the_rest_as_the_reason(engine: Engine, services: Services, typed: str,
                                                                        until: str, reason: str | None) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        replies = engine.message(WORKER, typed.format(n=action), surface="terminal")
    [sent] = _sent(replies)
    assert replies[0].text.startswith(f"I've asked Team manager (South), the auditor, for more time on action "
                                      f"{action} {WORDS} "
                                      f"until {until}.")
    assert sent.to_user == AUDITOR and f"until {until}" in sent.text
    assert (f"reason: {reason}." in sent.text) if reason else "reason:" not in sent.text


@pytest.mark.parametrize("typed", ["i'll finish action {n} another day", "action {n} was sent to me by mistake"])
def test_lines_that_ask_for_nothing_send_nothing(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        replies = engine.message(WORKER, typed.format(n=action), surface="terminal")
    assert _sent(replies) == [] and _trail(services) == []


def test_sent_by_mistake_withdraws_only_a_request_just_sent(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"extend action {action} to 14/12", surface="terminal")
    with time_machine.travel(SATURDAY.replace(hour=19), tick=False):
        replies = engine.message(WORKER, "sent it by mistake", surface="terminal")
        [stands] = engine.message(WORKER, f"did i get more time on {action}?", surface="terminal")
    assert _sent(replies) == [] and stands.text.startswith("Not yet:")


def test_a_number_alone_that_is_not_their_action_sends_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        someone_elses = _action(services, owner=OTHER)
        replies = engine.message(WORKER, f"can i have an extension on {someone_elses} til fri", surface="terminal")
    assert _sent(replies) == [] and _trail(services) == []


FRAGMENTS = ["more time on", "an extension on", "action", "another week for", "can i hav til", "extend", "til fri",
             "to 11/12", ",", "mum cancelled twice", "pls", "not mine", "for", "on", "?", "withdraw", "cancel"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(["{other}", "{none}", "11", "3"])),
                min_size=1, max_size=8))
def test_text_naming_no_action_of_theirs_never_sends_anything(engine: Engine, services: Services,
                                                             words: list[str]) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        own = [a.id for a in action_store.open_actions_of(services.storage, WORKER)] or [_action(services)]
        other = _action(services, owner=OTHER)
        typed = " ".join(words).format(other=other, none=other + 500)
        if str(own[0]) in typed.split():  # names the worker's own action: not this property's
            return
        replies = engine.message(WORKER, typed, surface="terminal")
    assert _sent(replies) == [], typed


# -- M3: a day on or before the due date ------------------------------------------------------------------------

@pytest.mark.parametrize("day", ["7/12", "mon", "6/12"])
def test_a_day_on_or_before_the_due_date_is_refused_with_the_due_date(engine: Engine, services: Services,
                                                                      day: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        [refused] = engine.message(WORKER, f"extend action {action} to {day}, core group moved", surface="terminal")
    assert refused.kind == "error"
    assert refused.text.startswith(f"Action {action} {WORDS} is already due 7 Dec 2026, so asking for ")
    assert f"Nothing was asked: type a later day, like `extend action {action} to 14/12, <reason>`." in refused.text
    assert _trail(services) == [] and requests.latest(services.storage, action) is None


# -- M4: where a request stands ---------------------------------------------------------------------------------

def _listed(engine: Engine, services: Services) -> tuple[str, str, str, str]:
    """`my actions`, Home's "Your audits", `show` of the audit, and the answer to "did i get more time"."""
    actions = " ".join(reply.text for reply in engine.message(WORKER, "my actions", surface="terminal"))
    home = {s.title: s.text for s in home_sections(engine, services, WORKER)}["Your audits"]
    action = action_store.open_actions_of(services.storage, WORKER)[0]
    shown = " ".join(reply.text for reply in engine.message(WORKER, f"show {action.audit_id}", surface="terminal"))
    [answer] = engine.message(WORKER, f"did i get more time on {action.id}?", surface="terminal")
    return actions, home, shown, answer.text


def test_a_waiting_request_shows_on_the_action_and_answers_did_i_get_more_time(engine: Engine,
                                                                             services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        [never] = engine.message(WORKER, f"did i get more time on {action}?", surface="terminal")
        engine.message(WORKER, f"more time on action {action} to 14/12", surface="terminal")
        actions, home, shown, answer = _listed(engine, services)
    assert never.text.startswith(f"You haven't asked for more time on action {action} {WORDS}; it is due 7 Dec 2026.")
    note = "more time asked to 14 Dec, waiting for Team manager (South)"
    assert f"due 7 Dec 2026 — {note}" in actions
    assert f"(due 7 Dec) — {note}" in home
    assert f"(open, {note})" in shown
    assert answer.startswith(f"Not yet: you asked Team manager (South) for more time on action {action} {WORDS} "
                             "until 14 Dec "
                             "2026 on 5 Dec, and they haven't answered.")


def test_did_i_get_more_time_without_a_number_answers_for_the_requests_made(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        _action(services)  # never asked about: not answered for
        before = engine.message(WORKER, "did i get my extension?", surface="terminal")
        engine.message(WORKER, f"more time on action {action} to 14/12", surface="terminal")
        [answer] = engine.message(WORKER, "did i get my extension?", surface="terminal")
    assert "Not yet" not in " ".join(reply.text for reply in before)  # nothing asked: a question, not answered so
    assert answer.text.startswith(f"Not yet: you asked Team manager (South) for more time on action {action} {WORDS} "
                                  "until")
    assert "\n" not in answer.text


def test_the_answer_shows_once_given_or_refused(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        engine.message(WORKER, f"more time on action {action} to 14/12", surface="terminal")
        engine.message(AUDITOR, f"no more time on action {action}", surface="terminal")
        refused = _listed(engine, services)
        engine.message(WORKER, f"withdraw {action}", surface="terminal")  # nothing waits: said, nothing sent
        engine.message(WORKER, f"more time on action {action} to 14/12", surface="terminal")
        engine.action(AUDITOR, GIVE, f"{action}:2026-12-14")
        given_ = _listed(engine, services)
    assert "Team manager (South) said no to more time on 5 Dec" in refused[0]
    assert refused[3] == (f"No: Team manager (South) said no to more time on action {action} (_Arrange the statutory "
                          "visit_, audit #1, CR-123456), so it stays due 7 Dec 2026.")
    assert "more time asked" not in given_[0] and "due 14 Dec 2026" in given_[0]
    assert given_[3] == (f"Yes: action {action} {WORDS} is now due 14 Dec "
                         "2026 (it was due 7 Dec 2026 when you asked on 5 Dec).")
