"""A new entry whose question another entry already asks: named, and what to do instead.

`kb new` (typed, and the *New entry* form) refused a question another entry already asks (case, apostrophes and
punctuation aside) with `kb check`'s words: "entry 'x' question … repeats the question of entry 'y'
(kb/timescales.yaml:199) word for word; reword one of them, or merge the two entries". A QA lead working through
the unanswered list has no file open: they are told which entry (its id and question) and the command that
does what they meant, `kb link N <id>` to send the askers that entry, or `kb edit <id>` when the askers already
had it and said it did not help. `kb check` keeps its own words: it reports on files, where the line is the point.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.asking.unanswered_input import entry_problems
from knowledge.entries import wording_key
from knowledge.kb_writer import WriteResult
from knowledge.loader import KnowledgeBase
from knowledge.problems import Problem

_REPEAT = re.compile(r"^entry '(?P<one>[^']*)' (?:question|alternative) \".*\" repeats (?:the question|an "
                     r"alternative) of entry '(?P<other>[^']*)' \(", re.DOTALL)


def repeat_problem(kb: KnowledgeBase, question: str, key: int | None,
                   unhelpful: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """("question", what to tell) when an entry of `kb` already asks `question`, or None. `key` is the
    unanswered group the new entry is made for: linking it sends its askers the entry that answers them; an entry
    they already had and marked Not helpful (`unhelpful`), or no group, is edited instead."""
    sharing = kb.entries_saying(question)
    if not sharing:
        return None
    entry = sharing[0]
    place = f"{entry.file}:{entry.line}" if entry.line else entry.file
    asked = wording_key(question) == wording_key(entry.question)
    said = "already asks this" if asked else "already has this wording among its alternatives"
    named = f"Entry `{entry.id}`, _{entry.question}_, {said} ({place})"
    if key is not None and entry.id not in unhelpful:
        instead = (f"To send the askers that entry, type `/audit kb link {key} {entry.id}`; to improve it, "
                   f"`/audit kb edit {entry.id}`")
    else:
        instead = f"To change that entry instead, type `/audit kb edit {entry.id}`"
    return "question", f"{named}. {instead}; or word the new question differently."


def without_repeat_of(problems: list[Problem], new_id: str, question: str, kb: KnowledgeBase) -> list[Problem]:
    """`problems` without the loader's own report of the repeat `repeat_problem` tells (either entry may be the one
    reported, by the order the folder is read), so it is told once, in those words."""
    others = {entry.id for entry in kb.entries_saying(question)}

    def the_repeat(problem: Problem) -> bool:
        found = _REPEAT.match(problem.message)
        return found is not None and {found["one"], found["other"]} & others != set() \
            and new_id in (found["one"], found["other"])

    return [problem for problem in problems if not the_repeat(problem)]


def told_problems(result: WriteResult, kb: KnowledgeBase, question: str, key: int | None,
                  unhelpful: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """A new entry's problems as (field, message), as `entry_problems` gives them, a question another entry
    already asks told first in `repeat_problem`'s words instead of the loader's."""
    repeat = repeat_problem(kb, question, key, unhelpful)
    if repeat is None:
        return entry_problems(result, "question")
    kept = replace(result, problems=without_repeat_of(result.problems, result.entry_id, question, kb))
    return [repeat, *entry_problems(kept, "question")]
