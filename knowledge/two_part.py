"""A question in two parts, each about a different entry: which entry answers the other part.

Trial 50 F7: "15yo boy keeps going missing, … is this cce and whats the NRM" was answered with the National Referral
Mechanism entry alone; "is this cce" got nothing, and the entry on criminal exploitation came third among the
suggestions. Each question clause ("is this cce", "whats the NRM") is searched on its own; a clause the search
answers outright with an entry other than the answer given is offered straight after it, so neither part is lost.

A comparison is two parts too (trial 60 F27): "what is the difference between kinship care and special guardianship"
was answered with the special guardianship entry alone. When the answer is one side's entry, the other side's
follows it; an entry about the difference itself ("section 20 or a care order") answers both, and nothing follows.

The chat (bot.asking.feature) and `audit-bot ask` (knowledge.ask_cli) both ask this module, so a QA lead testing a
wording sees what workers see (trial 60 F24).
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.search import KnowledgeSearch, SearchResult

_ASKING = r"(?:what|whats|what's|wat|is|are|how|when|who|where|why|do|does|can|should|which|will)"
# Where a question clause starts: the text's start, or after "?", ".", ";", "and", "also", "but", at a question word
_CLAUSE = re.compile(rf"(?:^|[?.;!]\s*|\b(?:and|also|but|plus)\s+)({_ASKING}\b[^?.;!]*?)(?=\s+\b(?:and|also|but|plus)"
                     rf"\s+{_ASKING}\b|[?.;!]|$)", re.IGNORECASE)
# The two sides of a comparison: "the difference between X and Y", "is X the same as Y", "X vs Y"; a side ends
# where the sentence does or the next question starts ("… and a strategy meeting and who attends")
_SIDE = rf"([a-z0-9'](?:(?!\s(?:and|but|also)\s+{_ASKING}\b)[a-z0-9' -])*?)"
_END = rf"(?=\s*[?.;!,]|\s*$|\s+(?:and|but|also)\s+{_ASKING}\b)"
_ARTICLE = r"(?:an?\s+|the\s+)?"
_COMPARED = (
    re.compile(rf"\b(?:difference|differences|diff)\s+between\s+{_ARTICLE}{_SIDE}\s+and\s+{_ARTICLE}{_SIDE}{_END}",
               re.IGNORECASE),
    re.compile(rf"\bis\s+{_ARTICLE}{_SIDE}\s+the\s+same\s+(?:thing\s+)?as\s+{_ARTICLE}{_SIDE}{_END}", re.IGNORECASE),
    re.compile(rf"(?:^|[,.;:]\s*)(?:{_ASKING}\s+)?(?:is\s+|are\s+)?{_ARTICLE}{_SIDE}\s+(?:vs|versus)\.?\s+{_ARTICLE}"
               rf"{_SIDE}{_END}", re.IGNORECASE),
)
_NOT_A_SIDE = frozenset({"it", "this", "that", "they", "them", "these", "those", "one", "other"})
OTHER_PART_LEAD = "And for the other part of your question"  # the line after the answer, in the chat and in `ask`
OtherPart = tuple[str, str, str]  # the part as typed, its entry's id, its entry's question
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


def compared(question: str) -> list[str]:
    """The two things a question compares, in order ("what is the difference between kinship care and special
    guardianship" -> ["kinship care", "special guardianship"]); [] when it compares nothing it names ("is it the
    same as a family group conference" names one side only: its clauses are searched instead)."""
    for pattern in _COMPARED:
        found = pattern.search(question)
        if found is None:
            continue
        sides = [side.strip(" -'") for side in found.groups()]
        if all(side and side.lower() not in _NOT_A_SIDE for side in sides):
            return sides
    return []


def other_part(search: KnowledgeSearch, question: str, answered: str, found_whole: dict[str, float]
               ) -> OtherPart | None:
    """(the part, its entry's id, its question) for the other part of a two-part question: the first clause the
    search answers outright with an entry other than `answered`, or, for a comparison answered with one side's entry,
    the other side's; always one the whole question also found well (`found_whole`: its suggestions' scores, at
    least STRONG), so a part read alone ("what should it feel like") cannot bring in an entry about something else.
    None for a question of one part, and for a comparison whose answer covers both sides (unless its clauses are
    two questions, as before: "… the difference between X and Y and who attends")."""
    sides = compared(question)
    side = _other_side(search, sides, answered, found_whole) if sides else None
    if side is not None:
        return side
    parts = clauses(question)
    if len(parts) < 2:
        return None
    for part in parts:
        found = _answered_alone(search, part)
        if found is not None and found[0] != answered and found_whole.get(found[0], 0.0) >= STRONG:
            return part, *found
    return None


def _other_side(search: KnowledgeSearch, sides: list[str], answered: str, found_whole: dict[str, float]
                ) -> OtherPart | None:
    """The entry for the side of a comparison the answer does not cover, when the answer is the other side's."""
    found = [_answered_alone(search, side) for side in sides]
    ids = [each[0] if each is not None else None for each in found]
    if answered not in ids:  # the answer is about both sides, or neither: nothing to add
        return None
    for side, each in zip(sides, found, strict=True):
        if each is not None and each[0] != answered and found_whole.get(each[0], 0.0) >= STRONG:
            return side, *each
    return None


def _answered_alone(search: KnowledgeSearch, part: str) -> tuple[str, str] | None:
    """(entry id, question) of the entry the search answers `part` with outright, or None."""
    found = search.search(part)
    if found.outcome == "answer" and found.answer is not None:
        return found.answer.entry_id, found.answer.question
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
        alone = _answered_alone(search, part)
        if alone is not None and alone[0] in whole and alone[0] not in found:
            found.append(alone[0])
    if len(found) < 2:
        return result
    first = whole[found[0]]
    return replace(result, outcome="answer", answer=first,
                   suggestions=tuple(match for match in wider if match.entry_id != first.entry_id))
