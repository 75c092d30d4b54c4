"""Whether a campaign's checklist suits its teams. Trial 50: a "Care leavers and pathway plans" campaign for the North
*Assessment* team was created without a word, sending its auditors to look for care leavers in an assessment team.

A checklist may say which kinds of team it suits (`suits:`, words a suitable team's name or id holds, checked by `kb
check`); a campaign for a team whose name holds none of them is still created, with one warning in the reply that
creates it (the organiser may know better: a team's name need not say all it does)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.markup import bold
from bot.core.replies import agreeing
from knowledge.checklist_schema import Checklist


def unsuited_teams(checklist: Checklist, team_names: Sequence[tuple[str, str]]) -> list[str]:
    """The names of the (id, name) teams whose name and id hold none of the kinds the checklist suits."""
    if not checklist.suits:
        return []
    return [name for team_id, name in team_names
            if not any(kind in f" {team_id.replace('-', ' ')} {name} ".lower() for kind in checklist.suits)]


def created_warning(checklist: Checklist | None, team_names: Sequence[tuple[str, str]]) -> str:
    """'Heads up: Care leavers and pathway plans is for children in care, leaving care or care leavers teams, and
    North Assessment Team doesn't look like one…', or empty when every team fits or the checklist says nothing."""
    unsuited = unsuited_teams(checklist, team_names) if checklist else []
    if not checklist or not unsuited:
        return ""
    kinds = ", ".join(checklist.suits[:-1]) + (" or " if len(checklist.suits) > 1 else "") + checklist.suits[-1]
    named = " and ".join(unsuited)
    verb = agreeing(len(unsuited), "doesn't", "don't")
    return (f"\n{bold('Heads up')}: {checklist.title} is for {kinds} teams, and {named} {verb} look like one: "
            "check its auditors will find such cases there. The campaign is created all the same; if it was a slip, "
            "close it and create it again with another checklist or team.")
