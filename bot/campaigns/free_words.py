"""A campaign described in words, read once for both ways it is typed: the sentence ("i want to set up a neglect audit
campaign for north and south, deadline end of jan") and `campaign create` with words in place of `key=value`
(`campaign create neglect north and south by 29th jan 2 per worker`, trial 35: "I don't understand 'neglect'"). The
checklist and teams the words name, and the start, deadline and cases per worker (bot.campaigns.set_up_words), fill
in `campaign create …` for the organiser to complete; nothing is created from words alone."""

from __future__ import annotations

import re

from bot.audits.core import checklists
from bot.campaigns.set_up_words import filled_from_words
from bot.core.services import Services
from bot.core.teams import team_matches, team_names

KEYS = ("name", "theme", "checklist", "teams", "start", "deadline", "per-worker", "auditors", "moderate")
# Where the teams named after "for" end: "for north and cic by 18/12", "for north, south starting monday"
TEAMS_END = re.compile(r"\b(?:in|from|by|starting|before|until|this|next|on|with|please|to|due|deadline)\b|[.!?…]")
# Where the words of `campaign create neglect north and south by 29th jan` stop naming teams: a date or a count
WORDS_END = re.compile(r"\b(?:by|from|starting|start|before|until|till|due|deadline|ending|end|on|\d)", re.IGNORECASE)


def checklist_named(services: Services, said: str) -> str | None:
    """The title of the one checklist the words name by its title or id, else None."""
    said = said.lower()
    found = [c for c in checklists(services).values() if c.title.lower() in said or c.id in said]
    return found[0].title if len(found) == 1 else None


def _each_team(services: Services, parts: list[str]) -> list[str]:
    names = team_names(services.directory)
    found = [team_matches(names, re.sub(r"\bteams?\b", "", part)) for part in parts if part.strip()]
    return list(dict.fromkeys(ids[0] for ids in found if len(ids) == 1))


def teams_after_for(services: Services, rest: str) -> list[str]:
    """The team ids named after `for` ("for north and cic", "for north, south"), each part naming exactly one team."""
    after = re.search(r"\bfor\s+(?P<teams>.+)$", rest, re.IGNORECASE)
    if after is None:
        return []
    named = TEAMS_END.split(after.group("teams"))[0]
    return _each_team(services, re.split(r"\s*(?:,|\band\b|&|\+)\s*", named.strip()))


def teams_in_words(services: Services, words: str) -> list[str]:
    """The teams named among words without `for` ("neglect north and south by 29th jan"): each word (or a comma's
    or `and`'s part) before the first date or count that names exactly one team."""
    named = WORDS_END.split(words, maxsplit=1)[0]
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&|\+)\s*", named.strip()) if p]
    return _each_team(services, [word for part in parts for word in ([part] if _each_team(services, [part])
                                                                      else part.split())])


def fields_from(services: Services, checklist: str | None, teams: list[str], rest: str,
                typed: dict[str, str] | None = None) -> dict[str, str]:
    """The fields the words name (and any `typed` ones, which win), by key."""
    given = dict(part.split("=", 1) for part in filled_from_words(rest, services.local_now().date()))
    named = {"checklist": checklist or "", "teams": ",".join(teams), **given, **(typed or {})}
    return {key: value for key, value in named.items() if value}


def template(fields: dict[str, str]) -> str | None:
    """`/audit campaign create key=…` with the fields given filled in and `…` for the rest; None when there are
    none."""
    if not fields:
        return None
    return "`/audit campaign create " + " ".join(f"{key}={fields.get(key) or '…'}" for key in KEYS) + "`"


def create_words(services: Services, words: str, typed: dict[str, str]) -> dict[str, str]:
    """The fields of `campaign create <words> [key=value…]`: the words read as the sentence form reads them (teams
    after `for`, or named among the words), the typed fields winning."""
    teams = teams_after_for(services, words) or teams_in_words(services, words)
    return fields_from(services, checklist_named(services, words), teams, words, typed)
