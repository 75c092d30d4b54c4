"""`/audit kb find <words>` (user trial 7): a detail that slipped into a question the bot *answered* was listed
nowhere, so a QA lead could not remove it without knowing its row. The search lists stored questions of any outcome
with their numbers, `kb remove N` then removes the one found, and the words searched for (often the leaked detail
itself) are neither stored, logged nor shown in a channel."""

from __future__ import annotations

import logging

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.integration.test_redaction import every_text
from tests.integration.test_typed_confirmations import said, typed

QA_LEAD, ASKER = "U0QALEAD1", "U0PRAN001"
ANSWERED = "professional curiosity, the boy with the cochlear implant at the corner school"  # the KB answers it
UNANSWERED = "when should a strategy discussion happen for the boy with the cochlear implant?"


@pytest.fixture
def asked(engine: Engine, services: Services) -> dict[str, int]:
    for question in (ANSWERED, UNANSWERED, "what is professional curiosity"):
        engine.message(ASKER, question)
    rows = services.storage.db.execute("SELECT query, id, outcome FROM kb_asks").fetchall()
    assert {query: outcome for query, _, outcome in rows}[ANSWERED] == "answer"
    return {query: ask_id for query, ask_id, _ in rows}


def test_an_answered_question_is_found_by_its_words_and_removed_by_its_number(
        engine: Engine, services: Services, asked: dict[str, int], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    stored_before = every_text(services)
    [found] = engine.command(QA_LEAD, "kb find COCHLEAR corner", surface="terminal")
    assert f"• #{asked[ANSWERED]}, " in found.text and f", answered: “{ANSWERED}”" in found.text
    assert UNANSWERED not in found.text and "what is professional curiosity”" not in found.text  # every word needed
    assert f"`/audit kb remove {asked[ANSWERED]}`" in found.text
    assert every_text(services) == stored_before  # the search is not stored (nor in the trail)
    assert "cochlear" not in caplog.text.lower()

    [both] = engine.command(QA_LEAD, "kb find implant", surface="terminal")
    assert both.text.index(UNANSWERED) < both.text.index(ANSWERED)  # newest first, any outcome

    done = typed(engine, TerminalView(), QA_LEAD, f"kb remove {asked[ANSWERED]}", "yes")
    assert said(done).startswith(f"Removed the text of question #{asked[ANSWERED]}"), said(done)
    assert ANSWERED not in every_text(services)
    [after] = engine.command(QA_LEAD, "kb find corner", surface="terminal")
    assert "No stored question holds all of those words" in after.text


def test_only_qa_leads_and_admins_find_and_never_in_a_channel(engine: Engine, asked: dict[str, int]) -> None:
    [refused] = engine.command(ASKER, "kb find cochlear")
    assert refused.kind == "error" and "QA leads and admins" in refused.text
    [here] = engine.command(QA_LEAD, "kb find cochlear", surface="channel")
    assert "cochlear" not in here.text.lower() and "direct messages" in here.text
    [usage] = engine.command(QA_LEAD, "kb find", surface="terminal")
    assert usage.kind == "error" and "like `/audit kb find riverside`" in usage.text


def test_typed_without_audit_it_is_the_command_not_a_question(engine: Engine, services: Services,
                                                              asked: dict[str, int]) -> None:
    before = services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0]
    [found] = engine.message(QA_LEAD, "kb find 100% cochlear_", surface="terminal")
    assert "No stored question holds all of those words" in found.text  # % and _ are matched as typed
    [found] = engine.message(QA_LEAD, "kb find cochlear", surface="terminal")
    assert ANSWERED in found.text
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == before


def test_entries_holding_the_words_are_listed_with_their_ids(engine: Engine) -> None:
    """Trial 20: `kb find icpc` found no entry, so a QA lead looked an entry's id up in the files by hand."""
    [nothing, entries] = engine.command(QA_LEAD, "kb find ICPC", surface="terminal")
    assert nothing.text.startswith("No stored question holds all of those words")
    assert entries.title == "Entries found"
    assert "• `icpc-timescale`: When must an initial child protection conference be held? (`kb/timescales.yaml`)" \
        in entries.text
    assert "`/audit kb link <number> <id>`" in entries.text
    assert [reply.title for reply in engine.command(QA_LEAD, "kb find zebra", surface="terminal")] == [None]
