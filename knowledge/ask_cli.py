"""What `audit-bot ask` and `audit-bot kb check` do, as plain functions the argument parser calls.

They take their streams as arguments so tests (and other tools) can drive them without a terminal.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from knowledge.dates import long_date
from knowledge.due_rules import due_lines
from knowledge.entries import related_shown
from knowledge.loader import KnowledgeBase, default_folder, load_knowledge
from knowledge.problems import KnowledgeBaseError
from knowledge.search import KnowledgeSearch, SearchResult, to_json
from knowledge.term_entries import explained
from knowledge.two_part import OTHER_PART_LEAD, OtherPart, answered_in_parts, other_part

DONT_KNOW = "I don't know that yet."
CANNOT_HELP = "I can't help with that here: "  # as the chat says it (bot.asking.feature.out_of_scope_reply)
OUT_OF_SCOPE_NOTE = "I answer practice and audit questions, and questions about using this bot."


# What people already said about a question in the same words, applied to its result (given by the bot, which this
# package may not import): the result, and a QA lead's answer to those words as text to show, if any.
Settle = Callable[[str, SearchResult], tuple[SearchResult, str | None]]


def _unsettled(_question: str, result: SearchResult) -> tuple[SearchResult, str | None]:
    return result, None


def _as_typed(question: str) -> str:
    return question


def run_ask(load: Callable[[], tuple[KnowledgeBase, KnowledgeSearch]], question: str | None, as_json: bool,
            stdin: TextIO, stdout: TextIO, settle: Settle = _unsettled,
            searched: Callable[[str], str] = _as_typed, today: dt.date | None = None) -> int:
    """Answer one question, or one question per line from stdin (JSON lines) building the index only once.

    `load` gives the knowledge base to answer from with its index: for `audit-bot ask`, the folder as the bot
    serves it, without the entries its identifier screen refuses and with the wordings the chat has learned
    (bot/cli/knowledge.py), which this package may not import. A folder with problems is explained, never a
    traceback. `settle` applies what the chat applies after a search: an answer marked Not helpful for these words
    is only offered, and a QA lead's answer to them is shown, under the entry when it lacks the fact they ask for
    (the JSON keeps its shape: no answer, the suggestions).
    `searched` gives the words searched for a question, as the chat searches them (its case reference left out).
    `today` (the council's date) lets an answer give its due dates from a day in the question, as the chat does;
    the JSON keeps its shape and never has them."""
    try:
        kb, search = load()
    except KnowledgeBaseError as error:
        stdout.write(f"{error}\nRun `audit-bot kb check` after fixing them.\n")
        return 1
    if question is not None:
        asked = _answered(search, searched, question, kb, settle)
        if as_json:
            stdout.write(json.dumps(reply_json(asked.result, kb, asked.other), ensure_ascii=False) + "\n")
        elif asked.result.topic is not None:
            stdout.write(out_of_scope_text(asked.result, kb) + "\n")
        else:
            stdout.write(_text(asked, kb, question, today) + "\n")
        return 0
    for line in stdin:
        text = line.strip()
        if not text:
            continue
        asked = _answered(search, searched, text, kb, settle)
        stdout.write(json.dumps(reply_json(asked.result, kb, asked.other), ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


@dataclass(frozen=True)
class _Asked:
    """What the chat would give a question: the settled result, the glossary meanings said first, a QA lead's answer
    to these words, and the entry for the other part of a two-part question (knowledge.two_part)."""

    result: SearchResult
    said: str | None
    given: str | None
    other: OtherPart | None


def _answered(search: KnowledgeSearch, searched: Callable[[str], str], question: str, kb: KnowledgeBase,
              settle: Settle) -> _Asked:
    """The chat's steps after the search, in its order (bot.asking.feature): the glossary meanings, what people said
    about these words, then a question in two parts answered part by part (trial 60 F24: "what is the PLO and how
    long does pre proceedings last" got "Did you mean…" here where the chat answered both parts)."""
    found, said = _search(search, searched, question, kb)
    result, given = settle(question, found)
    voted_down = found.outcome == "answer" and result.outcome == "ambiguous"
    if given is None and not voted_down and result.topic is None:
        result = answered_in_parts(search, result)
    other = None
    if given is None and result.outcome == "answer" and result.answer is not None:
        other = other_part(search, result.query, result.answer.entry_id,
                           {match.entry_id: match.score for match in result.suggestions})
    return _Asked(result, said, given, other)


def _text(asked: _Asked, kb: KnowledgeBase, question: str, today: dt.date | None) -> str:
    """The terminal reply: the meanings, then a QA lead's answer or the entry (with due dates from a day in the
    question), then the other part's entry, as the chat orders them."""
    result, given = asked.result, asked.given
    meaning = asked.said.replace("**", "") + "\n\n" if asked.said else ""
    if given and result.outcome != "answer":
        return meaning + given_text(given, result)
    body = _dated(result, kb, question, today) + render_text(result, kb, asked.other) + (f"\n\n{given}" if given
                                                                                            else "")
    if asked.other is not None:
        body += f"\n\n{OTHER_PART_LEAD} (“{asked.other[0]}”): {asked.other[2]}"
    return meaning + body


def reply_json(result: SearchResult, kb: KnowledgeBase, other: OtherPart | None = None) -> dict[str, object]:
    """The documented JSON of a result; for a question about IT, HR, pay or leave, as the chat gives it: no answer, the
    nearest related entry as the one suggestion, and `out_of_scope`, the chat's words ("I can't help with that
    here: ..."), so a script checking a wording sees the chat's reply rather than "I don't know" (trial 49). A
    question in two parts adds `other_part` (the part, and the entry the chat names for it), only then, so the
    shape a script reads stays as it was."""
    if result.topic is None:
        shaped = to_json(result)
        if other is not None:
            shaped["other_part"] = {"part": other[0], "id": other[1], "question": other[2]}
        return shaped
    related = _related(result, kb)
    return {**to_json(replace(result, answer=None, suggestions=())),
            "suggestions": [{"id": entry_id, "question": kb.entries[entry_id].question, "score": None}
                            for entry_id in related],
            "out_of_scope": f"{CANNOT_HELP}{result.topic.reply_to(result.query)}"}


def out_of_scope_text(result: SearchResult, kb: KnowledgeBase) -> str:
    """What the chat says to a question about IT, HR, pay or leave (bot.asking.feature.out_of_scope_reply): where
    to go instead, the nearest entry the bot has, and what it does answer."""
    assert result.topic is not None
    lines = [f"{CANNOT_HELP}{result.topic.reply_to(result.query)}"]
    lines += [f"Related: {kb.entries[entry_id].question}" for entry_id in _related(result, kb)]
    return "\n".join([*lines, "", OUT_OF_SCOPE_NOTE])


def _related(result: SearchResult, kb: KnowledgeBase) -> list[str]:
    """The nearest entry the chat offers with an out-of-scope reply (one at most), if the knowledge base has it."""
    assert result.topic is not None
    return [entry_id for entry_id in result.topic.related if entry_id in kb.entries][:1]


def _search(search: KnowledgeSearch, searched: Callable[[str], str], question: str, kb: KnowledgeBase
            ) -> tuple[SearchResult, str | None]:
    """The result for the words searched, echoing the question as typed (the JSON's `query`), and the glossary
    meanings the question asks for, said first. After them, as in the chat, only the entries about the term
    (knowledge.term_entries)."""
    words = searched(question)
    result, said = explained(search, kb, words, search.search(words))
    return replace(result, query=question), said


def _dated(result: SearchResult, kb: KnowledgeBase, question: str, today: dt.date | None) -> str:
    """The due dates worked out from a day in the question, before the answer, as the chat gives them ("" if none)."""
    if today is None or result.outcome != "answer" or result.answer is None:
        return ""
    found = due_lines(kb.entries[result.answer.entry_id].due, question, today)
    if found is None:
        return ""
    started, lines, _ = found
    return "\n".join([f"Due dates from {long_date(started)}:", *(line.replace("**", "") for line in lines)]) + "\n\n"


def render_text(result: SearchResult, kb: KnowledgeBase, other: OtherPart | None = None) -> str:
    """A readable reply for a terminal: the answer with its score, the suggestions, or that we do not know. A
    question asking what a glossary term means gets the meaning first (run_ask), as in the chat. An answer's
    "Related" are the entries its QA lead listed as related, as the chat's buttons offer them (trial 60 F25: the
    search's runners-up put "What is a themed audit?" under county lines), less the other part's entry, named on
    its own line after it."""
    if result.outcome == "answer" and result.answer is not None:
        entry = kb.entries[result.answer.entry_id]
        lines = [f"{entry.question}  (score {result.answer.score:.0f})", "", entry.answer.rstrip()]
        if entry.source:
            lines += ["", f"Source: {entry.source}"]
        related = [kb.entries[entry_id].question for entry_id in related_shown(entry, kb.entries)
                   if other is None or entry_id != other[1]]
        if related:
            lines += ["", "Related: " + "; ".join(related)]
        return "\n".join(lines)
    if result.outcome == "ambiguous":
        # In the order the chat offers them (both rankings fused); each score is the concept scorer's alone, so
        # scores need not fall as the list goes on.
        lines = ["Did you mean one of these? (in the order the bot offers them)"]
        lines += [f"  {number}. {match.question}  (concept score {match.score:.0f})"
                  for number, match in enumerate(result.suggestions, start=1)]
        return "\n".join(lines)
    return f"{DONT_KNOW} Ask your QA lead, and they can add it to the knowledge base."


def given_text(given: str, result: SearchResult) -> str:
    """A QA lead's answer to these words, as the chat gives it, with the entries the search found as further reading."""
    lines = [given]
    if result.suggestions:
        lines += ["", "Related: " + "; ".join(match.question for match in result.suggestions)]
    return "\n".join(lines)


def run_kb_check(kb_dir: Path | None, stdout: TextIO) -> int:
    """Validate the folder before a reload: every problem (exit 1) or a one-line summary (exit 0)."""
    folder = Path(kb_dir) if kb_dir is not None else default_folder()
    try:
        kb = load_knowledge(folder)
    except KnowledgeBaseError as error:
        stdout.write(str(error) + "\n")
        return 1
    stdout.write(f"OK: {len(kb.entries)} entries, {len(kb.glossary)} glossary terms, "
                 f"{len(kb.concepts)} concepts, {len(kb.vocabulary)} vocabulary groups, "
                 f"{len(kb.checklists)} checklists in {folder}\n")
    return 0
