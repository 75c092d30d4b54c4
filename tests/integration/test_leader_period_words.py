"""fix37g: `themes this week` and `themes last week` gave the last 4 weeks, saying no period was read; and audits by
auditor asked in words read only `this`/`last` `month`/`week`, so "who has done their audits this quarter" got an
article on themed audits. Both now read every period bot.core.periods knows (and `since september`)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.periods import read_since, read_week
from bot.engine.routing import Engine
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)


def ask(engine: Engine, text: str, user: str = QA) -> str:
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(f"{r.title or ''} {r.text} {r.note or ''}" for r in replies))


@pytest.mark.parametrize(("typed", "week", "dates"), [
    ("themes this week", "the week of 30 November 2026", "audits submitted 30 Nov 2026 to 2 Dec 2026, so far"),
    ("themes last week", "the week of 23 November 2026", "audits submitted 23 Nov 2026 to 29 Nov 2026,"),
    ("any common themes across audits last week?", "the week of 23 November 2026", "audits submitted 23 Nov 2026"),
])
def test_themes_read_this_week_and_last_week(engine: Engine, typed: str, week: str, dates: str) -> None:
    said = ask(engine, typed)
    assert f"Themes across audits, {week}" in said
    assert f"Questions most often answered badly across teams in {week}** ({dates}" in said
    assert "last 4 weeks" not in said and "I read no month or quarter" not in said


@pytest.mark.parametrize(("typed", "period"), [
    ("who has done their audits this quarter", "in Q3 2026/27 (1 Oct to 2 Dec 2026, so far)"),
    ("auditor figures for last quarter", "in Q2 2026/27 (1 Jul to 30 Sep 2026)"),
    ("how many audits has each manager done since september", "since 1 Sep 2026 (to 2 Dec 2026)"),
    ("who has completed how many audits in november", "in November 2026 (whole month)"),
    ("whos done what last week", "last week, 23 Nov to 29 Nov 2026"),
    ("who has done their audits", "in December (to 2 December)"),
])
def test_audits_by_auditor_in_words_read_every_period(engine: Engine, typed: str, period: str) -> None:
    said = ask(engine, typed)
    assert f"**North Assessment Team**: 0 audits by its auditors {period}" in said
    assert "themed audit" not in said.lower()


def test_a_period_in_words_that_reads_as_none_says_which_periods_work(engine: Engine) -> None:
    said = ask(engine, "who has done their audits this term")
    assert "I couldn't read `this term` as a period. Periods I read: `this week`, `last week`" in said


def test_a_practitioner_asking_auditor_figures_is_refused_as_the_command_is(engine: Engine) -> None:
    said = ask(engine, "auditor figures for last quarter", user="U0PRAN001")
    assert "North Assessment Team" not in said and "auditors" in said.lower()


def test_week_and_since_are_read_to_today() -> None:
    sunday = date(2026, 12, 6)
    this = read_week("ths week", sunday)
    assert this is not None and (this.start, this.end, this.so_far) == (date(2026, 11, 30), sunday, False)
    since = read_since("since the start of sept", date(2026, 3, 2))
    assert since is not None and (since.start, since.end, since.label) == (date(2025, 9, 1), date(2026, 3, 2),
                                                                          "since 1 September 2025")
    assert read_since("since 12 september", sunday) is None
