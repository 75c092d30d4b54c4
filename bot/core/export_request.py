"""What follows `/audit export` as the person typed it: the team or teams, `since <date>` and `without case refs`, in
any order (fix43b, fix44f). Trial 45 typed `/audit export since 1/9/2026 south` and was told `1/9/2026 south` was no
date: the day's own words are now read apart from the team's. Here in bot.core so the export asked in words
(bot.asking.export_asked) reads what follows `export` as the command does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.export_terms import WITHOUT_REFS_ASKED
from bot.errors import UserError
from knowledge.dates import MONTHS, NUMBER_WORDS, WEEKDAYS

USAGE = "/audit export [team …] [since <date>] [without case refs]"
# what may follow `export` typed without `/audit` (bot.engine.near_miss): a team said as one (`south team`, `team
# south`, `--team south`), a start day, and the sharing version
TYPED = (r"(?:(?:--team[= ]|team\s+)[\w&' -]{1,40}?\s*|[\w&' -]{1,40}?\s+team\s*)?"
         r"(?:(?:since|from)\s+[\w/.,' -]{1,40}?)?(?:\s*[,;-]?\s*(?:without|no)\s+case\s+ref(?:erence)?s?)?")
_SINCE = re.compile(r"(?:^|\s)(?:since|from)(?:\s+|$)", re.IGNORECASE)
# the words a start day is typed in (`1/9/2026`, `2026-09-01`, `1st`, `1 sept 2026`, `the start of september`):
# what follows `since` is the day as far as these go, and the team after it (trial 45: `since 1/9/2026 south`)
_DAY_WORDS = frozenset({*MONTHS, *WEEKDAYS, *(word for word in NUMBER_WORDS if " " not in word), "of", "the",
                        "start", "beginning", "last", "this", "ago", "today", "yesterday", "day", "days", "week",
                        "weeks", "fortnight", "month", "months"})
_DAY_WORD = re.compile(r"\d[\d/.-]*(?:st|nd|rd|th)?,?", re.IGNORECASE)
_NOT_LAST = frozenset({"of", "the", "a", "an"})  # `since 1/9/2026 the south team`: `the` starts the team
# `--team south`, `team south`, `south team`, `the south team`: the team's own words
_TEAM_WORDS = re.compile(r"^(?:-*team[=\s]\s*)|\s+team$|^(?:(?:the|my|our|for|of)\s+)+", re.IGNORECASE)
NO_TEAM = frozenset({"", "all", "every", "whole", "own", "teams", "all teams", "every team", "all my teams"})
@dataclass(frozen=True)
class Request:
    """What `/audit export` was asked for: the case references left out or not, and a start day typed, if any."""

    without_refs: bool
    since: str | None
    team: str | None = None  # a team typed (`/audit export south`): that team only, if the person may see it


def read_request(text: str) -> Request:
    """`without case refs` anywhere, `since <date>`, and the team or teams before or after it, in any order; the
    day's own words are read apart from the team's (`since 1/9/2026 south`); anything else is the usage, in one line."""
    said = " ".join((text or "").split())
    leave_out = WITHOUT_REFS_ASKED.search(said)
    rest = (said[:leave_out.start()] + " " + said[leave_out.end():]) if leave_out else said
    rest = rest.strip(" ,;.-")
    found = _SINCE.search(rest)
    day, team = None, rest
    if found is not None:
        day, after = split_day(rest[found.end():])
        team = ", ".join(part for part in (rest[:found.start()].strip(" ,;.-"), after) if part)
    if (found is not None and not day) or (team.strip() and not re.search(r"[^\W_]", team)):
        raise UserError(f"That isn't how `/audit export` is typed: `{USAGE}`, like `/audit export since 1/9/2026`, "
                        "`/audit export south` or `/audit export without case refs`. After `since` comes a date.")
    return Request(leave_out is not None, day or None, team_typed(team))


def split_day(words: str) -> tuple[str, str]:
    """What follows `since`, as the day (its first words, as far as they are a date's) and the rest (the team)."""
    parts = words.split()
    taken = 0
    while taken < len(parts) and (parts[taken].lower().strip(",.") in _DAY_WORDS
                                  or _DAY_WORD.fullmatch(parts[taken])):
        taken += 1
    while taken and parts[taken - 1].lower() in _NOT_LAST:
        taken -= 1
    return " ".join(parts[:taken]).strip(" ,;.-"), " ".join(parts[taken:]).strip(" ,;.-")


def team_typed(words: str) -> str | None:
    """The team in `south team`, `team south`, `--team south`; None when no team (or every team) is said."""
    said = " ".join(words.split()).strip(" ,;.-")
    while (bare := _TEAM_WORDS.sub("", said).strip(" ,;.-")) != said:
        said = bare
    return None if said.lower() in NO_TEAM else said


