"""Trial 43 (an ASYE worker in South and her team manager): requests for more time as the manager answers them.
Finding 5: with three requests waiting for her, Home said "Nothing of yours is waiting", `reminders` did not list
them and "has anyone asked me for more time on actions" went to the knowledge base. Finding 16: `no more time on 19 -
chronology is needed for conference` (no word "action") got knowledge-base suggestions, where `chase 95` takes the
number alone. Finding 27: the same manager was "your manager" for one request and "the auditor" for others."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import more_time_answer
from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
MANAGER, WORKER = "U0MGRS001", "U0PRAS001"


def add_action(services: Services, title: str = "Update the chronology", due: str = "2026-12-09") -> int:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=MANAGER, worker=WORKER,
                            team="south-cin-cp")
    return action_store.add_action(services.storage, audit_id, title, WORKER, due, MANAGER, MONDAY)


def say(engine: Engine, user: str, text: str) -> list:
    with time_machine.travel(MONDAY, tick=False):
        return engine.message(user, text, surface="terminal")


def text_to(replies: list, user: str | None = None) -> str:
    return flat("\n".join(reply.text for reply in replies if reply.to_user == user))


def test_no_more_time_with_the_number_alone_says_no(engine: Engine, services: Services) -> None:
    number = add_action(services)
    say(engine, WORKER, f"more time on action {number} until 18/12")
    replies = say(engine, MANAGER, f"no more time on {number} - chronology is needed for conference, lets talk in "
                                   "supervision")
    assert text_to(replies).startswith(f"I've told Social worker S1 that action {number} (_Update the chronology_, "
                                       "audit #1, CR-123456) stays due")
    assert "Their reason: “chronology is needed for conference, lets talk in supervision”" in text_to(replies, WORKER)
    assert asked_the_knowledge_base(services) == 0


def test_a_length_after_the_number_is_no_action(services: Services) -> None:
    add_action(services)
    assert more_time_answer.refused_said(services, "refuse more time for 2 weeks") is None
    assert more_time_answer.refused_said(services, "no more time on 1") == (1, None)
    assert more_time_answer.refused_said(services, "no more time on 77 - not an action") is None


@given(number=st.integers(min_value=1, max_value=10**6), marked=st.sampled_from(["", "action ", "#"]),
       why=st.sampled_from(["", " - needed for conference", ", because the review is on friday"]))
def test_the_number_and_reason_are_read_with_or_without_the_word(number: int, marked: str, why: str) -> None:
    found = more_time_answer.REFUSED.match(f"no more time on {marked}{number}{why}")
    assert found is not None and int(found.group("id")) == number
    assert (found.group("why") or "") == why.lstrip(" ,-").removeprefix("because ")


@pytest.mark.parametrize("line", ["no more time on 19 days", "refuse more time for 3 weeks please"])
def test_a_length_is_never_an_action_number(line: str) -> None:
    found = more_time_answer.REFUSED.match(line)
    assert found is None or found.group("marked")


def three_requests(engine: Engine, services: Services) -> list[int]:
    numbers = [add_action(services, f"Action {n}") for n in ("one", "two", "three")]
    for number in numbers:
        say(engine, WORKER, f"more time on action {number} until 18/12")
    return numbers


def test_home_lists_the_requests_waiting_for_the_manager_with_their_buttons(engine: Engine,
                                                                           services: Services) -> None:
    first, second, third = three_requests(engine, services)
    with time_machine.travel(MONDAY, tick=False):
        sections = home_sections(engine, services, MANAGER)
    [waiting] = [s for s in sections if (s.title or "").startswith("Waiting for your answer")]
    assert waiting.title == "Waiting for your answer: 3 requests for more time"
    assert (f"Action {first}, _Action one_ (audit #1, CR-123456): Social worker S1 asks until 18 Dec (due 9 Dec), "
            "asked 7 Dec") in waiting.text
    labels = [choice.label for choice in waiting.choices]
    assert labels[:2] == [f"Approve: action {first}", f"Say no: action {first}"] and len(labels) == 6
    assert not any("Nothing of yours is waiting" in s.text for s in sections)
    with time_machine.travel(MONDAY, tick=False):  # pressed on Home, it answers as the DM's button does
        given = engine.action(MANAGER, waiting.choices[2].action, waiting.choices[2].value)
    assert f"Action {second} (_Action two_) is now due **Friday 18 December 2026**" in given[0].text
    with time_machine.travel(MONDAY, tick=False):
        [left] = [s for s in home_sections(engine, services, MANAGER) if (s.title or "").startswith("Waiting")]
    assert left.title == "Waiting for your answer: 2 requests for more time" and f"Action {third}," in left.text


def test_the_question_in_words_and_reminders_list_them(engine: Engine, services: Services) -> None:
    first, _, _ = three_requests(engine, services)
    answered = text_to(say(engine, MANAGER, "has anyone asked me for more time on actions"))
    assert answered.startswith("Waiting for your answer: 3 requests for more time:")
    assert f"Action {first}, _Action one_" in answered
    assert asked_the_knowledge_base(services) == 0
    with time_machine.travel(MONDAY, tick=False):
        [reminders] = engine.command(MANAGER, "reminders", surface="terminal")
    assert "Waiting for your answer: 3 requests for more time (no reminder comes for these" in flat(reminders.text)
    assert "Nothing of yours" not in text_to(say(engine, WORKER, "any requests for more time waiting for me?"))


def test_the_owners_manager_is_your_manager_whether_or_not_she_did_the_audit(engine: Engine,
                                                                             services: Services) -> None:
    number = add_action(services)
    mine = text_to(say(engine, WORKER, f"more time on action {number} until 18/12"))
    assert mine.startswith(f"I've asked Team manager (South), your manager, for more time on action {number}")
