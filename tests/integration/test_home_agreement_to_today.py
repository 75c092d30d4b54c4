"""Each screen says which days its moderation agreement counts. Trial 11, F12: on Friday 11 December 2026, after both
of North's audits of that week were moderated (one agreed, one not), Home said "none moderated yet of the audits
submitted in the last 4 weeks" while `audit-bot digest --week 2026-W50` said 50%. Home counts as last week's digest
does (trial 13, F9: it must agree with the `digest` a manager reads), and now says its dates; since trial 27 the
week-50 digest read that Friday gives the same figure, with this week's moderations said beside it."""

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
FRIDAY = datetime(2026, 12, 11, 10, 0, tzinfo=LONDON)
WEEK_50 = date(2026, 12, 7)
# trial 25: not "none moderated yet" alone; trial 50: plainly, not "none moderated of the audits submitted … the week
# of … and the 4 weeks before it; 2 moderated of those submitted since (in next week's figure)"
HOME = ("none yet (no audit submitted 2 Nov to 6 Dec 2026 has been moderated; 2 submitted since have been, for next "
        "week's figure)")
WHY = "(of audits submitted in the 5 weeks before this week, since moderation comes after submission)"


def _this_weeks_two_moderated(services: Services) -> None:
    rows = AuditRows(services)
    disagreed = rows.audit(submitted=datetime(2026, 12, 8, 10, tzinfo=UTC), grade="inadequate")
    agreed = rows.audit(submitted=datetime(2026, 12, 8, 11, tzinfo=UTC), grade="good", worker="U0PRAN002")
    rows.moderation(disagreed, "U0QALEAD1", datetime(2026, 12, 11, 9, 30, tzinfo=UTC),
                    datetime(2026, 12, 11, 9, 35, tzinfo=UTC), False, "requires_improvement")
    rows.moderation(agreed, "U0MGRS001", datetime(2026, 12, 11, 9, 45, tzinfo=UTC),
                    datetime(2026, 12, 11, 9, 50, tzinfo=UTC), True, "good")


def test_home_and_the_digest_of_this_week_give_one_figure_and_say_the_days_they_count(services: Services) -> None:
    """Trial 27: this week's digest and `/audit moderate` a minute apart gave two rates over two windows; a week under
    way now counts the last complete week's, as the Home does, with this week's moderations said beside it."""
    with time_machine.travel(FRIDAY, tick=False):
        _this_weeks_two_moderated(services)
        sections = home_sections(build_engine(services), services, "U0MGRN001")
        [north] = build_team_digests(services, WEEK_50, ["north-assessment"])
        digest = team_text(north)
    fields = {name: value for s in sections for name, value in (s.fields or ())}
    assert fields["Moderation agreement"] == HOME, fields
    assert f"**Moderation agreement** {WHY}: {HOME}" in digest  # trial 46: why it counts other weeks


def test_the_qa_home_and_last_weeks_digest_say_this_weeks_moderations_count_next_week(services: Services) -> None:
    """Trial 25: straight after two moderations the QA lead's Home said "none moderated yet"; the figure's days stay
    the digest's, and the moderations of audits submitted since are said beside it."""
    with time_machine.travel(FRIDAY, tick=False):
        _this_weeks_two_moderated(services)
        sections = home_sections(build_engine(services), services, "U0QALEAD1")
        [north] = build_team_digests(services, date(2026, 11, 30), ["north-assessment"])
        digest = team_text(north)
    fields = {name: value for s in sections for name, value in (s.fields or ())}
    assert fields["Moderation agreement"] == HOME, fields
    assert f"**Moderation agreement**: {HOME}" in digest
