"""Two-letter first names where only a person stands (trial 38, H1: 'Ty told the teacher he was hit', 'Ed told his
teacher that Bo gets locked in the shed', 'Name: Ed, age 9', 'the eldest (Ty) was spoken to' were stored).

The name finder leaves words of two letters to the initials rule (bot/privacy/initials.py), which refuses 'Jo said'
as 'JO' but lets 'TY' (thank you) and 'ED' (the emergency department) pass as acronyms, and 'Bo' before a verb it
does not list. Here a word of two letters, capitalised ('Ty') or typed small ('ty'), is a name in a person's
place alone:
- the subject of telling or of what is done only to a person: 'Ty told the teacher', 'Ed said', 'that Bo gets
  locked in the shed'; typed small only at a sentence's start or after a word opening a clause ('ty told the
  teacher', 'and ed said');
- after a naming cue: 'Name: Ed', 'her name is Bo', 'known as Ty', 'a boy called Ed';
- in brackets after a person: 'the eldest (Ty)', 'mum (Jo)';
- before an age: 'Ed, age 9', 'Ty (9)', 'Bo aged 4';
- two or more joined by 'and' or commas where a clause starts, before what is said of people: 'ty and ed are on a
  plan', 'ty and ed on a plan', 'ty, ed and bo were seen', 'Ty and Ed were at school' (the join is the evidence a
  lone word lacks: 'ty is on a plan' passes).
Never a word that is no name there: an everyday or function word ('It', 'Is', 'Hi', 'OK', 'so', 'in'), a title or a
role ('Dr', 'Mr', 'Ms', 'SW', 'TM', 'PA'), a service's short form typed small ('ss', 'sc', 'ey': 'ss and sc were
at'), a family word ('ma', 'pa'), or an acronym of the bot's vocabulary that is no census first name ('GP', 'UK');
the census names among the acronyms ('Ty', 'Ed') are names in these places.
Tested in tests/unit/test_privacy_short_names.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import _ADVERB, DETERMINERS, NICKNAME_CUES, PARTICLES, RELATIONS, ROLES, TITLES, Hit
from bot.privacy.initials import AGE_AFTER
from bot.privacy.lexicon import Lexicon, _split
from bot.privacy.person_context import _CLAUSE_OPENERS, _SENTENCE_END, PERSON_NOUNS, PERSON_PREDICATE

# A word of two letters, capitalised or small: not a part of a longer word, a contraction or an acronym in capitals.
_CANDIDATE = re.compile(r"(?<![\w'’.&+/-])(?:[A-Z][a-z]|[a-z]{2})(?![\w'’&+/-])")
# Two-letter words that are never a first name in a note, whatever the lists say: sounds, family words, words of
# other languages a note quotes.
_NEVER_SHORT_NAMES = frozenset(_split("""
ah eh er oh uh um ya ye yo ha na ma pa la le mi ta un ok so in an al am as at be by do go he hi if is it me my no of
on or to up us we ex vs cf eg ie re nb
"""))
# Telling, or what is done only to a person, after the word: 'Ty told', 'Ed said', 'Bo gets locked in the shed'.
_TOLD_OR_DONE_TO = re.compile(
    rf"^{_ADVERB}\s+(?:told|tells|said|says|disclosed|discloses|reported|reports|stated|states|shared|explained|"
    r"alleged|asked|cried|screamed|whispered|(?:gets|got|is|was|has\s+been|is\s+being|was\s+being|keeps\s+getting)"
    r"\s+(?:locked|hit|hurt|smacked|slapped|beaten|kicked|punched|pushed|grabbed|shouted\s+at|left\s+alone|shut))\b",
    re.IGNORECASE)
# A naming cue just before: 'Name: Ed', 'her name is Bo', 'known as Ty', 'a boy called Ed'.
_NAMED_BEFORE = re.compile(
    rf"(?:\bname\s*(?:[:=–-]|\bis)|\b(?:{NICKNAME_CUES})|"
    rf"\b(?:{'|'.join(sorted(PERSON_NOUNS | {'eldest', 'youngest', 'oldest'}))})\s+(?:is\s+)?(?:called|named))\s*$",
    re.IGNORECASE)
# A person, then an opening bracket: 'the eldest (Ty)', 'mum (Jo)'.
_PERSON_BRACKET = re.compile(
    rf"\b(?:{'|'.join(sorted(PERSON_NOUNS | RELATIONS | {'eldest', 'youngest', 'oldest', 'middle'}))})\s*\(\s*$",
    re.IGNORECASE)
_ROMAN = re.compile(r"[ivx]+")  # 'part ii said', 'year vi'
# Words after which a word typed small starts a clause or follows a person ('and ed said', 'child ty was seen alone').
_SUBJECT_BEFORE = _CLAUSE_OPENERS | PERSON_NOUNS | {"and", "but", "because", "when", "so", "then", "if"}
_BRACKET_ENDS = re.compile(r"^\s*(?:\)|,\s*(?:aged?\s*)?\d{1,2}\s*\))")
# Two or more words of two letters joined by 'and', '&' or commas: 'ty and ed', 'ty, ed and bo', 'Ty & Ed'.
_JOINED = re.compile(rf"{_CANDIDATE.pattern}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+){_CANDIDATE.pattern})+")
# What is said of people after such a join: 'are on a plan', 'on a CP plan', 'are subject to', 'were seen', 'were at'.
_JOINED_CUE = re.compile(
    r"^\s+(?:(?:are|were|both|all|have\s+been|had\s+been|remain|remained)\s+)*"
    r"(?:on\s+(?:(?:a|the|their|an)\s+)?(?:[\w-]+\s+){0,3}plans?|subject\s+to|seen|at)\b", re.IGNORECASE)
# Service short forms typed small that are never a child's name, though no acronym list has them in lower case:
# social services, social care, early years, school nurse, further education, risk assessment, safeguarding.
_SERVICE_SHORT_WORDS = frozenset(_split("ss sc ey sn fe ra sg rm pt ft fa ca ec cc"))


def short_name_hits(text: str, acronyms: frozenset[str], lexicon: Lexicon) -> list[Hit]:
    """The words of two letters in `text` that stand where only a person does (see the module's docstring), as
    names. `acronyms` (in capitals) and the lexicon's everyday words, titles and roles are never names, but for a
    census first name among the acronyms ('TY', 'ED')."""
    hits: list[Hit] = []
    for found in _CANDIDATE.finditer(text):
        word = found.group(0)
        if not _could_be_a_name(word, acronyms, lexicon):
            continue
        before = text[max(0, found.start() - 40):found.start()]
        after = text[found.end():found.end() + 60]
        if _in_a_persons_place(word, before, after) and Hit("name", word) not in hits:
            hits.append(Hit("name", word))
    for word in _joined_names(text, acronyms, lexicon):
        if Hit("name", word) not in hits:
            hits.append(Hit("name", word))
    return hits


def _joined_names(text: str, acronyms: frozenset[str], lexicon: Lexicon) -> list[str]:
    """The words of two or more joined words of two letters ('ty and ed', 'ty, ed and bo') that start a clause
    before what is said of people ('are on a plan', 'were seen', 'told'): each may be a first name and none is a
    service's short form ('ss and sc were at the meeting' passes)."""
    names: list[str] = []
    for found in _JOINED.finditer(text):
        words = _CANDIDATE.findall(found.group(0))
        if not all(_could_be_a_name(word, acronyms, lexicon) for word in words):
            continue
        before = text[max(0, found.start() - 40):found.start()]
        after = text[found.end():found.end() + 60]
        cued = _JOINED_CUE.match(after) or _TOLD_OR_DONE_TO.match(after) or PERSON_PREDICATE.match(after)
        if cued and _starts_a_clause(words[0], before):
            names += words
    return names


def _could_be_a_name(word: str, acronyms: frozenset[str], lexicon: Lexicon) -> bool:
    """A word of two letters that may be a first name: none of the words that never are, no Roman numeral typed
    small ('part ii'), no service's short form ('ss said', 'sc told'), and an acronym only when the census has it
    as a first name ('ty', 'ed'; not 'gp', 'uk')."""
    folded = word.casefold()
    if folded in _NEVER_SHORT_NAMES or folded in _SERVICE_SHORT_WORDS or folded in TITLES or folded in ROLES \
            or folded in RELATIONS or folded in DETERMINERS or folded in PARTICLES or folded in lexicon.never_names \
            or folded in lexicon.everyday_words or _ROMAN.fullmatch(word):
        return False
    return folded.upper() not in acronyms or folded in lexicon.census_given


def _in_a_persons_place(word: str, before: str, after: str) -> bool:
    """Whether the words around `word` say a person is meant; a word typed small is a clause's subject only at a
    sentence's start or after a word opening a clause ('ty told the teacher', 'and ed said')."""
    if _NAMED_BEFORE.search(before) or AGE_AFTER.match(after) or (
            _PERSON_BRACKET.search(before) and _BRACKET_ENDS.match(after)):
        return True
    if not (_TOLD_OR_DONE_TO.match(after) or PERSON_PREDICATE.match(after)):
        return False
    return _starts_a_clause(word, before)


def _starts_a_clause(word: str, before: str) -> bool:
    """Whether `word` may be a clause's subject: capitalised anywhere, typed small at a sentence's start, after a
    comma or after a word opening a clause ('ty told the teacher', 'and ed said')."""
    if word[0].isupper():
        return True
    last = re.findall(r"[\w'’]+", before)
    return not before.strip() or bool(_SENTENCE_END.search(before)) or before.rstrip().endswith(",") or (
        bool(last) and last[-1].casefold() in _SUBJECT_BEFORE)
