"""Messages about an edit, held until the edited audit is resubmitted (trial 43, finding 6).

During `/audit edit 149` (the audit reopened, out of moderation until submitted again) a manager moved an action's due
date, and its owner was told at once, although the audit might never be resubmitted with that change. So what an edit
tells an action's owner (a new due date or owner, a removed action) is kept with the audit and sent when it is
resubmitted (`release`, read by bot.audits.finish.on_submit; storage drops it on submitting). An audit left open
sends nothing. An Inadequate grade or an immediate concern is not held: it alerts at once, as it is urgent, and the
reply says the alert stands (bot.audits.grade_alerts, bot.audits.questions).

fix52f: a held message says the new due date with how near it is, "(in 10 days)", as of the day of the edit; sent on
resubmitting days later it still said so. `release` says it again for the day it is sent (`reply_near_again`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.audits.core import Ctx
from bot.audits.handed_over import reply_near_again
from bot.core.replies import Reply
from bot.core.services import Services

HELD = "held_tells"  # in the audit's state: [{"to_user": …, "text": …}, …], sent on resubmitting


def reopened(ctx: Ctx) -> bool:
    """Whether `ctx` is an audit reopened after submitting (open for changes, not yet resubmitted)."""
    return ctx.audit.submitted_at is not None and ctx.audit.status == "draft"


def state(ctx: Ctx, tells: list[Reply]) -> dict[str, Any] | None:
    """The audit's state with `tells` held after any held already; None when there is nothing to hold."""
    if not tells:
        return None
    held = [*(ctx.audit.state.get(HELD) or []),
            *({"to_user": told.to_user, "text": told.text} for told in tells)]
    return {HELD: held}


def said(services: Services, ctx: Ctx, tells: list[Reply]) -> list[Reply]:
    """The line telling the auditor who will be told, and when."""
    names = sorted({services.directory.label(told.to_user or "") for told in tells})
    if not names:
        return []
    return [Reply(kind="notice", text=(f"I'll tell {' and '.join(names)} when you resubmit audit #{ctx.audit.id}; "
                                       "if you don't resubmit it, nobody is told."))]


def release(ctx: Ctx, today: date) -> list[Reply]:
    """The messages held during the edit, to send now the audit is resubmitted on `today`: how near a due date is
    said for `today`, not the day of the edit."""
    return [reply_near_again(Reply(to_user=held["to_user"], text=held["text"]), today)
            for held in ctx.audit.state.get(HELD) or [] if isinstance(held, dict) and held.get("to_user")]
