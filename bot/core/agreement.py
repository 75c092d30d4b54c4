"""Moderation agreement: the one definition every figure uses (the digests, the Home tab, `/audit moderate` and a
campaign's report).

Of the completed audits in scope, those a moderator has decided, each counted once at its latest decision: how many
the moderator agreed with the auditor's grade. The scope is the audits submitted in a window of weeks (the week and
the WEEKS_BEFORE weeks before it: the audits the digest's grades count, whenever the moderator decided), or a
campaign's own audits. Trial 23 found three counts: `/audit moderate` over every decision ever made, the digest over
five weeks of submissions, a campaign over every decision of its audits; each figure now says its audits in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core.services import Services
from bot.storage.reports import digests as store
from knowledge.dates import short_date

WEEKS_BEFORE = 4  # the week and the 4 weeks before it, as the digest's grades compare
# The local target for moderation agreement, as the knowledge base's agreement-rate entry says it ("80% or
# more"); a rate asked about ("is 81% good?") is read against it (bot.asking.rate_asked).
TARGET_PERCENT = 80
CAMPAIGN_BASIS = "audits in the campaign"  # 'none moderated yet of the audits in the campaign'


@dataclass(frozen=True)
class Agreement:
    """How many decided moderations agreed with the auditor's grade, of which audits (`basis`, in words)."""

    agreed: int
    decided: int
    basis: str  # "audits submitted 26 Oct to 29 Nov 2026: the week of 23 to 29 Nov and the 4 weeks before it"
    since: int = 0  # moderated audits submitted after a complete window: in next week's figure, said beside it
    down: int = 0  # of those not agreed, how many the moderator graded lower than the auditor (direction_said)
    up: int = 0  # and higher

    @property
    def rate(self) -> float | None:
        return self.agreed / self.decided if self.decided else None

    def said(self) -> str:
        """'50% (1 of 2 moderated audits agreed with the auditor's grade, of audits submitted …)', or 'none moderated
        yet of the audits submitted …': the one wording, so a Home figure and a digest's read alike. Audits submitted
        since and already moderated are said beside it (trial 25: Home read "none moderated yet" straight after two
        moderations of this week's audits)."""
        later = f"; {self.since} moderated of those submitted since (in next week's figure)" if self.since else ""
        if self.rate is None:
            return self._none_said()
        return (f"{self.rate:.0%} ({self.agreed} of {self.decided} moderated audits agreed with the auditor's grade, "
                f"of {self.basis}){direction_said(self.down, self.up, '; ')}{later}")

    def _none_said(self) -> str:
        """'none yet (no audit submitted 26 Oct to 29 Nov 2026 has been moderated)': plainly, the dates without the
        window's explanation (trial 50: "none moderated of the audits submitted 26 Oct to 29 Nov 2026: the week of 23
        to 29 Nov and the 4 weeks before it; 2 moderated of …" was hard to read); those moderated since said only
        when there are some."""
        which = self.basis.split(": ")[0].removeprefix("audits ")
        since = (f"; {self.since} submitted since {'has' if self.since == 1 else 'have'} been, for next week's figure"
                 if self.since else "")
        return f"none yet (no audit {which} has been moderated{since})"


def direction_said(down: int, up: int, before: str = "") -> str:
    """'2 moderated down, 0 up' (after `before`): which way the moderators' grades moved the audits they did not agree
    with, the one wording beside every agreement figure (trial 62 F2: agreement alone cannot show a team that
    over-grades); empty when none moved, so "5 of 5 agreed" stands alone."""
    return f"{before}{down} moderated down, {up} up" if down or up else ""


def last_complete_week(today: date) -> date:
    """The Monday of the last full week before `today`: a digest on Monday 30 Nov covers 23-29 Nov."""
    return today - timedelta(days=today.weekday() + 7)


def days_between(first: date, last: date) -> str:
    """'2 Nov to 29 Nov 2026', the first day's year said too when it is not the last's."""
    return f"{short_date(first, year=first.year != last.year)} to {short_date(last)}"


def submitted_between(week_start: date, counted_to: date | None, weeks_before: int, before: str,
                      week: str = "the week") -> str:
    """'audits submitted 2 Nov to 29 Nov 2026: the week and the 3 before it': the week (`week`, as the reader knows
    it; to `counted_to`, so far, in a week under way) and the `weeks_before` weeks before it, as dates."""
    first, last = week_start - timedelta(weeks=weeks_before), counted_to or week_start + timedelta(days=6)
    week = "the week so far" if counted_to is not None else week
    return f"audits submitted {days_between(first, last)}: {week} and the {weeks_before} {before}"


def counted_week(monday: date, today: date | None) -> date:
    """The week whose window (it and the WEEKS_BEFORE weeks before it) a moderation agreement figure counts, for the
    figures of the week starting `monday` read on `today` (None: that week is over): that week once it is over, else
    the last complete week, whose audits have had their time to be moderated. Every figure (the digests, this week's
    too, the Home, `/audit moderate`) asks it, so one moment shows one rate over the same dates (trial 27: this week's
    digest said 88% of audits submitted 2 Nov to 5 Dec, `/audit moderate` a minute later 81% of 26 Oct to 29 Nov);
    the week under way's moderations are said beside it (`decided_since`)."""
    return monday if today is None else min(monday, last_complete_week(today))


def basis(week_start: date) -> str:
    """Which audits the agreement of the window of the (complete) week starting `week_start` counts, as dates: 'audits
    submitted 26 Oct to 29 Nov 2026: the week of 23 to 29 Nov and the 4 weeks before it'. Said as dates because
    "last 4 weeks" beside "previous 4 weeks" read as one window (trial 13, F9), and so a Home figure and a digest's can
    be seen to count the same days. The week is dated too (trial 38: `digest this week` on a Sunday said "the week
    and the 4 weeks before it" over 26 Oct to 29 Nov, which read as this week's): one wording wherever it is read."""
    return submitted_between(week_start, None, WEEKS_BEFORE, "weeks before it", f"the week of {week_dates(week_start)}")


def week_dates(monday: date) -> str:
    """'23 to 29 Nov', or '30 Nov to 6 Dec' across a month's end: a week's Monday to Sunday, without the year."""
    sunday = monday + timedelta(days=6)
    first = str(monday.day) if monday.month == sunday.month else short_date(monday, year=False)
    return f"{first} to {short_date(sunday, year=False)}"


def _local(day: date, services: Services) -> datetime:
    return datetime.combine(day, time(0), tzinfo=services.settings.timezone)


def by_team(services: Services, monday: date, team_ids: Sequence[str] | None) -> dict[str, tuple[int, int]]:
    """team -> (agreed, decided) of the audits submitted in the week starting `monday` and the WEEKS_BEFORE weeks
    before it (to the week's end: a week under way has nothing submitted after today)."""
    return store.moderation_agreement(services.storage, _local(monday - timedelta(weeks=WEEKS_BEFORE), services),
                                      _local(monday + timedelta(days=7), services), team_ids)


def direction_by_team(services: Services, monday: date, team_ids: Sequence[str] | None) -> dict[str, tuple[int, int]]:
    """team -> (moderated down, up) of the audits `by_team` counts for the same week: the direction beside it."""
    return store.moderation_direction(services.storage, _local(monday - timedelta(weeks=WEEKS_BEFORE), services),
                                      _local(monday + timedelta(days=7), services), team_ids)


def decided_since(services: Services, monday: date, team_ids: Sequence[str] | None) -> dict[str, int]:
    """team -> moderated audits submitted in the week after the week starting `monday` (to today): the ones next
    week's figure will count. None for a week under way, whose window runs to today."""
    start = _local(monday + timedelta(days=7), services)
    end = _local(min(services.local_now().date() + timedelta(days=1), monday + timedelta(days=14)), services)
    found = store.moderation_agreement(services.storage, start, end, team_ids) if start < end else {}
    return {team: decided for team, (_, decided) in found.items()}


def of_last_week(services: Services, team_ids: Sequence[str] | None = None) -> Agreement:
    """The agreement over the last complete week and the WEEKS_BEFORE before it, across `team_ids` (None: the whole
    service): the days every digest read now counts (`counted_week` of the week under way), which the Home and
    `/audit moderate` show too."""
    today = services.local_now().date()
    monday = counted_week(today - timedelta(days=today.weekday()), today)
    counts = by_team(services, monday, team_ids).values()
    moved = direction_by_team(services, monday, team_ids).values()
    return Agreement(sum(a for a, _ in counts), sum(d for _, d in counts), basis(monday),
                     sum(decided_since(services, monday, team_ids).values()), sum(d for d, _ in moved),
                     sum(u for _, u in moved))


def of_campaign(services: Services, campaign_id: int) -> Agreement:
    """The agreement over a campaign's own completed audits, whenever they were submitted."""
    counts = store.moderation_agreement(services.storage, None, None, None, campaign_id).values()
    moved = store.moderation_direction(services.storage, None, None, None, campaign_id).values()
    return Agreement(sum(a for a, _ in counts), sum(d for _, d in counts), CAMPAIGN_BASIS,
                     down=sum(d for d, _ in moved), up=sum(u for _, u in moved))
