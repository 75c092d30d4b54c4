"""Whose open actions a team's lists show: its members, and anyone who has left teams.yaml but still owns an open
action of the team's audits (trial 58, F1: a leaver's 22 actions had vanished from `actions team`, the admin's
overdue count and the reminders, while Home still counted them). The audit's team (its case's team) follows the
action up, as Home's "Overdue actions now" already counted it."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.services import Services
from bot.storage import known_people


def team_action_owners(services: Services, team_ids: Iterable[str]) -> list[str]:
    """The teams' members, and anyone no longer in teams.yaml who owns an open action of these teams' audits."""
    ids = list(team_ids)
    directory = services.directory
    members = sorted({uid for team_id in ids for uid in directory.teams[team_id].member_ids})
    gone = known_people.leavers_owning_team_actions(services.storage, ids, members)
    return sorted({*members, *(uid for uid in gone if uid not in directory.people)})
