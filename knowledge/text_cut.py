"""A text cut short to fit a button or a one-line preview, and how to find such a cut again (fix70c, finding A).

Every preview the bot writes is cut here (fix74c C1: a dozen helpers had each cut their own way), in one of three
shapes, so that `redact` (bot.audits.held_redaction), which replaces a removed text in DMs held and not yet sent,
finds every quote of it, whole or cut. Plain text code, in the knowledge layer so that knowledge.dates may cut with
it too (the knowledge base may not import the bot); the bot imports it as bot.core.cut_short:

- `clip`: the text whole when it fits, else cut part-way through a word at the limit less one, the spaces at the
  cut dropped, then ELLIPSIS. Slack's button and option text (75 characters), header (150) and section (3,000) in
  handlers.blocks; with `one_line`, the spacing made single first: the reminders', digest's and Home's previews (60
  to 150: bot.reminders.rules, bot.digests.render, bot.digests.dashboard, bot.asking.admin), a note said back
  (bot.audits.questions.shortened, bot.audits.pasted_note, bot.audits.notes_fit: 80 to 120), a typed answer in a
  comparison (bot.audits.comparison: 80);
- `clip_at_word`, where a cut between words is wanted: cut at the last space before the limit, the `,;:.` and
  spaces it then ends on dropped, then ELLIPSIS (or another mark: bot.engine.near_miss.suggestion's " …" stands
  for the command's further words). Knowledge-base previews (bot.asking.unanswered.shortened), done notes in the
  digest (bot.digests.done_actions), a question or note named in a list of changes (bot.audits.what_changed), a
  question an action is tied to (bot.audits.numbering), an action's words said back (bot.audits.actions), a
  question's guidance (bot.audits.checklist_preview) and a checklist's line (bot.audits.checklist_lines).

- `first_words`, where a number of words is wanted: a reflection's opening (bot.audits.reflection_withdraw.opening)
  is its first six words, single spaced, then ELLIPSIS when it has more.

A date typed and quoted back (knowledge.dates) is cut by `clip` with `trim=False`: it has always kept a space at
the cut before the ELLIPSIS, and a reply does not change its wording for a clean-up.

So a cut quote is the text's first characters, in any spacing and case, perhaps ending part-way through a word, with
the spaces or punctuation at its end perhaps dropped, followed by "…" (perhaps after a space): `cut_quotes` finds
that shape whatever the length it was cut at. A new preview should cut with `clip` or `clip_at_word`, so redaction
keeps finding it.
"""

from __future__ import annotations

ELLIPSIS = "…"


def clip(text: str, limit: int, *, one_line: bool = False, trim: bool = True) -> str:
    """`text` as it fits in `limit` characters: whole, or its first `limit - 1` with the spaces at the cut dropped
    (kept when not `trim`), and ELLIPSIS. `one_line` makes its spacing single first (a preview on one line of a
    list)."""
    text = " ".join(text.split()) if one_line else text
    if len(text) <= limit:
        return text
    kept = text[: limit - 1]
    return (kept.rstrip() if trim else kept) + ELLIPSIS


def clip_at_word(text: str, limit: int, *, one_line: bool = False, mark: str = ELLIPSIS) -> str:
    """`text` as it fits in `limit` characters cut between words: whole, or up to the last space in its first
    `limit`, the `,;:.` and spaces it ends on dropped, and `mark`. `one_line` makes its spacing single first."""
    text = " ".join(text.split()) if one_line else text
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.") + mark


def first_words(text: str, count: int) -> tuple[str, str]:
    """`text`'s first `count` words, single spaced, and the mark to end them with: ELLIPSIS when words were left
    off, else "". Apart, so that a caller may change the words kept (mask an identifier) before adding the mark."""
    words = text.split()
    return " ".join(words[:count]), ELLIPSIS if len(words) > count else ""


def cut_quotes(value: str, text: str, replacement: str, least: int) -> str:
    """`value` with every cut-short quote of `text` (its first `least` characters or more, or all of it when
    shorter, then ELLIPSIS: the shapes above) made `replacement`, the ELLIPSIS with it. A quote starts where a word
    may (never inside one), so "Jo" is not found in "Joanne…"'s middle; the whole text before an ELLIPSIS counts."""
    wanted = _folded(text)
    if not wanted or ELLIPSIS not in value:
        return value
    least = max(1, min(least, len(wanted)))
    kept, start = [], 0
    for end in (index for index, char in enumerate(value) if char == ELLIPSIS):
        if end < start:
            continue
        begins = _quote_start(value, start, end, wanted, least)
        if begins is not None:
            kept += [value[start:begins], replacement]
            start = end + 1
    return "".join(kept) + value[start:]


def _quote_start(value: str, start: int, end: int, wanted: str, least: int) -> int | None:
    """Where, in `value[start:end]`, a cut-short start of `wanted` (folded) ends the span, as long as it can be; None
    when the span does not end with one of at least `least` characters."""
    chars, places = _folded_with_places(value[start:end].rstrip())
    folded = "".join(chars)
    for length in range(min(len(folded), len(wanted)), least - 1, -1):
        if folded.endswith(wanted[:length]):
            begins = start + places[len(folded) - length]
            if begins == 0 or not _wordy(value[begins - 1]) or not _wordy(value[begins]):
                return begins
    return None


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"


def _folded(text: str) -> str:
    return "".join(_folded_with_places(text.strip())[0])


def _folded_with_places(text: str) -> tuple[list[str], list[int]]:
    """`text` with its spacing made single spaces and its case folded, a character at a time, and where in `text`
    each came from."""
    chars: list[str] = []
    places: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                places.append(index)
            continue
        for folded in char.casefold():
            chars.append(folded)
            places.append(index)
    return chars, places
