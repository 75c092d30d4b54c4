"""One check before an urgent alert goes: an immediate-concern answer (`escalate_if`) or an Inadequate overall grade
alerts managers or QA leads at once, so a slip of the finger would send them to a case nobody is worried about.

Nothing is stored until the auditor says send: the answer (or grade) and what came with it wait in the person's
conversation (state `confirm_alert`), with the people the alert would reach. *Send the alert* (or typing `send` or
`yes`) stores it and sends the alert at once, exactly as before; *No, go back and change it* (or `no`) leaves
nothing stored and shows the question again. Sending is never put off to submission.

The same question (`check`) is asked wherever else an Inadequate grade is about to alert: a moderator's Inadequate
(bot.audits.moderation_alert) and `/audit edit 12 grade inadequate <why>` (bot.audits.regrade_check).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.audits.core import Ctx, own_draft, split_value, waiting, waiting_at
from bot.audits.screens import render
from bot.core.markup import emoji
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

STATE = "confirm_alert"
SEND = "send"
BACK = "back"
# Typed answers to "Send it?": only these; anything else is told the two ways on.
SEND_WORDS = frozenset({"yes", "y", "yeah", "yep", "send", "send it", "send the alert", "yes send", "yes send it",
                        "send alert", "confirm", "yes please"})
BACK_WORDS = frozenset({"no", "n", "nope", "no mistake", "mistake", "by mistake", "no by mistake", "back",
                        "dont send", "do not send", "dont send it", "no dont send", "no dont send it",
                        "no i pressed yes by mistake", "i pressed yes by mistake", "oops", "wrong button",
                        "go back", "no go back", "go back and change it", "no go back and change it", "change it"})


def typed_choice(text: str) -> str | None:
    """`send` or `back` for a typed answer to the confirm, else None (some other text)."""
    words = " ".join(re.sub(r"[^a-z ]", "", text.lower().replace(",", " ")).split())
    if words in SEND_WORDS:
        return SEND
    if words in BACK_WORDS:
        return BACK
    return None


def ask(services: Services, turn: Turn, ctx: Ctx, targets: Sequence[str], what: Mapping[str, Any]) -> list[Reply]:
    """Hold the answer or grade (`what`: kind `answer` with question, value, key and note, or kind `grade` with
    grade and reason) and ask before alerting `targets`. Everything in `what` is already screened."""
    data = waiting(STATE, audit_id=ctx.audit.id, version=ctx.version, step=ctx.audit.step, to=list(targets),
                   **what)
    store.set_conversation(services.storage, turn.user_id, data, turn.now)
    return screen(services, ctx, data)


def screen(services: Services, ctx: Ctx, data: Mapping[str, Any]) -> list[Reply]:
    """"This sends an urgent alert now to <names>. Send it?", with Send and the way back to the question."""
    if data.get("kind") == "grade":
        said = f"You chose **Inadequate** as the overall grade of audit #{ctx.audit.id}."
    else:
        question = ctx.checklist.question(str(data.get("question")))
        pressed = question.answer_label(str(data.get("value")))
        noted = " (with your note)" if data.get("note") else ""
        said = f"You answered **{pressed}**{noted} to “{question.text}”"
    key = str(data.get("key") or data.get("grade") or "")
    return [check(services, said, data.get("to", ()), ("audit.alert_send", ctx.value(key)),
                  ("audit.alert_back", ctx.value()))]


def check(services: Services, said: str, targets: Sequence[str], send: tuple[str, str],
          back: tuple[str, str]) -> Reply:
    """The one check before an urgent alert, wherever one is about to go: what was chosen (`said`), who it alerts
    now, *Send the alert* (`send`: action and value) and *No, go back and change it* (`back`). Asked the same way
    everywhere, so whoever is about to alert managers reads the same question and has the same way out."""
    names = ", ".join(services.directory.label(target) for target in targets)
    return Reply(text=f"{emoji('alarm')} {said}\nThis sends an urgent alert now to {names}. Send it?",
                 kind="question", note="Or type `send`, or `no` to go back and change it.",
                 choices=(Choice("Send the alert", *send, "danger"),
                          Choice("No, go back and change it", *back)))


def pending(services: Services, turn: Turn, ctx: Ctx) -> dict[str, Any] | None:
    """The answer or grade waiting for Send on this audit at its current version, or None."""
    data = store.conversation(services.storage, turn.user_id)
    if (data.get("awaiting") == STATE and data.get("audit_id") == ctx.audit.id
            and data.get("version") == ctx.version):
        return data
    return None


def back(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, go back and change it*: nothing stored, nobody alerted; the question (or the grade) again."""
    audit_id, _version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    held = pending(services, turn, ctx)
    store.set_conversation(services.storage, turn.user_id, waiting_at(audit_id, ctx.audit.step), turn.now)
    what = "grade" if held is not None and held.get("kind") == "grade" else "answer"
    return [Reply(kind="notice", text=f"OK, no alert was sent and that {what} was not saved. Here is the "
                                      f"{'overall grade' if what == 'grade' else 'question'} again."),
            *render(services, ctx)]


def not_sent_help(services: Services, data: Mapping[str, Any]) -> UserError:
    """Other text typed at the confirm: nothing was sent, and the two ways on."""
    names = ", ".join(services.directory.label(target) for target in data.get("to", ()))
    return UserError(f"No alert has been sent yet, and I haven't stored that. Type `send` (or press Send the alert) "
                     f"to alert {names} now, or `no` to go back and change it.")
