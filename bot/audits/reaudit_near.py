"""`re-audit CR-55123`, a digit short of CR-551234 whose re-audit is due: "Did you mean CR-551234 (re-audit due by
1 March 2027)?" (trial 50: the bot said only that CR-55123 had no re-audit due). Offered only when exactly one case
with a re-audit due, that this person may read, is one edit away (a digit missing, added, changed, or two swapped);
between two such cases the bot never guesses. A typed `yes`, or *Start re-audit CR-551234*, starts that one.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from bot.audits.reaudits import START, visible
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.settings.people import Person
from knowledge.dates import long_date


def one_away(services: Services, person: Person, reference: str) -> tuple[str, str] | None:
    """(the one case reference with a re-audit due that is one edit from `reference`, its due date in words), or
    None when there is none or more than one."""
    near = {item.case_ref: item.due for item in visible(services, person, {})
            if OSA.distance(item.case_ref.upper(), reference.upper()) == 1}
    if len(near) != 1:
        return None
    [(case_ref, due)] = near.items()
    return case_ref, long_date(due)


def did_you_mean(services: Services, turn: Turn, reference: str) -> Reply | None:
    """The "Did you mean …?" offered for a reference with no re-audit due, a typed `yes` starting that re-audit;
    None when no single case is near."""
    near = one_away(services, turn.person, reference)
    if near is None:
        return None
    case_ref, due = near
    reply = Reply(kind="question", text=f"Did you mean **{case_ref}** (re-audit due by {due})? Type `yes` to start "
                                        "its re-audit.",
                  choices=(Choice(f"Start re-audit {case_ref}", START, case_ref, "primary"),))
    return confirmations.meant(services, turn, reply, START, case_ref)
