"""A "Did you mean…" option picked in the terminal chat teaches the search only what the person typed in the same
conversation: an option's title typed in a new session (fix41a: it learned the whole sentence asked the session
before), or its number there, gives the entry and learns nothing; picked in the session it was asked in, the
question they typed is learned, never the entry's own question."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.asking.learning import learn_wording
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import asks as ask_store
from bot.storage import learned as learned_store
from tests.e2e.test_terminal_chat import drive

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)
ASKER = "U0PRAN001"
ASKED = "how often should i be doing visits"


def _offered(out: str) -> str:
    assert "Did you mean…" in out
    return re.search(r"^  2\) (.+)$", out, re.MULTILINE).group(1)


def _learned(services: Services) -> list[tuple[str, str]]:
    return [(item.entry_id, item.wording) for item in learned_store.active(services.storage)]


def _picked(services: Services) -> str | None:
    ask = ask_store.get_ask(services.storage, 1)
    assert ask is not None and ask.query == ASKED
    return ask.entry_id


def test_an_options_title_typed_in_a_new_session_picks_it_and_learns_nothing(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [ASKED], user=ASKER)
        second = _offered(out)
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        _, out = drive(engine, [second], user=ASKER)

    assert f"== {second} ==" in out
    assert _picked(services) is not None
    assert _learned(services) == []


def test_a_number_typed_in_a_new_session_picks_it_and_learns_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [ASKED], user=ASKER)
        second = _offered(out)
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        _, out = drive(engine, ["2"], user=ASKER)

    assert f"→ You picked 2: {second}" in out and f"== {second} ==" in out
    assert _learned(services) == []


def test_an_options_title_typed_in_the_same_session_learns_the_question_typed(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, first = drive(engine, [ASKED], user=ASKER)
        second = _offered(first)
    with time_machine.travel(MONDAY + timedelta(hours=2), tick=False):  # the next session's own question
        _, out = drive(engine, [ASKED, second], user=ASKER)

    assert f"== {second} ==" in out
    entry = _picked_latest(services)
    assert _learned(services) == [(entry, ASKED)]  # the words typed, not the title picked


def _picked_latest(services: Services) -> str:
    ask = ask_store.get_ask(services.storage, 2)
    assert ask is not None and ask.query == ASKED and ask.entry_id is not None
    return ask.entry_id


def test_an_entrys_own_question_is_never_learned_for_it(services: Services) -> None:
    entry = services.live_knowledge().current.kb.entries["icpc-timescale"]

    learning = learn_wording(services, entry.id, entry.question.lower().rstrip("?"), ASKER, "picked")

    assert learning.learned is None and "the entry's own question" in learning.why
    assert _learned(services) == []
