"""A question corrected straight after its answer: "sorry, meant …", "actually no ignore that, …" (trial 31).

`whats a PEP and how often` then `sorry, meant when is the pep reviewed for a child in care` printed the same entry
twice, and `when do i need to think about PLO` then `actually no ignore that, whats the diff between PLO and pre
proceedings` gave the PLO entry again: the correction's own words ("ignore that") pointed back at the answer it was
correcting. Here the words that say a correction is coming are set aside and only the corrected question is
searched, never read with the one before; when it finds the entry just given, the asker is told so in a line and
offered the next best entries instead of the same answer, and an entry just given is left out of "Did you mean…".
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.asking import offered
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.privacy.screen import without_case_references
from bot.storage import asks as store
from knowledge.entries import Entry
from knowledge.search import SearchResult

# Words before a question that say it replaces the last one: "sorry, meant", "actually no ignore that", "i meant",
# "scratch that", "let me rephrase".
_HESITATION = r"(?:sorry|soz|oops|no|nope|actually|wait|ah|oh|ok|okay|hmm+|um+|my\s+bad|sorry\s+no)\b[\s,.!:;-]*"
_CORRECTING = (r"(?:(?:i\s+)?meant(?:\s+to\s+(?:ask|say))?|i\s+mean(?=\s*[,:;.\u2013\u2014-])|what\s+i\s+meant\s+was|"
               r"(?:ignore|scratch|forget)\s+that(?:\s+(?:one|last\s+one|question))?|not\s+that\s+one|"
               r"wrong\s+question|let\s+me\s+rephrase|to\s+rephrase|rephrasing|i\s+should\s+have\s+(?:asked|said))\b")
_CORRECTION = re.compile(rf"^\s*(?:{_HESITATION})*{_CORRECTING}[\s,.!:;-]*"
                         rf"(?:(?:{_HESITATION})|(?:i\s+meant\b[\s,:-]*))*", re.IGNORECASE)
_WORDISH = re.compile(r"\w")


def corrected_part(text: str) -> str | None:
    """The corrected question, without the words saying it corrects the last one; None when `text` is not a
    correction, or says nothing after them ("sorry i meant" alone)."""
    said = _CORRECTION.match(text)
    if said is None:
        return None
    rest = text[said.end():].strip()
    return rest if _WORDISH.search(rest) else None


def without_entry(result: SearchResult, entry_id: str | None) -> SearchResult:
    """`result` with the entry just given taken out of its suggestions ("Did you mean…" offers the others)."""
    if entry_id is None or result.outcome != "ambiguous":
        return result
    others = tuple(match for match in result.suggestions if match.entry_id != entry_id)
    return replace(result, suggestions=others, outcome="ambiguous" if others else "none")


def finds_again(result: SearchResult, entry_id: str | None) -> bool:
    """Whether a corrected question's answer is the entry just given."""
    return (entry_id is not None and result.outcome == "answer" and result.answer is not None
            and result.answer.entry_id == entry_id)


MOST_OFFERED = 3
MAX_STORED_QUERY = 500  # as bot.asking.feature keeps a question


def same_again(services: Services, turn: Turn, question: str, found: SearchResult, entry: Entry) -> list[Reply]:
    """A corrected question that finds `entry`, the one just given: said in a line, with the next best entries
    offered ("Did you mean…", noted for the QA leads until one is picked) instead of the same answer again; with none,
    on the QA leads' list with *Pass it to the QA leads*."""
    others = [match for match in found.suggestions if match.entry_id != entry.id][:MOST_OFFERED]
    stored = without_case_references(question, services.settings.case_reference_pattern)
    ask_id = store.record_ask(services.storage, turn.now, turn.user_id, stored[:MAX_STORED_QUERY],
                              "ambiguous" if others else "none", None, None, turn.surface)
    said = f"That finds the answer I just gave you (_{entry.question}_), so I won't repeat it."
    if others:
        choices = [Choice(match.question, "kb.show", f"{match.entry_id}:{ask_id}") for match in others]
        choices.append(Choice("None of these: ask the QA leads", "kb.escalate", str(ask_id)))
        reply = Reply(text=f"{said} If it doesn't say what you meant, **did you mean…**", choices=tuple(choices))
    else:
        reply = Reply(text=offered.on_the_list(f"{said} It is all I have on that"),
                      choices=(Choice("Pass it to the QA leads", "kb.escalate", str(ask_id), style="primary"),))
    return [offered.remember(services, turn, ask_id, reply)]
