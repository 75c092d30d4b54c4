"""The App Home dashboard: your drafts, your actions, your month; your team's figures; for those who see every
team, the whole service's month, moderation backlog and open campaigns.

The knowledge base's health is the knowledge feature's own section (`bot.asking.admin.knowledge_home`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from bot.core import agreement as agreement_figures
from bot.core import more_time_said, policy
from bot.core.action_due import is_overdue, overdue_before
from bot.core.agreement import days_between, last_complete_week
from bot.core.cut_short import clip
from bot.core.left_behind import left_actions, orphaned_drafts
from bot.core.markup import audit_and_case
from bot.core.reaudit_outcomes import summed
from bot.core.released_draft import released_said
from bot.core.reopened import OUT_OF_MODERATION, reopened_on
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.core.targets import month_said, month_so_far
from bot.core.team_owners import open_and_overdue, team_action_owners
from bot.digests.digest import (
    COMPARE_WEEKS,
    MIN_AUDITS_FOR_THEME,
    TeamDigest,
    WeakQuestion,
    build_team_digests,
    teams_figure,
)
from bot.digests.digest_week import digest_week
from bot.digests.render import (
    against_target,
    agreement_said,
    count_share,
    moderated_said,
    reaudits_done_said,
    teams_behind,
    themes_rule,
    weak_question_named,
    weak_question_said,
)
from bot.engine.routing import Engine
from bot.oversight.undelivered import admin_home
from bot.settings.people import Person, Role
from bot.storage import actions as action_store
from bot.storage import asks as ask_store
from bot.storage import campaigns as campaign_store
from bot.storage import held_dms, known_people
from bot.storage.moderation import not_yet_moderated
from bot.storage.readback import awaiting_response
from bot.storage.reports.digests import count_demo_audits
from bot.storage.reports.home import drafts_of
from knowledge.dates import short_date

SHOWN = 5
PREVIEW = 60  # characters of an action's words in a Home line
QA_LIST_FOR = timedelta(days=30)  # how far back the QA leads' list goes (bot.asking.unanswered.UNANSWERED_DAYS)


def my_work(services: Services, person: Person) -> list[Reply]:
    """What the person should pick up next: drafts to resume, actions to close, and their month's count."""
    today = services.local_now().date()
    done, target = month_so_far(services, person.user_id, today)
    drafts_total, drafts = drafts_of(services.storage, person.user_id, SHOWN)
    open_actions = action_store.open_actions_of(services.storage, person.user_id)  # as `/audit actions` lists
    actions_total = len(open_actions)
    asked = more_time_said.notes_for(services, open_actions)  # "more time asked to …, waiting for …" (trial 34)
    actions = [(a.id, f"{clip(a.description, PREVIEW, one_line=True)} ({audit_and_case(a.audit_id, a.case_ref)})",
                date.fromisoformat(a.due_date), f" — {asked[a.id]}" if a.id in asked else "")
               for a in open_actions[:SHOWN]]
    lines = [month_said(done, target)] if target else []  # where a target applies: not "0 audits completed" (trial 48)
    choices: list[Choice] = []
    if drafts_total:
        latest = f" (latest {SHOWN} below)" if drafts_total > SHOWN else ""
        lines.append(f"**Audits in progress**: {drafts_total}{latest}")  # drafts, and audits reopened for changes
        for audit_id, title, updated, reopened, case_ref in drafts:
            local = updated.astimezone(services.settings.timezone)
            state = (f"{reopened_on(reopened.astimezone(services.settings.timezone).date())} and "
                     f"{OUT_OF_MODERATION}, " if reopened else "")
            case = f", case {case_ref}" if case_ref else ""  # which case (trial 41: the line did not say)
            if released := released_said(campaign_store.released_from(services.storage, audit_id)):
                case += f" ({released})"  # its campaign closed while it was a draft (fix63c)
            lines.append(f"   • {title} (#{audit_id}){case}, {state}last touched {short_date(local, year=False)}")
            choices.append(Choice(f"Resume audit {audit_id}", "audit.resume", str(audit_id)))
    if actions_total:
        more = f" (soonest {SHOWN} below)" if actions_total > SHOWN else ""
        overdue = sum(is_overdue(a.due_date, today) for a in open_actions)  # as her manager's Home counts
        lines.append(f"**Open actions**: {actions_total}" + (f", {overdue} overdue" if overdue else "") + more)
        for action_id, description, due, asked_note in actions:
            late = " — **overdue**" if is_overdue(due, today) else ""
            lines.append(f"   • {description} (due {short_date(due, year=False)}){late}{asked_note}")
            choices.append(Choice(f"Done: action {action_id}", "actions.done", str(action_id)))
        lines.extend(f"   • Action {a.id}, {clip(a.description, PREVIEW, one_line=True)} "
                     f"({audit_and_case(a.audit_id, a.case_ref)}): {asked[a.id]}"
                     for a in open_actions[SHOWN:] if a.id in asked)  # which one (trial 37)
        lines.extend(_newest_audit_lines(open_actions))
    questions = ask_store.waiting_with_qa_leads(services.storage, person.user_id, services.clock() - QA_LIST_FOR)
    if questions:  # the asker's questions still with the QA leads (trial 50 F8: "Nothing of yours is waiting")
        since = short_date(questions[0].astimezone(services.settings.timezone).date(), year=False)
        lines.append(f"{count_of(len(questions), 'question')} with the QA leads, waiting since {since}")
    if not drafts_total and not actions_total:  # only your own: a manager's team may have overdue actions (trial 28)
        waiting = questions or awaiting_response(services.storage, person.user_id) or more_time_said.waiting_for_you(
            services, person.user_id) or held_dms.waiting_for(  # trial 43: requests for more time waiting for her
            services.storage, person.user_id, services.clock())  # answer; trial 46: messages held for her (above)
        lines.append("No drafts or open actions of yours." if waiting else
                     "Nothing of yours is waiting: no drafts or open actions.")
    return [Reply(title="Your audits", text="\n".join(lines), choices=tuple(choices))]


def _newest_audit_lines(open_actions: list[action_store.ActionRow]) -> list[str]:
    """The open actions from the newest audit among them, when the soonest shown leave them out (trial 55 F17: the
    worker's Home showed five old overdue actions and nothing from the audit submitted that day)."""
    newest = max(a.audit_id for a in open_actions)
    left_out = [a for a in open_actions[SHOWN:] if a.audit_id == newest]
    return [f"   • From your newest audit (#{newest}): action {a.id}, {clip(a.description, PREVIEW, one_line=True)} "
            f"(due {short_date(date.fromisoformat(a.due_date), year=False)})" for a in left_out]


def team_figures(services: Services, person: Person) -> list[Reply]:
    """For managers: each team's last complete week and this month to date, in one line per measure. The month is
    today's (as "Your audits" and the service picture count it), not the last week's: on 3 December the week to
    29 November would report November, a month that is over, as "2 to go". The moderation agreement is last week's
    digest's (the `digest` a manager reads, and "Full digest" below), over the same days and said as those dates:
    counted to today, a trial's Home said "none moderated yet" on the Monday the digest said "0 of 1" (trial 13,
    F9)."""
    team_ids = services.directory.managed_team_ids(person.user_id)
    if not team_ids:
        return []
    today = services.local_now().date()
    monday = today - timedelta(days=today.weekday())
    so_far = {d.team_id: d for d in build_team_digests(services, monday, team_ids)}
    themes_this_week = digest_week(services, services.local_now()) == monday  # else the last complete week's
    replies = []
    for digest in build_team_digests(services, last_complete_week(today), team_ids):
        month = so_far[digest.team_id]
        # "2 of 4 (50%; 1 of the 4 moderated, the auditor's grade agreed)": the digest's words for the moderated
        moderated = moderated_said(digest) if digest.moderated_week else ""
        good = count_share(digest.good_or_better_count, digest.graded_week, moderated) if digest.graded_week else "–"
        fields: tuple[tuple[str, str], ...] = (
            ("Audits last week", _audits_said(digest)),
            ("This week so far", _week_so_far(month)),
            ("Month vs target", month_against_target(month.completed_month, month.target_month, month.month_so_far,
                                                     month.figure.others_month)),
            ("Good or better last week", good),
            ("Overdue actions now", str(_overdue_now(services, digest.team_id, today))),  # trial 20: not last week's
            ("Moderation agreement", agreement_said(digest)),
        )
        if digest.demo_week:
            fields += (("Demo audits last week", f"{digest.demo_week} of {digest.cases_week} of its cases"),)
        replies.append(Reply(title=f"{digest.team_name}", text=_most_often_weak(month if themes_this_week else digest),
                             fields=fields, choices=(Choice("Full digest", "digest.show", digest.team_id),)))
    return replies


def _overdue_now(services: Services, team_id: str, today: date) -> int:
    """The team's overdue actions now, as `/audit actions team overdue` lists them and the digest counts them
    (bot.core.team_owners.open_and_overdue): an action is its owner's team's, whose manager answers for it (trial 58
    F8: a worker moved to North and her old manager's Home still said "Overdue actions now: 8")."""
    return open_and_overdue(services, team_id, services.clock(), today)[1]


def _most_often_weak(week: TeamDigest) -> str:
    """The question most often answered badly over the 4 weeks a plain `digest` and `themes` list them for, said with
    its dates (trial 32: Home said "none" with no period; fix63c: Home counted the week so far and the 3 before it,
    so its top question was not the digest's)."""
    weak = _top_weak(week.weak_questions) if week.weak_questions else f"none in {MIN_AUDITS_FOR_THEME} or more audits"
    last = week.counted_to or week.week_start + timedelta(days=6)
    first = week.week_start - timedelta(weeks=COMPARE_WEEKS - 1)
    return (f"Most often answered badly in the {COMPARE_WEEKS} weeks to {last:%a} {short_date(last, year=False)}, "
            f"as the digest lists them (audits submitted {days_between(first, last)}, {themes_rule()}): {weak}")


def _top_weak(questions: Sequence[WeakQuestion]) -> str:
    """The top of the digest's ranking (bot.digests.digest.weak_questions), every question at its count: "2
    questions tie, each in 2 audits: …; …", with those the list leaves out counted (fix70a C: Home named one of a
    tie as if it stood alone, where the digest and `themes` list both)."""
    tied = [question for question in questions if question.audits == questions[0].audits]
    left_out = tied[-1].tied_out
    if len(tied) + left_out == 1:
        return weak_question_said(replace(tied[0], tied_out=0))
    more = f"; and {left_out} more at that count, not listed" if left_out else ""
    return (f"{len(tied) + left_out} questions tie, each in {tied[0].audits} audits: "
            f"{'; '.join(weak_question_named(question) for question in tied)}{more}")


def _week_so_far(week: TeamDigest) -> str:
    """The week under way, counted to today, with any Inadequate grade named (trial 19: on a Saturday the Home
    showed "Audits last week: 0" and nothing of the week's two audits, one of them Inadequate)."""
    inadequate = week.grades_week.get("inadequate", 0)
    return _audits_said(week) + (f" ({inadequate} Inadequate)" if inadequate else "")


def _audits_said(week: TeamDigest) -> str:
    """The week's audits by the team's auditors and, when they differ, the audits of its cases, which its grades
    are of (trial 58 F5: "This week so far: 0 (1 Inadequate)", the Inadequate audit being of its cases by someone
    its figure left out; trial 57 F21: "Audits last week: 3" beside "Good or better last week: 1 of 5")."""
    if week.cases_week == week.completed_week:
        return str(week.completed_week)
    return f"{week.completed_week} by its auditors; {count_of(week.cases_week, 'audit')} of its cases"


def month_against_target(done: int, target: int, month: str, others: int = 0,
                         whose: tuple[str, str] = ("its", "its")) -> str:
    """'11 in November (to 29 November); target 2, met': "11 of 2" read as a shortfall when the team was past it.
    With audits of the cases by people holding no target here (a QA lead, the head of service), every audit is
    counted and those said apart: '7 in December (to 6 December): 5 by its auditors (target 6, 1 to go), +2 of its
    cases by others, not counted against the target'. Home's service and team figures both say it so, with the
    digest's numbers (bot.digests.team_auditors team_figure); trial 40 read "5 in December" after 7 audits."""
    if not others:
        return f"{done} {month}; {against_target(done, target)}"
    return (f"{done + others} {month}: {done} by {whose[0]} auditors ({against_target(done, target)}), +{others} of "
            f"{whose[1]} cases by others, not counted against the target")


def _waiting_line(services: Services) -> str:
    """The service's moderation backlog: every audit submitted and not decided (as the reminders count it). Trial 23
    read 85 here and "showing 10 of 76" in `/audit moderate`: the difference is the reader's own, said so."""
    waiting = not_yet_moderated(services.storage)
    if not waiting:
        return "none"
    held = sum(1 for *_, moderator in waiting if moderator)
    oldest = waiting[0][1].astimezone(services.settings.timezone)
    opened = f" ({held} opened by a moderator, not decided yet)" if held else ""
    return (f"{len(waiting)} across the service{opened}; the oldest submitted {short_date(oldest, year=False)}. "
            "`/audit moderate` lists those you may moderate, never your own audits or cases, so its count may be "
            "lower")


def _campaigns_line(services: Services) -> str:
    """Open campaigns, each with how much is done and by when (their full progress follows on the Home)."""
    shown = []
    for campaign in [c for c in campaign_store.list_campaigns(services.storage) if c.is_open]:
        allocated = campaign_store.allocations(services.storage, campaign.id)
        done = sum(a.submitted for a in allocated)
        deadline = campaign.deadline
        shown.append(f"{campaign.name}: {done} of {len(allocated)} submitted, deadline {deadline:%a} "
                     f"{deadline.day} {deadline:%b}")
    return f"{len(shown)} ({'; '.join(shown)})" if shown else "none"


def _actions_line(services: Services, today: date) -> str:
    """The open and overdue actions of everyone in the teams, as `/audit actions team` lists them: overdue actions
    after audits are what a QA lead follows up, and the whole-service Home had no figure for them (trial 48)."""
    owners = team_action_owners(services, services.directory.teams)
    actions = action_store.open_actions_of_owners(services.storage, owners)
    if not actions:
        return "none"
    overdue = sum(1 for a in actions if is_overdue(a.due_date, today))
    listed = "`/audit actions team overdue` lists them" if overdue else "`/audit actions team` lists them"
    return f"{len(actions)} across the teams, {overdue} of them overdue; {listed}"


def service_picture(services: Services, person: Person) -> list[Reply]:
    """For those who see every team (admins, QA leads): the whole service at a glance, from the figures the
    digest and the moderation queue already count, so a head of service's Home is not just their own work."""
    if not policy.sees_every_team(person):
        return []
    today = services.local_now().date()
    digests = build_team_digests(services, today - timedelta(days=today.weekday()))  # this week: month to today
    total = teams_figure(services, today - timedelta(days=today.weekday()), [d.team_id for d in digests])
    done, target = total.month, total.target  # each auditor once, though in two teams
    month = digests[0].month_so_far if digests else f"in {today:%B}"
    by_team = " · ".join(f"{d.team_name} {d.completed_month}"
                         + (f" (+{d.figure.others_month} of its cases by others)" if d.figure.others_month else "")
                         for d in digests)
    behind = teams_behind(digests)  # trial 23: a total that met its target hid a team behind its own
    across = f"{month} across {count_of(len(digests), 'team')}"
    fields = (
        ("Audits this month", month_against_target(done, target, across, total.others_month, ("the teams'", "their"))
         + (f"; {behind}" if behind else "")),
        ("Re-audits done this week so far", reaudits_done_said(summed(d.reaudits_done for d in digests))),
        ("Moderation agreement", agreement_figures.of_last_week(services).said()),  # the digest's days
        ("Waiting for moderation", _waiting_line(services)),
        ("Open campaigns", _campaigns_line(services)),
        ("Open actions", _actions_line(services, today)),
    )
    return [Reply(title="Whole service", text=f"By team, {month}: {by_team or 'no teams'}", fields=fields,
                  choices=(Choice("Service digest", "digest.show", ""),))]


def demo_warning(services: Services, person: Person) -> list[Reply]:
    """When the database holds invented audits, say so above every figure, and how many."""
    del person
    demo = count_demo_audits(services.storage)
    if not demo:
        return []
    return [Reply(title="Demo data", text=f"This database holds {count_of(demo, 'invented demo audit')} "
                  "(from `audit-bot demo-data`); the figures below include them. "
                  "An admin can take them out with `audit-bot demo-data --remove`.")]


def left_behind(services: Services, person: Person) -> list[Reply]:
    """Drafts of people no longer in teams.yaml, for admins and QA leads (every team's) and the managers of the
    draft's team, who would otherwise never hear of them (trial 58, F7); and a leaver's open actions, for those who
    hand them over: the managers of the audits' teams (theirs alone) and admins (trial 62, F8)."""
    mine = None if policy.sees_every_team(person) else set(services.directory.managed_team_ids(person.user_id))
    if mine is not None and not mine:
        return []
    names = known_people.known_names(services.storage)
    lines = [line for team_id, line in orphaned_drafts(services.storage, services.directory, names)
             if mine is None or team_id in mine]
    if mine is not None or person.role is Role.ADMIN:
        today = services.clock().astimezone(services.settings.timezone).date()
        lines = left_actions(services.storage, services.directory, names, overdue_before(today).isoformat(),
                             None if mine is None else sorted(mine)) + lines
    return [Reply(title="Left by people who have gone", text="\n".join(f"• {line}" for line in lines))] if lines else []


def install(engine: Engine, services: Services) -> None:
    """Put the person's own work, then their teams' figures, at the top of the Home tab."""
    engine.add_home_section("demo_warning", lambda person: demo_warning(services, person), priority=5)
    engine.add_home_section("my_work", lambda person: my_work(services, person), priority=10)
    engine.add_home_section("left_behind", lambda person: left_behind(services, person), priority=12)
    engine.add_home_section("service_picture", lambda person: service_picture(services, person), priority=15)
    engine.add_home_section("team_figures", lambda person: team_figures(services, person), priority=20)
    engine.add_home_section("undelivered", lambda person: admin_home(services, person), priority=90)
