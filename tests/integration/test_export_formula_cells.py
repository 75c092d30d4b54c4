"""The CSV export keeps free text as text in a spreadsheet (trial 40, item 12): a strength typed as
"- visits in timescale", or a note starting with =, +, @, a tab or a carriage return, would be read by Excel as a
formula (CSV injection); each is written with a leading single quote, while the JSON export keeps the words as typed."""

from __future__ import annotations

import csv
import io
import json

from bot.core.services import Services
from bot.core.spreadsheet_cells import SafeWriter, safe_cell
from bot.engine.routing import Engine
from tests.integration.test_cli_roles import cli  # noqa: F401  (the fixture)
from tests.integration.test_export_for_clinics import audit_by

STRENGTHS = "- visits in timescale, good link with school"
ATTACK = '=HYPERLINK("http://example.test/x","open")'


def test_a_note_a_spreadsheet_would_run_is_exported_as_text(cli, engine: Engine,  # noqa: F811
                                                            services: Services) -> None:
    audit_by(engine, "U0MGRN001")
    services.storage.db.execute("UPDATE audits SET strengths = ?, development = ?", [STRENGTHS, "+ more drift"])
    services.storage.db.execute("UPDATE answers SET evidence = ? WHERE rowid = (SELECT min(rowid) FROM answers)",
                                [ATTACK])
    code, out, err = cli("export", "--as", "U0QALEAD1")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["strengths"] for row in rows} == {"'" + STRENGTHS}
    assert {row["development"] for row in rows} == {"'+ more drift"}
    assert "'" + ATTACK in {row["evidence"] for row in rows}
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for value in row.values())
    code, out, err = cli("export", "--as", "U0QALEAD1", "--format", "json")
    assert json.loads(out)["audits"][0]["strengths"] == STRENGTHS  # JSON is read by programs, not spreadsheets


def test_every_formula_start_is_quoted_and_numbers_and_plain_text_are_not() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert [safe_cell(v) for v in ("Good", "", None, -3, 0.5, "visits - weekly")] == [
        "Good", "", None, -3, 0.5, "visits - weekly"]


def test_the_campaign_report_csv_writer_quotes_cells_too() -> None:
    out = io.StringIO()
    SafeWriter(csv.writer(out)).writerow(["weakest", "all", "@q1", 3])
    assert out.getvalue().strip() == "weakest,all,'@q1,3"
