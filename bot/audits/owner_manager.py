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
