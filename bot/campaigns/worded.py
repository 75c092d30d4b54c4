"""Campaigns asked for in everyday words, read before the knowledge base (trial 26's head of service got "I don't know
that yet" for each, and each went onto the QA leads' unanswered list):

    close campaign 1 / end the campaign 1 now       `/audit campaign close 1`, with its checks and its question
    actually can campaign 1 start today instead     a campaign's start is fixed once its auditors are told: how to
                                                    run it from another (its deadline and teams: change_words)
    set up a voice of the child audit round for     `campaign create` with what the words name filled in (the
    north and cic                                   checklist, the teams), and how to type the rest; "new campaign
    new campaign on neglect for cic, deadline 18/12 on …" and "campaign on X for Y by Z" (no verb) the same
"""

from __future__ import annotations

import re

from bot.campaigns import change_words, free_words
from bot.campaigns.feature import CREATE_USAGE
from bot.campaigns.set_up_words import filled_from_words
from bot.core import policy
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import campaigns as store

CLOSE = re.compile(r"^\s*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:close|end|finish)\s+(?:the\s+|audit\s+)?"
                   r"campaign\s+(?:no\.?\s*|number\s+)?#?(?P<id>\d{1,9})(?P<now>\s+(?:now|today))?"
                   r"(?:\s*,?\s*please)?\s*[.!?]*\s*$", re.IGNORECASE)
# "campaign 1" and a word about its dates, and a word asking for a change: "can campaign 1 start today instead"
NAMED = re.compile(r"\bcampaign\s+(?:no\.?\s*|number\s+)?#?(?P<id>\d{1,9})\b", re.IGNORECASE)
DATES = re.compile(r"\b(?:start(?:s|ing)?|open(?:s|ing)?|begin(?:s|ning)?|deadline|end\s+date|due\s+date|dates?|"
                   r"finish(?:es)?|run\s+(?:to|until|till|from))\b", re.IGNORECASE)
CHANGE = re.compile(r"\b(?:change|move|moved|can|could|instead|actually|make|push|bring|extend|earlier|later|"
                    r"shift|brought|pushed|set)\b", re.IGNORECASE)
ASKING = re.compile(r"\b(?:show|list|see|when|what|which|tell\s+me)\b", re.IGNORECASE)
# "set up a voice of the child audit round for north and cic", "create a new campaign", "i want to run an audit round"
SET_UP = re.compile(r"^\s*(?:(?:please|pls|can\s+you|could\s+you|i\s+(?:want|need|would\s+like|d\s+like)\s+to|"
                    r"i['’]?d\s+like\s+to|lets?|let['’]s|how\s+(?:do|can|would|should)\s+(?:i|we)|how\s+to)\s+)?(?:set\s*up|create|start|run|launch|organi[sz]e|make|"
                    r"plan|begin)\s+(?:a\s+|an\s+|the\s+|another\s+|new\s+|a\s+new\s+)*(?P<what>.*?)\b(?:audit\s+)?"
                    r"(?:campaign|round(?:\s+of\s+audits)?|themed\s+audit)s?\b(?P<rest>.*)$", re.IGNORECASE)
# no verb: "new campaign on neglect for cic and south, deadline 18/12", "a new neglect audit round for north"
NEW = re.compile(r"^\s*(?:(?:a|an)\s+)?(?:brand\s+)?new\s+(?P<what>.*?)\b(?:audit\s+)?"
                 r"(?:campaign|round(?:\s+of\s+audits)?|themed\s+audit)s?\b(?P<rest>.*)$", re.IGNORECASE)
# "campaign on neglect for cic and south by 18/12": a new one only when the words name its teams or its dates
BARE = re.compile(r"^\s*(?:(?:a|an)\s+)?(?P<what>)(?:audit\s+)?campaign\s+"
                  r"(?P<rest>(?:on|about|looking\s+at|into)\s+.+)$", re.IGNORECASE)
DOING = re.compile(r"\s*(?:audits?|cases?|allocations?)\b", re.IGNORECASE)
# "new campaign report", "new campaign progress": an existing campaign's, not a new one
ABOUT_ONE = re.compile(r"\s*(?:reports?|progress|status|results?|updates?|figures|dates?)\b", re.IGNORECASE)
QUESTION_WORDS = re.compile(r"^\s*(?:how|what|why|when|who|where|which|is|are|do|does)\b", re.IGNORECASE)


def close_asked(engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """`close campaign 1`: the command itself, so its checks and its early-close question apply."""
    asked = CLOSE.match(text)
    if asked is None:
        return None
    return engine.dispatch_command(turn, "campaign", f"close {asked.group('id')}")


def dates_asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A campaign's dates asked to change: what can and cannot be, and how to run it on other dates."""
    named = NAMED.search(text)
    if named is None or not DATES.search(text) or not CHANGE.search(text) or "report" in text.lower() \
            or ASKING.search(text):
        return None  # "when does campaign 1 start", "can you show campaign 1's dates": not a change
    number = int(named.group("id"))
    campaign = store.get_campaign(services.storage, number)
    if campaign is None:
        return [Reply(text=f"There is no campaign {number}. Type `/audit campaign` to list them.")]
    who = "" if policy.may_run_campaigns(turn.person) else " (closing and creating campaigns is for QA leads and " \
                                                           "admins: ask your QA lead)"
    return [Reply(text=(
        f"A campaign's start can't be changed once it is created: campaign {number}'s auditors were told it by "
        f"DM{who}. Its deadline can: `/audit campaign deadline {number} <date>`, and its teams: `/audit campaign "
        f"teams {number} <teams>`. To run it from another start, close it with `/audit campaign close {number}` and "
        f"create it again (`campaign create … start=today deadline=…`). `/audit campaign rename {number} name=… "
        "theme=…` changes its name or theme."))]


def set_up_asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A campaign (an audit round) asked for in words: how to type `campaign create`, with the checklist and teams
    the words name filled in (`how do I set up a campaign` too); other questions ("what is a campaign?") are left to
    the knowledge base."""
    asked = _asked_for(services, text)
    if asked is None:
        return None
    if re.search(r"\bmy\b", asked.group("what"), re.IGNORECASE) or DOING.match(asked.group("rest")):
        return None  # "how do I start my campaign audit": an auditor's case, not a new campaign
    if not policy.may_run_campaigns(turn.person):
        return [Reply(text="Audit campaigns (themed rounds across teams) are set up by QA leads and admins: ask your "
                           "QA lead. To audit your own cases in a campaign, `/audit campaign` lists the campaigns you "
                           "are part of, and `/audit campaign mine N` your cases in one, each with a **Start** "
                           "button.")]
    checklist = free_words.checklist_named(services, f"{asked.group('what')} {asked.group('rest')}")
    teams = _teams_named(services, asked.group("rest"))
    return [Reply(title="New audit campaign", text=from_what_you_said(services, checklist, teams,
                                                                     asked.group("rest")))]


def _asked_for(services: Services, text: str) -> re.Match[str] | None:
    """The words asking for a new campaign, with and without a verb ("set up a campaign …", "new campaign on neglect
    for cic", "campaign on neglect for north by 18/12"); None for a question about campaigns (trial 30: "new campaign
    on …" went to the knowledge base as an unanswered question)."""
    asked = SET_UP.match(text) or NEW.match(text)
    if asked is not None and ABOUT_ONE.match(asked.group("rest")):
        return None
    if asked is not None:
        return None if QUESTION_WORDS.match(text) and not text.lower().lstrip().startswith("how") else asked
    bare = BARE.match(text)
    if bare is None or not (_teams_named(services, bare.group("rest"))
                            or filled_from_words(bare.group("rest"), services.local_now().date())):
        return None
    return bare


def from_what_you_said(services: Services, checklist: str | None, teams: list[str], rest: str) -> str:
    """`campaign create` with what the words name filled in and `…` for the rest, then what each key takes; just
    the latter when the words name nothing (trial 28: "the rest filled in as below" read as if more were filled in
    below, and a deadline said was left out)."""
    typed = free_words.template(free_words.fields_from(services, checklist, teams, rest))
    if typed is None:
        return CREATE_USAGE
    return f"From what you said: {typed}. Put a value in place of each `…`; what each key takes:\n\n{CREATE_USAGE}"


def _teams_named(services: Services, rest: str) -> list[str]:
    """The team ids named after `for` ("for north and cic", "for north, south"), each part naming exactly one team."""
    return free_words.teams_after_for(services, rest)


def install(engine: Engine, services: Services) -> None:
    """Register the campaign asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: close_asked(engine, turn, text), priority=27)
    engine.add_message_handler(lambda turn, text: change_words.change_asked(services, turn, text), priority=27)
    engine.add_message_handler(lambda turn, text: dates_asked(services, turn, text), priority=27)
    engine.add_message_handler(lambda turn, text: set_up_asked(services, turn, text), priority=27)
