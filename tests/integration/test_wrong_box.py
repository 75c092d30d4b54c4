"""Trial 32, HIGH 4: areas for development typed at "Strengths", then at the next step `oops that was meant to go in
development not strengths` was saved as the areas for development. Words saying the last note is in the wrong box
move it to the heading they name and ask again for the step it left; they are never stored as a note or an action."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_action_removal import TO_ACTIONS
from tests.integration.test_leaving_words_pause import audit, say

TO_STRENGTHS = TO_ACTIONS[:TO_ACTIONS.index("Direct work is thoughtful.")]
MISPLACED = "Chronology is out of date and reviews slip."
STRENGTHS = "Direct work is thoughtful."


def joined(replies: list) -> str:
    return "\n".join(r.text for r in replies).replace("**", "")


@pytest.mark.parametrize("typed", ["oops that was meant to go in development not strengths",
                                   "that should be in development", "sorry that was meant for areas for development",
                                   "wrong box", "move that to development", "that was supposed to go under dev"])
def test_the_strengths_said_to_be_development_are_moved_and_the_strengths_asked_again(
        engine: Engine, services: Services, typed: str) -> None:
    replies = say(engine, *TO_STRENGTHS, MISPLACED, typed)
    out = joined(replies)
    assert f"Moved “{MISPLACED}” to the areas for development. The strengths are empty now" in out
    assert "Got it: noted as the areas for development" not in out and "Strengths: what is working well" in out
    row = audit(services)
    assert (row.step, row.strengths, row.development) == ("strengths", None, MISPLACED)
    replies = say(engine, STRENGTHS)
    assert f"Noted already: {MISPLACED}" in joined(replies)
    say(engine, "skip")  # keeps the moved note
    row = audit(services)
    assert (row.step, row.strengths, row.development) == ("actions", STRENGTHS, MISPLACED)


def test_development_said_to_be_strengths_at_the_actions_moves_it_and_adds_no_action(engine: Engine,
                                                                                     services: Services) -> None:
    lines = [*TO_STRENGTHS, STRENGTHS, "Visits are regular and purposeful."]
    replies = say(engine, *lines, "oops that should have gone in strengths")
    assert "Who owns this action?" not in joined(replies)
    row = audit(services)
    assert (row.step, row.strengths, row.development) == (
        "development", f"{STRENGTHS} Visits are regular and purposeful.", None)
    assert action_store.actions_of_audit(services.storage, 1) == []


def test_naming_the_box_it_is_in_moves_nothing(engine: Engine, services: Services) -> None:
    [refusal] = say(engine, *TO_STRENGTHS, MISPLACED, "that was meant for strengths")
    assert refusal.kind == "error" and "I haven't moved or stored anything" in refusal.text
    row = audit(services)
    assert (row.step, row.strengths, row.development) == ("development", MISPLACED, None)


def test_a_development_note_that_mentions_strengths_is_still_the_note(engine: Engine, services: Services) -> None:
    note = "Build on the strengths in the family network and move the plan on."
    say(engine, *TO_STRENGTHS, STRENGTHS, note)
    assert audit(services).development == note


@pytest.mark.parametrize("back", ["move it back to strengths", "move it back", "put that back in strengths please"])
def test_a_note_moved_to_development_is_moved_back_from_the_strengths_step(engine: Engine, services: Services,
                                                                          back: str) -> None:
    """Trial 38 (H4): after `that should be in development not strengths`, `move it back to strengths` typed at the
    strengths asked again was saved as the strengths, the real ones left under development."""
    say(engine, *TO_STRENGTHS, STRENGTHS, "oops that should be in development not strengths")
    replies = say(engine, back)
    out = joined(replies)
    assert f"Moved “{STRENGTHS}” to the strengths. The areas for development are empty now" in out
    assert "noted as the strengths" not in out
    row = audit(services)
    assert (row.step, row.strengths, row.development) == ("development", STRENGTHS, None)
