"""Turning questions and answers into comparable search terms.

Practitioners write "when's the ICPC due", "initial child protection conference deadline" or "how long till
the conference": all three should meet the same terms. Text is lower-cased, split into words, lightly
stemmed, and known phrases (glossary terms, acronyms, and the groups of knowledge/vocabulary.yaml) are replaced
by one concept term, so an acronym and its meaning, or two ways of saying "deadline", count as the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from knowledge.english import common_words

WORD = re.compile(r"[a-z0-9]+")
HYPHENATED = re.compile(r"\b([a-z]+)-([a-z]+)\b")
# How "section" is shortened before its number ("s47", "sec 31", "sect. 20"): spelt here only, for words_of below and
# for knowledge/search.py, which reads "s.20" as one word, not a clause ending in "s".
SECTION_PREFIX = r"(?:s|sec|sect)"
SECTION_SHORTHAND = re.compile(rf"\b{SECTION_PREFIX}\.?\s?(\d{{1,3}})\b")  # "s47", "s.20", "sec 31"
# A staff label, as teams.yaml names people ("Social worker S2", "Team manager N1"), says nothing a search can use:
# trial 52's "a new social worker S2 started in my team" read "S2" as section 2 and was answered with the reminders
# entry. One letter and one digit only, so "worker s47" is still section 47.
STAFF_LABEL = re.compile(r"\b(worker|practitioner|manager) [a-z]\d\b")
# "What counts as a statutory visit" asks what a statutory visit is, not how to count: read as "what is", the word
# "count" no longer meets the entry on counting working days (trial 14). Only after "what": "does the first day
# count as day one" is about counting.
WHAT_COUNTS_AS = re.compile(r"\bwhat (?:counts|count|is counted) as\b")

_STOP_TEXT = """
a about above after again against all am an and any anyone are as at be been before being below between both
but by can cannot could did do does doing done during each few for from further get gets getting got had has
have having he her here hers herself him himself his how i if in into is it its itself just let lets me more
most my myself no nor not of off on once only or other our ours out over own please same she should so some
someone something such than thank thanks that the their theirs them themselves then there these they this
those through to too under until up very was we were what whats where which while who whom why will with
would you your yours yourself hi hello hey quick question know tell remind wondering wonder anybody ok okay
actually really need needs want wants us am pm im ive id dont doesnt isnt arent whens hows whos also still
may might must shall one way ever much many go going make makes made think thinking sure help does till
come comes coming ring rang
"""
# Text-speak for stop words ("wen shud a cp plan end", "hw do i"): stop words like the words meant, in questions and
# in entries' wordings alike. Read as words of their own, the few alternatives written in text-speak ("hw often shud
# i visit my cla kids") made "shud" and "hw" rare words that pulled any question holding them to their entry: "wen
# shud a cp plan end" was answered with the entry on visits, "hw do i start an audit" offered it (trial 26).
# "voice of teh child whats good" (trial 34): "teh", the commonest slip for "the", is a stop word too.
TEXT_SPEAK = frozenset({"shud", "shld", "wud", "wld", "cud", "cld", "hw", "teh"})
STOP_WORDS = frozenset(_STOP_TEXT.split()) | TEXT_SPEAK

MAX_PHRASE_WORDS = 6


IRREGULAR = {"held": "hold", "took": "take", "taken": "take", "kept": "keep", "met": "meet", "gave": "give",
             "given": "give", "went": "go", "made": "make", "done": "do", "told": "tell", "left": "leave",
             "brought": "bring", "sought": "seek", "known": "know", "chose": "choose", "chosen": "choose",
             "women": "woman", "men": "man", "people": "person", "gone": "go", "came": "come"}
# "the 1st review" is "the first review": an ordinal in digits has the stem of its word (a lookup per word, where a
# pattern searched in every text cost a fifth of the time words take to read at 20,000 entries)
ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth", "6th": "sixth",
            "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth"}
IRREGULAR.update(ORDINALS)


def stem(word: str) -> str:
    """A light suffix stripper, cheap enough for 20,000 entries.

    It meets plurals and -ing/-ed forms, and the nouns made from verbs ("decision", "placement",
    "allocation") with their verbs' other forms where the root is long enough not to be mistaken.
    """
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or word.isdigit():
        return word
    base = _inflection(word)
    for suffix, keep in DERIVATIONS:
        if base.endswith(suffix) and len(base) - len(suffix) >= MIN_DERIVED_ROOT:
            return base[: len(base) - len(suffix)] + keep
    return base


DERIVATIONS = (("ation", "at"), ("ment", ""), ("ness", ""), ("ion", ""))  # after plurals are gone
MIN_DERIVED_ROOT = 4


# Consonants English doubles before -ing and -ed ("step", "stepping"; "refer", "referred"). A doubled l, s, z or f
# is the word's own ("call", "assess", "buzz", "staff"), so it stays.
DOUBLED_BY_SUFFIX = frozenset("bdgkmnprt")


def _inflection(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ings", ""), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("ches", "shes", "sses", "xes", "zes")):
                return word[:-1]
            base = word[: len(word) - len(suffix)] + keep
            # "stepping" is "step", not "stepp"; a word of three letters keeps its double ("added" is "add")
            if suffix in ("ing", "ings", "ed") and len(base) > 3 and base[-1] == base[-2] \
                    and base[-1] in DOUBLED_BY_SUFFIX:
                return base[:-1]
            return base
    return word


def words_of(text: str) -> list[str]:
    """Lower-case words, with "s47" (or "s.47", "sec 47") read as "section 47", "what counts as" as "what is", a
    staff label's letter and digit dropped ("social worker S2" -> "social worker"), and apostrophes dropped
    ("child's" -> "child")."""
    text = text.lower().replace("\u2019", "'").replace("'s ", " ").replace("'", "")
    if STAFF_LABEL.search(text):
        text = STAFF_LABEL.sub(r"\1", text)
    if SECTION_SHORTHAND.search(text):
        text = SECTION_SHORTHAND.sub(r"section \1", text)
    if "count" in text:
        text = WHAT_COUNTS_AS.sub("what is", text)
    words = WORD.findall(text)
    if "-" in text:  # "re-audit" is also written "reaudit": keep both forms
        words.extend(first + second for first, second in HYPHENATED.findall(text))
    return words


class Term(NamedTuple):
    """A search term with the weight it carries in a query (expansion words count less)."""

    text: str
    weight: float


# An acronym that is also a common verb ("SEND") is that verb after someone doing it or before what is done:
# "after I send it off", "the police want to send him", "will the DfE send in a commissioner"; never "SEND plan",
# "the SEND team" or "children with SEND".
VERB_BEFORE = frozenset({"i", "we", "you", "they", "he", "she", "to", "will", "can", "could", "would", "should",
                         "must", "may", "might", "please", "dont", "didnt", "do", "does", "did", "then", "not"})
VERB_AFTER = frozenset({"it", "him", "her", "them", "me", "us", "you", "off", "back", "out", "over",
                        "a", "an", "my", "our", "your", "his", "their", "this", "that", "these", "those"})


def _used_as_verb(words: Sequence[str], index: int) -> bool:
    """Whether words[index], an acronym that is also a common English word, is said as that word: after a person
    or a modal, or before an object or a particle. (A rarer word, "DA" or "LADO", is the acronym wherever it is.)"""
    return ((index > 0 and words[index - 1] in VERB_BEFORE)
            or (index + 1 < len(words) and words[index + 1] in VERB_AFTER)) and words[index] in common_words()


@dataclass
class Vocabulary:
    """Phrase and concept tables built from the synonyms and the glossary; shared by index and queries."""

    phrases: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    longest: int = 1
    stems: dict[str, str] = field(default_factory=dict)
    sizes_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)  # phrase lengths by first stem
    # Acronyms that are also everyday words ("SEND", "PA"): matched only as written (or plural), never through
    # the stemmer, so "sending" stays a verb.
    exact_only: frozenset[str] = frozenset()

    @classmethod
    def build(cls, glossary: Mapping[str, str], groups: Iterable[tuple[str, ...]] = ()) -> Vocabulary:
        """Union every vocabulary group with the glossary, so CLA, LAC and "looked after" become one concept."""
        vocabulary = cls()
        parent: dict[tuple[str, ...], tuple[str, ...]] = {}

        def find(key: tuple[str, ...]) -> tuple[str, ...]:
            parent.setdefault(key, key)
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        def union(a: tuple[str, ...], b: tuple[str, ...]) -> None:
            root_a, root_b = find(a), find(b)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)

        keep_words: set[tuple[str, ...]] = set()
        expansions: dict[tuple[str, ...], tuple[str, ...]] = {}
        synonyms: set[tuple[str, ...]] = set()
        for group in groups:
            keys = [vocabulary.stem_all(words_of(member)) for member in group]
            synonyms.update(keys)
            for key in keys:
                union(keys[0], key)
        synonyms_words = {key[0] for key in synonyms if len(key) == 1}
        merged = dict(glossary)
        exact_only: set[str] = set()
        for term, meaning in merged.items():
            term_key = vocabulary.stem_all(words_of(term))
            if len(term_key) == 1 and term.strip().isupper() and term_key[0] not in synonyms_words:
                exact_only.add(term_key[0])
            meaning_words = words_of(re.sub(r"\(.*?\)", " ", meaning))
            if not term_key or len(term_key) > MAX_PHRASE_WORDS:
                continue
            if 0 < len(meaning_words) <= MAX_PHRASE_WORDS:
                meaning_key = vocabulary.stem_all(meaning_words)
                union(term_key, meaning_key)
                keep_words.add(meaning_key)
                if len(term_key) == 1:
                    expansions.setdefault(term_key, meaning_key)
            else:
                find(term_key)
        synonym_roots = {find(key) for key in synonyms}
        for key in parent:
            root = find(key)
            concept = "#" + "_".join(root)
            if root in synonym_roots:
                words: tuple[str, ...] = ()
            else:
                words = key if key in keep_words else expansions.get(key, ())
            vocabulary.phrases[key] = (concept, words)
            vocabulary.longest = max(vocabulary.longest, len(key))
        vocabulary._add_acronym_starts(expansions)
        vocabulary._resolve_phrases()
        vocabulary.exact_only = frozenset(exact_only)
        return vocabulary

    def _add_acronym_starts(self, expansions: Mapping[tuple[str, ...], tuple[str, ...]]) -> None:
        """An acronym followed by the rest of a longer phrase its meaning starts is that phrase: "CP conference" is
        "child protection conference" and "CP plan" "child protection plan", each their own idea, not child
        protection and a conference or a plan. A phrase already known is left as it is."""
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in self.phrases:
            by_first.setdefault(key[0], []).append(key)
        for acronym, meaning in expansions.items():
            for key in by_first.get(meaning[0], ()):
                if len(key) > len(meaning) and key[:len(meaning)] == meaning:
                    longer = acronym + key[len(meaning):]
                    if len(longer) <= MAX_PHRASE_WORDS and longer not in self.phrases:
                        self.phrases[longer] = self.phrases[key]
                        self.longest = max(self.longest, len(longer))

    def _resolve_phrases(self) -> None:
        """Index the phrases by first word and length, and give each phrase the concepts inside its meaning."""
        sizes: dict[str, set[int]] = {}
        for key in self.phrases:
            sizes.setdefault(key[0], set()).add(len(key))
        self.sizes_by_first = {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}
        resolved = {}
        for key, (concept, words) in self.phrases.items():
            # Read the meaning itself, so "child protection" inside "initial child protection conference"
            # meets its own concept as well.
            inner = self._scan(words, words, first_limit=len(words) - 1)[0] if words else []
            resolved[key] = (concept, tuple(dict.fromkeys(
                text for text in inner if text != concept and text not in STOP_WORDS)))
        self.phrases = resolved

    def stem_of(self, word: str) -> str:
        found = self.stems.get(word)
        if found is None:
            found = self.stems[word] = stem(word)
        return found

    def stem_all(self, words: Iterable[str]) -> tuple[str, ...]:
        cache = self.stems
        return tuple([cache.get(word) or self.stem_of(word) for word in words])

    def terms(self, words: list[str]) -> list[Term]:
        """Concept terms for known phrases (longest first), stems for other content words."""
        texts, weights = self._scan(self.stem_all(words), tuple(words))
        return [Term(text, weight) for text, weight in zip(texts, weights, strict=True)]

    def term_texts(self, words: list[str]) -> list[str]:
        """The texts of `terms(words)` without their weights: all an index needs, and cheaper at 20,000 entries."""
        return self._scan(self.stem_all(words), tuple(words))[0]

    def _scan(self, stems: tuple[str, ...], words: tuple[str, ...],
              first_limit: int | None = None) -> tuple[list[str], list[float]]:
        texts: list[str] = []
        weights: list[float] = []
        phrases, sizes_by_first, exact_only = self.phrases, self.sizes_by_first, self.exact_only
        index, count = 0, len(stems)
        while index < count:
            stem_here = stems[index]
            sizes = sizes_by_first.get(stem_here)
            if sizes is None:  # most words start no known phrase
                if stem_here not in STOP_WORDS and words[index] not in STOP_WORDS:
                    texts.append(stem_here)
                    weights.append(1.0)
                index += 1
                continue
            for size in sizes:
                if index + size > count or (index == 0 and first_limit is not None and size > first_limit):
                    continue
                if size == 1 and stem_here in exact_only and (words[index] not in (stem_here, stem_here + "s")
                                                               or _used_as_verb(words, index)):
                    continue
                found = phrases.get(stems[index: index + size])
                if found is not None:
                    concept, kept = found
                    texts.append(concept)
                    weights.append(1.0)
                    texts.extend(kept)
                    weights.extend([1.0 if size > 1 else 0.5] * len(kept))
                    index += size
                    break
            else:
                if stem_here not in STOP_WORDS and words[index] not in STOP_WORDS:
                    texts.append(stem_here)
                    weights.append(1.0)
                index += 1
        return texts, weights

    def term_set(self, text: str) -> set[str]:
        """The distinct terms of a long text (an answer), without weights.

        A fast path for indexing: every content stem, plus the concept (and meaning words) of each known
        phrase. Words that a phrase replaces are kept too; no query ever holds them, so they do no harm.
        """
        words = words_of(text)
        cache = self.stems
        stems = [cache.get(word) or self.stem_of(word) for word in words]
        result = set(stems)
        result.difference_update(STOP_WORDS)
        sizes_by_first, phrases, exact_only = self.sizes_by_first, self.phrases, self.exact_only
        count = len(stems)
        for index in [i for i, value in enumerate(stems) if value in sizes_by_first]:
            for size in sizes_by_first[stems[index]]:
                if size == 1 and stems[index] in exact_only and (
                        words[index] not in (stems[index], stems[index] + "s") or _used_as_verb(words, index)):
                    continue
                found = phrases.get(tuple(stems[index: index + size])) if index + size <= count else None
                if found is not None:
                    result.add(found[0])
                    result.update(found[1])
                    break
        return result
