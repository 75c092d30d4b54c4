"""One short line per checklist where an audit starts (trial 34: `start audit` printed all 18 descriptions, some 4
lines long, too long to read on a phone). The line is the description's opening clause, without the words every
description opens with ("A themed audit of …"), cut at a comma or a word so the title and the line fit one line
of a narrow screen; `checklist NAME` still shows the whole checklist."""

from __future__ import annotations

import re

from bot.core.cut_short import clip_at_word
from knowledge.checklist_schema import Checklist

LINE_WIDTH = 90  # the title and its line together, in characters
_OPENING = re.compile(r"^An?\s+(?:themed\s+|short\s+|whole-case\s+)?(?:audit|dip\s+sample|spot\s+check)"
                      r"(?:\s+(?:of|for|covering))?\s+", re.IGNORECASE)


def short_line(checklist: Checklist) -> str:
    """What the checklist covers in a few words ("a child where neglect is the main concern"); "" without a
    description."""
    said = " ".join(checklist.description.split()) if checklist.description else ""
    clause = _OPENING.sub("", re.split(r"[:;.]\s", said)[0]).rstrip(".")
    room = max(30, LINE_WIDTH - len(checklist.title))
    if len(clause) <= room:
        return clause
    cut = clause[:room]
    if ", " in cut:
        return cut.rsplit(", ", 1)[0]
    return clip_at_word(clause, room)


def picker_line(checklist: Checklist) -> str:
    """`• **Neglect** — a child where neglect is the main concern`, as the checklists are listed to start an audit."""
    line = short_line(checklist)
    return f"• **{checklist.title}**" + (f" — {line}" if line else "")
