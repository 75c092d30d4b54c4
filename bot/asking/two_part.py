"""A question in two parts, each about a different entry: the second part named after the answer to the first.

Trial 50 F7: "15yo boy keeps going missing, … is this cce and whats the NRM" was answered with the National Referral
Mechanism entry alone; "is this cce" got nothing, and the entry on criminal exploitation came third among the
suggestions. Each question clause ("is this cce", "whats the NRM") is searched on its own; a clause the search
answers outright with an entry other than the answer given is offered straight after it, so neither part is lost.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.replies import Choice, Reply
from knowledge.search import KnowledgeSearch, SearchResult

# Where a question clause starts: the text's start, or after "?", ".", ";", "and", "also", "but", at a question word
_CLAUSE = re.compile(r"(?:^|[?.;!]\s*|\b(?:and|also|but|plus)\s+)((?:what|whats|what's|wat|is|are|how|when|who|where|"
                     r"why|do|does|can|should|which|will)\b[^?.;!]*?)(?=\s+\b(?:and|also|but|plus)\s+(?:what|whats|"
                     r"what's|wat|is|are|how|when|who|where|why|do|does|can|should|which|will)\b|[?.;!]|$)",
                     re.IGNORECASE)
MIN_WORDS = 2  # "is this cce": a clause of one word says too little to search alone
STRONG = 60.0  # the score the whole question's search gave that entry, at least: both parts strong (CCE had 63.8;
# on the tuning sets, the entries offered below it for a clause were about something else: "what should it feel like")
WIDER = 5  # how many of the whole question's entries a part's entry may be among (session 37: the LADO-and-strategy
# entry, which shares both parts' words, took section 47's place in the top 3)


def clauses(question: str) -> list[str]:
    """The question clauses of a text, in order: "…someone. is this cce and whats the NRM" -> ["is this cce",
    "whats the NRM"]."""
    return [found.group(1).strip() for found in _CLAUSE.finditer(question)
            if len(found.group(1).split()) >= MIN_WORDS]


def other_part(search: KnowledgeSearch, question: str, answered: str, found_whole: dict[str, float]
               ) -> tuple[str, str, str] | None:
    """(the clause, its entry's id, its question) for the first clause of a two-part question the search answers
    outright with an entry other than `answered`, one the whole question also found well (`found_whole`: its
    suggestions' scores, at least STRONG), so a clause read alone ("what should it feel like") cannot bring in an
    entry about something else; None for a question of one part."""
    parts = clauses(question)
    if len(parts) < 2:
        return None
    for part in parts:
        found = search.search(part)
        if found.outcome == "answer" and found.answer is not None and found.answer.entry_id != answered \
                and found_whole.get(found.answer.entry_id, 0.0) >= STRONG:
            return part, found.answer.entry_id, found.answer.question
    return None


def answered_in_parts(search: KnowledgeSearch, result: SearchResult) -> SearchResult:
    """An unsure result ("Did you mean…") answered with the first part's entry, when the question is in two parts
    and each part alone is answered outright by a different entry the whole question also found well (at least
    STRONG); otherwise the result as it was. Trial 51 F7: "who needs to be in a strat discussion and how quick does
    the s47 have to be done" offered three entries, though each part had its own; the other part's entry follows
    the answer (`other_part`)."""
    if result.outcome != "ambiguous":
        return result
    wider = search.search(result.query, limit=WIDER).suggestions  # a third entry may push a part's out of the top 3
    whole = {match.entry_id: match for match in wider if match.score >= STRONG}
    parts = clauses(result.query)
    found: list[str] = []
    for part in parts if len(parts) >= 2 else ():
        alone = search.search(part)
        if alone.outcome == "answer" and alone.answer is not None and alone.answer.entry_id in whole \
                and alone.answer.entry_id not in found:
            found.append(alone.answer.entry_id)
    if len(found) < 2:
        return result
    first = whole[found[0]]
    return replace(result, outcome="answer", answer=first,
                   suggestions=tuple(match for match in wider if match.entry_id != first.entry_id))


def without_entry(reply: Reply, entry_id: str) -> Reply:
    """`reply` without its button to `entry_id`: the other part's entry is offered once, on its own line, never
    also among the answer's related entries (trial 53 F13: "3) What happens in pre-proceedings? … 6) What happens
    in pre-proceedings?")."""
    return replace(reply, choices=tuple(choice for choice in reply.choices
                                        if not (choice.action == "kb.show"
                                                and choice.value.partition(":")[0] == entry_id)))


def other_part_reply(part: str, entry_id: str, entry_question: str) -> Reply:
    """The line after the answer to one part: the entry for the other part, one press away."""
    return Reply(text=f"**And for the other part of your question** (“{part}”): {entry_question}",
                 choices=(Choice(entry_question, "kb.show", entry_id),))
