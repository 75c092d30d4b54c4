"""A text that someone else reads and acts on must say something: a sentence, not `ok`.

A moderation's reason, an evidence note, a reason for a grade and a QA lead's answer sent to the people who asked are
read by others, and some can't be taken back once stored or sent (a trial found `kb answer 34 ok` sent "ok" to a
practitioner as the answer to their question, and closed it for good). One rule and one wording for all of them, so
a QA lead is refused in the words a moderator is.
"""

from __future__ import annotations

MIN_SENTENCE_CHARS = 10  # "ok", "yes", "see above" are not a sentence; "Visits lapsed." is


def says_something(text: str) -> bool:
    """Whether `text` is long enough to be a sentence someone else can act on."""
    return len((text or "").strip()) >= MIN_SENTENCE_CHARS


def in_a_sentence(asked: str) -> str:
    """What someone is told when their text says nothing: "Please say in a sentence <asked> (at least a few words)."."""
    return f"Please say in a sentence {asked} (at least a few words)."
