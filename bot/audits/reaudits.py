"""Re-audits due, as people see them: `/audit reaudits` (and `reaudits` typed), the Home tab's "Re-audits due" and
the line the "audited before" heads-up adds when someone starts the re-audit.

When a case is due is bot.core.reaudits'; who may see it is bot.core.policy's, by the same rules as `/audit list`
(the teams a person may read, their own audits and cases, then `may_view` on the audit that asks for the re-audit).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from bot.audits import reaudit_outcomes
from bot.audits.core import audited_by, grade_of_record_text, not_in_channel
from bot.audits.reaudit_scope import rule_text, scope_and_team
from bot.core import policy
from bot.core.periods import TYPED as PERIOD_TYPED
from bot.core.reaudits import DUE_SOON, Reaudit, due_for_case, reaudits
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.core.teams import noted
from bot.engine import pages
from bot.engine.near_miss import TEAM, paged
from bot.engine.routing import Engine, Turn
from bot.settings.people import Person, Role
from bot.storage import readback as readback_store
from bot.storage.audits import AuditRow
from knowledge.dates import long_date

SHOWN = 10  # lines a page of `/audit reaudits`, each with View
HOME_SHOWN = 3
# "reaudits", "my re-audits due", "show me overdue reaudits for south", "which reaudits are overdue", "what re-audits
# are due in north?": the list, for the team named (trial 23: "show me overdue reaudits for south" got a confident
# knowledge-base answer about homeless teenagers, and "which reaudits are overdue" the article on the rule).
# "any reaudits due for my lot" (trial 41: the guidance entry), "are there any re-audits overdue in my team": the
# reader's teams' (their own, for a practitioner).
REAUDIT_WORDS = re.compile(
    r"^\s*(?:(?:show|list|see|give|get)(?:\s+me)?\s+|(?:which|what|any|are\s+there\s+(?:any\s+)?)\s*)?"
    r"(?:the\s+|all\s+)?(?P<mine>my\s+)?"
    r"(?:(?:overdue|due|late|outstanding)\s+)?re-?audits?(?:\s+(?:are|is))?(?:\s+(?:due|overdue|late|outstanding))?"
    r"(?:\s+(?:for|in|of|on)\s+(?:(?P<ours>(?:my|our)\s+(?:lot|team|teams|people|staff|workers|cases|caseload))|"
    r"(?:the\s+)?(?P<team>[\w&'-]{2,40}(?:\s+[\w&'-]{2,40})??)(?:\s+team)?))?"
    r"(?:\s+(?:this|next)\s+(?:week|month))?\s*[.!?]?\s*$", re.IGNORECASE)
LEADERS = (Role.MANAGER, Role.QA_LEAD, Role.ADMIN)
START = "reaudit.start"  # *Start re-audit*, its value the case reference (bot.audits.reaudit_start)


def _scope(services: Services, person: Person, words: list[str]) -> tuple[str, dict[str, Any]]:
    """(whose, filter) for `/audit reaudits [mine|team [team id]]`: the teams `/audit list` would read
    (policy.readable_teams), plus the person's own audits and cases."""
    return scope_and_team(services, person, words)[:2]


def visible(services: Services, person: Person, scope: dict[str, Any]) -> list[Reaudit]:
    """The re-audits due in `scope` whose audit this person may read (the policy has the last word), overdue
    first."""
    settings = services.settings
    due = reaudits(services.storage, settings.reaudit, settings.timezone, **scope)
    moderators = readback_store.moderators_of(services.storage, [item.audit.id for item in due])
    return [item for item in due
            if policy.may_view(services.directory, person, item.audit, moderators.get(item.audit.id, set()))]


def state_text(item: Reaudit, today: date) -> str:
    """'**overdue** (due by …)' or 'due by …', and whether a re-audit has been started."""
    when = (f"**overdue** (due by {long_date(item.due)})" if item.overdue(today)
            else f"due by {long_date(item.due)}")
    return when + (f", re-audit under way (#{item.under_way})" if item.under_way else "")


def line(services: Services, item: Reaudit, today: date, person: Person | None = None) -> str:
    """One re-audit due; for `person`, who audited the case but may not re-audit it (another team's case, audited
    through a campaign), whose it is to do."""
    audit = item.audit
    said = (f"• {audit.case_ref}: {state_text(item, today)} · last audit #{audit.id}, {grade_of_record_text(audit)}, "
            f"by {services.directory.label(audit.auditor_id)}")
    if person is None or person.user_id == audit.worker_id or policy.may_reaudit(services.directory, person, audit):
        return said
    return f"{said} · {whose_to_do(services, audit)}"


def whose_to_do(services: Services, audit: AuditRow) -> str:
    """"North Assessment Team's case: its re-audit is for its manager (Team manager (North)), a QA lead or an
    admin": a re-audit is an audit started by hand, so it names whom the start of an audit names (audited_by)."""
    team = services.directory.teams.get(audit.team_id or "")
    return f"{team.name if team else 'another team'}'s case: its re-audit is for {audited_by(services, audit.team_id)}"


def summary(items: list[Reaudit], today: date) -> str:
    """'4 cases: 1 overdue, 2 due in the next 2 weeks, 1 under way'."""
    overdue = sum(item.overdue(today) for item in items)
    soon = sum(item.due_soon(today) for item in items)
    under_way = sum(item.under_way is not None for item in items)
    return (f"{count_of(len(items), 'case')}: {overdue} overdue, {soon} due in the next 2 weeks, "
            f"{under_way} under way")


def home_summary(items: list[Reaudit], today: date) -> str:
    """The Home's first line: the re-audits to act on now, then every case due, named as such: '18 cases overdue or
    due in the next 2 weeks (10 overdue, 8 due by Sat 19 Dec); 68 cases due for re-audit in all, counting those due
    later'. Trial 40 read "Re-audits due: 68 cases" as 68 to do now when 18 were."""
    overdue = sum(item.overdue(today) for item in items)
    soon = sum(item.due_soon(today) for item in items)
    under_way = sum(item.under_way is not None for item in items)
    last = today + DUE_SOON - timedelta(days=1)
    return (f"{count_of(overdue + soon, 'case')} overdue or due in the next 2 weeks ({overdue} overdue, {soon} due "
            f"by {last:%a} {last.day} {last:%b}); {count_of(len(items), 'case')} due for re-audit in all, counting "
            f"those due later" + (f"; {under_way} under way" if under_way else ""))


def list_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit reaudits [mine|team [team id]] [page N]`: case, last audit, grade of record, due date, overdue or
    under way, and the auditor; overdue first, so the list is the order to work in. `outcomes` first is what the
    re-audits found (bot.audits.reaudit_outcomes: one reply, so `page N` after it is refused with the usage)."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    if args.split()[:1] and args.split()[0].lower() == "outcomes":
        return reaudit_outcomes.outcomes_command(services, turn, args.split()[1:])
    words, page = pages.page_of(args.split())
    whose, scope, team = scope_and_team(services, turn.person, words)
    return noted(team, _listing(services, turn, words, page, whose, scope))


def _listing(services: Services, turn: Turn, words: list[str], page: int, whose: str,
             scope: dict[str, Any]) -> list[Reply]:
    items = visible(services, turn.person, scope)
    today = turn.now.astimezone(services.settings.timezone).date()
    if not items:
        return [Reply(text=f"No re-audits due in {whose}. {rule_text(services)}")]
    shown = items[(page - 1) * SHOWN:page * SHOWN]
    if not shown:
        raise pages.no_such_page(page, f"the re-audits due in {whose}", len(items), SHOWN, "reaudits", words)
    lines = [line(services, item, today, turn.person) for item in shown]
    if page * SHOWN < len(items):
        lines.append(f"_Due later: `/audit reaudits {' '.join([*words, 'page', str(page + 1)])}`._")
    return [Reply(text=f"**Re-audits due in {whose}** ({summary(items, today)}), overdue first"
                       + (f", page {page}" if page > 1 else "") + ":\n" + "\n".join(lines),
                  note=rule_text(services) + " Starting an audit of the case is the re-audit: **Start re-audit** (or "
                                             "`re-audit CR-123456`) starts it on the last audit's checklist.",
                  choices=tuple(choice for item in shown for choice in _choices(services, turn.person, item)))]


def _choices(services: Services, person: Person, item: Reaudit) -> tuple[Choice, ...]:
    """*View* the last audit, and *Start re-audit* where it is this person's to start and none is under way."""
    view = Choice(f"View #{item.audit.id}", "audit.view", str(item.audit.id))
    if item.under_way or person.user_id == item.audit.worker_id or \
            not policy.may_reaudit(services.directory, person, item.audit):
        return (view,)
    return view, Choice(f"Start re-audit {item.audit.case_ref}", START, item.audit.case_ref)


def home_section(services: Services, person: Person) -> list[Reply]:
    """The Home's "Re-audits due", for managers and leaders: the count and the first few, overdue first; only those
    the person may do (policy.may_reaudit), so Home never says a re-audit is due to someone who may not start it."""
    if person.role not in LEADERS:
        return []
    _, scope = _scope(services, person, [])
    items = [item for item in visible(services, person, scope)
             if policy.may_reaudit(services.directory, person, item.audit)]
    if not items:
        return []
    today = services.local_now().date()
    return [Reply(title="Re-audits due", text=f"{home_summary(items, today)}\n" + _home_lines(services, items, today),
                  note="`/audit reaudits` lists them all." if len(items) > HOME_SHOWN else None,
                  choices=tuple(choice for item in items[:HOME_SHOWN] for choice in _choices(services, person, item)
                                if choice.action == START))]


def _home_lines(services: Services, items: list[Reaudit], today: date) -> str:
    """The first few re-audits under the Home's count; one due after the next 2 weeks goes under "Due later", so
    the count heads only what is listed under it (trial 56 F13: "2 cases overdue or due in the next 2 weeks" over
    three, the third due in 16 days)."""
    shown = items[:HOME_SHOWN]
    now = [line(services, item, today) for item in shown if item.overdue(today) or item.due_soon(today)]
    later = [line(services, item, today) for item in shown if not (item.overdue(today) or item.due_soon(today))]
    return "\n".join([*now, *(["Due later:", *later] if later else [])])


def heads_up_line(services: Services, reference: str, today: date) -> str:
    """For the "audited before" heads-up as an audit of the case starts: that this is its re-audit, and by when it
    is due (or that it is overdue); empty when the case is not due for one."""
    settings = services.settings
    item = due_for_case(services.storage, settings.reaudit, settings.timezone, reference)
    if item is None:
        return ""
    graded = f"audit #{item.audit.id} was graded {grade_of_record_text(item.audit)}"
    if item.overdue(today):
        return f"This is the re-audit of {reference}, **overdue**: it was due by {long_date(item.due)} ({graded})."
    return f"This is the re-audit of {reference}, due by {long_date(item.due)} ({graded})."


def due_said(services: Services, reference: str, today: date) -> str:
    """"Its re-audit is **overdue**: due by … (audit #1 was graded Inadequate); `re-audit CR-1` starts it." for a
    reference typed on its own; empty when the case is not due for one."""
    said = _due_words(services, reference, today)
    return f"Its re-audit is {said}; `re-audit {reference}` starts it." if said else ""


def due_told(services: Services, reference: str, today: date) -> str:
    """"CR-1's re-audit is due by … (audit #1 was graded Inadequate); your manager or an auditor starts it." for the
    worker whose case it is, who may not start it (nobody audits their own case: trial 55 F4 offered `re-audit CR-1`
    to her and refused it); empty when the case is not due for one."""
    said = _due_words(services, reference, today)
    return (f"{reference}'s re-audit is {said}; your manager or an auditor starts it, as nobody audits their own "
            "case.") if said else ""


def _due_words(services: Services, reference: str, today: date) -> str:
    """"due by … (audit #1 was graded Inadequate)", or "**overdue**: it was due by …"; empty when not due."""
    item = due_for_case(services.storage, services.settings.reaudit, services.settings.timezone, reference)
    if item is None:
        return ""
    when = f"**overdue**: it was due by {long_date(item.due)}" if item.overdue(today) else \
        f"due by {long_date(item.due)}"
    return f"{when} (audit #{item.audit.id} was graded {grade_of_record_text(item.audit)})"


def install(engine: Engine, services: Services) -> None:
    """Register `/audit reaudits`, the typed `reaudits` and the Home's "Re-audits due"."""
    engine.add_command("reaudits", lambda turn, args: list_command(services, turn, args),
                       "re-audits due and overdue on the cases you can see; `outcomes`: whether re-audits showed "
                       "improvement",
                       usage="/audit reaudits [outcomes [this quarter | <month> | q3]] [mine|team [team id]] [page N]",
                       typed=paged(rf"(?:outcomes\s+)?(?:mine|team(?:\s+{TEAM})?)"
                                   rf"|outcomes(?:\s+{PERIOD_TYPED})?(?:\s+(?:mine|team(?:\s+{TEAM})?))?"))

    def on_text(turn: Turn, text: str) -> list[Reply] | None:
        asked = REAUDIT_WORDS.match(text)
        if asked is None:
            return None
        team = asked.group("team")
        if asked.group("ours"):
            return list_command(services, turn, "team" if turn.person.role in LEADERS else "mine")
        return list_command(services, turn, f"team {team}" if team else "mine" if asked.group("mine") else "")

    # After an audit or moderation waiting for typed text (an answer is that answer), before the knowledge base.
    engine.add_message_handler(on_text, priority=28)
    engine.add_home_section("reaudits", lambda person: home_section(services, person), priority=22)
