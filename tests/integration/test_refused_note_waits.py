"""Trial 18: a note refused at the areas for development ("Nothing was saved…") was followed by no word of where the
audit stood, and the next line typed, meant as an action, was kept as the areas for development with no "Got it".
The refusal now says the step still waits, and a note kept at the strengths or the areas for development is said to
be kept before the next step is asked. The name is invented."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_note_labels import AUDITOR, TO_STRENGTHS

ON_THE_DAY = datetime(2026, 12, 9, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("step", "typed_before", "asked"), [
    ("strengths", [], "the strengths"),
    ("development", ["the child is seen regularly"], "the areas for development"),
])
def test_a_refused_note_says_the_step_still_waits_and_a_kept_one_is_said_kept(
        engine: Engine, services: Services, step: str, typed_before: list[str], asked: str) -> None:
    with time_machine.travel(ON_THE_DAY, tick=False):
        drive(engine, [*TO_STRENGTHS, *typed_before], user=AUDITOR)
        [refused] = engine.message(AUDITOR, "ICPC late; Tyler Brown not seen alone")
        assert refused.kind == "error" and "Nothing was saved" in refused.text
        assert refused.text.endswith(f"I'm still waiting for {asked}: type them again, or `skip`.")
        assert store.get_audit(services.storage, 1).step == step
        # a note that reads as a strength: a shortfall at the strengths is asked about first (trial 57 F17)
        kept = engine.message(AUDITOR, "ICPC on time; the child was seen alone")
    assert kept[0].text == f"Got it: noted as {asked}: “ICPC on time; the child was seen alone”."
    audit = store.get_audit(services.storage, 1)
    assert getattr(audit, step) == "ICPC on time; the child was seen alone"
    assert audit.step != step
