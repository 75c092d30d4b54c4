"""After a glossary term's meaning ("PLO stands for Public Law Outline"), the entries about that term.

Trial 23: "what does PLO stand for" was followed by whatever the question's other words met ("What kind of
questions can I ask the audit bot?"), and "what does DSL mean" by "What if the bot cannot answer my question?".
Someone asking what a term means wants the entries about that process next, or nothing rather than noise; someone
asking how two terms differ wants both meanings, and for two names of one idea (LAC and CiC) its entries. So
the entries offered are searched by the term and its meaning alone (no "what does ... stand for"): the entry
that search answers outright first (PPM: the entry on pre-proceedings), then only those naming the term: in
the question, id or tags (the entry is about it), then in an alternative (it is asked about there), then in
the answer (it comes up there: DVPN in the entry on domestic abuse), each in the search's order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from knowledge.definitions import compared_terms, defined_term
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


def explained(search: KnowledgeSearch, kb: KnowledgeBase, question: str, result: SearchResult
              ) -> tuple[SearchResult, str | None]:
    """The meanings a question asks for, to say first ("**PLO** stands for Public Law Outline."; None when it asks
    for none), and the result to give after them. "Whats the diff between LAC and CiC" gets both meanings and, the two
    being names of one idea, what "what is LAC" gets, where it had "I don't know that yet" (trial 26); two terms for
    two ideas ("ICPC and RCPC") get both meanings, then what the search found for the question."""
    defined = defined_term(question, kb.glossary)
    if defined is not None:  # "what does PLO mean": then the entries about PLO, not what "mean" met (trial 23)
        return about_term(search, kb, defined, result), f"{meaning_said(*defined, kb.glossary)}."
    compared = compared_terms(question, kb.glossary)
    if compared is None:
        return unheld_term(search, kb, question, result)
    (first, first_meaning), (second, second_meaning) = compared
    if same_idea(search, *compared) and not (is_long_form(first) or is_long_form(second)):
        said = (f"**{first}** and **{second}** are two names for the same thing: {first} stands for {first_meaning}, "
                f"and {second} for {second_meaning}.")
    else:
        said = "; ".join(meaning_said(term, meaning, kb.glossary) for term, meaning in compared) + "."
    return about_compared(search, kb, compared, result), said


WEAK = 60.0  # a suggestion scoring under this fits a question naming a term no entry is about too loosely to offer


def unheld_term(search: KnowledgeSearch, kb: KnowledgeBase, question: str, result: SearchResult
                ) -> tuple[SearchResult, str | None]:
    """A question naming a glossary short form no entry is about, which the search answers with nothing outright and
    nothing close: the term's meaning, and nothing offered (trial 50 F6: "where do i find the SWET template for
    court" got three unrelated entries, though the glossary spells SWET out). Otherwise the result as it was."""
    if result.outcome == "answer" or any(match.score >= WEAK for match in result.suggestions):
        return result, None
    said = {word.lower() for word in words_of(question)}
    for term, meaning in kb.glossary.items():
        if len(term) >= 3 and not is_long_form(term) and term.lower() in said \
                and not entries_about(search, kb, term, meaning):
            said_term = f"{meaning_said(term, meaning, kb.glossary)}."
            return replace(result, outcome="none", answer=None, suggestions=()), said_term
    return result, None


def is_long_form(term: str) -> bool:
    """Whether a glossary term is words written out in lower case ("county lines", "care order"), not a short form: the
    glossary points such a term at the short forms it is read with, which it does not stand for (trial 31: "county
    lines stands for CCE"; county lines is one form of child criminal exploitation)."""
    return " " in term and term == term.lower()


def meaning_said(term: str, meaning: str, glossary: Mapping[str, str]) -> str:
    """One term's meaning in words: "**PLO** stands for Public Law Outline"; for a long form, the short forms it goes
    with, each with its own meaning where that says more than the term: "**county lines**: see also CCE (child
    criminal exploitation)"."""
    if not is_long_form(term):
        return f"**{term}** stands for {meaning}"
    by_lower = {key.lower(): value for key, value in glossary.items()}
    shown = []
    for other in (part.strip() for part in meaning.split(",")):
        spelt = by_lower.get(other.lower(), "")
        said_more = spelt and not spelt.lower().startswith(term.lower())
        shown.append(f"{other} ({spelt})" if said_more else other)
    return f"**{term}**: see also {', '.join(shown)}"


def about_compared(search: KnowledgeSearch, kb: KnowledgeBase, compared: tuple[tuple[str, str], tuple[str, str]],
                   result: SearchResult) -> SearchResult:
    """What to give after the meanings of two terms asked to be told apart (knowledge.definitions.compared_terms):
    for two names of one idea ("LAC" and "CiC") what asking about the first gets, its entry rather than "I don't
    know" (trial 26); for two ideas ("ICPC" and "RCPC") what the search found for the question."""
    first, second = compared
    if not same_idea(search, first, second):
        return result
    return about_term(search, kb, first, search.search(first[0]))


def same_idea(search: KnowledgeSearch, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Whether two glossary terms (each with its meaning) are one idea as the search reads them: the same concept."""
    return bool(search.vocabulary.term_texts(words_of(first[0]))) and _key(search, first[0]) == _key(search, second[0])


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
