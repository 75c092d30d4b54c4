"""Trial 60 (F17): a manager asked on 23 December "do i still have to do 2 audits in december with the bank holidays"
(a "Did you mean" on reminders and statutory timescales) and "whats my audit target for december given christmas"
(the figure with no word on the holidays). Both now get the figure, that targets are monthly and not reduced for bank
holidays, and who changes one. Pinned to Wednesday 23 December 2026, 14:00 in London, so these pass under
AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine

from bot.engine.routing import Engine
from tests.support.text import flat
from tests.support.trial_day import LONDON

MANAGER, HEAD = "U0MGRC001", "U0ADMIN01"
CHRISTMAS_WEEK = datetime(2026, 12, 23, 14, 0, tzinfo=LONDON)
NOT_REDUCED = "Targets are monthly and are not reduced for bank holidays or leave: yours is 2 this month"


def said(engine: Engine, text: str, user: str = MANAGER) -> str:
    with time_machine.travel(CHRISTMAS_WEEK, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies), drop="`*")


@pytest.mark.parametrize("typed", ["do i still have to do 2 audits in december with the bank holidays",
                                   "whats my audit target for december given christmas",
                                   "is my target reduced for christmas?",
                                   "do i need to do my audits over xmas"])
def test_the_target_asked_with_christmas_is_the_figure_and_not_reduced(engine: Engine, typed: str) -> None:
    reply = said(engine, typed)
    assert "This month: 0 audits completed, against your target of 2 (2 to go)." in reply, reply
    assert NOT_REDUCED in reply
    assert "Only an admin (Head of service) can change it: targets are set as audit_target" in reply
    assert "Did you mean" not in reply and "statutory timescales" not in reply


def test_the_target_asked_plainly_says_nothing_of_holidays(engine: Engine) -> None:
    reply = said(engine, "whats my target")
    assert "against your target of 2" in reply and NOT_REDUCED not in reply, reply
