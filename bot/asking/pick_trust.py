"""How far one person's pick from "Did you mean…" is trusted.

Trial 41: a worker marked an answer Not helpful, asked again and picked the wrong suggestion (child-in-care visiting
for a CIN question); the next colleague asking in the same words was answered outright with it. So a wording learned
from one person's pick (bot.asking.learning) is not in everyone's search: it is answered outright for the person who
picked it, and for everyone else it only goes first among the "Did you mean…" suggestions, until a second, different
person picks the same entry for the same words, or a QA lead links or accepts it (bot.storage.learned `trusted`).
A pick made right after a Not helpful on the same question counts as any pick: never trusted alone.
"""

from __future__ import annotations

from dataclasses import replace

from bot.asking import learning
from bot.core.services import Services
from bot.storage import learned as store
from knowledge.entries import Entry
from knowledge.search import Match, SearchResult


def untrusted_picks(services: Services, question: str, entries: dict[str, Entry]) -> list[store.Learned]:
    """The one-pick wordings learned in this question's words, for entries still in the knowledge base."""
    return [item for item in learning.learned_for(services, question)
            if not item.trusted and item.entry_id in entries]


def with_picks(services: Services, result: SearchResult, question: str, user_id: str,
               entries: dict[str, Entry]) -> tuple[SearchResult, bool]:
    """`result` as one-pick wordings of `question` change it, and whether a colleague's pick was put first: the
    asker's own pick answers them outright; another's goes first among "Did you mean…" when the words get that
    (an entry that answers them outright otherwise, from its own wordings, still does: one tap changes no one
    else's answer). Unchanged when no untrusted pick holds these words."""
    return with_these_picks(result, untrusted_picks(services, question, entries), user_id, entries)


def with_these_picks(result: SearchResult, picks: list[store.Learned], user_id: str, entries: dict[str, Entry]
                     ) -> tuple[SearchResult, bool]:
    """`with_picks` given the one-pick wordings of the question (active, untrusted, of entries served), for the
    chat and for `audit-bot ask --as` alike, which reads them from the bot's database without writing to it."""
    if not picks:
        return result, False
    scores = {match.entry_id: match.score for match in (*result.suggestions, *([result.answer] if result.answer
                                                                               else []))}
    mine = next((item for item in picks if item.user_id == user_id), None)
    if mine is not None:
        return replace(result, outcome="answer", answer=_match(mine.entry_id, entries, scores), topic=None), False
    if result.outcome != "ambiguous":
        return result, False
    first = [_match(item.entry_id, entries, scores) for item in picks]  # one active wording per entry
    shown = {match.entry_id for match in first}
    rest = [match for match in result.suggestions if match.entry_id not in shown]
    return replace(result, answer=None, suggestions=(*first, *rest)[:3], topic=None), True


def _match(entry_id: str, entries: dict[str, Entry], scores: dict[str, float]) -> Match:
    return Match(entry_id, entries[entry_id].question, scores.get(entry_id, 0.0))
