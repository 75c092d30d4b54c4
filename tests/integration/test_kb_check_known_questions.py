"""Issue #13: `audit-bot kb check` warns (without failing) of an entry's own wording that people typing it would not
get that entry for outright, so a QA lead sees it before the bot serves the folder."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import run_cli

ENTRIES = """entries:
  - id: core-group-timescale
    question: When must the first core group meet?
    alternatives:
      - first core group after conference
      - help
    answer: Within 10 working days of the initial child protection conference.
  - id: chronology-good
    question: What does a good chronology look like?
    answer: Significant events only, each with what it meant for the child.
"""


def folder(tmp_path: Path, text: str) -> Path:
    (tmp_path / "knowledge" / "kb").mkdir(parents=True)
    (tmp_path / "knowledge" / "kb" / "entries.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "knowledge"


def test_a_wording_that_does_not_reach_its_entry_is_a_warning_not_a_failure(environ: dict[str, str],
                                                                           tmp_path: Path) -> None:
    checked = run_cli(environ, "kb", "check", str(folder(tmp_path, ENTRIES)))

    assert checked.code == 0
    assert "OK: 2 entries" in checked.out
    assert ("1 known question does not reach its own entry (warnings: the folder loads, but people typing these "
            "words would not get that entry outright; reword them, or the entries they meet):\n"
            "- 'help' (in core-group-timescale) is declined (“I don't know”), not answered by core-group-timescale\n"
            ) in checked.out


def test_a_folder_with_problems_lists_the_problems_only(environ: dict[str, str], tmp_path: Path) -> None:
    broken = ENTRIES.replace("    answer: Significant events only, each with what it meant for the child.\n", "")

    checked = run_cli(environ, "kb", "check", str(folder(tmp_path, broken)))

    assert checked.code == 1
    assert "chronology-good" in checked.out and "known question" not in checked.out
