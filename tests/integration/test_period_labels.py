"""Trial 32, on the demo data on a Saturday: last week's digest called its count "2 this week", and Home's "Most often
answered badly: none" said no period while `digest this week` listed three. A finished week's figures are labelled
by its number, and Home's line says its dates and counts the window `digest this week` lists."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.integration.test_demo_reaudits import TRIAL, demo
from tests.support.kb_helpers import all_text

MANAGER = "U0MGRS001"
TEAM = "South Child in Need and Protection"


@pytest.fixture
def demo_data(environ: dict[str, str], services: Services) -> None:
    with time_machine.travel(TRIAL, tick=False):
        demo(environ)


def test_last_weeks_digest_labels_its_counts_by_its_week(demo_data: None, engine: Engine) -> None:
    with time_machine.travel(TRIAL, tick=False):
        said = all_text(engine.command(MANAGER, "digest last week"))  # a Saturday: plain `digest` is this week's
    assert "week 48, 23 Nov to 29 Nov 2026" in said
    assert "this week" not in said.replace("`/audit digest this week`", "")
    assert "**Audits completed**: 2 in week 48" in said and "**Grades in week 48**" in said


def test_homes_weakest_question_says_its_dates_and_is_the_one_digest_this_week_lists_first(
        demo_data: None, engine: Engine, services: Services) -> None:
    with time_machine.travel(TRIAL, tick=False):
        home = {s.title: s.text for s in home_sections(engine, services, MANAGER)}[TEAM]
        this_week = all_text(engine.command(MANAGER, "digest this week"))
    window = "(audits submitted 9 Nov to 5 Dec 2026: the week so far and the 3 before it, each in at least 2 audits)"
    assert home.startswith(f"Most often answered badly {window}: "), home
    first = this_week.split(f"**Questions most often answered badly** {window}", 1)[1].split("\n")[1]
    assert first.strip().startswith("1. ") and first.strip()[3:] in home, (first, home)
