"""Trial 43 (an ASYE worker in South and her team manager): requests for more time as the manager answers them.
Finding 16: `no more time on 19 - chronology is needed for conference` (no word "action") got knowledge-base
suggestions, where `chase 95` takes the number alone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import more_time_answer
from bot.core.services import Services
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
    assert text_to(replies).startswith(f"I've told Social worker S1 that action {number} stays due")
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
