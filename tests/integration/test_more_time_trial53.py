"""Trial 53 (a South social worker), findings 5 and 6: `extend 84 to 20/1 - dad is off shift work until Jan, can
only meet evenings` reached the manager as "reason: dad is off shift work until Jan." (the words after the comma
dropped), and with a request already waiting on action 100, `extend 100 to 20/1 - mum (Lisa Carter) is in hospital
till new year` was told only "You already asked…", never that the name must not be written. Now the whole reason is
sent, and a reason's identifier is refused first, the waiting request said after it."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.audits import more_time
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_more_time_trial41 import AUDITOR, MONDAY, WORKER, _action, _asked
from tests.support.audit_rows import insert_audit
from tests.support.text import flat


def _say(engine: Engine, text: str) -> list:
    with time_machine.travel(MONDAY, tick=False):  # pinned: a working Monday, so nothing is held
        return engine.message(WORKER, text, surface="terminal")


def _to_manager(replies: list) -> str:
    return " ".join(flat(reply.text, "`*_") for reply in replies if reply.to_user == AUDITOR)


@pytest.mark.parametrize("joined", [" - ", ", "])
def test_the_whole_reason_after_the_day_reaches_the_approver(engine: Engine, services: Services,
                                                             joined: str) -> None:
    action = _action(services)
    sent = _to_manager(_say(engine, f"extend {action} to 20/1{joined}dad is off shift work until Jan, can only meet "
                                    "evenings"))
    assert "reason: dad is off shift work until Jan, can only meet evenings." in sent
    assert _asked(services) == [(action, "2027-01-20")]


def test_a_name_in_the_reason_is_refused_even_when_a_request_already_waits(engine: Engine,
                                                                            services: Services) -> None:
    action = _action(services)
    _say(engine, f"extend {action} to 20/1 - family away")
    [refused] = _say(engine, f"extend {action} to 20/1 - mum (Lisa Carter) is in hospital till new year")
    said = flat(refused.text, "`*_")
    assert "I can't store that reason" in said and "looks like a child's or family member's name" in said
    assert said.index("Nothing was saved") < said.index("You already asked")
    assert "Lisa" not in said and _asked(services) == [(action, "2027-01-20")]


def test_a_postcode_in_the_reason_is_refused_before_a_day_that_gives_no_more_time(engine: Engine,
                                                                                  services: Services) -> None:
    action = _action(services)  # due 11/12: 10/12 gives no more time, but the postcode is said first
    [refused] = _say(engine, f"extend {action} to 10/12 - at nan's in BD7 1AA till then")
    assert "looks like a postcode" in refused.text and _asked(services) == []


TODAY = date(2026, 12, 7)  # a reference day for the reading, not the clock
WORDS = st.text(st.characters(codec="ascii", categories=("L", "N", "P", "Zs")), min_size=1, max_size=80)


@given(number=st.integers(1, 9999), day=st.sampled_from(["20/1", "18/12", "mid feb", "fri"]),
       dash=st.sampled_from(["-", "–", "—", "--"]), reason=WORDS)
def test_any_reason_after_the_day_and_a_dash_is_read_whole(number: int, day: str, dash: str, reason: str) -> None:
    reason = " ".join(reason.split()).strip(" .")
    assume(reason and reason[0] not in "-–—" and more_time.NOT_MINE.search(reason) is None)
    assume(more_time.REASON_WORD.match(f"{reason} ") is None)
    request = more_time.read(f"extend action {number} to {day} {dash} {reason}", TODAY)
    assert request is not None and request.action_id == number and request.reason == reason


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reason=WORDS)
def test_any_ordinary_reason_reaches_the_manager_whole(engine: Engine, services: Services, reason: str) -> None:
    reason = " ".join(reason.split()).strip(" .")
    assume(reason and reason[0] not in "-–—" and more_time.NOT_MINE.search(reason) is None)
    assume(more_time.REASON_WORD.match(f"{reason} ") is None and not services.identifier_screen.find(reason))
    action = _action(services)
    sent = _to_manager(_say(engine, f"extend {action} to 20/1 - {reason}"))
    assert f"reason: {flat(reason, '`*_')}." in sent


def test_a_name_in_reflections_on_someone_elses_audit_is_refused_as_well_as_the_audit(engine: Engine,
                                                                                      services: Services) -> None:
    # the same order problem where reflections are typed

    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, worker="U0PRAN002")
    [refused] = _say(engine, f"reflect {audit_id} I should have seen Kayla alone at school")
    said = flat(refused.text, "`*_")
    assert "looks like a child's or family member's name" in said and "Kayla" not in said
    assert said.endswith("Only the worker whose case was audited can add reflections to it.")
