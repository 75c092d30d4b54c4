"""The command line's counts agree with their nouns (trial 17: "Exported 13 rows from 1 audits."): one audit is
"1 audit", in the export's summary and in backup, restore and retention."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.core.services import Services
from tests.support.audit_rows import insert_audit
from tests.support.cli import run_cli


def test_one_audit_is_said_as_one_and_many_as_many(services: Services, environ: dict[str, str],
                                                   tmp_path: Path) -> None:
    insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 9, tzinfo=UTC))
    csv = run_cli(environ, "export", "--format", "csv")
    assert csv.code == 0, csv.err
    rows = len(csv.out.strip().splitlines()) - 1
    assert f"Exported {rows} rows from 1 audit." in csv.err and rows > 1, csv.err
    json = run_cli(environ, "export", "--format", "json")
    assert "Exported 1 audit from 1 audit." in json.err, json.err
    backup = run_cli(environ, "backup", str(tmp_path / "one.db"))
    assert backup.out.startswith(f"Backed up 1 audit to {tmp_path / 'one.db'} ("), backup.out
    restored = run_cli(environ, "restore", str(tmp_path / "one.db"), "--yes")
    assert restored.out.startswith("Restored 1 audit from "), restored.out
    insert_audit(services.storage, "CR-100002", datetime(2026, 11, 2, 10, tzinfo=UTC))
    assert "Exported 2 audits from 2 audits." in run_cli(environ, "export", "--format", "json").err
    listed = run_cli(environ, "retention")
    assert "Past retention: 0 audits (0 answers, 0 actions, 0 moderations, 0 revisions, 0 reflections) and 0 " \
           "knowledge-base questions." in listed.out, listed.out
