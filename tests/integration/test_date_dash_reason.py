"""Trial 36 (M8): `extend 149 to 23/12 - school holidays, …` failed "could not read '23/12 - school holidays' as a
date", though approvers are told to put a reason after a dash. A dash between spaces ends the date wherever a reason
may follow one. The clock is pinned to the trial day, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import re

import pytest

from bot.audits.action_edit import parse
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import said, with_demo_data

SOUTH_MANAGER = "U0MGRS001"
SOUTH_WORKER = "U0PRAS001"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_request_for_more_time_reads_the_date_before_a_dash_and_the_reason_after(demo: Services, engine: Engine,
                                                                                   dash: str) -> None:
    reply = said(engine, SOUTH_WORKER, f"extend 94 to 23/12 {dash} school holidays, family away")
    assert re.search(r"for more time on action 94 \(_[^_]+_, audit #\d+, CR-\d+\) until 23 Dec 2026", reply), reply
    assert "reason: school holidays, family away" in reply
    assert "could not read" not in reply


def test_a_new_due_date_reads_the_date_before_a_dash(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "action 95 due 18/12 - im off after that")
    assert "action 95" in reply and "is now due Friday 18 December 2026" in reply, reply
    assert "im off" not in reply


def test_a_date_written_with_dashes_is_still_one_date() -> None:
    edit = parse("action 2 due 18-12-2026")
    assert edit is not None and edit.value == "18-12-2026"
