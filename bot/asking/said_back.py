"""A stored question said back in Slack: its wording only while the screen still passes it, else its date.

Questions are screened when they are asked, then stored. A name that slipped past an older screen (trial 10, F19:
"jack wasnt in school today") would otherwise be repeated by every later message that quotes the question: the DM
with a QA lead's answer, the DM with the entry a QA lead linked or wrote, a question passed on to the QA leads.
So the wording is screened again as it is sent, and one the screen now refuses (or one a QA lead removed) is named
by the day it was asked: "your question of 3 Dec 2026". The QA leads' own lists (`kb unanswered` and its forms,
`kb find`, `kb learned`, the Home tab) still show the wording: they need it to answer it, and to remove it.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.services import Services
from bot.privacy.removal import is_removed
from knowledge.dates import short_date


def wording_to_say(services: Services, query: str) -> str | None:
    """The stored wording when it may be said back, or None: the screen now refuses it, or it was removed."""
    if is_removed(query) or services.identifier_screen.find(query):
        return None
    return query


def asked_on(services: Services, asked_at: datetime) -> str:
    """The day a question was asked, where its wording is not said: '3 Dec 2026', in the council's time zone."""
    return short_date(asked_at.astimezone(services.settings.timezone).date())


def your_question(services: Services, opening: str, query: str, asked_at: datetime) -> str:
    """A DM's opening line about the asker's question, ending with a colon: 'A QA lead has answered your question:'
    and the wording quoted on a line of its own, or '… your question of 3 Dec 2026:' when its wording may not be said
    back
    (`wording_to_say`). Run into the sentence, the wording read "your question what is the threshold for a Kooth
    referral?:" (trial 15 F7)."""
    wording = wording_to_say(services, query)
    if wording is None:
        return f"{opening} your question of {asked_on(services, asked_at)}:"
    return f"{opening} your question:\n>{' '.join(wording.split())}"


def your_questions(services: Services, opening: str, asked: list[tuple[str, datetime]]) -> str:
    """`your_question` for one person's several questions answered by the same entry, so they get one DM naming
    each (trial 50, #9: one asker got the new entry twice, one DM per wording). `asked`: (wording, asked_at)."""
    lines = list(dict.fromkeys(wording_to_say(services, query) or f"your question of {asked_on(services, at)}"
                               for query, at in asked))
    if len(lines) == 1:  # one wording asked twice is one question (trial 51, F23: "your questions:" for one)
        return your_question(services, opening, *asked[0])
    return f"{opening} your questions:" + "".join(f"\n>{' '.join(line.split())}" for line in lines)
