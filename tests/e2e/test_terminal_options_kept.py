""""Did you mean…" options offered in the terminal chat are kept, as Slack keeps its buttons (trial 26): `2` typed first
in a new session on the same database, or an option's words, picks it there (said back; the options are not printed
again as it opens: trial 37); after a day they lapse, and `2` is told so, not "no options to pick from"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import asks as ask_store
from tests.e2e.test_terminal_chat import drive

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)
ASKER = "U0PRAN001"


def _offer(engine: Engine) -> str:
    """Ask a question the knowledge base offers a choice for, in one session; the second option's words."""
    _, out = drive(engine, ["visits"], user=ASKER)
    assert "Did you mean…" in out
    return re.search(r"^  2\) (.+)$", out, re.MULTILINE).group(1)


def _picked(services: Services) -> str | None:
    """The entry stored as picked for the question asked (the first)."""
    ask = ask_store.get_ask(services.storage, 1)
    assert ask is not None and ask.query == "visits"
    return ask.entry_id


def test_two_typed_in_the_next_session_picks_the_option_offered_in_the_last(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        second = _offer(engine)
    with time_machine.travel(MONDAY + timedelta(hours=20), tick=False):  # the next morning
        _, out = drive(engine, ["2"], user=ASKER)
        _, after = drive(engine, ["quit"], user=ASKER)
    assert "still open" not in out  # not printed again as the session opens (trial 37)
    said = " ".join(out.split())  # the terminal wraps long lines
    assert f"→ You picked 2: {second} (offered on Monday 30 Nov at 10:00)." in said and f"== {second} ==" in out
    assert "no options to pick from" not in out
    assert _picked(services) is not None
    assert "still open" not in after  # picked: settled, as a pressed button is


def test_an_options_words_typed_in_the_next_session_pick_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        second = _offer(engine)
        _, out = drive(engine, [second.lower().rstrip("?")], user=ASKER)
    assert f"== {second} ==" in out
    assert _picked(services) is not None  # picked for the question asked, not searched as a new one
    assert len([a for a in ask_store.unanswered_since(services.storage, MONDAY - timedelta(days=1))
                if a.query == "visits"]) == 0


def test_after_a_day_the_options_have_lapsed_and_two_is_told_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _offer(engine)
    with time_machine.travel(MONDAY + timedelta(days=1, minutes=1), tick=False):
        _, out = drive(engine, ["2"], user=ASKER)
    assert "still open" not in out
    assert ("! The options I offered you on Monday 30 Nov at 10:00 are no longer open (they stay open for a day), "
            "so “2” picks nothing. Ask your question again to see them afresh.") in " ".join(out.split())
    assert _picked(services) is None


def test_in_the_new_session_anything_else_first_leaves_them_behind(engine: Engine, services: Services) -> None:
    """Not on screen, they are picked by number only first thing: after another line, `2` picks nothing."""
    with time_machine.travel(MONDAY, tick=False):
        _offer(engine)
        _, out = drive(engine, ["hello", "2"], user=ASKER)
    assert "are still open" not in out and "You picked" not in out
    assert _picked(services) is None
