"""The scheduled weekly send: each team's digest to its managers and channel, the service digest to admins."""

from __future__ import annotations

from datetime import datetime

from bot.core.outgoing import Outgoing
from bot.core.services import Services
from bot.digests.digest import ServiceDigest, build_team_digests, last_complete_week, week_label
from bot.digests.render import service_replies, team_replies
from bot.settings.people import Role


def digest_outgoing(services: Services, now: datetime) -> list:
    """The scheduled weekly send: each team's digest to its managers and channel, the service one to admins."""
    monday = last_complete_week(now.astimezone(services.settings.timezone).date())
    outgoing = []
    digests = build_team_digests(services, monday)
    for digest in digests:
        team = services.directory.teams[digest.team_id]
        for manager in team.manager_ids:
            outgoing.append(Outgoing(f"{manager}/{team.id}", tuple(team_replies(digest, to_user=manager))))
        if team.digest_channel:
            outgoing.append(Outgoing(f"{team.digest_channel}/{team.id}",
                                     tuple(team_replies(digest, to_channel=team.digest_channel))))
    admins = services.directory.ids_with_role(Role.ADMIN)
    if admins:
        service = ServiceDigest(week=week_label(monday), week_start=monday, teams=tuple(digests))
        for admin in admins:
            outgoing.append(Outgoing(f"{admin}/service", tuple(service_replies(service, to_user=admin))))
    return outgoing
