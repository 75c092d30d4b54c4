"""The digest and Home read in the terminal chat show words, never Slack's markup: the digest's notes came out as
"_Agreement: moderated audits …_", underscores and all, where bold lost its asterisks. Demo data on a pinned clock
fills every section (a question's *What good looks like*, the notes under the figures, an action list)."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.markup import bold, code, italic, to_plain
from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
# Slack's markup left in: an underscore opening or closing emphasis (not one inside a word, `demo_data`), an
# asterisk, a tilde, a link in angle brackets or an emoji code.
RAW_MARKUP = re.compile(r"(?<![\w/])_(?=\S)|(?<=\S)_(?!\w)|\*|~|<[^<>\s|]+\|[^<>]+>|:[a-z_]+:")


def raw_markup(out: str) -> list[str]:
    return [line for line in out.splitlines() if RAW_MARKUP.search(line)]


@pytest.mark.parametrize(("user", "lines"), [
    ("U0ADMIN01", ["/audit digest", "home"]),  # the service digest and its notes
    ("U0MGRN001", ["/audit digest north-assessment", "home"]),  # a team's, with What good looks like
    ("U0MGRN001", ["/audit actions", "/audit reaudits"]),
])
def test_the_digest_and_home_in_the_terminal_show_no_slack_markup(engine: Engine, services: Services, user: str,
                                                                  lines: list[str]) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        generate(services)
        _, out = drive(engine, lines, user=user)
    assert raw_markup(out) == []
    if lines[0] == "/audit digest":
        assert "\nModeration agreement, whole service: " in out
    if lines[0] == "/audit digest north-assessment":
        assert " What good looks like: " in out


def test_italic_reads_as_its_words_and_an_underscore_inside_a_word_stays() -> None:
    assert to_plain(f"{italic('Agreement: of audits submitted')} · {bold('Good')}") == \
        "Agreement: of audits submitted · Good"
    assert to_plain(f"{italic('use form_b today')}, then {code('case_reference_pattern')}") == \
        "use form_b today, then case_reference_pattern"


@given(st.text(alphabet=st.characters(whitelist_categories=("L", "N", "Zs"), whitelist_characters=".,:;()'!?-"),
               min_size=1, max_size=60))
def test_any_words_in_italics_read_in_the_terminal_as_the_words(words: str) -> None:
    assert to_plain(f"Note: {italic(words)}. Next") == to_plain(f"Note: {words}. Next")
