"""`/audit digest this week`: the week under way, counted to today, beside last week's digest, which says where
this week's audits are (trial 18: asked on Friday, the digest showed "0 this week" for last week and not the two
audits the manager had just done)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows
from tests.support.kb_helpers import all_text

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 12, 4, 15, tzinfo=LONDON)  # week 49: Monday 30 November to Sunday 6 December
MANAGER = "U0MGRN001"


def test_todays_audits_are_in_this_weeks_digest_and_last_weeks_says_where_they_are(services: Services,
                                                                                    engine: Engine) -> None:
    rows = AuditRows(services)
    for hour in (10, 11):
        rows.audit(submitted=datetime(2026, 12, 4, hour, tzinfo=LONDON))
    with time_machine.travel(FRIDAY, tick=False):
        last_week = engine.command(MANAGER, "digest")
        this_week = engine.command(MANAGER, "digest this week")
        typed = engine.message(MANAGER, "digest so far")
    assert "23 Nov to 29 Nov 2026" in all_text(last_week)
    assert "**Audits completed**: 0 in week 48" in all_text(last_week)  # trial 32: not "this week", by its number
    assert last_week[-1].text == ("This is last week's digest. Audits submitted since Monday are in next week's: "
                                  "`/audit digest this week` shows the week so far.")
    assert "30 Nov to 4 Dec 2026 (so far)" in all_text(this_week)
    assert "**Audits completed**: 2 this week so far" in all_text(this_week)
    assert "This is last week's digest" not in all_text(this_week)
    assert "**Audits completed**: 2 this week so far" in all_text(typed)


def test_this_week_for_a_named_team_and_a_team_not_theirs(services: Services, engine: Engine) -> None:
    AuditRows(services).audit(submitted=datetime(2026, 12, 4, 10, tzinfo=LONDON))
    with time_machine.travel(FRIDAY, tick=False):
        named = engine.command(MANAGER, "digest this week north")
        refused = engine.command(MANAGER, "digest this week south")
    assert "**Audits completed**: 1 this week so far" in all_text(named)
    assert refused[-1].kind == "error" and "your own teams only: `north-assessment`" in refused[-1].text


def test_the_digest_asked_for_in_other_words_is_the_digest(services: Services, engine: Engine) -> None:
    """Trial 19: `digest last week` was read as a team called "last week", and "weekly digest" and "show me this
    weeks digest" got a knowledge-base article."""
    AuditRows(services).audit(submitted=datetime(2026, 12, 4, 10, tzinfo=LONDON))
    with time_machine.travel(FRIDAY, tick=False):
        last = [engine.message(MANAGER, said) for said in ("digest last week", "weekly digest",
                                                             "last week's digest", "show me the team digest")]
        this = [engine.message(MANAGER, said) for said in ("show me this weeks digest", "digest for this week",
                                                             "this week's digest please", "digest this week's")]
        practitioner = engine.message("U0PRAN001", "weekly digest")
    for replies in last:
        assert "23 Nov to 29 Nov 2026" in all_text(replies) and "This is last week's digest" in all_text(replies)
    for replies in this:
        assert "**Audits completed**: 1 this week so far" in all_text(replies)
    assert [reply.text for reply in practitioner] == [
        "`/audit digest` is for team managers, QA leads and admins. Ask Team manager (North) or a QA lead: QA lead "
        "(practice), QA lead (children in care)."]
