"""What people already said about answers to a question in the same words: a Not helpful vote, a QA lead's answer.

Trial 11: "how many cases should an asye have" was answered with the entry on reflective supervision, marked Not
helpful, and answered by a QA lead; three weeks later the next person asking exactly that got reflective supervision
outright again, and never the QA lead's answer. Now an entry whose answer was marked Not helpful for a wording is
only offered for it ("Did you mean…"), until someone asking in those words marks it Helpful or the entry is changed
after the vote (unless the words are the entry's own, word for word); and a QA lead's answer to a wording is given
to the next person asking in the same words, unless an entry answers it outright.

Trial 49 F1: "how many days do i have to write up a strat discussion" got the strategy-discussion entry, which gives
no timescale; a QA lead answered it, and the next person asking in those very words got the entry and "I've passed
your question to the QA leads" again, never the answer. An entry that lacks the kind of fact the words ask for
(knowledge.specific_ask) does not answer them outright: the QA lead's answer to them is given with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bot.asking.learning import normalise
from bot.storage import asks as store
from bot.storage.db import Storage
from knowledge import specific_ask
from knowledge.entries import Entry
from knowledge.search import KnowledgeSearch, SearchResult

# The bot's database as the verdicts read it: the chat's Storage, or `audit-bot ask`'s read-only view.
Readable = Storage | store.ReadOnlyAsks


def settled(storage: Readable, search: KnowledgeSearch, question: str, result: SearchResult,
            entries: Mapping[str, Entry]) -> tuple[SearchResult, store.QaAnswer | None]:
    """What people already said, applied to a search result: the one way the chat and `audit-bot ask` both answer,
    so neither answers outright what the other only offers. The result without an answer voted Not helpful for
    these words, and the QA lead's answer to these words when no entry answers them outright: none found, or the
    entry found lacks the kind of fact they ask for (`entries`: the knowledge base the result is from)."""
    result = without_unhelpful(storage, search, question, result)
    outright = result.outcome == "answer" and not answer_lacks(search, result, entries, question)
    return result, (None if outright else qa_answer(storage, question))


def answer_lacks(search: KnowledgeSearch, result: SearchResult, entries: Mapping[str, Entry], question: str) -> bool:
    """Whether the entry given as the answer shows no sign of the kind of fact the question asks for (a deadline,
    a rate…), read with the search's spelling as the chat's line saying so reads it."""
    entry = entries.get(result.answer.entry_id) if result.answer is not None else None
    return entry is not None and specific_ask.lacking(result.query or question, entry.answer,
                                                      search.spelling) is not None


def without_unhelpful(storage: Readable, search: KnowledgeSearch, question: str, result: SearchResult,
                      limit: int = 3) -> SearchResult:
    """`result`, except that an answer marked Not helpful for this wording (the latest vote in these words, on an
    entry unchanged since) is offered first among the suggestions instead of given outright; not when the words are
    one of the entry's own wordings term for term (its question, an alternative the QA leads wrote, or one learned
    since), which say that entry is meant: the vote is on the QA leads' list for them to judge."""
    answer = result.answer
    if result.outcome != "answer" or answer is None or search.wording_entry(question) == answer.entry_id:
        return result
    wording = normalise(question)
    latest = next((vote for vote in store.votes_on(storage, answer.entry_id)
                   if normalise(vote.query) == wording), None)
    if latest is None or latest.helpful or store.entry_changed_since(storage, answer.entry_id, latest.at):
        return result
    others = tuple(match for match in result.suggestions if match.entry_id != answer.entry_id)
    return replace(result, outcome="ambiguous", answer=None, suggestions=(answer, *others)[:limit])


def qa_answer(storage: Readable, question: str) -> store.QaAnswer | None:
    """The latest answer a QA lead wrote to a question asked in these words, if any is still kept."""
    wording = normalise(question)
    return next((answer for answer in store.qa_answers(storage) if normalise(answer.query) == wording), None)
