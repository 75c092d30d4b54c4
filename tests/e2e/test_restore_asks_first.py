"""`audit-bot restore PATH` replaces the live database, so it asks first, as `campaign close` does (trial 17: an
admin's one command replaced it unasked, even from a script). At a terminal "Replace the live database with
PATH? [y/N]"; from a script (stdin not a terminal) it refuses in one line unless --yes is given."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.core.services import Services
from tests.support.audit_rows import case_refs, insert_audit
from tests.support.cli import TypedAtTerminal, run_cli


def _backup_then_more(services: Services, environ: dict[str, str], tmp_path: Path) -> Path:
    """A backup holding CR-100001, and a live database that has CR-100002 since."""
    insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 9, tzinfo=UTC))
    backup = tmp_path / "monday.db"
    assert run_cli(environ, "backup", str(backup)).code == 0
    insert_audit(services.storage, "CR-100002", datetime(2026, 11, 3, 9, tzinfo=UTC))
    return backup


def test_from_a_script_restore_wants_yes_and_changes_nothing_without_it(services: Services, environ: dict[str, str],
                                                                       tmp_path: Path) -> None:
    backup = _backup_then_more(services, environ, tmp_path)
    refused = run_cli(environ, "restore", str(backup))
    assert refused.code == 1 and refused.out == ""
    [line] = refused.err.strip().splitlines()
    assert line.startswith("Not restored:") and f"add --yes (`audit-bot restore {backup} --yes`)" in line, line
    assert case_refs(services.storage) == ["CR-100001", "CR-100002"]
    assert list(tmp_path.glob("audit.before-restore-*")) == []

    restored = run_cli(environ, "restore", str(backup), "--yes")
    assert restored.code == 0, restored.err
    assert "Restored 1 audit" in restored.out


def test_at_a_terminal_restore_asks_and_only_yes_replaces(services: Services, environ: dict[str, str],
                                                         tmp_path: Path) -> None:
    backup = _backup_then_more(services, environ, tmp_path)
    for answer in ("\n", "n\n", "no\n"):
        kept = run_cli(environ, "restore", str(backup), stdin=TypedAtTerminal(answer))
        assert kept.code == 1
        assert f"Replace the live database with {backup}? [y/N]" in kept.err, kept.err
        assert "holding 1 audit." in kept.err and "Not restored: the current database was not changed." in kept.err
        assert list(tmp_path.glob("audit.before-restore-*")) == []
    asked = run_cli(environ, "restore", str(backup), stdin=TypedAtTerminal("y\n"))
    assert asked.code == 0, asked.err
    assert f"Replace the live database with {backup}? [y/N]" in asked.err
    assert "Restored 1 audit" in asked.out
    assert len(list(tmp_path.glob("audit.before-restore-*.db"))) == 1


def test_a_backup_that_would_be_refused_is_refused_before_anyone_is_asked(services: Services,
                                                                         environ: dict[str, str],
                                                                         tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    result = run_cli(environ, "restore", str(junk), stdin=TypedAtTerminal("y\n"))
    assert result.code == 1 and "[y/N]" not in result.err
    assert result.err.startswith(f"Not restored: {junk} is not an SQLite database.")
