"""The export's content: audits, answers, actions and moderation results for performance clinics, as `audit-bot
export` writes them and `/audit export` sends them (the one code for both, so the file is the same wherever it is
asked for: fix43b).

CSV has one row per answer with the audit's fields repeated (what a spreadsheet pivot wants); JSON nests
answers, actions and moderations under each audit. Cancelled audits and drafts are left out.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TextIO

from bot.core.question_numbers import tied_tag
from bot.core.services import Services
from bot.core.spreadsheet_cells import safe_fields
from bot.digests.export_sharing import WITHOUT_ANSWER, WITHOUT_AUDIT, answer_without, kept, nested_without
from bot.storage.audits import checklist_version
from bot.storage.db import Storage
from bot.storage.errors import NotFound
from bot.storage.reports.export import audit_details, exported_audits
from knowledge.checklist_schema import GRADE_LABELS, Checklist

AUDIT_COLUMNS = ("audit_id", "checklist_id", "case_ref", "auditor_id", "worker_id", "team_id", "status",
                 "suggested_grade", "overall_grade", "grade_reason", "submitted_at", "moderated_at",
                 "moderation_agrees", "moderation_grade", "moderation_reason", "open_actions", "done_actions", "demo",
                 "campaign_id", "grade_of_record", "strengths", "development", "actions", "reflections",
                 # for a clinic reading the sheet (trial 22: people were Slack ids only, grades codes only, and the
                 # moderation sample unmarked, trial 21): staff names as teams.yaml gives them, never a child's
                 "auditor_name", "worker_name", "team_name", "grade_of_record_label", "moderation_sample")
# question_number (its place in the checklist the audit used, 1 first) and question_text: a clinic reads answers in
# the checklist's order, by their question (trial 21: they came sorted by id, with no question to read)
ANSWER_COLUMNS = ("question_number", "question_id", "question_text", "value", "evidence", "flagged", "answered_at")
PROGRESS_EVERY = 1000


def export_audits(services: Services, since: str | None, teams: list[str] | None, campaign: int | None = None,
                  progress: Callable[[int, int], None] | None = None) -> list[dict[str, Any]]:
    """Submitted, in-moderation and moderated audits with their answers, actions and moderations; `progress`
    (done, of) is told every PROGRESS_EVERY audits, for a long export at a terminal."""
    storage = services.storage
    directory = services.directory
    audits = exported_audits(storage, since, teams, campaign)
    result = []
    for number, audit in enumerate(audits, 1):
        details = audit_details(storage, audit["id"])
        checklist = _checklist_of(storage, audit)
        details["answers"] = in_checklist_order(checklist, details["answers"])
        for action in details["actions"]:  # "(Q4)", as the review and the worker's summary tie it (fix63c)
            action["question"] = tied_tag(checklist, action["question_id"]).strip(" ()") if checklist else ""
            # the owner as teams.yaml names them, as auditor_name does: "U0PRAS001" meant nothing in a clinic's
            # spreadsheet (trial 62 F6); the id only for someone teams.yaml never knew
            action["owner_name"] = directory.label(action["owner_id"]) if action["owner_id"] else ""
        team = directory.teams.get(audit["team_id"] or "")
        names = {"auditor_name": directory.label(audit["auditor_id"]),
                 "worker_name": directory.label(audit["worker_id"]) if audit["worker_id"] else "",
                 "team_name": team.name if team else ""}
        result.append({"audit": audit, **details, "names": names})
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, len(audits))
    return result


def _checklist_of(storage: Storage, audit: dict[str, Any]) -> Checklist | None:
    """The checklist the audit was answered on (its snapshot); None if the snapshot is missing (none should be)."""
    try:
        return checklist_version(storage, audit["checklist_hash"])
    except NotFound:
        return None


def in_checklist_order(checklist: Checklist | None, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answers in the order the audit's checklist asks them, each with its question's place, text and type (a
    text question's answer is left out of a file shared beyond the service); an answer whose question the snapshot
    lacks (none should) goes last, numbered and worded as unknown."""
    known = {q.id: (place, q.text, q.type) for place, q in enumerate(checklist.questions() if checklist else [], 1)}
    placed = [{"question_number": known.get(a["question_id"], (None, "", ""))[0],
               "question_text": known.get(a["question_id"], (None, "", ""))[1],
               "question_type": known.get(a["question_id"], (None, "", ""))[2], **a} for a in answers]
    return sorted(placed, key=lambda a: (a["question_number"] is None, a["question_number"] or 0))


def _audit_fields(item: dict[str, Any]) -> dict[str, Any]:
    audit = item["audit"]
    last = item["moderations"][-1] if item["moderations"] else {}
    return {
        "audit_id": audit["id"], "checklist_id": audit["checklist_id"], "case_ref": audit["case_ref"],
        "auditor_id": audit["auditor_id"], "worker_id": audit["worker_id"], "team_id": audit["team_id"],
        "status": audit["status"], "suggested_grade": audit["suggested_grade"],
        "overall_grade": audit["overall_grade"], "grade_reason": audit["grade_reason"],
        "submitted_at": audit["submitted_at"], "moderated_at": audit["moderated_at"],
        "moderation_agrees": last.get("agrees"), "moderation_grade": last.get("grade"),
        "moderation_reason": last.get("reason"),
        "open_actions": sum(1 for a in item["actions"] if not a["done_at"]),
        "done_actions": sum(1 for a in item["actions"] if a["done_at"]),
        "demo": bool(audit.get("demo")),  # invented by `audit-bot demo-data`, not a real case
        "campaign_id": audit.get("campaign_id"),  # the audit campaign it was allocated in, if any
        # the grade that counts: the moderator's once moderated (overall_grade stays the auditor's own)
        "grade_of_record": audit.get("moderated_grade") or audit["overall_grade"],
        # the narrative, for a clinic working in a spreadsheet: one cell each, actions and reflections one a line
        "strengths": audit["strengths"], "development": audit["development"],
        "actions": "\n".join(_action_text(action) for action in item["actions"]),
        "reflections": "\n".join(f"{r['created_at'][:10]}: {r['text']}" for r in item.get("reflections", ())),
        **item.get("names", {}),
        "grade_of_record_label": GRADE_LABELS.get(audit.get("moderated_grade") or audit["overall_grade"] or "", ""),
        "moderation_sample": bool(audit.get("moderation_sample")),  # drawn in its campaign's moderation sample
    }


def _action_text(action: dict[str, Any]) -> str:
    state = f"done {action['done_at'][:10]}" if action["done_at"] else "open"
    tied = f" ({action['question']})" if action.get("question") else ""
    owner = action.get("owner_name") or action["owner_id"]
    return f"{action['id']}. {action['description']}{tied} ({owner}, due {action['due_date']}, {state})"


def write_csv(items: list[dict[str, Any]], out: TextIO, sharing: re.Pattern[str] | None = None) -> int:
    """One row per answer; free text that a spreadsheet would run as a formula is kept as text (safe_cell). With
    `sharing` (the case reference pattern), no case reference column and no free text (bot.digests.export_sharing)."""
    audit_columns, answer_columns = ((kept(AUDIT_COLUMNS, WITHOUT_AUDIT), kept(ANSWER_COLUMNS, WITHOUT_ANSWER))
                                     if sharing else (AUDIT_COLUMNS, ANSWER_COLUMNS))
    writer = csv.DictWriter(out, fieldnames=[*audit_columns, *answer_columns], extrasaction="ignore")
    writer.writeheader()
    rows = 0
    for item in items:
        fields = _audit_fields(item)
        for answer in item["answers"] or [dict.fromkeys(answer_columns)]:
            writer.writerow(safe_fields({**fields, **(answer_without(answer, sharing) if sharing else answer)}))
            rows += 1
    return rows


def write_json(items: list[dict[str, Any]], out: TextIO, campaigns: list[dict[str, Any]] | None = None,
               summary: list[dict[str, Any]] | None = None, sharing: re.Pattern[str] | None = None) -> int:
    payload = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "campaigns": campaigns or [],
        "summary": summary or [],  # the summary sheet's rows (bot.digests.export_summary)
        "audits": [_json_audit(item, sharing) for item in items],
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return len(items)


def _json_audit(item: dict[str, Any], sharing: re.Pattern[str] | None) -> dict[str, Any]:
    """One audit's record; with `sharing`, no case reference and no free text (bot.digests.export_sharing)."""
    nested = {"actions": item["actions"], "moderations": item["moderations"],
              "reflections": item.get("reflections", [])}
    if not sharing:
        return {**_audit_fields(item), "answers": item["answers"], **nested}
    fields = {key: value for key, value in _audit_fields(item).items() if key not in WITHOUT_AUDIT}
    return {**fields, "answers": [answer_without(answer, sharing) for answer in item["answers"]],
            **{name: nested_without(name, rows) for name, rows in nested.items() if name != "reflections"},
            "reflections": [{key: value for key, value in row.items() if key != "text"}
                            for row in nested["reflections"]]}


def summary_start(services: Services, since: str | None, items: list[dict[str, Any]]) -> date:
    """The summary's first day: `since`'s, else the day the first exported audit was submitted, else this month's
    first (nothing exported: the month's row still says so)."""
    if since:
        return date.fromisoformat(since[:10])
    today = services.local_now().date()
    if not items:
        return today.replace(day=1)
    first = datetime.fromisoformat(items[0]["audit"]["submitted_at"])
    return min(first.astimezone(services.settings.timezone).date(), today).replace(day=1)
