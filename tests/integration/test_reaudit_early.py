"""Trial 50: `re-audit CR-551234` on the day its audit was submitted (re-audit due weeks later) started without a
word. A re-audit started before it is due soon is now asked about first; Yes starts it, Not yet starts nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_reaudits import NORTH_MANAGER, SUBMITTED, Cases, at, text

SAME_DAY = SUBMITTED + timedelta(hours=3)  # Monday 1 March 2027, 13:00; its re-audit is due by Monday 12 April 2027
ASKED = ("The re-audit of **CR-551234** is due by Monday 12 April 2027 (audit #1 was submitted today): starting it "
         "now is early, and the file has had little time to change. Once submitted it counts towards your monthly "
         "target like any audit. Start it now anyway?")


@pytest.fixture
def cases(services: Services) -> Cases:
    cases = Cases(services)
    cases.audit("CR-551234", "inadequate", SUBMITTED)
    return cases


@pytest.mark.parametrize("yes", ["yes", "y", "yes please"])
def test_an_early_reaudit_is_asked_about_and_yes_starts_it(engine: Engine, services: Services, cases: Cases,
                                                           yes: str) -> None:
    with at(SAME_DAY):
        [asked] = engine.message(NORTH_MANAGER, "re-audit CR-551234", surface="terminal")
        assert asked.text == ASKED
        assert [c.label for c in asked.choices] == ["Yes, start it now", "Not yet"]
        assert store.drafts_of(services.storage, NORTH_MANAGER) == []
        started = text(engine.message(NORTH_MANAGER, yes, surface="terminal"))
    assert started.startswith("Starting the re-audit of CR-551234 against **Full case audit**"), started
    assert [d.case_ref for d in store.drafts_of(services.storage, NORTH_MANAGER)] == ["CR-551234"]


NOT_YET = ("Not yet, then: nothing started. The re-audit of CR-551234 is due by Monday 12 April 2027: "
           "`re-audit CR-551234` starts it when you are ready (it is listed under `/audit reaudits` and on Home).")


@pytest.mark.parametrize("no", ["no", "cancel", "stop", "Cancel.", "not yet"])
def test_not_yet_starts_nothing_and_says_how_to_start_it_later(engine: Engine, services: Services,
                                                               cases: Cases, no: str) -> None:
    """Trial 51 (F18): `cancel` at "Start it now anyway?" got "You are not in an audit, so there is nothing to
    cancel.", then `yes` "There's no question waiting". `cancel` and `stop` are its Not yet, and say so."""
    with at(SAME_DAY):
        engine.message(NORTH_MANAGER, "re-audit CR-551234", surface="terminal")
        said = text(engine.message(NORTH_MANAGER, no, surface="terminal"))
        assert said == NOT_YET
        after = text(engine.message(NORTH_MANAGER, "yes", surface="terminal"))
    assert "Starting the re-audit" not in after
    assert store.drafts_of(services.storage, NORTH_MANAGER) == []


@pytest.mark.parametrize("weeks", [5, 6, 8])
def test_a_reaudit_due_within_two_weeks_or_overdue_starts_without_the_question(
        engine: Engine, services: Services, cases: Cases, weeks: int) -> None:
    with at(SUBMITTED + timedelta(weeks=weeks)):
        said = text(engine.message(NORTH_MANAGER, "re-audit CR-551234", surface="terminal"))
    assert said.startswith("Starting the re-audit of CR-551234"), said
    assert "early" not in said


def test_an_old_not_yet_button_for_a_case_with_no_reaudit_due_still_gets_a_word(engine: Engine, services: Services,
                                                                                 cases: Cases) -> None:
    with at(SAME_DAY):
        said = text(engine.action(NORTH_MANAGER, "reaudit.early_wait", "CR-999999", surface="terminal"))
    assert said == "Not started: nothing was begun. `/audit reaudits` lists the re-audits due."
    assert store.drafts_of(services.storage, NORTH_MANAGER) == []
