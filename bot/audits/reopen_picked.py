"""*Change answers* picked by its number in the terminal chat: asked first, `yes` reopening the audit.

Trial 51 (F14): `submit` -> "Audit #139 is submitted… 1) Change answers"; the tired manager's next `1` (meant for
nothing, or for an earlier menu) reopened the audit at once ("== Review: audit #139 == … 1) Submit the changes"),
taking it out of the moderation queue, and the next session began "Picking up where you left off: == Review: audit
#139 ==". A number is easier to type by mistake than a button is to press, so the terminal chat sends a picked
*Change answers* here (bot.terminal.chat), as it sends a picked *Done* (bot.audits.done_picked): "Reopen submitted
audit #139 to change its answers?", *Yes, change answers* reopening it as the button does, *No, leave it submitted*
(or `no`, `cancel`, `stop`) changing nothing. In Slack the button stays one tap, as *Done* does there, and the typed
command `/audit edit 139` reopens at once: both are deliberate.
"""

from __future__ import annotations

from bot.audits import finish, lifecycle
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store

REOPEN = "audit.reopen"  # the button a picked number would press
ASKED = "reopen.picked"  # what the terminal chat presses instead
YES, NO = "reopen.yes", "reopen.no"
ALSO_NO = ("cancel", "stop", "leave it", "leave it submitted", "keep it submitted")


def on_picked(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The auditor is asked first; an audit that can't be reopened gets the button's own refusal."""
    audit_id = buttons.record_id(value, "type `/audit edit <audit number>`, for example `/audit edit 12`")
    if lifecycle.reopen_refusal(store.get_audit(services.storage, audit_id), audit_id, turn.user_id) is not None:
        return finish.on_reopen(services, turn, value)
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"Reopen submitted audit #{audit_id} to change its answers? It leaves the moderation "
                              "queue until you submit it again.",
        choices=(Choice("Yes, change answers", YES, str(audit_id), "primary"),
                 Choice("No, leave it submitted", NO, str(audit_id)))), also_no=ALSO_NO,
        set_aside=f"Audit #{audit_id} stays submitted: to change its answers, type `/audit edit {audit_id}`.")]


def on_no(value: str) -> list[Reply]:
    """*No, leave it submitted*: nothing changes, and how to change answers later."""
    audit_id = buttons.record_id(value)
    return [Reply(kind="notice", text=f"Not reopened: audit #{audit_id} stays submitted for moderation, nothing "
                                      f"changed. To change its answers later, type `/audit edit {audit_id}`.")]


def install(engine: Engine, services: Services) -> None:
    """Register the picked *Change answers*' question and its Yes and No."""
    engine.add_action(ASKED, lambda turn, value: on_picked(services, turn, value))
    confirmations.add_answers(engine, services,
                              (YES, lambda turn, value: finish.on_reopen(services, turn, value)),
                              (NO, lambda turn, value: on_no(value)))
