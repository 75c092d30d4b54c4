"""Write invented audits, actions and moderations straight into the schema, for reminder and digest tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.core.services import Services
from bot.storage.common import utc_text
from bot.storage.demo_data import insert_audits, next_action_id, next_audit_id, snapshot_checklist

CHECKLIST = {
    "id": "case-audit",
    "title": "Full case audit",
    "description": "An invented checklist for tests.",
    "sections": [{
        "id": "plan",
        "title": "Planning",
        "questions": [
            {"id": "plan-smart", "text": "Is the plan specific, measurable and time-bound?", "type": "yes_no",
             "required": True, "allow_na": False, "options": [], "flag_if": ["no"], "escalate_if": [],
             "show_if": None, "guidance": "Good looks like a plan a family can follow: who does what by when."},
            {"id": "child-seen", "text": "Was the child seen alone at the last visit?", "type": "yes_no",
             "required": True, "allow_na": False, "options": [], "flag_if": ["no"], "escalate_if": [],
             "show_if": None, "guidance": "Good looks like a record of the child seen alone and what they said."},
            {"id": "voice", "text": "How well is the child's voice recorded?", "type": "scale",
             "required": True, "allow_na": False, "options": [], "flag_if": ["inadequate"], "escalate_if": [],
             "show_if": None, "guidance": "Good looks like the child's words in the record, not a summary."},
            {"id": "chronology", "text": "Is there an up-to-date chronology?", "type": "yes_no",
             "required": True, "allow_na": False, "options": [], "flag_if": ["no"], "escalate_if": [],
             "show_if": None, "guidance": "Good looks like significant events with dates, updated this month."},
        ],
    }],
}


class AuditRows:
    """Adds rows with sensible defaults; every time is an aware datetime."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.hash = snapshot_checklist(services.storage, CHECKLIST, datetime(2026, 1, 1, tzinfo=UTC))
        self._case = 104000

    def audit(self, auditor: str = "U0MGRN001", team: str = "north-assessment", status: str = "submitted",
              submitted: datetime | None = None, updated: datetime | None = None, grade: str | None = "good",
              flagged: tuple[str, ...] = (), worker: str = "U0PRAN001") -> int:
        audit_id = next_audit_id(self.services.storage)
        self._case += 1
        started = updated or submitted or datetime(2026, 11, 2, 10, tzinfo=UTC)
        answers = [
            (audit_id, q["id"], ("no" if q["id"] in flagged else "yes"), int(q["id"] in flagged), auditor,
             utc_text(started))
            for q in CHECKLIST["sections"][0]["questions"]
        ]
        row = (audit_id, "case-audit", self.hash, f"CR-{self._case}", auditor, worker, team, status,
               "done" if status != "draft" else "question:plan-smart", grade if status != "draft" else None,
               utc_text(started), utc_text(updated or submitted or started),
               utc_text(submitted) if submitted and status != "draft" else None, None)
        insert_audits(self.services.storage, [row], answers, [], [])
        return audit_id

    def action(self, audit_id: int, owner: str, due: date, done: bool = False, escalated: bool = False,
               description: str = "Update the chronology") -> int:
        action_id = next_action_id(self.services.storage)
        created = utc_text(datetime(2026, 11, 2, 10, tzinfo=UTC))
        insert_audits(self.services.storage, [], [], [(
            action_id, audit_id, description, owner, due.isoformat(), "U0MGRN001", created,
            created if done else None, owner if done else None, created if escalated else None,
        )], [])
        return action_id

    def moderation(self, audit_id: int, moderator: str, opened: datetime, decided: datetime | None = None,
                   agrees: bool | None = None, grade: str | None = None) -> None:
        """A moderation; `grade` is the moderator's (the bot always stores one with a decision, which makes it
        the audit's grade of record)."""
        insert_audits(self.services.storage, [], [], [], [(
            audit_id, moderator, utc_text(opened), utc_text(decided) if decided else None,
            None if agrees is None else int(agrees), grade, None,
        )])
