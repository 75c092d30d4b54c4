"""`audit-bot rescreen` reads every audit's stored texts with today's identifier screen and says where those it now
refuses are, by audit and by the item names `/audit redact` lists, for a QA lead or admin to read and remove. An audit
is the record of practice, so nothing in it is changed unseen, and the names are never printed or trailed."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.cli import run_cli
from tests.support.kb_helpers import all_text

QA_LEAD = "U0QALEAD1"
NOTE = "The plan and the visits show steady progress."
OLD_NOTE = "spoke to darren price at home about the plan"  # what an older, weaker screen let through
OLD_STRENGTH = "Direct work with Tunde Bakare is thoughtful."


def stored_by_an_older_screen(engine: Engine, services: Services) -> None:
    """A draft audit #1 with a note and its strengths, then those texts as an older screen let them be stored."""
    with time_machine.travel(datetime(2026, 12, 9, 13, 10, tzinfo=UTC), tick=False):
        drive(engine, TO_ACTIONS)
    with services.storage.write() as db:
        db.execute("UPDATE answers SET evidence = ? WHERE audit_id = 1 AND evidence = ?", [OLD_NOTE, NOTE])
        db.execute("UPDATE audits SET strengths = ? WHERE id = 1", [OLD_STRENGTH])


def test_rescreen_lists_where_refused_audit_texts_are_and_changes_none(engine: Engine, services: Services,
                                                                       environ: dict[str, str]) -> None:
    stored_by_an_older_screen(engine, services)
    services.storage.close()

    result = run_cli(environ, "rescreen")

    assert result.code == 0
    assert "today's identifier screen refuses 2 text(s) in 1 of them" in result.out
    [line] = [line for line in result.out.splitlines() if line.strip().startswith("audit #1:")]
    assert "strengths" in line and "/audit redact 1" in line
    printed = (result.out + result.err).casefold()
    assert "darren" not in printed and "tunde" not in printed


def test_the_items_listed_are_the_ones_redact_removes(engine: Engine, services: Services,
                                                      environ: dict[str, str]) -> None:
    stored_by_an_older_screen(engine, services)
    services.storage.close()
    result = run_cli(environ, "rescreen")
    [line] = [line for line in result.out.splitlines() if line.strip().startswith("audit #1:")]
    listed = line.split(":", 1)[1].split("(")[0].replace(",", " ").split()
    assert len(listed) == 2
    # each item named is the one /audit redact shows holding the old text
    shown = all_text(engine.command(QA_LEAD, "redact 1"))
    for item in listed:
        assert item in shown
    audit = store.get_audit(services.storage, 1)
    assert audit.strengths == OLD_STRENGTH  # nothing changed unseen


def test_rescreen_on_ordinary_audits_finds_nothing_and_trails_counts(engine: Engine, services: Services,
                                                                     environ: dict[str, str]) -> None:
    with time_machine.travel(datetime(2026, 12, 9, 13, 10, tzinfo=UTC), tick=False):
        drive(engine, TO_ACTIONS)
    services.storage.close()
    result = run_cli(environ, "rescreen")
    assert "Read the stored texts of 1 audit(s): today's identifier screen refuses none of them." in result.out
    [trail] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'privacy.rescreen_audits'")
    assert trail["detail"] == '{"audits": 0, "texts": 0}'
