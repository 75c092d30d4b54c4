"""Known questions and what the search does with them: what a QA lead is told an edit changed.

The search is coupled through the whole knowledge base (document frequencies are global), so an edit to one entry
can silently move a borderline question of another: rewording `export-audits`' answer turned "placement started
23/10/2026, when must the social worker visit?" from an answer into "Did you mean…" (issue #13). The questions the
knowledge base knows (every entry's question and alternatives, and the wordings the chat has learned) are put
through the search before and after an edit; those whose outcome differs are named to the QA lead, and `kb check`
names those that no longer reach their own entry.

A known question that repeats an entry's wording is answered from the wording map without ranking
(`KnowledgeSearch.repeated_entry`), so only the others (a few hundred, with words around their question) are ranked:
after an edit only those sharing a word with the edited entries (`near`), as no other can move far.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from itertools import islice
from typing import Literal

from knowledge.entries import Entry
from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch
from knowledge.term_entries import explained
from knowledge.textterms import STOP_WORDS, words_of

STEM = 5  # letters of a word compared by `near`: "started" meets "start", "quarterly" meets "quarter"


@dataclass(frozen=True)
class KnownQuestion:
    """A wording the knowledge base says means `entry_id`: its question, an alternative, or a learned wording."""

    entry_id: str  # "" for a question people asked: no one has said which entry it means
    text: str
    learned: bool = False

    @property
    def asked(self) -> bool:
        """A question people asked recently, replayed to see what an edit does to wordings nobody wrote down."""
        return not self.entry_id


@dataclass(frozen=True)
class Outcome:
    """What the search does with a question: answers it with one entry, offers some, or declines it."""

    kind: Literal["answer", "ambiguous", "none"]
    entries: tuple[str, ...] = ()
    meaning: str = ""  # the glossary's meaning the chat gives first ("SWET stands for …"), for "what does X mean"

    def reaches(self, entry_id: str) -> bool:
        """Whether the question is answered outright by `entry_id`."""
        return self.kind == "answer" and self.entries == (entry_id,)

    def said(self) -> str:
        """The outcome in words, as the QA lead is told it ("answered by x", "Did you mean (x, y)", "declined"); a
        question the glossary answers is said so, as the chat answers it (trial 50, #20: "'what does SWET stand for'
        was Did you mean (…)", where the chat had said "SWET stands for social work evidence template")."""
        if self.meaning:
            glossary = f"answered from the glossary (“{self.meaning.replace('**', '')}”)"
            return glossary if self.kind == "none" else f"{glossary}, then {replace(self, meaning='').said()}"
        if self.kind == "answer":
            return f"answered by {self.entries[0]}"
        if self.kind == "ambiguous":
            return f"Did you mean ({', '.join(self.entries)})"
        return "declined (“I don't know”)"


@dataclass(frozen=True)
class Moved:
    """A known question whose outcome an edit changed."""

    question: KnownQuestion
    before: Outcome
    after: Outcome


def known_questions(kb: KnowledgeBase, learned: Iterable[tuple[str, str]] = ()) -> list[KnownQuestion]:
    """Every entry's question and alternatives, then the learned (entry id, wording) pairs of entries it serves."""
    found = [KnownQuestion(entry.id, text) for entry in kb.entries.values()
             for text in (entry.question, *entry.alternatives)]
    found += [KnownQuestion(entry_id, text, learned=True) for entry_id, text in learned if entry_id in kb.entries]
    return list(dict.fromkeys(found))


def outcome_of(search: KnowledgeSearch, text: str, kb: KnowledgeBase | None = None) -> Outcome:
    """What `search.search(text)` does, without ranking when the text repeats an entry's wording; with `kb`, as the
    chat gives it after a glossary meaning ("what does SWET stand for": the meaning, then the entries about it)."""
    repeated = search.repeated_entry(text)
    if repeated is not None:
        return Outcome("answer", (repeated,))
    result, meaning = search.search(text), None
    if kb is not None:
        result, meaning = explained(search, kb, text, result)
    if result.outcome == "answer" and result.answer is not None:
        return Outcome("answer", (result.answer.entry_id,), meaning or "")
    return Outcome(result.outcome, tuple(match.entry_id for match in result.suggestions), meaning or "")


def entry_words(entries: Iterable[Entry]) -> frozenset[str]:
    """The word stems of these entries' texts (question, alternatives, tags, answer), for `near`."""
    return frozenset(stem for entry in entries
                     for text in (entry.question, *entry.alternatives, *entry.tags, entry.answer)
                     for stem in _stems(text))


def changed_words(old_kb: KnowledgeBase, new_kb: KnowledgeBase, edited: Iterable[str]) -> frozenset[str]:
    """The word stems an edit added to or took from the edited entries (all of an entry added or removed): a
    question without one of them meets those entries as before, and the global counts it is scored by have not
    moved but for the entries' lengths."""
    changed: set[str] = set()
    for entry_id in edited:
        was = entry_words([old_kb.entries[entry_id]]) if entry_id in old_kb.entries else frozenset()
        now = entry_words([new_kb.entries[entry_id]]) if entry_id in new_kb.entries else frozenset()
        changed |= was ^ now
    return frozenset(changed)


def near(question: KnownQuestion, words: Collection[str]) -> bool:
    """Whether a question shares a word (stem) with `words`: only such a question's scores move far on an edit."""
    return any(stem in words for stem in _stems(question.text))


def _stems(text: str) -> set[str]:
    return {word[:STEM] for word in words_of(text.lower()) if word not in STOP_WORDS}


def moved_questions(before: KnowledgeSearch, after: KnowledgeSearch, questions: Iterable[KnownQuestion],
                    kbs: tuple[KnowledgeBase, KnowledgeBase] | None = None) -> list[Moved]:
    """The questions whose outcome differs between the two versions of the search, in the order given (with `kbs`,
    the two versions of the knowledge base, a question's glossary meaning too)."""
    moved = []
    old_kb, new_kb = kbs if kbs is not None else (None, None)
    for question in questions:
        was, now = outcome_of(before, question.text, old_kb), outcome_of(after, question.text, new_kb)
        if was != now:
            moved.append(Moved(question, was, now))
    return moved


ASKED_CHECKED = 300  # of the questions people asked, the most recent sharing a changed word: about a second


def edit_moved(before: tuple[KnowledgeBase, KnowledgeSearch], after: tuple[KnowledgeBase, KnowledgeSearch],
               edited: Collection[str], learned: Iterable[tuple[str, str]] = (), asked: Iterable[str] = ()
               ) -> list[Moved]:
    """What an edit of the `edited` entries (added, changed or removed) moved, of the known questions of either
    version, the learned wordings and the questions people `asked` (newest first): those of the edited entries and
    those sharing a word the edit added or took away (`changed_words`): checking every one takes a minute on the
    shipped 200 entries.

    An entry's own wordings are answered by it whatever the scores, so an edit moves them only when two entries
    come to share one; what it can move unseen are the questions nobody wrote down, hence the asked ones
    (`ASKED_CHECKED` of them at most, so a QA lead's confirmation stays quick)."""
    (old_kb, old_search), (new_kb, new_search) = before, after
    if not edited:
        return []
    words = changed_words(old_kb, new_kb, edited)
    learned = tuple(learned)
    questions = dict.fromkeys([*known_questions(old_kb, learned), *known_questions(new_kb, learned)])
    checked = [question for question in questions if question.entry_id in edited or near(question, words)]
    wordings = {question.text.casefold() for question in questions}
    recent = (KnownQuestion("", text) for text in dict.fromkeys(asked) if text.casefold() not in wordings)
    checked += islice((question for question in recent if near(question, words)), ASKED_CHECKED)
    return moved_questions(old_search, new_search, checked, (old_kb, new_kb))


def strays(search: KnowledgeSearch, questions: Iterable[KnownQuestion]) -> list[tuple[KnownQuestion, Outcome]]:
    """The known questions that do not reach their own entry (answered by another, only offered, or declined):
    `kb check`'s warnings."""
    found = []
    for question in questions:
        outcome = outcome_of(search, question.text)
        if not outcome.reaches(question.entry_id):
            found.append((question, outcome))
    return found


def moved_text(moved: list[Moved], shown: int = 10) -> str:
    """"2 questions now get a different answer: 'x' (asked recently) was answered by a, now Did you mean (a, b)";
    empty when nothing moved."""
    if not moved:
        return ""
    count = len(moved)
    lines = [f"• '{item.question.text}'{' (asked recently)' if item.question.asked else ''} was "
             f"{item.before.said()}, now {item.after.said()}" for item in moved[:shown]]
    if count > shown:
        lines.append(f"… and {count - shown} more")
    heading = "1 question now gets" if count == 1 else f"{count} questions now get"
    return (f"{heading} a different answer (of the entries' own wordings, learned wordings and questions people "
            "asked in the last 90 days):\n" + "\n".join(lines))
