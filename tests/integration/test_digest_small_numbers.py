"""A digest does not read a trend into a handful of audits: every share keeps the count it rests on, a change in
points is shown only when both periods have enough graded audits, and a question is a theme only when it was
answered badly in more than one audit (user trial: "Good: 2 (100%, +44 pts)" from two audits). The service
digest lists the questions most often answered badly across teams, by the same rule, in text and JSON."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.support.cli import run_cli
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=LONDON)  # the last complete week is week 47, 16 to 22 Nov 2026
PREVIOUS = (datetime(2026, 10, 27, 11, tzinfo=UTC), datetime(2026, 11, 3, 11, tzinfo=UTC),
            datetime(2026, 11, 4, 11, tzinfo=UTC), datetime(2026, 11, 10, 11, tzinfo=UTC),
            datetime(2026, 11, 11, 11, tzinfo=UTC), datetime(2026, 11, 12, 11, tzinfo=UTC))
POINTS = re.compile(r"[+-]\d+ pts")


def _grades_section(text: str) -> str:
    """The grades part of a digest, on one line: the terminal wraps long lines wherever they fall."""
    return flat(text.split("Grades in week 47", 1)[1].split("Questions most often", 1)[0])


def _two_good_audits_after_six_mixed(services: Services) -> AuditRows:
    """North: six audits in the four weeks before week 47 (two of them Inadequate), then two Good in week 47;
    'plan-smart' is answered badly in both week-47 audits, 'child-seen' in one audit only."""
    rows = AuditRows(services)
    for index, submitted in enumerate(PREVIOUS):
        rows.audit(submitted=submitted, grade="inadequate" if index < 2 else "good")
    rows.audit(submitted=datetime(2026, 11, 17, 11, tzinfo=UTC), grade="good", flagged=("plan-smart", "child-seen"))
    rows.audit(submitted=datetime(2026, 11, 18, 11, tzinfo=UTC), grade="good", flagged=("plan-smart",))
    return rows


def test_two_audits_show_their_counts_and_no_change_in_points(services: Services, environ: dict[str, str]) -> None:
    _two_good_audits_after_six_mixed(services)
    with time_machine.travel(WEDNESDAY, tick=False):
        text = run_cli(environ, "digest", "--team", "north-assessment").out
    grades = _grades_section(text)
    assert "Good: 2 of 2 (100%) · previous 4 weeks 4 of 6 (67%)" in grades
    assert "Inadequate: 0 of 2 (0%) · previous 4 weeks 2 of 6 (33%)" in grades
    assert "Too few audits to compare" in grades and "at least 5 graded audits" in grades
    assert not POINTS.search(grades), grades


def test_a_change_in_points_is_shown_beside_its_counts_once_both_periods_have_five(
        services: Services, environ: dict[str, str]) -> None:
    rows = _two_good_audits_after_six_mixed(services)
    for day in (19, 20, 20):
        rows.audit(submitted=datetime(2026, 11, day, 11, tzinfo=UTC), grade="requires_improvement")
    with time_machine.travel(WEDNESDAY, tick=False):
        text = run_cli(environ, "digest", "--team", "north-assessment").out
    grades = _grades_section(text)
    assert "Good: 2 of 5 (40%) · previous 4 weeks 4 of 6 (67%) · -27 pts" in grades
    assert "Requires improvement to be good: 3 of 5 (60%) · previous 4 weeks 0 of 6 (0%) · +60 pts" in grades
    assert "Too few audits to compare" not in grades


def test_a_question_answered_badly_in_one_audit_is_not_a_theme(services: Services, environ: dict[str, str]) -> None:
    _two_good_audits_after_six_mixed(services)
    with time_machine.travel(WEDNESDAY, tick=False):
        text = run_cli(environ, "digest", "--team", "north-assessment").out
    themes = text.split("Questions most often answered badly", 1)[1].split("Overdue actions", 1)[0]
    assert "each in at least 2 audits" in themes
    assert "(Full case audit) Is the plan specific, measurable and time-bound? answered “No” in 2 audits" in themes
    assert "Was the child seen alone" not in themes
    assert "(in 1 audit)" not in text


def test_json_digest_gives_the_counts_and_null_for_a_change_too_small_to_show(
        services: Services, environ: dict[str, str]) -> None:
    _two_good_audits_after_six_mixed(services)
    with time_machine.travel(WEDNESDAY, tick=False):
        payload = json.loads(run_cli(environ, "digest", "--format", "json").out)
    north = next(t for t in payload["teams"] if t["team_id"] == "north-assessment")
    good = next(c for c in north["grade_changes"] if c["grade"] == "good")
    assert good == {"grade": "good", "week": {"count": 2, "of": 2, "share": 1.0},
                    "previous": {"count": 4, "of": 6, "share": 0.6667}, "change_points": None}
    assert all(c["change_points"] is None for c in north["grade_changes"])
    assert [(q["question_id"], q["audits"]) for q in north["weak_questions"]] == [("plan-smart", 2)]
    assert north["rules"]["min_audits_to_compare"] == 5 and north["rules"]["min_audits_for_theme"] == 2


def test_home_tab_shows_the_count_behind_the_share_and_only_real_themes(services: Services, engine: Engine) -> None:
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 11, 17, 11, tzinfo=UTC), grade="good", flagged=("child-seen",))
    rows.audit(submitted=datetime(2026, 11, 18, 11, tzinfo=UTC), grade="requires_improvement")
    with time_machine.travel(WEDNESDAY, tick=False):
        home = {s.title: s for s in home_sections(engine, services, "U0MGRN001")}
    north = home["North Assessment Team"]
    assert dict(north.fields)["Good or better last week"] == "1 of 2 (50%)"
    assert "Was the child seen alone" not in north.text
    assert "none in 2 or more audits" in north.text


def test_service_digest_lists_the_questions_most_often_answered_badly_across_teams(
        services: Services, environ: dict[str, str], engine: Engine) -> None:
    """'chronology' is answered badly once in North and once in South: no team theme, but a service one."""
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 11, 17, 11, tzinfo=UTC), flagged=("chronology", "voice"))
    rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
               submitted=datetime(2026, 11, 18, 11, tzinfo=UTC), flagged=("chronology",))
    with time_machine.travel(WEDNESDAY, tick=False):
        text = run_cli(environ, "digest").out
        payload = json.loads(run_cli(environ, "digest", "--format", "json").out)
        admin = engine.command("U0ADMIN01", "digest")
    service = text.split("Service audit digest", 1)[1]
    # the themes' window in dates (the week and the 3 before it), beside the agreement's, which is dated too
    assert ("Questions most often answered badly across teams (audits submitted 26 Oct to 22 Nov 2026: the week and "
            "the 3 before it, each in at least 2 audits)") in flat(service)
    assert "1. (Full case audit) Is there an up-to-date chronology? answered “No” in 2 audits" in service
    assert "How well is the child's voice recorded?" not in service
    assert "(Full case audit) Is there an up-to-date chronology? answered “No” in 2 audits" in admin[0].text
    summary = payload["service"]
    assert [(q["question_id"], q["audits"]) for q in summary["weak_questions"]] == [("chronology", 2)]
    assert summary["completed_week"] == 2 and summary["week"] == "2026-W47"
    assert summary["good_or_better_week"] == {"count": 2, "of": 2, "share": 1.0}
