"""Trial 43 (finding 4): after two reflections, the second `undo` got a knowledge answer and the first reflection,
with a name in it, stayed; "i need to delete my reflection on 149, it has a name in it" got suggestions. Now a
worker lists her own reflections on an audit by their first words (any name masked), picks one, and it is removed for
good, the trail keeping who and when but no text; a second `undo` says there is nothing more to undo."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.reflection_withdraw import WITHDRAW_WORDS
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage.maintenance import trail_rows
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SUBMITTED = datetime(2026, 12, 3, 16, 0, tzinfo=LONDON)
NOW = datetime(2026, 12, 4, 9, 30, tzinfo=LONDON)
WORKER, OTHER = "U0PRAN001", "U0PRAN002"


@pytest.fixture
def audit_id(engine: Engine, services: Services) -> int:
    with time_machine.travel(SUBMITTED, tick=False):
        return submitted_audit(engine, services)


def test_a_second_undo_says_nothing_more_and_the_first_reflection_is_withdrawn_by_pick(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        store.add_reflection(services.storage, audit_id, WORKER, "I saw Tyler Brown alone at school on Tuesday", NOW)
        engine.command(WORKER, f"reflect {audit_id} I will ask the school for their view.", surface="terminal")
        [first, _told] = engine.message(WORKER, "undo", surface="terminal")
        assert first.text.startswith("Withdrawn")
        [second] = engine.message(WORKER, "undo", surface="terminal")
        assert second.text.startswith("Nothing to undo just now")
        [listed] = engine.message(WORKER, f"i need to delete my reflection on {audit_id}, it has a name in it",
                                  surface="terminal")
        assert flat(listed.text) == flat(f"Your reflections on audit #{audit_id}:\n1) “I saw T… B… alone at…”\n"
                                         "Which one should I withdraw? Press its button or type its number. It "
                                         "is removed for good; nothing else changes.")
        assert "Tyler" not in listed.text and [c.label for c in listed.choices] == ["Withdraw 1"]
        mine, auditor = engine.action(WORKER, listed.choices[0].action, listed.choices[0].value)
    assert mine.text == (f"Withdrawn: your reflection “I saw T… B… alone at…” is no longer on audit #{audit_id}. It "
                         "is gone for good, and the name in it with it: it is no longer stored.")
    assert auditor.to_user == store.get_audit(services.storage, audit_id).auditor_id
    assert store.reflections_of(services.storage, audit_id) == []
    rows = [r for r in trail_rows(services.storage) if r.action == "audit.reflection_withdrawn"]
    assert [r.actor for r in rows] == [WORKER, WORKER] and "Tyler" not in json.dumps([r.detail for r in rows])
    assert asked_the_knowledge_base(services) == 0


def test_only_her_own_reflections_are_listed(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        store.add_reflection(services.storage, audit_id, OTHER, "A colleague's thought on the plan", NOW)
        [reply] = engine.message(WORKER, f"withdraw my reflection on {audit_id}", surface="terminal")
    assert reply.text.startswith(f"You have no reflections on audit #{audit_id} to withdraw.")
    assert len(store.reflections_of(services.storage, audit_id)) == 1


def test_a_reflection_withdrawn_is_not_withdrawn_twice(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        store.add_reflection(services.storage, audit_id, WORKER, "I will ask the school for their view.", NOW)
        [listed] = engine.message(WORKER, f"delete my reflection on {audit_id}", surface="terminal")
        engine.action(WORKER, listed.choices[0].action, listed.choices[0].value)
        [again] = engine.action(WORKER, listed.choices[0].action, listed.choices[0].value)
    assert "already been withdrawn" in again.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lead=st.sampled_from(["", "i need to ", "can i ", "please ", "sorry, how do i ", "hiya i want to "]),
       verb=st.sampled_from(["withdraw", "delete", "remove", "take back", "Retract"]),
       mine=st.sampled_from(["my ", "the ", ""]), noun=st.sampled_from(["reflection", "reflections"]),
       on=st.sampled_from(["on", "from", "for"]), audit=st.integers(min_value=1, max_value=10**9 - 1),
       rest=st.sampled_from(["", ", it has a name in it", " please", "!"]))
def test_the_ways_of_asking_name_the_audit(lead: str, verb: str, mine: str, noun: str, on: str, audit: int,
                                          rest: str) -> None:
    found = WITHDRAW_WORDS.match(f"{lead}{verb} {mine}{noun} {on} audit #{audit}{rest}")
    assert found is not None and int(found["audit"]) == audit
