"""Nobody audits their own case: the refusal, before an audit of a case starts or a cancelled one is restored, when
the case is the auditor's on the record (bot.core.policy.is_own_case).

Trial 34: a social worker started an audit of her own Inadequate case (its last audit named her as the worker, and
its open actions were hers), picked her manager as "the worker", graded it Good, and it counted as the case's
re-audit ("Inadequate → Good: improved") and took the case off `reaudits`. A heads-up asked her to cancel; nothing
stopped her. Now the case is read, not the worker picked, so picking someone else does not get round it; nothing is
stored, and the reply says who audits the case instead."""

from __future__ import annotations

from bot.core import policy
from bot.core.services import Services
from bot.settings.people import Person, Role
from bot.storage.case_parties import case_parties


def refusal(services: Services, person: Person, reference: str, exclude: int = 0,
            checklist_id: str | None = None) -> str | None:
    """Why this person may not audit this case (their own on the record), who should, and how to look it over
    themselves; None when it is not their case. `exclude`: the audit being restored, which does not count."""
    if self_audit_allowed(services, person):
        return None
    parties = case_parties(services.storage, reference, exclude)
    latest = parties.latest
    owners = {action.owner_id for action in parties.open_actions}
    if not policy.is_own_case(person, latest.worker_id if latest else None, owners):
        return None
    why = []
    if latest is not None and latest.worker_id == person.user_id:
        why.append(f"audit #{latest.id} names you as its worker")
    mine = [str(action.id) for action in parties.open_actions if action.owner_id == person.user_id]
    if mine and person.role is Role.PRACTITIONER:
        numbers = ", ".join(mine[:-1]) + f" and {mine[-1]}" if len(mine) > 1 else mine[0]
        why.append(f"action{'s' if len(mine) > 1 else ''} {numbers} on it {'are' if len(mine) > 1 else 'is'} yours")
    team_id = latest.team_id if latest is not None else next(iter(person.team_ids), None)
    read = f"`checklist {checklist_id}`" if checklist_id else "`checklist` and a name (`checklist neglect`)"
    return (f"{reference} is your case: {' and '.join(why)}. Nobody audits their own case, whoever is picked as its "
            f"worker: ask {who_audits(services, person, team_id)} to audit it. To "
            f"look over it yourself before supervision, {read} shows what an audit asks and what good looks like.")


def self_audit_allowed(services: Services, person: Person | None) -> bool:
    """`allow_self_audit: true` in settings.yaml lets a manager audit a case where they are the worker (a service
    whose managers carry cases and has nobody else to audit them); practitioners never, and by default nobody."""
    return services.settings.allow_self_audit and person is not None and person.role is Role.MANAGER


def own_worker_refusal(services: Services, person: Person, checklist_id: str) -> str:
    """The refusal of an auditor picking themself as the case's worker: who audits it instead (a manager is told
    their team's other managers or a QA lead, never "your manager"), and how to look over it themselves."""
    team_id = next(iter(person.team_ids), None)
    who = who_audits(services, person, team_id) if person.role is Role.MANAGER else "your manager or a QA lead"
    return (f"You can't audit your own case: audits are independent. Pick the worker whose case this is, and ask "
            f"{who} to audit your own cases. To look over your own case before supervision, `checklist "
            f"{checklist_id}` shows what this audit asks and what good looks like at each question (`cancel` drops "
            "this start).")


def who_audits(services: Services, person: Person, team_id: str | None) -> str:
    """The case team's managers (not the person refused), else a QA lead or an admin."""
    team = services.directory.teams.get(team_id or "")
    managers = [services.directory.label(m) for m in (team.manager_ids if team else ()) if m != person.user_id]
    if not managers:
        return "a QA lead or an admin"
    return f"its manager{'s' if len(managers) > 1 else ''} ({', '.join(managers)}), a QA lead or an admin"
