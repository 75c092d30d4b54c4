"""A text that someone else reads and acts on must say something: a sentence, not `ok`.

A moderation's reason, an evidence note, a reason for a grade and a QA lead's answer sent to the people who asked are
read by others, and some can't be taken back once stored or sent (a trial found `kb answer 34 ok` sent "ok" to a
practitioner as the answer to their question, and closed it for good). One rule and one wording for all of them, so
a QA lead is refused in the words a moderator is.

And when such a text is shown with what the bot adds after it (a moderator's reason, then the action set with the
decision), each is ended as a sentence and they are joined as sentences (`as_sentences`), never by punctuation glued
on: a trial read "the plan is not linked to the EHCP.; action set at moderation: …", and "…reviewed monthly..".
"""

from __future__ import annotations

MIN_SENTENCE_CHARS = 10  # "ok", "yes", "see above" are not a sentence; "Visits lapsed." is


def says_something(text: str) -> bool:
    """Whether `text` is long enough to be a sentence someone else can act on."""
    return len((text or "").strip()) >= MIN_SENTENCE_CHARS


def in_a_sentence(asked: str) -> str:
    """What someone is told when their text says nothing: "Please say in a sentence <asked> (at least a few words)."."""
    return f"Please say in a sentence {asked} (at least a few words)."


SENTENCE_ENDS = (".", "!", "?", "…")


def as_sentence(text: str) -> str:
    """`text` ended as a sentence: a full stop added unless it already ends with one, `!`, `?` or an ellipsis (or
    any of them before a closing quote or bracket), so what a person typed is never given a second stop."""
    stripped = (text or "").strip()
    if not stripped or stripped.rstrip("\"')”’»*_").endswith(SENTENCE_ENDS):
        return stripped
    return stripped + "."


def as_sentences(*parts: str) -> str:
    """The non-empty parts as sentences, one after another: each ended (`as_sentence`), each after the first begun
    with a capital, joined by a space ("Reason: visits lapsed. Action set at moderation: …")."""
    done = [as_sentence(part) for part in parts if part and part.strip()]
    return " ".join([*done[:1], *(part[:1].upper() + part[1:] for part in done[1:])])
