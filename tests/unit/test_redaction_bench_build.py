"""`make bench` builds the redaction bench's five-year database with the demo-data generator, its calendar
functions remembered per day. The generator's due dates moved to bot.digests.demo_answers, and the bench still
patched `add_working_days` on bot.digests.demo_data, which no longer has it: the bench stopped with an
AttributeError before timing anything (found by mypy). The generation itself is stubbed here, so this takes
milliseconds."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

import bench.redaction_bench as redaction_bench
from bot.digests import demo_answers, demo_data


def test_the_build_remembers_the_calendar_functions_the_generator_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, bool] = {}

    def generate(services: Any, weeks: int, seed: int) -> None:
        seen["is_working_day"] = hasattr(demo_data.is_working_day, "cache_info")
        seen["add_working_days"] = hasattr(demo_answers.add_working_days, "cache_info")

    executed: list[str] = []
    services = SimpleNamespace(storage=SimpleNamespace(db=SimpleNamespace(execute=executed.append)))
    monkeypatch.setattr(demo_data, "generate", generate)
    monkeypatch.setattr(redaction_bench, "add_free_text", lambda services, rng: None)

    assert redaction_bench.build(services) >= 0
    assert seen == {"is_working_day": True, "add_working_days": True}
    assert executed == ["PRAGMA wal_checkpoint(TRUNCATE)"]
    assert not hasattr(demo_answers.add_working_days, "cache_info")  # the real functions are back afterwards
