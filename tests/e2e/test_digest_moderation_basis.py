"""Moderation agreement counts the same audits as the grades beside it: those submitted in the period, whenever
the moderator decided (a user trial saw "1 of them regraded by the moderator" above "100% agreed")."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.composition import build_engine
from bot.core.services import Services
from bot.digests.digest import build_team_digests
from bot.digests.render import team_text
from bot.engine.home import home_sections
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
WEEK_47 = date(2026, 11, 16)
# Wednesday of week 48: the Home's "last week" is week 47, and both decisions below are already made.
NOW = datetime(2026, 11, 25, 12, tzinfo=LONDON)


def _seed(services: Services) -> None:
    """Two South audits submitted in week 47: one agreed that week, one regraded after the week ended."""
    rows = AuditRows(services)
    agreed = rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
                        submitted=datetime(2026, 11, 17, 11, tzinfo=UTC), grade="good")
    regraded = rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
                          submitted=datetime(2026, 11, 18, 11, tzinfo=UTC), grade="good")
    rows.moderation(agreed, "U0QALEAD1", datetime(2026, 11, 19, 9, tzinfo=UTC),
                    datetime(2026, 11, 19, 10, tzinfo=UTC), True, "good")
    rows.moderation(regraded, "U0ADMIN01", datetime(2026, 11, 24, 9, tzinfo=UTC),
                    datetime(2026, 11, 24, 10, tzinfo=UTC), False, "requires_improvement")


def test_a_regrade_decided_after_the_week_counts_against_agreement_as_it_counts_in_the_grades(
        services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _seed(services)
        [south] = build_team_digests(services, WEEK_47, ["south-cin-cp"])
        text = team_text(south)
    assert (south.moderated_week, south.regraded_week) == (2, 1)
    assert (south.moderation_agreed, south.moderation_decided) == (1, 2)
    assert "1 of them regraded by the moderator" in text
    assert ("**Moderation agreement**: 50% (1 of 2 moderated audits agreed with the auditor's grade, of audits "
            "submitted 19 Oct to 22 Nov 2026: the week of 16 to 22 Nov and the 4 "
                                              "weeks before it)") in text


def test_the_managers_home_gives_the_same_agreement_and_says_what_it_counts(services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _seed(services)
        engine = build_engine(services)
        sections = home_sections(engine, services, "U0MGRS001")
    fields = {name: value for s in sections for name, value in (s.fields or ())}
    assert fields["Moderation agreement"] == ("50% (1 of 2 moderated audits agreed with the auditor's grade, of audits "
                                              "submitted 19 Oct to 22 Nov 2026: the week of 16 to 22 Nov and the 4 "
                                              "weeks before it); 1 moderated down, 0 up")  # Good to RI
