"""Trial 51 (F3, F4, F5): a head of service's figure asks in plain words. `themes across teams` got the themed audits'
entry and `/audit themes this month` "I don't know /audit themes"; each now gives the themes (the questions most
often answered badly). Pinned to a working day (Tuesday 8 December 2026, 11:00 in London) with the demo data, so
these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.digests.months_compared import asked as months_asked
from bot.digests.themes import asks_themes
from bot.engine.routing import Engine
from tests.support.text import flat
from tests.support.trial_day import LONDON, nothing_unanswered

HEAD, MANAGER = "U0ADMIN01", "U0MGRN001"
TUESDAY = datetime(2026, 12, 8, 11, 0, tzinfo=LONDON)


@pytest.fixture
def demo(services: Services) -> Services:
    with time_machine.travel(TUESDAY, tick=False):
        generate(services)
    return services


def said(engine: Engine, user: str, text: str) -> str:
    """The bot's reply in the terminal chat on the working day, on one line, without bold marks."""
    with time_machine.travel(TUESDAY, tick=False):
        replies = (engine.command(user, text.split(maxsplit=1)[1], surface="terminal") if text.startswith("/")
                   else engine.message(user, text, surface="terminal"))
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies)).replace("**", "")


@pytest.mark.parametrize(("typed", "expected"), [
    ("themes across teams", "Questions most often answered badly across teams (audits submitted 9 Nov to 6 Dec"),
    ("what are the themes", "Questions most often answered badly across teams (audits submitted 9 Nov to 6 Dec"),
    ("common themes this month", "Questions most often answered badly across teams in December 2026"),
    ("/audit themes this month", "Questions most often answered badly across teams in December 2026"),
    ("themes last month", "Questions most often answered badly across teams in November 2026"),
    ("themes north", "Questions most often answered badly in North Assessment Team"),
    ("/audit themes", "Questions most often answered badly across teams"),
])
def test_the_themes_asked_in_plain_words_or_as_a_command(demo: Services, engine: Engine, typed: str,
                                                         expected: str) -> None:
    reply = said(engine, HEAD, typed)
    assert expected in reply, reply
    assert "What is a themed audit?" not in reply and "I don't know" not in reply
    assert nothing_unanswered(demo)


def test_a_definition_ask_still_gets_the_themed_audit_entry(demo: Services, engine: Engine) -> None:
    assert "What is a themed audit?" in said(engine, HEAD, "what is a themed audit")


def test_themes_is_in_the_help(demo: Services, engine: Engine) -> None:
    assert "/audit themes" in said(engine, HEAD, "/audit help")


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(["", "what are the ", "show me the ", "any "]),
       st.sampled_from(["", "common ", "main "]),
       st.sampled_from(["", " across teams", " this month", " last month", "?"]))
def test_any_way_of_asking_for_the_themes_is_read_as_the_themes(asking: str, which: str, after: str) -> None:
    assert asks_themes(f"{asking}{which}themes{after}")


@given(st.sampled_from(["what is a themed audit", "how do i set up a themed audit", "themed audit checklist",
                        "how should i word the areas for development"]))
def test_a_definition_or_how_to_is_never_read_as_the_themes(text: str) -> None:
    assert not asks_themes(text)


@pytest.mark.parametrize("typed", ["moderation agreement rate", "agreement rate", "the moderation agreement rate?"])
def test_the_agreement_rate_named_alone_gives_the_figures_then_offers_the_meaning(demo: Services, engine: Engine,
                                                                                  typed: str) -> None:
    """Trial 51 F5: the definition with no figure, though Home showed "80% (16 of 20…)"."""
    reply = said(engine, HEAD, typed)
    assert reply.startswith("Moderation agreement by team"), reply
    assert "North Assessment Team" in reply and "what does the moderation agreement rate mean" in reply
    assert nothing_unanswered(demo)


def test_what_the_agreement_rate_means_still_gets_the_entry(demo: Services, engine: Engine) -> None:
    assert said(engine, HEAD, "what does the moderation agreement rate mean").startswith(
        "What does the moderation agreement rate mean?")


@pytest.mark.parametrize("typed", ["what changed since last month", "compare this month with last month",
                                   "this month vs last month", "how does this month compare with last month?"])
def test_this_month_is_set_beside_last_month_team_by_team(demo: Services, engine: Engine, typed: str) -> None:
    """Trial 51 F4: the reminders, or a how-to entry noted on the QA leads' list."""
    reply = said(engine, HEAD, typed)
    assert reply.startswith("December 2026 so far beside November 2026 Every team, December 2026 (1 Dec 2026 to "
                            "8 Dec 2026, so far):"), reply
    assert "Every team, November 2026 (1 Nov 2026 to 30 Nov 2026):" in reply
    assert "North Assessment Team • December 2026 so far: " in reply and "• November 2026: " in reply
    assert "moderation agreement" in reply and "overdue actions" in reply and "Your reminders" not in reply
    assert nothing_unanswered(demo)


def test_a_manager_sees_only_their_own_team_month_beside_month(demo: Services, engine: Engine) -> None:
    reply = said(engine, MANAGER, "compare this month with last month")
    assert reply.startswith("December 2026 so far beside November 2026 Your teams"), reply
    assert "South Child in Need and Protection" not in reply


@given(st.sampled_from(["compare ", "", "can you compare "]), st.sampled_from(["this month", "the month so far"]),
       st.sampled_from(["with", "to", "vs", "against"]), st.sampled_from(["last month", "the previous month"]))
def test_the_months_compared_in_any_words(compare: str, this: str, joined: str, last: str) -> None:
    assert months_asked(f"{compare}{this} {joined} {last}")
    assert months_asked(f"{compare}{last} {joined} {this}")
    assert not months_asked(f"what is {this}s target")
