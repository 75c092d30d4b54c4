"""Moderation agreement team by team, asked in words (trial 28): "agreement rates by team?" got the entry explaining
the rate and "which team has the lowest agreement rate" got suggestions. Both now give each team's figure as its
digest counts it (the audits submitted in the last complete week and the 4 weeks before it), to QA leads and admins
for every team and to a manager for their own; a practitioner still gets the entry.

The clock is pinned (time_machine, tick=False), so the suite passes on any day, including under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.agreement_asked import asked
from bot.engine.routing import Engine
from tests.integration.test_agreement_one_definition import _moderated
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # Wednesday: last week is 23 to 29 November
QA_LEAD, NORTH_MANAGER, PRACTITIONER = "U0QALEAD1", "U0MGRN001", "U0PRAN001"
TITLE = "Moderation agreement by team"
NORTH, SOUTH = "North Assessment Team", "South Child in Need and Protection"


def said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title}\n{r.text}" for r in replies)


@pytest.fixture
def history(services: Services) -> None:
    """North: 2 of 2 agreed; South: 0 of 1; one of North's before the window and one submitted this week."""
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        _moderated(rows, datetime(2026, 11, 24, 10, tzinfo=UTC), agrees=True)
        _moderated(rows, datetime(2026, 11, 10, 10, tzinfo=UTC), agrees=True)
        _moderated(rows, datetime(2026, 11, 3, 10, tzinfo=UTC), agrees=False, team="south-cin-cp")
        _moderated(rows, datetime(2026, 9, 1, 10, tzinfo=UTC), agrees=False)  # before the window: not counted
        _moderated(rows, datetime(2026, 12, 1, 10, tzinfo=UTC), agrees=False)  # this week: in next week's figure


def test_agreement_rates_by_team_are_the_digests_figures_lowest_first(engine: Engine, history: None) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(QA_LEAD, "agreement rates by team?", surface="terminal")
        digest = said(engine.command(QA_LEAD, "digest service", surface="terminal"))
    assert reply.title == TITLE
    lines = reply.text.splitlines()
    assert lines[0] == f"• **{SOUTH}**: 0 of 1 (0%); 1 moderated down, 0 up"  # Good moderated to RI (trial 62 F2)
    assert lines[1] == f"• **{NORTH}**: 2 of 2 (100%)"
    assert "none moderated" in lines[2]
    whole = ("67% (2 of 3 moderated audits agreed with the auditor's grade, of audits submitted 26 Oct to 29 Nov 2026: "
             "the week of 23 to 29 Nov and the 4 weeks before it); 1 moderated down, 0 up; 1 moderated of those "
             "submitted since (in next week's figure)")
    assert f"**Whole service**: {whole}." in reply.text
    assert f"**Moderation agreement, whole service**: {whole}" in digest
    assert "· 2 of 2 (100%)" in digest and "· 0 of 1 (0%)" in digest  # the same figures beside each team


def test_which_team_has_the_lowest_names_it_first(engine: Engine, history: None) -> None:
    with time_machine.travel(NOW, tick=False):
        [lowest] = engine.message(QA_LEAD, "which team has the lowest agreement rate", surface="terminal")
        [best] = engine.message("U0ADMIN01", "Which team has the best moderation agreement?", surface="terminal")
    assert lowest.text.splitlines()[0] == f"**Lowest**: {SOUTH}, 0 of 1 (0%)."
    assert best.text.splitlines()[0] == f"**Highest**: {NORTH}, 2 of 2 (100%)."


def test_a_manager_gets_their_own_teams_and_a_practitioner_the_entry(engine: Engine, history: None) -> None:
    with time_machine.travel(NOW, tick=False):
        [manager] = engine.message(NORTH_MANAGER, "agreement rates by team?", surface="terminal")
        worker = engine.message(PRACTITIONER, "agreement rates by team?", surface="terminal")
    assert manager.title == TITLE and NORTH in manager.text and SOUTH not in manager.text
    assert "**Your teams**: 100% (2 of 2" in manager.text
    assert TITLE not in said(worker)


@given(st.text(max_size=100))
def test_the_reader_never_fails(text: str) -> None:
    assert asked(text) in {None, "all", "lowest", "highest"}


@given(st.sampled_from(["agreement rates by team", "which team has the lowest agreement rate",
                        "moderation agreement per team", "team agreement rates"]),
       st.sampled_from(["", "?", " please", "!"]), st.booleans())
def test_case_and_punctuation_do_not_matter(words: str, end: str, upper: bool) -> None:
    typed = words + end
    assert asked(typed.upper() if upper else typed) is not None


@given(st.sampled_from(["what is the agreement rate", "what does agreement rate mean", "agreement rate",
                        "how is the agreement rate worked out"]))
def test_the_rate_itself_stays_a_question_for_the_knowledge_base(text: str) -> None:
    assert asked(text) is None
