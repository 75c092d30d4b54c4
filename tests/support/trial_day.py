"""The trial day of trials 30 and 32 (Saturday 5 December 2026, 20:00 in London), with the demo data, for tests of
what a user typed then: the clock pinned, so they pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from bot.storage.asks import unanswered_since
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
TRIAL = datetime(2026, 12, 5, 20, 0, tzinfo=LONDON)


def with_demo_data(services: Services) -> Services:
    """`audit-bot demo-data` as run on the trial day."""
    with time_machine.travel(TRIAL, tick=False):
        generate(services)
    return services


def said(engine: Engine, user: str, text: str) -> str:
    """The bot's reply on the trial day, on one line, with titles and without bold marks: `/audit …` as the
    command, anything else as a typed message."""
    with time_machine.travel(TRIAL, tick=False):
        replies = (engine.command(user, text.split(maxsplit=1)[1], surface="terminal") if text.startswith("/")
                   else engine.message(user, text, surface="terminal"))
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies)).replace("**", "")


def nothing_unanswered(services: Services) -> bool:
    """Whether the QA leads' list of unanswered questions is empty."""
    return unanswered_since(services.storage, datetime(2026, 1, 1, tzinfo=LONDON)) == []
