"""The fixed numbers an audit gives its questions ("4", "2a"), worked out from the checklist alone: shared by the
audit screens (bot.audits.numbering, which explains the scheme) and the export, which tags an action "(Q4)" the way
the review does (fix63c).
"""

from __future__ import annotations

import string

from knowledge.checklist_schema import Checklist


def _letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: a follow-up's letter after its question's number."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_lowercase[remainder] + letters
    return letters


def numbering(checklist: Checklist) -> tuple[dict[str, str], dict[str, str]]:
    """(label of every question, label of the unconditional question each follow-up hangs from). Worked out
    on each call (the export too, so it says "(Q4)" as the review does): a checklist has a few dozen questions."""
    labels: dict[str, str] = {}
    roots: dict[str, str] = {}  # question id -> id of the unconditional question it belongs to
    follow_ups: dict[str, int] = {}
    number = 0
    for question in checklist.questions():
        root = roots.get(question.show_if.question) if question.show_if is not None else None
        if root is None:  # unconditional (or, in a malformed checklist, hanging from nothing known): numbered
            number += 1
            labels[question.id] = str(number)
            roots[question.id] = question.id
            continue
        roots[question.id] = root
        labels[question.id] = labels[root] + _letters(follow_ups.get(root, 0))
        follow_ups[root] = follow_ups.get(root, 0) + 1
    return labels, {qid: labels[root] for qid, root in roots.items() if root != qid}


def tied_tag(checklist: Checklist, question_id: str | None) -> str:
    """" (Q8)" after an action typed `Q8: …`, so the review and the worker's summary show which question the case's
    next audit checks it against (trial 55, 13); "" for an action tied to none, or to a question gone from the
    checklist."""
    label = numbering(checklist)[0].get(question_id or "")
    return f" (Q{label})" if label else ""
