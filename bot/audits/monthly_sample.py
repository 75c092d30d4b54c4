"""The monthly moderation sample (trial 62 F4): `/audit moderate sample [month]`, typed `moderation sample`, or asked
"draw this month's moderation sample" / "which audits should we moderate this month". As councils moderate, a set
share of each team's audits every month, always with every Inadequate one.

For the month named (with none named: the month before during a month's first EARLY_WORKING_DAYS working days, when
its last audits are still being moderated, else this month so far), of each team's audits submitted in it that are
waiting for moderation and not the reader's own: every Inadequate one and `moderation_sample_share` of the rest, at
least one (bot.core.sample_draw, the campaign sample's draw). Drawn once a month and kept (bot.storage.monthly_sample):
asking again shows the same sample, with what has been moderated since. The drawn audits come after the Inadequate
ones in `/audit moderate`, marked "(monthly sample, December)". For QA leads and admins: they sample every team.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from bot.audits.core import grade_label
from bot.core import calendar, periods, policy
from bot.core.periods import Period
from bot.core.replies import Choice, Reply, count_of
from bot.core.sample_draw import draw
from bot.core.services import Services
from bot.core.targets import month_bounds
from bot.engine.routing import Engine, Turn, not_yours
from bot.errors import AccessDenied, UserError
from bot.storage import monthly_sample as store
from bot.storage.monthly_sample import Drawn, SampleAudit
from knowledge.smalltalk import normalise

NAME = "moderate sample"
USAGE = "/audit moderate sample [month]"
EARLY_WORKING_DAYS = 5  # a month's first working days sample the month before (its last audits still moderated)
MONTH_TYPED = r"[a-z]\S*(?:\s+\S+){0,3}"  # month words after `moderate sample` (those naming none told how)
PRIORITY = 24  # a request in words, before the typed commands (87) and the knowledge base (90)
SHOWN = 10  # Open buttons under the reply; every audit drawn is listed with its `moderate N` either way
_PERIOD = r"(?P<period>(?:this|last|previous)\s+months?|[a-z]{3,9}(?:\s+20\d\d)?)"
# "moderation sample", "draw this months moderation sample", "monthly moderation sample for november", as
# knowledge.smalltalk.normalise leaves them (lower case, no apostrophes or punctuation)
SAMPLE_ASKED = re.compile(
    r"^(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:(?:draw|pick|choose|take|show|give|get)(?:\s+me|\s+us)?\s+|"
    rf"(?:what|which)\s+is\s+|whats\s+)?(?:the\s+|our\s+)?(?:{_PERIOD}s?\s+)?(?:monthly\s+)?moderation\s+sample"
    r"(?:\s+(?:for|of|in)\s+(?P<after>(?:this|last|previous)\s+month|[a-z]{3,9}(?:\s+20\d\d)?))?(?:\s+please)?$")
# "which audits should we moderate this month", "what audits do i moderate in november"
WHICH_ASKED = re.compile(
    r"^(?:which|what)\s+audits\s+(?:should|shall|do|must|will)\s+(?:we|i)\s+moderate"
    r"(?:\s+(?:for\s+|in\s+)?(?P<after>(?:this|last|previous)\s+month|[a-z]{3,9}(?:\s+20\d\d)?))?$")


def default_month(today: date) -> Period:
    """The month a sample with no month named draws from: the month before while today is one of this month's first
    EARLY_WORKING_DAYS working days (its audits are the ones still coming in and being moderated), else this month
    so far."""
    first = today.replace(day=1)
    if calendar.working_days_between(first - timedelta(days=1), today) <= EARLY_WORKING_DAYS:
        before = first - timedelta(days=1)
        return periods.read_period(f"{before:%B %Y}", today) or periods.read_period("this month", today)  # type: ignore[return-value]
    return periods.read_period("this month", today)  # type: ignore[return-value]


def month_named(said: str, today: date) -> Period | None:
    """The month `said` names (`november`, `nov 2026`, `last month`: bot.core.periods, typos forgiven), or the default
    month (None) for nothing said. A quarter, a span or words naming no month are told how a month is named."""
    if not said.strip():
        return None
    period = periods.read_period(said, today)
    if period is None or period.unit != "month":
        raise UserError(f"The monthly sample is drawn for one month: `{USAGE}`, like `/audit moderate sample "
                        "november`, `... last month` or `... this month` (with no month, this month, or last month "
                        "in a month's first 5 working days).")
    return period


def command(services: Services, turn: Turn, rest: str) -> list[Reply]:
    """`/audit moderate sample [month]`: the month's sample, drawn now if it was not drawn before."""
    if not policy.may_run_campaigns(turn.person):
        raise AccessDenied("The monthly moderation sample is for QA leads and admins.")
    today = services.local_now().date()
    named = month_named(rest, today)
    period = named or default_month(today)
    month = f"{period.start:%Y-%m}"
    drawn = store.drawn(services.storage, month)
    new = drawn is None
    if drawn is None:
        drawn = _draw(services, turn, period, month)
        if drawn is None:
            return [Reply(text=_nothing(period, named is None))]
    counts = store.submitted_counts(services.storage, *month_bounds(period.start, services))
    return [_reply(services, turn, period, drawn, new, counts, named is None)]


def _draw(services: Services, turn: Turn, period: Period, month: str) -> Drawn | None:
    """Draw the month's sample from each team's pool and keep it; None when no audit may be drawn (nothing kept, so
    asking later, once audits are submitted, draws). A draw kept a moment ago by someone else is shown instead."""
    pool = store.eligible(services.storage, *month_bounds(period.start, services), turn.user_id)
    if not pool:
        return None
    by_team: dict[str | None, list[SampleAudit]] = defaultdict(list)
    for audit in pool:
        by_team[audit.team_id].append(audit)
    share = services.settings.moderation_sample_share
    chosen = [a for team in sorted(by_team, key=str) for a in draw(by_team[team], share * 100, services.rng,
                                                                    of_the_rest=True)]
    store.record_draw(services.storage, month, chosen, share, turn.user_id, turn.now)
    return store.drawn(services.storage, month)


def _nothing(period: Period, defaulted: bool) -> str:
    """Nothing to sample, said plainly, with nothing kept."""
    return (f"Nothing to sample for {_month_said(period)}: no audit submitted in it is waiting for moderation, "
            "other than any of your own. Nothing was drawn; ask again once audits are submitted."
            + (f" {_default_said()}" if defaulted else ""))


def _month_said(period: Period) -> str:
    return f"{period.label} so far" if period.so_far else period.label


def _default_said() -> str:
    return (f"(No month named: in a month's first {EARLY_WORKING_DAYS} working days that is the month before, "
            "otherwise this month so far; name one like `/audit moderate sample november`.)")


def _reply(services: Services, turn: Turn, period: Period, drawn: Drawn, new: bool,
           counts: dict[str | None, int], defaulted: bool) -> Reply:
    """The sample team by team: each drawn audit with its grade, auditor and `moderate N`, and how many of the
    team's month that is; how it was drawn, and that it is drawn once."""
    share = f"{drawn.share:.0%}"
    who = "you" if drawn.drawn_by == turn.user_id else services.directory.label(drawn.drawn_by)
    when = "now" if new else f"on {drawn.drawn_at.astimezone(services.settings.timezone):%-d %B %Y} by {who}"
    head = (f"**Monthly moderation sample, {_month_said(period)}** (drawn {when}: every audit graded Inadequate and "
            f"{share} of the rest, at least one a team, of those submitted in {period.label} that were waiting for "
            "moderation and not the drawer's own).")
    lines = [head, *_team_lines(services, drawn, counts)]
    done = sum(1 for a in drawn.audits if a.status == "moderated")
    if not new:
        lines.append(f"{done} of {len(drawn.audits)} moderated since the draw.")
    lines.append(f"It is drawn once a month: asking again shows this sample, and audits submitted later are not "
                 f"added. The sampled audits come next after Inadequate ones in `/audit moderate`, marked "
                 f"(monthly sample, {period.start:%B}).")
    if defaulted:
        lines.append(_default_said())
    waiting = [a for a in drawn.audits if a.status == "submitted"][:SHOWN]
    return Reply(text="\n".join(lines),
                 choices=tuple(Choice(f"Open #{a.audit_id}", "audit.moderate_open", str(a.audit_id)) for a in waiting))


def _team_lines(services: Services, drawn: Drawn, counts: dict[str | None, int]) -> list[str]:
    """'• **North Assessment Team**: 2 of its 14 audits this month: #12 Inadequate by …'."""
    by_team: dict[str | None, list[SampleAudit]] = defaultdict(list)
    for audit in drawn.audits:
        by_team[audit.team_id].append(audit)
    names = {team: _team_name(services, team) for team in by_team}
    lines = []
    for team in sorted(by_team, key=names.__getitem__):
        audits = ", ".join(_audit_said(services, a) for a in by_team[team])
        total = counts.get(team, len(by_team[team]))
        lines.append(f"• **{names[team]}**: {len(by_team[team])} of its {count_of(total, 'audit')} that month: "
                     f"{audits}")
    return lines


def _team_name(services: Services, team_id: str | None) -> str:
    team = services.directory.teams.get(team_id) if team_id else None
    return team.name if team is not None else (team_id or "No team")


def _audit_said(services: Services, audit: SampleAudit) -> str:
    """'#12 Inadequate by Practitioner (North) (`moderate 12`)', or '(moderated since)' / '(being moderated)'."""
    said = f"#{audit.audit_id} {grade_label(audit.grade)} by {services.directory.label(audit.auditor_id)}"
    if audit.status == "moderated":
        return f"{said} (moderated since)"
    if audit.status == "in_moderation":
        return f"{said} (being moderated)"
    return f"{said} (`moderate {audit.audit_id}`)"


def marks(services: Services, audit_ids: list[int]) -> dict[int, str]:
    """audit -> ' (monthly sample, December)' for those a monthly sample drew: how `/audit moderate` marks them."""
    months = store.sample_months(services.storage, audit_ids)
    return {audit_id: f" (monthly sample, {date(int(m[:4]), int(m[5:]), 1):%B})" for audit_id, m in months.items()}


def asked(text: str) -> str | None:
    """The month words (maybe empty) when `text` asks for the monthly sample in words; None for anything else."""
    said = normalise(text)
    found = SAMPLE_ASKED.match(said) or WHICH_ASKED.match(said)
    if found is None:
        return None
    words = (found.group("after") or found.groupdict().get("period") or "").strip()
    if words and not periods.NAMED_MONTH.match(periods.corrected(words)) and not periods.looks_like_period(words):
        return None  # "explain moderation sample": a question, not a month
    return words


def in_words(services: Services, engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """The sample asked in words: run as the command (refused in its one line for other roles)."""
    said = asked(text)
    if said is None:
        return None
    if not policy.may_run_campaigns(turn.person):
        if normalise(text).startswith(("what", "which is")):
            return None  # "what is the moderation sample": the knowledge base explains it to anyone
        raise AccessDenied(not_yours(engine.commands[NAME], turn.person, services.directory))
    return command(services, turn, said)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit moderate sample [month]` (QA leads and admins) and the sample asked in words."""
    engine.add_command(NAME, lambda turn, rest: command(services, turn, rest),
                       "draw this month's moderation sample of each team's audits", usage=USAGE,
                       roles=policy.OVERSIGHT, who_can="QA leads and admins", typed=rf"(?:{MONTH_TYPED})?")
    engine.add_message_handler(lambda turn, text: in_words(services, engine, turn, text), priority=PRIORITY)

