"""Handing an action to a colleague: `action 2 owner Social worker N2` once the audit is being moderated or has been,
and a handover asked in words (`N1 is off sick, can i hand action 2 over to N2`, `reassign action 2 to social
worker n2`) wherever it is typed.

Trial 50 (finding 2): a manager whose worker was off sick could not give the worker's action to a colleague once the
audit was moderated ("Audit #1 has been moderated, so its answers and grade are on record…"), although the same
action's due date could be moved (bot.audits.more_time_answer). Asked in words, one handover was read as pausing the
worker's reminders and another went on the QA leads' unanswered list. Who owns an action is workflow, not the graded
record, so now its auditor, a manager of its owner or an admin may hand it over whatever the audit's state, as a due
date is moved: kept as a revision and in the trail, the old owner told it is no longer theirs and the new one that it
is (bot.audits.action_edit.tell). Asked in words it is read back first, Yes or No; a person the bot doesn't know gets
the case's people nearest to what was typed. The new owner must be one of the case's people
(bot.audits.action_owners), as anywhere an owner is typed.

Trial 50 follow-ups (fix52e): `/audit edit 1 action 2 owner N2`, the slash form, hands over as the typed form does;
a "person" that is nobody of the case's but reads as a date (`give action 2 to 15/1`) is answered with the due-date
command and the date read back, never "I don't know “15/1”"; and a handover typed at a draft's actions or submit step
(`hand action 1 to N2`) changes that action's owner there, as `action 1 owner N2` does, where it had been taken for a
new action's words (`typed_in_draft`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from bot.audits import action_edit, action_owners, lifecycle
from bot.audits.action_removal import numbers_text
from bot.audits.core import Ctx, load
from bot.audits.owner_as_date import date_instead
from bot.core import buttons
from bot.core.markup import audit_and_case
from bot.core.owner_manager import auditor_answers, may_answer_for
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.audits import AuditRow
from bot.storage.errors import NotFound
from knowledge.dates import long_date

YES, NO = "handover.yes", "handover.no"
PRIORITY = 24  # before another person's time away said in words (26), which took "N1 is off sick, … hand action 2"

# "hand action 2 over to N2", "hand over action 2 to N2", "pass action 2 on to N2", "reassign action #2 to sw n2",
# "give action 2 to N2", "transfer action 2 to N2": anywhere in the line, after "N1 is off sick, can i" or the like.
VERB = r"(?:hand(?:\s+over)?|handover|pass(?:\s+(?:on|over))?|give|re-?assign|re-?allocate|allocate|assign|transfer)"
WORDED = re.compile(rf"(?:^|[\s,.;:!?(])(?:{VERB})\s+(?:the\s+)?action\s*#?(?P<id>\d{{1,9}})\s+"
                    r"(?:(?:over|on|across)\s+)?to\s+(?P<who>\S.*)$", re.IGNORECASE | re.DOTALL)
# What may follow the person: a reason, a question mark, polite words ("… to N2 while she is off, please?").
_AFTER_WHO = re.compile(r"\s*(?:[,;?!(]|\.(?:\s|$)|\s[-–—]\s|\b(?:while|whilst|as|because|since|until|till|for\s+now|"
                        r"instead|please|pls|thanks|thank\s+you|cheers|now)\b)", re.IGNORECASE)
_NEAREST = 3


@dataclass(frozen=True)
class Handover:
    """A handover asked in words: the action's number and the person as typed (never empty)."""

    action_id: int
    who: str


def said(text: str) -> Handover | None:
    """`can i hand action 2 over to N2?` -> Handover(2, "N2"); None unless the line names both an action by its
    number and someone to give it to."""
    found = WORDED.search(text or "")
    if found is None:
        return None
    who = who_said(found.group("who"))
    return Handover(int(found.group("id")), who) if who else None


def who_said(rest: str) -> str:
    """The person in what follows `to` in a handover asked in words, without a reason or polite words after it:
    "N2 while she is off, please?" -> "N2" (empty when nothing is left)."""
    return " ".join(_AFTER_WHO.split(rest, maxsplit=1)[0].split()).strip(" .")


def may_hand_over(services: Services, turn: Turn, audit: AuditRow, action: action_store.ActionRow) -> bool:
    """The audit's auditor, a manager of the action's owner, or an admin: those who may move its due date; and once
    its owner has left teams.yaml (and so has no manager), a manager of the audit's team, the case's team, which
    follows a leaver's actions up (trial 62, F8: the team manager could not hand over a leaver's action on an audit
    a QA lead had done)."""
    if turn.user_id == audit.auditor_id or may_answer_for(services, turn.person, audit, action.owner_id):
        return True
    return services.directory.person(action.owner_id) is None and \
        (audit.team_id or "") in services.directory.managed_team_ids(turn.user_id)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A handover asked in words: read back, Yes or No, before anything changes; None for other text."""
    asked = said(text)
    if asked is None:
        return None
    if (in_draft := _own_draft(services, turn, asked.action_id)) is not None:  # asked as a question mid-audit
        return typed_in_draft(services, turn, in_draft, text)
    action, audit = _handable(services, turn, asked.action_id)
    if (instead := date_instead(services, turn, audit, action, asked.who)) is not None:
        return [instead]
    owner = _new_owner(services, turn, audit, action, asked.who, f"hand action {action.id} to")
    if owner == action.owner_id:
        return [_unchanged(services, action)]
    label = services.directory.label
    late = _overdue_by(services, turn, action)
    due = long_date(date.fromisoformat(action.due_date))
    both = "them both" if services.directory.person(action.owner_id) is not None else \
        f"{label(owner) if owner != turn.user_id else 'nobody'} ({left_name(services, action.owner_id)} has left, " \
        "so isn't told)"
    kept = (f"I'll tell {both}. It was due {due} ({_ago(late)}): give {label(owner)} a new date with "
            f"`action {action.id} due <date>`." if late else f"It stays due {due}, and I'll tell {both}.")
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"Give action {action.id} (_{action.description}_, "
                              f"{audit_and_case(audit.id, audit.case_ref)}) to **{label(owner)}** instead of "
                              f"{label(action.owner_id)}? {kept}",
        choices=(Choice("Yes, hand it over", YES, f"{action.id}:{owner}", "primary"),
                 Choice("No, leave it", NO, str(action.id)))),
        set_aside=f"Action {action.id} was not handed over: to do it, type `action {action.id} owner "
                  f"{label(owner)}`.")]


def owner_typed(services: Services, turn: Turn, text: str, audit_id: int | None = None) -> list[Reply] | None:
    """`action 2 owner N2` where its auditor can no longer change the audit (being moderated, or moderated), from
    someone who may hand it over: changed at once, as `action 2 due 15/1` is there; None otherwise (the auditor's
    own change before moderation is bot.audits.action_edit's). With `audit_id` (`/audit edit 1 action 2 owner N2`,
    fix52e: refused as moderated while the typed form worked) only an action of that audit is handed over here."""
    edit = action_edit.parse(text)
    if edit is None or edit.field != "owner" or not edit.value:
        return None
    action = action_store.get_action(services.storage, edit.action_id)
    audit = store.get_audit(services.storage, action.audit_id) if action else None
    if action is None or audit is None or _auditors_own(services, turn, audit, action) or \
            audit.status == "draft" or not may_hand_over(services, turn, audit, action) or \
            audit_id not in (None, audit.id):
        return None
    if (instead := date_instead(services, turn, audit, action, edit.value, as_command=True)) is not None:
        return [instead]
    command = f"action {action.id} owner" if audit_id is None else f"/audit edit {audit.id} action {action.id} owner"
    owner = _new_owner(services, turn, audit, action, edit.value, command)
    if owner == action.owner_id:
        return [_unchanged(services, action)]
    return hand_over(services, turn, action.id, owner)


def _auditors_own(services: Services, turn: Turn, audit: AuditRow, action: action_store.ActionRow) -> bool:
    """Whether the change is the auditor's own edit (bot.audits.action_edit) while they may still change the audit:
    not when the action's owner has left and a manager of the case's team hands it over (trial 62, F8)."""
    if not auditor_answers(services, audit):
        return False
    return turn.user_id == audit.auditor_id or services.directory.person(action.owner_id) is not None


def hand_over(services: Services, turn: Turn, action_id: int, owner: str) -> list[Reply]:
    """The action given to `owner`: as the auditor's change while they may change the audit, else as a handover on
    an audit being moderated or moderated; kept as a revision, the old and the new owner told."""
    action, audit = _handable(services, turn, action_id)
    change_owner(services, turn, audit, action.id, owner)
    label = services.directory.label
    late = _overdue_by(services, turn, action)
    new_date = (f" It is still due {long_date(date.fromisoformat(action.due_date))}, {_ago(late)}: give "
                f"{label(owner)} a new date with `action {action.id} due <date>`." if late else "")
    told = action_edit.tell(services, turn, audit, action, "owner_id", owner)
    return [Reply(text=f"Action {action.id} (_{action.description}_) is now {label(owner)}'s, not "
                       f"{label(action.owner_id)}'s. {_told(services, told, action)}, and the earlier owner is kept "
                       f"in the audit's history.{new_date}"), *told]


def change_owner(services: Services, turn: Turn, audit: AuditRow, action_id: int, owner: str) -> None:
    """The stored change alone, once the person may make it: the auditor's own edit while they may change the
    audit, else a handover (each kept as a revision and in the trail); one action, one at a time, for
    `handover_all` too. UserError when the action is no longer open."""
    try:
        if lifecycle.action_edit_refusal(audit, turn.user_id) is None:
            lifecycle.edit_action(services.storage, audit.id, turn.user_id, action_id, "owner_id", owner, turn.now)
        else:
            store.hand_action_over(services.storage, audit.id, turn.user_id, action_id, owner, turn.now)
    except NotFound:
        raise UserError(f"Action {action_id} is no longer open, so nothing changed.") from None


def _told(services: Services, told: list[Reply], action: action_store.ActionRow) -> str:
    """Who was told of the handover: "I've told them both"; a leaver is not told (trial 62, F8), and said so."""
    if services.directory.person(action.owner_id) is not None:
        return "I've told them both"
    gone = f"{left_name(services, action.owner_id)} has left, so isn't told"
    return f"I've told {services.directory.label(told[0].to_user or '')} ({gone})" if told else \
        f"Nobody else is ({gone})"


def left_name(services: Services, user_id: str) -> str:
    """A leaver's name as teams.yaml last had it, without "(left)": "Social worker C1 has left"."""
    return services.directory.former.get(user_id) or services.directory.label(user_id)


def typed_in_draft(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """A handover typed at a draft's actions or submit step (`hand action 1 to N2`): one of this draft's actions is
    changed as `action 1 owner N2` changes it, said first as read; another audit's action is read back as anywhere
    (`typed`); None for other text."""
    asked = said(text)
    if asked is None:
        return None
    action = action_store.get_action(services.storage, asked.action_id)
    if action is None:  # a number mistyped: this audit's own actions are named
        raise UserError(f"Action {asked.action_id} is not one of audit #{ctx.audit.id}'s actions, so nothing "
                        f"changed. {numbers_text(services, ctx.audit.id, 'change')} To give one to someone else, type "
                        f"`hand action` and its number, then `to` and the name.")
    if action.audit_id != ctx.audit.id:
        return typed(services, turn, text)
    if (instead := date_instead(services, turn, ctx.audit, action, asked.who)) is not None:
        return [instead]
    command = f"action {action.id} owner {asked.who}"
    changed = action_edit.typed_in_draft(services, turn, ctx, command) or []
    return [Reply(kind="notice", text=f"I've read that as `{command}`."), *changed]


def _own_draft(services: Services, turn: Turn, action_id: int) -> Ctx | None:
    """The draft the action is in, when it is the person's own and at its actions or submit step, where
    `typed_in_draft` changes it; None otherwise."""
    action = action_store.get_action(services.storage, action_id)
    audit = store.get_audit(services.storage, action.audit_id) if action else None
    if audit is None or audit.status != "draft" or audit.auditor_id != turn.user_id or \
            audit.step not in ("actions", "submit"):
        return None
    return load(services, audit.id)


def on_yes(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes to "Give action 2 … to N2?": the value is `<action>:<new owner's member id>`."""
    number, _, owner = value.partition(":")
    action_id = buttons.record_id(number, "type `/audit actions team` for the up-to-date list")
    action = action_store.get_action(services.storage, action_id)
    if action is not None and owner == action.owner_id:
        return [_unchanged(services, action)]
    return hand_over(services, turn, action_id, owner)


def on_no(services: Services, turn: Turn, value: str) -> list[Reply]:
    """No to "Give action 2 … to N2?": nothing changes."""
    action_id = buttons.record_id(value, "type `/audit actions team` for the up-to-date list")
    return [Reply(kind="notice", text=f"OK: action {action_id} stays with its owner. Nothing changed.")]


def _handable(services: Services, turn: Turn, action_id: int) -> tuple[action_store.ActionRow, AuditRow]:
    """The open action and its audit, once the person may hand it over; else the UserError saying why not."""
    action = action_store.get_action(services.storage, action_id)
    audit = store.get_audit(services.storage, action.audit_id) if action else None
    if action is None or audit is None:
        raise UserError(f"I can't find action {action_id}: `/audit actions team` lists the open ones.")
    if audit.status == "draft":
        raise UserError(f"Action {action.id} is in audit #{audit.id}, not submitted yet: type `/audit resume "
                        f"{audit.id}` and, at its actions step, `action {action.id} owner` and the name.")
    if not may_hand_over(services, turn, audit, action):
        raise AccessDenied(f"Only {services.directory.label(audit.auditor_id)} (who did the audit), a manager of "
                           f"{services.directory.label(action.owner_id)} or an admin can give action {action.id} "
                           "to someone else, so nothing changed.")
    if action.done_at:
        raise UserError(f"Action {action.id} is already marked done, so it can't be handed over. If it was marked "
                        f"done by mistake, type `reopen action {action.id}` first.")
    return action, audit


def _new_owner(services: Services, turn: Turn, audit: AuditRow, action: action_store.ActionRow, who: str,
               command: str) -> str:
    """The member id of the person typed, one of the case's people; someone unknown is told the nearest of them."""
    def typed_as(name: str) -> str:
        return f"{command} {name}"

    owner = action_owners.resolve(services, audit, who, turn.user_id, typed_as, _nobody(services, audit, who, command))
    if isinstance(owner, list):  # `the manager` where the case's team has several
        raise UserError(action_owners.which_manager_typed(services, audit, owner, typed_as))
    return owner


def _nobody(services: Services, audit: AuditRow, who: str, command: str) -> str:
    """"I don't know “N9”", with the case's people whose names are nearest to it, typed as the command takes them."""
    names = [services.directory.label(uid) for uid in action_owners.case_people(services, audit)]
    nearest = [name for name, _score, _ in process.extract(who, names, scorer=fuzz.WRatio, limit=_NEAREST)]
    offered = " or ".join(f"`{command} {name}`" for name in nearest)
    return (f"I don't know “{' '.join(who.split())}”, so nothing changed. The case's people nearest to it: "
            f"{offered}." if nearest else f"I don't know “{' '.join(who.split())}”, so nothing changed.")


def _unchanged(services: Services, action: action_store.ActionRow) -> Reply:
    return Reply(text=f"Action {action.id} (_{action.description}_) is already "
                      f"{services.directory.label(action.owner_id)}'s, so nothing changed.")


def install(engine: Engine, services: Services) -> None:
    """A handover asked in words, before the reminders' time away and the knowledge base; its Yes and No."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
    confirmations.add_answers(engine, services, (YES, lambda turn, value: on_yes(services, turn, value)),
                              (NO, lambda turn, value: on_no(services, turn, value)))


def _overdue_by(services: Services, turn: Turn, action: action_store.ActionRow) -> int:
    """How many days the action is overdue today (0 when it is not): a handover of an action long past its date
    offers the new owner a new date (trial 51, F21: "It stays due Monday 5 October 2026" for one 9 weeks overdue)."""
    today = turn.now.astimezone(services.settings.timezone).date()
    return max(0, (today - date.fromisoformat(action.due_date)).days)


def _ago(days: int) -> str:
    """'yesterday', '5 days ago', '9 weeks ago'."""
    if days == 1:
        return "yesterday"
    return f"{days} days ago" if days < 14 else f"{days // 7} weeks ago"
