"""Themes are about practice, each case counted once. Trial 50: the only "theme" across teams and on the manager's
Home was "How many times has this child been on a plan … before this one? (in 2 audits)": a count about the child's
history (a number answer, flagged for a second look in its audit), counted twice because one case was audited and
re-audited; the plan and chronology questions answered No were not mentioned."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage.common import utc_text
from bot.storage.demo_data import insert_audits, next_audit_id, snapshot_checklist
from tests.support.digest_rows import CHECKLIST

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 10, 10, 0, tzinfo=LONDON)  # Thursday 10 December, a working day
HISTORY = "How many times has this child been on a plan for neglect before this one?"


def _checklist() -> dict:
    content = copy.deepcopy(CHECKLIST)
    content["sections"][0]["questions"].append(
        {"id": "repeat-plans", "text": HISTORY, "type": "number", "required": True, "allow_na": False, "options": [],
         "flag_if": [], "flag_at_least": 1, "escalate_if": [], "show_if": None, "guidance": "Repeat plans."})
    return content


def _audit(services: Services, checklist_hash: str, case: str, submitted: datetime, no: tuple[str, ...]) -> None:
    """A submitted North audit of `case`: `no` answered No, one earlier plan (a flagged count), the rest Yes."""
    audit_id = next_audit_id(services.storage)
    answers = [(audit_id, q["id"], "1" if q["id"] == "repeat-plans" else "no" if q["id"] in no else "yes",
                int(q["id"] == "repeat-plans" or q["id"] in no), "U0MGRN001", utc_text(submitted))
               for q in _checklist()["sections"][0]["questions"]]
    insert_audits(services.storage, [(audit_id, "case-audit", checklist_hash, case, "U0MGRN001", "U0PRAN001",
                                      "north-assessment", "submitted", "done", "requires_improvement",
                                      utc_text(submitted), utc_text(submitted), utc_text(submitted), None)],
                  answers, [], [])


def _audits(services: Services) -> None:
    checklist_hash = snapshot_checklist(services.storage, _checklist(), datetime(2026, 1, 1, tzinfo=UTC))
    day = NOW.astimezone(UTC) - timedelta(days=9)  # last week's: the weeks `digest` and plain `themes` count
    _audit(services, checklist_hash, "CR-551234", day, ("chronology",))  # audited, then re-audited the next day
    _audit(services, checklist_hash, "CR-551234", day + timedelta(days=1), ("chronology",))
    _audit(services, checklist_hash, "CR-552001", day, ("plan-smart",))
    _audit(services, checklist_hash, "CR-552002", day, ("plan-smart",))


def test_the_theme_is_the_practice_question_answered_no_not_a_history_count(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        [themes] = engine.message("U0ADMIN01", "themes across teams this month", surface="terminal")
        [recent] = engine.message("U0ADMIN01", "recurring issues across teams", surface="terminal")
        home = "\n".join(section.text for section in home_sections(engine, services, "U0MGRN001"))
    for text in (themes.text, recent.text):
        assert ("   1. (Full case audit) Is the plan specific, measurable and time-bound? answered “No” in 2 "
                "audits") in text, text
        assert HISTORY not in text and "   2." not in text  # one case's chronology, audited twice, is no theme
    assert "as the digest lists them (audits submitted" in home
    assert ": (Full case audit) Is the plan specific, measurable and time-bound? answered “No” in 2 audits" in home
    assert HISTORY not in home
