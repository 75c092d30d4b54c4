"""Trial 56 F8 / trial 57 F17: after the overall grade, `mostly good but the 3 moves were not addressed and there was no
stability meeting` typed at the strengths was "Got it: noted as the strengths.", a shortfall stored as a strength. A
strengths note that reads as a shortfall is now asked about, through the terminal chat: `keep` saves it as the
strengths, `move` adds it to the areas for development and asks for the strengths again. A plainly positive note is
never asked."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import AUDITOR, DRAFTED, TO_ACTIONS

TO_STRENGTHS = TO_ACTIONS[:-2]  # the early help spot check, its suggested grade confirmed with `good`
CRITICISM = "mostly good but the 3 moves were not addressed and there was no stability meeting"
ASKED = ("That reads like an area for development: keep it as the strengths (keep), or move it to the areas\n"
         "for development (move)?")
STRENGTH = "Direct work is thoughtful."


def chat(engine: Engine, *lines: str) -> str:
    """The terminal chat's output for `lines` typed by the auditor, the clock pinned to a working day."""
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_STRENGTHS, *lines], user=AUDITOR)
    return out


def notes(services: Services) -> tuple[str | None, str | None, str]:
    audit = store.get_audit(services.storage, 1)
    assert audit is not None
    return audit.strengths, audit.development, audit.step


def after(out: str, line: str) -> str:
    """What the bot said after the last `line` it printed, without the terminal's "→ You picked 2: …" echo."""
    said = out[out.rindex(line) + len(line):].lstrip()
    return said.split("\n", 1)[1] if said.startswith("→ You picked") else said


@pytest.mark.parametrize("note", [CRITICISM, "good direct work, but no stability meeting",
                                  "plan lacks timescales", "visits weak and poorly recorded", "some drift since June",
                                  "the chronology is missing", "father's views absent", "the child wasn't seen alone"])
def test_a_strengths_note_that_reads_as_a_shortfall_is_asked_about_and_not_saved_yet(
        engine: Engine, services: Services, note: str) -> None:
    out = chat(engine, note)
    assert ASKED in after(out, "Type the strengths, or skip.")
    assert "1) Keep as the strengths\n  2) Move to the areas for development" in out
    assert "noted as the strengths" not in out
    assert notes(services) == (None, None, "strengths")


@pytest.mark.parametrize("keep", ["keep", "Keep as the strengths", "1"])
def test_keep_saves_it_as_the_strengths_and_the_areas_for_development_come_next(
        engine: Engine, services: Services, keep: str) -> None:
    out = after(chat(engine, CRITICISM, keep), "Or type other strengths instead.)")
    assert " ".join(out.split()).startswith(f"Got it: noted as the strengths: “{CRITICISM}”. Areas for development:")
    assert notes(services) == (CRITICISM, None, "development")


@pytest.mark.parametrize("move", ["move", "Move to the areas for development", "2"])
def test_move_files_it_as_the_areas_for_development_and_asks_for_the_strengths_again(
        engine: Engine, services: Services, move: str) -> None:
    out = after(chat(engine, CRITICISM, move), "Or type other strengths instead.)")
    assert " ".join(out.split()).startswith(f"Moved to the areas for development: “{CRITICISM}”. Now the strengths: "
                                            "type what is working well, or skip.")
    assert "Strengths: what is working well for the child on this case?" in out
    assert notes(services) == (None, CRITICISM, "strengths")


def test_the_strengths_typed_after_a_move_are_saved_and_the_moved_note_waits_at_the_areas_for_development(
        engine: Engine, services: Services) -> None:
    out = chat(engine, CRITICISM, "move", STRENGTH)
    assert f"Noted already: {CRITICISM}" in after(out, f"Got it: noted as the strengths: “{STRENGTH}”.")
    assert notes(services) == (STRENGTH, CRITICISM, "development")


def test_move_adds_it_after_the_areas_for_development_typed_already(engine: Engine, services: Services) -> None:
    chat(engine, STRENGTH, "Chronology to be updated", "back", "back", CRITICISM, "move")
    assert notes(services) == (STRENGTH, f"Chronology to be updated; {CRITICISM}", "strengths")


def test_the_same_note_typed_again_after_the_question_is_kept_as_typed(engine: Engine, services: Services) -> None:
    out = chat(engine, CRITICISM, CRITICISM)
    assert after(out, ASKED).count("That reads like an area for development") == 0
    assert notes(services) == (CRITICISM, None, "development")


@pytest.mark.parametrize("note", [STRENGTH, "no concerns about the home, and the child is settled",
                                  "Warm relationship with mum; visits on time"])
def test_a_plainly_positive_note_is_never_asked(engine: Engine, services: Services, note: str) -> None:
    out = chat(engine, note)
    assert "That reads like an area for development" not in out
    assert f"Got it: noted as the strengths: “{note}”." in " ".join(out.split())
    assert notes(services) == (note, None, "development")


GCP2_NOTE = "GCP2 not used but the chronology and partner views give a clear picture of the neglect"


@pytest.mark.parametrize("development", ["use the GCP2 tool at the next review", "needs to update the chronology",
                                         "chronology to be updated monthly", "father's views not sought"])
def test_a_line_reading_as_a_development_typed_while_the_strengths_wait_goes_there_and_keeps_the_strengths(
        engine: Engine, services: Services, development: str) -> None:
    """Trial 60, F5: the line meant as the development replaced the strengths silently."""
    out = " ".join(after(chat(engine, GCP2_NOTE, development), "Or type other strengths instead.)").split())
    assert out.startswith(f"Got it: noted as the strengths: “{GCP2_NOTE}”. The line you typed next reads like an "
                          f"area for development, so it goes there: Got it: noted as the areas for development: "
                          f"“{development}”.")
    strengths, noted, step = notes(services)
    assert (strengths, noted) == (GCP2_NOTE, development) and step not in ("strengths", "development")


def test_other_strengths_typed_instead_are_kept_and_say_which_note_was_let_go(engine: Engine,
                                                                             services: Services) -> None:
    out = " ".join(after(chat(engine, GCP2_NOTE, STRENGTH), "Or type other strengths instead.)").split())
    assert out.startswith(f"Got it: noted as the strengths: “{STRENGTH}” (in place of “{GCP2_NOTE}”, which is not "
                          "saved).")
    assert notes(services) == (STRENGTH, None, "development")
