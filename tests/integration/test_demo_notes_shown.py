"""Trial 62 F5: a QA lead trying the bot for a moderation week saw empty "Strengths" and "Areas for development" in
`/audit show N` and in the export, and one invented evidence line repeated, so the demo could not show a good audit
record. Every submitted demo audit (the re-audits too) now carries strengths and areas that fit its grade, evidence
notes that differ, and no identifier: the identifier screen passes every text. The export's rows carry them."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

import time_machine

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.digests.demo_notes import themed_area
from bot.engine.routing import Engine
from bot.privacy.screen import screen_text
from tests.integration.test_cli_roles import cli  # noqa: F401  (the fixture)

NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)


def _count(text: str | None) -> int:
    return len([s for s in re.split(r"(?<=\.) ", text or "") if s])


def test_demo_audits_carry_notes_that_fit_their_grade_and_pass_the_screen(services: Services,
                                                                          engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        generate(services, weeks=12, seed=7)
        db = services.storage.db
        rows = db.execute("SELECT id, overall_grade, strengths, development, status FROM audits "
                          "WHERE submitted_at IS NOT NULL").fetchall()
        shown = engine.command("U0QALEAD1", f"show {rows[0][0]}")[0].text
    assert rows and all(strengths for _, _, strengths, _, _ in rows)
    by_grade = {grade: [(_count(s), _count(d)) for _, g, s, d, _ in rows if g == grade] for grade in
                ("outstanding", "inadequate")}
    assert by_grade["inadequate"] and all(areas > strengths for strengths, areas in by_grade["inadequate"])
    assert by_grade["outstanding"] and all(strengths > areas <= 1 for strengths, areas in by_grade["outstanding"])
    drafts = db.execute("SELECT COUNT(*) FROM audits WHERE status = 'draft' AND strengths IS NOT NULL").fetchone()
    assert drafts == (0,)  # a draft has not reached the finish step
    evidence = [note for (note,) in db.execute("SELECT evidence FROM answers WHERE evidence IS NOT NULL")]
    assert len(set(evidence)) > len(evidence) / 4
    screen = services.identifier_screen
    texts = {t for _, _, s, d, _ in rows for t in (s, d) if t} | set(evidence)
    assert [t for t in texts if screen_text(t, screen, "that note") != t or screen.find(t)] == []
    assert f"**Strengths:** {rows[0][2]}" in shown


def test_the_export_carries_the_demo_notes(cli, services: Services, tmp_path: Path) -> None:  # noqa: F811
    with time_machine.travel(NOW, tick=False):
        generate(services, weeks=2, seed=7)
        code, _, err = cli("export", "--as", "U0ADMIN01", "--output", str(tmp_path / "audits.csv"))
    assert code == 0, err
    with (tmp_path / "audits.csv").open() as audits:
        exported = list(csv.DictReader(audits))
    submitted = [row for row in exported if row["status"] != "draft"]
    assert submitted and all(row["strengths"] for row in submitted)
    assert any(row["development"] for row in submitted)
    assert any(row["evidence"].startswith(("What the file shows:", "From the")) for row in submitted)


def test_demo_grade_reasons_fit_and_areas_follow_the_flagged_answers(services: Services, engine: Engine) -> None:
    """Fix80b: every demo audit graded other than suggested gave one invented reason, and its areas for development
    were drawn at random. Now the reasons vary and fit the direction of the change, and a flagged answer's theme is
    named in the areas, as `/audit show N` shows them."""
    with time_machine.travel(NOW, tick=False):
        generate(services, weeks=12, seed=7)
        db = services.storage.db
        reasons = db.execute("SELECT id, overall_grade, grade_reason FROM audits WHERE grade_reason IS NOT NULL"
                             ).fetchall()
        flagged = db.execute("SELECT a.id, a.development, MAX(q.question_id) FROM audits a JOIN answers q "
                             "ON q.audit_id = a.id WHERE q.flagged = 1 AND a.submitted_at IS NOT NULL "
                             "GROUP BY a.id HAVING COUNT(*) = 1").fetchall()
        shown = engine.command("U0QALEAD1", f"show {reasons[0][0]}")[0].text
        shown_flagged = engine.command("U0QALEAD1", f"show {flagged[0][0]}")[0].text
    assert len({reason for _, _, reason in reasons}) > 3
    assert not [r for _, _, r in reasons if r.startswith("Invented reason")]
    assert reasons[0][2] in shown
    themed = [(areas, themed_area(question)) for _, areas, question in flagged if themed_area(question)]
    assert len(themed) > 5 and all(area in areas for areas, area in themed)  # one flagged answer: its theme
    assert str(themed_area(flagged[0][2]) or "") in shown_flagged
    screen = services.identifier_screen
    assert [r for _, _, r in reasons if screen_text(r, screen, "that reason") != r or screen.find(r)] == []
