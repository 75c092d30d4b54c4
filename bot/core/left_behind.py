"""What a person who left teams.yaml left behind that nobody else can pick up: their paused drafts (trial 58, F7:
a manager's draft #141 stayed a draft with no sign its auditor had gone, and the new manager's Home said "Nothing
of yours is waiting"). Said at start, in `audit-bot health` and on the Home of admins, QA leads and the managers
of the draft's team."""

from __future__ import annotations

from bot.settings.people import Directory
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
