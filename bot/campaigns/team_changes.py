"""Open campaign allocations that an edit of teams.yaml has left wrong (trial 62 F7).

teams.yaml is edited by hand while campaigns run. A trial moved Social worker N2 from North to South and took Social
worker C1 out: N2's case stayed with South's manager in a *peer* campaign (now her own manager, so no longer
independent), still named North and counted under it, and C1's two cases stayed "to do", their auditor chased daily
to the deadline for cases of a worker who had gone. Nothing said so, at the start or in the campaign's views.

This module owns the answer to "is this allocation still right?": an allocation counts under its worker's team now
(as the digest counts actions by their owner's team now), and one still to do is flagged when its worker has left
teams.yaml or its auditor may no longer audit it under the campaign's rule (bot.core.policy.may_audit_in_campaign).
The flags are shown in `/audit campaign N` and `campaign allocations N`, sent to the organiser at the start that
brought the change, and written as warnings by the start and `audit-bot health`; a leaver's allocations are not
chased (bot.storage.campaigns.unsubmitted_by_auditor is given who is still listed).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.audits.held_dms import hold_replies
from bot.core import policy
from bot.core.markup import bold
from bot.core.replies import Reply
from bot.core.services import Services
from bot.oversight.role_changes import ACTOR
from bot.settings.people import Directory, Role
from bot.storage import campaigns as store
from bot.storage import known_people
from bot.storage.campaigns import Allocation, Campaign
from bot.storage.db import Storage

REASSIGN = "`/audit campaign reassign {id} <auditor> <reason>`"
CANCEL = "`/audit campaign cancel {id} <reason>`"


@dataclass(frozen=True)
class Misfit:
    """An allocation still to do that no longer holds: its worker left (`team_now` None) or its auditor may no
    longer audit it (`team_now` the worker's team now)."""

    allocation: Allocation
    team_now: str | None


def team_now(directory: Directory, allocation: Allocation) -> str:
    """The team an allocation counts under: its own while its worker is still in it (or has left teams.yaml), else
    the worker's first team in teams.yaml now."""
    person = directory.person(allocation.worker_id)
    if person is None or not person.team_ids or allocation.team_id in person.team_ids:
        return allocation.team_id
    return person.team_ids[0]


def as_now(directory: Directory, allocations: Iterable[Allocation]) -> list[Allocation]:
    """The allocations each under its worker's team now (`team_now`), for progress, labels and reassigning."""
    return [replace(a, team_id=team_now(directory, a)) for a in allocations]


def misfits(directory: Directory, campaign: Campaign, allocations: Sequence[Allocation]) -> list[Misfit]:
    """The open campaign's allocations not yet started whose worker has left or whose auditor may no longer audit
    them (a worker moved into their auditor's team, say), in allocation order."""
    if not campaign.is_open:
        return []
    found = []
    for allocation in allocations:
        if allocation.started or allocation.submitted:
            continue
        if directory.person(allocation.worker_id) is None:
            found.append(Misfit(allocation, None))
            continue
        team = team_now(directory, allocation)
        if not policy.may_audit_in_campaign(directory, campaign.auditors, allocation.worker_id, team,
                                            allocation.auditor_id, campaign.created_by):
            found.append(Misfit(allocation, team))
    return found


def misfit_lines(directory: Directory, campaign: Campaign, found: Sequence[Misfit],
                 names: Mapping[str, str] | None = None) -> list[str]:
    """One line per leaver ("allocations 3, 6: Social worker C1 has left: cancel or reassign with …") and one per
    allocation whose auditor may no longer audit it, saying why and how to put it right; a leaver is named as
    teams.yaml last named them (the directory's, else `names`, bot.storage.known_people)."""
    lines = []
    by_leaver: dict[str, list[int]] = {}
    for misfit in found:
        if misfit.team_now is None:
            by_leaver.setdefault(misfit.allocation.worker_id, []).append(misfit.allocation.id)
        else:
            lines.append(_moved_line(directory, campaign, misfit.allocation, misfit.team_now))
    for worker, ids in by_leaver.items():
        numbers = ", ".join(str(i) for i in ids)
        name = directory.former.get(worker) or (names or {}).get(worker, worker)
        each = f"each (then {', '.join(str(i) for i in ids[1:])}) " if len(ids) > 1 else ""
        lines.append(f"allocation{'s' if len(ids) > 1 else ''} {numbers}: {name} has left teams.yaml, so "
                     f"{'these are' if len(ids) > 1 else 'it is'} no longer chased: cancel {each}with "
                     f"{CANCEL.format(id=ids[0])} or reassign with {REASSIGN.format(id=ids[0])}")
    return lines


def _moved_line(directory: Directory, campaign: Campaign, allocation: Allocation, team: str) -> str:
    worker = directory.label(allocation.worker_id)
    auditor = directory.label(allocation.auditor_id)
    where = directory.teams[team].name if team in directory.teams else team
    moved = f"{worker} is now in {where}" if team != allocation.team_id else f"{worker}'s case"
    if directory.person(allocation.auditor_id) is None:
        why = f"its auditor, {auditor}, has left teams.yaml"
    elif campaign.auditors == "peer" and team in directory.teams and \
            allocation.auditor_id in directory.teams[team].manager_ids:
        why = f"whose manager, {auditor}, would audit it: no longer a peer audit"
    else:
        why = f"which {auditor} may no longer audit in this campaign"
    return f"allocation {allocation.id}: {moved}, {why}; reassign with {REASSIGN.format(id=allocation.id)}"


def open_misfit_lines(storage: Storage, directory: Directory, people: Collection[str] | None = None
                      ) -> dict[Campaign, list[str]]:
    """For each open campaign with allocations that no longer hold, their lines (`misfit_lines`); with `people`,
    only those whose worker or auditor is one of them (the people a start found changed in teams.yaml)."""
    found: dict[Campaign, list[str]] = {}
    names = known_people.known_names(storage)
    for campaign in store.list_campaigns(storage):
        if not campaign.is_open:
            continue
        wrong = [m for m in misfits(directory, campaign, store.allocations(storage, campaign.id))
                 if people is None or {m.allocation.worker_id, m.allocation.auditor_id} & set(people)]
        if wrong:
            found[campaign] = misfit_lines(directory, campaign, wrong, names)
    return found


def start_warnings(storage: Storage, directory: Directory) -> list[str]:
    """The lines for the bot's start and `audit-bot health`, one per campaign."""
    return [f"campaign {campaign.id} ({campaign.name}) has allocations that no longer hold after a change to "
            f"teams.yaml: {'; '.join(lines)}" for campaign, lines in open_misfit_lines(storage, directory).items()]


def tell_organisers(services: Services, changed: Collection[str]) -> None:
    """At a start that found `changed` people changed in teams.yaml: each open campaign those changes left wrong is
    told to its organiser (or, when they have left too, to the QA leads) by a DM handed over at once, or when they
    next use the bot (bot.audits.held_dms)."""
    if not changed:
        return
    now = services.clock()
    directory = services.directory
    for campaign, lines in open_misfit_lines(services.storage, directory, changed).items():
        told = [campaign.created_by] if directory.person(campaign.created_by) else directory.ids_with_role(Role.QA_LEAD)
        text = (f"Campaign {campaign.id}, {bold(campaign.name)}: teams.yaml changed since its cases were allocated, "
                "and these no longer hold:\n" + "\n".join(f"• {line}" for line in lines)
                + f"\n`/audit campaign allocations {campaign.id}` lists them all.")
        hold_replies(services, [Reply(text=text, to_user=who, kind="notice") for who in told], ACTOR, now, now)
