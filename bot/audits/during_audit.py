"""What happened while an audit was done that its moderator should know before grading it, said briefly.

Trial 26: a moderator opened an audit whose auditor had sent an immediate-concern alert and then withdrawn it, and had
changed the checklist half-way through; both were in the audit's trail (bot.audits.alert_trail, and
bot.storage.audits `switch_checklist`), which no moderator reads, and the moderation screen said nothing of either.
Said from the trail's ids, counts and days only: never an answer's words, a child's name or identifier.
"""

from __future__ import annotations

from bot.core.replies import count_of
from bot.core.services import Services
from bot.storage import trail as trail_store
from bot.storage.trail import TrailRow
from knowledge.dates import short_date

ABOUT = {"answer": "about an answer", "inadequate": "about the Inadequate grade"}


def _day(services: Services, event: TrailRow) -> str:
    return short_date(event.at.astimezone(services.settings.timezone).date(), year=False)


def _alerts(services: Services, events: list[TrailRow], auditor_id: str) -> list[str]:
    """Each alert sent, with whether it was withdrawn (the next withdrawal of the same kind after it) or stands."""
    said = []
    for index, sent in enumerate(events):
        if sent.action != "audit.alert":
            continue
        kind = str(sent.detail.get("kind", ""))
        withdrawn = next((e for e in events[index + 1:] if e.action == "audit.alert_withdrawn"
                          and e.detail.get("kind") == kind), None)
        by = "" if sent.actor == auditor_id else " by a moderator"
        told = count_of(len(sent.detail.get("to") or ()), "person", "people")
        outcome = f"withdrawn on {_day(services, withdrawn)}" if withdrawn else "not withdrawn"
        said.append(f"an immediate-concern alert {ABOUT.get(kind, '')} was sent{by} on {_day(services, sent)} to "
                    f"{told}, {outcome}".replace("  ", " "))
    return said


def _switches(services: Services, events: list[TrailRow]) -> list[str]:
    said = []
    for switch in (e for e in events if e.action == "audit.switch_checklist"):
        detail = switch.detail
        dropped = int(detail.get("dropped") or 0)
        taken = f" ({count_of(dropped, 'answer')} taken out)" if dropped else ""
        if restored := int(detail.get("restored") or 0):  # `undo` straight after a switch (trial 59, F6)
            taken = f" (switched back with `undo`, {count_of(restored, 'answer')} put back)"
        said.append(f"the checklist was changed from {detail.get('from_title') or detail.get('from')} to "
                    f"{detail.get('to_title') or detail.get('to')} on {_day(services, switch)}{taken}")
    return said


def during_audit(services: Services, audit_id: int, auditor_id: str) -> str:
    """'**While it was done:** an immediate-concern alert about an answer was sent on 1 Dec to 3 people, withdrawn on
    1 Dec; the checklist was changed from Child in need to Child protection on 30 Nov (2 answers taken out).', or ''
    when the trail holds neither for this audit."""
    events = trail_store.audit_events(services.storage, audit_id)
    said = _alerts(services, events, auditor_id) + _switches(services, events)
    if not said:
        return ""
    return f"**While it was done:** {'; '.join(said)}."
