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
from collections.abc import Callable
from dataclasses import dataclass

# How the search reads a question's words (KnowledgeSearch.spelling): each word, lower case, with its typos put right
Spelling = Callable[[list[str]], list[str]]

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

# A timescale given: "within 20 working days", "by 3 March", "immediately", "the same day"
_TIMESCALE = (rf"\b{_NUMBER_WORD}(?:\s+|-)(?:working\s+|calendar\s+|school\s+|clear\s+)?"
              rf"(?:days?|weeks?|months?|hours?|years?)\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|"
              rf"\b{_MONTH}\s+\d{{1,2}}\b|\bimmediately\b|\bsame\s+day\b|\bnext\s+working\s+day\b|"
              rf"\bwithout\s+delay\b|\bfortnight")
# A timescale asked for: "how many days", "by when", "how soon", "how long do i have to" (trial 46 F1)
_HOW_LONG = (r"\bhow\s+many\s+(?:working\s+|calendar\s+|school\s+)?(?:days|weeks|months|hours)\b|\bby\s+when\b|"
             r"\bhow\s+soon\b|\bhow\s+long\s+(?:do|does|have|has|will|would|did)\s+(?:i|we|you|they|he|she|the\s+\w+)"
             r"\s+(?:got\s+|have\s+|get\s+)?(?:to|for)\b|"
             # trial 51 F8: "how long before a child missing education has to be reported"
             r"\bhow\s+long\s+(?:before|until|till|after)\b.{0,80}?\b(?:has\s+to|have\s+to|must|needs?\s+to|"
             r"should|is\s+due|are\s+due)\b")
# What a write-up is, asked about and answered of: writing, typing up, recording or sending out notes and minutes
_WRITE_UP = (r"\b(?:write|writing|type|typing)\s+(?:it\s+|them\s+|this\s+)?up\b|\bwrite-?ups?\b|"
             r"\b(?:minutes|case\s+notes|notes)\b|\b(?:record|recording|upload|uploading)\b|\bsend\s+(?:\w+\s+)?out\b")
_WRITTEN = (r"\b(?:written|write|writes|writing|typed|recorded|record|recording|minutes|notes|sent|send|circulated|"
            r"distributed|shared|uploaded|signed\s+off)\b")

KINDS: tuple[FactKind, ...] = (
    FactKind(
        "rate", "a rate or amount",
        _asked(r"rates?|amounts?|allowances?|fees?|costs?|payments?|pay",
               r"\bhow\s+much\s+(?:money|pay|is|are|does|do|will|would|can)\b(?!\s+(?:i|we|you)\s+(?:need\s+to\s+)?"
               r"(?:write|record|say|include|put|detail|tell|share)\b)",
               r"\bhow\s+much\s+(?:\w+\s+){0,3}(?:paid|get\s+paid|cost|costs|charge|charged)\b",
               r"\b(?:rates?|allowances?|fees?)\s+(?:is|are)\s+paid\b|\bhow\s+much\s+(?:is|are)\s+paid\b"),
        re.compile(r"£\s?\d|\d\s?(?:%|percent|per\s*cent)|\b(?:per|a|each)\s+(?:week|month|year|night|day|hour)\b|"
                   r"\bweekly\b|\bmonthly\b|\bannual(?:ly)?\b|\brates?\s+(?:is|are)\s+set\b", re.IGNORECASE)),
    FactKind(
        "form", "a form, template or link",
        _asked(r"forms?|templates?|documents?\s+name|proformas?|pro-formas?",
               r"\b(?:which|what)\s+(?:form|template|proforma)s?\b",
               # "template for a cin plan", "is there a form for…"; not "sign forms for school"
               r"(?:^|\b(?:the|a|an|any|which|what|whats|what's)\s+)(?:templates?|proformas?|pro-formas?|forms?)"
               r"\s+(?:for|to\s+use)\b"),
        re.compile(r"\bforms?\b|\btemplates?\b|\bproformas?\b|https?://|\bwww\.|`[^`\n]+`|\[[^\]\n]+\]\(",
                   re.IGNORECASE)),
    FactKind(
        "contact", "a phone number, email or contact",
        _asked(r"(?:phone|telephone|contact|mobile)\s+(?:numbers?|details?)|numbers?\s+for|e-?mail(?:\s+address)?|"
               r"contact\s+details?",
               r"\bwho\s+(?:do|should|can)\s+(?:i|we)\s+(?:call|ring|phone|email|e-mail)\b",
               # trial 46 F1: "whats the phone number for the lado", "contact details for", "email for the lado"
               r"\b(?:phone|telephone|mobile|contact|tel)\s+(?:numbers?|no|details?)\b|"
               r"(?<!case )(?<!reference )(?<!file )(?<!id )\bnumbers?\s+for\b|"
               r"\b(?:e-?mail|e-?mail\s+address)\s+(?:for|of)\b(?!\s+(?:a|an)\b)"),
        # a contact given: a number, an address, a link, a named line ("contact the LADO" alone is no way to reach them)
        re.compile(r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\S+@\S+\.\w|https?://|\bwww\.|\bhelpline\b|"
                   r"\b(?:duty|advice)\s+line\b|\bswitchboard\b|\bext(?:ension|\.)\s*\d|"
                   r"\b(?:phone|telephone|contact)\s+(?:numbers?|details?)\s+(?:is|are|in|on)\b|"
                   r"\b(?:intranet|directory|contacts?\s+(?:list|page))\b", re.IGNORECASE)),
    FactKind(
        # trial 46 F6: "how long do i have to write up a cin review" got "reviews at least every 3 months", a timescale
        # of the reviews, none of the write-up: only a timescale said of writing or sending counts
        "write-up", "a deadline or timescale for the write-up",
        re.compile(rf"(?:{_HOW_LONG}).{{0,60}}?(?:{_WRITE_UP})|(?:{_WRITE_UP}).{{0,60}}?(?:{_HOW_LONG})",
                   re.IGNORECASE),
        re.compile(rf"(?:{_WRITTEN})[^.\n•;]{{0,80}}(?:{_TIMESCALE})|(?:{_TIMESCALE})[^.\n•;]{{0,80}}(?:{_WRITTEN})",
                   re.IGNORECASE)),
    FactKind(
        # trial 50 F5: "how often shud contact with birth parents be for a baby in care" got the family time entry,
        # which says the plan records "how often" but gives no frequency, and no word that it gives none
        "frequency", "a frequency (how often)",
        re.compile(r"\bhow\s+(?:often|frequently)\b|\bhow\s+many\s+times\s+(?:a|an|per|each|every)\s+"
                   r"(?:day|week|fortnight|month|year)\b|\bwhat\s+frequency\b", re.IGNORECASE),
        re.compile(rf"\bevery\s+(?:{_NUMBER_WORD}|other|few|day|week|fortnight|month|quarter|year|school\s+term|term|visit|review|"
                   r"meeting|session)\b|"
                   r"\b(?:once|twice)\b|\b\w+\s+times\s+(?:a|an|per|each|every)\b|"
                   r"\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually|annual|six-monthly)\b|"
                   r"\b(?:per|a|each)\s+(?:day|week|fortnight|month|year|term)\b|\bat\s+intervals\b|"
                   r"\d\s?%|\b\d+\s+of\s+\d+\b", re.IGNORECASE)),
    FactKind(
        # trial 51 F8: "marac referral?? whats the dash threshold" got the domestic-abuse entry ("high risk victims
        # are referred to a MARAC"), which gives no score, and no word that it gives none
        "threshold", "a threshold or score",
        _asked(r"thresholds?|scores?|cut[\s-]?offs?|pass\s+marks?",
               r"\b(?:what|which)\s+(?:score|number\s+of\s+ticks)\b",
               r"\b(?:at|from)\s+what\s+(?:score|level|point|number)\b",
               r"\bhow\s+many\s+(?:ticks|points|yes(?:es)?|boxes)\b(?!\s+(?:are|is)\s+there\b)",
               r"\bthreshold\s+(?:score|for\s+(?:a\s+)?(?:marac|referral)|to\s+refer)\b"),
        # a number that is the threshold or score ("14 or more ticks", "a score of 17", "level 3"), or a threshold
        # given in words, as the law and the local threshold document give it ("significant harm", "level of need")
        re.compile(r"\b\d+\s*(?:\+|or\s+(?:more|above|over|higher)|and\s+(?:above|over)|ticks?|points?|yes|"
                   r"out\s+of)|\bscor(?:e|es|ed|ing)\s+(?:of\s+|at\s+least\s+|above\s+|over\s+)?\d|"
                   r"\b(?:above|over|at\s+least|more\s+than|below|under)\s+\d|\b(?:level|tier)\s+\d|"
                   r"\bsignificant\s+harm\b|\breasonable\s+cause\b|\blevels?\s+of\s+need\b|"
                   r"\bcontinuum\s+of\s+need\b|\bthreshold\s+(?:document|criteria|is|of)\b",
                   re.IGNORECASE)),
    FactKind(
        "deadline", "a deadline or timescale",
        _asked(r"deadlines?|time\s*limits?|timescales?|due\s+dates?", _HOW_LONG,
               r"\bwhen\s+(?:is|are)\s+(?:\w+\s+){0,5}?due\b"),
        re.compile(_TIMESCALE, re.IGNORECASE)),
)


_WORD = re.compile(r"[a-z0-9]+")


def asked_kind(question: str, spelling: Spelling | None = None) -> FactKind | None:
    """The specific kind of fact the question plainly asks for, if one: the first in `KINDS` whose ask it makes,
    as typed or, given the search's `spelling`, as the search reads it, typos put right (trial 46 F2: "wat form do i
    use for a private fostering notfication" asks what "what form…" asks; rushed typing must not switch it off)."""
    said = " ".join(question.lower().replace("’", "'").split())
    read = said if spelling is None else read_as(said, spelling)
    return next((kind for kind in KINDS if kind.asked.search(read)), None)


def read_as(said: str, spelling: Spelling) -> str:
    """`said` (lower case) with each word as `spelling` reads it, the rest (spaces, punctuation) as typed."""
    words = _WORD.findall(said)
    meant = dict(zip(words, spelling(words), strict=True))
    return _WORD.sub(lambda word: meant.get(word.group(), word.group()), said)


def lacking(question: str, answer: str, spelling: Spelling | None = None) -> FactKind | None:
    """The kind of fact the question asks for when the answer shows no sign of it at all; None when the question
    asks for nothing so specific, or the answer may well give it (it is then an answer, not a gap). `spelling`: the
    search's reading of words (KnowledgeSearch.spelling), so a typo reads as the word meant."""
    kind = asked_kind(question, spelling)
    if kind is None or kind.shown.search(answer):
        return None
    if kind.key == "frequency" and _REVIEWING.search(question) and _EACH_TIME.search(answer):
        return None  # "how often is the placement plan reviewed": "at each looked after review" is how often
    return kind


# How often a plan or record is reviewed or updated is given by "at each review", "whenever…", "as events happen",
# which give no frequency of anything else (the family time entry's plans "reviewed at each looked after review" say
# nothing of how often a child sees their parents)
_REVIEWING = re.compile(r"\b(?:review|reviews|reviewed|reviewing|update|updates|updated|updating)\b", re.IGNORECASE)
_EACH_TIME = re.compile(r"\b(?:at|after)\s+(?:each|every)\b|\bwhenever\b|\bas\s+(?:\w+\s+){0,2}happen",
                        re.IGNORECASE)


def by_key(key: str | None) -> FactKind | None:
    """The kind stored with a question, by its key (None for a key no longer in the table)."""
    return next((kind for kind in KINDS if kind.key == key), None)
