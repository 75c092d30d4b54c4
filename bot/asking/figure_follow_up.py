"""A correction or follow-up straight after a figure question: "sorry i meant just november", "what about last month",
"and south?" re-run the same question with the new period or team.

Trial 40 (MEDIUM 7): after `how many audits has each manager done since september`, "sorry i meant just november" got
"I don't know that yet" and went onto the QA leads' list. The last question with a period or a team in it is kept for
each person, as the bot read it and screened, for the follow-up window: in the database
(bot/storage/figure_questions.py), so a restart or a new terminal session keeps it (fix 41: in memory, it was lost,
or the follow-up read as something else). A follow-up naming only a period or a team is that question again with it
swapped in, run as if typed (so it goes wherever the question went, with its role checks).
"""

from __future__ import annotations

import re

from bot.asking import follow_up
from bot.asking.asked_plainly import plainly
from bot.asking.figures_asked import PERIOD, period_said
from bot.asking.team_asked import teams_by_word
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import figure_questions as store

# "i meant just november", "what about last month", "and south?", "how about north", "just november", "south then"
FOLLOW = re.compile(r"^(?:(?:no\s+)?i\s+meant\s+|i\s+mean\s+|what\s+about\s+|how\s+about\s+|and\s+|what\s+of\s+)?"
                    r"(?:just\s+|only\s+)?(?:for\s+|in\s+|over\s+)?(?:the\s+)?(?P<rest>.+?)(?:\s+then|\s+instead)?$")
MAX_WORDS = 6
MIN_QUESTION = 3  # a question kept has at least these words ("grades this quarter")
PRIORITY = 26


def remember(services: Services, turn: Turn, said: str, typed: str = "") -> None:
    """Keep `said` (the words as the bot read them) as this person's last figure question, in the database so a
    restart or another session keeps it; never words the identifier screen finds anything in (`typed`, as typed, is
    screened too: capitals help tell a name), which are not kept at all."""
    screen = services.identifier_screen
    if any(screen.find(words) for words in (typed, said) if words):
        return
    store.keep(services.storage, turn.user_id, said, turn.now, turn.now - follow_up.WINDOW)


def _last(services: Services, turn: Turn) -> str | None:
    kept = store.last(services.storage, turn.user_id)
    if kept is None or not turn.now - follow_up.WINDOW <= kept[1] <= turn.now:
        return None
    return kept[0]


def rewritten(services: Services, last: str, rest: str) -> str | None:
    """`last` with the period or the team `rest` names swapped in (or added); None when `rest` names neither, or
    anything more than one of them."""
    period = period_said(services, rest)
    teams = teams_by_word(services, rest)
    if period and rest.strip() == period:
        old = period_said(services, last)
        found = next((m for m in PERIOD.finditer(last) if m.group("period") == old), None) if old else None
        return f"{last[:found.start()]}{period}{last[found.end():]}" if found else f"{last} {period}"
    word, *more = rest.split()
    if len(teams) == 1 and more in ([], ["team"]) and teams_by_word(services, word):  # "south", "south team"
        old_teams = teams_by_word(services, last)
        if old_teams:
            words = [word if teams_by_word(services, typed) else typed for typed in last.split()]
            return " ".join(words)
        return f"{last} in {word}"
    return None


def followed(engine: Engine, services: Services, turn: Turn, said: str) -> list[Reply] | None:
    """The last figure question again with the new period or team, when `said` is only that; None otherwise."""
    if len(said.split()) > MAX_WORDS or (found := FOLLOW.match(said)) is None:
        return None
    last = _last(services, turn)
    if last is None:
        return None
    again = rewritten(services, last, found.group("rest"))
    if again is None or again == last:
        return None
    remember(services, turn, again)
    return engine.claim(turn, again)


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A follow-up's answer; None for anything else, after keeping a question that names a period or a team."""
    said = plainly(text or "")
    if not said:
        return None
    if (replies := followed(engine, services, turn, said)) is not None:
        return replies
    if len(said.split()) >= MIN_QUESTION and (period_said(services, said) or teams_by_word(services, said)):
        remember(services, turn, said, text)
    return None


def install(engine: Engine, services: Services) -> None:
    """Register the follow-ups before the figure questions (26), so "and south?" is not read as South's digest."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
