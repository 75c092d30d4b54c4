"""A question that asks for one specific kind of fact (a rate, a form, a phone number, a deadline) answered by an
entry that plainly gives none.

Trial 44 F8: "what is the staying put allowance rate for 2026" got the whole staying-put entry, which gives no
rate, and "what is the form for a section 7 report" the section 7/37 entry, which names no form. Both were
confident answers, so neither reached the QA leads. The entry is still the nearest, so it is still given, but the
asker is told what it lacks and the question goes on the QA leads' list.

Kept narrow on purpose: a kind counts as asked only when its word is plainly the object of the question ("what is
the … rate", "which form", "how much is"), and as missing only when the answer shows no sign of that kind at all
(no £ amount, percentage or "per week"; no form, template, link or path; …). Plain Python, no Slack, no storage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that may stand between "what is the" and the word asked for, as the rest of one noun phrase ("the staying put
# allowance rate"): a preposition, article, verb or question word ends the phrase, so "what is the point of the fee"
# does not ask for a fee.
_PHRASE_BREAK = ("of|for|to|in|on|at|with|about|by|from|under|into|over|as|and|or|but|if|when|where|which|who|why|how|"
                 "what|is|are|was|were|be|been|do|does|did|can|could|should|would|will|must|may|might|has|have|had|"
                 "get|gets|i|we|you|they|he|she|it|a|an|the|this|that|these|those|our|my|your|their")
# What may follow the word asked for, so it is the head of its phrase ("the form for …", "the rate in 2026", "the
# deadline?"), not a word describing another ("the rate setting policy").
_AFTER = (r"(?=\s*(?:$|[?.!,;:]|\b(?:for|of|in|on|at|to|under|per|when|if|from|with|now|currently|please|this|that|we|"
          r"i|you|they|is|are|do|does|should|would|will|can|\d+)\b))")
_WHAT_IS = r"(?:^|[.?!,;]\s*)(?:so\s+|and\s+|ok\s+|also\s+)?(?:what|whats|what's|which)(?:\s+(?:is|are|was|were|'s))?" \
           r"(?:\s+(?:the|our|a|an|their|current|latest))*"
_WORDS = rf"(?:\s+(?!(?:{_PHRASE_BREAK})\b)[a-z0-9'-]+){{0,4}}?"


@dataclass(frozen=True)
class FactKind:
    """One kind of fact a question can ask for: how to see the ask in a question and the fact in an answer."""

    key: str  # kept with the question ("rate"), for the QA leads' list
    named: str  # said to the asker and the QA leads: "a rate or amount"
    asked: re.Pattern[str]
    shown: re.Pattern[str]


def _asked(nouns: str, *others: str) -> re.Pattern[str]:
    """A question asking for one of `nouns` as its object ("what is the … rate", "which form"), or any of `others`."""
    what = rf"{_WHAT_IS}{_WORDS}\s+(?:{nouns}){_AFTER}"
    return re.compile("|".join((what, *others)), re.IGNORECASE)


_NUMBER_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"

KINDS: tuple[FactKind, ...] = (
    FactKind(
        "rate", "a rate or amount",
        _asked(r"rates?|amounts?|allowances?|fees?|costs?|payments?|pay",
               r"\bhow\s+much\s+(?:money|pay|is|are|does|do|will|would|can)\b(?!\s+(?:i|we|you)\s+(?:need\s+to\s+)?"
               r"(?:write|record|say|include|put|detail|tell|share)\b)",
               r"\bhow\s+much\s+(?:\w+\s+){0,3}(?:paid|get\s+paid|cost|costs|charge|charged)\b"),
        re.compile(r"£\s?\d|\d\s?(?:%|percent|per\s*cent)|\b(?:per|a|each)\s+(?:week|month|year|night|day|hour)\b|"
                   r"\bweekly\b|\bmonthly\b|\bannual(?:ly)?\b|\brates?\s+(?:is|are)\s+set\b", re.IGNORECASE)),
    FactKind(
        "form", "a form, template or link",
        _asked(r"forms?|templates?|documents?\s+name|proformas?|pro-formas?",
               r"\b(?:which|what)\s+(?:form|template|proforma)s?\b"),
        re.compile(r"\bforms?\b|\btemplates?\b|\bproformas?\b|https?://|\bwww\.|`[^`\n]+`|\[[^\]\n]+\]\(",
                   re.IGNORECASE)),
    FactKind(
        "contact", "a phone number, email or contact",
        _asked(r"(?:phone|telephone|contact|mobile)\s+(?:numbers?|details?)|numbers?\s+for|e-?mail(?:\s+address)?|"
               r"contact\s+details?",
               r"\bwho\s+(?:do|should|can)\s+(?:i|we)\s+(?:contact|call|ring|phone|email)\b"),
        re.compile(r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\S+@\S+\.\w|\bcontact|\bcall\b|\bring\b|\bphone|\bemail|"
                   r"\bhelpline\b", re.IGNORECASE)),
    FactKind(
        "deadline", "a deadline or timescale",
        _asked(r"deadlines?|time\s*limits?|timescales?|due\s+dates?",
               r"\bhow\s+many\s+(?:working\s+|calendar\s+|school\s+)?(?:days|weeks|months|hours)\b",
               r"\bby\s+when\b|\bwhen\s+(?:is|are)\s+(?:\w+\s+){0,5}?due\b|\bhow\s+soon\b"),
        re.compile(rf"\b{_NUMBER_WORD}(?:\s+|-)(?:working\s+|calendar\s+|school\s+|clear\s+)?"
                   rf"(?:days?|weeks?|months?|hours?|years?)\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|"
                   rf"\b{_MONTH}\s+\d{{1,2}}\b|\bimmediately\b|\bsame\s+day\b|\bnext\s+working\s+day\b|"
                   rf"\bwithout\s+delay\b|\bfortnight", re.IGNORECASE)),
)


def asked_kind(question: str) -> FactKind | None:
    """The specific kind of fact the question plainly asks for, if one: the first in `KINDS` whose ask it makes."""
    said = " ".join(question.lower().replace("’", "'").split())
    return next((kind for kind in KINDS if kind.asked.search(said)), None)


def lacking(question: str, answer: str) -> FactKind | None:
    """The kind of fact the question asks for when the answer shows no sign of it at all; None when the question
    asks for nothing so specific, or the answer may well give it (it is then an answer, not a gap)."""
    kind = asked_kind(question)
    if kind is None or kind.shown.search(answer):
        return None
    return kind


def by_key(key: str | None) -> FactKind | None:
    """The kind stored with a question, by its key (None for a key no longer in the table)."""
    return next((kind for kind in KINDS if kind.key == key), None)
