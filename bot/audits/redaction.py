"""Removing a stored text that identifies someone (user trial): `/audit redact 140` lists the audit's stored free
texts, now and in its revisions, each with a short number; `/audit redact 140 r3 [reason]` asks Yes or No, then
replaces that text, wherever the audit keeps a copy of it, with "[removed by <name> on 3 Dec 2026: <reason>]".

Who (bot.core.policy.may_redact): QA leads and admins any audit's texts; the auditor the texts they wrote, while the
audit is still theirs to edit. The list shows texts, so it is shown only to those who may read the audit too, and
never in a channel. Numbers: `t1`, `t2`… the texts now in the audit (answers' notes, text answers, reason,
strengths, areas for development, actions, moderation, reflections); `r3` the audit's third revision, whose earlier
text it keeps (revisions are only ever added, so `r3` always means the same one). The removal goes in the trail
without the text; the storage (bot.storage.redaction) replaces every copy and compacts the file.

Buttons: redact.confirm / redact.keep "<audit>:<item>" (outside the audit conversation table: no step waits on
them).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from bot.audits.core import Ctx, load, require_view
from bot.audits.numbering import question_label
from bot.core import buttons, policy
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.privacy.removal import MAX_REASON, is_removed, removal_marker
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from bot.storage import redaction as redaction_store
from bot.storage.common import parse_utc
from knowledge.dates import short_date

CONFIRMING = "confirming_redaction"  # the removal a Yes/No question waits on, beside the conversation
CONFIRM, KEEP = "redact.confirm", "redact.keep"
USAGE = ("Type `/audit redact <audit number>` to list its stored texts, then `/audit redact <audit number> <item>` "
         "with the item's number from that list, like `/audit redact 12 r3`, and a reason if you like.")
SHOWN_CHARS = 80
SUMMARY_WHAT = {"grade_reason": "reason for the grade", "strengths": "strengths",
                "development": "areas for development"}
WHO = ("QA leads and admins, and the auditor for the texts they wrote while the audit can still be edited (before a "
       "moderator opens it)")


@dataclass(frozen=True)
class Item:
    """One stored text as listed: its number (`t2`, `r3`), what it is, and who wrote it."""

    label: str
    what: str
    stored: redaction_store.StoredText

    @property
    def removed(self) -> bool:
        return is_removed(self.stored.text)

    @property
    def fingerprint(self) -> str:
        """Which text the confirmation was asked about, without keeping the text itself."""
        return hashlib.sha256(self.stored.text.encode()).hexdigest()[:16]


def _what(ctx: Ctx, place: str) -> str | None:
    """What a stored place is, in words; None for an answer that is not free text (yes/no, a grade, a date)."""
    kind, _, key = place.partition(":")
    if kind in ("evidence", "answer"):
        try:
            question = ctx.checklist.question(key)
        except KeyError:
            return None
        if kind == "answer" and question.type != "text":
            return None
        return f"{'note on' if kind == 'evidence' else 'answer to'} question {question_label(ctx.checklist, key)}"
    if kind in SUMMARY_WHAT:
        return SUMMARY_WHAT[kind]
    return {"action": f"action {key}", "moderation": "moderation reason",
            "response": "auditor's response to the moderation", "reflection": "worker's reflection"}.get(kind)


def items(services: Services, ctx: Ctx) -> list[Item]:
    """The audit's stored free texts, numbered: now in the audit (`t1`…), then kept in revisions (`r<n>`)."""
    found: list[Item] = []
    stored_texts = redaction_store.audit_texts(services.storage, ctx.audit.id)
    order = {question.id: index for index, question in enumerate(ctx.checklist.questions())}
    current = sorted((text for text in stored_texts if not text.ordinal), key=lambda text: (
        order.get(text.place.partition(":")[2], len(order)) if text.place.startswith(("evidence:", "answer:"))
        else len(order) + 1))
    for stored in current:
        what = _what(ctx, stored.place)
        if what is not None:
            found.append(Item(f"t{len(found) + 1}", what, stored))
    for stored in stored_texts:
        # an action's revisions hold its description inside a longer line: the action itself (`t`) removes it
        what = _what(ctx, stored.field) if stored.ordinal and not stored.field.startswith("action") else None
        if what is not None:
            day = short_date(parse_utc(stored.at or "").astimezone(services.settings.timezone).date())
            found.append(Item(f"r{stored.ordinal}", f"{what}, kept {day}", stored))
    return found


def _author(ctx: Ctx, item: Item) -> str | None:
    """Who wrote the text: the auditor's response is the auditor's; a revision's earlier text its changer's."""
    return ctx.audit.auditor_id if item.stored.place.startswith("response:") else item.stored.by


def _readable(services: Services, turn: Turn, args: str) -> tuple[Ctx, str]:
    """The audit named, if this person may list its texts, and the rest of what was typed."""
    number, _, rest = args.strip().partition(" ")
    audit_id = buttons.parse_id(number.lstrip("#"))
    if audit_id is None:
        raise UserError(USAGE)
    if store.get_audit(services.storage, audit_id) is None:
        raise UserError(f"I can't find audit #{audit_id}. `/audit list` shows the audits you can read.")
    ctx = load(services, audit_id)
    require_view(services, turn.person, ctx.audit)
    if not policy.may_redact(turn.person, ctx.audit, ctx.audit.auditor_id):
        raise AccessDenied(f"Removing a stored text is for {WHO}. If a text in audit #{audit_id} could identify "
                           "someone, tell your QA lead which one.")
    return ctx, rest.strip()


def redact_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit redact 140` lists; `/audit redact 140 r3 [reason]` asks to confirm the removal."""
    if turn.surface == "channel":
        return [Reply(text="Stored texts hold case details, so I've not listed them here: use our direct messages.")]
    ctx, rest = _readable(services, turn, args)
    label, _, reason = rest.partition(" ")
    if not label:
        return [listing(services, ctx)]
    return [_ask(services, turn, ctx, label.lower(), reason.strip())]


def listing(services: Services, ctx: Ctx) -> Reply:
    """Every stored text with its number, what it is and (clipped) what it says."""
    found = items(services, ctx)
    audit_id = ctx.audit.id
    if not found:
        return Reply(text=f"Audit #{audit_id} holds no free text to remove.")
    current = [item for item in found if item.label.startswith("t")]
    kept = [item for item in found if item.label.startswith("r")]
    parts = [f"**Stored texts of audit #{audit_id}**. To remove one that could identify someone, type `/audit redact "
             f"{audit_id} <number>`, like `/audit redact {audit_id} {found[-1].label}`, and a reason if you like. "
             "You are asked to confirm first: a removal cannot be undone."]
    if current:
        parts.append("**Now in the audit:**\n" + "\n".join(_line(item) for item in current))
    if kept:
        parts.append("**Earlier versions, kept as revisions:**\n" + "\n".join(_line(item) for item in kept))
    return Reply(text="\n\n".join(parts), title=f"Stored texts of audit #{audit_id}")


def _line(item: Item) -> str:
    text = " ".join(item.stored.text.split())
    shown = text if len(text) <= SHOWN_CHARS or item.removed else text[:SHOWN_CHARS - 1] + "…"
    return f"• {item.label}: {item.what} — “{shown}”"


def _find(services: Services, turn: Turn, ctx: Ctx, label: str) -> Item:
    """The item `label` names, if this person may remove it and it is not removed already; else why not."""
    item = next((item for item in items(services, ctx) if item.label == label), None)
    audit_id = ctx.audit.id
    if item is None:
        raise UserError(f"Audit #{audit_id} has no stored text `{label}`. Type `/audit redact {audit_id}` for the "
                        "list and its numbers (`t` for texts now in the audit, `r` for earlier versions).")
    if item.removed:
        raise StaleAction(f"{label} ({item.what}) was already removed: it reads “{item.stored.text}”. Nothing "
                          "changed.")
    if not policy.may_redact(turn.person, ctx.audit, _author(ctx, item)):
        raise AccessDenied(f"{label} ({item.what}) was not written by you, so removing it is for a QA lead or an "
                           "admin: tell them which text and why.")
    return item


def _ask(services: Services, turn: Turn, ctx: Ctx, label: str, reason: str) -> Reply:
    """Yes or No, with the whole text shown, since a removal cannot be undone."""
    item = _find(services, turn, ctx, label)
    if len(reason) > MAX_REASON:
        raise UserError(f"Keep the reason short (up to {MAX_REASON} characters), like `may identify a child`.")
    reason = screen_text(reason, services.identifier_screen, "that reason") if reason else ""
    pending = {"audit": ctx.audit.id, "label": label, "fingerprint": item.fingerprint, "reason": reason}
    store.keep_aside(services.storage, turn.user_id, CONFIRMING, pending, turn.now)
    value = buttons.encode_id_and_key(ctx.audit.id, label)
    marker = _marker(services, turn, reason)
    return confirmations.ask(services, turn, Reply(kind="question", text=(
        f"Remove {label} from audit #{ctx.audit.id} for good? {item.what[:1].upper()}{item.what[1:]}:\n"
        f"“{item.stored.text}”\nEvery copy the audit keeps of it will read “{marker}”. This cannot be undone."),
        choices=(Choice("Yes, remove it", CONFIRM, value, "danger"), Choice("No, keep it", KEEP, value))))


def _marker(services: Services, turn: Turn, reason: str) -> str:
    day = short_date(turn.now.astimezone(services.settings.timezone).date())
    return removal_marker(services.directory.label(turn.user_id), day, reason)


def on_confirm(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes: the text replaced in every table that holds it, and the removal trailed without it."""
    audit_id, label = buttons.id_and_key(value, f"type `/audit redact {value.partition(':')[0]}` again")
    pending = store.conversation(services.storage, turn.user_id).get(CONFIRMING)
    store.keep_aside(services.storage, turn.user_id, CONFIRMING, None, turn.now)
    if not isinstance(pending, dict) or (pending.get("audit"), pending.get("label")) != (audit_id, label):
        raise StaleAction(f"That question is out of date, so nothing was removed. Type `/audit redact {audit_id} "
                          f"{label}` to ask again.")
    ctx, _ = _readable(services, turn, str(audit_id))
    item = _find(services, turn, ctx, label)
    if item.fingerprint != pending.get("fingerprint"):
        raise StaleAction(f"{label} of audit #{audit_id} changed since you were asked, so nothing was removed. Type "
                          f"`/audit redact {audit_id}` to see the list as it is now.")
    marker = _marker(services, turn, str(pending.get("reason") or ""))
    text_questions = [question.id for question in ctx.checklist.questions() if question.type == "text"]
    field = item.stored.field or item.stored.place
    copies = redaction_store.redact_audit_text(services.storage, audit_id, item.stored.text, marker, text_questions,
                                               turn.user_id, turn.now, {"item": label, "field": field})
    if not copies:
        raise StaleAction(f"{label} of audit #{audit_id} is no longer stored as it was, so nothing was removed. Type "
                          f"`/audit redact {audit_id}` to see the list as it is now.")
    where = "its 1 stored copy now reads" if copies == 1 else f"all {copies} stored copies now read"
    return [Reply(text=f"Removed {label} ({item.what}) from audit #{audit_id}: {where} “{marker}”. The "
                       "removal is in the audit trail, without the text. Messages Slack already showed are not "
                       "changed: delete them in Slack if they hold it.")]


def on_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """No: nothing removed."""
    audit_id, label = buttons.id_and_key(value)
    store.keep_aside(services.storage, turn.user_id, CONFIRMING, None, turn.now)
    return [Reply(kind="notice", text=f"OK: {label} of audit #{audit_id} is kept as it is. Nothing was removed.")]
