"""Trial 24 (MEDIUM 7): the auditor's "Your audit #1 has been moderated: … Reason: …" said nothing of how to reply,
and `… can i reply?` got "I don't know that yet"; `respond 1` was found only in help. The message says how, and the
question finds the knowledge entry that says it."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderation_typed_grade import AUDITOR, QA, REASON, WEDNESDAY, flat
from tests.integration.test_wording import submitted_audit


def test_the_auditor_is_told_how_to_answer_the_moderation(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "RI", REASON, "skip"], user=QA)
    told = flat(out.split(f"[message to {AUDITOR}]")[1].split("[message to")[0])
    assert told.startswith(f"Your audit #{audit_id} has been moderated:")
    assert (f"To answer it (once), press Accept or Respond, or type /audit respond {audit_id} accept or "
            f"/audit respond {audit_id} <your reply>.") in told


@pytest.mark.parametrize("question", ["can i reply to the moderation", "how do i respond to a moderation"])
def test_asking_how_to_reply_to_a_moderation_finds_how(engine: Engine, services: Services, question: str) -> None:
    _, out = drive(engine, [question], user=AUDITOR)
    text = flat(out)
    assert "How do I reply to the moderation of my audit?" in text
    assert "/audit respond 12 accept" in text and "I don't know that yet" not in text
