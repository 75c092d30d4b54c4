"""Trial 60 (F7): at the actions step `Q2 GCP2 to be completed by 25/12` kept "Q2" in the action's text and tied it
to no question, where `Q2: …` ties it. Managers type it both ways: `Q2 …`, `q2 …`, `Q2a …` (no colon) now tie the
action to that question when the audit's checklist has it, said back as the colon form is; else the text is kept."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_trial28_manager import TO_ACTIONS, _chat

Q2 = "Tied to Q2 (Was the assessment that led to the plan completed within 45 working…): the case's next audit asks"


def _tied(services: Services) -> list[tuple[str, str | None]]:
    return [(a.description, a.question_id) for a in action_store.actions_of_audit(services.storage, 1)]


@pytest.mark.parametrize("typed", ["Q2 GCP2 to be completed by 25/12", "q2 GCP2 to be completed by 25/12",
                                   "Q2: GCP2 to be completed by 25/12"])
def test_an_action_typed_after_a_question_number_without_a_colon_is_tied_to_it(engine: Engine, services: Services,
                                                                              typed: str) -> None:
    out = _chat(engine, [*TO_ACTIONS, typed, "1", "no more actions"])
    assert "and left it out of its text: “GCP2 to be completed”" in out and Q2 in out
    assert "• Action 1: GCP2 to be completed (Q2) — Social worker S1" in out
    assert _tied(services) == [("GCP2 to be completed", "assessment-timely")]


@pytest.mark.parametrize("typed", ["Q99 GCP2 to be completed by 25/12", "Q1 2027 review the plan by 25/12",
                                   "Q2a GCP2 to be completed by 25/12"])
def test_a_number_the_checklist_has_no_question_for_stays_in_the_text(engine: Engine, services: Services,
                                                                     typed: str) -> None:
    out = _chat(engine, [*TO_ACTIONS, typed, "1", "no more actions"])
    kept = typed.removesuffix(" by 25/12")
    assert f"and left it out of its text: “{kept}”" in out and "Tied to Q" not in out
    assert f"• Action 1: {kept} — Social worker S1" in out
    assert _tied(services) == [(kept, None)]
