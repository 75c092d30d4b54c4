"""The campaign steps that read and write: create and allocate, start an allocated case, reassign or swap,
draw the moderation sample, build the report and close. Slack, the terminal chat, the CLI and the scheduler
all call these, so each rule lives once; who may do them is asked of bot.core.policy by the callers."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from bot.audits import start as audits_start
from bot.audits.checklist_preview import checklists_named
from bot.audits.checklist_words import near_checklists
from bot.audits.core import checklists, user_id_from
from bot.campaigns import allocate as allocation_rules
from bot.campaigns import closing, guidance, own_oversight, render, team_changes, team_fit
from bot.campaigns.casefile import parse_cases_csv
from bot.campaigns.model import (
    Allocation,
    Campaign,
    CampaignSpec,
    FieldError,
    check_spec,
    deadline_said,
    not_open_yet,
    parse_day,
    parse_deadline,
    parse_per_worker,
    parse_share,
    raise_all,
    read_checklist,
    words_errors,
)
from bot.campaigns.report import CampaignReport, build_report
from bot.campaigns.sample import Submitted, draw
from bot.core import agreement as agreement_figures
from bot.core import policy
from bot.core.action_due import overdue_before
from bot.core.markup import bold, mention
from bot.core.released_draft import released_said
from bot.core.replies import Choice, Reply, agreeing, count_of
from bot.core.services import Services
from bot.core.teams import readable_team
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.privacy.screen import check_case_reference, screen_text
from bot.settings.people import Role
from bot.storage import audits as audit_store
from bot.storage import campaigns as store
from bot.storage.common import parse_utc
from knowledge.dates import long_date, short_date

MAX_START_BUTTONS = 20
MAX_LISTED = 100  # allocations listed in one message
CASES_FIELD = "cases"  # the field a case list's mistakes are shown beside (the modal's pasted CSV)
SPEC_KEYS = ("name", "theme", "checklist", "teams", "start", "deadline", "per-worker", "auditors", "moderate")
# Each field a new campaign needs, with an example and what it is: a missing one is named once, on its own line (trial
# 17 found each of nine lines repeating the whole list). Cases per worker, or a case list instead, are check_spec's.
NEEDED = {
    "name": ("name=Neglect December", ""), "theme": ("theme=neglect", ""),
    "checklist": ("checklist=Neglect", " (its title or id)"),
    "teams": ("teams=north,south", " (comma-separated)"), "start": ("start=today", " (its first day)"),
    "deadline": ("deadline=next Friday", " (its last day)"),
    "auditors": ("auditors=managers", " (or peer: the managers of the campaign's other teams)"),
    "moderate": ("moderate=20", " (the share of submitted audits to moderate, 0 to 100)"),
}


# -- create ----------------------------------------------------------------------------------------------

def build_spec(services: Services, fields: Mapping[str, str], cases_csv: str | None = None) -> CampaignSpec:
    """A checked campaign from typed fields (Slack, the modal, the CLI); a FieldError naming every mistake at
    once, one a line (a pasted or filed case list is read once the rest is sound)."""
    per_worker = str(fields.get("per-worker") or "").strip()
    missing = [k for k in NEEDED if not str(fields.get(k) or "").strip()]
    errors: list[FieldError] = [FieldError(f"The campaign needs {key}=…, such as `{NEEDED[key][0]}`"
                                           f"{NEEDED[key][1]}.", key) for key in missing]
    teams, team_errors = read_teams(services, str(fields.get("teams") or ""))
    errors += team_errors
    if per_worker and cases_csv is not None:
        errors.append(FieldError("Give either how many cases per worker or a CSV of case references, not both: "
                                 "leave one of them out.", "per-worker"))
    today = services.local_now().date()
    skip = set(missing) | ({"teams"} if team_errors else set())

    def read(key: str, parse: Callable[[], Any], fallback: Any) -> Any:
        if key in skip:
            return fallback
        try:
            return parse()
        except FieldError as exc:
            errors.append(exc)
            skip.add(key)
            return fallback

    starts_on = read("start", lambda: parse_day(str(fields["start"]), "start date", today), today)
    deadline = read("deadline", lambda: parse_deadline(str(fields["deadline"]), today, starts_on), today)
    titles = {checklist_id: c.title for checklist_id, c in checklists(services).items()}
    checklist_id = read("checklist", lambda: read_checklist(
        titles, str(fields["checklist"]), lambda typed: _checklists_read(services, typed)), "")
    share = read("moderate", lambda: parse_share(str(fields["moderate"])), 0)
    count = read("per-worker", lambda: parse_per_worker(per_worker) if per_worker else None, 1)
    if any(e.field == "per-worker" for e in errors):
        skip.add("per-worker")
    spec = CampaignSpec(
        name=str(fields.get("name") or ""), theme=str(fields.get("theme") or ""),
        checklist_id=checklist_id, teams=teams, starts_on=starts_on,
        deadline=deadline, auditors=str(fields.get("auditors") or "").strip().lower(), moderation_share=share,
        per_worker=count)
    open_names = [c.name for c in store.list_campaigns(services.storage) if c.is_open]
    try:
        checked = check_spec(spec, set(checklists(services)), set(services.directory.teams),
                             services.identifier_screen, cases_to_follow=cases_csv is not None, today=today,
                             open_names=open_names, skip=frozenset(skip))
    except FieldError as exc:
        # the checks' own mistakes about fields already refused as missing are left out (one message each)
        errors += [e for e in getattr(exc, "each", (exc,)) if e.field not in missing]
        checked = None
    order = (*SPEC_KEYS, CASES_FIELD)
    raise_all(sorted(errors, key=lambda e: order.index(e.field) if e.field in order else len(order)))
    assert checked is not None
    return _with_cases(services, checked, cases_csv)


ALL_TEAMS = re.compile(r"^\s*(?:all|all\s+(?:the\s+)?teams|every\s+team|everyone|every\s+one)\s*$", re.IGNORECASE)


def read_teams(services: Services, typed: str) -> tuple[tuple[str, ...], list[FieldError]]:
    """The team ids of `teams=north,south`, each read as every command reads a team (bot.core.teams), and a
    mistake for each that names no team or more than one. `all` (`all teams`, `every team`) is every team in
    teams.yaml, in its order (trial 26: `teams=all` was refused)."""
    if ALL_TEAMS.match(typed):
        return tuple(services.directory.teams), []
    read: list[str] = []
    errors: list[FieldError] = []
    for part in (part for part in typed.split(",") if part.strip()):
        try:
            read.append(readable_team(services, None, part, "run a campaign").id)
        except UserError as exc:
            errors.append(FieldError(str(exc), "teams"))
    return tuple(read), errors


def _with_cases(services: Services, checked: CampaignSpec, cases_csv: str | None) -> CampaignSpec:
    """The checked campaign with its case list read (the file's or the form's), once the rest is sound."""
    if cases_csv is not None:
        try:
            cases = parse_cases_csv(cases_csv, services.settings.case_reference_pattern, services.identifier_screen,
                                    services.directory, checked.teams)
        except UserError as exc:  # the file's own words (with its line), shown beside the modal's case list
            raise FieldError(str(exc), CASES_FIELD) from None
        return CampaignSpec(**{**checked.__dict__, "cases": cases})
    if checked.per_worker is None:
        raise FieldError("Say how many cases per worker (per-worker=2, from 1 to 20), or give a CSV file of cases.",
                         "per-worker")
    return checked


def created_line(services: Services, spec: CampaignSpec, campaign_id: int, auditors: int) -> str:
    """What both ways of creating a campaign (`/audit campaign create`, `audit-bot campaign create`) say first:
    "Campaign 3 **Neglect December** is created for North Assessment Team: 2 auditors have their cases" (trial 20:
    the teams' ids read as codes); each adds where the auditors see them, then created_note."""
    teams = services.directory.teams
    named = ", ".join(teams[team_id].name if team_id in teams else team_id for team_id in spec.teams)
    return (f"Campaign {campaign_id} {bold(spec.name)} is created for {named}: "
            f"{count_of(auditors, 'auditor')} {agreeing(auditors, 'has', 'have')} their cases")


def created_note(services: Services, spec: CampaignSpec) -> str:
    """What was read, said back (dates may be typed as `next Friday`, a checklist as `voice`): the checklist
    and the window; and a start already past, which is allowed (the deadline is ahead), with what it means."""
    checklist = checklists(services).get(spec.checklist_id)
    title = f"{checklist.title} ({spec.checklist_id})" if checklist else spec.checklist_id
    said = (f" Checklist: {title}; it runs from {short_date(spec.starts_on)} to {short_date(spec.deadline)}.")
    if spec.starts_on < services.local_now().date():
        said += (f" It started on {short_date(spec.starts_on)}, before today: its cases can be started now and the "
                 "daily reminders chase them from today.")
    teams = services.directory.teams
    names = [(team_id, teams[team_id].name if team_id in teams else team_id) for team_id in spec.teams]
    return said + own_oversight.created_warning(services, spec) + team_fit.created_warning(checklist, names)


def check_allocation(services: Services, spec: CampaignSpec, organiser_id: str) -> None:
    """Whether the campaign's cases can be allocated (a UserError saying why not); nothing is stored."""
    allocation_rules.allocate(spec, services.directory, organiser_id)


def create(services: Services, organiser_id: str, spec: CampaignSpec, now: datetime) -> tuple[int, list[Reply]]:
    """Allocate and store the campaign; the replies are each auditor's DM with a Start button per case."""
    allotted = allocation_rules.allocate(spec, services.directory, organiser_id)
    rows = [(a.case.case_ref, a.case.worker_id, a.case.team_id, a.auditor_id) for a in allotted]
    campaign_id = store.create_campaign(services.storage, spec, organiser_id, rows, now)
    campaign = store.get_campaign(services.storage, campaign_id)
    assert campaign is not None
    return campaign_id, allocation_dms(services, campaign)


def allocation_dms(services: Services, campaign: Campaign) -> list[Reply]:
    """One DM per auditor listing their cases, each with a Start button, and how to start them later (trial 28: the
    DM did not say that `/audit campaign mine N` lists them again)."""
    by_auditor: dict[str, list[Allocation]] = {}
    for allocation in store.allocations(services.storage, campaign.id):
        by_auditor.setdefault(allocation.auditor_id, []).append(allocation)
    how = _how_to_start(campaign, services.local_now().date())
    return [replace_to(with_text(my_cases_reply(services, campaign, items), how), who)
            for who, items in by_auditor.items()]


def _how_to_start(campaign: Campaign, today: date) -> str:
    """How an auditor starts their cases, for the DM that tells them of a new campaign; nothing before its start
    date, whose note already says it (`_opening_note`)."""
    if not campaign.is_open or not_open_yet(campaign, today) is not None:
        return ""
    return (f"\nTo start one, press its **Start** button, or type `/audit campaign mine {campaign.id}` at any time to "
            "list your cases with their buttons; the daily reminders bring them too.")


def with_text(reply: Reply, more: str) -> Reply:
    """The same reply with `more` after its text."""
    from dataclasses import replace

    return replace(reply, text=reply.text + more) if more else reply


def replace_to(reply: Reply, user_id: str) -> Reply:
    """The same reply sent to another person's DM, as a notice."""
    from dataclasses import replace

    return replace(reply, to_user=user_id, kind="notice")


def case_label(services: Services, allocation: Allocation) -> str:
    """An allocation as people read it: number, case (or that the auditor chooses it, until their audit of one is
    started), worker, team. It is "allocation 5", never "#5": "#5" is audit 5 everywhere (`/audit show 5`, *View
    #5*), and a user trial found allocation 5 and audit 5 both shown as "#5" on one Home tab."""
    chosen = allocation.audit_case_ref if allocation.started else None
    reference = allocation.case_ref or chosen
    case = f"case {reference}" if reference else "a case the auditor chooses"
    return (f"allocation {allocation.id}, {case}, worker {services.directory.label(allocation.worker_id)} "
            f"({team_changes.team_now(services.directory, allocation)})")


def _state(allocation: Allocation) -> str:
    """'submitted as audit #12', 'started as audit #12' or 'to do': once started, the audit's own number, which
    `/audit show 12` and `/audit resume 12` take."""
    if allocation.audit_id and (allocation.submitted or allocation.started):
        return f"{'submitted' if allocation.submitted else 'started'} as audit #{allocation.audit_id}"
    return "submitted" if allocation.submitted else "started" if allocation.started else "to do"


def start_choice(allocation: Allocation) -> Choice:
    """*Start allocation 5*, or for one started *Resume #12*, by the audit's number as `/audit resume` lists it."""
    label = (f"Resume #{allocation.audit_id}" if allocation.started and allocation.audit_id
             else f"Start allocation {allocation.id}")
    return Choice(label, "campaign.start", str(allocation.id), "primary")


def my_cases_reply(services: Services, campaign: Campaign, items: list[Allocation]) -> Reply:
    """An auditor's cases in a campaign, with what is done and a Start button for each case still to do."""
    if not campaign.is_open:
        return _closed_cases_reply(services, campaign, items)
    title = checklists(services).get(campaign.checklist_id)
    today = services.local_now().date()
    waiting = not_open_yet(campaign, today) is not None
    lines: list[str] = []
    choices: list[Choice] = []
    for allocation in items:
        lines.append(f"• {case_label(services, allocation)}: {_state(allocation)}")
        if not allocation.submitted and len(choices) < MAX_START_BUTTONS and not waiting:
            choices.append(start_choice(allocation))
    heading = (f"{bold(campaign.name)} ({campaign.theme}): you audit {count_of(len(items), 'case')} against "
               f"{title.title if title else campaign.checklist_id}{_window(campaign, today)}.")
    return Reply(text=heading + "\n" + "\n".join(lines) + _opening_note(campaign, today), choices=tuple(choices))


def _window(campaign: Campaign, today: date) -> str:
    """" by **Friday 11 December 2026**", or with a start still to come " from **Monday 7 December 2026** to
    **Friday 18 December 2026**": a trial's auditors were given only the deadline, and started early."""
    deadline = bold(deadline_said(campaign.deadline, today))
    if not_open_yet(campaign, today) is None:
        return f" by {deadline}"
    return f" from {bold(long_date(campaign.starts_on))} to {deadline}"


def _opening_note(campaign: Campaign, today: date) -> str:
    """Before the start date, why there is no Start button yet and when there will be (a button that only refuses
    is the closed campaign's old mistake, trial 12)."""
    if not_open_yet(campaign, today) is None:
        return ""
    return (f"\nThey can be started from {long_date(campaign.starts_on)}: `/audit campaign mine {campaign.id}` "
            "then lists them with Start buttons, and the daily reminders bring them.")


def to_audit_reply(services: Services, campaign: Campaign, items: list[Allocation]) -> Reply:
    """The Home's "You are to audit: N cases by <deadline>" for one open campaign: the cases not submitted yet,
    each with its Start (or Resume) button, and the command that lists them all."""
    left = [a for a in items if not a.submitted]
    today = services.local_now().date()
    lines = [f"You are to audit: {bold(count_of(len(left), 'case'))}{_window(campaign, today)} "
             f"(`/audit campaign mine {campaign.id}` lists them)."]
    lines += [f"• {case_label(services, a)}: {_state(a)}" for a in left]
    waiting = not_open_yet(campaign, today) is not None
    choices = () if waiting else tuple(start_choice(a) for a in left[:MAX_START_BUTTONS])
    return Reply(title=f"Campaign {campaign.name}: cases you are to audit", text="\n".join(lines), choices=choices)


def _closed_cases_reply(services: Services, campaign: Campaign, items: list[Allocation]) -> Reply:
    """A closed campaign's cases: that it is closed first, what was done, and no Start button (a user trial saw
    "to do" and a Start that then refused). A draft the close released is said as the ordinary draft it now is."""
    closed_on = _closed_on(services, campaign)
    released: dict[int, tuple[int, str | None]] = {}
    for auditor in {a.auditor_id for a in items}:
        released.update(store.released_drafts(services.storage, campaign.id, auditor))
    lines = [f"• {case_label(services, a)}: {_closed_state(campaign, a, released.get(a.id))}" for a in items]
    return Reply(text=closing.closed_heading(campaign, items, closed_on) + "\n" + "\n".join(lines))


def _closed_state(campaign: Campaign, allocation: Allocation, draft: tuple[int, str | None] | None) -> str:
    """'submitted', or for a draft released at close 'draft #1, case CR-600100: was in campaign 1, closed; finish
    it as an ordinary audit or cancel it (`/audit resume 1`)' (fix63c: it read "no longer needed", as if gone)."""
    if allocation.submitted:
        return "submitted"
    if draft is not None:
        case = f", case {draft[1]}" if draft[1] else ""
        return f"draft #{draft[0]}{case}: {released_said(campaign.id)} (`/audit resume {draft[0]}`)"
    return "draft, no longer needed" if allocation.started else "no longer needed"


# -- start an allocated case -----------------------------------------------------------------------------

def start(services: Services, turn: Turn, allocation: Allocation) -> list[Reply]:
    """Start (or carry on with) the audit of an allocated case: checklist, case and worker already filled in."""
    campaign = store.get_campaign(services.storage, allocation.campaign_id)
    if campaign is None or allocation.auditor_id != turn.user_id:
        raise StaleAction("That case is no longer allocated to you, so nothing was started. Type "
                          "`/audit campaign` to see your campaigns.")
    if allocation.started:
        return audits_start.resume(services, turn, str(allocation.audit_id))
    if not campaign.is_open:
        raise UserError(f"Campaign {campaign.name} is closed, so its cases can no longer be started.")
    _require_opened(services, campaign)
    if allocation.case_ref is None:
        audit_store.set_conversation(services.storage, turn.user_id,
                                     {"feature": "campaign", "awaiting": "case_reference",
                                      "allocation": allocation.id}, turn.now)
        return [Reply(text=f"{bold(campaign.name)}: which case of {services.directory.label(allocation.worker_id)} "
                           "are you auditing? Type its case reference.",
                      prompt="Type the case reference, such as CR-123456. Never a name, date of birth or NHS number.",
                      kind="question")]
    return _begin(services, turn, campaign, allocation, allocation.case_ref)


def _require_opened(services: Services, campaign: Campaign) -> None:
    """Nothing of a campaign is started before its start date: a UserError saying when it opens."""
    waiting = not_open_yet(campaign, services.local_now().date())
    if waiting:
        raise UserError(waiting)


def case_typed(services: Services, turn: Turn, allocation: Allocation, text: str) -> list[Reply]:
    """The case reference typed for an allocation without one: screened, then the audit starts."""
    campaign = store.get_campaign(services.storage, allocation.campaign_id)
    if campaign is None or allocation.auditor_id != turn.user_id or allocation.started:
        audit_store.set_conversation(services.storage, turn.user_id, None, turn.now)
        raise StaleAction("That case is no longer waiting for you, so nothing was started.")
    reference = check_case_reference(text, services.settings.case_reference_pattern, services.identifier_screen)
    return _begin(services, turn, campaign, allocation, reference)


def _begin(services: Services, turn: Turn, campaign: Campaign, allocation: Allocation,
           reference: str) -> list[Reply]:
    taken = store.allocation_with_case(services.storage, campaign.id, reference, allocation.id)
    if taken is not None:
        raise UserError(f"Case {reference} is already audited in {campaign.name} (allocation {taken}), so nothing "
                        "was started: each case is audited once in a campaign. Type the reference of another case of "
                        f"{services.directory.label(allocation.worker_id)}, or `cancel`.")
    audit_id, replies = audits_start.start_prefilled(services, turn, campaign.checklist_id, reference,
                                                     allocation.worker_id)
    if not store.link_audit(services.storage, allocation.id, turn.user_id, audit_id, turn.now):
        raise StaleAction("That case was started or reassigned a moment ago, or another allocation of the campaign "
                          "took the same case reference; your new draft is not part of the campaign. Type "
                          "`/audit resume` to see it.")
    heads_up = audits_start.audited_before(services, reference, turn.now, audit_id, turn.person)
    return [Reply(text=f"Campaign {bold(campaign.name)}: audit #{audit_id}, case {reference} of "
                       f"{services.directory.label(allocation.worker_id)} ({allocation.team_id}), allocation "
                       f"{allocation.id}."), *own_oversight.start_warning(services, campaign, allocation), *heads_up,
            *replies]


def cancelled_said(services: Services, campaign_id: int) -> str | None:
    """"1 allocation cancelled (case CR-…, by …, <reason>)": a cancelled allocation is kept (fix77c), so a campaign
    still says which of its cases were allocated and taken out; None when none was."""
    cancelled = store.cancelled_allocations(services.storage, campaign_id)
    if not cancelled:
        return None
    label = services.directory.label
    each = "; ".join(f"{f'case {c.case_ref}' if c.case_ref else f'a case of {label(c.worker_id)}'}, by "
                     f"{label(c.cancelled_by)}, {c.reason}" for c in cancelled)
    return f"{count_of(len(cancelled), 'allocation')} cancelled ({each})"


def allocations_reply(services: Services, campaign: Campaign, first: int = 1) -> Reply:
    """A campaign's allocations by number (`MAX_LISTED` from the `first`th), with case, worker, auditor and state:
    the numbers `reassign` and `swap` take (for organisers)."""
    items = store.allocations(services.storage, campaign.id)
    first = max(1, first)
    shown = items[first - 1:first - 1 + MAX_LISTED]
    lines = [f"{bold(campaign.name)}: {count_of(len(items), 'allocation')}. Those still to do can be reassigned "
             f"(`/audit campaign reassign <allocation> <auditor> <reason>`), swapped or cancelled "
             f"(`/audit campaign cancel <allocation> <reason>`).", *misfits_said(services, campaign, items)]
    for allocation in shown:
        lines.append(f"• {case_label(services, allocation)}: {mention(allocation.auditor_id)}, {_state(allocation)}")
    rest = len(items) - (first - 1) - len(shown)
    if rest > 0:
        lines.append(f"… and {rest} more: `/audit campaign allocations {campaign.id} {first + len(shown)}` "
                     "lists the next ones.")
    return Reply(text="\n".join(lines))


def misfits_said(services: Services, campaign: Campaign, items: list[Allocation]) -> list[str]:
    """The allocations a change to teams.yaml left wrong, under "Changed in teams.yaml since it was allocated" (trial
    62 F7), or nothing."""
    lines = team_changes.misfit_lines(services.directory, campaign,
                                      team_changes.misfits(services.directory, campaign, items))
    if not lines:
        return []
    return [f"{bold('Changed in teams.yaml since it was allocated')}:", *(f"• {line}" for line in lines)]


def _checklists_read(services: Services, typed: str) -> list[str]:
    """The checklists `checklist=` names when its id or title does not: read as `checklist cin` and `start audit`
    read one, synonyms and typos forgiven (trial 30: `checklist=cin` and `checklist=exploitaton` were refused)."""
    return checklists_named(services, typed) or near_checklists(checklists(services), typed)


# -- reassign and swap ------------------------------------------------------------------------------------

def reassign(services: Services, actor: str, allocation_id: int, new_auditor_text: str, reason: str,
             now: datetime) -> list[Reply]:
    """Give one allocation to another auditor, with a reason (kept in the trail); independence still holds."""
    allocation, campaign = _open_allocation(services, allocation_id)
    new_auditor = user_id_from(new_auditor_text) or ""
    if new_auditor == allocation.auditor_id:
        raise UserError(f"Allocation {allocation.id} is already {services.directory.label(new_auditor)}'s, so "
                        "nothing changed. Name another auditor to reassign it.")
    _check_auditor(services, campaign, allocation, new_auditor)
    reason = _reason(services, reason)
    try:
        store.reassign(services.storage, [(allocation.id, allocation.auditor_id, new_auditor)], actor, reason, now)
    except LookupError:
        raise StaleAction(f"Allocation {allocation.id} changed a moment ago; nothing was reassigned.") from None
    moved = store.get_allocation(services.storage, allocation.id)
    assert moved is not None
    return [Reply(text=f"Allocation {allocation.id} now goes to {mention(new_auditor)} (was "
                       f"{mention(allocation.auditor_id)})."),
            replace_to(my_cases_reply(services, campaign, [moved]), new_auditor),
            Reply(text=f"{bold(campaign.name)}: {case_label(services, allocation)} was given to another auditor. "
                       f"Reason: {reason}", to_user=allocation.auditor_id, kind="notice")]


def swap(services: Services, actor: str, first_id: int, second_id: int, reason: str, now: datetime) -> list[Reply]:
    """Swap the auditors of two allocations of one campaign, if both stay independent; two of one auditor's cases
    have nothing to swap, so nothing is stored, trailed or sent."""
    first, campaign = _open_allocation(services, first_id)
    second, _ = _open_allocation(services, second_id)
    if second.campaign_id != first.campaign_id or first.id == second.id:
        raise UserError("Swap two different allocations of the same campaign (`/audit campaign allocations N` "
                        "lists them by number).")
    if first.auditor_id == second.auditor_id:  # "swapped" would change nothing and DM that auditor twice
        raise UserError(f"Allocations {first.id} and {second.id} already have the same auditor; nothing to swap.")
    _check_auditor(services, campaign, first, second.auditor_id)
    _check_auditor(services, campaign, second, first.auditor_id)
    reason = _reason(services, reason)
    try:
        store.reassign(services.storage, [(first.id, first.auditor_id, second.auditor_id),
                                          (second.id, second.auditor_id, first.auditor_id)], actor, reason, now)
    except LookupError:
        raise StaleAction("One of those allocations changed a moment ago; nothing was swapped.") from None
    return [Reply(text=f"Swapped: allocation {first.id} now goes to {mention(second.auditor_id)}, allocation "
                       f"{second.id} to "
                       f"{mention(first.auditor_id)}."),
            *[replace_to(my_cases_reply(services, campaign, store.allocations(services.storage, campaign.id, who)),
                         who) for who in (first.auditor_id, second.auditor_id)]]


def cancel(services: Services, actor: str, allocation_id: int, reason: str, now: datetime) -> list[Reply]:
    """Take a case not yet started out of its campaign, with a reason (kept in the trail): a leaver's, whose cases
    nobody need audit now (trial 62 F7). Its auditor is told they need not audit it."""
    allocation, campaign = _open_allocation(services, allocation_id)
    reason = _reason(services, reason)
    if not store.cancel_allocation(services.storage, allocation, actor, reason, now):
        raise StaleAction(f"Allocation {allocation.id} changed a moment ago; nothing was cancelled.")
    label = case_label(services, allocation)
    return [Reply(text=f"Allocation {allocation.id} is cancelled: {bold(campaign.name)} no longer counts it, and "
                       f"{mention(allocation.auditor_id)} is told they need not audit it. Reason: {reason}"),
            Reply(text=f"{bold(campaign.name)}: {label} is cancelled, so you need not audit it. Reason: {reason}",
                  to_user=allocation.auditor_id, kind="notice")]


def _open_allocation(services: Services, allocation_id: int) -> tuple[Allocation, Campaign]:
    stored = store.get_allocation(services.storage, allocation_id)
    allocation = team_changes.as_now(services.directory, [stored])[0] if stored else None  # moved worker: team now
    campaign = store.get_campaign(services.storage, allocation.campaign_id) if allocation else None
    if allocation is None or campaign is None:
        raise UserError(f"There is no allocation {allocation_id}. `/audit campaign allocations N` lists campaign "
                        "N's allocations by number.")
    if not campaign.is_open:
        raise UserError(f"Campaign {campaign.name} is closed: its allocations can no longer change.")
    if allocation.started:
        raise UserError(f"Allocation {allocation.id} is already started as audit #{allocation.audit_id}; only "
                        "cases not yet started can be reassigned.")
    return allocation, campaign


def _check_auditor(services: Services, campaign: Campaign, allocation: Allocation, auditor: str) -> None:
    if services.directory.person(auditor) is None:
        raise UserError("Name the new auditor as a Slack mention or member ID of someone in teams.yaml.")
    if not policy.may_audit_in_campaign(services.directory, campaign.auditors, allocation.worker_id,
                                        allocation.team_id, auditor, campaign.created_by):
        rule = ("a manager of the worker's team" if campaign.auditors == "managers"
                else "a manager from another team")
        raise UserError(f"{services.directory.label(auditor)} can't audit allocation {allocation.id}: in this "
                        f"campaign the auditor must be {rule}, never the worker or the campaign's organiser. "
                        f"{_who_else(services, campaign, allocation)}")


def _who_else(services: Services, campaign: Campaign, allocation: Allocation) -> str:
    """Who may take the case instead, or that nobody can in this campaign and what to do: a trial's QA lead, with a
    manager on leave and one manager a team, was only told the rule (trial 13, F5)."""
    directory = services.directory
    eligible = allocation_rules.eligible_auditors(directory, campaign.auditors, campaign.teams, allocation.worker_id,
                                                  allocation.team_id, campaign.created_by)
    others = [directory.label(m) for m in eligible if m != allocation.auditor_id]
    if others:
        return f"{' or '.join(others)} may take it instead."
    team = (directory.teams[allocation.team_id].name if allocation.team_id in directory.teams else allocation.team_id)
    team = team if campaign.auditors == "managers" else "the campaign's other teams"
    fix = ("an admin can add another manager to the team in teams.yaml, or close the campaign and run it again with "
           "`auditors=peer`, where managers of the other teams audit" if campaign.auditors == "managers" else
           "an admin can add a manager to another of the campaign's teams in teams.yaml, or close the campaign and "
           "run it again with more teams")
    return (f"Nobody else can audit it in this campaign: {directory.label(allocation.auditor_id)} is the only manager "
            f"of {team} who may. To move it, {fix}.")


def _reason(services: Services, reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("Give a reason after the auditor, such as `… long-term sick`: it is kept in the trail.")
    return screen_text(reason[:300], services.identifier_screen, "that reason")


# -- report, sample and close -----------------------------------------------------------------------------

def report(services: Services, campaign: Campaign, today: date) -> CampaignReport:
    """Every figure of the campaign's report, read from the database now."""
    storage = services.storage
    allocations = team_changes.as_now(services.directory, store.allocations(storage, campaign.id))
    checklist = _checklist_of(services, campaign, allocations)
    guidance_for = guidance.finder(services.live_knowledge().current, checklist)
    names = {t: services.directory.teams[t].name if t in services.directory.teams else t for t in campaign.teams}
    built = build_report(campaign, checklist, allocations, store.grades_by_team(storage, campaign.id),
                         store.answers_by_team(storage, campaign.id),
                         store.actions_by_team(storage, campaign.id, overdue_before(today)),
                         _agreement(services, campaign.id), names, guidance_for)
    return dataclasses.replace(built, closed_on=_closed_on(services, campaign),
                               cancelled=cancelled_said(services, campaign.id))


def _closed_on(services: Services, campaign: Campaign) -> date | None:
    """The day a closed campaign closed, in the council's time zone; None while it is open."""
    return (parse_utc(campaign.closed_at).astimezone(services.settings.timezone).date()
            if campaign.closed_at else None)


def _agreement(services: Services, campaign_id: int) -> tuple[int, int]:
    """(agreed, decided) of the campaign's submitted audits, each at its latest decision (bot.core.agreement)."""
    figure = agreement_figures.of_campaign(services, campaign_id)
    return figure.agreed, figure.decided


def progress(services: Services, campaign: Campaign) -> CampaignReport:
    """Only the progress figures (allocated, started, submitted, moderated by team and auditor): what
    `/audit campaign N` and the Home tab show, without the report's aggregates or knowledge-base searches."""
    allocations = team_changes.as_now(services.directory, store.allocations(services.storage, campaign.id))
    checklist = _checklist_of(services, campaign, allocations)
    names = {t: services.directory.teams[t].name if t in services.directory.teams else t for t in campaign.teams}
    return build_report(campaign, checklist, allocations, (), (), (), (0, 0), names, lambda _text: (None, None))


def _checklist_of(services: Services, campaign: Campaign, allocations: list[Allocation]):
    """The checklist the campaign's audits used (the first started one's snapshot), else the live one."""
    for allocation in allocations:
        if allocation.audit_id is not None:
            audit = audit_store.get_audit(services.storage, allocation.audit_id)
            if audit is not None:
                return audit_store.checklist_version(services.storage, audit.checklist_hash)
    live = checklists(services).get(campaign.checklist_id)
    if live is None:
        raise UserError(f"The checklist {campaign.checklist_id!r} is no longer available.")
    return live


def draw_sample(services: Services, campaign: Campaign, actor: str, now: datetime) -> list[Reply]:
    """Draw the moderation sample once (seeded RNG from the services); QA leads get the audits to open.

    Refused while nothing is submitted (a sample of nothing would stand for the whole campaign); an audit graded
    Inadequate is in the sample whenever it is submitted, before or after the draw (storage's triggers, m241)."""
    if campaign.sample_drawn_at is not None:
        raise UserError(f"The moderation sample of {campaign.name} was drawn already. Every audit graded "
                        "Inadequate joins it when it is submitted; `/audit moderate` shows the sampled audits first.")
    submitted = [Submitted(a.id, a.audit_id, _grade(services, a.audit_id))
                 for a in store.allocations(services.storage, campaign.id) if a.submitted and a.audit_id]
    if not submitted and not campaign.is_open:  # trial 56: told to "leave it to closing" after it had closed
        raise UserError(f"Campaign {campaign.id} closed with no audit submitted, so it has no sample.")
    if not submitted:
        raise UserError(f"No audit of {campaign.name} is submitted yet, so there is nothing to sample and nothing "
                        f"was drawn. Draw the sample once audits are submitted (`/audit campaign sample "
                        f"{campaign.id}`), or leave it to closing, which draws it. Every audit graded Inadequate is "
                        "sampled as soon as it is submitted either way.")
    chosen = draw(submitted, campaign.moderation_share, services.rng)
    if not store.mark_sample(services.storage, campaign.id, [s.allocation_id for s in chosen], actor, now):
        raise UserError(f"The moderation sample of {campaign.name} was drawn already.")
    text = (f"{bold(campaign.name)}: {len(chosen)} of {len(submitted)} submitted audits are sampled for moderation "
            f"({campaign.moderation_share}% and every Inadequate one): "
            + (", ".join(f"#{s.audit_id}" for s in chosen) or "none") + ". They come first in `/audit moderate`; "
            "an audit graded Inadequate joins the sample whenever it is submitted.")
    choices = tuple(Choice(f"Open #{s.audit_id}", "audit.moderate_open", str(s.audit_id)) for s in chosen[:10])
    return [Reply(text=text)] + [Reply(text=text, choices=choices, to_user=lead, kind="notice")
                                 for lead in services.directory.ids_with_role(Role.QA_LEAD) if lead != actor]


def refuse_early_sample(services: Services, campaign: Campaign) -> None:
    """`/audit campaign sample N` while some of an open campaign's audits are still to come: the sample is drawn
    once, so those could never be drawn (only an Inadequate joins it later). Trial 23 drew it with 1 of 8 submitted,
    and the other Good audits could never be sampled. Said, with `now` to draw anyway; closing draws it by itself."""
    items = store.allocations(services.storage, campaign.id)
    done = sum(1 for a in items if a.submitted)
    if campaign.sample_drawn_at is not None or not campaign.is_open or not done or done == len(items):
        return
    raise UserError(f"Only {done} of {len(items)} audits of {campaign.name} {agreeing(done, 'is', 'are')} submitted. "
                    "The moderation sample is drawn once, so drawn now, the "
                    f"{count_of(len(items) - done, 'audit')} still to come could never be sampled (only one graded "
                    "Inadequate joins it later). Closing the campaign draws it by itself. To draw it now anyway, type "
                    f"`/audit campaign sample {campaign.id} now`. Nothing was drawn.")


def _any_submitted(services: Services, campaign: Campaign) -> bool:
    return any(a.submitted for a in store.allocations(services.storage, campaign.id))


def _grade(services: Services, audit_id: int | None) -> str | None:
    audit = audit_store.get_audit(services.storage, audit_id) if audit_id else None
    return audit.grade_of_record if audit else None


def close(services: Services, campaign_id: int, actor: str, now: datetime) -> list[Reply]:
    """Close the campaign (drawing the sample first if it was not), and post the report to the QA channel
    (or, with none set, to each QA lead)."""
    campaign = store.get_campaign(services.storage, campaign_id)
    if campaign is None:
        raise UserError(f"There is no campaign {campaign_id}. Type `/audit campaign` to list them.")
    if not campaign.is_open:
        raise UserError(f"Campaign {campaign_id} is closed already. `audit-bot campaign report {campaign_id}` "
                        "prints its report.")
    replies = (draw_sample(services, campaign, actor, now)
               if campaign.sample_drawn_at is None and _any_submitted(services, campaign) else [])
    allocated = store.allocations(services.storage, campaign.id)  # before closing releases its drafts
    if not store.close_campaign(services.storage, campaign.id, actor, now):
        raise StaleAction(f"Campaign {campaign_id} was closed a moment ago.")
    closed = store.get_campaign(services.storage, campaign.id)
    assert closed is not None
    built = report(services, closed, now.astimezone(services.settings.timezone).date())
    posted = render.report_reply(built, chart=render.report_chart(built) if built.progress.submitted else None)
    targets = ([Reply(**{**posted.__dict__, "to_channel": services.settings.qa_channel})]
               if services.settings.qa_channel else
               [replace_to(posted, lead) for lead in services.directory.ids_with_role(Role.QA_LEAD)])
    where = "channel" if services.settings.qa_channel else "leads"
    notices = closing.auditor_notices(closed, allocated, now.astimezone(services.settings.timezone).date())
    told = (f" {count_of(len(notices), 'auditor')} with cases not done {agreeing(len(notices), 'was', 'were')} told "
            "they need no audit." if notices else "")
    return [Reply(text=f"Campaign {bold(closed.name)} is closed; its report went to the QA {where}.{told}"),
            *targets, *notices, *replies]


RENAMED_ONLY = ("`rename` changes a campaign's name and theme only. Its deadline changes with `/audit campaign "
                "deadline {id} <date>` and its teams with `/audit campaign teams {id} <teams>`; to change its "
                "checklist, start or cases, close it (`/audit campaign close {id}`) and create another. Nothing was "
                "changed.")


def rename(services: Services, campaign_id: int, fields: Mapping[str, str], actor: str, now: datetime) -> list[Reply]:
    """`/audit campaign rename 3 name=… theme=…` (trial 20: a campaign created with the wrong theme could only be
    closed, which cannot be undone and tells every auditor): checked as creating checks them."""
    campaign = store.get_campaign(services.storage, campaign_id)
    if campaign is None:
        raise UserError(f"There is no campaign {campaign_id}. Type `/audit campaign` to list them.")
    if not campaign.is_open:
        raise UserError(f"Campaign {campaign_id} is closed, so it keeps its name and theme.")
    if set(fields) - {"name", "theme"}:
        raise UserError(RENAMED_ONLY.format(id=campaign_id))
    if not fields:
        raise UserError(f"Say what changes: `/audit campaign rename {campaign_id} name=… theme=…` (either or both).")
    name, theme = fields.get("name", campaign.name), fields.get("theme", campaign.theme)
    others = [c.name for c in store.list_campaigns(services.storage) if c.is_open and c.id != campaign.id]
    raise_all(words_errors(name, theme, services.identifier_screen, others))
    if not store.rename_campaign(services.storage, campaign.id, name, theme, actor, now):
        raise StaleAction(f"Campaign {campaign_id} was closed a moment ago; nothing was changed.")
    return [Reply(text=f"Campaign {campaign_id} is now {bold(name)}, theme _{theme}_. Its cases, auditors and "
                       f"dates are as they were; `/audit campaign {campaign_id}` shows it. Messages sent already keep "
                       "the old name.")]


def close_asked(services: Services, campaign_id: int, actor: str, now: datetime, confirmed: bool) -> list[Reply]:
    """`/audit campaign close N` from a person: before the deadline, with cases not done, it asks first (the
    typed `confirm` or the Close now button answers); otherwise it closes as `close` does."""
    early = None if confirmed else early_close(services, campaign_id, now)
    if early is not None:
        return [closing.confirm_reply(*early)]
    return close(services, campaign_id, actor, now)


def early_close(services: Services, campaign_id: int,
                now: datetime) -> tuple[Campaign, list[Allocation], date, dict[int, int]] | None:
    """The open campaign, its allocations and today, when closing it now would cut it short (before its deadline,
    with cases not done): then the person closing is asked first, in chat and on the command line alike. None
    otherwise (`close` itself refuses a campaign that is unknown or closed already)."""
    campaign = store.get_campaign(services.storage, campaign_id)
    if campaign is None or not campaign.is_open:
        return None
    allocated = store.allocations(services.storage, campaign.id)
    today = now.astimezone(services.settings.timezone).date()
    if not closing.needs_confirming(campaign, allocated, today):
        return None
    return campaign, allocated, today, store.draft_answer_counts(services.storage, campaign.id)


def close_due(services: Services, now: datetime) -> list[Reply]:
    """The scheduled job's part: close every open campaign whose deadline is today or past."""
    today = now.astimezone(services.settings.timezone).date()
    replies: list[Reply] = []
    for campaign in store.due_to_close(services.storage, today):
        replies += [r for r in close(services, campaign.id, "scheduler", now) if not r.is_for_requester]
    return replies


def require_organiser(services: Services, user_id: str) -> None:
    """Refuse unless a QA lead or admin (bot.core.policy.may_run_campaigns)."""
    if not policy.may_run_campaigns(services.directory.person(user_id)):
        raise AccessDenied("Audit campaigns are created, changed and closed by QA leads and admins. Ask one of "
                           "them if a campaign needs changing.")
