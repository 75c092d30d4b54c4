"""`/audit campaign deadline 3 12/2` and `/audit campaign teams 3 north,south`: an open campaign's deadline or teams
changed in place, the managers it affects told once what changed.

Trial 35's principal social worker could only close a campaign and create it again to move its deadline or fix its
teams: closing sent the QA leads a 0% report and told every manager they "need no audit". A new deadline is checked
as at creation (not past, not before the start, a weekend or bank holiday only with `anyway`); new teams are
allocated as at creation, the allocations of the teams kept staying as they are (a started one always stays)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from bot.campaigns import allocate as allocation_rules
from bot.campaigns import service
from bot.campaigns.model import Allocation, Campaign, CampaignSpec, DeadlineOff, FieldError, parse_deadline
from bot.core.markup import bold
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.errors import StaleAction, UserError
from bot.storage import campaigns as store
from knowledge import dates
from knowledge.dates import long_date, short_date


def open_campaign(services: Services, campaign_id: int, what: str) -> Campaign:
    """The open campaign to change; a UserError when there is none or it is closed."""
    campaign = store.get_campaign(services.storage, campaign_id)
    if campaign is None:
        raise UserError(f"There is no campaign {campaign_id}. Type `/audit campaign` to list them.")
    if not campaign.is_open:
        raise UserError(f"Campaign {campaign_id} is closed, so its {what} can't change. Nothing was changed.")
    return campaign


def read_deadline(services: Services, campaign: Campaign, typed: str) -> date:
    """The new deadline as creating reads one: refused when past, before the start, or on a day off without
    `anyway` (one message each, saying what to type)."""
    today = services.local_now().date()
    if not typed.strip():
        raise UserError(f"Give the new deadline: `/audit campaign deadline {campaign.id} 12/2/2027` (or words such as "
                        "`next Friday`).")
    try:
        deadline = parse_deadline(typed, today, campaign.starts_on)
    except DeadlineOff as off:
        day, instead = off.off.day, off.off.instead
        raise UserError(f"The new deadline, {long_date(day)}, is {off.off.what}, so nothing is changed yet: type "
                        f"`campaign deadline {campaign.id} {instead.day}/{instead.month}` for "
                        f"{off.off.instead_said}, or `campaign deadline {campaign.id} {day.day}/{day.month} "
                        f"{dates.KEEP_WORD}` to keep it.") from None
    except FieldError as exc:
        raise UserError(f"{exc} Nothing was changed.") from None
    if deadline < today:
        raise UserError(f"The deadline {short_date(deadline)} has passed (today is {short_date(today)}): give a "
                        "deadline from today on. Nothing was changed.")
    if deadline < campaign.starts_on:
        raise UserError(f"Campaign {campaign.id} starts on {short_date(campaign.starts_on)}, after "
                        f"{short_date(deadline)}: the deadline must be on or after the start. Nothing was changed.")
    if deadline == campaign.deadline:
        raise UserError(f"Campaign {campaign.id}'s deadline is {long_date(deadline)} already. Nothing was changed.")
    return deadline


def move_deadline(services: Services, campaign_id: int, typed: str, actor: str, now: datetime) -> list[Reply]:
    """`/audit campaign deadline 3 12/2`: the new deadline stored, and each auditor with cases not done and each
    manager of its teams told once, by DM, of the old and new dates."""
    campaign = open_campaign(services, campaign_id, "deadline")
    deadline = read_deadline(services, campaign, typed)
    if not store.move_deadline(services.storage, campaign.id, deadline, actor, now):
        raise StaleAction(f"Campaign {campaign_id} was closed a moment ago; nothing was changed.")
    told = _deadline_told(services, campaign, actor)
    said = (f"its deadline moved from {long_date(campaign.deadline)} to {bold(long_date(deadline))}.")
    notices = [Reply(text=f"Audit campaign {bold(campaign.name)} ({campaign.theme}): {said} Your cases in it are as "
                          f"they were; `/audit campaign mine {campaign.id}` lists yours.", to_user=who, kind="notice")
               for who in told]
    return [Reply(text=f"Campaign {campaign_id} {bold(campaign.name)}: {said} "
                       f"{count_of(len(told), 'person', 'people')} (its auditors with cases left, its teams' managers) "
                       f"{'was' if len(told) == 1 else 'were'} told by DM; its cases and teams are as they were."
                  if told else
                  f"Campaign {campaign_id} {bold(campaign.name)}: {said} Nobody had cases left to be told."),
            *notices]


def _deadline_told(services: Services, campaign: Campaign, actor: str) -> list[str]:
    """Who a moved deadline matters to: auditors with cases not done, then the managers of its teams (once each)."""
    auditors = [a.auditor_id for a in store.allocations(services.storage, campaign.id) if not a.submitted]
    teams = services.directory.teams
    managers = [m for t in campaign.teams if t in teams for m in teams[t].manager_ids]
    return [who for who in dict.fromkeys([*auditors, *managers]) if who != actor]


def planned(services: Services, campaign: Campaign, teams: tuple[str, ...]) -> tuple[list[Allocation], list[tuple]]:
    """(the allocations to take away, the rows to add) for the campaign run over `teams`: allocated afresh as at
    creation, each allocation kept when the fresh allocation has its worker, team and auditor (a started one always,
    holding a place of its worker's); a UserError when a started case is in a team taken out."""
    current = store.allocations(services.storage, campaign.id)
    started = [a for a in current if a.started]
    if outside := [a for a in started if a.team_id not in teams]:
        raise UserError(f"Allocation {outside[0].id} of team {outside[0].team_id} is started already, so its team "
                        "stays in the campaign. Keep that team in the list (or cancel the audit first). Nothing was "
                        "changed.")
    spec = CampaignSpec(name=campaign.name, theme=campaign.theme, checklist_id=campaign.checklist_id, teams=teams,
                        starts_on=campaign.starts_on, deadline=campaign.deadline, auditors=campaign.auditors,
                        moderation_share=campaign.moderation_share, per_worker=campaign.per_worker)
    try:
        allotted = allocation_rules.allocate(spec, services.directory, campaign.created_by)
    except UserError as exc:  # as at creation: nobody may audit a team's cases, or the teams have nobody to audit
        raise UserError(f"{exc} Nothing was changed.") from None
    fresh = Counter((a.case.worker_id, a.case.team_id, a.auditor_id) for a in allotted)
    for allocation in started:  # a started case holds a place of its worker's, whoever audits it
        key = next((k for k in fresh if fresh[k] and k[:2] == (allocation.worker_id, allocation.team_id)), None)
        if key is not None:
            fresh[key] -= 1
    removed: list[Allocation] = []
    for allocation in (a for a in current if not a.started):
        key = (allocation.worker_id, allocation.team_id, allocation.auditor_id)
        if fresh[key]:
            fresh[key] -= 1
        else:
            removed.append(allocation)
    return removed, [(None, worker, team, auditor) for (worker, team, auditor), n in fresh.items() for _ in range(n)]


def not_by_list(campaign: Campaign) -> None:
    """Refuse new teams for a campaign whose cases were listed (a CSV): its cases can't be drawn for a new team."""
    if campaign.per_worker is None:
        raise UserError(f"Campaign {campaign.id}'s cases were given as a list, so its teams can't change: each case "
                        "was named. Reassign a case with `/audit campaign reassign`, or close it and create it "
                        "again with the right list. Nothing was changed.")


def change_teams(services: Services, campaign_id: int, teams: tuple[str, ...], actor: str,
                 now: datetime) -> list[Reply]:
    """`/audit campaign teams 3 north,south` (teams read as at creation): the allocations changed, and each auditor
    whose cases changed told once by DM: cases taken off them need no audit, new ones come with Start buttons."""
    campaign = open_campaign(services, campaign_id, "teams")
    not_by_list(campaign)
    if set(teams) == set(campaign.teams):
        raise UserError(f"Campaign {campaign_id}'s teams are {_named(services, campaign.teams)} already. Nothing was "
                        "changed.")
    removed, added = planned(services, campaign, teams)
    try:
        changed = store.change_teams(services.storage, campaign.id, teams, [a.id for a in removed], added, actor, now)
    except LookupError:
        changed = False
    if not changed:
        raise StaleAction(f"Campaign {campaign_id} changed a moment ago (closed, or a case started); nothing was "
                          "changed. Try again.")
    moved = store.get_campaign(services.storage, campaign.id)
    assert moved is not None
    notices = _teams_notices(services, moved, removed, {row[3] for row in added})
    return [Reply(text=f"Campaign {campaign_id} {bold(campaign.name)} now covers {_named(services, teams)} (it "
                       f"covered {_named(services, campaign.teams)}): {count_of(len(removed), 'case')} taken off, "
                       f"{count_of(len(added), 'case')} added. {count_of(len(notices), 'auditor')} "
                       f"{'was' if len(notices) == 1 else 'were'} told by DM what changed for them; "
                       f"`/audit campaign {campaign_id}` shows it."), *notices]


def _named(services: Services, teams: tuple[str, ...]) -> str:
    known = services.directory.teams
    return ", ".join(known[t].name if t in known else t for t in teams)


def _teams_notices(services: Services, campaign: Campaign, removed: list[Allocation],
                   gaining: set[str]) -> list[Reply]:
    """One DM per auditor whose cases changed: those taken off (no audit needed), then their cases now, to start."""
    lost = Counter(a.auditor_id for a in removed)
    notices: list[Reply] = []
    for auditor in dict.fromkeys([*lost, *sorted(gaining)]):
        off = (f"Audit campaign {bold(campaign.name)} ({campaign.theme}) now covers {_named(services, campaign.teams)}"
               f": {count_of(lost[auditor], 'case')} of yours in it {'was' if lost[auditor] == 1 else 'were'} taken "
               "off and need no audit." if lost[auditor] else "")
        mine = store.allocations(services.storage, campaign.id, auditor)
        if auditor in gaining and mine:
            shown = service.my_cases_reply(services, campaign, mine)
            lead = off or (f"Audit campaign {bold(campaign.name)} now covers {_named(services, campaign.teams)}, "
                           "so you have new cases to audit.")
            notices.append(service.replace_to(Reply(text=f"{lead}\n{shown.text}", choices=shown.choices), auditor))
        elif off:
            notices.append(Reply(text=off + (" Your other cases in it are as they were." if mine else
                                             " You have no cases left in it."), to_user=auditor, kind="notice"))
    return notices
