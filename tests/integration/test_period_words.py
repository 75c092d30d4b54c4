"""Trial 35 (M2) and trial 33 (M5): periods worked in `digest` and nowhere else. `auditors last quarter`, `auditors
november` and `digest lst month` were "There is no team last quarter"; `reaudits outcomes this quarter` got the
command's usage; `themes this quarter` explained themed audits; `any themes accross teams this qtr?` covered a fixed 4
weeks without saying so. Each now reads the same period words (bot.core.periods, typos forgiven) and names the period
it used; words that read as none get one message saying which periods work."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.periods import PERIODS_SAID
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
HEAD = "U0ADMIN01"


def _said(engine: Engine, typed: str, message: bool = False) -> tuple[str, list[str]]:
    """All the replies' text flattened, and their kinds."""
    with time_machine.travel(SATURDAY, tick=False):
        replies = (engine.message if message else engine.command)(HEAD, typed, surface="terminal")
    return flat("\n".join(f"{r.title or ''} {r.text} {r.note or ''}" for r in replies)), [r.kind for r in replies]


def _october(services: Services) -> None:
    """North's manager: 3 audits in October, two answering the chronology question badly (outside the last 4 weeks,
    inside this quarter)."""
    with time_machine.travel(SATURDAY, tick=False):
        rows = AuditRows(services)
        for day in (5, 6):
            rows.audit(submitted=datetime(2026, 10, day, 10, tzinfo=UTC), flagged=("chronology",))
        rows.audit(submitted=datetime(2026, 10, 7, 10, tzinfo=UTC))


def test_auditors_read_a_quarter_and_a_month_and_say_them(engine: Engine, services: Services) -> None:
    _october(services)
    quarter, _ = _said(engine, "auditors this qtr north")
    assert ("North Assessment Team**: 3 audits by its auditors in Q3 2026/27 (1 Oct to 5 Dec 2026, so far) (target "
            "6, 3 to go)") in quarter
    assert "Team manager (North): 3 audits (target 6, 3 to go)" in quarter
    last, _ = _said(engine, "auditors last quarter")
    assert "0 audits by its auditors in Q2 2026/27 (1 Jul to 30 Sep 2026) (target 6, missed by 6)" in last
    october, _ = _said(engine, "auditors october")
    assert "3 audits by its auditors in October 2026 (whole month) (target 2, met)" in october


def test_digest_forgives_a_typo_in_the_period(engine: Engine) -> None:
    said, kinds = _said(engine, "digest lst month")
    assert "Every team, November 2026** (1 Nov 2026 to 30 Nov 2026)" in said and "error" not in kinds


def test_themes_over_the_quarter_asked_for(engine: Engine, services: Services) -> None:
    _october(services)
    for asked in ("themes this quarter", "any themes accross teams this qtr?"):
        said, _ = _said(engine, asked, message=True)
        assert "Themes across audits, Q3 2026/27" in said, asked
        assert ("Questions most often answered badly across teams in Q3 2026/27** (audits submitted 1 Oct 2026 to "
                "5 Dec 2026, so far, each in at least 2 audits)") in said
        assert "(Full case audit) Is there an up-to-date chronology? answered “No” in 2 audits" in said
    recent, _ = _said(engine, "any themes across teams recently?", message=True)
    assert "chronology" not in recent and "the week so far and the 3 before it" in recent
    term, _ = _said(engine, "any themes across teams this term?", message=True)
    assert "I read no month or quarter in your question, so these are the last 4 weeks" in term


def test_reaudit_outcomes_over_the_quarter_asked_for(engine: Engine) -> None:
    said, kinds = _said(engine, "reaudits outcomes this quarter")
    assert "No re-audits were submitted in Q3 2026/27 (1 Oct to 5 Dec 2026, so far)" in said and kinds == ["info"]
    term, kinds = _said(engine, "reaudits outcomes this term")
    assert kinds == ["error"] and f"I couldn't read `this term` as a period. {PERIODS_SAID}" in term


PHRASES = ["this month", "last month", "this quarter", "last quarter", "november", "nov 2026", "q3", "q2 2026",
           "this week", "last week", "september", "previous month", "october"]
NAMED = re.compile(r"\b(?:Q[1-4] 20\d\d/\d\d|(?:January|February|March|April|May|June|July|August|September|October|"
                   r"November|December)\b|week\b)")


def _typo(phrase: str, where: int, how: str) -> str:
    at = where % len(phrase)
    if how == "delete":
        return phrase[:at] + phrase[at + 1:]
    if how == "swap" and at + 1 < len(phrase):
        return phrase[:at] + phrase[at + 1] + phrase[at] + phrase[at + 2:]
    if how == "double":
        return phrase[:at] + phrase[at] + phrase[at:]
    if how == "short":
        return phrase.replace("last", "lst").replace("quarter", "qtr").replace("month", "mnth")
    return phrase


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(PHRASES), st.integers(0, 20), st.sampled_from(["none", "delete", "swap", "double", "short"]),
       st.sampled_from(["auditors", "digest"]))
def test_a_period_typed_with_a_typo_is_read_and_named_or_the_periods_are_said(
        engine: Engine, phrase: str, where: int, how: str, command: str) -> None:
    typed = _typo(phrase, where, how).strip() or "q3"
    said, kinds = _said(engine, f"{command} {typed}")
    if "error" in kinds:
        assert kinds == ["error"] and "Periods I read:" in said, (typed, said)
    else:
        assert NAMED.search(said.split(" Themes in ")[0]), (typed, said)
        assert "There is no team" not in said
