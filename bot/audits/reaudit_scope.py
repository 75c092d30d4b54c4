"""What `/audit reaudits` and `/audit reaudits outcomes` share: whose re-audits a person reads (the teams
bot.core.policy.readable_teams gives, managers their teams', QA leads and admins all, plus the person's own audits and
cases) and the service's re-audit rule in words, so the list of re-audits due and the count of what re-audits found
never disagree."""

from __future__ import annotations

from typing import Any

from bot.audits.core import grade_label
from bot.core import policy
from bot.core.replies import count_of
from bot.core.services import Services
from bot.core.teams import TeamRead, readable_team
from bot.errors import AccessDenied, UserError
from bot.settings.people import Person

USAGE = ("Type `/audit reaudits` for the re-audits due that you can see, `/audit reaudits mine` (your audits and "
         "cases), `/audit reaudits team` (your teams') or `/audit reaudits team <team id>`; add `page 2` for later "
         "ones. `/audit reaudits outcomes` says whether the re-audits of the last 3 months showed improvement.")


def rule_text(services: Services) -> str:
    """The service's rule in words, from settings.yaml: '6 weeks after Inadequate, 12 weeks after …'."""
    rules = services.settings.reaudit.weeks_by_grade
    if not rules:
        return "No grade asks for a re-audit in this service's settings (`reaudit:` in settings.yaml)."
    said = ", ".join(f"{count_of(weeks, 'week')} after {grade_label(grade)}"
                     for grade, weeks in reversed(rules))
    return (f"A case is due for re-audit {said} (the grade of record, after moderation where moderated; counted "
            "from the submission; a later moderation that changes the grade never takes a re-audit off the overdue "
            "list, nor makes one overdue the day it is decided).")


def scope_and_team(services: Services, person: Person,
                   words: list[str]) -> tuple[str, dict[str, Any], TeamRead | None]:
    """(whose, filter for bot.storage.reaudits, the team named when one was: `team north`) for the words after
    `/audit reaudits`, so the reply says which was read."""
    teams = policy.readable_teams(services.directory, person)
    kind = words[0].lower() if words else ""
    if not words:
        whose = ("every team's cases" if teams is None else "your teams' cases, your audits and your cases" if teams
                 else "your audits and your cases")
        return (whose,
                {} if teams is None else {"people": [person.user_id], "teams": teams}, None)
    if kind == "mine" and len(words) == 1:
        return "your audits and your cases", {"people": [person.user_id]}, None
    if kind == "team" and len(words) == 1:
        if teams is None:
            return "every team's cases", {}, None
        if not teams:
            raise AccessDenied("`/audit reaudits team` is for team managers, QA leads and admins. "
                               "`/audit reaudits` shows the re-audits due on your cases.")
        return "your teams' cases", {"teams": teams}, None
    if kind == "team":  # `team north-assessment`, `team north`, `team children in care`
        team = readable_team(services, teams, " ".join(words[1:]), "see the re-audits")
        return f"{services.directory.teams[team.id].name}'s cases", {"teams": [team.id]}, team
    raise UserError(USAGE)
