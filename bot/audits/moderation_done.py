"""What a moderator is told who tries to moderate an audit already moderated (`agree 1`, *Agree*, *Disagree*, a
grade's button, `/audit moderate 1`): who decided it and how, and where to read it. A trial's QA lead typed
`agree 1` on such an audit and was told "You are not moderating audit #1. Open an audit from /audit moderate
first", which sent them to a list it was not in."""

from __future__ import annotations

from bot.audits.core import grade_label
from bot.audits.moderation_hold import day
from bot.core import policy
from bot.core.markup import bold
from bot.core.services import Services
from bot.errors import StaleAction
from bot.settings.people import Person
from bot.storage import audits as store
from bot.storage import readback as readback_store
from bot.storage.common import parse_utc

CHANGE_COMMAND = "change moderation {id}"  # its moderator re-opens a decision (bot.audits.moderation_change)


def already_moderated(services: Services, person: Person, audit: store.AuditRow) -> StaleAction | None:
    """None unless the audit is moderated. To those who may read it (bot.core.policy.may_view, with its moderator)
    the decision said back; to another moderator who may not, only that there is nothing left to decide."""
    if audit.status != "moderated":
        return None
    decided = readback_store.latest_moderation(services.storage, audit.id)
    moderators = (decided["moderator_id"],) if decided else ()
    if decided is None or not policy.may_view(services.directory, person, audit, moderators=moderators):
        return StaleAction(f"Audit #{audit.id} is already moderated, so there is nothing left to decide.")
    who = services.directory.label(decided["moderator_id"])
    who = "you" if decided["moderator_id"] == person.user_id else who
    auditors = grade_label(audit.overall_grade or "")
    outcome = (f"agreed with the auditor's grade, {bold(grade_label(decided['grade']))}" if decided["agrees"] else
               f"disagreed with the auditor's {bold(auditors)} and graded it {bold(grade_label(decided['grade']))}")
    when = f" on {day(services, parse_utc(decided['decided_at']))}" if decided.get("decided_at") else ""
    change = (f" To change your decision, type `{CHANGE_COMMAND.format(id=audit.id)}`."
              if decided["moderator_id"] == person.user_id else "")  # trial 26: no way to change it was said
    return StaleAction(f"Audit #{audit.id} is already moderated: {who} {outcome}{when}, so there is nothing left to "
                       f"decide. `/audit show {audit.id}` shows it, with the moderation.{change}")
