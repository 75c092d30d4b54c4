"""Answering practitioners' questions from the knowledge base, or saying honestly that we cannot.

Three outcomes: an answer on strong evidence; "Did you mean…" with up to three entries when something is
plausible but not certain; "I don't know" when nothing is. Two rankings feed them: the concept scorer below,
and BM25 over every word of every entry (`keyword_index`). The thresholds between the outcomes are not set by
hand: `bench/fit_search.py` fits them on the labelled questions and writes `search_fit.json` beside this file.

Candidates come from an inverted index over the concept terms (see textterms) of each entry's question,
alternatives, id and tags, weighted by rarity (idf). An entry's answer is a weaker signal: it is read only
when the entry is among the best candidates for a query (reading every answer at load would double the
time a reload takes), and a query term found only there counts ANSWER_ONLY_MATCH of a wording match. The
score (0-100) blends how much of the query's informative wording an entry covers with a rapidfuzz comparison
of the wording itself. A question whose informative words mostly appear in no entry (payroll, parking)
scores low whatever the ranking, so it gets "I don't know" rather than a confident wrong answer. A query word
the entry says another way, with another member of the same vocabulary group, counts VOCAB_MATCH of a match; a
query repeating one entry's wording term for term (its own, or one learned from use) is answered with it.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.dates import without_dates
from knowledge.english import common_words, everyday_words, plain_words
from knowledge.entries import Entry
from knowledge.entry_terms import Terms, read_entry_terms
from knowledge.keyword_index import KeywordHit, KeywordIndex, common_limit
from knowledge.loader import KnowledgeBase, bulk_build
from knowledge.out_of_scope import OutOfScopeTopic
from knowledge.textterms import SECTION_PREFIX, STOP_WORDS, TEXT_SPEAK, Term, Vocabulary, words_of

Outcome = Literal["answer", "ambiguous", "none"]

FIT_FILE = Path(__file__).with_name("search_fit.json")
FRAME_NOUNS = frozenset({"kind", "kinds", "type", "types", "sort", "sorts"})  # "what kind of…": see `_framing`
# ...whose weight as a concept term: "what kind of housing counts as good enough for a 17 year old who has left care"
# asks about the housing, not the care leaver categories that "kind" (their vocabulary group) pulled first
FRAME_WEIGHT = 0.5
RRF_K = 10  # reciprocal rank fusion: a rank r counts 1 / (RRF_K + r); small, since only a few ranks matter
SHORTLIST = 10  # entries taken from each ranking before fusing
ANSWER_ONLY_MATCH = 0.5  # a term met only in the answer body counts this much of a question-wording match
NAMED_MATCH = 0.8  # a term in the entry's id or tags
# A learned wording (see with_learned) adds to its entry without weakening the entry's own wordings: a term
# only it brings counts LEARNED_MATCH, and its fuzzy and reverse likeness to a query count LEARNED_SHAPE of a
# curated wording's. Both were chosen on splits of the labelled questions (teach one half, measure the other):
# re-weighting the entry's terms by their share of all wordings, as before, let a few learned wordings
# dilute the entry's own terms and made other entries closer, which turned answers into confident-wrong ones.
LEARNED_MATCH = 0.7
# A learned wording longer than this (in terms) is about one case: it is answered when repeated, but its terms are
# not given to the entry, where they made unrelated questions meet it. Chosen on the tuning sets' learning splits.
LEARNED_MAX_TERMS = 8
LEARNED_SHAPE = 0.8
# A query word missing from an entry that says the same idea another way (both use members of one vocabulary
# group: "ran off" and "missing episode") counts VOCAB_MATCH of the word itself. Chosen on the tuning sets.
VOCAB_MATCH = 0.5
# A query term an entry's wordings hold only in passing (in wordings of PASSING_LENGTH terms or more, each holding
# no other term of the query: "staying" in "dad always insists on staying in the room during my visits") counts
# ANSWER_ONLY_MATCH, as a term met only in the answer does: it says nothing about what the entry is for. At 0.7
# it let "what age can a kid stay home alone" meet the entry on seeing children alone. Chosen on the tuning
# sets: confident-wrong 1.0% -> 0.9%, out-of-scope questions given suggestions 10.9% -> 8.6%, right unchanged.
PASSING_LENGTH = 5
REST_MARGIN = 6.0  # the lead a question needs once an out-of-scope topic's words are taken out (see topic_check)
GATE = 0.6  # below this coverage of the query's informative terms, the score falls away steeply
CANDIDATES = 40
ANSWER_READS = 5  # at most this many answers are read per query, best candidates first
UNKNOWN_IDF_SHARE = 0.85  # a word no entry uses weighs this share of the rarest possible idf
MAX_ABBREVIATION = 5  # longer unknown words are not read as the start of a known word
MAX_QUERY_CHARS = 2000
# terms in more entries than `common_limit` allows (a share of them, as for BM25) are not used to fetch candidates...
MAX_POSTINGS = 1500  # ...unless all are; then this many per term
FULL_QUESTION_MASS = 14.0  # a question clause saying this much (total idf) needs nothing from the narrative
CONTEXT_WEIGHT = 0.3  # a term of the narrative around the question counts this much of a term of the question
SECTION_DOT = re.compile(rf"\b({SECTION_PREFIX})\.(?=\s?\d)", re.IGNORECASE)  # "s.20" is section 20, not a clause "s"
CLAUSE_BREAK = re.compile(r"([.!?;,\n]+|\s(?:but|so|and then)\s)")  # captured: a "?" marks the ask
LIST_COMMA = re.compile(r"[,;]")  # breaks a clause in two, but a wording said whole is one (`_worded`)
MIN_QUESTION_MASS = 3.0  # a question clause saying less than this (total idf) takes in the clause before it
# A question saying less than this (total idf) is never answered outright, only offered: log 5 is one word held by a
# fifth of the entries. Its other words are stop words ("what if a child asks me not to tell anyone" searched on
# "child" and "ask"), so no entry can be told from another by what it says (see `decide`). The value used is fitted
# with the other thresholds (`SearchFit.min_answer_mass`, bench/fit_search.py); this was the hand-set one, and is the
# default when the fit file does not say.
MIN_ANSWER_MASS = math.log(5)
WH_WORDS = frozenset({"when", "how", "what", "who", "whom", "which", "where", "why", "whats", "whens", "hows"})
# A question with at least MIN_GUESSED words read as other words (typos, text-speak), and at least GUESSED_SHARE of
# its content words, is mostly the search's guess: BM25 reads the same guesses, so its agreement is no second
# opinion, and it is answered outright only at the score or the lead that need none (see `decide`). "wen shud a cp
# plan end" was answered with the entry on visits at 73.7, 8.5 ahead, BM25 agreeing (trial 26). On the tuning sets
# it changes no outcome: no question there is both mostly guessed and answered on a narrow lead.
MIN_GUESSED = 2
GUESSED_SHARE = 1 / 3
# A clause after the question starting so is a remark on what was asked (`_remark`): a pronoun standing for it
# ("mine are always too long", "ours keep slipping"), or someone's habit with it ("i always forget", "they never do").
REMARK_STARTS = frozenset({"mine", "ours", "theirs", "yours"})
REMARK_SUBJECTS = frozenset({"i", "we", "they", "it", "its", "theyre", "mine", "ours"})
REMARK_HABITS = frozenset({"always", "never", "usually", "often", "keep", "keeps", "tend"})
OWNERS = frozenset({"my", "our"})  # a remark before the question is about the asker's own: "my chronologies are …"
MAX_REMARK_TAIL = 4  # words after its habit: "are always too long", "keep slipping"
COPULAS = frozenset({"is", "are", "am", "was", "were", "get", "gets", "seem", "seems"})  # before a habit: "are always"
QUESTION_STARTS = WH_WORDS | {"do", "does", "did", "should", "can", "could", "is", "are", "must", "shall", "will",
                              "would", "have", "has"}
# A question ending on the event its timescale counts from ("when is the next review conference due after the icpc")
# asks about what comes before that event: the words after ANCHOR_WORDS (`_anchored`) count ANCHOR_WEIGHT of the rest.
# Read at full weight, "icpc" (an acronym, read with its meaning) outweighed "review conference" and the question got
# the ICPC's own entry first (trial 30). Only a closing phrase naming a thing, not a clause ("after they leave care").
ANCHOR_WORDS = frozenset({"after", "since", "following"})
ANCHOR_WEIGHT = 0.5
TIMESCALE_WORDS = ("due", "frequency")  # words of the vocabulary's concepts of a timescale, asked "when" or "how often"
CLAUSE_WORDS = QUESTION_STARTS | {"i", "we", "you", "he", "she", "they", "it", "was", "were", "been", "be"}


def _question_typos(words: Iterable[str]) -> dict[str, str]:
    """Each question word with one letter left out (never its first) or two letters next to each other swapped:
    "wen", "wat", "whta", "hwo". A typo of two question words is the one sharing its first letter ("hwo" is
    "how"). Stop words, and typos under three letters ("hw"), are left alone."""
    found: dict[str, list[str]] = defaultdict(list)
    for word in words:
        typos = {word[:place] + word[place + 1:] for place in range(1, len(word))}
        typos.update(word[:place] + word[place + 1] + word[place] + word[place + 2:] for place in range(len(word) - 1))
        for typo in typos - STOP_WORDS - {word}:
            if len(typo) >= 3:
                found[typo].append(word)
    return {typo: min(meant, key=lambda word: (word[0] != typo[0], word)) for typo, meant in found.items()}


# An unknown word that is a question word mistyped is read as it: "wen is the cin review" asks what "when is the
# cin review" asks. Only the plain question words: a word one edit from any stop word is as often a real word the
# knowledge base lacks ("fee", "cost", "dog", "wks" on the tuning questions), and reading it as a stop word would
# drop it from the question; "hos" (head of service) is one letter from "hows".
QUESTION_TYPOS = _question_typos(("when", "what", "who", "whom", "which", "where", "why", "how"))
# Text-speak for small words, read as the word meant: "when r review confs due" asks what "when are review conferences
# due" asks (trial 24). Only words with one everyday meaning; the domain's own shorthand ("strat", "conf", "docs") is
# data, in knowledge/vocabulary.yaml, where a clipped word is read as the word of its own group it starts.
CHAT_SHORTHAND = {"r": "are", "u": "you", "ur": "your", "ya": "you", "pls": "please", "plz": "please", "b4": "before",
                  "thru": "through", "cos": "because", "coz": "because", "cuz": "because",
                  "wk": "week", "wks": "weeks"}  # "no access for 3 wks" (trial 29): never anything but weeks


# Words that follow a verb and hardly ever a noun: what makes a typo read as a verb (`_verb_typo`)
DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "another", "new", "this", "that"})

MIN_ROOT = 5  # a known root this long, followed by a common suffix, identifies a word (not a typo)
DERIVED_SUFFIXES = frozenset({"ion", "ions", "ation", "ations", "ment", "ments", "er", "ers", "or", "ors", "ly",
                              "ive", "ing", "ed", "es", "s", "al", "ally", "ness", "ity", "ise", "ize", "ised",
                              "ized", "ance", "ence", "ant", "ent", "e", "ful"})
# What may follow a root shared by two forms of one word: "proved" and "prove", "younger" and "youngest"
ENDINGS = DERIVED_SUFFIXES | {"", "d", "est"}


@dataclass(frozen=True)
class Match:
    """An entry offered for a query, with a 0-100 score."""

    entry_id: str
    question: str
    score: float


@dataclass(frozen=True)
class SearchFit:
    """The thresholds between the three outcomes and BM25's column weights, as fitted on labelled questions."""

    answer_score: float = 46.0  # concept score at or above, and...
    answer_margin: float = 4.0  # ...this far ahead of the runner-up: answer outright
    agree_score: float = 46.0  # or at least this, when BM25's first choice is the same entry
    agree_margin: float = 4.0
    suggest_score: float = 40.0  # concept score at or above: plausible enough to offer
    suggest_keyword: float = 1e9  # or a BM25 score at or above this...
    suggest_floor: float = 0.0  # ...with the concept scorer's best at least this (both see something)
    keyword_share: float = 0.0  # BM25 candidates scoring at least this share of its best join the suggestions
    keyword_vote: float = 1.0  # how much a BM25 rank counts against a concept rank when the two are fused
    # A "Did you mean…" suggestion after the first stays only when it scores at least suggest_ratio of the concept
    # scorer's best, or is among BM25's first suggest_keyword_ranks: one far below the first shares a word or two
    # with the question and nothing of what it asks (trial 44). Off (0, and every rank) unless fitted.
    suggest_ratio: float = 0.0
    suggest_keyword_ranks: int = 1000
    # A message telling a story around its question scores low on every entry (the story's words are about one
    # case, not any entry): it is answered when both rankings agree and the first choice scores at least
    # narrative_score and narrative_lead times the runner-up. Off unless fitted.
    narrative_score: float = 1e9
    narrative_lead: float = 1e9
    # ...or when BM25's first choice scores at least this many times its second (a story's words, read in full
    # against every answer, single out one entry). Off unless fitted.
    narrative_keyword_lead: float = 1e9
    weights: tuple[float, float, float, float] = (4.0, 3.0, 2.0, 1.0)  # question, alternatives, tags, answer
    # A question saying less than this (total idf of its words) is offered, never answered outright (`Evidence.said`)
    min_answer_mass: float = MIN_ANSWER_MASS
    # Learning from use as a prior: an entry people have picked or been linked to `n` times leads its runner-up by
    # usage_lead * log2(1 + n) more than its scores say, when both rankings put it first (see `decide`). Off (0) unless
    # fitted on a learning simulation (bench/fit_usage.py).
    usage_lead: float = 0.0
    # A question whose every term the first choice's wordings hold, a share of at least whole_unmet of it held by the
    # runner-up's nowhere (`Evidence.unmet`), is answered when both rankings put that entry first and it scores at
    # least whole_score, however close the runner-up's score: "do i need parents consent to do a s47 visit at school"
    # is all in the consent entry's wordings, and the entry on section 47 enquiries, 5 points behind, says nothing of
    # consent or school but in its answer (trial 46). Off unless fitted (bench/fit_search.py `_fit_whole`).
    whole_score: float = 1e9
    whole_unmet: float = 1e9

    @classmethod
    def load(cls, path: Path = FIT_FILE) -> SearchFit:
        """The fitted values; the defaults (the engine's earlier hand-set ones) if the file is missing."""
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        values = {key: data[key] for key in cls.__dataclass_fields__ if key in data}
        if "weights" in values:
            values["weights"] = tuple(float(w) for w in values["weights"])
        return cls(**values)


@dataclass(frozen=True)
class Evidence:
    """What both rankings say about one query, before thresholds: enough to decide, and to fit."""

    concept: tuple[Match, ...]  # the concept scorer's candidates, best first, whatever their score
    keyword: tuple[Match, ...]  # BM25's, best first (score is BM25's own, unbounded)
    narrative: bool = False  # the message tells a story around its question (words outside the question clause)
    # The entry one of whose wordings (its own, or one learned from use) says exactly what the query says: the
    # bot has been told these words mean this entry, so they are answered whatever the scores.
    exact: Match | None = None
    guessed: bool = False  # most of its words were read as other words (see MIN_GUESSED): a weaker question
    # In a story around a question: the entry the question clause alone stands clear for (answer_score and
    # answer_margin without the story), offered first when the whole message is not answered (see `decide`)
    asked: Match | None = None
    # How much it says: the total idf of its words. Under the fitted min_answer_mass it says too little to single out
    # one entry: its best match is offered, never answered outright (see `vague`)
    said: float = math.inf
    # How many times people picked the concept scorer's first choice from "Did you mean…", or a QA lead linked a
    # question to it: what learning from use says of how often it is the entry meant (see `SearchFit.usage_lead`)
    uses: int = 0
    # The share of the question's weight (its idf) the first choice's wordings hold and the runner-up's do not, when
    # the first choice's hold all of it (0 otherwise): what the runner-up lacks of what was asked (see `whole_unmet`)
    unmet: float = 0.0

    def usage_bonus(self, fit: SearchFit) -> float:
        """The lead learning from use adds to the first choice: a prior from how often it was the entry meant."""
        return fit.usage_lead * math.log2(1 + self.uses) if self.uses else 0.0

    def vague(self, fit: SearchFit) -> bool:
        """Whether the question says too little to be answered outright with these thresholds: "what if a child
        asks me" searches on "child" and "ask", words most entries use."""
        return self.said < fit.min_answer_mass


@dataclass(frozen=True)
class SearchResult:
    """What to tell the person: one answer, a few suggestions, or that we do not know."""

    query: str
    outcome: Outcome
    answer: Match | None
    suggestions: tuple[Match, ...]
    topic: OutOfScopeTopic | None = None  # set when the question is about IT, HR, pay or leave (outcome none)


_ZEROS = itertools.repeat(0.0)  # map(dict.get, terms, _ZEROS): each term's value, else 0.0
# Where concept rankings run (see `evidence`). Shared by every index (a reload builds a new one); a task never
# waits on another, so no size can deadlock.
_RANKING = ThreadPoolExecutor(4, thread_name_prefix="kb-rank")


def _ratios(query_text: str, choices: list[str], scorer: Any) -> list[float]:
    """`scorer(query_text, choice)` for every choice, in order; `process.extract` prepares the query once."""
    ratios = [0.0] * len(choices)
    for _, ratio, place in process.extract(query_text, choices, scorer=scorer, limit=None):
        ratios[place] = ratio
    return ratios


class _Document(NamedTuple):  # a tuple: 20,000 of them are built on every load
    entry_id: str
    question: str
    weights: dict[str, float]  # term -> 0.7-1.0 by its share of the wordings, NAMED_MATCH in id or tags only
    terms: tuple[tuple[str, ...], ...]  # the terms of the question and of each alternative, in order
    curated: int = -1  # how many of `terms` come from the entry itself (the rest are learned); -1: all


class _Shape(NamedTuple):
    """How a candidate's wordings are compared with a query; worked out the first time it is a candidate."""

    phrasings: tuple[str, ...]  # each wording's terms joined, for rapidfuzz
    masses: tuple[tuple[tuple[str, ...], float], ...]  # each wording's terms and their total idf
    factors: tuple[float, ...]  # 1 for the entry's own wordings, LEARNED_SHAPE for learned ones


class KnowledgeSearch:
    """An index over one KnowledgeBase, built once (on load or reload) and queried many times."""

    def __init__(self, kb: KnowledgeBase, fit: SearchFit | None = None, cache_folder: Path | None = None) -> None:
        """Build the index; with `cache_folder`, files whose wordings were read before are not read again."""
        self.fit = fit or SearchFit.load()
        # SQLite builds the BM25 table without holding the GIL, so it runs beside the concept index: at
        # 20,000 entries that saves about 0.3 s of a 2 s reload.
        with ThreadPoolExecutor(1, thread_name_prefix="kb-index") as pool, bulk_build():
            content = "\0".join(f"{file}\0{digest}" for file, digest in kb.file_digests.items())
            keyword = pool.submit(KeywordIndex, tuple(kb.entries.values()), self.fit.weights,
                                  (*kb.concepts, *kb.vocabulary), content, cache_folder)
            self._build(kb, cache_folder)
            self.keyword = keyword.result()
        self.spelt_out = _spelt_out(kb.glossary)
        self.out_of_scope = kb.out_of_scope
        self.entries_saying = kb.entries_saying
        self.about_bot = frozenset(entry.id for entry in kb.entries.values() if entry.about_the_bot)

    def _build(self, kb: KnowledgeBase, cache_folder: Path | None = None) -> None:
        self.vocabulary = Vocabulary.build(kb.glossary, kb.concepts)
        postings: dict[str, list[int]] = defaultdict(list)
        self.answers: list[str] = []
        tag_terms: dict[str, list[str]] = {}  # the same few tags recur on every entry
        pending: list[tuple[Entry, dict[str, float], tuple[Terms, ...], Terms]] = []
        read = read_entry_terms(kb, self.vocabulary, cache_folder)
        for entry, (phrasings, named) in zip(kb.entries.values(), read, strict=True):
            weights = dict.fromkeys(named, NAMED_MATCH)
            for tag in entry.tags:
                found = tag_terms.get(tag)
                if found is None:
                    found = tag_terms[tag] = self._term_texts(tag)
                weights.update(dict.fromkeys(found, NAMED_MATCH))
            share: dict[str, int] = {}
            for phrasing in phrasings:
                for term in phrasing:
                    share[term] = share.get(term, 0) + 1
            scale = 0.3 / len(phrasings)
            for term, count in share.items():
                weights[term] = 0.7 + scale * count
            number = len(pending)
            pending.append((entry, weights, phrasings, named))
            self.answers.append(entry.answer)
            for term in weights:
                postings[term].append(number)
        self.postings = dict(postings)
        total = max(len(pending), 1)
        self.idf = {term: math.log(1 + (total - len(docs) + 0.5) / (len(docs) + 0.5))
                    for term, docs in self.postings.items()}
        self.unknown_idf = UNKNOWN_IDF_SHARE * math.log(1 + (total + 0.5) / 0.5)
        self.documents = [_Document(entry.id, entry.question, weights, phrasings)
                          for entry, weights, phrasings, _ in pending]
        self.wordings: dict[tuple[str, ...], int] = {}
        for number, (_, _, phrasings, named) in enumerate(pending):  # an entry's id names it too
            self._know_wordings(number, (*phrasings, named))
        self.common_limit = common_limit(total)
        # every word of every entry and glossary term has passed through the stemmer's cache by now
        # ...and the words of the glossary's terms and the vocabulary's phrases are words of the domain: never
        # "corrected" ("lack" is not "lac", "hoarding" not "hearing"), and what a clipped word is read as
        # (unless the correction is in the word's own group: "safegaurding" is listed with "safeguarding")
        self.phrase_words, self.next_words = _phrase_words(kb)
        self.surface_words = frozenset(self.vocabulary.stems)
        self.known_stems = {self.vocabulary.stem_of(word) for word in self.surface_words}
        self.sorted_words = sorted(self.surface_words)
        self.words_by_start: dict[tuple[str, int], list[str]] = defaultdict(list)  # by first letter, length
        for word in self.sorted_words:
            self.words_by_start[word[0], len(word)].append(word)
        self._corrections: dict[str, str] = {}
        self._answer_terms: dict[int, frozenset[str]] = {}
        self._shapes: dict[int, _Shape] = {}
        self.word_by_stem: dict[str, str] = {}
        for word in self.sorted_words:
            self.word_by_stem.setdefault(self.vocabulary.stem_of(word), word)
        self.numbers = {document.entry_id: number for number, document in enumerate(self.documents)}
        self.group_members, self.members_by_term = self._vocabulary_groups(kb.vocabulary)
        self.learned: frozenset[tuple[str, str]] = frozenset()
        self.uses: dict[int, int] = {}  # entry number -> wordings learned for it (links and trusted picks)
        self.timescale_terms = frozenset(term.text for term in self.vocabulary.terms(list(TIMESCALE_WORDS)))

    def _know_wordings(self, number: int, phrasings: Iterable[tuple[str, ...]]) -> None:
        """Remember which entry each wording belongs to; a wording two entries share belongs to neither (-1)."""
        wordings = self.wordings
        for phrasing in phrasings:
            if not phrasing:
                continue
            held = wordings.get(phrasing)
            wordings[phrasing] = number if held is None or held == number else -1

    def _vocabulary_groups(self, groups: Iterable[tuple[str, ...]]
                           ) -> tuple[list[tuple[tuple[str, ...], ...]], dict[str, list[tuple[int, tuple[str, ...]]]]]:
        """Each vocabulary group's members as terms, and for each term the (group, member) pairs holding it."""
        members: list[tuple[tuple[str, ...], ...]] = []
        by_term: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        for number, group in enumerate(groups):
            read = tuple(dict.fromkeys(terms for terms in (tuple(dict.fromkeys(self._term_texts(phrase)))
                                                           for phrase in group) if terms))
            members.append(read)
            for terms in read:
                for term in terms:
                    by_term[term].append((number, terms))
        return members, dict(by_term)

    def _query_groups(self, terms: Iterable[str]) -> dict[int, tuple[str, ...]]:
        """The vocabulary groups a query says (all of a member's terms present), each with the query terms
        saying it, in the query's order: sums over them then come out the same in every process (a set's order
        of strings changes with Python's hash seed, and with it the last digit of a sum)."""
        ordered = tuple(dict.fromkeys(terms))
        present = set(ordered)
        found: dict[int, set[str]] = defaultdict(set)
        for term in ordered:
            for number, member in self.members_by_term.get(term, ()):
                if present.issuperset(member):
                    found[number].update(member)
        return {number: tuple(term for term in ordered if term in said) for number, said in found.items()}

    def _says_group(self, weights: dict[str, float], number: int) -> bool:
        """Whether an entry's wording holds some member of a vocabulary group."""
        return any(all(term in weights for term in member) for member in self.group_members[number])

    def with_learned(self, learned: Iterable[tuple[str, str]],
                     exact_only: Collection[tuple[str, str]] = frozenset()) -> KnowledgeSearch:
        """This index plus people's own wordings of entries, as (entry id, wording) pairs: a new index.

        A wording someone used before picking an entry from "Did you mean…" is searched from then on like
        one of the entry's alternatives. Only the entries it touches are re-indexed (their terms, and the idf
        of terms they add), so learning one wording costs milliseconds at 20,000 entries, and readers of this
        index are never disturbed: everything changed is copied. Wordings are read the way a question is
        (typos corrected), so asking the same words again meets exactly the terms learned. Pairs already
        known, and entries not in this version, are skipped.

        Pairs also in `exact_only` are answered when their words are asked again, and teach the entry nothing
        more: one person's pick from "Did you mean…" may be a wrong one, and its words given to the entry made
        other questions ("I need to audit a case", after "can I audit my own case" was picked as a themed audit)
        meet the wrong entry outright. A QA lead's link (or accept) teaches the words.
        """
        added: dict[int, list[tuple[str, ...]]] = defaultdict(list)
        remembered: dict[int, list[tuple[str, ...]]] = defaultdict(list)  # answered when repeated, nothing more
        known = set(self.learned)
        for entry_id, wording in learned:
            number = self.numbers.get(entry_id)
            if number is None or (entry_id, wording) in known:
                continue
            known.add((entry_id, wording))
            terms = tuple(dict.fromkeys(self._learned_terms(wording)))
            if terms:
                whole = len(terms) <= LEARNED_MAX_TERMS and (entry_id, wording) not in exact_only
                (added if whole else remembered)[number].append(terms)
        if len(known) == len(self.learned):
            return self
        grown = copy.copy(self)
        grown.learned = frozenset(known)
        grown.uses = dict(self.uses)
        for number, wordings in (*added.items(), *remembered.items()):
            grown.uses[number] = grown.uses.get(number, 0) + len(wordings)
        if added or remembered:
            grown.wordings = dict(self.wordings)
            if added:
                grown._add_phrasings(added)
            for number, phrasings in (*added.items(), *remembered.items()):
                grown._know_wordings(number, phrasings)
        return grown

    def _learned_terms(self, wording: str) -> list[str]:
        """The terms of a learned wording's question clause, read as a query's are (typos corrected).

        The narrative around a question ("a school rang this morning…") is left out: it is about one case,
        not the entry, and on the labelled questions it made other questions find the wrong entry.
        """
        main, _, _ = self._query_terms(wording[:MAX_QUERY_CHARS])
        return list(main)

    def _add_phrasings(self, added: dict[int, list[tuple[str, ...]]]) -> None:
        """Give entries more wordings: copy what changes (documents, postings, idf, cached shapes) first."""
        self.documents = list(self.documents)
        self.postings = dict(self.postings)
        self._shapes = {number: shape for number, shape in self._shapes.items() if number not in added}
        changed: set[str] = set()
        for number, phrasings in added.items():
            old = self.documents[number]
            weights = dict(old.weights)
            every = (*old.terms, *phrasings)
            for term in {term for phrasing in phrasings for term in phrasing} - weights.keys():
                weights[term] = LEARNED_MATCH
            for term in weights.keys() - old.weights.keys():
                self.postings[term] = [*self.postings.get(term, ()), number]
                changed.add(term)
            curated = old.curated if old.curated >= 0 else len(old.terms)
            self.documents[number] = _Document(old.entry_id, old.question, weights, every, curated)
        total = max(len(self.documents), 1)
        self.idf = dict(self.idf)
        for term in changed:
            docs = len(self.postings[term])
            self.idf[term] = math.log(1 + (total - docs + 0.5) / (docs + 0.5))
        stale = {number for term in changed for number in self.postings[term]}  # their masses used the old idf
        self._shapes = {number: shape for number, shape in self._shapes.items() if number not in stale}

    def _term_texts(self, text: str) -> list[str]:
        return self.vocabulary.term_texts(words_of(text))

    def knows(self, word: str) -> bool:
        """Whether a lower-case word is one of the knowledge base's as typed: a word of an entry's wording, id or
        tags, of the glossary or the vocabulary, another form of one (the same stem: "plans", "allocated"), or a
        stop word the search reads past. Callers deciding whether a message is in words at all ask this first."""
        return (word in self.surface_words or word in STOP_WORDS
                or self.vocabulary.stem_of(word) in self.known_stems)

    def reads_as_known(self, word: str) -> bool:
        """Whether the search reads an unknown lower-case word as one of its own: a typo of one ("iccp",
        "chronolgy"), a word sharing its root, or a clipped one ("strat"). The same correction a query gets, so
        whatever this accepts is searched as that word."""
        return self.knows(word) or self._correct(word) != word

    def search(self, query: str, limit: int = 3) -> SearchResult:
        """Find the entry this question is about; see the module docstring for how outcomes are chosen."""
        return self.outcome(query, self.evidence(query), self.fit, max(limit, 1))

    def uncut(self, query: str, limit: int = 3) -> SearchResult:
        """`search` with every suggestion kept however far below the first (no `close_to_first`): where a new entry
        is filed goes by all the entries closest to its question, not only those worth showing a worker."""
        fit = replace(self.fit, suggest_ratio=0.0, suggest_keyword_ranks=1000)
        return self.outcome(query, self.evidence(query), fit, max(limit, 1))

    def outcome(self, query: str, evidence: Evidence, fit: SearchFit, limit: int = 3) -> SearchResult:
        """`decide`, then the out-of-scope topics: a question about pay, leave, IT or HR gets no suggestions,
        and an answer only when the entry is still the best match without the topic's words (see `topic_check`), or
        when it asks what the topic's related entry covers (its `related_when` words: "on leave" and "reminders")."""
        result = self._practice_beside(decide(query, evidence, fit, limit), evidence, fit)
        topic, capped = self.topic_check(query, evidence, fit)
        if topic is None or (result.outcome == "answer" and not capped):
            return result
        related = self.out_of_scope.related_asked(query, topic)  # "im on leave, how do i stop the reminders"
        number = self.numbers.get(related) if related is not None else None
        if number is not None:
            scored = {match.entry_id: match.score for match in evidence.concept}
            document = self.documents[number]
            return SearchResult(query, "answer", Match(document.entry_id, document.question,
                                                       scored.get(document.entry_id, 0.0)), ())
        return SearchResult(query, "none", None, (), topic)

    def _practice_beside(self, result: SearchResult, evidence: Evidence, fit: SearchFit) -> SearchResult:
        """A practice question's result without the bot's own help entries that only a shared word brought in.

        BM25 leaves out words most entries hold ("plan", "service"), so "my plan just lists services" was ranked
        on "lists" alone, a word the help entries use for every command ("the bot lists your actions"): the
        team's audit actions and the audit sample were offered beside SMART plans (trial 64). When the first
        thing offered is on practice, an entry on using the bot stays only where the concept scorer, which reads
        the whole question, scores it a close contender (within `answer_margin` of its best); "list my audits"
        leads with a help entry and keeps them all."""
        first = result.answer or (result.suggestions[0] if result.suggestions else None)
        if first is None or first.entry_id in self.about_bot:
            return result
        best = evidence.concept[0].score if evidence.concept else 0.0
        scored = {match.entry_id: match.score for match in evidence.concept}
        kept = tuple(match for match in result.suggestions if match is first or match.entry_id not in self.about_bot
                     or scored.get(match.entry_id, 0.0) >= best - fit.answer_margin)
        return replace(result, suggestions=kept) if len(kept) < len(result.suggestions) else result

    def topic_check(self, query: str, evidence: Evidence,
                    fit: SearchFit | None = None) -> tuple[OutOfScopeTopic | None, bool]:
        """The out-of-scope topic of a question, and whether it may not be answered outright.

        A topic phrase is no evidence for an entry: "how many days annual leave do I get" meets the entry on
        pausing reminders only through "annual leave". The question is searched again without the topic's
        phrases; unless that is still answered outright, by the same entry, it is not answered ("how do I pause
        reminders while on annual leave" still is; "how much leave do I have left" is not: "how much left" only
        brushes the entry on leaving a child home alone, so it would be a confident wrong answer).
        """
        if evidence.exact is not None:
            return None, False  # an entry's own wording, word for word: the QA leads said what it means (trial 18)
        topic, rest, again = self.topic_rest(query, evidence)
        if topic is None or again is None:
            return topic, True
        fit = fit or self.fit
        # what is left must stand clear of the next entry: a few words left over ("is the ... on bank holidays")
        # can all but tie two entries (51.6 and 47.3), which BM25, meeting the same words, merely picks between
        still = decide(rest, again, replace(fit, agree_margin=max(fit.agree_margin, REST_MARGIN)), 1)
        same = still.answer is not None and still.answer.entry_id == evidence.concept[0].entry_id
        return topic, still.outcome != "answer" or not same

    def topic_rest(self, query: str, evidence: Evidence) -> tuple[OutOfScopeTopic | None, str, Evidence | None]:
        """The part of `topic_check` no threshold changes: the question's out-of-scope topic, the question
        without the topic's phrases, and the evidence for that rest, which `topic_check` then decides on; None
        for the evidence when there is nothing to decide (no topic, or one the question may not be answered on
        whatever the thresholds). The fit script keeps this once per question rather than searching the rest
        again for every setting it tries."""
        topic = self.out_of_scope.match(query)
        if topic is None or not evidence.concept or topic.asks:  # asking about one case: see OutOfScopeTopic.asks
            return topic, query, None
        rest = self.out_of_scope.without(query)
        again = self.evidence(rest) if rest.strip() else Evidence((), ())
        if not again.concept or again.concept[0].entry_id != evidence.concept[0].entry_id:
            return topic, rest, None
        return topic, rest, again

    def evidence(self, query: str) -> Evidence:
        """Both rankings of the entries for one query (the fit script calls this once per labelled question). The
        dates written in it say nothing of which entry is meant and are left out (`without_dates`)."""
        query = self.without_remarks(without_dates(query[:MAX_QUERY_CHARS]))
        terms, context, event = self._query_terms(query)
        if not terms or not self.documents:
            return Evidence((), ())
        # SQLite ranks without holding the GIL, so the concept ranking (Python) runs in a pool thread while
        # this one waits on BM25: on long questions at 20,000 entries each takes 3-4 ms. The pool thread gets
        # the GIL as soon as this one enters SQLite (the other way round it could wait a whole switch interval).
        try:
            concept_ranking = _RANKING.submit(self._rank, terms, context, SHORTLIST, 0.0, event)
        except RuntimeError:  # the interpreter is shutting down (no new pool work): a last question still counts
            concept_ranking = None
        hits = self.keyword.rank(self._keyword_words(query), SHORTLIST)
        concept = concept_ranking.result() if concept_ranking else self._rank(terms, context, SHORTLIST, 0.0, event)
        keyword = tuple(self._keyword_match(hit) for hit in hits)
        said = sum(self.idf.get(term, self.unknown_idf) * weight for term, weight in terms.items())
        uses = self.uses.get(self.numbers[concept[0].entry_id], 0) if concept and self.uses else 0
        return Evidence(tuple(concept), keyword, bool(context), self._exact(query, terms, context, concept),
                        self._guessed(query), self._asked(terms, event) if context else None, said, uses,
                        self._unmet(terms, concept))

    def _unmet(self, terms: dict[str, float], concept: list[Match]) -> float:
        """The share of the question's weight the first choice's wordings (question, alternatives, id, tags) hold and
        the runner-up's do not, or 0 unless the first choice's hold every term: a runner-up close on score through its
        answer and its general wording ("section 47 enquiry") still lacks what was asked ("consent", "school")."""
        if len(concept) < 2:
            return 0.0
        first = self.documents[self.numbers[concept[0].entry_id]].weights
        second = self.documents[self.numbers[concept[1].entry_id]].weights
        weight = {term: value * self.idf.get(term, self.unknown_idf) for term, value in terms.items()}
        total = sum(weight.values())
        if total <= 0 or any(term not in first for term in weight):
            return 0.0
        return sum(value for term, value in weight.items() if term not in second) / total

    def _asked(self, terms: dict[str, float], event: frozenset[str] = frozenset()) -> Match | None:
        """The entry a story's question clause, searched without the story, stands clear for: a score of at least
        answer_score, answer_margin ahead of the next. "mum has cancelled the core group twice and the plan is
        drifting, what should i do and when does it need to go back to conference" asks when the review conference
        is due, though the story's words, weighing more than the ask's, pull other entries ahead (trial 26)."""
        alone = self._rank(terms, {}, 2, 0.0, event)
        if not alone or alone[0].score < self.fit.answer_score:
            return None
        return alone[0] if len(alone) < 2 or alone[0].score - alone[1].score >= self.fit.answer_margin else None

    def _guessed(self, query: str) -> bool:
        """Whether the question is mostly guessed: MIN_GUESSED words or more, and GUESSED_SHARE of its content
        words, read as other words (a typo corrected, text-speak read as the word meant)."""
        words = words_of(query)
        read = self._read(words)
        guessed = sum(typed != meant or typed in TEXT_SPEAK for typed, meant in zip(words, read, strict=True))
        content = sum(meant not in STOP_WORDS or typed in TEXT_SPEAK for typed, meant in zip(words, read, strict=True))
        return guessed >= MIN_GUESSED and guessed >= GUESSED_SHARE * content

    def wording_entry(self, wording: str) -> str | None:
        """The entry a wording is answered with outright because it repeats one of that entry's wordings term for term
        (its own, or one learned from use), or None when no entry's does (or two entries' do)."""
        terms, context, _ = self._query_terms(wording[:MAX_QUERY_CHARS])
        number = self._worded(wording, terms, context) if terms else -1
        return self.documents[number].entry_id if number >= 0 else None

    def repeated_entry(self, query: str) -> str | None:
        """The entry `search(query)` answers outright without ranking anything, because the query (read as `evidence`
        reads it) repeats that entry's wording term for term; None when it does not, and the query must be searched.
        Checking every known question of a knowledge base after an edit (knowledge.known_questions) takes a
        fraction of a second this way instead of a minute: nearly all of them are an entry's own words."""
        query = self.without_remarks(without_dates(query[:MAX_QUERY_CHARS]))
        terms, context, _ = self._query_terms(query)
        number = self._worded(query, terms, context) if terms and self.documents else -1
        return self.documents[number].entry_id if number >= 0 else None

    def _exact(self, query: str, terms: dict[str, float], context: dict[str, float], concept: list[Match]
               ) -> Match | None:
        """The entry whose wording the query repeats term for term, in order (no story around it), if just one."""
        number = self._worded(query, terms, context)
        if number < 0:
            return None
        document = self.documents[number]
        found = [match for match in concept if match.entry_id == document.entry_id]
        return found[0] if found else Match(document.entry_id, document.question, 100.0)

    def _worded(self, query: str, terms: dict[str, float], context: dict[str, float]) -> int:
        """The number of the one entry a question (with no story around it) repeats a wording of, or -1.

        Two entries' wordings may say the same terms in different small words: "Who should come to a core group?"
        (a QA lead's new entry) and "who is in the core group" (another's alternative) both read as "core group".
        Those terms then find neither entry, but a question in one entry's own words, question or alternative,
        small words and all, is still that entry's (trial 14: the lead typing the new entry's question got "Did
        you mean…")."""
        if context and LIST_COMMA.search(query):
            # "What is an education, health and care plan?" is one clause to the entry that says it, not a story
            # and its ask: the commas of a list split it in two and its own question went to "Did you mean…"
            # (`kb check`'s known questions found 16 entries' own wordings so, in long alternatives too)
            flat = LIST_COMMA.sub(" ", query)
            terms, context, _ = self._query_terms(flat)
            query = flat
        number = -1 if context else self.wordings.get(tuple(terms), -1)
        if number < 0 and not context and tuple(terms) in self.wordings:
            said = {entry.id for entry in self.entries_saying(query)}
            if len(said) == 1:
                number = self.numbers.get(said.pop(), -1)
        return number

    def _keyword_match(self, hit: KeywordHit) -> Match:
        document = self.documents[hit.number]
        return Match(document.entry_id, document.question, hit.score)

    def _keyword_words(self, query: str) -> list[str]:
        """The query's content words, typos corrected, with acronyms spelt out and the word of each vocabulary
        group they belong to, for BM25."""
        # Question words ("when", "how") say what kind of answer is wanted, not what it is about: spelt out
        # ("when" is in the timescale group) they would pull every timescale entry into any question.
        read = self._unanchored(query)
        framing = _framing(read)
        words = [word for word in read if word not in STOP_WORDS and word not in QUESTION_STARTS]
        expanded = list(words)
        for word in words:
            expanded.extend(self.spelt_out.get(word, ()))
        expanded = [word for word in dict.fromkeys(expanded) if word not in STOP_WORDS]
        # "what kind of care leaver is he": "kind" frames the question (its group, [category, type, kind], still
        # counts), but as a word of its own it only met answers that happen to say "what kinds of inspection" (ILACS,
        # trial 64 beside fix80d's new care leaver entry)
        return [word for word in expanded if word not in framing] + self.keyword.groups_of(expanded)

    def _query_terms(self, query: str) -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
        """Weighted terms of the question itself and of any context written around it, and those of the question
        that only name the event a timescale counts from (`_anchored`).

        In a long message one clause holds the actual ask: the last ending in "?", else the last worded as a
        question, else the last. The rest is narrative that only helps to choose between candidates, so its
        unknown words do not count against an entry. A question clause too vague to search on ("what should
        I do") takes in the clause before it.
        """
        clauses: list[tuple[list[str], list[Term], frozenset[str]]] = []
        marked: list[int] = []  # clauses ending in "?"
        asking: list[int] = []  # clauses worded as a question
        pieces = CLAUSE_BREAK.split(SECTION_DOT.sub(r"\1", query))
        for position in range(0, len(pieces), 2):
            words = words_of(pieces[position])
            if not words:
                continue
            if position + 1 < len(pieces) and "?" in pieces[position + 1]:
                marked.append(len(clauses))
            read = self._read(words)
            if self._worded_as_question(words, read):
                asking.append(len(clauses))
            clauses.append((words, *self._anchored(read)))
        if not clauses:
            return {}, {}, frozenset()
        first = last = (marked or asking or [len(clauses) - 1])[-1]
        while self._mass(term for number in range(first, last + 1) for term in clauses[number][1]) \
                < MIN_QUESTION_MASS and (first > 0 or last < len(clauses) - 1):
            if first > 0:
                first -= 1
            else:
                last += 1
        main: dict[str, float] = {}
        context: dict[str, float] = {}
        for number in range(first, last + 1):
            for term in clauses[number][1]:
                if term.weight > main.get(term.text, 0.0):
                    main[term.text] = term.weight
        for number, (_, terms, _) in enumerate(clauses):
            if first <= number <= last:
                continue
            for term in terms:
                if term.text in self.postings and term.text not in main and term.weight > context.get(term.text, 0.0):
                    context[term.text] = term.weight
        asked = range(first, last + 1)
        event = {text for number in asked for text in clauses[number][2]}
        said = {term.text for number in asked for term in clauses[number][1] if term.text not in clauses[number][2]}
        return main, context, frozenset(event - said)

    def _anchored(self, read: list[str]) -> tuple[list[Term], frozenset[str]]:
        """A clause's terms, those of a closing phrase naming the event a timescale counts from (`_anchor_at`) at
        ANCHOR_WEIGHT, and the texts only the event says: "… due after the icpc" asks what falls due, not about the
        ICPC."""
        framing = _framing(read)
        terms = [Term(term.text, term.weight * FRAME_WEIGHT) if term.text in framing else term
                 for term in self.vocabulary.terms(read)]
        at = self._anchor_at(read, terms)
        if at is None:
            return terms, frozenset()
        head = self.vocabulary.terms(read[:at + 1])
        event = terms[len(head):]
        return [*head, *(Term(term.text, term.weight * ANCHOR_WEIGHT) for term in event)], \
            frozenset(term.text for term in event) - {term.text for term in head}

    def _anchor_at(self, read: list[str], terms: list[Term]) -> int | None:
        """Where a timescale question's closing phrase naming the event it counts from ("… after the icpc", "… since
        the strat") starts: the place of its ANCHOR_WORDS word. None unless the phrase names one of the domain's own
        events (a glossary or concept phrase: not "after an emergency placement") and is no clause ("after they leave
        care"), no phrase runs across the anchor word ("looked after child"), and what comes before asks a timescale
        and says enough (MIN_QUESTION_MASS) to be what is asked about (not "what happens after the icpc")."""
        at = max((place for place, word in enumerate(read) if word in ANCHOR_WORDS), default=0)
        if not at or CLAUSE_WORDS.intersection(read[at + 1:]):
            return None
        head, event = self.vocabulary.terms(read[:at + 1]), self.vocabulary.terms(read[at + 1:])
        split = (*self.vocabulary.terms(read[:at]), *self.vocabulary.terms(read[at:at + 1]), *event)
        named = any(term.text.startswith("#") for term in event)
        whole = [term.text for term in split] == [term.text for term in terms]
        timed = self.timescale_terms.intersection(term.text for term in head)
        return at if named and whole and timed and self._mass(head) >= MIN_QUESTION_MASS else None

    def _unanchored(self, query: str) -> list[str]:
        """The query's words as read, without each clause's closing event phrase (`_anchor_at`): what BM25 ranks on,
        which cannot weigh a word less, only leave it out."""
        kept: list[str] = []
        for piece in CLAUSE_BREAK.split(SECTION_DOT.sub(r"\1", query))[::2]:
            read = self._read(words_of(piece))
            at = self._anchor_at(read, self.vocabulary.terms(read)) if read else None
            kept.extend(read if at is None else read[:at + 1])
        return kept

    @staticmethod
    def _worded_as_question(words: list[str], read: list[str]) -> bool:
        """Whether a clause is worded as a question, as typed or as read ("wat shud go in a chronology", trial 29)."""
        return any(said[0] in QUESTION_STARTS or WH_WORDS.intersection(said) for said in (words, read) if said)

    def without_remarks(self, query: str) -> str:
        """The query without the asker's remarks around its question. After it: "wat shud go in a chronology, mine are
        always too long" asks what "wat shud go in a chronology" asks (trial 29: the remark, read as a story around the
        question, left it unanswered); only clauses after one worded as a question go, and only remarks (`_remark`).
        Before it, a remark keeps only the thing it is about (`_remarked_on`), which the question then points back
        to: "my chronologies are always too long, what should go in one" asks what "my chronologies, what should go
        in one" asks (trial 30: "always" and "long" were read as part of the question)."""
        pieces = CLAUSE_BREAK.split(query)
        asking = [bool(words) and self._worded_as_question(words, self._read(words))
                  for words in map(words_of, pieces[::2])]
        trimmed = list(pieces)
        for number, position in enumerate(range(0, len(pieces) - 2, 2)):
            if self._vague_question(pieces[position + 2]) and not any(asking[:number + 1]):
                subject = _remarked_on(words_of(pieces[position]))
                if subject:
                    trimmed[position] = (" " if position else "") + " ".join(subject)
        kept = trimmed[:1]
        for number, position in enumerate(range(2, len(pieces), 2), start=1):
            if not (any(asking[:number]) and _remark(words_of(pieces[position]))):
                kept += trimmed[position - 1:position + 1]  # the clause with the break before it
        return "".join(kept).strip() if kept != pieces else query

    def _vague_question(self, clause: str) -> bool:
        """Whether a clause is worded as a question but says too little to search on (MIN_QUESTION_MASS): "what should
        go in one", which points back to what the clause before it names."""
        words = words_of(clause)
        read = self._read(words)
        return bool(words) and self._worded_as_question(words, read) and \
            self._mass(self.vocabulary.terms(read)) < MIN_QUESTION_MASS

    def _mass(self, terms: Iterable[Term]) -> float:
        """How much a set of terms says: the idf of those some entry uses (stop words already gone)."""
        return sum(self.idf.get(term.text, 0.0) * term.weight for term in {term.text: term for term in terms}.values())

    def _read(self, words: list[str]) -> list[str]:
        """The words typos corrected, a clipped word read as the known phrase it continues ("strat disc" ->
        "strat discussion", not "disclosed": the shortest known word starting "disc")."""
        read: list[str] = []
        for index, word in enumerate(words):
            verb = self._verb_typo(word, words[index + 1] if index + 1 < len(words) else "")
            if verb is not None:
                read.append(verb)
                continue
            if read and len(word) >= 3 and word not in self.surface_words and word not in self.phrase_words:
                following = [known for known in self.next_words.get(read[-1], ()) if known.startswith(word)]
                if following:
                    read.append(min(following, key=lambda known: (len(known), known)))
                    continue
            read.append(self._correct(word))
        return read

    def spelling(self, words: list[str]) -> list[str]:
        """The words (lower case) with their typos put right as the search reads them ("confrence" -> "conference",
        "wen" -> "when", "r" -> "are"), every other word as typed: so a QA lead's link writes what the asker meant,
        not their slip (knowledge/spelling.py). Another form of a known word ("allocation") and the domain's clipped
        shorthand ("strat", "confs") are the asker's own words, not typos: they stay."""
        return [meant if meant != typed and self._misspelt(typed, meant) else typed
                for typed, meant in zip(words, self._read(words), strict=True)]

    def _misspelt(self, typed: str, meant: str) -> bool:
        """Whether the search reading `typed` as `meant` put a slip right rather than read a word of its own."""
        if typed in CHAT_SHORTHAND or QUESTION_TYPOS.get(typed) == meant:
            return True
        return (typed not in self.phrase_words and not meant.startswith(typed) and self._same_root(typed) != meant
                and OSA.distance(typed, meant) <= 2)

    def _verb_typo(self, word: str, following: str) -> str | None:
        """A word that is no everyday English word, just before "a", "an", "my"..., read as the everyday verb it
        is with two letters swapped: "how do i strat an audt" asks how to start one, though "strat" alone is shorthand
        for a strategy discussion ("strat was on tuesday"). A noun is rarely followed by a determiner; a verb often is.
        """
        if following not in DETERMINERS or len(word) < 4 or word in everyday_words():
            return None
        for at in range(len(word) - 1):
            swapped = word[:at] + word[at + 1] + word[at] + word[at + 2:]
            if swapped != word and swapped in everyday_words() and swapped in self.surface_words:
                return swapped
        return None

    def _correct(self, word: str) -> str:
        """Map a misspelt word to a known one within a small edit distance ("confrence" -> "conference"), or
        to the question word it misspells ("wen" -> "when", see QUESTION_TYPOS). An everyday English word the
        knowledge base lacks ("moon") is no typo: it is read only as another form of itself (see `_may_read_as`).
        Text-speak ("r", "u") is read as the word meant (CHAT_SHORTHAND), and a clipped word's plural as the clipped
        word ("confs" as "conf": "conference")."""
        meant = CHAT_SHORTHAND.get(word)
        if meant is not None:
            return meant
        if (word in self.surface_words or word in STOP_WORDS or len(word) < 3 or word.isdigit()
                or self.vocabulary.stem_of(word) in self.known_stems):
            return word
        asked = QUESTION_TYPOS.get(word)
        if asked is not None or len(word) < 4:
            return asked or word
        cached = self._corrections.get(word)
        if cached is not None:
            return cached
        related = self._same_root(word)
        if related is not None:
            self._corrections[word] = related
            return related
        allowed = 1 if len(word) < 8 else 2
        everyday = word in everyday_words()
        # Among equally close known words, prefer one that keeps the letters typed (a letter left out, typed twice or
        # two swapped: "supervison" is "supervision", "aduit" is "audit") to one with a letter typed for another
        # ("supervisor", "adult"); then the one sharing the longest start (a typo rarely changes the first letters),
        # then the most used. Ties are broken alphabetically so every process agrees.
        close = []
        for length in range(len(word) - allowed, len(word) + allowed + 1):
            choices = self.words_by_start.get((word[0], length))  # a typo rarely changes the first letter
            if not choices:
                continue
            for choice, distance, _ in process.extract(word, choices, scorer=OSA.distance, score_cutoff=allowed,
                                                       limit=None):
                if everyday and not _may_read_as(word, choice):
                    continue
                shared = _shared_start(word, choice)
                used = len(self.postings.get(self.vocabulary.stem_of(choice), ()))
                close.append((distance, not keeps_letters(word, choice), -shared, -used, choice))
        best = min(close)[-1] if close else word
        if best == word and (word not in common_words() or word in self.phrase_words):
            # a common word is itself, not the start of a longer one ("south" is not "Southwark", "east" not
            # "Easter"), unless the vocabulary lists it as shorthand
            best = self._clipped(word)
        listed = self.phrase_words.get(word)
        if best not in (listed or (best,)) or (everyday and not _may_read_as(word, best)):
            # "docs", listed with "documents" in the vocabulary, is not "does"; an everyday word the vocabulary does
            # not list stays itself ("exams" is not "example", "gates" not "gateway")
            clipped = self._clipped(word)
            best = clipped if listed and clipped in listed else word
        if len(self._corrections) < 100_000:
            self._corrections[word] = best
        return best

    def _same_root(self, word: str) -> str | None:
        """A known word sharing this word's root ("allocation" -> "allocated"), before any typo correction.

        A word formed from a known one with a different suffix is not a typo: editing it to the nearest
        spelling ("allocation" -> "allegation") would change its meaning.
        """
        for cut in range(len(word) - 1, MIN_ROOT - 1, -1):
            if word[cut:] not in DERIVED_SUFFIXES:
                continue
            known = self.word_by_stem.get(word[:cut])
            if known is not None:
                return known
        return None

    def _clipped(self, word: str) -> str:
        """A clipped word read as the word it starts (`_expand_abbreviation`), a plural as its clipped word ("confs",
        "docs"); the word itself when it starts none."""
        for clip in (word, word[:-1]) if word.endswith("s") and len(word) > 3 else (word,):
            if clip != word and clip not in self.phrase_words and word not in self.phrase_words:
                break  # only a clipped word the vocabulary lists is read through its plural ("confs", "docs")
            kin = self.phrase_words.get(word) or self.phrase_words.get(clip, frozenset())
            expanded = self._expand_abbreviation(clip, kin)
            if expanded != clip:
                return expanded
        return word

    def _expand_abbreviation(self, word: str, kin: frozenset[str] = frozenset()) -> str:
        """Read a clipped word ("strat", "reg") as the shortest known word it starts: first a word of its own
        vocabulary groups (`kin`), where the vocabulary lists the clipped word ("conf" of "review conf" is
        "conference", not "confirm")."""
        if len(word) > MAX_ABBREVIATION:
            return word
        start = bisect.bisect_left(self.sorted_words, word)
        longer = [known for known in self.sorted_words[start: start + 50] if known.startswith(word) and known != word]
        if not longer:
            return word
        # a word of the glossary or the vocabulary first: clipped words are the domain's own shorthand
        return min(longer, key=lambda known: (known not in kin, known not in self.phrase_words, len(known), known))

    def _answer_terms_of(self, number: int) -> frozenset[str]:
        """The terms of one entry's answer, read the first time the entry is a candidate.

        Answers are most of the text in a knowledge base but only a weak signal, so they are not read at
        load: reading 20,000 answers would more than double the time a reload takes.
        """
        found = self._answer_terms.get(number)
        if found is None:
            found = self._answer_terms[number] = frozenset(self.vocabulary.term_set(self.answers[number]))
        return found

    def _shape_of(self, number: int) -> _Shape:
        """Joined wordings and idf masses of one entry, cached: only candidates ever need them, so building
        them for all 20,000 entries at load would be a fifth of the indexing time spent on entries never asked."""
        found = self._shapes.get(number)
        if found is None:
            idf, document = self.idf, self.documents[number]
            phrasings = document.terms
            curated = document.curated if document.curated >= 0 else len(phrasings)
            found = self._shapes[number] = _Shape(
                tuple(" ".join(phrasing) for phrasing in phrasings),
                tuple((phrasing, sum([idf[term] for term in phrasing])) for phrasing in phrasings),
                tuple(1.0 if place < curated else LEARNED_SHAPE for place in range(len(phrasings))))
        return found

    def _likeness(self, query_text: str, terms: Collection[str], shapes: list[_Shape]
                  ) -> list[tuple[float, float]]:
        """For each candidate: how alike the query and its closest wording are (rapidfuzz, 0-1), and the
        largest share of one wording's idf mass the query covers; a learned wording counts LEARNED_SHAPE of
        the entry's own. All candidates' wordings go to rapidfuzz in one call, which reads the query once."""
        flat = [phrasing for shape in shapes for phrasing in shape.phrasings]
        set_ratios = _ratios(query_text, flat, fuzz.token_set_ratio)
        sort_ratios = _ratios(query_text, flat, fuzz.token_sort_ratio)
        said = {term: self.idf[term] for term in terms if term in self.idf}.get
        results = []
        start = 0
        for shape in shapes:
            end = start + len(shape.phrasings)
            wording = max(((set_ratio * 0.5 + sort_ratio * 0.5) * factor for set_ratio, sort_ratio, factor
                           in zip(set_ratios[start:end], sort_ratios[start:end], shape.factors, strict=True)),
                          default=0.0) / 100
            reverse = max((sum(map(said, phrasing, _ZEROS)) / mass * factor
                           for (phrasing, mass), factor in zip(shape.masses, shape.factors, strict=True) if mass > 0),
                          default=0.0)
            results.append((wording, reverse))
            start = end
        return results

    def _rank(self, terms: dict[str, float], context: dict[str, float], needed: int,
              floor: float = 0.0, event: frozenset[str] = frozenset()) -> list[Match]:
        """The best `needed` entries scoring at least `floor`, scored 0-100, best first; the `event` a timescale counts
        from says nothing of an entry's wording (`_likeness`): "icpc due" is not what "… due after the icpc" asks.

        The question's terms count fully, the narrative's known terms less: at CONTEXT_WEIGHT after a specific
        ask, more after a vague one ("what should I do now"), where the narrative is what the message is about.
        """
        importance = {term: weight * self.idf.get(term, self.unknown_idf) for term, weight in terms.items()}
        said = sum(self.idf.get(term, 0.0) * weight for term, weight in terms.items())
        narrative = max(CONTEXT_WEIGHT, 1.0 - said / FULL_QUESTION_MASS)
        importance.update({term: narrative * weight * self.idf[term] for term, weight in context.items()})
        terms = {**terms, **context}
        total = sum(importance.values())
        if total <= 0:
            return []
        known = [term for term in terms if term in self.postings]
        fetch = [term for term in known if len(self.postings[term]) <= self.common_limit]
        if not fetch:
            fetch = sorted(known, key=lambda term: len(self.postings[term]))[:2]
        partial: dict[int, float] = defaultdict(float)
        for term in fetch:
            value = importance[term]
            for number in self.postings[term][:MAX_POSTINGS]:
                partial[number] += value
        groups = self._query_groups(terms)
        self._group_candidates(groups, importance, partial)
        if not partial:
            return []
        shortlist = sorted(partial, key=partial.__getitem__, reverse=True)[:CANDIDATES]  # as heapq.nlargest, faster
        query_text = " ".join(sorted(terms, key=lambda term: -importance[term]))
        # Score each candidate on its wording first; its answer can only add ANSWER_ONLY_MATCH of what the
        # wording missed, so answers are read only for candidates that could still reach the places shown.
        bounded = []
        likeness = self._likeness(query_text, terms.keys() - event, [self._shape_of(number) for number in shortlist])
        for number, (wording, reverse) in zip(shortlist, likeness, strict=True):
            weights = self.documents[number].weights
            covered = _covered(self.documents[number], importance)
            missing = [(term, value) for term, value in importance.items() if term not in weights]
            if groups and missing:
                covered, missing = self._group_credit(weights, groups, importance, covered, missing)
            best_case = covered + ANSWER_ONLY_MATCH * sum(value for _, value in missing)
            bounded.append((_score(best_case / total, reverse, wording), number, covered, missing, reverse, wording))
        bounded.sort(key=lambda item: -item[0])
        matches: list[Match] = []
        exact: list[float] = []
        reads = 0
        for ceiling, number, covered, missing, reverse, wording in bounded:
            if ceiling < floor or ceiling <= 0 or (len(exact) >= needed and ceiling <= exact[needed - 1]):
                break
            if missing and reads < ANSWER_READS:
                reads += 1
                answer_terms = self._answer_terms_of(number)
                covered += ANSWER_ONLY_MATCH * sum(value for term, value in missing if term in answer_terms)
            score = _score(covered / total, reverse, wording)
            bisect.insort(exact, score, key=lambda value: -value)
            document = self.documents[number]
            matches.append(Match(document.entry_id, document.question, round(score, 1)))
        matches.sort(key=lambda match: (-match.score, match.entry_id))
        return matches

    def _group_candidates(self, groups: dict[int, tuple[str, ...]], importance: dict[str, float],
                          partial: dict[int, float]) -> None:
        """Entries saying a query's vocabulary group in other words become candidates (by each member's
        rarest term, unless it is common), at VOCAB_MATCH of the query terms saying it."""
        for number, said in groups.items():
            value = VOCAB_MATCH * sum(importance[term] for term in said)
            reached: set[int] = set()
            for member in self.group_members[number]:
                rarest = min(member, key=lambda term: len(self.postings.get(term, ())))
                found = self.postings.get(rarest, ())
                if found and len(found) <= self.common_limit:
                    reached.update(found)
            for document in reached:
                partial[document] += value

    def _group_credit(self, weights: dict[str, float], groups: dict[int, tuple[str, ...]],
                      importance: dict[str, float], covered: float, missing: list[tuple[str, float]]
                      ) -> tuple[float, list[tuple[str, float]]]:
        """Credit missing query terms that say a vocabulary group the entry says another way."""
        explained = {term for number, said in groups.items() if self._says_group(weights, number) for term in said}
        if not explained:
            return covered, missing
        covered += VOCAB_MATCH * sum(importance[term] for term, _ in missing if term in explained)
        return covered, [(term, value) for term, value in missing if term not in explained]


def decide(query: str, evidence: Evidence, fit: SearchFit, limit: int = 3) -> SearchResult:
    """Answer, "Did you mean…", or "I don't know", from both rankings and the fitted thresholds.

    An answer needs the concept scorer's first choice to stand clear of the rest, or to be clear enough and
    also BM25's first choice, or (a story around a question) to be both rankings' first choice, far ahead of
    the concept scorer's runner-up, or (every word of the question in its wordings, much of it in the runner-up's
    nowhere: `evidence.unmet`) to be both rankings' first choice at whole_score. In a question mostly guessed
    (`evidence.guessed`) BM25 read the same guesses: its agreement then counts only with answer_score or answer_margin
    met. A single very common word ("left",
    "home", "care") is never answered outright, unless it is an entry's own question or alternative word for word
    (`evidence.exact`): such a word alone means too many things to be sure which entry is meant (see PLAIN_ZIPF),
    so that entry is offered first instead. Nor is a question saying almost nothing (`evidence.vague`: its words
    stop words but one or two that most entries use, "what if a child asks me"), whose best
    match then only holds those words.
    Suggestions are the two rankings fused (reciprocal rank), so an entry either one ranks high is offered; they
    are offered only when either ranking finds something plausible.
    """
    concept, keyword = evidence.concept, evidence.keyword
    if evidence.exact is not None:
        others = tuple(m for m in fused(concept, keyword, fit) if m.entry_id != evidence.exact.entry_id)
        return SearchResult(query, "answer", evidence.exact, others[:limit])
    best = concept[0] if concept else None
    runner_up = concept[1].score if len(concept) > 1 else 0.0
    if best is not None:
        # BM25's agreement is a second opinion on the words typed, not on the search's guesses: a question mostly
        # guessed needs the score, or the lead, on which the concept scorer alone would be believed
        agreed = bool(keyword) and keyword[0].entry_id == best.entry_id and (
            not evidence.guessed or best.score >= fit.answer_score or best.score - runner_up >= fit.answer_margin)
        clear = best.score >= fit.answer_score and best.score - runner_up >= fit.answer_margin
        lead = best.score - runner_up + evidence.usage_bonus(fit)
        backed = agreed and best.score >= fit.agree_score and lead >= fit.agree_margin
        told = agreed and evidence.narrative and stands_out(*story_scores(evidence), fit.narrative_score,
                                                            fit.narrative_lead, fit.narrative_keyword_lead)
        whole = agreed and best.score >= fit.whole_score and evidence.unmet >= fit.whole_unmet
        if clear or backed or told or whole:
            others = tuple(m for m in fused(concept, keyword, fit) if m.entry_id != best.entry_id)
            if evidence.vague(fit) or _one_plain_word(query):  # offered first, never answered outright
                return SearchResult(query, "ambiguous", None, close_to_first((best, *others)[:limit], evidence, fit))
            return SearchResult(query, "answer", best, others[:limit])
    top = best.score if best is not None else 0.0
    plausible = top >= fit.suggest_score or evidence.asked is not None or \
        (bool(keyword) and keyword[0].score >= fit.suggest_keyword and top >= fit.suggest_floor)
    if not plausible:
        return SearchResult(query, "none", None, ())
    offered = fused(concept, keyword, fit)
    if evidence.asked is not None:  # what the question itself asks, first, whatever the story pulls towards
        offered = (evidence.asked, *(match for match in offered if match.entry_id != evidence.asked.entry_id))
    return SearchResult(query, "ambiguous", None, close_to_first(offered[:limit], evidence, fit))


def close_to_first(offered: tuple[Match, ...], evidence: Evidence, fit: SearchFit) -> tuple[Match, ...]:
    """The suggestions worth showing: the first, and each later one scoring at least `suggest_ratio` of the concept
    scorer's best or among BM25's first `suggest_keyword_ranks`. "how lng for a core grp" offered the core group
    entry, then disguised compliance and parents recording meetings, which share only a word or two with it."""
    best = evidence.concept[0].score if evidence.concept else 0.0
    concept = {match.entry_id: match.score for match in evidence.concept}
    keyword_first = {match.entry_id for match in evidence.keyword[:fit.suggest_keyword_ranks]}
    return offered[:1] + tuple(match for match in offered[1:] if match.entry_id in keyword_first
                               or concept.get(match.entry_id, 0.0) >= fit.suggest_ratio * best)


class StoryScores(NamedTuple):
    """The scores the story rule compares (see `stands_out`)."""

    best: float  # the concept scorer's first choice (-inf when it has none: never stands out)
    runner_up: float  # its second (0 when there is none)
    keyword_best: float  # BM25's first choice (-inf when BM25 has no second, so no lead to read: never stands out)
    keyword_second: float  # BM25's second (0 when there is none)


def story_scores(evidence: Evidence) -> StoryScores:
    """What the story rule reads of one query's evidence, whatever the thresholds."""
    concept, keyword = evidence.concept, evidence.keyword
    return StoryScores(concept[0].score if concept else -math.inf, concept[1].score if len(concept) > 1 else 0.0,
                       keyword[0].score if len(keyword) > 1 else -math.inf,
                       keyword[1].score if len(keyword) > 1 else 0.0)


def stands_out(best: Any, runner_up: Any, keyword_best: Any, keyword_second: Any, narrative_score: Any,
               narrative_lead: Any, narrative_keyword_lead: Any) -> Any:
    """Whether a story's first choice stands far enough ahead to be answered (`decide` asks this only when both
    rankings agree on it): it scores at least narrative_score and narrative_lead times the runner-up, or BM25's
    first choice scores narrative_keyword_lead times its second. Written with & and | rather than `and` and
    `or` so that the fit script can ask it of numpy arrays, every question against every setting at once, and
    get exactly what `decide` gets question by question."""
    return (((best >= narrative_score) & (best >= narrative_lead * runner_up))
            | (keyword_best >= narrative_keyword_lead * keyword_second))


def _remark(words: list[str]) -> bool:
    """Whether a clause after the question is the asker's remark on the thing asked about, which says nothing of
    which entry is meant: "wat shud go in a chronology, mine are always too long", "…, ours always end up late",
    "…, i never know". Read as a story around the question it pulled the answer (97.4 alone) under 30 (trial 29)."""
    return bool(words) and (words[0] in REMARK_STARTS or (
        len(words) > 1 and words[0] in REMARK_SUBJECTS and words[1] in REMARK_HABITS))


def _remarked_on(words: list[str]) -> list[str]:
    """What a remark before the question is about: the asker's own things named before a short habit ("my
    chronologies" of "my chronologies are always too long", "our core groups" of "our core groups keep slipping"), or
    nothing when the clause is no such remark. A longer clause after the habit ("my SM keeps booking a monthly meeting
    to go through team data") tells what happens, which is what the question is about, and is kept whole."""
    habit = next((place for place, word in enumerate(words) if word in REMARK_HABITS), 0)
    subject = words[:habit]
    while subject and subject[-1] in COPULAS:
        subject = subject[:-1]
    if len(subject) < 2 or subject[0] not in OWNERS or len(words) - habit - 1 > MAX_REMARK_TAIL:
        return []
    return subject


def _framing(read: list[str]) -> frozenset[str]:
    """The query's FRAME_NOUNS used as "kind of", "type of", "sort of": they say a category of the next noun is asked
    for, which the vocabulary group carries; as words they match any text that says "kind"."""
    return frozenset(word for word, following in itertools.pairwise(read) if word in FRAME_NOUNS and following == "of")


def _one_plain_word(query: str) -> bool:
    """Whether the query's only word that is not a stop word is one of the commonest English words (PLAIN_ZIPF)."""
    content = [word for word in words_of(query) if word not in STOP_WORDS]
    return len(content) == 1 and content[0] in plain_words()


def fused(concept: tuple[Match, ...], keyword: tuple[Match, ...], fit: SearchFit) -> tuple[Match, ...]:
    """Both rankings merged by reciprocal rank, each entry shown with its concept score where it has one.

    Only concept candidates that are themselves plausible take part, so a weak concept match does not push a
    strong BM25 one off the list; an entry only BM25 found is shown with a 0-100 score scaled from BM25's.
    """
    votes: dict[str, float] = defaultdict(float)
    shown: dict[str, Match] = {}
    for rank, match in enumerate(m for m in concept if m.score >= fit.suggest_score):
        votes[match.entry_id] += 1 / (RRF_K + rank)
        shown[match.entry_id] = match
    for rank, match in enumerate(m for m in keyword if m.score >= fit.keyword_share * keyword[0].score):
        votes[match.entry_id] += fit.keyword_vote / (RRF_K + rank)
        if match.entry_id not in shown:
            scale = fit.suggest_keyword if fit.suggest_keyword < 1e9 else 10.0
            shown[match.entry_id] = Match(match.entry_id, match.question,
                                          round(100 * match.score / (match.score + scale), 1))
    # equal votes: the concept scorer's better match first (it reads the wording; BM25 only shares words)
    order = sorted(votes, key=lambda entry_id: (-votes[entry_id], -_concept_score(shown[entry_id], concept),
                                                entry_id))
    return tuple(shown[entry_id] for entry_id in order)


def _concept_score(match: Match, concept: tuple[Match, ...]) -> float:
    """The score shown for an entry when the concept scorer found it, else -1 (found by BM25 only)."""
    return match.score if any(found is match for found in concept) else -1.0


def _spelt_out(glossary: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """acronym -> the words of its meaning. (Synonym groups are not spelt out: BM25 reads each as one word of
    its own, see KeywordIndex.groups_of, so an entry using many of a group's members is not favoured.)"""
    found: dict[str, list[str]] = defaultdict(list)
    for term, meaning in glossary.items():
        words = words_of(term)
        if len(words) == 1:
            found[words[0]].extend(words_of(re.sub(r"\(.*?\)", " ", meaning)))
    return {word: tuple(dict.fromkeys(words))[:12] for word, words in found.items()}


def _phrase_words(kb: KnowledgeBase) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each word of a glossary term or vocabulary phrase with the words of its own group (a glossary term's
    meaning), which alone it may be corrected to; and the words that follow it in a phrase, which shorthand
    like "strat disc" is completed from."""
    following: dict[str, set[str]] = defaultdict(set)
    kin: dict[str, set[str]] = defaultdict(set)
    named = [((term,), (term, meaning)) for term, meaning in kb.glossary.items()]
    for phrases, group in [*named, *((group, group) for group in (*kb.concepts, *kb.vocabulary))]:
        members = {word for phrase in group for word in words_of(phrase)}
        for phrase in phrases:
            found = words_of(phrase)
            for word in found:
                kin[word].update(members)
            for before, after in itertools.pairwise(found):
                following[before].add(after)
    return ({word: frozenset(words) for word, words in kin.items()},
            {word: frozenset(after) for word, after in following.items()})


WORDISH = re.compile(r"\w")


def _shared_start(first: str, second: str) -> int:
    """How many leading letters two words have in common."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def keeps_letters(typed: str, known: str) -> bool:
    """Whether every letter of one word is in the other, as when a letter is left out, typed twice or swapped with
    its neighbour; not when one letter was typed for another."""
    typed_letters, known_letters = Counter(typed), Counter(known)
    return typed_letters <= known_letters or known_letters <= typed_letters


def _may_read_as(word: str, known: str) -> bool:
    """Whether an everyday English word the knowledge base lacks may be read as a known word: only as a word it
    starts (clipped: "perm" as "permanence", "rehab" as "rehabilitation"; or with an ending: "permanent" as
    "permanently"), another form of itself (a root of MIN_ROOT letters or more with other ENDINGS: "renewal" as
    "renewed"), or a stop word, which counts for no entry ("dose" as "does"). Read as another word ("moon" as "mood",
    "supposed" as "supported"), it gave the few entries holding that word strong and false evidence: "who was the
    first person on the moon" was answered with the entry on children's mental health, which alone says "mood"."""
    shared = _shared_start(word, known)
    if known in STOP_WORDS or shared == len(word) or _spelt_other_way(word, known, shared):
        return True
    return any(word[cut:] in ENDINGS and known[cut:] in ENDINGS for cut in range(shared, MIN_ROOT - 1, -1))


# One letter English writes either way after the same start: the British noun and verb ("practice", "practise";
# "licence", "license") and -ise or -ize ("organise", "organize"). Read so only after MIN_SPELT_START letters in
# common: "rice" is not "rise".
SPELT_EITHER_WAY = frozenset({("c", "s"), ("s", "c"), ("s", "z"), ("z", "s")})
MIN_SPELT_START = 4


def _spelt_other_way(word: str, known: str, shared: int) -> bool:
    """Whether two words are one word spelt two ways: the same but for one letter of SPELT_EITHER_WAY, after at
    least MIN_SPELT_START letters in common ("best practise" asks what "best practice" asks)."""
    return (len(word) == len(known) > shared >= MIN_SPELT_START and word[shared + 1:] == known[shared + 1:]
            and (word[shared], known[shared]) in SPELT_EITHER_WAY)


def _covered(document: _Document, importance: dict[str, float]) -> float:
    """How much of the query's importance an entry's wording, id and tags meet, each term at its weight there; a
    term met only in passing (see `_in_passing`) at ANSWER_ONLY_MATCH."""
    weights = document.weights
    covered = sum(value * weights.get(term, 0.0) for term, value in importance.items())
    return covered - sum(importance[term] * (weights[term] - ANSWER_ONLY_MATCH)
                         for term in _in_passing(document, importance))


def _in_passing(document: _Document, asked: Collection[str]) -> list[str]:
    """The query terms an entry's wordings hold only in passing: each only in long wordings (PASSING_LENGTH
    terms or more) that hold no other query term; never in a short wording, which is about it. A query of one
    term is never read so."""
    if len(asked) < 2:
        return []
    alone: set[str] = set()
    together: set[str] = set()
    for phrasing in document.terms:
        met = [term for term in phrasing if term in asked]
        if len(met) == 1 and len(phrasing) >= PASSING_LENGTH:
            alone.add(met[0])
        else:  # with other query terms, or in a short wording (which is about it)
            together.update(met)
    return [term for term in alone - together if document.weights[term] > ANSWER_ONLY_MATCH]


def _score(coverage: float, reverse: float, wording: float) -> float:
    """0-100: mostly how much of the query the entry covers; falls away fast below GATE coverage."""
    return 100 * (0.6 * coverage + 0.2 * reverse + 0.2 * wording) * min(1.0, coverage / GATE)


def to_json(result: SearchResult) -> dict[str, Any]:
    """The JSON shape `ask --json` prints and other tools read."""

    def match_json(match: Match) -> dict[str, Any]:
        return {"id": match.entry_id, "question": match.question, "score": match.score}

    return {
        "query": result.query,
        "answer": match_json(result.answer) if result.answer else None,
        "suggestions": [match_json(match) for match in result.suggestions],
    }
