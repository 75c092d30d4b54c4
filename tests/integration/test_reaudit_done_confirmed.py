"""Trial 50 (HIGH): at a re-audit's actions step, `done 1 - <note>` asks "Mark action #1 done…? 1) Yes 2) No".
Answering `1` marked it done but showed only "1) Reopen", so the next `1` (meant as "No more actions") reopened it;
`yes` returned to the audit. Any way of saying yes now leads to the same place: back at the audit's step, its own
options numbered first and Reopen after them."""

from __future__ import annotations

import io

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.conversation import State
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as audit_store
from bot.terminal.chat import run_chat
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_earlier_actions import AUDITOR, LATER, REAUDIT, first_audit

ASKED = "Mark action #1 done for Social worker N1?"
DONE = "done 1 - chronology seen up to date at re-audit"
YES_SAID = ("yes", "y", "1", "yes please", "Yes", "yep", "YES", "yes pls")


def read(out: str) -> str:
    """What the terminal printed after the question, its lines joined and backticks dropped, as a person reads it."""
    return " ".join(out.replace("`", "").split()).split(ASKED)[1]


def at_actions_step(engine: Engine) -> None:
    first_audit(engine)
    with time_machine.travel(LATER, tick=False):
        drive(engine, REAUDIT, user=AUDITOR)


def said_in_a_session(engine: Engine, lines: list[str]) -> str:
    out = io.StringIO()
    with time_machine.travel(LATER, tick=False):
        run_chat(engine, AUDITOR, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    return read(out.getvalue())


def where(services: Services) -> tuple[str, int] | None:
    """The step the auditor's conversation waits at, and its audit."""
    row = audit_store.conversation(services.storage, AUDITOR)
    return (row["step"], row["audit_id"]) if row.get("step") else None


def test_yes_by_its_number_returns_to_the_audit_and_the_next_1_is_no_more_actions(engine: Engine,
                                                                                   services: Services) -> None:
    at_actions_step(engine)
    after = said_in_a_session(engine, [DONE, "1", "1"])
    assert "marked done for Social worker N1" in after
    assert "Back to audit #2: Actions (0 so far)" in after
    assert "5) Reopen" in after and "1) Reopen" not in after
    assert "1) No more actions 2) Back 3) Pause 4) Cancel audit" in after
    assert "You picked 1: No more actions" in after and "Reopened" not in after
    assert action_store.get_action(services.storage, 1).done_at is not None  # type: ignore[union-attr]


@pytest.mark.parametrize("no", ["2", "no"])
def test_no_by_its_number_or_in_words_returns_to_the_audit_too(engine: Engine, services: Services, no: str) -> None:
    at_actions_step(engine)
    after = said_in_a_session(engine, [DONE, no])
    assert "Back to audit #2: Actions (0 so far)" in after and "1) No more actions" in after
    assert action_store.get_action(services.storage, 1).done_at is None  # type: ignore[union-attr]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(yes=st.sampled_from(YES_SAID))
def test_every_way_of_saying_yes_leads_to_the_same_state_and_screen(engine: Engine, services: Services,
                                                                    yes: str) -> None:
    if where(services) is None:
        at_actions_step(engine)
    services.storage.db.execute("UPDATE actions SET done_at = NULL, done_by = NULL WHERE id = 1")
    reference = said_in_a_session(engine, [DONE, "yes"]).split("Back to audit #2")[1]
    services.storage.db.execute("UPDATE actions SET done_at = NULL, done_by = NULL WHERE id = 1")
    after = said_in_a_session(engine, [DONE, yes])
    assert after.split("Back to audit #2")[1] == reference
    assert "5) Reopen" in after
    assert action_store.get_action(services.storage, 1).done_at is not None  # type: ignore[union-attr]
    assert where(services) == (State.ACTIONS.value, 2)
