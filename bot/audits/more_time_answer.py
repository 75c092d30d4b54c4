"""The answer to an owner's request for more time on an action (bot.audits.more_time): *Approve the new date* and
*Say no*, buttons on the request's DM in Slack, typed in the terminal chat (`action 110 due 14/12`,
`no more time on action 110`).

Trial 30: the request reached its approver as a typed command only, and when it went to the owner's manager, the
command it gave (`action 110 due 14/12`) refused them, since only the auditor changes an action and only before
moderation. Who answers: the auditor while they may still change the audit (the change is then theirs, kept as
`action 110 due …` keeps it); once they may not, those who may mark the action done for its owner
(bot.core.policy.may_give_more_time: a manager of the owner, an admin), the new date kept as a revision all the
same. The owner is told the answer either way, and the answer is kept in the trail. The buttons are in the audit
conversation's table (bot.audits.conversation), so they work whatever the approver is in the middle of. A no
carries the approver's reason (fix 34): typed with it, or asked for once after *Say no* (bot.audits.more_time_refusal).
"""

from __future__ import annotations

import re
from datetime import date

from bot.audits import action_edit, lifecycle, more_time_buttons
from bot.audits.action_fields import how_near
from bot.audits.action_status import typed_id
from bot.core import more_time_said
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.more_time_late import Late, late, told_owner, why
from bot.core.owner_manager import approver, auditor_answers, may_answer_for
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.privacy.screen import screen_text
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import more_time as requests
from bot.storage.errors import NotFound
from bot.storage.trail import record_trail
from knowledge.dates import DateError, long_date, parse_day, short_date

GIVE, REFUSE = "actions.more_time_give", "actions.more_time_refuse"
# `no more time on action 110`, `say no to more time on action 110`, `refuse more time on action 110`
# and a reason after it (fix 34): `no more time on action 110 - needs doing before the review`, `…, because …`;
# the number alone, as `chase 95` takes it (trial 43: `no more time on 19 - chronology is needed` got knowledge-base
# suggestions), unless a length follows it ("for 2 weeks") or no action has it (`typed`)
REFUSED = re.compile(r"^\s*(?:say\s+no\s+to|no|refuse|decline|turn\s+down)\s+(?:the\s+)?(?:more|extra)\s+time\s+"
                     r"(?:request\s+)?(?:on|for)\s+(?P<marked>action\s+|#)?#?(?P<id>\d+)"
                     r"(?!\s*(?:days?|weeks?|months?|hours?|mins?|minutes?|working)\b)(?![\d/.])\s*(?:(?:[,:;.–—-]+\s*|\s+)"
                     r"(?:(?:because|as|since|reason:?)\s+)?(?P<why>\S.*?))?\s*[.!]*\s*$", re.IGNORECASE | re.DOTALL)


def choices(action_id: int, until: date | None, request: int | None) -> tuple[Choice, ...]:
    """The approver's buttons: *Approve the new date* when a date was asked for, and *Say no*, each carrying the
    request's number so it answers that request only (bot.audits.more_time_buttons)."""
    give = (Choice("Approve the new date", GIVE, more_time_buttons.give_value(action_id, until, request), "primary"),) \
        if until else ()
    return (*give, Choice("Say no", REFUSE, more_time_buttons.refuse_value(action_id, request)))


def typed_answers(action_id: int, until: date | None) -> str:
    """The same answers typed, for the terminal chat and a Slack client that shows no buttons."""
    day = f"{until.day}/{until.month}" if until else "<date>"
    return (f"To give it, type `action {action_id} due {day}`; to say no, `no more time on action {action_id}`, "
            "with your reason after a dash if you like.")


def answerable(services: Services, turn: Turn, action_id: int) -> tuple[action_store.ActionRow, store.AuditRow,
                                                                           bool]:
    """(the open action, its audit, whether the date is the auditor's own change), or the UserError saying who may
    answer the request instead."""
    action = action_store.get_action(services.storage, action_id)
    audit = store.get_audit(services.storage, action.audit_id) if action else None
    if action is None or audit is None:
        raise UserError("I can't find that action: it may have been removed. `/audit actions team` lists open ones.")
    if action.done_at:
        raise UserError(f"Action {action.id} is marked done already, so it needs no more time.")
    if lifecycle.action_edit_refusal(audit, turn.user_id) is None:
        return action, audit, True
    if not auditor_answers(services, audit) and may_answer_for(services, turn.person, audit, action.owner_id):
        return action, audit, False
    who, _ = approver(services, action)
    raise AccessDenied(f"Only {services.directory.label(who)} can give action {action.id} more time now"
                       f"{_passed_from(services, turn.user_id, action)}, so nothing changed.")


def _passed_from(services: Services, user_id: str, action: action_store.ActionRow) -> str:
    """" (Social worker N1 is now in South …)" when the action's waiting request was asked of this person and
    someone else answers it now (trial 58 F8); else nothing."""
    asked = requests.latest(services.storage, action.id)
    if asked is None or asked.asked != user_id or \
            more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        return ""
    moved = more_time_said.why_passed_on(services, action, asked)
    return f" ({moved})" if moved else ""


def give(services: Services, turn: Turn, action_id: int, until: date) -> list[Reply]:
    """The new date set on the approver's word: the owner told, the earlier date kept as a revision."""
    action, audit, auditors_own = answerable(services, turn, action_id)
    today = turn.now.astimezone(services.settings.timezone).date()
    passed = _late_waiting(services, action, today)
    if until < today:
        if passed is not None and passed.asked_for == until:
            return [_offered(services, action, passed)]
        raise UserError(f"{long_date(until)} has passed, so action {action.id} was not changed: type "
                        f"`action {action.id} due <date>` with the date to give.")
    if until.isoformat() == action.due_date:
        return [Reply(text=f"{action_named(action, capital=True)} is already due {long_date(until)}"
                           f"{how_near(until, today)}, so nothing changed.")]
    withdrawn = _withdrawn_on(services, action.id)
    others = _also_sent(services, turn, action)
    try:
        if auditors_own:
            lifecycle.edit_action(services.storage, audit.id, turn.user_id, action.id, "due_date", until.isoformat(),
                                  turn.now)
        else:
            store.give_action_more_time(services.storage, audit.id, turn.user_id, action.id, until.isoformat(),
                                        turn.now, answered=withdrawn is None)
    except NotFound:
        raise UserError(f"Action {action.id} is no longer open, so nothing changed.") from None
    was, owner = long_date(date.fromisoformat(action.due_date)), services.directory.label(action.owner_id)
    where, by = audit_and_case(audit.id, audit.case_ref), services.directory.label(turn.user_id)
    # trial 43: the title last, bare, read as an instruction; it is quoted as the title where the action is named
    # fix50e: the new date said with how near it is, as every other due-date confirmation (`how_near`)
    new = f"**{long_date(until)}**{how_near(until, today)}"
    now_due = f"it is now due {new}, not {was}."
    named = f"action {action.id}, “{action.description}”"
    if withdrawn is not None:  # fix 37: their own change, not the withdrawn request given
        return [Reply(text=f"Action {action.id} (_{action.description}_) is now due {new}, not "
                           f"{was}: your own change, since {owner} withdrew their request for more time on "
                           f"{withdrawn}. I've told them, and the earlier date is kept in the audit's history."),
                Reply(to_user=action.owner_id, kind="notice",
                      text=f"{by} changed the due date of your {named} ({where}) themselves (you withdrew "
                           f"your request for more time on {withdrawn}): {now_due}")]
    return [Reply(text=f"Action {action.id} (_{action.description}_) is now due {new}, not {was}. "
                       f"I've told {owner}, and the earlier date is kept in the audit's history."),
            Reply(to_user=action.owner_id, kind="notice",
                  text=f"{by} gave you more time on {named} ({where}): {now_due}"
                       f"{told_owner(passed, until) if passed else ''}"),
            *_answered_for(services, turn, action, others, f"{now_due} Nothing is left for you to answer.")]


def _late_waiting(services: Services, action: action_store.ActionRow, today: date) -> Late | None:
    """The action's waiting request whose day has passed, with the day offered instead; else None."""
    asked = requests.latest(services.storage, action.id)
    if asked is None or more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        return None
    return late(services, asked, today)


def _offered(services: Services, action: action_store.ActionRow, passed: Late) -> Reply:
    """The approver's answer to giving a day that passed while the request waited (trial 60 F10: a dead *Approve*):
    the day offered instead, why, its button and the typed form."""
    asked = requests.latest(services.storage, action.id)
    owner = services.directory.label(action.owner_id)
    day = f"{passed.offered.day}/{passed.offered.month}"
    return Reply(kind="question", text=f"{long_date(passed.asked_for)}, the day {owner} asked for on action "
                                       f"{action.id}, has passed while the request waited, so nothing changed yet. "
                                       f"To give them **{long_date(passed.offered)}** instead ({why(passed)}), press "
                                       f"**Approve the new date** or type `action {action.id} due {day}` (or another "
                                       f"date); to say no, `no more time on action {action.id}`.",
                 choices=choices(action.id, passed.offered, asked.number if asked else None))


def _withdrawn_on(services: Services, action_id: int) -> str | None:
    """The day the action's latest request for more time was withdrawn ("5 Dec"), or None when it was not (or there
    is none): a date set after a withdrawal is the setter's own change, not the request given."""
    asked = requests.latest(services.storage, action_id)
    if asked is None or asked.withdrawn_at is None:
        return None
    return short_date(asked.withdrawn_at.astimezone(services.settings.timezone).date(), year=False)


def refuse(services: Services, turn: Turn, action_id: int, reason: str | None = None) -> list[Reply]:
    """The approver's no: the owner told the date stands, with the approver's reason when given (screened, as any
    free text), and the answer kept in the trail (whether a reason was given, never its words)."""
    action, audit, _ = answerable(services, turn, action_id)
    reason = (reason or "").strip().rstrip(".! ") or None
    why = screen_text(reason, services.identifier_screen, "that reason") if reason else None
    others = _also_sent(services, turn, action)
    record_trail(services.storage, turn.user_id, "action.more_time_refused", {"action": action.id, "reason": bool(why)},
                 at=turn.now)
    stays, owner = date.fromisoformat(action.due_date), services.directory.label(action.owner_id)
    due, near = long_date(stays), how_near(stays, turn.now.astimezone(services.settings.timezone).date())
    where = audit_and_case(audit.id, audit.case_ref)
    because = f" Their reason: “{why}”." if why else ""
    return [Reply(text=f"I've told {owner} that {action_named(action)} stays due {due}{near}"
                       f"{', with your reason' if why else ''}."),
            Reply(to_user=action.owner_id, kind="notice",
                  text=f"{services.directory.label(turn.user_id)} said no to more time on action {action.id}, "
                       f"_{action.description}_ ({where}): it stays due **{due}**{near}.{because}"),
            *_answered_for(services, turn, action, others, f"they said no, so it stays due **{due}**{near}. Nothing "
                                                          "is left for you to answer.")]


def _also_sent(services: Services, turn: Turn, action: action_store.ActionRow) -> tuple[str, ...]:
    """Everyone else the action's waiting request was sent to, besides the one answering it (fix74a A1: a manager
    back from leave never heard that the admin sent it as well had answered it); none when none waits."""
    asked = requests.latest(services.storage, action.id)
    if asked is None or more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        return ()
    return tuple(who for who in asked.sent_to if who != turn.user_id)


def _answered_for(services: Services, turn: Turn, action: action_store.ActionRow, others: tuple[str, ...],
                  outcome: str) -> list[Reply]:
    """Told to each other person the request was sent to: who answered it, and how."""
    by, owner = services.directory.label(turn.user_id), services.directory.label(action.owner_id)
    where = audit_and_case(action.audit_id, action.case_ref)
    return [Reply(to_user=who, kind="notice", text=f"{by} answered {owner}'s request for more time on action "
                                                    f"{action.id}, _{action.description}_ ({where}), which was sent to "
                                                    f"you too: {outcome}") for who in others]


def on_give(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Approve the new date*: the value is `<action>:<ISO date>`."""
    number, _, day = value.partition(":")
    try:
        until = date.fromisoformat(day)
    except ValueError:
        raise UserError("That button is from an older message: type `action <number> due <date>`.") from None
    return give(services, turn, typed_id(number), until)


def refused_said(services: Services, text: str) -> tuple[int, str | None] | None:
    """(the action, the reason) of `no more time on action 110 - …`, or of `no more time on 110 - …` when an action
    has that number (a bare number may be something else's); None for other text."""
    refused = REFUSED.match(text)
    if refused is None:
        return None
    number = typed_id(refused.group("id"))
    if not refused.group("marked") and action_store.get_action(services.storage, number) is None:
        return None
    return number, refused.group("why")


def typed(services: Services, turn: Turn, text: str, audit_id: int | None = None) -> list[Reply] | None:
    """`no more time on action 110`, or `action 110 due 14/12` from someone who may give it more time where only
    its auditor could change it before; None for other text (the auditor's own change goes on to
    bot.audits.action_edit, the owner's to bot.audits.more_time). With `audit_id` (`/audit edit 139 action 137 due
    22/1`, trial 58: an admin was refused on a leaver's audit) only an action of that audit."""
    if (refused := refused_said(services, text)) is not None:
        return refuse(services, turn, *refused)
    edit = action_edit.parse(text)
    if edit is None or edit.field != "due" or not edit.value:
        return None
    action = action_store.get_action(services.storage, edit.action_id)
    audit = store.get_audit(services.storage, action.audit_id) if action else None
    if action is not None and audit is not None and _passed_from(services, turn.user_id, action):
        answerable(services, turn, action.id)  # asked of them, answered by another now: says who (trial 58 F8)
    if action is None or audit is None or action.owner_id == turn.user_id or audit_id not in (None, audit.id):
        return None
    if (offer := _passed_offer(services, turn, action, edit.value)) is not None:
        return offer  # trial 60 F10: `action 121 due 1/1` typed on 4 Jan, by the auditor too
    if auditor_answers(services, audit) or not may_answer_for(services, turn.person, audit, action.owner_id):
        return None
    try:
        until = parse_day(edit.value, turn.now.astimezone(services.settings.timezone).date(), "future")
    except DateError as error:
        raise UserError(f"{error} Nothing changed: type it like `action {action.id} due 14/12`.") from None
    return give(services, turn, action.id, until)


def _passed_offer(services: Services, turn: Turn, action: action_store.ActionRow, typed: str) -> list[Reply] | None:
    """The day offered (`_offered`) when the day typed is the waiting request's, passed, and the one typing may answer
    it; else None (the typed date goes on as before)."""
    today = turn.now.astimezone(services.settings.timezone).date()
    passed = _late_waiting(services, action, today)
    try:
        if passed is None or parse_day(typed, today, "past") != passed.asked_for:
            return None
        answerable(services, turn, action.id)
    except (DateError, UserError):
        return None
    return [_offered(services, action, passed)]
