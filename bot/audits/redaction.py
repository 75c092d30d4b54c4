"""Removing a stored text that identifies someone (user trial): `/audit redact 140` lists the audit's stored free
texts, now and in its revisions, each with a short name; `/audit redact 140 r3 [reason]` (or several items, `q7 r3`)
asks Yes or No, then replaces each text, wherever the audit keeps a copy of it, with "[removed by <name> on 3 Dec
2026: <reason>]".

Who (bot.core.policy.may_redact): QA leads and admins any audit's texts; the auditor the texts they wrote, while the
audit is still theirs to edit. The list shows texts, so it is shown only to those who may read the audit too, and
never in a channel. Items are named by where the text is kept, so a name keeps meaning the same text as others are
added: `q7` (question 7's note or text answer), `reason`, `strengths`, `development`, `a12` (action 12), `mod1`,
`reply1`, `refl1` (moderations, the auditor's responses and reflections, in the order stored); `r3` the audit's third
revision, whose earlier text it keeps (revisions are only ever added, so `r3` always means the same one). The removal
goes in the trail without the text; the storage (bot.storage.redaction) replaces every copy and compacts the file.

Buttons: redact.confirm / redact.keep "<audit>:<item>" (outside the audit conversation table: no step waits on
them).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bot.audits import held_redaction
from bot.audits.core import Ctx, load, require_view
from bot.audits.numbering import question_label
from bot.core import buttons, policy
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.privacy.removal import MARKER_START, MAX_REASON, is_removed, removal_marker
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from bot.storage import redaction as redaction_store
from bot.storage.common import parse_utc
from knowledge.dates import short_date

CONFIRMING = "confirming_redaction"  # the removal a Yes/No question waits on, beside the conversation
CONFIRM, KEEP = "redact.confirm", "redact.keep"
USAGE = ("Type `/audit redact <audit number>` to list its stored texts, then `/audit redact <audit number> <item>` "
         "with the item's number from that list, like `/audit redact 12 r3`, and a reason if you like.")
SUMMARY_WHAT = {"grade_reason": "reason for the grade", "strengths": "strengths",
                "development": "areas for development"}
SHORT = {"moderation": "mod", "response": "reply", "reflection": "refl"}
# What an item's name looks like: the words after it are the reason. `t3` is the old numbering, named to be refused.
ITEM_NAME = re.compile(r"(?:r|t|a|d|mod|reply|refl)\d{1,9}|q\d{1,3}[a-z]?n?|reason|strengths|development",
                       re.IGNORECASE)
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
    return {"action": f"action {key}", "done": f"note on action {key} marked done", "moderation": "moderation reason",
            "response": "auditor's response to the moderation", "reflection": "worker's reflection"}.get(kind)


def items(services: Services, ctx: Ctx) -> list[Item]:
    """The audit's stored free texts, each named by where it is kept, so a name never moves to another text as
    texts are added (a trial's `t8`, the reflection, became `t9` once a moderation reason came before it): `q7`
    the note on (or text answer to) question 7, `reason`, `strengths`, `development`, `a12` action 12, `mod1` the
    first moderation's reason, `reply1` the auditor's response to it, `refl1` the first reflection; then `r3`, the
    earlier text the audit's third revision keeps."""
    found: list[Item] = []
    stored_texts = redaction_store.audit_texts(services.storage, ctx.audit.id)
    order = {question.id: index for index, question in enumerate(ctx.checklist.questions())}
    current = sorted((text for text in stored_texts if not text.ordinal), key=lambda text: (
        order.get(text.place.partition(":")[2], len(order)) if text.place.startswith(("evidence:", "answer:"))
        else len(order) + 1))
    answered = {text.place.partition(":")[2] for text in current
                if text.place.startswith("answer:") and _what(ctx, text.place) is not None}
    counts: dict[str, int] = {}
    for stored in current:
        what = _what(ctx, stored.place)
        if what is not None:
            found.append(Item(_label(ctx, stored.place, answered, counts), what, stored))
    for stored in stored_texts:
        # an action's revisions hold its description inside a longer line: the action itself removes it
        what = _what(ctx, stored.field) if stored.ordinal and not stored.field.startswith("action") else None
        if what is not None:
            day = short_date(parse_utc(stored.at or "").astimezone(services.settings.timezone).date())
            found.append(Item(f"r{stored.ordinal}", f"{what}, kept {day}", stored))
    return found


def _label(ctx: Ctx, place: str, answered: set[str], counts: dict[str, int]) -> str:
    """A current text's name, from where it is kept; `counts` numbers moderations and reflections in the order
    they were stored (they are only ever added)."""
    kind, _, key = place.partition(":")
    if kind in ("evidence", "answer"):
        label = f"q{question_label(ctx.checklist, key)}"
        return f"{label}n" if kind == "evidence" and key in answered else label  # a text answer with a note too
    if kind in SUMMARY_WHAT:
        return {"grade_reason": "reason"}.get(kind, kind)
    if kind in ("action", "done"):
        return f"{kind[0]}{key}"
    counts[kind] = counts.get(kind, 0) + 1
    return f"{SHORT[kind]}{counts[kind]}"


def _author(ctx: Ctx, item: Item) -> str | None:
    """Who wrote the text: the auditor's response is the auditor's; a revision's earlier text its changer's."""
    return ctx.audit.auditor_id if item.stored.place.startswith("response:") else item.stored.by


def _readable(services: Services, turn: Turn, args: str) -> tuple[Ctx, str]:
    """The audit named, if this person may list its texts, and the rest of what was typed."""
    number, _, rest = args.strip().partition(" ")
    audit_id = buttons.typed_id(number.lstrip("#"))
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
    """`/audit redact 140` lists; `/audit redact 140 q7 [q9 …] [reason]` asks to confirm the removal."""
    if turn.surface == "channel":
        return [Reply(text="Stored texts hold case details, so I've not listed them here: use our direct messages.")]
    ctx, rest = _readable(services, turn, args)
    labels, reason = _named(rest)
    if not labels:
        if reason:
            raise UserError(f"`{reason.split()[0]}` is not an item of the list. {USAGE}")
        return [listing(services, ctx)]
    return [_ask(services, turn, ctx, labels, reason)]


def _named(rest: str) -> tuple[list[str], str]:
    """The items named first (`q7 r2`), each once, and the words after them: the reason."""
    words = rest.split()
    count = next((index for index, word in enumerate(words) if not ITEM_NAME.fullmatch(word)), len(words))
    return list(dict.fromkeys(word.lower() for word in words[:count])), " ".join(words[count:])


def listing(services: Services, ctx: Ctx) -> Reply:
    """Every stored text with its name, what it is and all of what it says (a name may be at the end of a note)."""
    found = items(services, ctx)
    audit_id = ctx.audit.id
    if not found:
        return Reply(text=f"Audit #{audit_id} holds no free text to remove.")
    current = [item for item in found if not item.stored.ordinal]
    kept = [item for item in found if item.stored.ordinal]
    parts = [f"**Stored texts of audit #{audit_id}**. To remove one that could identify someone, type `/audit redact "
             f"{audit_id} <item>`, like `/audit redact {audit_id} {found[-1].label}` (several: `/audit redact "
             f"{audit_id} q2 q3`), and a reason if you like. Items keep their names as texts are added. You are "
             "asked to confirm first: a removal cannot be undone."]
    if current:
        parts.append("**Now in the audit:**\n" + "\n".join(_line(item) for item in current))
    if kept:
        parts.append("**Earlier versions, kept as revisions:**\n" + "\n".join(_line(item) for item in kept))
    return Reply(text="\n\n".join(parts), title=f"Stored texts of audit #{audit_id}")


def _line(item: Item) -> str:
    return f"• {item.label}: {item.what} — “{' '.join(item.stored.text.split())}”"


def _find(services: Services, turn: Turn, ctx: Ctx, label: str) -> Item:
    """The item `label` names, if this person may remove it and it is not removed already; else why not."""
    item = next((item for item in items(services, ctx) if item.label == label), None)
    audit_id = ctx.audit.id
    if item is None:
        raise UserError(f"Audit #{audit_id} has no stored text `{label}`. Type `/audit redact {audit_id}` for the "
                        "list and its items (named by where they are kept, like `q7`, `strengths` or `refl1`; `r` "
                        "for earlier versions).")
    if item.removed:
        raise StaleAction(f"{label} ({item.what}) was already removed: it reads “{item.stored.text}”. Nothing "
                          "changed.")
    if not policy.may_redact(turn.person, ctx.audit, _author(ctx, item)):
        raise AccessDenied(f"{label} ({item.what}) was not written by you, so removing it is for a QA lead or an "
                           "admin: tell them which text and why.")
    return item


def _ask(services: Services, turn: Turn, ctx: Ctx, labels: list[str], reason: str) -> Reply:
    """Yes or No, with every text shown whole, since a removal cannot be undone."""
    chosen = [_find(services, turn, ctx, label) for label in labels]
    if len(reason) > MAX_REASON:
        raise UserError(f"Keep the reason short (up to {MAX_REASON} characters), like `may identify a child`.")
    reason = screen_text(reason, services.identifier_screen, "that reason") if reason else ""
    pending = {"audit": ctx.audit.id, "labels": labels, "fingerprints": [item.fingerprint for item in chosen],
               "reason": reason}
    store.keep_aside(services.storage, turn.user_id, CONFIRMING, pending, turn.now)
    value = buttons.encode_id_and_key(ctx.audit.id, ",".join(labels))
    marker = _marker(services, turn, reason)
    shown = "\n".join(f"{item.label}, {item.what}: “{item.stored.text}”" for item in chosen)
    which, copies = ((labels[0], "Every copy the audit keeps of it") if len(chosen) == 1 else
                     (f"these {len(chosen)} texts", "Every copy the audit keeps of each"))
    return confirmations.ask(services, turn, Reply(kind="question", text=(
        f"Remove {which} from audit #{ctx.audit.id} for good?\n{shown}\n{copies} will read “{marker}”. This "
        "cannot be undone."),
        choices=(Choice("Yes, remove it", CONFIRM, value, "danger"), Choice("No, keep it", KEEP, value))),
        not_yet=confirmations.REMOVAL_NOT_YET)


def _marker(services: Services, turn: Turn, reason: str) -> str:
    day = short_date(turn.now.astimezone(services.settings.timezone).date())
    return removal_marker(services.directory.label(turn.user_id), day, reason)


def on_confirm(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes: each text replaced in every table that holds it, and each removal trailed without it."""
    audit_id, key = buttons.id_and_key(value, f"type `/audit redact {value.partition(':')[0]}` again")
    labels = key.split(",")
    pending = store.conversation(services.storage, turn.user_id).get(CONFIRMING)
    store.keep_aside(services.storage, turn.user_id, CONFIRMING, None, turn.now)
    if not isinstance(pending, dict) or (pending.get("audit"), pending.get("labels")) != (audit_id, labels):
        raise StaleAction(f"That question is out of date, so nothing was removed. Type `/audit redact {audit_id} "
                          f"{' '.join(labels)}` to ask again.")
    ctx, _ = _readable(services, turn, str(audit_id))
    chosen = [_find(services, turn, ctx, label) for label in labels]
    changed = [item.label for item, was in zip(chosen, pending.get("fingerprints") or [], strict=False)
               if item.fingerprint != was]
    if changed or len(pending.get("fingerprints") or []) != len(chosen):
        raise StaleAction(f"{', '.join(changed) or 'A text'} of audit #{audit_id} changed since you were asked, so "
                          f"nothing was removed. Type `/audit redact {audit_id}` to see the list as it is now.")
    marker = _marker(services, turn, str(pending.get("reason") or ""))
    text_questions = [question.id for question in ctx.checklist.questions() if question.type == "text"]
    said: list[str] = []
    removed: dict[str, str] = {}  # a text removed already, by the item that held it: every copy went with it
    for item in chosen:
        if item.stored.text in removed:
            said.append(f"Removed {item.label} ({item.what}) with {removed[item.stored.text]}: it held the same text.")
            continue
        field = item.stored.field or item.stored.place
        copies = redaction_store.redact_audit_text(services.storage, audit_id, item.stored.text, marker,
                                                   text_questions, turn.user_id, turn.now,
                                                   {"item": item.label, "field": field})
        if not copies:
            said.append(f"{item.label} of audit #{audit_id} is no longer stored as it was, so it was not removed. "
                        f"Type `/audit redact {audit_id}` to see the list as it is now.")
            continue
        removed[item.stored.text] = item.label
        where = "its 1 stored copy now reads" if copies == 1 else f"all {copies} stored copies now read"
        said.append(f"Removed {item.label} ({item.what}) from audit #{audit_id}: {where} “{marker}”.")
    if not any(line.startswith("Removed") for line in said):
        raise StaleAction(" ".join(said))
    trailed = ("The removal is in the audit trail, without the text." if len(said) == 1 else
               "\nEach removal is in the audit trail, without the text.")
    lines = "\n".join(said)
    again, told = _write_again(services, turn, ctx, _notes_gone(ctx, chosen, removed))
    after = [*_also_asked(services, turn, list(removed), marker), *again,
             *_held_too(services, turn, audit_id, list(removed), marker), _sent_messages(ctx)]
    return [Reply(text=f"{lines} {trailed}\n" + "\n".join(after)), *told]


def _also_asked(services: Services, turn: Turn, texts: list[str], marker: str) -> list[str]:
    """The same words asked of the knowledge base (a note typed where no audit waited, trial 57 F1): removed too
    when a QA lead or admin redacts, since they confirmed these words go and a second step left undone would keep
    them on the QA leads' list; anyone else is told which questions to ask a QA lead to remove."""
    asked = redaction_store.asks_holding(services.storage, texts, MARKER_START)
    if not asked:
        return []
    numbers = _join_numbers(asked)
    questions = "question" if len(asked) == 1 else "questions"
    if policy.may_keep_knowledge(turn.person):
        redaction_store.redact_asks(services.storage, asked, marker, turn.user_id, turn.now,
                                    {"audit_redaction": True})
        return [f"The same words were also asked of the knowledge base ({questions} {numbers}): removed there too, "
                f"so `kb find` and the QA leads' list no longer hold them."]
    commands = " and ".join(f"`/audit kb remove {ask_id}`" for ask_id in asked)
    return [f"The same words were also asked of the knowledge base ({questions} {numbers}) and are still stored "
            f"there: ask a QA lead to type {commands}."]


def _join_numbers(ids: list[int]) -> str:
    shown = [f"#{ask_id}" for ask_id in ids]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _notes_gone(ctx: Ctx, chosen: list[Item], removed: dict[str, str]) -> list[str]:
    """The question numbers whose whole evidence note was removed from a submitted audit."""
    numbers = []
    for item in chosen:
        kind, _, key = item.stored.place.partition(":")
        if kind == "evidence" and removed.get(item.stored.text) == item.label and ctx.audit.status != "draft":
            numbers.append(question_label(ctx.checklist, key))
    return numbers


def _write_again(services: Services, turn: Turn, ctx: Ctx, numbers: list[str]) -> tuple[list[str], list[Reply]]:
    """A whole evidence note removed leaves its grade with none (trial 57 F15): how to write it again. Only the
    auditor may (trial 58 F14: a QA lead told to type it was refused), so a redactor who is not the auditor is told
    to ask them, and the auditor, when still in teams.yaml, gets the same line by DM."""
    audit_id, auditor = ctx.audit.id, ctx.audit.auditor_id
    commands = [f"`/audit edit {audit_id} note {number} <text>`" for number in numbers]
    if not numbers or turn.user_id == auditor:
        return [f"Q{number} now has no evidence note: type {command} to write it again without the identifier."
                for number, command in zip(numbers, commands, strict=True)], []
    name = services.directory.label(auditor)
    here = services.directory.person(auditor) is not None
    lines = [f"Q{number} now has no evidence note: ask {name}, its auditor, to write it again: {command}"
             + (" (I've told them)." if here else ".") for number, command in zip(numbers, commands, strict=True)]
    told = [Reply(to_user=auditor, kind="notice", text=(
        f"{services.directory.label(turn.user_id)} removed the evidence note of Q{number} of audit #{audit_id}, as it "
        f"could identify someone, so its grade has no evidence now. Please write it again without the identifier: "
        f"{command}")) for number, command in zip(numbers, commands, strict=True)] if here else []
    return lines, told


def _held_too(services: Services, turn: Turn, audit_id: int, texts: list[str], marker: str) -> list[str]:
    """DMs about the audit held for their reader's working hours and not yet sent that quote the text, whole or cut
    short (fix65b, fix70c: bot.audits.held_redaction): changed too, or they would deliver the removed words later,
    under "While you were away" or at the start of the reader's hours."""
    count = held_redaction.redact_held(services, turn, audit_id, texts, marker)
    if not count:
        return []
    which = "1 held message not yet sent was" if count == 1 else f"{count} held messages not yet sent were"
    return [f"{which} changed too: where each quoted the text, it now reads “{marker}”."]


def _sent_messages(ctx: Ctx) -> str:
    """What happens to Slack messages already sent (trial 57 F16): the bot keeps no record of them to update."""
    told = "" if ctx.audit.status == "draft" else (
        ", such as the summary of this audit sent to the case's worker (and their manager's copy) when it was "
        "submitted")
    return (f"Messages already sent in Slack were not changed{told}: the bot keeps no copy of them to update, so "
            "ask whoever received them to delete them in Slack if they hold the text.")


def on_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """No: nothing removed."""
    audit_id, key = buttons.id_and_key(value)
    store.keep_aside(services.storage, turn.user_id, CONFIRMING, None, turn.now)
    labels = key.split(",")
    if len(labels) == 1:
        return [Reply(kind="notice", text=f"OK: {key} of audit #{audit_id} is kept as it is. Nothing was removed.")]
    which = f"{', '.join(labels[:-1])} and {labels[-1]}"
    return [Reply(kind="notice", text=f"OK: {which} of audit #{audit_id} are kept as they are. Nothing was removed.")]
