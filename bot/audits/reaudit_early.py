"""A re-audit started long before it is due is asked about first (trial 50: `re-audit CR-551234` on the day audit #1
was submitted, due 1 March 2027, started without a word, and counted at once towards the manager's target).

Early means not yet within the 2 weeks before its due date that the digest and Home count as "due soon": the file has
had little time to change, so a re-audit then shows little. It is asked, not refused: a manager may have a reason
(the case is closing, or moving team). Yes starts it as `re-audit` does; an early re-audit, once submitted, counts
towards its auditor's monthly target as any submitted audit does (the target counts audits done), which the question
says so nobody is surprised.
"""

from __future__ import annotations

from datetime import date

from bot.core.reaudits import Reaudit
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage.common import parse_utc
from knowledge.dates import long_date

GO_ON = "reaudit.early_start"  # Yes: start it now (value: the case reference)
WAIT = "reaudit.early_wait"  # No: not yet
# Typed at the question, these are its Not yet (trial 51, F18: `cancel` there got "You are not in an audit, so there is
# nothing to cancel.", then `yes` "There's no question waiting": the question had been dropped unanswered).
STOP_WORDS = ("cancel", "stop", "cancel it", "stop it", "dont start it", "don't start it", "leave it")


def is_early(item: Reaudit, today: date) -> bool:
    """Whether starting `item`'s re-audit today is early: neither overdue nor due in the next 2 weeks."""
    return not item.overdue(today) and not item.due_soon(today)


def asked(services: Services, turn: Turn, item: Reaudit) -> list[Reply]:
    """"Its re-audit is due by …: starting now is early. Start it now anyway?" with Yes and No, a typed `yes` or `no`
    answering it."""
    zone = services.settings.timezone
    submitted = item.audit.submitted_at
    day = parse_utc(submitted).astimezone(zone).date() if submitted else None
    when = "today" if day == turn.now.astimezone(zone).date() else f"on {long_date(day)}" if day else ""
    said = f" (audit #{item.audit.id} was submitted {when})" if when else ""
    reply = Reply(kind="question", text=(
        f"The re-audit of **{item.case_ref}** is due by {long_date(item.due)}{said}: starting it now is early, and the "
        "file has had little time to change. Once submitted it counts towards your monthly target like any audit. "
        "Start it now anyway?"),
        choices=(Choice("Yes, start it now", GO_ON, item.case_ref, "primary"), Choice("Not yet", WAIT, item.case_ref)))
    return [confirmations.ask(services, turn, reply, also_no=STOP_WORDS)]


def not_yet(item_ref: str, due: str) -> list[Reply]:
    """What *Not yet* says: nothing started, and how to start it later."""
    return [Reply(kind="notice", text=f"Not yet, then: nothing started. The re-audit of {item_ref} is due by {due}: "
                                      f"`re-audit {item_ref}` starts it when you are ready (it is listed under "
                                      "`/audit reaudits` and on Home).")]
