"""A yes/no question answered in softer words: `not really, outcomes vague`, `not due yet`, `partly`.

Trial 27 typed `not really, outcomes vague` at a yes/no question and was told "Please answer yes or no", and `not due
yet` at one that allows not applicable was refused where `na not due yet` was taken. Such words are read only where
the question's own answers leave one meaning:

- "not really", "not at all" (and "no, not really", "definitely not"): No;
- "not due yet", "not yet due", "not due": Not applicable, where the question allows it (a review not yet due is the
  checklists' own example of not applicable); at a question without it, nothing is read;
- "partly", "partially", "not fully", "to some extent" and the like are not read here: a yes/no question has no
  "partly" answer, so bot.audits.hedged_answer asks which answer it is and keeps the note typed for it.

The words are kept as the note when more follows them (`not really, outcomes vague` is No with the note "not really,
outcomes vague"), so what was said is on file as it was said; alone, "not really" is No, and "not due yet" is Not
applicable with those words as its note. Choice questions read their own options (bot.audits.option_words): one with a
"Partly" option takes it there.

Pure: bot.audits.flow reads an answer alone with it, bot.audits.questions an answer with its note.
"""

from __future__ import annotations

import re

from knowledge.checklist_schema import Question

MIN_NOTE_WORDS = 3  # the fewest words an answer's note may have to be evidence (bot.audits.questions)
_REST = r"(?:[\s,.;:!\u2013\u2014-]+(?P<rest>\S.*?))?[\s.!]*$"
_NO = re.compile(r"^\s*(?:no[\s,.;:-]+not\s+really|not\s+really[\s,]+no|not\s+really|not\s+at\s+all|definitely\s+not|"
                 r"certainly\s+not|absolutely\s+not|not\s+in\s+the\s+slightest)\b"
                 r"(?![\s,]+(?:sure|certain|know|i\s+know|able|possible|clear\s+(?:if|whether))\b)"  # unsure: not a no
                 + _REST, re.IGNORECASE | re.DOTALL)
_NOT_DUE = re.compile(r"^\s*(?:not\s+(?:yet\s+)?due(?:\s+yet)?|not\s+due\s+for\s+(?:it|one)\s+yet)\b" + _REST,
                      re.IGNORECASE | re.DOTALL)


def hedged(question: Question, text: str) -> tuple[str, str | None] | None:
    """("no" or "na", the note) for a yes/no answer in softer words; the note is the words as typed when more follows
    them (or, for "not due yet", always), None for "not really" alone or words too few to be a note ("not due"). None
    when the words are not one of these, or the question does not have the answer they mean."""
    if question.type != "yes_no":
        return None
    said = " ".join((text or "").split()).rstrip(" .!")
    if (found := _NO.match(said)) is not None:
        meant = "no"
    elif question.allow_na and (found := _NOT_DUE.match(said)) is not None:
        meant = "na"
    else:
        return None
    kept = meant == "na" or found.group("rest")
    return meant, (said if kept and len(said.split()) >= MIN_NOTE_WORDS else None)

