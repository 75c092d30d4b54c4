"""A whole case audit typed on a pinned working day, the test choosing what is typed at each prompt: how the date
questions' tests (tests/integration/test_dates.py, test_date_answers_in_words.py) type a date where a person would.
Both held their own copy of this sender (fix70c, finding C)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.engine.routing import Engine
from tests.audit_driver import complete_audit

LONDON = ZoneInfo("Europe/London")


def audit_typed_on(engine: Engine, user: str, day: date, typed: Callable[[str, str], str]) -> list[Reply]:
    """Every reply to the steps of a case audit `user` starts and submits at 10:00 in London on `day` (a working
    day, so nothing is held), buttons pressed as tests.audit_driver offers them and `typed(prompt, offered)` typed
    where it would type `offered` at the step whose prompt is `prompt`."""
    said: list[Reply] = []
    prompt = ""

    def send(kind: str, payload: str) -> list[Reply]:
        nonlocal prompt
        if kind == "press":
            action, value = payload.split("|", 1)
            replies = engine.action(user, action, value)
        else:
            replies = engine.message(user, typed(prompt, payload))
        said.extend(replies)
        prompt = next((reply.prompt for reply in reversed(replies) if reply.prompt), "")
        return replies

    with time_machine.travel(datetime.combine(day, time(10), LONDON), tick=False):
        complete_audit(send, engine.command(user, "start case-audit"))
    return said
