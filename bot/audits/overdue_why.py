""""why are they overdue" typed after a list of actions (trial 40: it went to the knowledge base, and no reason for
an action being late is kept).

Nobody is asked why an action is late, so the bot holds a reason only where an owner gave one: a request for more
time (its reason goes to whoever decides, and the request shows beside the action until it is answered) and the note
said when marking an action done. The answer says so, lists the overdue actions of the list just shown that have a
request for more time (waiting or said no to), and how to ask an owner (`chase 12`).
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.audits.actions import TEAM_READERS, team_owner_ids
from bot.core import more_time_said
from bot.core.action_due import is_overdue
from bot.core.action_named import action_named
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import actions as action_store
from bot.storage import audits as store
from knowledge.dates import short_date

# "why are they overdue", "why are these late", "why is it overdue", "why so many overdue", "why are so many late"
WHY = re.compile(r"^(?:but\s+|so\s+|and\s+)?why\s+(?:(?:are|is)\s+)?(?:they|these|those|it|this|that|"
                 r"(?:there\s+)?so\s+many|all\s+these|(?:these|the|those)\s+actions?)\s*(?:(?:are|is|all|still|so)\s+)*"
                 r"(?:overdue|late|behind|past\s+due)$")
HOW_REASONS = ("The bot keeps no reason for an action being late unless its owner gives one: asking for more time "
               "(`extend 12 to 18/12, family away`) sends the reason to whoever decides, and `done 12 - what was done` "
               "keeps a note when it is closed. `chase 12` asks an owner by DM.")


def asked(text: str) -> bool:
    """Whether the text asks why the actions just listed are late."""
    return WHY.match(plainly(text)) is not None


def _owners(services: Services, turn: Turn) -> tuple[list[str], str]:
    """Whose actions the question is about: the team of the actions list just shown (every team the reader sees for
    `team`), else the reader's teams for a manager or an admin, else the person's own; and how to say it."""
    listing = store.last_listing(services.storage, turn.user_id) or {}
    words = [w for w in listing.get("words", []) if isinstance(w, str) and w != "overdue"] \
        if listing.get("command") == "actions" else []
    reads_team = turn.person is not None and turn.person.role in TEAM_READERS
    if len(words) >= 2 and words[1] in services.directory.teams and reads_team:
        return sorted(services.directory.teams[words[1]].member_ids), f"in team {words[1]}"
    if reads_team and turn.person is not None and (words or listing.get("command") != "actions"):
        return team_owner_ids(services, turn.person), "in your teams"
    return [turn.user_id], "of yours"


def answered(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Where the reasons are, and the overdue actions with a request for more time; None for other text."""
    if not asked(text):
        return None
    owners, whose = _owners(services, turn)
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    late = [a for a in action_store.open_actions_of_owners(services.storage, owners) if is_overdue(a.due_date, today)]
    if not late:
        return [Reply(kind="notice", text=f"No open action {whose} is overdue. {HOW_REASONS}")]
    notes = more_time_said.notes_for(services, late)
    lines = [f"• {action_named(a, capital=True)} — {services.directory.label(a.owner_id)}, due "
             f"{short_date(a.due_date)}: {notes[a.id]}"
             for a in late if a.id in notes]
    asked_for = (f"{count_of(len(lines), 'of them has', 'of them have')} asked for more time:\n" + "\n".join(lines)
                 if lines else "None of them has asked for more time.")
    return [Reply(text=f"{count_of(len(late), 'open action')} {whose} {'is' if len(late) == 1 else 'are'} overdue. "
                       f"{asked_for}\n{HOW_REASONS}")]
