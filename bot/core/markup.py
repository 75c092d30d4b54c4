"""Neutral markup for what the bot says, so domain replies do not speak Slack.

Domain code writes emphasis, mentions, emoji and links with the functions below; each transport
turns that into its own form (`to_slack` for Slack's mrkdwn, `to_plain` for the terminal chat).
The neutral form is deliberately readable as it is, so a reply read in a test or a log makes sense:

    **bold**      _italic_      `code`      @{U0123ABCD}      :warning:      [words](https://…)

Emoji are named for what they mean (`warning`, `flag`, `alarm`, `question`, `done`), not by a
platform's code; `EMOJI` lists the names and what each transport shows for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Neutral name -> (Slack emoji code, terminal mark).
EMOJI: dict[str, tuple[str, str]] = {
    "warning": (":warning:", "(!)"),
    "flag": (":triangular_flag_on_post:", "[flag]"),
    "alarm": (":rotating_light:", "(!!)"),
    "question": (":grey_question:", "[missing]"),  # a required answer not given: "(?)" read as "unsure" in a trial
    "done": (":white_check_mark:", "[done]"),
    "pencil": (":pencil2:", ">"),
}

PERSON_ID = r"[UW][A-Z0-9]{2,20}"
MENTION = re.compile(r"@\{(" + PERSON_ID + r")\}")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
EMOJI_NAME = re.compile(r":(" + "|".join(re.escape(name) for name in EMOJI) + r"):")
SLACK_LINK = re.compile(r"<([^|>]+)\|([^>]+)>")  # older replies and Slack's own text
# `_words_` (`italic`) on one line: the underscores stand alone, so `case_reference_pattern` or a link's path is no
# emphasis; what is inside may hold one (`_use form_b_`).
ITALIC = re.compile(r"(?<![\w/])_([^\n]+?)_(?!\w)")


def bold(text: str) -> str:
    """Emphasis a reader should not miss (a grade, a title, a due date)."""
    return f"**{text}**"


def italic(text: str) -> str:
    """A quieter aside, such as a question's hint."""
    return f"_{text}_"


def code(text: str) -> str:
    """Something to type exactly as shown, such as a command."""
    return f"`{text}`"


def audit_and_case(audit_id: int, case_ref: str) -> str:
    """How a list of actions names where each came from: the audit for `/audit show`, and the case reference, so a
    worker can tell which child's case the action is for without opening the audit."""
    return f"audit #{audit_id}, {case_ref}" if case_ref else f"audit #{audit_id}"


def mention(person_id: str) -> str:
    """A person, by their id; Slack shows their name and notifies them, the terminal shows the id."""
    if not re.fullmatch(PERSON_ID, person_id):
        return person_id
    return f"@{{{person_id}}}"


def emoji(name: str) -> str:
    """An emoji by meaning; an unknown name is a programming error, caught by the tests."""
    if name not in EMOJI:
        raise KeyError(f"unknown emoji name {name!r}; known: {', '.join(EMOJI)}")
    return f":{name}:"


def link(words: str, url: str) -> str:
    """Words that open a page."""
    return f"[{words}]({url})"


def _escape_for_slack(text: str) -> str:
    """Escape what Slack reads as control characters, so typed text cannot ping a channel.

    `>` at the start of a line stays: it is a quote, and Slack reads it as one only unescaped.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"(?<!^)(?<!\n)>", "&gt;", text)


def to_slack(text: str) -> str:
    """Neutral markup as Slack mrkdwn."""
    pieces = []
    # Links are cut out first: their URLs must not be escaped or re-read as emphasis.
    last = 0
    for found in LINK.finditer(text):
        pieces.append(_slack_inline(text[last : found.start()]))
        pieces.append(f"<{found.group(2)}|{_escape_for_slack(found.group(1))}>")
        last = found.end()
    pieces.append(_slack_inline(text[last:]))
    return "".join(pieces)


def _slack_inline(text: str) -> str:
    text = _escape_for_slack(text)
    text = BOLD.sub(r"*\1*", text)
    text = MENTION.sub(r"<@\1>", text)
    return EMOJI_NAME.sub(lambda found: EMOJI[found.group(1)][0], text)


def to_plain(text: str, names: Callable[[str], str] | None = None) -> str:
    """Neutral markup as plain words for a terminal: marks instead of emoji, no emphasis signs (bold's asterisks and
    italic's underscores: the digest's notes read "_Agreement: …_" in a trial's terminal). With `names` (the
    directory's label), a mention reads "@Sam North" as Slack would show it; without, the member ID."""
    text = LINK.sub(r"\1 (\2)", text)
    text = SLACK_LINK.sub(r"\2 (\1)", text)
    text = MENTION.sub((lambda found: f"@{names(found.group(1))}") if names else r"@\1", text)
    text = EMOJI_NAME.sub(lambda found: EMOJI[found.group(1)][1], text)
    for _name, (slack_code, mark) in EMOJI.items():
        text = text.replace(slack_code, mark)
    return ITALIC.sub(r"\1", text).replace("*", "").replace("`", "")


def from_slack(text: str) -> str:
    """Typed Slack text as the person wrote it: Slack escapes `&`, `<` and `>` in what it sends.

    Mentions (`<@U123|name>`) are kept as Slack sent them; the parsers that expect a person read them.
    """
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
