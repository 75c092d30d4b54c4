"""Trial 62 F2: leaders saw moderation agreement but never which way moderators disagreed, so a team whose auditors
grade too generously could not be seen, and "grade drift by team" was answered with the entry on drift in a case.
Beside each team's agreement every figure now says how many disagreements were moderated down and up (the agreement
table, the digest, its JSON, the period digest, the export's summary sheet and `/audit moderate`), counted by one
query over the same audits as the agreement; a leader's "grade drift by team", "which team over-grades" and "are
moderators grading up or down" get that table.

The clock is pinned (time_machine, tick=False) to Monday 7 December 2026, so these pass under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.agreement import direction_said
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.digest import build_service_digest
from bot.digests.export_summary import summary_rows
from bot.digests.payload import service_payload
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)  # Monday: the figures count audits submitted 2 Nov to 6 Dec
HEAD, QA_LEAD, PRACTITIONER = "U0ADMIN01", "U0QALEAD1", "U0PRAN001"
NORTH, SOUTH = "North Assessment Team", "South Child in Need and Protection"
TITLE = "Moderation agreement by team"


def said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''}\n{r.text}\n{r.note or ''}" for r in replies)


def _moderated(rows: AuditRows, day: int, auditor_grade: str, moderator_grade: str, team: str = "north-assessment",
               ) -> None:
    auditor, worker = ("U0MGRN001", "U0PRAN001") if team == "north-assessment" else ("U0MGRS001", "U0PRAS001")
    submitted = datetime(2026, 11, day, 10, tzinfo=UTC)
    audit = rows.audit(auditor=auditor, team=team, worker=worker, submitted=submitted, status="moderated",
                       grade=auditor_grade)
    rows.moderation(audit, QA_LEAD, submitted.replace(hour=14), submitted.replace(hour=15),
                    agrees=auditor_grade == moderator_grade, grade=moderator_grade)


@pytest.fixture
def moderated(services: Services) -> None:
    """North: one agreed, one Good moderated down to RI, one RI moderated up to Good; South: Good down to
    Inadequate; one of North's before the window (down), not counted."""
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        _moderated(rows, 10, "good", "good")
        _moderated(rows, 12, "good", "requires_improvement")
        _moderated(rows, 16, "requires_improvement", "good")
        _moderated(rows, 18, "good", "inadequate", team="south-cin-cp")
        _moderated(rows, 2, "good", "inadequate")  # 2 Nov 10:00 UTC is in the window: counted
        rows.audit(submitted=datetime(2026, 10, 1, 10, tzinfo=UTC), grade="outstanding")  # waiting, before


def test_the_words_say_down_and_up_only_when_some_moved() -> None:
    assert direction_said(2, 0) == "2 moderated down, 0 up"
    assert direction_said(0, 1, "; ") == "; 0 moderated down, 1 up"
    assert direction_said(0, 0, "; ") == ""


@pytest.mark.parametrize("typed", ["grade drift by team", "which team over-grades",
                                   "are moderators grading up or down compared to the auditors",
                                   "how consistent are our managers grading compared to moderation"])
def test_a_leaders_grade_drift_gets_each_teams_agreement_and_direction(engine: Engine, moderated: None,
                                                                       typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(HEAD, typed, surface="terminal")
    assert reply.title == TITLE, said([reply])
    assert f"• **{NORTH}**: 1 of 4 (25%); 2 moderated down, 1 up" in reply.text
    assert f"• **{SOUTH}**: 0 of 1 (0%); 1 moderated down, 0 up" in reply.text
    assert reply.text.startswith(f"**Moderated down most** (the auditor's grade was higher than the moderator's): "
                                 f"{NORTH}, 2 of 4 moderated (1 up).")
    assert "3 moderated down, 1 up." in reply.text  # the whole service
    assert "drift and delay" not in reply.text


def test_a_practitioners_grade_drift_is_not_the_leaders_table(engine: Engine, moderated: None) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(PRACTITIONER, "grade drift by team", surface="terminal")
    assert TITLE not in said(replies)


def test_the_digest_its_json_and_the_moderation_queue_say_the_direction(engine: Engine, services: Services,
                                                                        moderated: None) -> None:
    with time_machine.travel(NOW, tick=False):
        digest = said(engine.command(HEAD, "digest service", surface="terminal"))
        quarter = said(engine.command(HEAD, "digest this quarter", surface="terminal"))
        queue = said(engine.command(QA_LEAD, "moderate", surface="terminal"))
        payload = service_payload(build_service_digest(services, date(2026, 11, 30)))
    assert "· 1 of 4 (25%); 2 moderated down, 1 up" in digest
    assert "1 of 5 moderated audits agreed with the auditor's grade" in digest
    assert "the 4 weeks before it); 3 moderated down, 1 up" in digest
    assert "(1 of 4 moderated agreed, of audits submitted in Q3 2026/27; 2 moderated down, 1 up)" in quarter
    assert "3 moderated down, 1 up" in queue
    assert (payload["moderated_down"], payload["moderated_up"]) == (3, 1)


def test_the_export_summary_sheet_counts_them_by_month(services: Services, moderated: None) -> None:
    with time_machine.travel(NOW, tick=False):
        rows = summary_rows(services, date(2026, 11, 1), None)
    november = {row["team_name"]: row for row in rows if row["month"] == "November 2026"}
    assert (november[NORTH]["moderated_down"], november[NORTH]["moderated_up"]) == (2, 1)
    assert (november[SOUTH]["moderated_down"], november[SOUTH]["moderated_up"]) == (1, 0)
    assert (november["All teams exported"]["moderated_down"], november["All teams exported"]["moderated_up"]) == (3, 1)
