"""Who audits what: a deterministic, balanced allocation that keeps every campaign audit independent.

Pure: the same campaign and teams.yaml always give the same allocation. Each case goes to the eligible auditor
(bot.core.policy.may_audit_in_campaign) with the fewest cases so far, ties to the lowest member ID, so no
auditor has more than one case more than another who could have taken it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.campaigns.model import CampaignSpec, CaseItem
from bot.core import policy
from bot.errors import UserError
from bot.settings.people import Directory, Role


@dataclass(frozen=True)
class Allotted:
    """A case and the auditor it is given to."""

    case: CaseItem
    auditor_id: str


def workers_of(directory: Directory, teams: tuple[str, ...], organiser_id: str) -> list[CaseItem]:
    """Each team's practitioners (whose cases are audited), team by team in the order chosen, by member ID."""
    items: list[CaseItem] = []
    seen: set[str] = set()
    for team_id in teams:
        for member in sorted(directory.teams[team_id].members, key=lambda m: m.user_id):
            if member.role is Role.PRACTITIONER and member.user_id not in seen and member.user_id != organiser_id:
                seen.add(member.user_id)
                items.append(CaseItem(None, member.user_id, team_id))
    return items


def cases_to_audit(spec: CampaignSpec, directory: Directory, organiser_id: str) -> list[CaseItem]:
    """The cases of a campaign: those from its CSV file, or `per_worker` unnamed cases of each worker."""
    if spec.cases:
        return list(spec.cases)
    per_worker = spec.per_worker or 0
    return [item for item in workers_of(directory, spec.teams, organiser_id) for _ in range(per_worker)]


def interleaved(items: list[CaseItem]) -> list[CaseItem]:
    """The cases taken one team at a time in turn (first of each team, then second...): with peer auditors a
    team's cases can go to everyone but its own managers, so spreading the teams keeps the loads level."""
    by_team: dict[str, list[CaseItem]] = {}
    for item in items:
        by_team.setdefault(item.team_id, []).append(item)
    queues = list(by_team.values())
    longest = max((len(q) for q in queues), default=0)
    return [queue[i] for i in range(longest) for queue in queues if i < len(queue)]


def candidates(directory: Directory, spec: CampaignSpec, item: CaseItem, organiser_id: str) -> list[str]:
    """Everyone who may audit this case in this campaign, by member ID (see `eligible_auditors`)."""
    return eligible_auditors(directory, spec.auditors, spec.teams, item.worker_id, item.team_id, organiser_id)


def eligible_auditors(directory: Directory, auditors: str, teams: tuple[str, ...], worker_id: str, team_id: str,
                      organiser_id: str) -> list[str]:
    """Who may audit a case of `worker_id` in `team_id`, by member ID: the case's team managers, or (`peer`) the
    managers of the campaign's other `teams`. The one pool for allocating a campaign and for saying, when a
    reassignment is refused, who may take the case instead; a team since taken out of teams.yaml has none."""
    pool_teams = (team_id,) if auditors == "managers" else teams
    pool = sorted({m for t in pool_teams if t in directory.teams for m in directory.teams[t].manager_ids})
    return [a for a in pool if policy.may_audit_in_campaign(directory, auditors, worker_id, team_id, a, organiser_id)]


def allocate(spec: CampaignSpec, directory: Directory, organiser_id: str) -> list[Allotted]:
    """Every case with its auditor (in the order the cases were allotted); a case nobody may audit is one clear
    UserError saying how to fix it."""
    load: dict[str, int] = {}
    eligible_for: dict[tuple[str, str], list[str]] = {}
    result: list[Allotted] = []
    for item in interleaved(cases_to_audit(spec, directory, organiser_id)):
        key = (item.worker_id, item.team_id)
        eligible = eligible_for.get(key)
        if eligible is None:
            eligible = eligible_for[key] = candidates(directory, spec, item, organiser_id)
        if not eligible:
            raise UserError(_nobody(spec, item))
        chosen = min(eligible, key=lambda auditor: (load.get(auditor, 0), auditor))
        load[chosen] = load.get(chosen, 0) + 1
        result.append(Allotted(item, chosen))
    if not result:
        raise UserError("The chosen teams have no practitioners whose cases could be audited. Choose other teams "
                        "or give a CSV file of cases.")
    return result


def _nobody(spec: CampaignSpec, item: CaseItem) -> str:
    if spec.auditors == "managers":
        return (f"Team {item.team_id!r} has no manager who may audit its cases (never their own case, never the "
                "campaign's organiser). Add a manager in teams.yaml, or choose `peer` auditors.")
    return (f"Nobody from another of the campaign's teams may audit the cases of team {item.team_id!r}: peer "
            "audits need managers in at least two of the chosen teams. Add a team, or choose `managers`.")
