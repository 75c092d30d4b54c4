"""Who answers for an action's owner when its auditor can't: the owner's team manager, else an admin (an owner with
no manager of their own). Asked for more time (bot.audits.more_time_answer) and told an action isn't the owner's
(bot.audits.not_mine). In bot.core, not bot.audits, since the requests for more time waiting for someone are listed
by sibling features too (Home, `/audit reminders`, `actions team`: bot.core.more_time_said).

Trial 58 (F2): a manager replaced in teams.yaml kept answering for their audits' actions: requests for more time went
to the leaver and nobody else could change the actions. `auditor_answers` is the one place that decides whether the
auditor still answers for an audit's actions; when they have left, the current manager of the audit's team does
(`team_manager`), and admins may change them too.
"""

from __future__ import annotations

from bot.core import policy
from bot.core.services import Services
from bot.errors import UserError
from bot.settings.people import Person, Role
from bot.storage import audits as store
from bot.storage.actions import ActionRow
from bot.storage.audits import AuditRow

LEFT = "its auditor has left"


def auditor_left(services: Services, audit: AuditRow) -> bool:
    """Whether the audit's auditor is no longer in teams.yaml: then they can answer for nothing in it."""
    return services.directory.person(audit.auditor_id) is None


def auditor_answers(services: Services, audit: AuditRow) -> bool:
    """Whether the auditor still answers for this audit's actions (their dates, owners, requests for more time): while
    they are still in teams.yaml and may still change the audit: submitted, not yet opened by a moderator, as
    bot.audits.lifecycle.action_edit_refusal has it for its auditor (a test holds the two together)."""
    return not auditor_left(services, audit) and audit.status == "submitted"


def team_manager(services: Services, audit: AuditRow) -> str | None:
    """The current manager of the team the audit was done for, when its auditor has left (None otherwise, or when the
    team has no manager now)."""
    team = services.directory.teams.get(audit.team_id or "") if auditor_left(services, audit) else None
    return next(iter(team.manager_ids), None) if team is not None else None


def may_answer_for(services: Services, person: Person | None, audit: AuditRow, owner_id: str) -> bool:
    """Whether `person` may change an action of this audit once its auditor no longer answers for it: a manager of the
    owner or an admin (bot.core.policy.may_give_more_time), and, once its auditor has left, the manager of the audit's
    team."""
    if person is None:
        return False
    if policy.may_give_more_time(services.directory, person, owner_id):
        return True
    return auditor_left(services, audit) and (audit.team_id or "") in services.directory.managed_team_ids(
        person.user_id)


def manager_or_admin(services: Services, owner_id: str) -> tuple[str, bool] | None:
    """(who, whether they are the owner's manager rather than an admin), or None when there is nobody but the
    owner."""
    managers = [m for m in services.directory.managers_of(owner_id) if m != owner_id]
    if managers:
        return managers[0], True
    admins = [a for a in services.directory.ids_with_role(Role.ADMIN) if a != owner_id]
    return (admins[0], False) if admins else None


def auditor_or_manager(services: Services, auditor_id: str, owner_id: str) -> tuple[str, str] | None:
    """Who hears about an action for its auditor: ("auditor") the auditor while they are still here and not the
    owner; else ("manager") the owner's team manager, or ("admin") an admin; None when there is nobody but the
    owner. Told an action isn't the owner's (bot.audits.not_mine) and that it was marked done
    (bot.audits.action_done_told)."""
    if auditor_id != owner_id and services.directory.person(auditor_id) is not None:
        return auditor_id, "auditor"
    found = manager_or_admin(services, owner_id)
    if found is None:
        return None
    return found[0], "manager" if found[1] else "admin"


def approver(services: Services, action: ActionRow) -> tuple[str, str]:
    """Who answers a request for more time on this action now, and who they are to the owner: the auditor while they
    answer for the audit's actions (`auditor_answers`); else, once the auditor has left, the audit's team's manager;
    else the owner's manager; else (an owner with no manager of their own) an admin. Asked when a request is sent
    and every time one waiting is listed or answered, so a request follows a worker who moves team, or an audit
    a moderator opens, to whoever answers it now (trial 58 F8: it stayed with the old manager, who could not answer
    it). An auditor who is also the owner's manager is "your manager" either way (trial 43)."""
    audit = store.get_audit(services.storage, action.audit_id)
    if audit is not None and auditor_answers(services, audit):
        managers = services.directory.managers_of(action.owner_id)
        return audit.auditor_id, "your manager" if audit.auditor_id in managers else "the auditor"
    if audit is not None and (manager := team_manager(services, audit)) is not None and manager != action.owner_id:
        return manager, f"the team's manager ({LEFT})"  # trial 58, F2: never the leaver
    found = manager_or_admin(services, action.owner_id)
    if found is None:
        raise UserError(f"Action {action.id}'s audit can't be changed now and there is nobody I can ask to give it "
                        "more time: ask a QA lead. Nothing was asked.")
    return found[0], "your manager" if found[1] else "an admin (you have no manager I can ask)"


def answerer_now(services: Services, action: ActionRow) -> str | None:
    """Who answers a request for more time on this action now (`approver`), or None when nobody can."""
    try:
        return approver(services, action)[0]
    except UserError:
        return None


def others_who_answer(services: Services, action: ActionRow) -> list[str]:
    """Who besides `approver` may answer a request for more time on this action now, under the rules
    bot.audits.more_time_answer.answerable applies (trial 60 F10: a worker whose manager is away past the day asked for
    is told who else may answer, never a new permission): nobody while its auditor answers for the audit (only they
    change a submitted audit's actions; a cover takes moderation requests only); else the owner's other managers,
    else the admins (bot.core.policy.may_give_more_time)."""
    audit = store.get_audit(services.storage, action.audit_id)
    if audit is None or auditor_answers(services, audit):
        return []
    first = answerer_now(services, action)
    skip = {first, action.owner_id}
    managers = [m for m in services.directory.managers_of(action.owner_id) if m not in skip]
    return managers or [a for a in services.directory.ids_with_role(Role.ADMIN) if a not in skip]
