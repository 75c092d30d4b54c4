"""A label typed before a note that only repeats the name of the step asking for it.

A user trial typed `strengths: the child is seen regularly` at "Strengths: what is working well…", and the review, the
submitted audit and the worker's DM read "Strengths: strengths: the child is seen regularly". The summaries head each
note with its own name (Strengths, Areas for development, Actions, Evidence), so that name typed first is dropped, in
any case, after a colon or a dash (`Strengths - …`, `Evidence: …`) or before a new phrase (`strengths the child is seen
regularly`); the rest is kept exactly as typed. A label that is part of the sentence stays: `Strengths include regular
visits`, `Evidence of visits is on file`, `Strengths-based work`, `Action plan to be shared`. The other heading's label,
`strengths: …` at the areas for development, names where the note belongs (`other_heading`, bot.audits.other_heading).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

# What each note is called where it is shown, by the step that asks for it.
_NAMES: Mapping[str, str] = MappingProxyType({
    "strengths": r"strengths?",
    "development": r"(?:areas?\s+(?:for|of)\s+dev(?:elopment|\.)?|dev(?:elopment|\.)?(?:\s+areas?)?|afd)",
    "actions": r"actions?",
    "evidence": r"evidence(?:\s+note)?",
})
# After the name: a colon, a dash with a space before it (never the hyphen of "strengths-based"), or an en or em dash.
_SEPARATOR = r"(?:\s*:|\s+-+|\s*[–—]+)\s*"
# Without one, the name is a label only when a new phrase starts after it ("strengths the child is seen regularly").
_NEW_PHRASE = r"\s+(?=(?:the|a|an|this|these|there)\s)"
_LABELLED: Mapping[str, re.Pattern[str]] = MappingProxyType({
    step: re.compile(rf"^\s*{name}(?:{_SEPARATOR}|{_NEW_PHRASE})", re.IGNORECASE) for step, name in _NAMES.items()
})


def without_label(text: str, step: str) -> str:
    """`text` without a leading label repeating the name of `step` (strengths, development, actions, evidence), so
    the note is not shown as "Strengths: strengths: …"; text with no such label is returned as it is. What is left
    may be empty ("Strengths:" alone), and the step refuses an empty note as it would any other."""
    labelled = _LABELLED.get(step)
    found = labelled.match(text) if labelled is not None else None
    return text[found.end():] if found else text


# The two notes that end an audit, each the other's neighbour: a label naming one typed at the other.
_NEIGHBOURS: Mapping[str, str] = MappingProxyType({"strengths": "development", "development": "strengths"})


def other_heading(text: str, step: str) -> tuple[str, str] | None:
    """The heading `text` is labelled with when `step` is the strengths or the areas for development and the label
    names the other one (`strengths: use age appropriate tools` at the areas for development), and the note without
    it; None for text without that label, which is the step's own note."""
    other = _NEIGHBOURS.get(step)
    if other is None:
        return None
    rest = without_label(text, other)
    return (other, rest) if rest != text else None
