"""An owner saying an action isn't theirs (trial 34): `action 130 isnt mine`, `action 34 isnt mine, thats the IRO's
job`, `action 130 is not my action`, `130 isnt mine`; and the question `how do i get an action moved to someone else`.

The trial's worker had no way to say so: `action 130 isnt mine` was offered `extend`, and the question went on the QA
leads' list. Now the owner's line, with the reason (screened for identifiers, bot.privacy, and kept in the trail), goes
to whoever can change the owner: the action's auditor, or, when the auditor has left (no longer in teams.yaml) or is
the owner, the owner's team manager (an admin when there is none). They are given the command that changes an owner,
`action 130 owner <name>` (bot.audits.action_edit: the auditor's, on a submitted audit before moderation), or told the
audit can no longer be changed; and a reply, *It stays theirs* (typed `action 130 stays theirs`), which tells the
owner. The owner is told who was told. Buttons: actions.stays_theirs "<action id>".
"""

from __future__ import annotations

import re

from bot.audits import lifecycle
from bot.audits.action_status import typed_id
from bot.core import policy
from bot.core.action_due import is_overdue
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.owner_manager import auditor_answers, auditor_or_manager, may_answer_for
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.privacy.screen import screen_text
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.audits import AuditRow
from bot.storage.trail import record_trail
from knowledge.dates import short_date

STAYS = "actions.stays_theirs"
NOT_FOUND = "I can't find that action; type `/audit actions` to see your open ones."
ROLES = {"auditor": "its auditor", "manager": "your team manager",
         "admin": "an admin (you have no team manager I can tell)"}
_NOT = (r"(?:is\s*n['\u2019]?t|isnt|is\s+not|aint|not|should\s*n['\u2019]?t\s+be|shouldnt\s+be"
        r"|was\s*n['\u2019]?t|wasnt)")
_MINE = (r"(?:mine|my\s+(?:action|job|responsibility|task|one)|for\s+me|me|to\s+do\s+with\s+me|down\s+to\s+me"
         r"|meant\s+for\s+me)")
# "113 is the TMs job not mine", "action 113 is the IRO's to do, not mine" (trial 37: it went on the QA leads' list):
# whose it is comes first, and is the reason
_WHOSE = (r"^\s*(?:action\s*#?|#)?(?P<job_id>\d+)\s+is\s+(?P<whose>(?:(?:the|an?|my)\s+)?[\w'\u2019]+"
          r"(?:\s+[\w'\u2019]+)?\s+(?:job|action|task|one|responsibility|to\s+do))\b\s*[-,.;:]?\s*"
          rf"(?:and\s+|so\s+|its\s+|it's\s+)?{_NOT}\s+{_MINE}\b")
# "action 130 isnt mine", "130 is not my action", "action 130 - not mine", "not my action: 130", then a reason
SAID = re.compile(rf"^\s*(?:(?:action\s*#?|#)(?P<id>\d+)|(?P<bare>\d+))\s*[-,:]?\s*{_NOT}\s+{_MINE}\b"
                  rf"|^\s*(?:(?:this|that|it)\s+)?{_NOT}\s+{_MINE}\s*[-,:]?\s*(?:action\s*#?|#)(?P<after>\d+)\b"
                  rf"|{_WHOSE}", re.IGNORECASE)
# the joining words before a reason, "anymore" too ("50 isnt mine anymore, case transferred": trial 37)
_REASON_LEAD = re.compile(r"^[\s,.;:!\-\u2013\u2014]*(?:(?:anymore|any\s+more|any\s+longer|now|either|at\s+all)\b"
                          r"[\s,.;:!\-\u2013\u2014]*)?(?:(?:as|because|cos|coz|since|its|it's|it\u2019s)\b\s*)?",
                          re.IGNORECASE)
# "how do i get an action moved to someone else", "how do i say an action isnt mine", "can i give an action to
# someone else", "how do i change the owner of an action": asked with no action's number
ASKED = re.compile(r"^\s*(?:how\s+(?:do|can|would)\s+i|can\s+i|could\s+i|what\s+if|what\s+do\s+i\s+do\s+if)\b"
                   r"(?=[^\d]*\baction\b)[^\d]*\b(?:moved?|give|pass|reassign(?:ed)?|transfer(?:red)?|someone\s+else"
                   r"|not\s+mine|isn['\u2019]?t\s+mine|isnt\s+mine|change\s+the\s+owner|wrong\s+(?:owner|person))"
                   r"[^\d]*$", re.IGNORECASE)
# the reply: "action 130 stays theirs", "keep action 130 with them", "leave action 130 with sw s1"
STAYS_TYPED = re.compile(r"^\s*(?:action\s*#?(?P<id>\d+)\s+stays\s+(?:theirs|with\s+(?:them|the\s+owner|her|him))"
                         r"|(?:keep|leave)\s+action\s*#?(?P<kept>\d+)\s+with\s+(?:them|the\s+owner|her|him))"
                         r"\s*[.!]?\s*$", re.IGNORECASE)
HOW = ("To say an action isn't yours, type `action` and its number, `isnt mine` and why, like `action 130 isnt mine, "
       "it's the IRO's to do`: I tell its auditor (or your team manager, if the auditor has left), who can give it to "
       "someone else, and tell you who I told. `/audit actions` lists yours with their numbers.")


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`action 130 isnt mine …` passed on, the question how answered, `action 130 stays theirs` replied; None for
    other text."""
    if (said := SAID.match(text)) is not None:
        digits = said.group("id") or said.group("bare") or said.group("after") or said.group("job_id")
        return passed_on(services, turn, typed_id(digits), _reason(text[said.end():], said.group("whose")))
    if (kept := STAYS_TYPED.match(text)) is not None:
        return stays(services, turn, typed_id(kept.group("id") or kept.group("kept")))
    if ASKED.match(text):
        return [Reply(text=HOW)]
    return None


def _reason(rest: str, whose: str | None = None) -> str | None:
    """The words after "isnt mine", without the joining words: "thats the IRO's job" from ", thats the IRO's job";
    after whose it is, when that came first ("the TMs job" from "113 is the TMs job not mine")."""
    reason = _REASON_LEAD.sub("", rest, count=1).strip(" .!")
    return ", ".join(part for part in (whose, reason) if part) or None


def told_whom(services: Services, action: action_store.ActionRow) -> tuple[str, str]:
    """(who is told, who they are): the auditor while they are still here and not the owner; else the owner's
    manager; else an admin."""
    found = auditor_or_manager(services, action.auditor_id, action.owner_id)
    if found is None:
        raise UserError(f"There is nobody I can tell that action {action.id} isn't yours: ask a QA lead. Nothing was "
                        "sent.")
    return found[0], ROLES[found[1]]


def _owned(services: Services, turn: Turn, action_id: int) -> action_store.ActionRow:
    """The turn's own open action, or the UserError saying why there is nothing to pass on."""
    action = action_store.get_action(services.storage, action_id)
    if action is None:
        raise UserError(NOT_FOUND)
    if action.owner_id != turn.user_id:
        raise UserError(f"Action {action.id} is not one of yours, so there is nothing to pass on. `/audit actions` "
                        "lists yours.")
    if action.done_at:
        raise UserError(f"Action {action.id} is marked done already. If that was a mistake, type `reopen action "
                        f"{action.id}` first, then `action {action.id} isnt mine`.")
    return action


def passed_on(services: Services, turn: Turn, action_id: int, reason: str | None) -> list[Reply]:
    """The owner's word sent to whoever can give the action to someone else, and the owner told who that is."""
    action = _owned(services, turn, action_id)
    reason = screen_text(reason, services.identifier_screen, "that reason") if reason else None
    told, role = told_whom(services, action)
    record_trail(services.storage, turn.user_id, "action.not_mine",
                 {"action": action.id, "told": told, "reason": reason}, at=turn.now)
    owner = services.directory.label(action.owner_id)
    why = f": “{reason}”" if reason else " (no reason given)"
    where = f"_{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)}, due " \
            f"{short_date(action.due_date)})"
    said = f", with your reason: “{reason}”" if reason else ""
    return [Reply(text=f"I've told {services.directory.label(told)}, {role}, that {action_named(action)} isn't yours"
                       f"{said}. It stays on your list, due {short_date(action.due_date)}, until it is given to "
                       "someone else."),
            Reply(to_user=told, choices=(Choice("It stays theirs", STAYS, str(action.id)),),
                  text=f"{owner} says action {action.id} isn't theirs{why}. {where}. "
                       f"{_how_to_change(services, action, told)}")]


def _how_to_change(services: Services, action: action_store.ActionRow, told: str) -> str:
    """The command that gives the action to someone else, when the person told may use it, else why not; then the
    reply that keeps it with its owner."""
    audit = store.get_audit(services.storage, action.audit_id)
    keep = f"To keep it with them, press **It stays theirs** (or type `action {action.id} stays theirs`): I tell them."
    if (told == action.auditor_id and lifecycle.action_edit_refusal(audit, told) is None) or _answers_now(
            services, audit, told, action.owner_id):
        return (f"To give it to someone else, type `action {action.id} owner <name>` (like `action {action.id} owner "
                f"the manager`): they and {services.directory.label(action.owner_id)} are told. {keep}")
    why = (f"audit #{action.audit_id} can't be changed now (an action's owner is changed by its auditor, on a "
           "submitted audit before moderation)" if told == action.auditor_id else
           f"only its auditor changes its owner, and {services.directory.label(action.auditor_id)} "
           f"{'set it themselves' if action.auditor_id == action.owner_id else 'is no longer here'}")
    return (f"Its owner can't be changed now: {why}. If someone else should do it, agree that with them, and mark "
            f"it done once it is covered (`done {action.id} - covered by …`). {keep}")


def _answers_now(services: Services, audit: AuditRow | None, told: str, owner_id: str) -> bool:
    """Whether the person told may give the action to someone else now its auditor no longer answers for it (trial
    58: a replaced manager's audit; its team's new manager was told "only its auditor changes its owner, and
    U0MGRS001 is no longer here" though `action N owner <name>` works for them, bot.audits.action_handover)."""
    return audit is not None and audit.status != "draft" and not auditor_answers(services, audit) and \
        may_answer_for(services, services.directory.person(told), audit, owner_id)


def stays(services: Services, turn: Turn, action_id: int) -> list[Reply]:
    """*It stays theirs*: the owner told the action is still theirs, by the auditor or a manager of the owner."""
    action = action_store.get_action(services.storage, action_id)
    if action is None:
        raise UserError("I can't find that action: it may have been removed. `/audit actions team` lists open ones.")
    if turn.user_id != action.auditor_id and (
            turn.person is None or not policy.may_complete_for_others(services.directory, turn.person,
                                                                      action.owner_id)):
        raise AccessDenied(f"Only action {action.id}'s auditor or its owner's manager answers that, so nothing was "
                           "sent.")
    if action.owner_id == turn.user_id:
        raise UserError(f"Action {action.id} is yours already, so nothing was sent.")
    record_trail(services.storage, turn.user_id, "action.stays_theirs", {"action": action.id}, at=turn.now)
    owner, by = services.directory.label(action.owner_id), services.directory.label(turn.user_id)
    return [Reply(text=f"I've told {owner} that {action_named(action)} stays theirs."),
            Reply(to_user=action.owner_id, kind="notice",
                  text=f"{by} says action {action.id} stays yours: _{action.description}_ "
                       f"({audit_and_case(action.audit_id, action.case_ref)}), due {short_date(action.due_date)}. "
                       f"If you need longer, type `more time on action {action.id}`.")]


def on_stays(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*It stays theirs*: the value is the action's number."""
    return stays(services, turn, typed_id(value))


def owners_own(services: Services, turn: Turn, action: action_store.ActionRow, field: str | None) -> list[Reply]:
    """`action 147` or `action 147 owner …` typed by its owner, who did not set it (trial 34: both were told "not an
    action of an audit you did"): the action with what its owner can do, or who can change its owner."""
    told, _ = told_whom(services, action)
    who = services.directory.label(told)
    if field == "owner":
        raise UserError(f"Only {who} can give action {action.id} to someone else. If it isn't yours, type `action "
                        f"{action.id} isnt mine` and why, and I'll tell them.")
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    state = "done" if action.done_at else ("**overdue**" if is_overdue(action.due_date, today) else "open")
    lines = [f"_{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)})",
             f"Yours, due {short_date(action.due_date)} ({state}); set by "
             f"{services.directory.label(action.auditor_id)}."]
    if action.done_at:
        lines.append(f"Type `reopen action {action.id}` if it isn't finished.")
    else:
        lines.append(f"Type `done {action.id}` when it is complete (a short note after a dash is kept), `more time on "
                     f"action {action.id} to <date>` to ask for longer, or `action {action.id} isnt mine` if it "
                     f"should be someone else's ({who} is told).")
    return [Reply(title=f"Action {action.id}", text="\n".join(lines))]
