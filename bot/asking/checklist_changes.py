"""What a reload changed in each checklist, question by question, and which audits in progress keep the old version.

Trial 52 (F7): a QA lead reworded, removed and added questions of the neglect checklist, and `kb reload` said only
"Changed: neglect… audits already started keep the version they started with": not what changed, nor that draft #140
(Team manager (North)) was on the old version. Now each changed checklist gets a line: its questions added, reworded
and removed, by number and id, against the version served before the reload, or, where the bot started on the change
already, the version the drafts still on it started with; then the drafts that keep an older version, by number and
auditor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.core.knowledge import ReloadResult
from bot.core.replies import count_of
from bot.core.services import Services
from bot.storage import audits as store
from knowledge.checklist_schema import Checklist


def changed_ids(result: ReloadResult) -> list[str]:
    """The checklists this reload, or the start before it, changed (added and removed ones have no old version)."""
    ids = [*(result.checklist_diff.changed if result.checklist_diff else ()),
           *(result.checklists_at_start.changed if result.checklists_at_start else ())]
    return list(dict.fromkeys(ids))


def said(services: Services, result: ReloadResult, live: dict[str, Checklist]) -> list[str]:
    """A line per changed checklist: its question changes, then the audits in progress on an older version."""
    lines = []
    for checklist_id in changed_ids(result):
        checklist = live.get(checklist_id)
        if checklist is None:
            continue
        drafts = store.drafts_on_older(services.storage, checklist_id, checklist.content_hash)
        before = _before(services, result, checklist, drafts)
        parts = [questions_changed(before, checklist)] if before is not None else []
        if drafts:
            which = ", ".join(f"#{draft.id}, {services.directory.label(draft.auditor_id)}" for draft in drafts)
            keeps = "keeps" if len(drafts) == 1 else "keep"
            parts.append(f"{count_of(len(drafts), 'audit')} in progress {keeps} the old version: {which}")
        else:
            parts.append("no audit in progress is on the old version")
        lines.append(f"`{checklist_id}`: " + "; ".join(parts) + ".")
    return lines


def _before(services: Services, result: ReloadResult, checklist: Checklist,
            drafts: Sequence[store.AuditRow]) -> Checklist | None:
    older = result.checklists_before.get(checklist.id)
    if older is not None and older.content_hash != checklist.content_hash:
        return older
    if drafts:  # the start took the change live: the version the latest draft on an older one started with
        return store.checklist_version(services.storage, drafts[-1].checklist_hash)
    return None


def questions_changed(before: Checklist, after: Checklist) -> str:
    """"1 question added (9 `plan-reviewed`), 1 reworded (3 `gcp2-repeated`), 1 removed (was 6 `chronology`)", numbered
    as the checklist numbers them (the new version's numbers; a removed question's the old one's)."""
    old = {question.id: (number, question) for number, question in enumerate(before.questions(), 1)}
    new = {question.id: (number, question) for number, question in enumerate(after.questions(), 1)}
    added = [(number, qid) for qid, (number, _) in new.items() if qid not in old]
    removed = [(number, qid) for qid, (number, _) in old.items() if qid not in new]
    reworded = [(number, qid) for qid, (number, question) in new.items()
                if qid in old and old[qid][1].text != question.text]
    parts = [f"{len(items)} {what} ({_listed(items, was)})"
             for items, what, was in ((added, "added", ""), (reworded, "reworded", ""), (removed, "removed", "was "))
             if items]
    if not parts:
        return "no question added, reworded or removed (guidance, options or order changed)"
    first, *rest = parts
    noun = "question" if first.startswith("1 ") else "questions"
    return ", ".join([first.replace(" ", f" {noun} ", 1), *rest])


def _listed(items: Iterable[tuple[int, str]], was: str) -> str:
    return ", ".join(f"{was}{number} `{qid}`" for number, qid in items)
