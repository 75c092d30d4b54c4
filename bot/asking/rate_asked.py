"""A moderation agreement rate asked about in words: "is 81% good? what should we be aiming for", "is 65% agreement
too low".

Trial 26: straight after the bot explained the agreement rate, with its target of 80%, the head of service's "is 81%
good? what should we be aiming for" got "I don't know that yet" and went onto the QA leads' list. A percentage asked
about as good or bad, when the question says agreement or moderation, or follows the agreement entry within the
follow-up window, is read against the local target (bot.core.agreement), with the caution the entry gives
about small counts. Not a gap in the knowledge base, so nothing is noted for the QA leads.
"""

from __future__ import annotations

import re
from datetime import datetime
from weakref import WeakKeyDictionary

from bot.asking import follow_up
from bot.asking.asked_plainly import plainly
from bot.core.agreement import TARGET_PERCENT
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import asks as store
from bot.storage.db import Storage

ENTRY = "agreement-rate"  # the entry that explains the rate and gives the target
_JUDGED = (r"(?:good|ok|okay|enough|fine|bad|poor|low|high|acceptable|alright|all\s+right|decent|reasonable|"
           r"a\s+problem|too\s+low|too\s+high|on\s+target|below\s+target|above\s+target)")
ASKED = re.compile(
    rf"\b(?:is|are|isnt|was)\s+(?:an?\s+|our\s+|the\s+|their\s+)?(?:(?:agreement|moderation)\s+(?:rate\s+)?(?:of\s+)?)?"
    rf"(?P<percent>\d{{1,3}})\s*(?:%|percent|per\s*cent)(?:\s+(?:agreement|moderation\s+agreement))?\s+{_JUDGED}",
    re.IGNORECASE)
ABOUT_AGREEMENT = re.compile(r"\b(?:agree|agreement|agreed|moderat\w*)\b", re.IGNORECASE)
# Who was last shown an agreement figure (the table team by team, asked in words), and when, per database: trial 33's
# "is 81% good?" straight after `agreement rates by team?` went onto the unanswered list, as only the entry counted.
_SHOWN: WeakKeyDictionary[Storage, dict[str, datetime]] = WeakKeyDictionary()
# The percentage last shown, when one was (trial 40: "is that ok?" after "whats our moderation agreement rate")
_PERCENT: WeakKeyDictionary[Storage, dict[str, int]] = WeakKeyDictionary()
SHOWN_RATE = re.compile(r"^(?:\*\*[^*\n]+\*\*|Whole service): (?:\d+ of \d+ \()?(?P<percent>\d{1,3})%", re.MULTILINE)
THAT = re.compile(rf"^(?:is|was|isnt)\s+(?:that|it|this)\s+(?:rate\s+|figure\s+)?{_JUDGED}$")


def figure_shown(services: Services, turn: Turn, shown: str = "") -> None:
    """Note that this person has just been shown an agreement figure (the rate in `shown`, when it gives one), so a
    rate asked about next, or "is that ok?", is read as it."""
    _SHOWN.setdefault(services.storage, {})[turn.user_id] = turn.now
    found = SHOWN_RATE.search(shown)
    percents = _PERCENT.setdefault(services.storage, {})
    if found is not None:
        percents[turn.user_id] = int(found.group("percent"))
    else:
        percents.pop(turn.user_id, None)


def _after_figure(services: Services, turn: Turn) -> bool:
    shown = _SHOWN.get(services.storage, {}).get(turn.user_id)
    return shown is not None and turn.now - follow_up.WINDOW <= shown <= turn.now


def _that_rate(services: Services, turn: Turn, text: str) -> int | None:
    """The rate just shown, when `text` asks whether it is good ("is that ok?"); None otherwise."""
    said = plainly(text)
    if THAT.match(said) is None or not _after_figure(services, turn):
        return None
    return _PERCENT.get(services.storage, {}).get(turn.user_id)


def asked_rate(services: Services, turn: Turn, text: str) -> int | None:
    """The percentage asked about, when the question is about a moderation agreement rate; None otherwise."""
    found = ASKED.search(text)
    if found is None or not 0 <= int(found.group("percent")) <= 100:
        return None
    if ABOUT_AGREEMENT.search(text) is None and not _after_figure(services, turn):
        last = store.latest_ask(services.storage, turn.user_id, turn.now - follow_up.WINDOW)
        if last is None or last.entry_id != ENTRY:
            return None
    return int(found.group("percent"))


def judged(percent: int) -> str:
    """'81% is above the local target for moderation agreement (80% or more).' and what follows from it."""
    if percent >= TARGET_PERCENT:
        where = "at" if percent == TARGET_PERCENT else "above"
        return (f"{percent}% is {where} the local target for moderation agreement ({TARGET_PERCENT}% or "
                "more): aim to stay there. A rate that stays near 100% is worth a look too: are moderators really "
                "testing the grades?")
    return (f"{percent}% is below the local target for moderation agreement ({TARGET_PERCENT}% or more): "
            "grading may be inconsistent, and calibration sessions help. Check which way moderators change grades: "
            "mostly lower means audits are over-optimistic.")


def routed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The rate read against the target, with the entry that explains it; None for anything else."""
    percent = asked_rate(services, turn, text)
    percent = _that_rate(services, turn, text) if percent is None else percent
    if percent is None:
        return None
    entry = services.live_knowledge().current.kb.entries.get(ENTRY)
    choices = (Choice(entry.question, "kb.show", entry.id),) if entry is not None else ()
    return [Reply(text=judged(percent) + "\nRead it with its counts: with 5 moderated audits, one disagreement moves "
                                         "the rate by 20 points.", choices=choices)]
