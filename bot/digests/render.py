"""Digests as replies: short lines a manager can read at a glance, plus the twelve-week chart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bot.core import agreement as agreement_figures
from bot.core.agreement import Agreement, days_between, direction_said, submitted_between
from bot.core.cut_short import clip
from bot.core.reaudit_outcomes import UNMODERATED, Tally, summed
from bot.core.replies import Reply, agreeing, count_of
from bot.digests.charts import grade_trend_png
from bot.digests.digest import (
    COMPARE_WEEKS,
    MIN_AUDITS_FOR_THEME,
    MIN_AUDITS_TO_COMPARE,
    TREND_WEEKS,
    ServiceDigest,
    TeamDigest,
    WeakQuestion,
    comparable,
    month_figure_day,
    spilled_days,
)
from bot.digests.done_actions import done_line
from bot.digests.team_auditors import AuditorFigures, TeamFigure
from knowledge.checklist_schema import GRADE_LABELS
from knowledge.dates import short_date

GUIDANCE_CHARS = 220


def _span(digest: TeamDigest | ServiceDigest) -> str:
    """'week 48, 23 Nov to 29 Nov 2026', or for the week under way 'week 49, 30 Nov to 2 Dec 2026 (so far)'."""
    start = digest.week_start
    end_day = digest.counted_to or start + timedelta(days=6)
    so_far = " (so far)" if digest.counted_to else ""
    return f"week {start.isocalendar()[1]}, {start.day} {start:%b} to {end_day.day} {end_day:%b %Y}{so_far}"


def _this_week(digest: TeamDigest | ServiceDigest) -> str:
    """The digest's week as its counts are labelled: 'this week so far' while under way, else by its number ('in
    week 48'): trial 32 read last week's digest, sent or asked for after it ended, as "2 this week"."""
    return "this week so far" if digest.counted_to else f"in week {digest.week_start.isocalendar()[1]}"


def as_at(digest: TeamDigest | ServiceDigest) -> str:
    """When the overdue and re-audit figures were taken: a finished week's at its end, a week under way's today. A
    head of service compared a past week's digest with Home's figures for today and read two counts of the same
    thing (trial 20)."""
    if digest.counted_to:
        return "as at today"
    return f"as at the end of Sunday {short_date(digest.week_start + timedelta(days=6), year=False)}"


def _month_and_spill(digest: TeamDigest | ServiceDigest) -> str:
    """'in June (month ended; this week's 1 to 4 Jul count in July)': the month figure, and the week's days it
    leaves to the next month's, so the week's count beside it is not read as missing from it."""
    month = digest.month_so_far
    spill = spilled_days(digest.week_start, digest.counted_to)
    if spill is None:
        return month
    days = f"this week's {days_between(*spill)} count in {spill[0]:%B}"
    return f"{month[:-1]}; {days})" if month.endswith(")") else f"{month} ({days})"


def count_share(count: int, whole: int, also: str = "") -> str:
    """'2 of 5 (40%)': a share is never shown without the count it rests on; `also` is said in its brackets, '2 of 5
    (40%; 1 of the 5 moderated, …)'."""
    return f"{count} of {whole} ({count / whole:.0%}{'; ' + also if also else ''})" if whole else f"{count} of 0"


def against_target(done: int, target: int, ended: bool = False) -> str:
    """'target 2, met', 'target 8, 5 to go' or 'no monthly target set': how a month's audits stand against the
    target, in words ("17/2" read as a date, and "11 of 2" as a shortfall when the team was past it). A month that
    has ended (`ended`) is 'target 8, missed by 5': nothing is still "to go" in it."""
    if not target:
        return "no monthly target set"
    if done >= target:
        return f"target {target}, met"
    return f"target {target}, missed by {target - done}" if ended else f"target {target}, {target - done} to go"


def teams_behind(teams: Sequence[TeamDigest], ended: bool = False) -> str:
    """'1 team behind its target for the whole month (South Child in Need and Protection: 1 of 4 for December so far,
    3 to go)', or '' when none is: a service total that meets its target hid a team that was behind (trial 23), so
    each one behind is named beside the total. The target is the whole month's, said so: on 6 December a team
    "behind (1 of 2)" read as the quarter digest's pro-rata target to date (trial 40 M10). A team with no target is
    never behind; a month that has ended says 'missed by 3'."""
    behind = [t for t in teams if t.target_month and t.completed_month < t.target_month]
    if not behind:
        return ""
    gap = "missed by {}" if ended else "{} to go"
    month = f"{month_figure_day(behind[0].week_start, behind[0].counted_to):%B}"
    so_far = "" if ended else " so far"
    named = "; ".join(f"{t.team_name}: {t.completed_month} of {t.target_month} for {month}{so_far}, "
                      + gap.format(t.target_month - t.completed_month) for t in behind)
    return (f"{count_of(len(behind), 'team')} behind {agreeing(len(behind), 'its', 'their')} target for the whole "
            f"month ({named})")


def month_heading(digest: TeamDigest | ServiceDigest) -> str:
    """The service digest's column for the month: 'this month' while it is the month the digest is read in, else
    'all of November' (a month that has ended, counted whole)."""
    if not digest.month_ended:
        return "this month"
    return f"all of {month_figure_day(digest.week_start, digest.counted_to):%B}"


def themes_rule() -> str:
    return f"each in at least {MIN_AUDITS_FOR_THEME} audits"


def themes_heading(week_start: date, counted_to: date | None) -> str:
    """The themes' window in dates, '(audits submitted 2 Nov to 29 Nov 2026: the week and the 3 before it, each in at
    least 2 audits)': the week and the 3 before it, not the grades' and agreement's week and 4 before it, so said as
    dates beside theirs (trial 13, F9: undated windows of different lengths read as one)."""
    return f"({submitted_between(week_start, counted_to, COMPARE_WEEKS - 1, 'before it')}, {themes_rule()})"


def by_others(figure: TeamFigure, week: str, whose: str = "its") -> str:
    """' (+1 this week so far, +1 in the month by others, of its cases: not counted against its target)', or '':
    audits of the team's cases by people who hold no target in it (a QA lead, another team's manager), shown apart
    from what its auditors did (trial 35 H2: counted in, the team read "met" while its manager had 1 to go)."""
    if not (figure.others_week or figure.others_month):
        return ""
    return (f" (+{figure.others_week} {week}, +{figure.others_month} in the month by others, of {whose} cases: not "
            f"counted against {whose} target)")


def target_sentence(done: int, target: int, ended: bool = False) -> str:
    """'Target 2 a month: met (2 done).': the team digest's target as a sentence of its own (trial 41: "target 2, met
    (+0 in week 48, +5 in the month by others, of its cases: not counted against its target)" was hard to read)."""
    if not target:
        return "No monthly target set."
    if done >= target:
        return f"Target {target} a month: met ({done} done)."
    gap = f"missed by {target - done}" if ended else f"{target - done} to go"
    return f"Target {target} a month: {gap} ({done} done)."


def others_sentence(figure: TeamFigure, week: str) -> str:
    """' Also 5 audits of its cases by others (1 this week so far), not counted toward the target.', or '': audits of
    the team's cases by people who hold no target in it, apart from its auditors' (trial 35 H2), said plainly."""
    if not (figure.others_week or figure.others_month):
        return ""
    this_week = f" ({figure.others_week} {week})" if figure.others_week else ""
    return (f" Also {count_of(figure.others_month, 'audit')} of its cases by others{this_week}, not counted toward "
            "the target.")


def demo_note(demo: int, total: int, whose: str = "") -> str:
    """Says how many of the audits counted are invented, so nobody takes demo figures for real practice, the verb
    agreeing with the count (trial 55 F20: "1 of these 2 audits of its cases are invented")."""
    said = (f"This audit {whose}is" if total == 1 else
            f"{demo} of these {total} audits {whose}{'is' if demo == 1 else 'are'}")
    return f"{said} invented demo data (`audit-bot demo-data --remove` takes {'it' if demo == 1 else 'them'} out)"


def agreement_basis(week_start: date, counted_to: date | None) -> str:
    """Which audits the moderation agreement of a digest counts, as dates (bot.core.agreement owns the definition: a
    week under way counts the last complete week's)."""
    return agreement_figures.basis(agreement_figures.counted_week(week_start, counted_to))


def agreement_window(week_start: date, counted_to: date | None) -> str:
    """Why a week under way's moderation agreement counts other weeks than its other figures: audits are moderated
    after they are submitted, so it counts the last complete week and the 4 before it (bot.core.agreement
    counted_week), said in the line's heading (trial 46, F15: "this week so far" above "of the audits submitted
    26 Oct to 29 Nov" gave no reason). Empty for a complete week, whose agreement counts it and the weeks before."""
    if agreement_figures.counted_week(week_start, counted_to) == week_start:
        return ""
    return (f" (of audits submitted in the {agreement_figures.WEEKS_BEFORE + 1} weeks before this week, "
            "since moderation comes after submission)")


def moderation_note(digest: TeamDigest) -> str:
    """Which grades are a moderator's: a moderated audit counts at the moderator's grade, not the auditor's."""
    if not digest.moderated_week:
        return ""
    return f", after moderation where moderated: {moderated_said(digest)}"


def moderated_said(digest: TeamDigest) -> str:
    """'1 of the 4 moderated, the auditor's grade agreed' or '2 of the 4 moderated, 1 of them regraded by the
    moderator': how many of the week's graded audits a moderator decided, and whether the grade changed; the one
    wording of the digest's grades line and the Home's *Good or better last week* (trial 60 F6: Home's "2 of 4 (50%),
    1 of 4 after moderation" read as only one Good once moderated)."""
    moderated, graded, regraded = digest.moderated_week, digest.graded_week, digest.regraded_week
    which = f"{moderated} of the {graded} moderated" if moderated < graded \
        else f"all {graded} moderated" if graded > 1 else "1 of 1 moderated"
    if not regraded:
        agreed = "the auditor's grade agreed" if moderated == 1 else "the auditors' grades agreed"
        return f"{which}, {agreed}"
    if regraded == moderated:
        return f"{which}, {'regraded' if moderated == 1 else 'each regraded'} by the moderator"
    return f"{which}, {regraded} of them regraded by the moderator"


def auditor_lines(digest: TeamDigest) -> list[str]:
    """Each auditor's week and month, counted as Home and `/audit auditors` count them (bot.digests.team_auditors):
    a member's line holds all their audits, and says how many were of other teams' cases; anyone else is listed
    with their audits of this team's cases. Said under them when the lines hold more than the team's total."""
    ended, week = digest.month_ended, _this_week(digest)
    lines = []
    for auditor in digest.auditors:
        target = f"; {against_target(auditor.month, auditor.target, ended)}" if auditor.target else ""
        lines.append(f"   • {auditor.label}: {auditor.week} {week} · {auditor.month} {digest.month_so_far}{target}"
                     f"{_elsewhere(auditor, week)}")
    if any(auditor.elsewhere for auditor in digest.auditors):
        lines.append("   _Each member's line counts all their audits, as Home and `/audit auditors` do, and so does "
                     "the team's figure above; others' audits of its cases are shown apart._")
    return lines


def _elsewhere(auditor: AuditorFigures, week: str) -> str:
    """'; of them for South Child in Need and Protection: 1 this week · 1 in the month', or for someone listed who is
    not a member, ' of this team's cases (all theirs under South Child in Need and Protection)'."""
    if auditor.elsewhere:
        names = ", ".join(name for name, _, _ in auditor.elsewhere)
        return f"; of them for {names}: {auditor.week_elsewhere} {week} · {auditor.month_elsewhere} in the month"
    return f" of this team's cases (all theirs under {auditor.home_teams})" if auditor.home_teams else ""


def team_text(digest: TeamDigest, cases_named: bool = True) -> str:
    """The digest as mrkdwn: numbers first, then the questions to work on, then actions and moderation; the actions
    done named by case only when `cases_named` (not in a team channel's post, by default: bot.digests.weekly)."""
    ended = digest.month_ended
    lines = [f"**Audits completed**: {digest.completed_week} {_this_week(digest)} · {digest.completed_month} "
             f"{_month_and_spill(digest)}. {target_sentence(digest.completed_month, digest.target_month, ended)}"
             f"{others_sentence(digest.figure, _this_week(digest))}"]
    if digest.demo_week:
        lines.append(f"   _{demo_note(digest.demo_week, digest.cases_week, 'of its cases ')}_")
    lines += auditor_lines(digest)
    graded_week, graded_before = digest.graded_week, digest.graded_previous
    lines.append(f"\n**Grades {_this_week(digest)}** ({graded_week} graded{moderation_note(digest)}; "
                 f"{graded_before} in the previous {COMPARE_WEEKS} weeks, {days_between(*digest.previous_weeks)})")
    if not comparable(graded_week, graded_before):
        lines.append(f"   _Too few audits to compare: a change is shown when the week and the previous "
                     f"{COMPARE_WEEKS} weeks each have at least {MIN_AUDITS_TO_COMPARE} graded audits._")
    for share in digest.grade_shares:
        change = "" if share.change_points is None else f" · {share.change_points:+.0f} pts"
        lines.append(f"   • {GRADE_LABELS[share.grade]}: {count_share(share.week, share.graded_week)} · previous "
                     f"{COMPARE_WEEKS} weeks {count_share(share.previous, share.graded_previous)}{change}")
    lines.append(f"\n**Questions most often answered badly** {themes_heading(digest.week_start, digest.counted_to)}")
    if not digest.weak_questions:
        lines.append(f"   None answered badly in {MIN_AUDITS_FOR_THEME} or more audits.")
    lines += weak_question_lines(digest.weak_questions)
    lines.append(f"\n**Overdue actions** ({as_at(digest)}): {digest.overdue_actions}")
    among = "the overdue ones among them" if digest.overdue_actions else "none overdue"  # trial 24: said with none
    lines.append(f"**Open actions** ({as_at(digest)}): {digest.open_actions}, {among}; "
                 f"{count_of(digest.actions_done_week, 'action')} marked done {_this_week(digest)}")
    lines += filter(None, [done_line(digest, _this_week(digest), cases_named)])  # fix 37: which, with their notes
    lines.append(reaudits_line(digest.reaudits_done, _this_week(digest), digest.reaudits_due_soon,
                               digest.reaudits_overdue, as_at(digest)))
    lines.append(f"**Moderation agreement**{agreement_window(digest.week_start, digest.counted_to)}: "
                 f"{agreement_said(digest)}")
    return "\n".join(lines)


def weak_question_lines(questions: Sequence[WeakQuestion]) -> list[str]:
    """The questions most often answered badly, numbered, each with its count and what good looks like: a team's
    digest and the themes asked for in words (bot.digests.themes) list them alike."""
    lines = []
    for rank, question in zip(weak_question_ranks(questions), questions, strict=True):
        lines.append(f"   {rank}. {weak_question_said(question)}")
        if question.guidance:
            lines.append(f"      _What good looks like:_ {clip(question.guidance, GUIDANCE_CHARS, one_line=True)}")
    return lines


def weak_question_ranks(questions: Sequence[WeakQuestion]) -> list[str]:
    """Each listed question's place, a tie said as one shared place: "1", or "1–3 (tie, 2 audits each)" on each of
    three questions at the same count (trial 61 F1: `themes` and the digest numbered a tie 1, 2, 3 as if ranked,
    where Home says the tie). A tie the list's cut falls in counts the questions it leaves out too."""
    ranks = []
    for number, question in enumerate(questions, start=1):
        same = [q for q in questions if q.audits == question.audits]
        first = number - [q.audits for q in questions[:number]].count(question.audits) + 1
        last = first + len(same) - 1 + same[-1].tied_out
        ranks.append(f"{first}–{last} (tie, {question.audits} audits each)" if last > first else str(first))
    return ranks


def weak_question_said(question: WeakQuestion) -> str:
    """'(Pre-proceedings and the PLO) What is the outcome so far? answered “Drifting without a decision” in 4
    audits', and when the list's cut fell inside a tie, '(tied with 1 other at 4 audits, not listed)'."""
    tied = (f" (tied with {question.tied_out} {'other' if question.tied_out == 1 else 'others'} at "
            f"{question.audits} audits, not listed)" if question.tied_out else "")
    return f"{weak_question_named(question)} in {question.audits} audits{tied}"


def weak_question_named(question: WeakQuestion) -> str:
    """'(Pre-proceedings and the PLO) What is the outcome so far? answered “Drifting without a decision”': the
    question and the answers counted as bad, without its count."""
    where = f"({question.checklist}) " if question.checklist else ""
    how = f" answered {question.answered}" if question.answered else ""
    return f"{where}{clip(question.text, 150, one_line=True)}{how}"


def reaudits_done_said(tally: Tally) -> str:
    """'2 (1 improved, 1 the same)': the re-audits completed and how the case's grade moved in each, compared like
    with like (bot.core.grade_verdict), so a leader sees whether re-audited practice improved (trial 15 F4). The
    improved resting on the auditor's grade are said apart, the moderated first: '3 (2 improved (moderated); 1 more
    improved on the auditor's grade, not yet moderated)' (fix74b B3, as `/audit reaudits outcomes` says them)."""
    counts = [*_improved_said(tally), *(f"{n} {label}" for n, label in (
        (tally.same, "the same"), (tally.worse, "worse"),
        (tally.cannot_say, "not like for like (`/audit compare` says why)")) if n)]
    joined = "; " if tally.improved_unmoderated and len(counts) > 1 else ", "
    return f"{tally.total} ({joined.join(counts)})" if counts else "0"


def _improved_said(tally: Tally) -> list[str]:
    """The improved re-audits: moderated ones as the headline, then those on the auditor's grade."""
    moderated, unmoderated = tally.improved - tally.improved_unmoderated, tally.improved_unmoderated
    if not unmoderated:
        return [f"{moderated} improved"] if moderated else []
    if not moderated:
        return [f"{unmoderated} improved on {UNMODERATED}"]
    return [f"{moderated} improved (moderated)", f"{unmoderated} more improved on {UNMODERATED}"]


def reaudits_line(tally: Tally, week: str, due_soon: int, overdue: int, when: str) -> str:
    """The digest's re-audit line: those done in the week and what they found, then those due and overdue `when`
    (as_at)."""
    return (f"**Re-audits**: {reaudits_done_said(tally)} done {week}; {due_soon} due in the next 2 weeks, "
            f"{overdue} overdue ({when})")


def agreement_said(digest: TeamDigest) -> str:
    """A team's moderation agreement in words, the one wording of the digest and the Home tab: '50% (1 of 2
    moderated audits agreed with the auditor's grade, of audits submitted 30 Nov 2026 to 3 Jan 2027: the week and
    the 4 weeks before it)', or 'none moderated yet of the audits submitted …'. Trials saw Home say "none moderated
    yet" beside a digest's figure: they counted different days, and said neither (bot.digests.dashboard)."""
    return Agreement(digest.moderation_agreed, digest.moderation_decided,
                     agreement_basis(digest.week_start, digest.counted_to), digest.moderation_since,
                     digest.moderated_down, digest.moderated_up).said()


def chart_reply(title: str, digest: TeamDigest, to_user: str | None, to_channel: str | None) -> Reply:
    labels = [label for label, _ in digest.trend]
    weeks = [week for _, week in digest.trend]
    png = grade_trend_png(title, labels, weeks, GRADE_LABELS)
    return Reply(text=f"{title}: audits completed by grade over {TREND_WEEKS} weeks", image=png,
                 image_name=f"audit-trend-{digest.team_id}-{digest.week}.png", title=title,
                 to_user=to_user, to_channel=to_channel)


def team_replies(digest: TeamDigest, to_user: str | None = None, to_channel: str | None = None,
                 chart: bool = True, cases_named: bool = True) -> list[Reply]:
    """The digest message and its chart, addressed to a manager's DM or the team channel (`cases_named`: whether
    the actions done are named by their cases' references, or only counted in cases)."""
    title = f"{digest.team_name}: {_span(digest)}"
    replies = [Reply(text=team_text(digest, cases_named), title=title, to_user=to_user, to_channel=to_channel,
                     note="Audit digest from audit-bot. `/audit digest` shows it again at any time.")]
    if chart:
        replies.append(chart_reply(f"{digest.team_name}: {TREND_WEEKS}-week trend", digest, to_user, to_channel))
    return replies


# The side-by-side digest's own labels, lowercased within a line ("Moderation agreement, whole service"); teams' names
# are never lowercased (fix53c: "Audit digest for north assessment team and south child in need and protection").
OWN_LABELS = frozenset({"Whole service", "Your teams"})


def in_line(label: str) -> str:
    """`label` as written within a line: the digest's own labels lowercased, teams' names as teams.yaml writes them."""
    return label.lower() if label in OWN_LABELS else label


def service_text(service: ServiceDigest) -> str:
    week = _this_week(service)
    ended = service.month_ended
    lines = [f"Team · {week.removeprefix('in ')} · {month_heading(service)} (target) · good or better {week} · "
             f"overdue actions ({as_at(service)}) · agreement"]
    for team in service.teams:
        good = count_share(team.good_or_better_count, team.graded_week) if team.graded_week else "–"
        rate = (count_share(team.moderation_agreed, team.moderation_decided)
                + direction_said(team.moderated_down, team.moderated_up, "; ") if team.moderation_decided else "–")
        lines.append(
            f"• **{team.team_name}**: {team.completed_week} · "
            f"{team.completed_month} ({against_target(team.completed_month, team.target_month, ended)}"
            f"{f'; +{team.figure.others_month} by others' if team.figure.others_month else ''}) · "
            f"{good} · {team.overdue_actions} · {rate}"
        )
    total = service.figure
    behind = teams_behind(service.teams, ended)
    lines.append(f"\n**{service.label}**: {count_of(total.week, 'audit')} {_this_week(service)} · {total.month} "
                 f"{_month_and_spill(service)}; {against_target(total.month, total.target, ended)}"
                 f"{by_others(total, _this_week(service), 'their')}"
                 f"{'; ' + behind if behind else ''} · {sum(t.overdue_actions for t in service.teams)} overdue actions")
    lines.append(reaudits_line(summed(t.reaudits_done for t in service.teams), _this_week(service),
                               sum(t.reaudits_due_soon for t in service.teams),
                               sum(t.reaudits_overdue for t in service.teams), as_at(service)))
    agreement = Agreement(sum(t.moderation_agreed for t in service.teams),
                          sum(t.moderation_decided for t in service.teams),
                          agreement_basis(service.week_start, service.counted_to),
                          sum(t.moderation_since for t in service.teams),
                          sum(t.moderated_down for t in service.teams), sum(t.moderated_up for t in service.teams))
    lines.append(f"**Moderation agreement, {in_line(service.label)}**"
                 f"{agreement_window(service.week_start, service.counted_to)}: {agreement.said()}; "
                 "each team's beside it counts the same audits")
    if moderated := sum(t.moderated_week for t in service.teams):
        lines.append(f"_Grades are after moderation where moderated ({moderated} of this week's audits)._")
    if demo := sum(t.demo_week for t in service.teams):
        cases = sum(t.cases_week for t in service.teams)
        whose = "of the teams' cases "
        lines.append(f"_{demo_note(demo, cases, whose)}_")
    lines.append(f"\n**Questions most often answered badly across teams** "
                 f"{themes_heading(service.week_start, service.counted_to)}")
    if not service.weak_questions:
        lines.append(f"   None answered badly in {MIN_AUDITS_FOR_THEME} or more audits.")
    weak = service.weak_questions
    for rank, question in zip(weak_question_ranks(weak), weak, strict=True):
        lines.append(f"   {rank}. {weak_question_said(question)}")
    return "\n".join(lines)


def service_replies(service: ServiceDigest, to_user: str | None = None, chart: bool = True) -> list[Reply]:
    """All teams side by side, and one chart of the whole service's trend."""
    span = _span(service)
    title = "Service audit digest" if service.label == "Whole service" else f"Audit digest for {in_line(service.label)}"
    replies = [Reply(text=service_text(service), title=f"{title}: {span}", to_user=to_user,
                     note="`/audit digest <team>` shows one team's full digest.")]
    if chart and service.teams:
        combined = []
        for index, (label, _) in enumerate(service.teams[0].trend):
            week: dict[str, int] = {}
            for team in service.teams:
                for grade, n in team.trend[index][1].items():
                    week[grade] = week.get(grade, 0) + n
            combined.append((label, week))
        whole = TeamDigest("service", service.label, service.week, service.week_start, (), {}, {}, (), 0, 0, 0,
                           tuple(combined))
        replies.append(chart_reply(f"{service.label}: {TREND_WEEKS}-week trend", whole, to_user, None))
    return replies
