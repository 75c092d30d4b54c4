"""fix74b (B3): the digest's re-audit line counted every improved re-audit alike, so "3 (3 improved)" could rest on
grades no moderator had looked at (trial 60 F19: Inadequate to Good in 11 weeks is what QA moderates before it is
called improvement). The moderated ones are now its headline and the others are said plainly beside them, by the rule
`/audit reaudits outcomes` and `/audit compare` use, in the team digest, the service digest and Home alike."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.integration.test_reaudits import ADMIN, LONDON, NORTH_MANAGER, Cases, at, text

MONDAY = datetime(2027, 4, 12, 9, 0, tzinfo=LONDON)  # week 14's digest: 5 to 11 April


@pytest.fixture
def cases(services: Services) -> Cases:
    return Cases(services)


def three_reaudits_improved(cases: Cases, moderated: int) -> None:
    """Three cases graded Inadequate 8 weeks ago, each re-audited Good in week 14, `moderated` of them moderated."""
    for n in range(3):
        case = f"CR-30000{n}"
        cases.audit(case, "inadequate", MONDAY - timedelta(weeks=8))
        cases.audit(case, "good", MONDAY - timedelta(days=6 - n), moderated="good" if n < moderated else None)


def test_the_unmoderated_improvement_is_said_after_the_moderated_ones(engine: Engine, cases: Cases) -> None:
    three_reaudits_improved(cases, moderated=2)
    with at(MONDAY):
        north = text(engine.command(NORTH_MANAGER, "digest", surface="terminal"))
        service = text(engine.command(ADMIN, "digest", surface="terminal"))
        outcomes = text(engine.command(ADMIN, "reaudits outcomes", surface="terminal"))
    said = ("**Re-audits**: 3 (2 improved (moderated); 1 more improved on the auditor's grade, not yet moderated) "
            "done in week 14;")
    assert said in north and said in service
    assert "Improved 3 (1 of them on the auditor's grade, not yet moderated)" in outcomes  # the same count


@pytest.mark.parametrize(("moderated", "said"), [
    (0, "3 (3 improved on the auditor's grade, not yet moderated)"),
    (3, "3 (3 improved)"),  # every improvement moderated: as before
])
def test_none_moderated_says_so_and_all_moderated_stays_plain(engine: Engine, cases: Cases, moderated: int,
                                                              said: str) -> None:
    three_reaudits_improved(cases, moderated=moderated)
    with at(MONDAY):
        north = text(engine.command(NORTH_MANAGER, "digest", surface="terminal"))
    assert f"**Re-audits**: {said} done in week 14;" in north


def test_home_says_the_weeks_reaudits_in_the_same_words(engine: Engine, services: Services, cases: Cases) -> None:
    three_reaudits_improved(cases, moderated=1)
    with at(MONDAY - timedelta(days=2)):  # Saturday 10 April: this week so far
        picture = {s.title: s for s in home_sections(engine, services, ADMIN)}["Whole service"]
    assert ("Re-audits done this week so far",
            "3 (1 improved (moderated); 2 more improved on the auditor's grade, not yet moderated)") in picture.fields
