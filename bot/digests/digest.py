"""The weekly team digest as plain data: what a manager needs to see about their team's audits at a glance.

Built from a few aggregate queries for every team at once (`bot.storage.reports.digests`), then rendered as
replies by `bot.digests.render`. Staff appear by their teams.yaml label. The actions done in the week are named by
case in the managers' own digest (fix 37); in a team channel's post only counted in cases, unless the
`case_references_in_channels` setting says otherwise (fix 41).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from bot.core import agreement as agreement_figures
from bot.core import reaudits
from bot.core.grade_verdict import Graded, grade_verdict
from bot.core.reaudit_outcomes import Tally
from bot.core.services import Services
from bot.core.team_owners import open_and_overdue
from bot.digests.team_auditors import AuditorFigures, TeamFigure, team_auditors, team_figure, team_totals
from bot.errors import UserError
from bot.storage.reports import digests as store
from knowledge.checklist_schema import GRADES, Checklist, Question

TREND_WEEKS = 12
COMPARE_WEEKS = agreement_figures.WEEKS_BEFORE  # the grades compare the audits the agreement counts
WEAK_QUESTIONS = 3
# A change in a grade's share is shown only when this week and the previous COMPARE_WEEKS weeks each rest on at
# least this many graded audits. Below it one audit moves a share by 20 points or more (1 of 2 is 50%, 2 of 2 is
# 100%), so "+44 pts" from two audits reads as a trend when it is chance; the counts are shown instead.
MIN_AUDITS_TO_COMPARE = 5
# A question is a theme ("most often answered badly") only when it was answered badly in at least this many
# audits: once is one case, which the audit itself already deals with, not a pattern across the team's work.
MIN_AUDITS_FOR_THEME = 2
NO_FIGURE = TeamFigure(0, 0)
DONE_NAMED = 5  # actions done in the week named in the digest, with their notes; the rest counted ("and 2 more")


@dataclass(frozen=True)
class WeakQuestion:
    """A question most often answered badly, as every theme list names it (trial 59 F15: a choice question alone,
    "What is the outcome so far?", meant nothing without its checklist and the answer that counted as bad)."""

    question_id: str
    text: str
    guidance: str
    audits: int
    checklist: str = ""  # the checklist's title
    answered: str = ""  # the answers that count as bad, in words: “No”, “Drifting without a decision”
    place: int = 0  # the question's place in its checklist, for the one order of ties
    tied_out: int = 0  # on the last one listed: how many more at the same count the list leaves out


@dataclass(frozen=True)
class GradeShare:
    """One grade this week beside the previous weeks: the counts each share rests on, and the change in points
    only when both periods have at least MIN_AUDITS_TO_COMPARE graded audits (else None: too few to compare)."""

    grade: str
    week: int
    graded_week: int
    previous: int
    graded_previous: int

    @property
    def change_points(self) -> float | None:
        if not comparable(self.graded_week, self.graded_previous):
            return None
        return 100.0 * (self.week / self.graded_week - self.previous / self.graded_previous)


def comparable(graded_week: int, graded_previous: int) -> bool:
    """Whether a change in share between the two periods is worth showing (see MIN_AUDITS_TO_COMPARE)."""
    return min(graded_week, graded_previous) >= MIN_AUDITS_TO_COMPARE


@dataclass(frozen=True)
class TeamDigest:
    """One team's week, with the month to date and the twelve weeks before it."""

    team_id: str
    team_name: str
    week: str
    week_start: date
    auditors: tuple[AuditorFigures, ...]
    grades_week: dict[str, int]
    grades_previous: dict[str, int]
    weak_questions: tuple[WeakQuestion, ...]
    overdue_actions: int
    moderation_agreed: int
    moderation_decided: int
    trend: tuple[tuple[str, dict[str, int]], ...]
    demo_week: int = 0  # of completed_week, how many are invented demo audits (`audit-bot demo-data`)
    moderated_week: int = 0  # of the week's audits, how many are counted at a moderator's grade
    regraded_week: int = 0  # of those, how many the moderator graded differently from the auditor
    counted_to: date | None = None  # today, when the week is not over yet ("so far"); None for a complete week
    reaudits_due_soon: int = 0  # cases due for re-audit within bot.core.reaudits.DUE_SOON of the digest's day
    reaudits_overdue: int = 0  # cases whose re-audit is overdue on that day
    month_ended: bool = False  # the month figure's month was over by the day the digest was made: counted whole
    # the re-audits completed in the week, how each moved the case's grade (like with like), and how many of the
    # improved rest on the auditor's grade, not yet moderated (fix74b B3)
    reaudits_done: Tally = field(default_factory=Tally)
    open_actions: int = 0  # actions open as at the overdue figure's time (the overdue ones among them)
    actions_done_week: int = 0  # actions marked done in the week
    done_named: tuple[store.DoneAction, ...] = ()  # the first DONE_NAMED of them, with their done notes (fix 37)
    cases_done_week: int = 0  # the cases those actions are on: a team channel's post counts them (fix 41)
    moderation_since: int = 0  # moderated audits submitted after the week (bot.core.agreement decided_since)
    cases_week: int = 0  # audits of the team's own cases completed in the week, whoever audited them
    cases_month: int = 0  # and in the month figure's span
    figure: TeamFigure = NO_FIGURE  # its auditors' week and month against its target, and others' apart
    moderated_down: int = 0  # of moderation_decided, not agreed and graded lower by the moderator (trial 62 F2)
    moderated_up: int = 0  # and graded higher

    @property
    def so_far(self) -> bool:
        return self.counted_to is not None

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)

    @property
    def completed_week(self) -> int:
        """Audits its auditors (members holding a target) completed in the week, each their all, as the month's
        figure against the target counts (bot.digests.team_auditors team_figure)."""
        return self.figure.week

    @property
    def previous_weeks(self) -> tuple[date, date]:
        """The first and last day of the COMPARE_WEEKS weeks before this one, which the grades compare with."""
        return self.week_start - timedelta(weeks=COMPARE_WEEKS), self.week_start - timedelta(days=1)

    @property
    def month_so_far(self) -> str:
        """The month the counts run over, said plainly: "in November (to 29 November)", or "in November (month
        ended)" once it is over. The digest is about a past week, so "this month" would read as the month it is
        read in."""
        return month_so_far(month_figure_day(self.week_start, self.counted_to), day_over=self.counted_to is None,
                            ended=self.month_ended)

    @property
    def completed_month(self) -> int:
        """Its auditors' audits in the month figure's span: what the team's target is for (trial 35 H2)."""
        return self.figure.month

    @property
    def target_month(self) -> int:
        return sum(a.target for a in self.auditors)

    @property
    def agreement_rate(self) -> float | None:
        return self.moderation_agreed / self.moderation_decided if self.moderation_decided else None

    @property
    def graded_week(self) -> int:
        return sum(self.grades_week.get(g, 0) for g in GRADES)

    @property
    def graded_previous(self) -> int:
        return sum(self.grades_previous.get(g, 0) for g in GRADES)

    @property
    def good_or_better_count(self) -> int:
        return self.grades_week.get("outstanding", 0) + self.grades_week.get("good", 0)

    @property
    def good_or_better_week(self) -> float | None:
        graded = self.graded_week
        return self.good_or_better_count / graded if graded else None

    @property
    def grade_shares(self) -> tuple[GradeShare, ...]:
        """Each grade this week against the previous COMPARE_WEEKS weeks, with the counts behind each share."""
        return tuple(GradeShare(g, self.grades_week.get(g, 0), self.graded_week, self.grades_previous.get(g, 0),
                                self.graded_previous) for g in GRADES)


def month_so_far(week_end: date, day_over: bool = True, ended: bool = False) -> str:
    """'in November (to 29 November)', or 'in November' when the week ends on the month's last day and that day is
    over (`day_over` is False for today, in a week not over yet: '(to 30 November)' still); 'in November (month
    ended)' when the digest was made after the month was over, so counted to its last day (see `month_span`)."""
    if ended:
        return f"in {week_end:%B} (month ended)"
    whole = day_over and (week_end + timedelta(days=1)).month != week_end.month
    return f"in {week_end:%B}" if whole else f"in {week_end:%B} (to {week_end.day} {week_end:%B})"


def month_figure_day(monday: date, so_far: date | None) -> date:
    """The last day a week's month figure counts (before `month_span` takes a month that is over whole). In a week
    under way, today: the month it is read in, as Home counts it. For a complete week, its last day, but never past
    the month the week began in: a week that runs into the next month reports the month it began in, so a month's
    last days (28 to 31 December, in the week to 3 January) count in a digest's month figure, and the new month's
    first days in the next week's, which counts from the 1st."""
    if so_far is not None:
        return so_far
    first_of_next = date(monday.year + monday.month // 12, monday.month % 12 + 1, 1)
    return min(monday + timedelta(days=6), first_of_next - timedelta(days=1))


def spilled_days(monday: date, so_far: date | None) -> tuple[date, date] | None:
    """The days of a complete week that fall in the next month (1 to 4 July, in the week of 28 June), which its month
    figure leaves to the next week's: said beside it, or "1 this week · 0 in June" reads as a contradiction (trial 15
    F4). None in a week under way, or one inside a month."""
    last = month_figure_day(monday, so_far)
    week_end = monday + timedelta(days=6)
    return (last + timedelta(days=1), week_end) if so_far is None and last < week_end else None


def month_span(last_day: date, today: date) -> tuple[date, date | None]:
    """The month a digest's month figure counts: from the 1st of `last_day`'s month (the week's last day, or today
    in a week under way), and its end (exclusive) when that month was over by `today`, else None (counted to the
    week's end). A digest read on 3 December about the week to 29 November reports November whole, as ended: its
    shortfall is final ("missed by 2"), and "2 to go" for a month that is over would read as this month's."""
    first = last_day.replace(day=1)
    if first >= today.replace(day=1):
        return first, None
    return first, date(first.year + first.month // 12, first.month % 12 + 1, 1)


def counted_to(monday: date, today: date) -> date | None:
    """`today` when the week starting `monday` is under way (its figures are "so far"), else None."""
    return today if monday <= today < monday + timedelta(days=7) else None


@dataclass(frozen=True)
class ServiceDigest:
    """Every team side by side, for senior leaders."""

    week: str
    week_start: date
    teams: tuple[TeamDigest, ...]
    weak_questions: tuple[WeakQuestion, ...] = ()  # across every team, by the teams' rule (build_service_digest)
    counted_to: date | None = None  # today, when the week is not over yet
    month_ended: bool = False  # as TeamDigest.month_ended
    label: str = "Whole service"  # "Your teams" when a manager of several teams sees theirs side by side
    figure: TeamFigure = NO_FIGURE  # the teams' together, each auditor once (teams_figure)

    @property
    def month_so_far(self) -> str:
        return month_so_far(month_figure_day(self.week_start, self.counted_to), day_over=self.counted_to is None,
                            ended=self.month_ended)


def parse_week(text: str) -> date:
    """`2026-W47` -> the Monday of that ISO week; a UserError says what to type otherwise."""
    try:
        year_text, week_text = text.strip().upper().split("-W")
        return date.fromisocalendar(int(year_text), int(week_text), 1)
    except ValueError:
        raise UserError(f"I could not read the week {text!r}. Write it as an ISO week like 2026-W47.") from None


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def started_week(text: str, today: date) -> date:
    """`2026-W47` -> its Monday, for a week that has started: a week after this one has nothing to count yet, so
    it is refused with the latest week that can be asked for (this week, so far)."""
    monday = parse_week(text)
    this_week = today - timedelta(days=today.weekday())
    if monday > this_week:
        raise UserError(f"Week {week_label(monday)} starts on {monday:%A} {monday.day} {monday:%B %Y}, after today "
                        f"({today.day} {today:%B %Y}), so there is nothing to count yet. The latest week you can ask "
                        f"for is {week_label(this_week)}, this week so far.")
    return monday


def _local(day: date, services: Services) -> datetime:
    return datetime.combine(day, time(0), tzinfo=services.settings.timezone)


def question_lookup(services: Services, checklist_ids: Sequence[str]) -> dict[tuple[str, str], WeakQuestion]:
    """(checklist, question) -> the question as a theme names it: its words, what good looks like, its checklist's
    title, the answers that count as bad and its place, counted 0 times."""
    lookup = {}
    for checklist_id, content in store.latest_checklists(services.storage, checklist_ids).items():
        checklist = Checklist.from_content(content)
        for place, question in enumerate(checklist.questions(), 1):
            lookup[(checklist_id, question.id)] = WeakQuestion(question.id, question.text, question.guidance or "",
                                                               0, checklist.title, bad_answers(question), place)
    return lookup


def bad_answers(question: Question) -> str:
    """The answers that count as answered badly, quoted: “No”, or “Requires improvement” or “Inadequate”."""
    return " or ".join(f"“{question.answer_label(value)}”" for value in question.flag_if)


# Answers that are a judgement of practice; a number, a date or a text is a fact about the case ("How many times has
# this child been on a plan before this one?"), flagged for a second look in its audit but no theme of practice
# (trial 50: a history count was a service's only theme).
PRACTICE_TYPES = frozenset({"yes_no", "scale", "choice"})


def flagged_practice(services: Services, start: datetime, end: datetime,
                     team_ids: Sequence[str] | None) -> dict[str, list[tuple[str, str, int]]]:
    """team -> [(checklist, question, cases)] answered badly in [start, end), each case by its latest audit, of the
    questions that judge practice only: what every theme list (digest, Home, `themes`, `compare`) counts."""
    flagged = store.flagged_question_counts(services.storage, start, end, team_ids)
    checklists = store.latest_checklists(services.storage, sorted({c for rows in flagged.values() for c, _, _ in rows}))
    types = {(checklist_id, question["id"]): question.get("type", "yes_no")
             for checklist_id, content in checklists.items()
             for section in content.get("sections", []) for question in section.get("questions", [])}
    practice = {team: [row for row in rows if types.get(row[:2], "yes_no") in PRACTICE_TYPES]
                for team, rows in flagged.items()}
    return {team: rows for team, rows in practice.items() if rows}


def weak_questions(services: Services, rows: Sequence[tuple[str, str, int]]) -> tuple[WeakQuestion, ...]:
    """The themes among (checklist, question, audits) rows of one team or several summed: at most WEAK_QUESTIONS,
    each answered badly in at least MIN_AUDITS_FOR_THEME audits. The one order for every list (digest, period
    digest, `themes`, Home; trial 59 F7: two lists cut a tie differently): most audits first, then by checklist and
    the question's place in it, then its words; when the cut falls inside a tie, the last one listed counts the rest."""
    summed: dict[tuple[str, str], int] = {}
    for checklist, question, n in rows:
        summed[(checklist, question)] = summed.get((checklist, question), 0) + n
    lookup = question_lookup(services, sorted({c for (c, _), n in summed.items() if n >= MIN_AUDITS_FOR_THEME}))
    themes = sorted((replace(lookup.get(key, WeakQuestion(key[1], key[1], "", 0)), audits=n)
                     for key, n in summed.items() if n >= MIN_AUDITS_FOR_THEME),
                    key=lambda q: (-q.audits, q.checklist, q.place, q.text))
    shown = themes[:WEAK_QUESTIONS]
    tied = sum(1 for question in themes[WEAK_QUESTIONS:] if question.audits == shown[-1].audits) if shown else 0
    return tuple(shown[:-1]) + tuple(replace(question, tied_out=tied) for question in shown[-1:])


def reaudits_done(services: Services, start: datetime, end: datetime, team_ids: Sequence[str]) -> dict[str, Tally]:
    """team -> how the re-audits completed in [start, end) moved the case's grade, by `/audit compare`'s rule, so a
    leader reading the digest learns what the re-audits found (trial 15 F4), the same as comparing them would; and
    how many of the improved rest on the auditor's grade, not yet moderated, as `/audit reaudits outcomes` counts
    them (bot.core.reaudit_outcomes; fix74b B3: the digest said "3 improved" of 3 re-audits nobody had moderated)."""
    found: dict[str, Tally] = {}
    for team, rows in store.reaudit_grades(services.storage, start, end, team_ids).items():
        tally = Tally()
        for audit_id, *grades in rows:
            change = grade_verdict(Graded(*grades[:2]), Graded(*grades[2:])).change
            tally = tally.counted(change, audit_id, moderated=grades[3] is not None)
        found[team] = tally
    return found


def summed_grades(weeks: Sequence[dict[str, int]]) -> dict[str, int]:
    """Grade counts over several weeks: the previous weeks a week's grades are compared with."""
    total: dict[str, int] = {}
    for week in weeks:
        for grade, n in week.items():
            total[grade] = total.get(grade, 0) + n
    return total


def build_team_digests(services: Services, monday: date, team_ids: Sequence[str] | None = None) -> list[TeamDigest]:
    """Digests for the week starting `monday`, for the given teams (default: every team in teams.yaml)."""
    directory = services.directory
    teams = [directory.teams[t] for t in (team_ids if team_ids is not None else directory.teams)]
    ids = [t.id for t in teams]
    storage = services.storage
    week_start, week_end = _local(monday, services), _local(monday + timedelta(days=7), services)
    today = services.local_now().date()
    so_far = counted_to(monday, today)
    month_over = month_span(month_figure_day(monday, so_far), today)[1]
    # Overdue as at the week's end, or as at now for a week under way (an action due on Friday is not overdue on
    # the Wednesday before).
    overdue_at, overdue_day = ((services.clock(), so_far) if so_far else (week_end, monday + timedelta(days=7)))
    boundaries = [_local(monday - timedelta(weeks=TREND_WEEKS - 1 - i), services) for i in range(TREND_WEEKS + 1)]
    window_start = _local(monday - timedelta(weeks=COMPARE_WEEKS - 1), services)

    trend = store.grade_counts_by_week(storage, boundaries, ids)
    counts = store.auditor_counts(storage, *_spans(services, monday), None)  # a member's of any team's cases
    flagged = flagged_practice(services, window_start, week_end, ids)
    # the team's actions by their owners' team now, as Home and `actions team` count them (trial 58 F8): teams.yaml
    # keeps no history, and a past week's figure by the audits' team would not be "the team at the time" either
    opened = {t: open_and_overdue(services, t, overdue_at, overdue_day) for t in ids}
    done_week = store.open_and_done_action_counts(storage, overdue_at, (week_start, week_end), ids)
    done = store.done_actions(storage, (week_start, week_end), ids, DONE_NAMED)
    done_cases = store.done_case_counts(storage, (week_start, week_end), ids)
    # Over the grades' audits; for a week under way, the last complete week's (bot.core.agreement.counted_week).
    agreed_week = agreement_figures.counted_week(monday, so_far)
    agreement = agreement_figures.by_team(services, agreed_week, ids)
    since, moved = (agreement_figures.decided_since(services, agreed_week, ids),
                    agreement_figures.direction_by_team(services, agreed_week, ids))  # down and up (trial 62 F2)
    demo = store.demo_counts(storage, week_start, week_end, ids)
    moderated = store.moderated_counts(storage, week_start, week_end, ids)
    redone = reaudits_done(services, week_start, week_end, ids)
    due = reaudits.counts_by_team(reaudits.reaudits(storage, services.settings.reaudit, services.settings.timezone,
                                                    teams=ids, before=overdue_at), overdue_day)
    week_labels = [f"{(monday - timedelta(weeks=TREND_WEEKS - 1 - i)).isocalendar()[1]:02d}"
                   for i in range(TREND_WEEKS)]

    digests = []
    for team in teams:
        auditors = team_auditors(directory, team, counts)
        cases_week, cases_month = team_totals(counts, team.id)
        weeks = trend.get(team.id, [{} for _ in range(TREND_WEEKS)])
        previous = summed_grades(weeks[-1 - COMPARE_WEEKS:-1])
        weak = weak_questions(services, flagged.get(team.id, []))
        agreed, decided = agreement.get(team.id, (0, 0))
        digests.append(TeamDigest(
            team_id=team.id, team_name=team.name, week=week_label(monday), week_start=monday, auditors=auditors,
            grades_week=dict(weeks[-1]), grades_previous=previous, weak_questions=weak,
            overdue_actions=opened[team.id][1], moderation_agreed=agreed, moderation_decided=decided,
            trend=tuple(zip(week_labels, weeks, strict=True)), demo_week=demo.get(team.id, 0),
            moderated_week=moderated.get(team.id, (0, 0))[0], regraded_week=moderated.get(team.id, (0, 0))[1],
            counted_to=so_far, reaudits_due_soon=due.get(team.id, (0, 0))[0],
            reaudits_overdue=due.get(team.id, (0, 0))[1], month_ended=month_over is not None,
            reaudits_done=redone.get(team.id, Tally()), open_actions=opened[team.id][0],
            actions_done_week=done_week.get(team.id, (0, 0))[1], done_named=tuple(done.get(team.id, ())),
            cases_done_week=done_cases.get(team.id, 0), moderation_since=since.get(team.id, 0),
            moderated_down=moved.get(team.id, (0, 0))[0], moderated_up=moved.get(team.id, (0, 0))[1],
            cases_week=cases_week, cases_month=cases_month, figure=team_figure([team], counts, directory)))
    return digests


def _spans(services: Services, monday: date) -> tuple[tuple[datetime, datetime], tuple[datetime, datetime]]:
    """The week's days and its month figure's, as the digest counts them (see `month_span`)."""
    week_end = _local(monday + timedelta(days=7), services)
    month_first, month_over = month_span(month_figure_day(monday, counted_to(monday, services.local_now().date())),
                                         services.local_now().date())
    month = (_local(month_first, services), _local(month_over, services) if month_over else week_end)
    return (_local(monday, services), week_end), month


def teams_figure(services: Services, monday: date, team_ids: Sequence[str]) -> TeamFigure:
    """These teams' figure together for the week starting `monday` and its month: each auditor's all once, though
    they be in two teams, and others' audits of the teams' cases apart (bot.digests.team_auditors team_figure)."""
    counts = store.auditor_counts(services.storage, *_spans(services, monday), None)
    return team_figure([services.directory.teams[t] for t in team_ids], counts, services.directory)


def build_service_digest(services: Services, monday: date, team_ids: list[str] | None = None,
                         label: str = "Whole service") -> ServiceDigest:
    """Every team's digest for the week starting `monday` (or those of `team_ids`: a manager of several teams sees
    theirs side by side, trial 22), and their own themes: the questions most often answered badly across them over
    the last COMPARE_WEEKS weeks, by the same rule as a team's."""
    teams = build_team_digests(services, monday, team_ids)
    window_start = _local(monday - timedelta(weeks=COMPARE_WEEKS - 1), services)
    week_end = _local(monday + timedelta(days=7), services)
    flagged = flagged_practice(services, window_start, week_end, [t.team_id for t in teams])
    today = services.local_now().date()
    so_far = counted_to(monday, today)
    return ServiceDigest(week=week_label(monday), week_start=monday, teams=tuple(teams),
                         weak_questions=weak_questions(services, [r for rows in flagged.values() for r in rows]),
                         counted_to=so_far,
                         month_ended=month_span(month_figure_day(monday, so_far), today)[1] is not None,
                         label=label, figure=teams_figure(services, monday, [t.team_id for t in teams]))
