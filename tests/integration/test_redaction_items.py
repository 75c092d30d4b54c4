"""`/audit redact` items keep their names as texts are added, several are removed under one Yes, and the list shows
each text whole (user trial 7: the reflection listed as `t8` became `t9` once a moderation reason was stored, so a
number read from the list pointed at another text; `redact 140 t2 t3` removed t2 "because t3"; long notes were cut
before the name at their end)."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.integration import test_redaction
from tests.integration.test_redaction import CORRECTED, QA, QUALITY, REDACTED_AT, WORKER, at, every_text
from tests.integration.test_typed_confirmations import said, typed

leaked = test_redaction.leaked  # the fixture: a submitted audit whose leaked note lives on in revision r2
REFLECTION = "I agree the plan drifted over the summer while the family moved to the flat above the chip shop"
MODERATION = "Evidence supports the grade and the plan is now reviewed monthly with the school and health"


def listed_items(engine: Engine, audit_id: int) -> dict[str, str]:
    """The list as item name → the line's text."""
    [listing] = at(REDACTED_AT, engine, QA, f"redact {audit_id}")
    return {line[2:].split(":")[0]: line for line in listing.text.splitlines() if line.startswith("• ")}


def test_an_item_keeps_its_name_when_a_moderation_reason_is_stored_before_it(engine: Engine, services: Services,
                                                                             leaked: int) -> None:
    at(REDACTED_AT, engine, WORKER, f"reflect {leaked} {REFLECTION}")
    before = listed_items(engine, leaked)
    [name] = [name for name, line in before.items() if REFLECTION in line]
    typed(engine, TerminalView(), QA, f"/audit moderate {leaked}", "agree", MODERATION)
    after = listed_items(engine, leaked)
    assert any(MODERATION in line for line in after.values())  # a text was added …
    assert {name: line for name, line in after.items() if name in before} == before  # … and no name moved
    [asked] = at(REDACTED_AT, engine, QA, f"redact {leaked} {name}")
    assert f"“{REFLECTION}”" in asked.text and MODERATION not in asked.text


def test_two_items_are_asked_about_together_and_removed_by_one_yes(engine: Engine, services: Services,
                                                                   leaked: int) -> None:
    at(REDACTED_AT, engine, WORKER, f"reflect {leaked} {REFLECTION}")
    names = listed_items(engine, leaked)
    [note] = [name for name, line in names.items() if CORRECTED in line and not name.startswith("r")]
    [reflection] = [name for name, line in names.items() if REFLECTION in line]
    view = TerminalView()
    [asked] = typed(engine, view, QA, f"redact {leaked} {note} {reflection} names the street")
    assert asked.text.startswith(f"Remove these 2 texts from audit #{leaked} for good?"), asked.text
    assert f"“{CORRECTED}”" in asked.text and f"“{REFLECTION}”" in asked.text
    done = typed(engine, view, QA, "yes")
    assert said(done).count("Removed ") == 2, said(done)
    assert CORRECTED not in every_text(services) and REFLECTION not in every_text(services)
    marker = "[removed by QA lead (practice) on 4 Dec 2026: names the street]"
    assert store.answers_of(services.storage, leaked)[QUALITY].evidence == marker


def test_an_old_style_number_is_refused_not_taken_as_the_reason(engine: Engine, services: Services,
                                                                  leaked: int) -> None:
    [refused] = at(REDACTED_AT, engine, QA, f"redact {leaked} r2 t3")
    assert refused.kind == "error" and f"Audit #{leaked} has no stored text `t3`" in refused.text, refused.text
    [not_an_item] = at(REDACTED_AT, engine, QA, f"redact {leaked} first note")
    assert not_an_item.kind == "error" and "`first` is not an item of the list" in not_an_item.text
    assert CORRECTED in every_text(services)
