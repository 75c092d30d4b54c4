"""Someone who may not reflect on an audit, or respond to its moderation, is told so first, whatever they typed: a
trial's manager (11, F14) typed `reflect 1 good` and was told it was too short to be a reflection, wrote a sentence,
and only then heard that only the worker may add reflections; `respond 2 ok` went the same way. The worker and the
auditor still get the wording help."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as audit_store
from tests.e2e.test_terminal_chat import drive
from tests.integration import test_moderated_response_said as responded
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 14, 9, 45, tzinfo=LONDON)
AUDITOR, WORKER, OTHER_MANAGER = "U0MGRN001", "U0PRAN001", "U0MGRS001"  # the fixture's audit: the manager's, agreed
NOT_THE_WORKER = "Only the worker whose case was audited can add reflections to it."
NOT_THE_AUDITOR = "Only the auditor can respond to the moderation of an audit."
moderated = responded.moderated  # the manager's audit, agreed at moderation on Wednesday 2 December 2026


@pytest.mark.parametrize("typed", ["good", "ok", "2"])
def test_reflect_by_someone_not_the_worker_is_refused_before_the_wording_is_judged(engine: Engine, services: Services,
                                                                                  moderated: int, typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [f"reflect {moderated} {typed}"], user=AUDITOR)
    assert NOT_THE_WORKER in flat(out, "*`"), out
    assert "too short" not in out and "Write a sentence" not in out
    assert audit_store.reflections_of(services.storage, moderated) == []


def test_the_worker_still_gets_the_help_to_write_a_sentence(engine: Engine, moderated: int) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [f"reflect {moderated} good"], user=WORKER)
    assert "too short to be a reflection" in out and NOT_THE_WORKER not in out


@pytest.mark.parametrize("typed", ["ok", "noted"])
def test_respond_by_someone_not_the_auditor_is_refused_before_the_wording_is_judged(engine: Engine, moderated: int,
                                                                                   typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [f"respond {moderated} {typed}"], user=OTHER_MANAGER)
    assert NOT_THE_AUDITOR in flat(out, "*`"), out
    assert "Please say in a sentence" not in out


def test_the_auditor_still_gets_the_help_to_write_a_sentence(engine: Engine, moderated: int) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [f"respond {moderated} ok"], user=AUDITOR)
    assert "Please say in a sentence what you want the moderator to know" in flat(out, "*`")
