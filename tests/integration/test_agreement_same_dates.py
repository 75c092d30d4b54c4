"""Home and the digest give one moderation agreement over the same dates, and a digest's agreement counts the
audits its grades count. Trial 13, F9: on Monday 4 January 2027 North's digest said "0% (0 of 1 moderated audits
agreed …)" and Home, a moment later, "none moderated yet" for the same audit #1 (submitted 8 December, moderated 10
December); and `audit-bot digest --week 2027-W01` counted #1 in its grades' "previous 4 weeks" but not in its
moderation line's "last 4 weeks". Each window is now said as dates."""

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
MONDAY = datetime(2027, 1, 4, 9, 45, tzinfo=LONDON)
TUESDAY = datetime(2027, 1, 5, 10, 0, tzinfo=LONDON)
SAID = ("0% (0 of 1 moderated audits agreed with the auditor's grade, of audits submitted 30 Nov 2026 to 3 Jan "
        "2027: the week of 28 Dec to 3 Jan and the 4 weeks before it); 1 moderated down, 0 up")  # RI to Inadequate


def _audit_one_moderated(services: Services) -> None:
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 12, 8, 11, tzinfo=UTC), grade="requires_improvement")
    rows.moderation(audit, "U0QALEAD1", datetime(2026, 12, 10, 9, tzinfo=UTC),
                    datetime(2026, 12, 10, 9, 30, tzinfo=UTC), False, "inadequate")


def _words(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def test_home_and_the_digest_side_by_side_give_the_same_agreement_over_the_same_dates(services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _audit_one_moderated(services)
        engine = build_engine(services)
        digest = _words(" ".join(r.text for r in engine.command("U0MGRN001", "digest", surface="terminal")))
        sections = home_sections(engine, services, "U0MGRN001")
    fields = {name: value for s in sections for name, value in (s.fields or ())}
    assert f"Moderation agreement: {SAID}" in digest, digest
    assert fields["Moderation agreement"] == SAID, fields


def test_one_digest_counts_the_same_audit_in_its_grades_and_its_agreement(services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _audit_one_moderated(services)
        [north] = build_team_digests(services, date(2027, 1, 4), ["north-assessment"])
        text = _words(team_text(north))
    assert "1 in the previous 4 weeks, 7 Dec 2026 to 3 Jan 2027" in text, text
    # a week under way counts the last complete week's agreement, as every figure read then (trial 27), said as dates,
    # and says why (trial 46, F15)
    assert (f"Moderation agreement (of audits submitted in the 5 weeks before this week, since moderation comes after "
            f"submission): {SAID}") in text, text
