"""A number no audit has: each command says there is no audit #N and where that command's numbers are listed (a user
trial's `edit 99` was pointed at the drafts, which are never edited so, and `moderate 99` at nothing)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.engine.routing import Engine


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2027, 1, 4, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize(("user", "typed", "pointer"), [
    ("U0MGRN001", "edit 99", "`/audit list mine` lists the audits you submitted"),
    ("U0MGRN001", "edit 99 grade good reviews are on time", "`/audit list mine` lists the audits you submitted"),
    ("U0MGRN001", "moderate 99", "`/audit moderate` lists the audits waiting for moderation"),
    ("U0QALEAD1", "moderate 99", "`/audit moderate` lists the audits waiting for moderation"),
])
def test_a_number_no_audit_has_says_so_and_where_to_find_the_right_one(engine: Engine, user: str, typed: str,
                                                                      pointer: str) -> None:
    [reply] = engine.message(user, typed, surface="terminal")
    assert reply.kind == "error"
    assert "There is no audit #99" in reply.text and pointer in reply.text
    assert "/audit resume" not in reply.text
