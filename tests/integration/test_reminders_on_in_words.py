"""Trial 49 (F2): `im back, turn reminders on` and `turn my reminders back on` got "Did you mean…" suggestions and
landed on the QA leads' unanswered list; only `away off` turned reminders back on. Now they are `away off`, and no
question is logged. Clock pinned to a working morning."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.asks import unanswered_since
from bot.storage.reminders import away_period
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 8, 10, 0, tzinfo=LONDON)
MANAGER = "U0MGRN001"


@pytest.mark.parametrize("typed", ["im back, turn reminders on", "turn my reminders back on", "resume my reminders"])
def test_reminders_turned_on_in_words_end_the_pause(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        engine.message(MANAGER, "stop my reminders until 4/1", surface="terminal")
        assert away_period(services.storage, MANAGER) is not None
    with time_machine.travel(TUESDAY + timedelta(days=1), tick=False):
        replies = engine.message(MANAGER, typed, surface="terminal")
    said = flat("\n".join(reply.text for reply in replies))
    assert said.startswith("Welcome back: reminders are on again."), said
    assert "Did you mean" not in said
    assert away_period(services.storage, MANAGER) is None
    assert not unanswered_since(services.storage, TUESDAY - timedelta(days=1))


def test_asking_how_is_still_answered_from_the_knowledge_base(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        engine.message(MANAGER, "stop my reminders until 4/1", surface="terminal")
        replies = engine.message(MANAGER, "how do i turn my reminders back on?", surface="terminal")
    assert "Welcome back" not in flat("\n".join(reply.text for reply in replies))
    assert away_period(services.storage, MANAGER) is not None
