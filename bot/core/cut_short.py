"""A text cut short to fit a button or a one-line preview, and how to find such a cut again (fix70c, finding A).

`redact` replaces a removed text in DMs held and not yet sent (bot.audits.held_redaction). A held DM may quote the
text whole, or only its start: every preview the bot writes is cut the same way, the text's opening and then
ELLIPSIS. The cuts, as written today:

- Slack's button and option text (75 characters), header (150) and section (3,000): `clip` (handlers.blocks), cut
  part-way through a word at the limit less one, then "…";
- the reminders', digest's and Home's previews (60 to 150 characters: bot.reminders.rules, bot.digests.render,
  bot.digests.dashboard, bot.asking.admin): the spacing made single first, then the same cut;
- a note said back (bot.audits.questions.shortened, bot.audits.pasted_note: 120): one line, cut part-way through a
  word, spaces before the "…" dropped;
- knowledge-base and done-note previews (bot.asking.unanswered.shortened, bot.digests.done_actions): cut at the last
  space before the limit, a trailing `,;:.` dropped;
- a reflection's opening (bot.audits.reflection_withdraw.opening): its first six words;
- a command's long tail (bot.engine.near_miss.suggestion): cut at the last space, then " …".

So a cut quote is the text's first characters, in any spacing and case, perhaps ending part-way through a word, with
the spaces or punctuation at its end perhaps dropped, followed by "…" (perhaps after a space): `cut_quotes` finds
that shape whatever the length it was cut at. A new preview should cut with `clip` (or in one of these shapes), so
redaction keeps finding it.
"""

from __future__ import annotations

ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """`text` as it fits in `limit` characters: whole, or its first `limit - 1` and ELLIPSIS."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


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
