"""A campaign's deadline or teams asked to change in words: "actually can we move the neglect campaign deadline to 12
feb", "extend campaign 2 to 19/2", "oops wrong teams on campaign 3, should be north not cic" (trial 35: each went onto
the QA leads' list of unanswered questions). Read as `campaign deadline N <date>` or `campaign teams N <teams>` and
asked first, Yes or No (typed `yes` too), since either tells the campaign's managers at once. A campaign is named by
its number, or by a word of its name or theme before "campaign" ("the neglect campaign") when one open campaign has
it. What cannot be read is said with the command to type."""

from __future__ import annotations

import re

from bot.campaigns.set_up_words import day_after
from bot.core import policy
from bot.core.markup import bold
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.core.teams import team_matches, team_names
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import campaigns as store
from bot.storage.campaigns import Campaign
from knowledge import dates

ACTION, KEEP = "campaign.change", "campaign.change_keep"
NUMBERED = re.compile(r"\bcampaign\s+(?:no\.?\s*|number\s+)?#?(?P<id>\d{1,9})\b", re.IGNORECASE)
WORDED = re.compile(r"\b(?P<words>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+(?:audit\s+)?campaign\b", re.IGNORECASE)
DEADLINE_WORDS = re.compile(r"\b(?:deadline|extend|extension|due\s+date|end\s+date|push(?:ed)?\s+back|move|moved)\b",
                            re.IGNORECASE)
CHANGE = re.compile(r"\b(?:change|move|moved|can|could|instead|actually|make|push|extend|shift|wrong|should|"
                    r"oops|please|pls)\b", re.IGNORECASE)
# a new campaign asked for ("set up a neglect campaign for north, deadline end of jan"): bot.campaigns.worded's
NEW_ONE = re.compile(r"\b(?:set\s*up|create|new|launch|organi[sz]e|plan|another)\b", re.IGNORECASE)
TO_DATE = re.compile(r"\b(?:to|until|till|til|deadline(?:\s+(?:to|of|is|on))?|by|on|for)\s*[:=]?\s+(?P<after>.+)$",
                     re.IGNORECASE)
TEAMS_WORD = re.compile(r"\bteams?\b", re.IGNORECASE)
TEAMS_TO = re.compile(r"\b(?:should\s+(?:be|have\s+been)|should\s+include|to|be|instead|make\s+it|only|just)\s+"
                      r"(?P<teams>.+)$", re.IGNORECASE)
NOT_TEAMS = re.compile(r"\b(?:not|instead\s+of|rather\s+than|but\s+not|and\s+not|no\s+longer)\b.*$|[.!?]",
                       re.IGNORECASE)
ASKING = re.compile(r"\b(?:show|list|see|when|what|which|how|tell\s+me|report|progress)\b", re.IGNORECASE)
NOT_THESE = frozenset({"the", "this", "that", "a", "an", "my", "our", "on", "of", "for", "new", "wrong", "whole"})


def named_campaign(services: Services, text: str) -> Campaign | None:
    """The campaign the words name: `campaign 2`, or "the neglect campaign" when one open campaign's name or theme
    has that word (or, said as "the campaign", the only open one)."""
    numbered = NUMBERED.search(text)
    if numbered is not None:
        return store.get_campaign(services.storage, int(numbered.group("id")))
    open_ones = [c for c in store.list_campaigns(services.storage) if c.is_open]
    for found in WORDED.finditer(text):
        words = [w for w in found.group("words").lower().split() if w not in NOT_THESE]
        if not words:
            return open_ones[0] if len(open_ones) == 1 else None
        matching = [c for c in open_ones if all(w in f"{c.name} {c.theme}".lower() for w in words)
                    or words[-1] in f"{c.name} {c.theme}".lower().split()]
        if len(matching) == 1:
            return matching[0]
    return None


def teams_said(services: Services, text: str) -> list[str]:
    """The team ids the words want ("should be north not cic": north), each part naming exactly one team."""
    wanted = TEAMS_TO.search(text.split(",", 1)[-1]) or TEAMS_TO.search(text)
    if wanted is None:
        return []
    kept = NOT_TEAMS.sub("", wanted.group("teams"))
    names = team_names(services.directory)
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&|\+|/)\s*", kept.strip()) if p]
    found = [team_matches(names, re.sub(r"\bteams?\b|\bthe\b|\bonly\b|\bjust\b", "", part)) for part in parts]
    return list(dict.fromkeys(ids[0] for ids in found if len(ids) == 1))


def change_asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A deadline or the teams of a campaign asked to change in words: the change asked first, Yes or No; None for
    other words (asking to see a campaign's dates or report is not a change)."""
    teams_wanted = TEAMS_WORD.search(text) is not None and "campaign" in text.lower()
    deadline_wanted = DEADLINE_WORDS.search(text) is not None and "campaign" in text.lower()
    if not (teams_wanted or deadline_wanted) or not CHANGE.search(text) or ASKING.search(text) \
            or NEW_ONE.search(text):
        return None
    campaign = named_campaign(services, text)
    if campaign is None:
        return None
    if not policy.may_run_campaigns(turn.person):
        return [Reply(text=f"Campaign {campaign.id}'s deadline and teams are changed by QA leads and admins: ask your "
                           "QA lead.")]
    if teams_wanted:
        teams = teams_said(services, text)
        verb, value = "teams", ",".join(teams)
        said = f"cover {', '.join(services.directory.teams[t].name for t in teams)}" if teams else ""
    else:
        day = day_after(TO_DATE, text, services.local_now().date(), "future")
        verb, value = "deadline", dates.numeric(day) if day else ""
        said = f"have the deadline {dates.long_date(day)} (it is {dates.long_date(campaign.deadline)})" if day else ""
    if not value:
        example = "north,south" if verb == "teams" else "12/2/2027"
        return [Reply(text=f"I couldn't tell which {'teams' if verb == 'teams' else 'date'} you mean, so nothing was "
                           f"changed. Type `campaign {verb} {campaign.id} {example}`.")]
    question = Reply(kind="question", text=(
        f"Change campaign {campaign.id} {bold(campaign.name)} to {said}? Its managers are told by DM. (Typed: "
        f"`campaign {verb} {campaign.id} {value}`.)"),
        choices=(Choice("Yes, change it", ACTION, f"{verb} {campaign.id} {value}", "primary"),
                 Choice("No, keep it", KEEP, str(campaign.id))))
    return [confirmations.ask(services, turn, question)]


def kept(campaign_id: int) -> list[Reply]:
    """*No, keep it*: nothing changes."""
    return [Reply(text=f"OK, campaign {campaign_id} is as it was; nothing was changed.")]
