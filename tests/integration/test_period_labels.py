"""Trial 32, on the demo data on a Saturday: last week's digest called its count "2 this week", and Home's "Most often
answered badly: none" said no period while `digest this week` listed three. A finished week's figures are labelled
by its number, and Home's line says its dates and counts the weeks a plain `digest` lists its themes over."""

from __future__ import annotations

from datetime import datetime, timedelta

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


def _home_and_digest(engine: Engine, services: Services, when: datetime) -> tuple[str, str]:
    with time_machine.travel(when, tick=False):
        return ({s.title: s.text for s in home_sections(engine, services, MANAGER)}[TEAM],
                all_text(engine.command(MANAGER, "digest")))


def _first_theme(digest: str, window: str) -> str:
    first = digest.split(f"**Questions most often answered badly** {window}", 1)[1].split("\n")[1]
    assert first.strip().startswith("1. "), first
    return first.strip()[3:]


def test_homes_weakest_question_says_its_dates_and_is_the_one_the_digest_lists_first(
        demo_data: None, engine: Engine, services: Services) -> None:
    """On the Saturday the plain digest is this week's (its working time is over): Home counts the same weeks."""
    home, digest = _home_and_digest(engine, services, TRIAL)
    assert home.startswith("Most often answered badly in the 4 weeks to Sat 5 Dec, as the digest lists them (audits "
                           "submitted 9 Nov to 5 Dec 2026, each in at least 2 audits): "), home
    window = "(audits submitted 9 Nov to 5 Dec 2026: the week so far and the 3 before it, each in at least 2 audits)"
    assert _first_theme(digest, window) in home, (digest, home)


def test_on_a_working_monday_homes_weakest_question_counts_the_digests_four_full_weeks(
        demo_data: None, engine: Engine, services: Services) -> None:
    """fix63c: Home counted the week so far and the 3 before it, the digest and `themes` the last 4 full weeks."""
    home, digest = _home_and_digest(engine, services, TRIAL + timedelta(days=2, hours=-2))  # Monday 10:00
    assert home.startswith("Most often answered badly in the 4 weeks to Sun 6 Dec, as the digest lists them (audits "
                           "submitted 9 Nov to 6 Dec 2026, each in at least 2 audits): "), home
    window = "(audits submitted 9 Nov to 6 Dec 2026: the week and the 3 before it, each in at least 2 audits)"
    assert _first_theme(digest, window) in home, (digest, home)
