"""Typos and command lines for the tests of commands typed nearly right (bot/engine/near_miss.py)."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from bot.engine.near_miss import NEVER_NEAR, SYNONYMS

NAMES = ("actions", "areas", "ask", "auditors", "away", "campaign", "cancel", "chase", "checklist", "compare", "digest",
         "edit", "export", "extend", "hand", "help", "home", "kb", "list", "messages", "moderate", "reaudits", "redact",
         "reflect", "reminders", "respond", "restore", "resume", "show", "start", "themes", "worker")
# Commands of two words (`/audit change moderation 9`, trial 62 F1): their first word alone is no command.
TWO_WORD_NAMES = ("change moderation", "moderate sample")
# Something each typed command takes, as a person would type it after the command's word.
ARGS = {"show": "136", "resume": "#12", "restore": "12", "edit": "12 grade good", "compare": "12 with 9",
        "reflect": "12 I agree with the actions", "respond": "12 accept", "moderate": "12", "list": "team north",
        "reaudits": "mine page 2", "digest": "north", "actions": "team north", "campaign": "mine 3",
        "away": "until Friday", "auditors": "last month north", "areas": "last quarter north", "checklist": "cp plan",
        "redact": "12 r3", "chase": "action 9", "extend": "110 to 14/12", "export": "since 1/9/2026",
        "kb": "answer 4 The ICPC is within 15 working days.", "worker": "social worker s1",
        "themes": "last month north", "cancel": "12", "hand": "over C1's actions to N1"}
LETTERS = string.ascii_lowercase


def single_edits(word: str) -> st.SearchStrategy[str]:
    """Every kind of one-edit typo of `word`: a letter dropped, added, mistyped, or two swapped."""
    positions = st.integers(min_value=0, max_value=len(word) - 1)
    letters = st.sampled_from(LETTERS)
    dropped = positions.map(lambda i: word[:i] + word[i + 1:])
    added = st.tuples(st.integers(min_value=0, max_value=len(word)), letters).map(
        lambda p: word[:p[0]] + p[1] + word[p[0]:])
    mistyped = st.tuples(positions, letters).map(lambda p: word[:p[0]] + p[1] + word[p[0] + 1:])
    swapped = st.integers(min_value=0, max_value=max(len(word) - 2, 0)).map(
        lambda i: word[:i] + word[i + 1:i + 2] + word[i] + word[i + 2:])
    return st.one_of(dropped, added, mistyped, swapped).filter(lambda typo: typo and typo != word)


def typo_of(names: tuple[str, ...]) -> st.SearchStrategy[tuple[str, str]]:
    """(command, a one-edit typo of it) that is not itself a command's word or a word for one."""
    return st.sampled_from(names).flatmap(lambda name: st.tuples(st.just(name), single_edits(name))).filter(
        lambda pair: pair[1] not in NAMES and pair[1] not in SYNONYMS and pair[1] not in NEVER_NEAR)
