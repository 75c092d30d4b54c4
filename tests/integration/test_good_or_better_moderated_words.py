"""Trial 60 F6: Home said "Good or better last week: 2 of 4 (50%), 1 of 4 after moderation", read as only one Good
once moderated, where the digest said of the same week "1 moderated, the auditor's grade agreed". Both now say how
many of the week's graded audits a moderator decided in one wording (bot.digests.render.moderated_said), inside the
share's brackets on Home: "2 of 4 (50%; 1 of the 4 moderated, the auditor's grade agreed)"."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.digests.dashboard import team_figures
from bot.digests.digest import TeamDigest, build_team_digests
from bot.digests.render import moderated_said, team_text
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
WEEK_47 = date(2026, 11, 16)
NOW = datetime(2026, 11, 25, 12, tzinfo=LONDON)  # Wednesday of week 48: Home's "last week" is week 47
MANAGER = "U0MGRN001"


def _week_47(services: Services, regrade: bool) -> None:
    """Four North audits in week 47, two Good; one Good moderated (agreed, or regraded to Requires improvement)."""
    rows = AuditRows(services)
    grades = ("good", "good", "requires_improvement", "inadequate")
    ids = [rows.audit(submitted=datetime(2026, 11, 17 + n, 11, tzinfo=UTC), grade=grade)
           for n, grade in enumerate(grades)]
    rows.moderation(ids[0], "U0QALEAD1", datetime(2026, 11, 23, 9, tzinfo=UTC),
                    datetime(2026, 11, 23, 10, tzinfo=UTC), not regrade,
                    "requires_improvement" if regrade else "good")


def _home_and_digest(services: Services, regrade: bool) -> tuple[str, str]:
    """Week 47 as `_week_47` leaves it, seen on Wednesday of week 48: Home's "Good or better last week" for North's
    manager, and North's digest of week 47."""
    with time_machine.travel(NOW, tick=False):
        _week_47(services, regrade=regrade)
        [north] = team_figures(services, services.directory.person(MANAGER))
        [digest] = build_team_digests(services, WEEK_47, ["north-assessment"])
    return dict(north.fields)["Good or better last week"], team_text(digest)


def test_home_and_the_digest_say_one_of_the_four_was_moderated_in_the_same_words(services: Services) -> None:
    home, digest = _home_and_digest(services, regrade=False)
    assert home == "2 of 4 (50%; 1 of the 4 moderated, the auditor's grade agreed)"
    assert "(4 graded, after moderation where moderated: 1 of the 4 moderated, the auditor's grade agreed;" in digest
    assert "after moderation" not in home


def test_a_regraded_good_is_counted_at_the_moderators_grade_and_said_so(services: Services) -> None:
    home, digest = _home_and_digest(services, regrade=True)
    assert home == "1 of 4 (25%; 1 of the 4 moderated, regraded by the moderator)"
    assert "1 of the 4 moderated, regraded by the moderator;" in digest


@pytest.mark.parametrize(("moderated", "regraded", "graded", "said"), [
    (1, 0, 4, "1 of the 4 moderated, the auditor's grade agreed"),
    (2, 0, 4, "2 of the 4 moderated, the auditors' grades agreed"),
    (2, 1, 4, "2 of the 4 moderated, 1 of them regraded by the moderator"),
    (3, 3, 3, "all 3 moderated, each regraded by the moderator"),
    (1, 1, 1, "1 of 1 moderated, regraded by the moderator"),
])
def test_the_words_for_each_mix_of_moderated_and_regraded(services: Services, moderated: int, regraded: int,
                                                          graded: int, said: str) -> None:
    with time_machine.travel(NOW, tick=False):
        [digest] = build_team_digests(services, WEEK_47, ["north-assessment"])
    week: TeamDigest = replace(digest, moderated_week=moderated, regraded_week=regraded,
                               grades_week={"good": graded})
    assert week.graded_week == graded
    assert moderated_said(week) == said
