"""People who have left teams.yaml but still own open actions or paused drafts (trial 58, F1, F6, F7).

An admin who removes a worker from teams.yaml had no word that 22 open actions on live cases were now nobody's: the
team's lists left them out, `audit-bot health` said all was sound. Now the bot remembers everyone's last name from
teams.yaml (m620_fix66a_known_people), shows a leaver as "Social worker S1 (left)", keeps their actions on the lists
of the team whose audit raised them (the audit's case team), and warns at start and in `audit-bot health` what is
left with them and how to hand it over.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from bot.core.action_due import overdue_before
from bot.core.left_behind import handover_command, known_as, orphaned_drafts
from bot.core.services import Services
from bot.settings.people import Directory
from bot.storage import known_people
from bot.storage.db import Storage


def remember_people(services: Services) -> None:
    """At start: keep everyone's name as teams.yaml gives it now, and give the directory the names of those who
    have left it, so replies name them."""
    directory = services.directory
    known_people.remember_names(services.storage, {uid: p.name for uid, p in directory.people.items()},
                                services.clock())
    former = {uid: name for uid, name in known_people.known_names(services.storage).items()
              if uid not in directory.people}
    if former:
        services.settings = replace(services.settings, directory=replace(directory, former=former))


def warnings(storage: Storage, directory: Directory, today: date) -> list[str]:
    """One line for each leaver who still owns open actions and each draft whose auditor has left, saying how to
    hand the actions over (`hand over C1's actions to <name>`, all at once)."""
    names = known_people.known_names(storage)
    lines = []
    for left in known_people.open_actions_by_owner(storage, overdue_before(today).isoformat()):
        if left.owner_id in directory.people:
            continue
        overdue = f" ({left.overdue} overdue)" if left.overdue else ""
        count = f"{left.open} open action{'s' if left.open != 1 else ''}{overdue} {'are' if left.open != 1 else 'is'}"
        lines.append(f"{count} owned by {known_as(names, left.owner_id)}, who is no longer in teams.yaml: "
                     f"hand them over with `{handover_command(names.get(left.owner_id, left.owner_id))}` "
                     "(`actions team` lists them, marked (left))")
    lines += [line for _, line in orphaned_drafts(storage, directory, names)]
    return lines


def start_warnings(storage: Storage, directory: Directory, now: datetime) -> list[str]:
    """`warnings` for today, for the bot's start and `audit-bot health`."""
    return warnings(storage, directory, now.date())
