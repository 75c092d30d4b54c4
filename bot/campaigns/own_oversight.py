"""A campaign whose checklist grades management oversight, where managers audit their own team's cases
(`auditors=managers`): each would grade the oversight of their own team's cases, their own supervision among it.
Trial 26's North manager did so with no word from the bot. The organiser is told as the campaign is created, with how
to have other teams' managers audit instead (`auditors=peer`), and the manager when they start such a case, with
what to do; nothing is refused, since a service with one manager a team may have no one else to audit."""

from __future__ import annotations

from bot.audits.core import checklists
from bot.campaigns.model import CampaignSpec
from bot.core.markup import bold
from bot.core.replies import Reply
from bot.core.services import Services
from bot.storage.campaigns import Allocation, Campaign

OVERSIGHT_WORDS = ("oversight", "supervision")  # in a checklist's title: the whole checklist grades it


def grades_oversight(services: Services, checklist_id: str) -> bool:
    """Whether the checklist, by its title, is about management oversight or supervision."""
    checklist = checklists(services).get(checklist_id)
    return checklist is not None and any(word in checklist.title.lower() for word in OVERSIGHT_WORDS)


def created_warning(services: Services, spec: CampaignSpec) -> str:
    """Said to the organiser of a new campaign where managers would grade their own team's oversight; else empty."""
    if spec.auditors != "managers" or not grades_oversight(services, spec.checklist_id):
        return ""
    return (f"\n{bold('Heads up')}: with `auditors=managers` each manager audits their own team's cases, so here they "
            "grade the management oversight of their own team, their own supervision among it. To have the managers "
            "of the campaign's other teams audit instead, close it and create it again with `auditors=peer` (two "
            "teams or more); or `/audit campaign reassign` moves a case to another auditor.")


def start_warning(services: Services, campaign: Campaign, allocation: Allocation) -> list[Reply]:
    """Said to a manager starting a case of their own team in such a campaign; else nothing."""
    team = services.directory.teams.get(allocation.team_id)
    if team is None or allocation.auditor_id not in team.manager_ids \
            or not grades_oversight(services, campaign.checklist_id):
        return []
    return [Reply(kind="notice", text=(
        f"{bold('Heads up')}: this is your own team's case, and this checklist grades its management oversight, "
        "which may be yours. Grade what the file shows and say in your notes where the decisions were yours; if you "
        "would rather someone independent audited it, ask the QA lead who set up the campaign to reassign it "
        f"(`/audit campaign reassign {allocation.id} …`) before you go further."))]
