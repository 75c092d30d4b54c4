"""A person's initials ('JS told me she was scared', "JK's mum", 'direct work with J.S.'): a child's initials
identify them to anyone who knows the family, as a name does.

Two or three capitals (or dotted, 'J.S.', 'J. K. R.') count as initials only where the words around them say a
person is meant: a person's verb or possessive after them (the name finder's own PERSON_AFTER: 'JS said',
"JK's", 'AB and her mum', 'AB (12)'), a word before that only a person follows ('child JS', 'YP AB', 'brother
KM', 'saw JS'), or 'for', 'with', 'to', 'about' or 'and' before them with the clause ending after ('spoke to JS
about school', 'direct work with AB.', 'mum and JB today').

Never the domain's acronyms: the knowledge base's own glossary and vocabulary (knowledge/kb/glossary.yaml,
knowledge/vocabulary.yaml: CP, CIN, LAC, IRO, SW, MASH, PLO, SGO, CAMHS...), the name finder's roles, relations
and words of practice, everyday words in capitals ('she was NOT seen', 'UK'), Roman numerals, and the few
everyday acronyms no knowledge file lists (bot/privacy/data/everyday_acronyms.txt: PE, ID, OCD, DWP...). After
'the', 'a' or a possessive ('the ICB has', 'her PIP was stopped') capitals are a body or a thing. Initials that
are also everyday words ('AS', 'AM', 'IT') cannot be told from the word and pass.

After a second trial ('mum said that JS was hit', 'mum said js was hit', 'child seen with mum and jk' were stored):
'that' or 'this' after a verb of saying or thinking joins a clause and owns nothing ('said that JS was hit'), and
initials typed small count after 'said', 'told', 'that' or 'this' with what is said only of a person after them ('js
was hit', 'km can be seen alone'), or beside a family word ('with mum and jk', 'jk and her mum').

After an eighth trial ('case of jj' was a campaign's name, 'how do i audit the case of jj' a question): initials after
'case of' count, typed either way, as a case is of a person; not after 'in case of' or 'a case of' ('a case of TB').

After trial 22 ('the lad (T.B.) wants to stay at his nan's', 'is D.M. too young to be seen alone' were stored):
initials in brackets right after a person count ('the lad (T.B.)', 'mum (KL)'); and initials written with full stops
are written as initials, so what is said of a child after them is enough ('D.M. too young', 'D.M. was hit'), and only
a practice term or a dotted abbreviation ('the U.K.', 'N.B.') is no person there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import yaml

from bot.privacy.detect import PERSON_AFTER, RELATIONS, ROLES, TITLES, Hit
from bot.privacy.lexicon import Lexicon
from bot.privacy.person_context import NAMING_CUE, PERSON_NOUNS, PERSON_PREDICATE
from bot.privacy.practice_spelling import SHORTEST

EVERYDAY_ACRONYMS_FILE = Path(__file__).parent / "data" / "everyday_acronyms.txt"
KNOWLEDGE_DIR = Path(str(resources.files("knowledge")))  # the knowledge base shipped with the bot
GLOSSARY_FILE = KNOWLEDGE_DIR / "kb" / "glossary.yaml"
VOCABULARY_FILE = KNOWLEDGE_DIR / "vocabulary.yaml"
ADULT_AGE = 18  # a role's letters before a younger age are a child's initials ('TM aged 15'), not the worker
MOSTLY_CAPITALS = 0.7  # text with more of its letters in capitals than this is shouted: capitals say nothing there

# Two or three capitals standing alone, or dotted initials; not part of a longer word, a reference (CR-123456),
# 'A&E', 'KS2' or 'PP+'.
_CANDIDATE = re.compile(r"(?<![\w.&+/'’-])(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z](?:\.\s?[A-Z])?\.?)(?![\w&+/-]|\.\w)")
_ROMAN = re.compile(r"[IVX]+")
_SHORT = re.compile(r"[A-Za-z]{2,3}")
# 'the case of JJ', 'audit case of jj': a case is of a person; not 'in case of', 'a case of TB' (what happens).
_CASE_OF = (r"(?<!\bin\s)(?<!\ban\s)(?<!\ba\s)(?<!\bany\s)(?<!\bevery\s)(?<!\beach\s)(?<!\bno\s)(?<!\bone\s)"
            r"\bcase\s+of")
# Only a person follows these: 'child JS', 'YP AB', 'brother KM', 'saw JS', 'the case of JS'.
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:child|children|yp|cyp|young\s+person|baby|son|daughter|brother|sister|sibling|siblings|cousin|twin|"
    rf"stepson|stepdaughter|(?:saw|seen|visited|met|told|asked|reassured|supported|praised)(?:\s+with)?)|{_CASE_OF})"
    r"\s+$", re.IGNORECASE)
# A person or a service may follow these; initials only when the clause ends after them ('spoke to JS about',
# 'work with AB.'), not 'referred to XYZ service'.
_LINK_BEFORE = re.compile(r"\b(?:for|with|to|about|and)\s+$", re.IGNORECASE)
_CLAUSE_ENDS_AFTER = re.compile(
    r"^(?:\s*(?:[,.;:!?)–]|\s-\s|$)|\s+(?:at|on|in|about|after|before|with|and|who|today|yesterday|alone|again|"
    r"this|last|over|during|from|since|because|as|when|while|but|so)\b)", re.IGNORECASE)
# Illnesses and conditions known by their letters: after a person 'with', 'has', 'got' or 'diagnosed with' ('looks
# after mum with MS', 'dad has PTSD', 'diagnosed with ADHD') they are the illness, not a person (trial 51, F2);
# elsewhere ('mum KT', 'child MS said') letters are judged as any others.
CONDITIONS = frozenset(re.findall(r"\w+", """MS ME MND CF HIV AIDS PTSD CPTSD OCD BPD EUPD ADHD ADD ASD ASC CFS
COPD FASD FAS PD MH SMA DMD CP SEMH SLCN PMLD IBS IBD RA MI TBI ABI DVT HD PKU PND PPD GAD SAD DID NAS NMS FND MSA ALS
LD DS TS CKD HEP HCV HBV TB"""))
_HAS_A_CONDITION = PERSON_NOUNS | RELATIONS | {"parent", "parents", "adult", "adults", "he", "she", "they", "people"}
_CONDITION_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(_HAS_A_CONDITION))})"
    r"\s+with|\b(?:has|have|had|having|got|gets|diagnosed(?:\s+with)?|dx(?:\s+(?:of|with))?|diagnosis\s+of|"
    r"suffers\s+from|suffering\s+from|living\s+with|lives\s+with|affected\s+by|because\s+of|due\s+to|caused\s+by))"
    r"(?:\s+(?:severe|chronic|mild|suspected|possible|probable|diagnosed|undiagnosed|complex|relapsing|progressive|"
    r"secondary|primary|long-term|untreated))?\s+$", re.IGNORECASE)
# Initials typed without capitals, or as one capital and a small letter ('child js', 'Js told me', 'a lad called tj
# who'): a token of two or three letters, never a contraction's first part ('isn't').
_TYPED_CANDIDATE = re.compile(r"(?<![\w.&+/'’-])(?:[a-z]{2,3}|[A-Z][a-z])(?=['’]s\b|(?![\w&+/'’-]|\.\w))")
# Typed so, initials are judged only in the strongest places: after a person, a naming cue or 'the case of' ('child
# ab', 'brother km', 'a lad called tj', 'the case of jj'), or before a person's words ('js said', "ab's mum", 'tj who',
# 'ab is 4', 'km (12)').
_TYPED_PERSON_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(sorted(PERSON_NOUNS))}|young\s+person)"
                                  rf"(?:\s+(?:{NAMING_CUE}))?|\b(?:{NAMING_CUE})|{_CASE_OF})\s+$", re.IGNORECASE)
_TYPED_PERSON_AFTER = re.compile(
    r"^(?:['’]s\s+[a-z]|\s*\((?:aged?\s*)?\d{1,2}\)|\s+who\b|\s+(?:is|was)\s+(?:aged?\s+)?\d{1,2}\b|"
    r"\s+(?:is|was)\s+in\s+year\b|"
    r"(?:\s+(?:also|then|still|now|never|always|just|often|finally|later))?\s+(?:said|says|told|tells|disclosed|"
    r"discloses|reported|reports|stated|states|shared|explained|described|asked|wants|wanted|feels|felt|cried|"
    r"refused|keeps|kept|ran|absconded|went\s+missing)\b)", re.IGNORECASE)
# Initials in brackets after a person: 'the lad (T.B.) wants', 'mum (KL) said' (trial 22).
_BRACKETED_AFTER_PERSON = re.compile(
    rf"\b(?:{'|'.join(sorted(re.escape(word) for word in PERSON_NOUNS | RELATIONS))})\s*\(\s*$", re.IGNORECASE)
_BRACKET_CLOSES = re.compile(r"^\s*\)")
# Dotted initials ('D.M.') are written as initials, so what is said of a child after them is enough: 'is D.M. too
# young to be seen alone', 'D.M. was hit'; and only the dotted abbreviations of everyday writing and the practice terms
# are no person ('the U.K.', 'a.m.', 'N.B.'), not every acronym the bot knows ('DM' is also a direct message).
_DOTTED = re.compile(r"(?:[A-Z]\.\s?){2,3}")
DOTTED_ABBREVIATIONS = frozenset({"UK", "US", "USA", "EU", "UN", "DOH", "DFE", "BBC", "AKA", "ETA", "RIP", "OBE", "MBE",
                                  "CBE", "PTO"})
_DOTTED_PERSON_AFTER = re.compile(r"^\s+(?:is\s+|was\s+)?(?:too\s+(?:young|old|little)|old\s+enough|"
                                  r"(?:to\s+)?be\s+seen|at\s+risk)\b", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|our|your|my|this|that|each|every|any|no)\s+$",
                           re.IGNORECASE)
# 'that' and 'this' joining a clause after saying or thinking: 'mum said that JS was hit', 'worried this km is'.
_CLAUSE_THAT = re.compile(
    r"\b(?:said|says|told|tells|disclosed|reported|stated|shared|explained|alleged|claimed|confirmed|thinks?|thought|"
    r"knows?|knew|believes?|believed|feels?|felt|worried|concerned|aware|clear|sure|ensure|record|recorded|noted|so)"
    r"(?:\s+(?:me|us|him|her|them|you))?\s+(?:that|this)\s+$", re.IGNORECASE)
# Saying before typed initials, with a person's predicate after them: 'mum said js was hit'.
_TYPED_SAID_BEFORE = re.compile(r"\b(?:said|says|told|tells|that|this)(?:\s+(?:me|us|him|her|them))?\s+$",
                                re.IGNORECASE)
_FAMILY = "|".join(sorted(RELATIONS - {"child", "baby", "yp", "partner"}))
# Beside a family word in a list of people: 'with mum and jk', 'jk and her mum'.
_TYPED_FAMILY_BEFORE = re.compile(rf"\b(?:{_FAMILY})\s+(?:and|&)\s+$", re.IGNORECASE)
_TYPED_FAMILY_AFTER = re.compile(rf"^\s+(?:and|&)\s+(?:(?:his|her|their)\s+)?(?:{_FAMILY})\b", re.IGNORECASE)
# An age right after: 'jj age 4', 'tm aged 15', 'KB 12yo', 'AB, 12 years old', 'JJ (4)'; not a length of time ('CP 2
# years', 'aged 15 months' is a baby's age only after a person word, as the name finder has it), nor a check at an
# age ('HV 2 year old check').
AGE_AFTER = re.compile(
    r"^(?:(?:\s*,)?\s+(?:aged?\s*\d{1,2}\b(?!\s*(?:%|weeks?|days?|months?|mths?))|"
    r"\d{1,2}\s*(?:yo|y/o|y\.o\.?|(?:yrs?|years?)[\s-]*old)(?![\w/]))|\s*\((?:aged?\s*)?\d{1,2}\))"
    # a check at an age, not a person: 'HV 2 year old check', 'age 2 review'
    r"(?!\s*(?:check|review|assessment|development|offer|funding|entitlement|place|provision)s?\b)",
    re.IGNORECASE)


def initials_hits(text: str, allowed: frozenset[str], lexicon: Lexicon) -> list[Hit]:
    """Initials used as a person in `text` (written in ordinary case; text mostly in capitals is not read here).

    `allowed` holds acronyms in capitals (`load_acronyms`); the lexicon gives the everyday words and the name
    finder's words of practice (UPN, DOB, LCS) that are never a person."""
    if shouted(text):
        return []
    hits = _typed_initials(text, allowed, lexicon)
    for found in _CANDIDATE.finditer(text):
        letters = re.sub(r"[.\s]", "", found.group(0))
        before = text[max(0, found.start() - 30):found.start()]
        after = text[found.end():found.end() + 40]
        aged = AGE_AFTER.match(after)
        dotted = bool(_DOTTED.fullmatch(found.group(0).strip()))
        known = DOTTED_ABBREVIATIONS | practice_terms() if dotted else allowed
        if not (_initials_before_an_age(letters, aged, lexicon) if aged else is_initials(letters, known, lexicon)):
            continue
        if _a_condition(letters, before):
            continue  # 'mum with MS', 'dad has PTSD'
        if _OWNER_BEFORE.search(before) and not _CLAUSE_THAT.search(before):
            continue  # 'the ICB has agreed', 'her PIP was stopped'; not 'mum said that JS was hit'
        if aged or PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before) or (
                _LINK_BEFORE.search(before) and _CLAUSE_ENDS_AFTER.match(after)) or (
                _BRACKETED_AFTER_PERSON.search(before) and _BRACKET_CLOSES.match(after)) or (
                dotted and (_DOTTED_PERSON_AFTER.match(after) or PERSON_PREDICATE.match(after))):
            words = found.group(0).strip()
            if Hit("initials", words) not in hits:
                hits.append(Hit("initials", words))
    return hits


def _a_condition(letters: str, before: str) -> bool:
    """Whether letters known as an illness follow 'with', 'has', 'got' or 'diagnosed with': the illness, not a
    person's initials ('looks after mum with MS')."""
    return letters in CONDITIONS and bool(_CONDITION_BEFORE.search(before))


def shouted(text: str) -> bool:
    """Whether `text` has no letters or is mostly in capitals, where capitals say nothing of initials."""
    letters_in_text = [c for c in text if c.isalpha()]
    return not letters_in_text or sum(c.isupper() for c in letters_in_text) / len(letters_in_text) > MOSTLY_CAPITALS


def _typed_initials(text: str, allowed: frozenset[str], lexicon: Lexicon) -> list[Hit]:
    """Initials typed in lower case or as 'Js', in the strongest person places only (see _TYPED_PERSON_BEFORE):
    never an acronym of the allow-list typed small ('the sw said', 'gp said'), an everyday word ('it said', 'we
    told'), a three-letter English word ('lad', 'bro') or chat shorthand (everyday_acronyms.txt: 'bf', 'tbh')."""
    hits: list[Hit] = []
    for found in _TYPED_CANDIDATE.finditer(text):
        letters = found.group(0)
        before = text[max(0, found.start() - 40):found.start()]
        after = text[found.end():found.end() + 40]
        aged = AGE_AFTER.match(after)
        known = letters.casefold() in TITLES or (len(letters) == 3 and letters.casefold() in lexicon.common_words)
        if known or not (_initials_before_an_age(letters.upper(), aged, lexicon) if aged
                         else is_initials(letters.upper(), allowed, lexicon)):
            continue
        if _a_condition(letters.upper(), before):
            continue  # 'mum with ms'
        if _OWNER_BEFORE.search(before) and not _CLAUSE_THAT.search(before):
            continue  # 'the js' is a thing
        placed = aged or _TYPED_PERSON_BEFORE.search(before) or _TYPED_PERSON_AFTER.match(after) or (
            _TYPED_SAID_BEFORE.search(before) and PERSON_PREDICATE.match(after)) or (
            (_TYPED_FAMILY_BEFORE.search(before) and _CLAUSE_ENDS_AFTER.match(after))
            or _TYPED_FAMILY_AFTER.match(after))
        if placed and Hit("initials", letters) not in hits:
            hits.append(Hit("initials", letters))
    return hits


def is_initials(letters: str, allowed: frozenset[str], lexicon: Lexicon) -> bool:
    """Letters in capitals that could be a person's initials: no acronym of `allowed`, role, relation, word that is
    never a name, everyday word or Roman numeral (also judged after a diminutive, bot/privacy/diminutives.py)."""
    folded = letters.casefold()
    return not (letters in allowed or folded in ROLES or folded in RELATIONS or folded in lexicon.never_names
                or folded in lexicon.everyday_words or _ROMAN.fullmatch(letters))


def _initials_before_an_age(letters: str, age: re.Match[str], lexicon: Lexicon) -> bool:
    """Before an age ('jj age 4', 'KB 12yo', 'tm aged 15') two or three letters are a person unless they are a term
    of practice ('CP age 4', 'LAC aged 15', 'OCD age 12'), a relation ('yp aged 15', 'mum aged 25') or an everyday
    word ('at age 4'); the bot's own words are not terms there ('KB 12yo'), nor is a role before a child's age ('TM
    aged 15' is no team manager; 'SW aged 30' is the worker)."""
    folded = letters.casefold()
    years = re.search(r"\d+", age.group(0))
    adult = years is not None and int(years.group(0)) >= ADULT_AGE
    return not ((letters in practice_terms() and (adult or folded not in ROLES)) or folded in RELATIONS
                or folded in lexicon.everyday_words or _ROMAN.fullmatch(letters))


def load_acronyms() -> frozenset[str]:
    """The acronyms initials are never mistaken for, in capitals: the practice terms (the knowledge base's glossary
    terms and the capitalised words of their meanings, 'CPP, CP plan', and the everyday acronyms file) and its
    vocabulary's short words ('icpc', 'strat'). A missing or unreadable knowledge file leaves only what the others
    give."""
    words: set[str] = set(practice_terms())
    vocabulary = _yaml_key(VOCABULARY_FILE, "vocabulary")
    if isinstance(vocabulary, list):
        words.update(phrase.upper() for group in vocabulary if isinstance(group, list) for phrase in group
                     if isinstance(phrase, str) and _SHORT.fullmatch(phrase))
    return frozenset(words)


def vocabulary_words() -> frozenset[str]:
    """The vocabulary's one-word phrasings in lower case ('strat', 'cuckooing', 'genogram', 'absconded'): words of
    the practice that no English word list holds, so 'what about strat' is a question, not a stranger's name. A
    missing or unreadable vocabulary file gives none."""
    vocabulary = _yaml_key(VOCABULARY_FILE, "vocabulary")
    if not isinstance(vocabulary, list):
        return frozenset()
    return frozenset(phrase.casefold() for group in vocabulary if isinstance(group, list) for phrase in group
                     if isinstance(phrase, str) and phrase.isalpha())


def practice_words() -> frozenset[str]:
    """The words of the vocabulary's phrasings and the glossary's meanings, in lower case, of
    practice_spelling.SHORTEST letters or more ('chronology', 'safeguarding', 'genogram'): a lower-case word one slip
    from one is that word misspelt, not a stranger's name (bot/privacy/practice_spelling.py). Missing or unreadable
    files give none."""
    phrases: list[object] = []
    vocabulary = _yaml_key(VOCABULARY_FILE, "vocabulary")
    if isinstance(vocabulary, list):
        phrases += [phrase for group in vocabulary if isinstance(group, list) for phrase in group]
    glossary = _yaml_key(GLOSSARY_FILE, "glossary")
    if isinstance(glossary, dict):
        phrases += [f"{term} {meaning}" for term, meaning in glossary.items()]
    return frozenset(word for phrase in phrases if isinstance(phrase, str)
                     for word in re.findall(r"[a-z]+", phrase.casefold()) if len(word) >= SHORTEST)


@functools.cache
def practice_terms() -> frozenset[str]:
    """The acronyms that stay words even before an age, in capitals: the knowledge base's glossary terms and
    the everyday acronyms file ('CP age 4', 'LAC aged 15', 'CIN 12 years old', 'diagnosed with OCD age 12'). The
    vocabulary's short words are how people ask the bot ('kb', 'faq'), not words of a case: before an age, 'KB
    12yo' is a child's initials."""
    words: set[str] = set(_data_words(EVERYDAY_ACRONYMS_FILE))
    glossary = _yaml_key(GLOSSARY_FILE, "glossary")
    if isinstance(glossary, dict):
        for term, meaning in glossary.items():
            words.update(_capitalised(f"{term} {meaning}"))
            if isinstance(term, str) and _SHORT.fullmatch(term):
                words.add(term.upper())  # 'strat', 'CiC', 'HoS'
    return frozenset(words)


def _capitalised(text: str) -> Iterable[str]:
    """Words of two or more capitals in a glossary line: 'ICPC, RCPC', 'DASH RIC', 'HM Courts'."""
    return (word.upper() for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
            if sum(c.isupper() for c in word) >= 2)


def _yaml_key(path: Path, key: str) -> object:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError):
        return None
    return data.get(key) if isinstance(data, dict) else None


def _data_words(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [word.upper() for line in lines for word in line.split("#", 1)[0].split()]
