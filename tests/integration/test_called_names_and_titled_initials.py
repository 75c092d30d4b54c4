"""The twelfth user trial's F11 and F12 through the bot: a nickname after 'call her' and a title with an initial
('miss k') were kept as an evidence note at a yes/no question and as a worker's reflection. Both are refused with the
usual message, and nothing is stored."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_choice_typed import TO_CONSENT
from tests.integration.test_owner_typed_as_action import THURSDAY, texts
from tests.integration.test_wording import submitted_audit
from tests.support.text import repeated

TRIALS = [
    ("yes, seen alone, she asked me to call her princess", "“p…” looks like a child's or family member's name"),
    ("yes, seen alone, miss k said she is happy", "“m… …” looks like a person's initials"),
]


@pytest.mark.parametrize(("typed", "refusal"), TRIALS)
def test_the_evidence_note_is_refused_and_not_stored(engine: Engine, services: Services, typed: str,
                                                     refusal: str) -> None:
    with time_machine.travel(datetime(2026, 12, 15, 9, 50, tzinfo=UTC), tick=False):
        _, out = drive(engine, [*TO_CONSENT, typed])
    text = " ".join(out.split())
    assert refusal in text and "Nothing was saved" in text and "Got it: Yes" not in text
    assert repeated("princess", text) == []  # the name the trial typed is not said back
    assert "consent" not in store.answers_of(services.storage, 1)


@pytest.mark.parametrize(("reflection", "refusal"), [
    ("she asked me to call her princess and I will use that name on visits",
     "“p…” looks like a child's or family member's name"),
    ("I spoke with miss k about the plan and she agreed to the changes", "“m… …” looks like a person's initials"),
])
def test_the_reflection_is_refused_and_not_stored(engine: Engine, services: Services, reflection: str,
                                                  refusal: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        worker = store.get_audit(services.storage, audit_id).worker_id
        replies = texts(engine.message(worker, f"reflect {audit_id} {reflection}"))
    assert refusal in replies and "your reflections are saved" not in replies
    assert store.reflections_of(services.storage, audit_id) == []


def test_a_reflection_calling_someone_back_is_saved(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        worker = store.get_audit(services.storage, audit_id).worker_id
        engine.message(worker, f"reflect {audit_id} I will call her back on Monday and miss said the plan helps")
    [saved] = store.reflections_of(services.storage, audit_id)
    assert saved["text"] == "I will call her back on Monday and miss said the plan helps"
