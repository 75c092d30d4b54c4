"""`/audit auditors [this month | last month | this week | last week] [team]`: who has done what, in chat.

Trial 23: a head of service wanted the audits each auditor completed for their teams in a period, and found it only
in the weekly digest (one week and its month) or an export. This counts as the digest and Home do (one rule,
bot.digests.team_auditors: completed audits on the day submitted, each member's all whatever the case's team) over
the period asked for, with each auditor's monthly target beside a month. Managers see their own teams, QA leads and
admins any (the digest's rule, bot.core.policy.digest_teams).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core import policy
from bot.core.agreement import last_complete_week
from bot.core.markup import bold
from bot.core.period_or_team import team_or_period
from bot.core.periods import TYPED as PERIOD_TYPED
from bot.core.periods import Period as CorePeriod
from bot.core.periods import corrected, read_period, read_since
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.core.target_to_date import months_spanned
from bot.digests.auditors_words import asked_period
from bot.digests.render import against_target
from bot.digests.team_auditors import AuditorFigures, team_auditors, team_figure
from bot.engine.near_miss import TEAM
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
from bot.settings.people import Role
from bot.storage.reports import digests as store
from knowledge.dates import short_date

PERIODS = ("this month", "last month", "this week", "last week", "november", "this quarter", "last quarter", "q3")
PERIOD = re.compile(r"^\s*(?:for\s+|in\s+)?(this|last)\s+(month|week)\b\s*", re.IGNORECASE)
TYPED = rf"(?:(?:(?:this|last)\s+(?:month|week)|{PERIOD_TYPED})(?:\s+{TEAM})?|{TEAM})?"
USAGE = "/audit auditors [this month | last month | this week | last week | <month> | this quarter | q3] [team]"
@dataclass(frozen=True)
class Period:
    """The days counted: [first, end) local days, how they are said, and how many months of a monthly target apply
    (0: a week, no target beside it)."""

    first: date
    end: date  # the day after the last counted
    said: str  # "in December (to 5 December)", "last week, 23 Nov to 29 Nov 2026"
    months: int

    @property
    def month(self) -> bool:
        return self.months > 0


def period(text: str, today: date) -> tuple[Period, str]:
    """The period the words start with, and the words after it (a team): `this month` (the default, to today),
    `last month`, `this week` (so far), `last week`, or any month or quarter the digest reads (bot.core.periods:
    `november`, `last quarter`, `q3`, typos forgiven), or `since september`."""
    text = corrected(text)
    if (match := PERIOD.match(text)) is not None:
        return _week_or_month(match.group(1), match.group(2), today), text[match.end():]
    words = text.split()
    for size in (6, 5, 4, 3, 2, 1):
        start = " ".join(words[:size])
        read = (read_period(start, today) or read_since(start, today)) if len(words) >= size else None
        if read is not None:
            return _read(read), " ".join(words[size:])
    return _week_or_month("this", "month", today), text


def _read(read: CorePeriod) -> Period:
    """A month or a quarter as bot.core.periods reads it, said with its dates."""
    end = read.end + timedelta(days=1)
    if read.unit == "span":  # since a month began, to today
        return Period(read.start, end, f"since {short_date(read.start)} (to {short_date(read.end)})",
                      months=months_spanned(read))
    if read.unit == "quarter":
        dates = f"{short_date(read.start, year=False)} to {short_date(read.end)}{', so far' if read.so_far else ''}"
        return Period(read.start, end, f"in {read.label} ({dates})", months=months_spanned(read))
    if read.so_far:
        return Period(read.start, end, f"in {read.start:%B} (to {read.end.day} {read.end:%B})", months=1)
    return Period(read.start, end, f"in {read.label} (whole month)", months=1)


def _week_or_month(which: str, unit: str, today: date) -> Period:
    """`this month` (to today), `last month`, `this week` (so far) or `last week`."""
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) if which == "this" else last_complete_week(today)
        end = today + timedelta(days=1) if which == "this" else monday + timedelta(days=7)
        so_far = " (so far)" if which == "this" else ""
        last = end - timedelta(days=1)
        return Period(monday, end, f"{which} week, {short_date(monday, year=False)} to {short_date(last)}{so_far}",
                      months=0)
    first = today.replace(day=1)
    if which == "last":
        first = (first - timedelta(days=1)).replace(day=1)
        return Period(first, today.replace(day=1), f"in {first:%B %Y} (whole month)", months=1)
    return Period(first, today + timedelta(days=1), f"in {first:%B} (to {today.day} {today:%B})", months=1)


def _local(day: date, services: Services) -> datetime:
    return datetime.combine(day, time(0), tzinfo=services.settings.timezone)


def auditor_line(auditor: AuditorFigures, done: int, months: int, ended: bool, aside: str = "") -> str:
    """'• Team manager (North): 3 audits (target 2, met)': a monthly target, times the period's months, only beside
    a month or a quarter; `aside` says where some were of another team's cases (', 1 of them for South Child in Need
    and Protection')."""
    target = f" ({against_target(done, auditor.target * months, ended)})" if months and auditor.target else ""
    return f"• {auditor.label}: {count_of(done, 'audit')}{aside}{target}"


def _aside(auditor: AuditorFigures) -> str:
    """For a member, the other teams whose cases they audited; for a member of another team, where all theirs are
    listed (their audits of this team's cases are the figure beside them here)."""
    if auditor.elsewhere:
        names = ", ".join(name for name, _, _ in auditor.elsewhere)
        return f", {auditor.month_elsewhere} of them for {names}"
    if auditor.member:
        return ""
    where = f"all theirs under {auditor.home_teams}" if auditor.home_teams else "in no team"  # a QA lead (trial 30)
    return f" of this team's cases ({where})"


def team_reply(services: Services, team_id: str, counts: dict[str, dict[str, tuple[int, int]]], shown: Period,
               ended: bool) -> Reply:
    """One team's auditors, most first, by the digest's and Home's rule (bot.digests.team_auditors): each member with
    every audit they completed in the period, whatever the case's team, and anyone else who audited the team's cases
    with those; headed by the audits of the team's own cases."""
    team = services.directory.teams[team_id]
    auditors = sorted(team_auditors(services.directory, team, counts), key=lambda a: (-a.month, a.label))
    lines = [auditor_line(a, a.month, shown.months, ended, _aside(a)) for a in auditors] \
        or ["• nobody audits in this team"]
    figure = team_figure([team], counts, services.directory)
    target = (f" ({against_target(figure.month, figure.target * shown.months, ended)})"
              if shown.month and figure.target else "")
    others = (f"; +{figure.others_month} of its cases by others{', not counted against it' if target else ''}"
              if figure.others_month else "")
    return Reply(text=f"{bold(team.name)}: {count_of(figure.month, 'audit')} by its auditors {shown.said}{target}"
                      f"{others}\n" + "\n".join(lines))


def auditors_replies(services: Services, turn: Turn, text: str) -> list[Reply]:
    """The audits each auditor completed in the period asked for, for each team the reader may see (or the one
    typed), checked against their role every time."""
    allowed = policy.digest_teams(services.directory, turn.person)
    if not allowed:
        raise AccessDenied("Audits by auditor are for team managers, QA leads and admins. Ask your team manager.")
    today = turn.now.astimezone(services.settings.timezone).date()
    shown, team_text = period(text, today)
    team = None
    if team_text.strip():
        every = None if policy.sees_every_team(turn.person) else allowed
        team = team_or_period(services, every, team_text, "see the audits by auditor")
    team_ids = [team.id] if team else allowed
    span = (_local(shown.first, services), _local(shown.end, services))
    counts = store.auditor_counts(services.storage, span, span, None)  # a member's audits of any team's cases
    ended = shown.end <= today
    replies = [team_reply(services, t, counts, shown, ended) for t in team_ids]
    return [*replies[:-1], Reply(text=replies[-1].text, note=NOTE)]  # each names its team


# Trial 30: "each auditor's all, under their own team" was said while the QA leads, in no team, appeared under every
# team whose cases they audited. Each line now says which it is, and so does the note.
NOTE = ("Completed audits by the day submitted: each team member's all, under their own team, as Home counts them; "
        "anyone else who audited a team's cases (a QA lead, in no team, or another team's member) is listed under "
        f"that team with those audits only. Other periods: {', '.join(f'`{p}`' for p in PERIODS)}.")


def asked_in_words(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """"who has done what this month", "auditor figures for last quarter": `/audit auditors` for that period
    (bot.digests.auditors_words), with its role check; None otherwise."""
    asked = asked_period(text, turn.now.astimezone(services.settings.timezone).date())
    return None if asked is None else engine.dispatch_command(turn, "auditors", asked)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit auditors`, and the question in words."""
    engine.add_message_handler(lambda turn, text: asked_in_words(engine, services, turn, text), priority=27)
    engine.add_command(
        "auditors", lambda turn, text: auditors_replies(services, turn, text),
        "audits completed by each auditor in your teams, this month or another period", usage=USAGE,
        roles=[Role.MANAGER, Role.QA_LEAD, Role.ADMIN], who_can="team managers, QA leads and admins", typed=TYPED)
