"""An action remembers the question it was raised against, and a later audit of the case asks about it (trial 50, 21).

A re-audit answered Q3 (chronology up to date) Yes while action 1 "update the chronology" from the first audit was
still open, and nothing connected the two. Actions are added at the end of an audit, after every question, so which
question one is for is knowable only when the auditor says so: an action typed `Q3: update the chronology` (or `Q3 -
…`, `for Q3: …`, `Q3 update …`) at the actions step is stored with that question, its text without the prefix.
Nothing is guessed from the action's words; an action without the prefix (and every action added before) remembers no
question.

When a later audit of the case answers that question well (not flagged, not N/A), the bot asks once, right after the
answer: "Q3 is now Yes. Action 1 (update the chronology) is still open: is it done?". Yes is `done 1`'s own Yes (the
same DMs and `undo`); Not yet leaves it open. The question never blocks the audit (any other line leaves it, as every
Yes-or-No question does) and is asked once per action and audit (kept in the audit's state).
"""

from __future__ import annotations

import re

from bot.audits.action_status import ALSO_NO, ALSO_YES
from bot.audits.core import Ctx
from bot.audits.numbering import question_label
from bot.core import policy
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import actions as action_store
from bot.storage.actions import ActionRow
from knowledge.checklist_schema import Checklist, Question

ASKED = "actions_asked"  # the audit's state: the earlier actions already asked about, never asked twice
_PREFIX = re.compile(r"^\s*(?:for\s+)?q(?:uestion)?\s*(?P<label>\d{1,3}[a-z]?)\s*[:\-–—]\s*(?P<rest>\S.*)$",
                     re.IGNORECASE | re.DOTALL)
# Trial 60 (F7): managers type it without the colon too, `Q2 GCP2 to be completed by 25/12`, which kept "Q2" in the
# text and tied nothing. Only the short `Q2`/`q2a` form, followed by a space: "Q1 2027" (a quarter) is not a question.
_BARE_PREFIX = re.compile(r"^\s*q(?P<label>\d{1,3}[a-z]?)\s+(?!(?:19|20)\d\d\b)(?P<rest>\S.*)$",
                          re.IGNORECASE | re.DOTALL)
_NOT_WELL = frozenset({"na", "n/a", "not_applicable", "not applicable"})


def split(checklist: Checklist, text: str) -> tuple[str | None, str]:
    """The question id an action typed `Q3: …` (or `Q3 …`) names and its text without the prefix; (None, text) when it
    names none of the checklist's questions."""
    found = _PREFIX.match(text) or _BARE_PREFIX.match(text)
    if found is None:
        return None, text
    label = found.group("label").lower()
    for question in checklist.questions():
        if question_label(checklist, question.id).lower() == label:
            return question.id, found.group("rest").strip()
    return None, text


def to_ask(services: Services, turn: Turn, ctx: Ctx, question: Question, value: str) -> ActionRow | None:
    """The earlier audit's open action raised against `question`, now answered well, not yet asked about in this audit
    and one this person may mark done; None when there is none."""
    if question.flags(value) or value.strip().lower() in _NOT_WELL:
        return None
    asked = set(ctx.audit.state.get(ASKED) or [])
    for action in action_store.open_actions_of_case(services.storage, ctx.audit.case_ref, ctx.audit.id):
        if action.question_id == question.id and action.id not in asked and _may_mark(services, turn, action):
            return action
    return None


def asked_state(ctx: Ctx, action: ActionRow) -> dict[str, list[int]]:
    """The audit's state once `action` is asked about, so it is never asked again."""
    return {ASKED: [*(ctx.audit.state.get(ASKED) or []), action.id]}


def ask(services: Services, turn: Turn, ctx: Ctx, question: Question, value: str, action: ActionRow) -> Reply:
    """"Q3 is now Yes. Action 1 (…) is still open: is it done?", with `done 1`'s own Yes and No."""
    label = question_label(ctx.checklist, question.id)
    return confirmations.ask(services, turn, Reply(
        kind="question", text=f"Q{label} is now {question.answer_label(value)}. Action {action.id} "
                              f"({action.description}) is still open: is it done?",
        choices=(Choice("Yes, mark it done", "actions.done_confirm", str(action.id), "primary"),
                 Choice("Not yet", "actions.done_keep", str(action.id)))),
        ALSO_YES, (*ALSO_NO, "not yet"),
        set_aside=f"Action {action.id} was not marked done: to mark it, type `done {action.id}`.")


def _may_mark(services: Services, turn: Turn, action: ActionRow) -> bool:
    return action.owner_id == turn.user_id or policy.may_complete_for_others(services.directory, turn.person,
                                                                              action.owner_id)
