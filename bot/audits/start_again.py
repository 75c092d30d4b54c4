"""An audit being started shown again after a command typed there ran aside.

At the checklists (or the case reference) a whole command's line, `home`, `actions`, `show 12`, runs as the command,
as it does at an audit's steps; a trial's `home` there picked "Exploitation, missing and harm outside the home" for
its last word, and `actions` at the case reference was told it did not look like a case reference. After the
command, what the start waits for follows, led by "Back to starting an audit:", so a typed number picks a checklist
again; a command's word that is also in a checklist's name says which checklist it fits, to pick if that was meant.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits import checklist_words
from bot.audits import start as audits_start
from bot.audits.core import checklists
from bot.audits.step_reminder import back_to_start
from bot.core.replies import Reply
from bot.core.services import Services


def shown_again(services: Services, data: Mapping[str, Any], typed: str) -> list[Reply]:
    """What the start waits for (`data` is the stored conversation), after `typed` ran as a command aside."""
    if data.get("awaiting") == "case_reference":
        return back_to_start(audits_start.case_reference_screen(services, str(data.get("checklist"))))
    available = checklists(services)
    fits = (audits_start.matching_checklists(available, typed, audits_start.synonyms(services))
            or checklist_words.near_checklists(available, typed))
    named = ", ".join(f"**{available[checklist].title}**" for checklist in fits)
    also = (f" If you meant {named} rather than the command `{' '.join(typed.split())}`, pick "
            f"{'it' if len(fits) == 1 else 'one'} below." if fits else "")
    case = f" of **{data['case_ref']}**" if data.get("case_ref") else ""
    return back_to_start([Reply(kind="question", choices=audits_start.checklist_choices(services),
                                text=f"Pick the checklist for the audit{case} by its number or its name, or type "
                                     f"`cancel` if you don't want to start an audit.{also}")])
