"""What a person who left teams.yaml left behind that nobody else can pick up: their paused drafts (trial 58, F7:
a manager's draft #141 stayed a draft with no sign its auditor had gone, and the new manager's Home said "Nothing
of yours is waiting"). Said at start, in `audit-bot health` and on the Home of admins, QA leads and the managers
of the draft's team."""

from __future__ import annotations

from bot.settings.people import Directory, short_code
from bot.storage import known_people
from bot.storage.db import Storage


def known_as(names: dict[str, str], user_id: str) -> str:
    """"Social worker S1 (U0PRAS001)": the last name teams.yaml gave them, with the ID an admin edits it by."""
    name = names.get(user_id)
    return f"{name} ({user_id})" if name else user_id


def orphaned_drafts(storage: Storage, directory: Directory, names: dict[str, str]) -> list[tuple[str, str]]:
    """(the case's team, one line) for each draft whose auditor is no longer in teams.yaml: only an audit's
    auditor may finish it, so it is said plainly rather than left unseen, with how an admin or QA lead cancels it
    (trial 59, F9)."""
    return [(draft.team_id, f"Draft #{draft.id} ({draft.case_ref}) belongs to {known_as(names, draft.auditor_id)}, "
             f"who is no longer in teams.yaml, so nobody can finish it: an admin or QA lead can cancel it with "
             f"`cancel {draft.id}` (and `restore {draft.id}` within 7 days); until then it stays a draft "
             "(counted nowhere)")
            for draft in known_people.drafts_by_auditor(storage) if draft.auditor_id not in directory.people]


def handover_command(name: str) -> str:
    """How a worker's open actions are all handed over, naming them as people type them: their short code, the last
    word of their name ("Social worker C1": `hand over C1's actions to <name>`), else their whole name
    (bot.audits.handover_all reads both)."""
    return f"hand over {short_code(name) or name}'s actions to <name>"


def left_actions(storage: Storage, directory: Directory, names: dict[str, str], overdue_before: str,
                 team_ids: list[str] | None = None) -> list[str]:
    """One line for each leaver who owns open actions (on these teams' audits, with `team_ids`): "Social worker C1
    has left: 23 open actions to hand over (9 overdue): `hand over C1's actions to <name>`" (trial 62, F8: a
    team's managers saw nothing of a leaver's 23 actions, and handed them over one command at a time)."""
    lines = []
    for left in known_people.open_actions_by_owner(storage, overdue_before, team_ids):
        if left.owner_id in directory.people:
            continue
        name = names.get(left.owner_id) or directory.former.get(left.owner_id) or left.owner_id
        overdue = f" ({left.overdue} overdue)" if left.overdue else ""
        many = "s" if left.open != 1 else ""
        lines.append(f"{name} has left: {left.open} open action{many} to hand over{overdue}: "
                     f"`{handover_command(name)}`")
    return lines
