"""Leaving words typed while a moderator writes their decision pause the moderation, as `pause` does (trials 33 and
35: `moderate 17` / `agree` / `sorry got to go, will finish this later` was saved as the reason and sent by DM to the
auditor and the worker; `can i do this later` too). Nothing is stored or sent, and the moderator is told how to carry
on; the moderation stays theirs."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_moderation_reason_commands import WHY, at_why, reasons
from tests.integration.test_wording import submitted_audit

PAUSED = "audit #{n} stays yours to moderate"  # "Nothing is saved: …", or what was kept first (trial 39)
CARRY_ON = "To carry on, press Continue or type /audit moderate {n}"


def _paused(out: str, audit_id: int) -> bool:
    return PAUSED.format(n=audit_id) in out and CARRY_ON.format(n=audit_id) in out


@pytest.mark.parametrize("typed", ["sorry got to go, will finish this later", "can i do this later",
                                   "Can I come back to this?", "brb", "got to go",
                                   "soz have to go"])
def test_leaving_words_at_why_pause_the_moderation_and_nothing_is_sent(engine: Engine, services: Services,
                                                                        typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, typed)
        waiting = store.conversation(services.storage, QA)
    assert _paused(out, audit_id), out
    assert "has been moderated" not in out and "Moderation of audit" not in out  # nobody was sent anything
    assert reasons(services, audit_id) == []
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"
    assert waiting == {}  # the next line is not taken as the reason


@pytest.mark.parametrize("steps", [["disagree"], ["disagree", "RI"], []])
def test_leaving_words_at_the_other_moderation_steps_pause_it(engine: Engine, services: Services,
                                                              steps: list[str]) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", *steps, "sorry got to go, will finish this later"], user=QA)
    assert _paused(flat(out), audit_id), out
    assert reasons(services, audit_id) == []


def test_after_leaving_the_moderation_carries_on_from_the_decision(engine: Engine, services: Services) -> None:
    reason = "The plan is specific and the child's views shape it."
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = at_why(engine, services, "got to go")
        _, out = drive(engine, [f"moderate {audit_id}", "agree", reason], user=QA)
    assert f"Moderation of audit #{audit_id} saved" in flat(out)
    assert reasons(services, audit_id) == [reason]


def test_a_reason_that_mentions_going_is_still_a_reason(engine: Engine, services: Services) -> None:
    reason = "Mum said she had got to go to court, and the plan covers it well."
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, reason)
    assert f"Moderation of audit #{audit_id} saved" in out
    assert reasons(services, audit_id) == [reason]


# Phrases that are a leaving whatever follows ("have to go" is not: "have to go to court" is evidence).
LEAVING = ["sorry got to go", "got to go", "gtg", "brb", "can i do this later", "will finish this later",
           "ok i'll finish this later", "soz gotta run"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(LEAVING), st.sampled_from([" ", ", ", " - ", ". "]),
       st.text(st.characters(codec="ascii", exclude_categories=("Cc",)), max_size=60))
def test_nothing_after_a_leaving_phrase_at_why_is_ever_stored(engine: Engine, services: Services, leaving: str,
                                                              join: str, rest: str) -> None:
    typed = f"{leaving}{join}{rest}".strip()
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, typed)
    assert reasons(services, audit_id) == [], (typed, out)
    assert "has been moderated" not in out and WHY not in out.split(PAUSED.format(n=audit_id))[-1]
    assert _paused(out, audit_id), (typed, out)
