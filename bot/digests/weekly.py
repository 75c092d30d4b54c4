"""The scheduled weekly send: each team's digest to its managers and channel, the service digest to admins. The
channel's names no case (it says how many) unless `case_references_in_channels` is set: a channel is read by more
than the managers, whose own digest, sent to them directly, names the cases (fix 41)."""

from __future__ import annotations

from datetime import datetime

from bot.core.agreement import last_complete_week
from bot.core.outgoing import Outgoing
from bot.core.services import Services
from bot.digests.digest import build_service_digest
from bot.digests.render import service_replies, team_replies
from bot.settings.people import Role


def digest_outgoing(services: Services, now: datetime) -> list:
    """The scheduled weekly send: each team's digest to its managers and channel, the service one to admins."""
    monday = last_complete_week(now.astimezone(services.settings.timezone).date())
    outgoing = []
    service = build_service_digest(services, monday)
    named = services.settings.case_references_in_channels  # else a channel's post counts the cases (fix 41)
    for digest in service.teams:
        team = services.directory.teams[digest.team_id]
        for manager in team.manager_ids:
            outgoing.append(Outgoing(f"{manager}/{team.id}", tuple(team_replies(digest, to_user=manager))))
        if team.digest_channel:
            outgoing.append(Outgoing(f"{team.digest_channel}/{team.id}",
                                     tuple(team_replies(digest, to_channel=team.digest_channel, cases_named=named))))
    for admin in services.directory.ids_with_role(Role.ADMIN):
        outgoing.append(Outgoing(f"{admin}/service", tuple(service_replies(service, to_user=admin))))
    return outgoing
