"""What share of each team's audits submitted this month a moderator has decided: the line at the head of
`/audit moderate`, so a QA lead drawing a monthly sample sees where to sample next (trial 62 F4: a queue of every audit
ever submitted said nothing of how much of each team's month had been moderated)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.core.services import Services
from bot.core.targets import month_bounds
from bot.storage.reports import digests as store


def shares(services: Services, team_ids: Sequence[str], today: date) -> dict[str, tuple[int, int]]:
    """team -> (moderated, submitted) of its completed audits submitted in the month holding `today`, every team
    asked for (0 of 0 where none was submitted)."""
    found = store.moderated_of_submitted(services.storage, *month_bounds(today, services), team_ids)
    return {team_id: found.get(team_id, (0, 0)) for team_id in team_ids}


def share_said(moderated: int, submitted: int) -> str:
    """'2 of 11 (18%)', '0 of 6', 'none submitted': the percentage only where some were moderated."""
    if not submitted:
        return "none submitted"
    return f"{moderated} of {submitted} ({moderated / submitted:.0%})" if moderated else f"0 of {submitted}"


def this_month(services: Services, team_ids: Sequence[str]) -> str:
    """'Moderated this month (audits submitted in December 2026): North Assessment Team 2 of 11 (18%), South Child in
    Need and Protection 0 of 6.', least moderated first (by share, then name) so the team to sample leads; empty
    for no team."""
    if not team_ids:
        return ""
    today = services.local_now().date()
    counted = shares(services, team_ids, today)
    names = {team_id: services.directory.teams[team_id].name for team_id in team_ids}
    order = sorted(team_ids, key=lambda t: (counted[t][0] / counted[t][1] if counted[t][1] else 2.0, names[t]))
    teams = ", ".join(f"{names[t]} {share_said(*counted[t])}" for t in order)
    return f"Moderated this month (audits submitted in {today:%B %Y}): {teams}."
