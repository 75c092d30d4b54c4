"""Whose audits a team's per-auditor lines count: the one rule for the weekly digest, `/audit auditors` and Home.

Each member of the team is counted with every audit they completed, whatever the case's team: the figure Home gives
them against their own target (bot.core.targets month_so_far), which is set in teams.yaml for the team they belong
to. Anyone else who audited the team's cases (a QA lead's campaign audit, a manager of another team in a peer
campaign) is listed with those audits only. Trial 26: the digest counted a member's audit of another team's case under
that team, so it said "1 in December; target 2, 1 to go" on the day Home and `/audit auditors` said "2 audits (target
2, met)" for the same person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.settings.people import Directory, Team

Counts = dict[str, dict[str, tuple[int, int]]]  # the audit's team -> auditor -> (first span's count, second's)


@dataclass(frozen=True)
class AuditorFigures:
    """One auditor on a team's lines: their audits in the week (or the period asked for) and the month, their
    monthly target in this team, and where some of them were of other teams' cases."""

    user_id: str
    label: str
    week: int
    month: int
    target: int
    member: bool = True  # a member of the team; else listed for their audits of its cases only
    # For a member, the other teams whose cases they audited: (team name, week, month), in teams.yaml's order.
    elsewhere: tuple[tuple[str, int, int], ...] = ()
    home_teams: str = ""  # for someone listed who is not a member: the teams they belong to, named

    @property
    def week_elsewhere(self) -> int:
        return sum(week for _, week, _ in self.elsewhere)

    @property
    def month_elsewhere(self) -> int:
        return sum(month for _, _, month in self.elsewhere)


def by_auditor(counts: Counts) -> dict[str, dict[str, tuple[int, int]]]:
    """auditor -> the audit's team -> their counts, from bot.storage.reports.digests `auditor_counts`."""
    found: dict[str, dict[str, tuple[int, int]]] = {}
    for team_id, auditors in counts.items():
        for auditor, figures in auditors.items():
            found.setdefault(auditor, {})[team_id] = figures
    return found


def _summed(figures: Iterable[tuple[int, int]]) -> tuple[int, int]:
    pairs = list(figures)
    return sum(week for week, _ in pairs), sum(month for _, month in pairs)


def team_auditors(directory: Directory, team: Team, counts: Counts) -> tuple[AuditorFigures, ...]:
    """A team's auditors by the one rule (see the module): every member with a target or an audit counted, in the
    team's order, then anyone else who audited the team's cases. `counts` must hold every team's audits (not only
    this team's), or a member's audits of other teams' cases are missed."""
    members = {m.user_id: m.audit_target for m in team.members}
    done = by_auditor(counts)
    names = {t.id: t.name for t in directory.teams.values()}
    order = list(names)
    auditor_ids = [m.user_id for m in team.members if m.audit_target > 0 or m.user_id in done]
    auditor_ids += sorted(uid for uid in counts.get(team.id, {}) if uid not in members)
    found = []
    for uid in auditor_ids:
        if uid in members:
            mine = done.get(uid, {})
            elsewhere = tuple((names.get(t, t), *mine[t]) for t in sorted(mine, key=_position(order))
                              if t != team.id and any(mine[t]))
            found.append(AuditorFigures(uid, directory.label(uid), *_summed(mine.values()), members[uid],
                                        elsewhere=elsewhere))
        else:
            home = ", ".join(t.name for t in directory.teams_of(uid))
            found.append(AuditorFigures(uid, directory.label(uid), *counts[team.id][uid], 0, member=False,
                                        home_teams=home))
    return tuple(found)


def _position(order: list[str]) -> Callable[[str], int]:
    """A sort key putting team ids in teams.yaml's order."""
    return lambda team_id: order.index(team_id) if team_id in order else len(order)


def team_totals(counts: Counts, team_id: str) -> tuple[int, int]:
    """The audits of the team's own cases in each span, whoever audited them: the team's figure, which its auditors'
    lines may exceed (a member's audits of other teams' cases are theirs, not the team's)."""
    return _summed(counts.get(team_id, {}).values())


@dataclass(frozen=True)
class TeamFigure:
    """Teams' audits against their target (trial 35 H2): what their auditors, the members holding a target, completed,
    each one's all and once (as Home and `/audit auditors` count them); and, apart, audits of their cases by anyone
    else (a QA lead, another team's manager in a peer campaign), which no target here is for."""

    week: int
    month: int
    others_week: int = 0
    others_month: int = 0
    target: int = 0  # the holders' monthly targets, each one's once (their highest, as bot.core.targets)


def target_holders(teams: Iterable[Team]) -> set[str]:
    """The members of these teams holding a monthly target: whose audits the teams' figure counts."""
    return {m.user_id for team in teams for m in team.members if m.audit_target > 0}


def left_teams(directory: Directory, counts: Counts) -> set[str]:
    """Auditors in `counts` no longer in teams.yaml (a manager replaced, a worker who left)."""
    return {uid for auditors in counts.values() for uid in auditors if directory.person(uid) is None}


def team_figure(teams: Iterable[Team], counts: Counts, directory: Directory) -> TeamFigure:
    """The one rule for a team's figure against its target, or several teams' together (someone in two counts once):
    the weekly and period digests, Home and `/audit auditors` all count by it. `counts` as for `team_auditors`.
    Trial 58 (F5): a manager replaced in teams.yaml made their audits "of its cases by others" and South's Home said
    "Audits last week: 0" beside "Good or better last week: 4 of 5". An audit counts for the team it was done for:
    one by someone no longer in teams.yaml (who was, when they did it, its manager or member) is the team's own."""
    chosen = list(teams)
    holders = target_holders(chosen)
    done = by_auditor(counts)
    week, month = _summed(pair for uid in sorted(holders) for pair in done.get(uid, {}).values())
    left = left_teams(directory, counts)
    theirs = _summed(pair for team in chosen for uid, pair in counts.get(team.id, {}).items() if uid in left)
    week, month = week + theirs[0], month + theirs[1]
    others = _summed(pair for team in chosen for uid, pair in counts.get(team.id, {}).items()
                     if uid not in holders and uid not in left)
    targets: dict[str, int] = {}
    for member in (m for team in chosen for m in team.members if m.user_id in holders):
        targets[member.user_id] = max(targets.get(member.user_id, 0), member.audit_target)
    return TeamFigure(week, month, *others, target=sum(targets.values()))
