"""Who answers for an action's owner when its auditor can't: the owner's team manager, else an admin (an owner with
no manager of their own). Asked for more time (bot.audits.more_time_answer) and told an action isn't the owner's
(bot.audits.not_mine)."""

from __future__ import annotations

from bot.core.services import Services
from bot.settings.people import Role


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
