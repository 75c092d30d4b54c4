"""Whose open actions a team's lists show: its members, and anyone who has left teams.yaml but still owns an open
action of the team's audits (trial 58, F1: a leaver's 22 actions had vanished from `actions team`, the admin's
overdue count and the reminders, while Home still counted them). The audit's team (its case's team) follows the
action up, as Home's "Overdue actions now" already counted it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from bot.core.action_due import overdue_before
from bot.core.services import Services
from bot.storage import actions as action_store
from bot.storage import known_people


def team_action_owners(services: Services, team_ids: Iterable[str]) -> list[str]:
    """The teams' members, and anyone no longer in teams.yaml who owns an open action of these teams' audits."""
    ids = list(team_ids)
    directory = services.directory
    members = sorted({uid for team_id in ids for uid in directory.teams[team_id].member_ids})
    gone = known_people.leavers_owning_team_actions(services.storage, ids, members)
    return sorted({*members, *(uid for uid in gone if uid not in directory.people)})


def open_and_overdue(services: Services, team_id: str, as_at: datetime, today: date) -> tuple[int, int]:
    """(open, overdue) of the team's actions as they stood at `as_at`: those its lists show (`team_action_owners`),
    overdue as bot.core.action_due says on `today`. The one count of a team's overdue actions: Home's *Overdue
    actions now*, the digests' and `/audit actions team overdue` agree (trial 58 F8: the digest counted a moved
    worker's actions in her audits' old team while Home and `actions team` counted them in her new one)."""
    owners = team_action_owners(services, [team_id])
    return action_store.open_and_overdue_of_owners(services.storage, owners, as_at, overdue_before(today).isoformat())


def overdue_by_team(services: Services, team_ids: Sequence[str], as_at: datetime, today: date) -> dict[str, int]:
    """team -> its overdue actions as they stood at `as_at` (`open_and_overdue`), for the figures of several teams."""
    return {team_id: open_and_overdue(services, team_id, as_at, today)[1] for team_id in team_ids}
