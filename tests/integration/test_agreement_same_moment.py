"""One moment, one moderation agreement: trial 27 saw this week's service digest say 88% (of audits submitted 2 Nov to
5 Dec) and `/audit moderate` a minute later 81% (26 Oct to 29 Nov). Both now count the window one function gives
(bot.core.agreement.counted_week), and both say its dates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_agreement_one_definition import _history

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)  # the week under way is 30 Nov to 5 Dec; last week 23 to 29 Nov
SAID = ("50% (1 of 2 moderated audits agreed with the auditor's grade, of audits submitted 26 Oct to 29 Nov 2026: "
        "the week of 23 to 29 Nov and the 4 weeks before it); 1 moderated down, 0 up; 1 moderated of those "
        "submitted since "
        "(in next week's figure)")


def test_this_weeks_digest_and_audit_moderate_give_one_rate_over_the_same_dates(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _history(services)  # one agreed last week, one not 4 weeks before, one agreed this week (submitted 1 Dec)
        waiting = engine.command("U0QALEAD1", "moderate", surface="terminal")
        this_week = engine.command("U0QALEAD1", "digest this week service", surface="terminal")
        last_week = engine.command("U0QALEAD1", "digest last week service", surface="terminal")
    assert [r.note for r in waiting if r.note] == [f"Moderation agreement across the service: {SAID}."]
    why = " (of audits submitted in the 5 weeks before this week, since moderation comes after submission)"
    for digest, heading in ((this_week, why), (last_week, "")):  # trial 46: the week under way says why
        text = " ".join(r.text for r in digest)
        assert f"**Moderation agreement, whole service**{heading}: {SAID}; each team's beside it counts the same " \
            "audits" in text, text
    assert "this week so far" in this_week[0].text  # the week under way's digest, for its other figures


def test_this_weeks_digest_on_a_sunday_dates_the_week_its_agreement_counts(engine: Engine,
                                                                            services: Services) -> None:
    """Trial 38: on Sunday 6 December `digest this week` said "the week and the 4 weeks before it" over 26 Oct to
    29 Nov, which read as this week's; the week it counts is dated: the last complete one, 23 to 29 November."""
    with time_machine.travel(SATURDAY.replace(day=6, hour=10), tick=False):
        _history(services)
        text = " ".join(r.text for r in engine.command("U0QALEAD1", "digest this week service", surface="terminal"))
    assert "of audits submitted 26 Oct to 29 Nov 2026: the week of 23 to 29 Nov and the 4 weeks before it)" in text
    assert "the week and the 4 weeks before it" not in text
