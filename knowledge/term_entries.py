"""After a glossary term's meaning ("PLO stands for Public Law Outline"), the entries about that term.

Trial 23: "what does PLO stand for" was followed by whatever the question's other words met ("What kind of
questions can I ask the audit bot?"), and "what does DSL mean" by "What if the bot cannot answer my question?".
Someone asking what a term means wants the entries about that process next, or nothing rather than noise. So
the entries offered are searched by the term and its meaning alone (no "what does ... stand for"): the entry
that search answers outright first (PPM: the entry on pre-proceedings), then only those naming the term: in
the question, id or tags (the entry is about it), then in an alternative (it is asked about there), then in
the answer (it comes up there: DVPN in the entry on domestic abuse), each in the search's order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch, Match, SearchResult
from knowledge.textterms import words_of

CANDIDATES = 10  # entries the term's own search may offer before those not naming it are left out
OFFERED = 3  # as many as "Did you mean…" offers
_ASIDE = re.compile(r"\s*\([^)]*\)")  # "designated safeguarding lead (in a school)": the aside is not the term


def about_term(search: KnowledgeSearch, kb: KnowledgeBase, defined: tuple[str, str],
               result: SearchResult) -> SearchResult:
    """What to give after the meaning of `defined` (term, meaning): the search's answer when its entry names the
    term, else up to three entries that do as suggestions, else nothing (outcome "none")."""
    about = entries_about(search, kb, *defined)
    if result.outcome == "answer" and result.answer is not None and \
            result.answer.entry_id in {match.entry_id for match in about}:
        return result
    if not about:
        return replace(result, outcome="none", answer=None, suggestions=())
    return replace(result, outcome="ambiguous", answer=None, suggestions=tuple(about[:OFFERED]))


def entries_about(search: KnowledgeSearch, kb: KnowledgeBase, term: str, meaning: str) -> list[Match]:
    """The entries about a glossary term: the one a search for the term and its meaning answers outright, then those
    naming it (as itself or spelt out) in their question, id or tags, then in an alternative, then in the answer,
    each group in the order that search ranks them."""
    spelt = _ASIDE.sub("", meaning)
    found = search.search(f"{term} {spelt}", limit=CANDIDATES)
    ranked = [*([found.answer] if found.answer is not None else []), *found.suggestions]
    tiers: tuple[list[Match], list[Match], list[Match]] = ([], [], [])
    for match in ranked:
        entry = kb.entries.get(match.entry_id)
        if entry is None:
            continue
        for tier, texts in zip(tiers, ((entry.question, entry.id.replace("-", " "), *entry.tags),
                                       entry.alternatives, (entry.answer,)), strict=True):
            if any(_names(search, text, term, spelt) for text in texts):
                tier.append(match)
                break
    sure = [found.answer] if found.outcome == "answer" and found.answer is not None else []
    return list({match.entry_id: match for match in (*sure, *(match for tier in tiers for match in tier))}.values())


def _names(search: KnowledgeSearch, text: str, term: str, spelt: str) -> bool:
    """Whether a wording says the term, as the search reads it: its concept (the acronym and its meaning are one), or
    every word of it when the glossary gives it none."""
    said = set(search.vocabulary.term_texts(words_of(text)))
    return any(_key(search, wording) <= said for wording in (term, spelt))


def _key(search: KnowledgeSearch, wording: str) -> set[str]:
    terms = search.vocabulary.term_texts(words_of(wording))
    concepts = {text for text in terms if text.startswith("#")}
    return concepts or set(terms) or {"\0"}  # a wording with no terms at all names nothing
