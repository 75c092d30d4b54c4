"""Guided case audits in chat: commands, buttons and typed answers wired into the engine.

The conversation (where an audit stands) lives in the database, not in memory, so a restart, a second
device or the terminal chat carry on exactly where the person stopped.

Buttons (engine action names and values; values carry ids only):
    audit.start ""|checklist id        audit.start_cancel ""       audit.resume ""|audit id
    audit.worker  "<audit>:<version>:<user id>"    audit.answer "<audit>:<version>:<key>" (yes/no/na,
    a grade key, or a choice option's index)       audit.guidance / back / skip / pause / cancel /
    cancel_confirm / cancel_keep / next / actions_done / submit "<audit>:<version>"
    audit.grade "<audit>:<version>:<grade>"
    audit.owner "<audit>:<version>:<user id>"      audit.view / reflect / reopen / restore "<audit>"
    audit.moderation_accept / moderation_reply "<audit>"
    audit.moderate_open / moderate_agree / moderate_disagree "<audit>"   audit.moderate_grade "<audit>:<grade>"
    actions.done "<action id>"
Every value is read through `bot.core.buttons`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from bot.audits import actions as actions_feature
from bot.audits import finish as audits_finish
from bot.audits import moderation, readback
from bot.audits import questions as audits_questions
from bot.audits import start as audits_start
from bot.audits.core import load, not_in_channel
from bot.core import buttons
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.people import Role
from bot.storage import audits as store

START_WORDS = re.compile(r"^\s*(start( an?)? audit|new audit|audit)\s*$", re.IGNORECASE)
RESUME_WORDS = re.compile(r"^\s*(resume|continue|carry on|my drafts)\s*$", re.IGNORECASE)
CONTROL_WORDS = {"back": "back", "skip": "skip", "pause": "pause", "cancel": "cancel", "cancel audit": "cancel"}
CHANGE_WORDS = re.compile(r"^\s*(?:change|go to|edit)\s+(?:question\s+|q)?#?(\d{1,4})\s*$", re.IGNORECASE)
MODERATORS = (Role.MANAGER, Role.QA_LEAD, Role.ADMIN)


def _case_reference(services: Services, turn: Turn, state: dict[str, Any], text: str) -> list[Reply] | None:
    if text.strip().lower() in ("cancel", "stop"):
        return audits_start.cancel_start(services, turn, "")
    return audits_start.case_reference(services, turn, str(state.get("checklist")), text)


def _reflection(services: Services, turn: Turn, state: dict[str, Any], text: str) -> list[Reply] | None:
    return audits_finish.reflection(services, turn, int(state["audit_id"]), text)


def _moderation_reason(services: Services, turn: Turn, state: dict[str, Any], text: str) -> list[Reply] | None:
    return moderation.reason(services, turn, state, text)


def _moderation_response(services: Services, turn: Turn, state: dict[str, Any], text: str) -> list[Reply] | None:
    return readback.reply(services, turn, int(state["audit_id"]), text)


def _finish_text(services: Services, turn: Turn, ctx: Any, text: str) -> list[Reply] | None:
    return audits_finish.typed(services, turn, ctx, text) if ctx.step.wants_text else None


# Inside a draft, what typed text answers at each step (after the control words: back, skip, pause, cancel).
TEXT_AT_STEP: Mapping[str, Callable[[Services, Turn, Any, str], list[Reply] | None]] = MappingProxyType({
    "worker": lambda services, turn, ctx, text: audits_start.choose_worker(services, turn, ctx, ctx.version, text),
    "question": audits_questions.typed,
    "evidence": audits_questions.typed,
})


def _audit_step(services: Services, turn: Turn, state: dict[str, Any], text: str) -> list[Reply] | None:
    ctx = load(services, int(state["audit_id"]))
    if ctx.audit.status != "draft" or ctx.audit.auditor_id != turn.user_id or ctx.audit.state.get("paused"):
        return None
    control = CONTROL_WORDS.get(text.strip().lower())
    value = ctx.value()
    if (change := CHANGE_WORDS.match(text)) is not None and ctx.step.name == "review":
        return audits_questions.change_from_review(services, turn, ctx, int(change.group(1)))
    if control == "back":
        return audits_questions.go_back(services, turn, ctx, ctx.version)
    if control == "skip":
        return audits_questions.skip(services, turn, ctx, ctx.version)
    if control == "pause":
        return audits_start.pause(services, turn, value)
    if control == "cancel":
        return audits_start.cancel(services, turn, value)
    return TEXT_AT_STEP.get(ctx.step.name, _finish_text)(services, turn, ctx, text)


# What the bot is waiting for from this person (the conversation is kept per person) -> what typed text does.
WAITING_FOR: Mapping[str, Callable[[Services, Turn, dict[str, Any], str], list[Reply] | None]] = MappingProxyType({
    "case_reference": _case_reference,
    "reflection": _reflection,
    "moderation_reason": _moderation_reason,
    "moderation_response": _moderation_response,
    "audit": _audit_step,
})


def typed_text(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Claim typed text only when this person has an audit step waiting for it (see WAITING_FOR)."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("feature") != "audit" or START_WORDS.match(text) or RESUME_WORDS.match(text):
        return None
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    handler = WAITING_FOR.get(str(state.get("awaiting")))
    return handler(services, turn, state, text) if handler else None


def install(engine: Engine, services: Services) -> None:
    """Register `/audit start|resume|show|list|reflect|respond|moderate|actions|edit`, the audit buttons, the
    typed-answer handler and the Home's recent audits."""

    def bind(handler: Callable[[Services, Turn, str], list[Reply]]) -> Callable[[Turn, str], list[Reply]]:
        return lambda turn, value: handler(services, turn, value)

    engine.add_command("start", bind(audits_start.start), "start a case audit",
                       usage="/audit start [checklist]")
    engine.add_command("resume", bind(audits_start.resume_command), "carry on with an audit you started",
                       usage="/audit resume [audit number]")
    engine.add_command("restore", bind(audits_start.restore_command), "restore an audit you cancelled (for "
                       f"{audits_start.RESTORE_DAYS} days)", usage="/audit restore [audit number]")
    engine.add_command("actions", bind(actions_feature.list_command), "open actions from audits: yours, or your "
                       "teams' for managers", usage="/audit actions [team]")
    engine.add_command("edit", bind(audits_finish.edit_command), "change a submitted audit before moderation",
                       usage="/audit edit <number> [grade|reason|strengths|development <text>]")
    engine.add_command("show", bind(readback.show_command), "read a submitted audit: answers, grades, actions, "
                       "moderation and reflections", usage="/audit show <number>")
    engine.add_command("list", bind(readback.list_command), "submitted audits you can read, newest first",
                       usage="/audit list [mine|team|case <case reference>]")
    engine.add_command("reflect", bind(readback.reflect_command), "add your reflections to the audit of your case",
                       usage="/audit reflect <number> [your reflections]")
    engine.add_command("respond", bind(readback.respond_command), "accept or answer (once) the moderation of "
                       "your audit", usage="/audit respond <number> accept|<your reply>")
    engine.add_command("moderate", bind(moderation.list_command), "moderate submitted audits", roles=MODERATORS,
                       who_can="QA leads, team managers and admins")
    for name, handler in {
        "audit.start": lambda services, turn, value: audits_start.start(services, turn, buttons.key(value)),
        "audit.start_cancel": audits_start.cancel_start,
        "audit.resume": audits_start.resume, "audit.worker": audits_start.on_worker,
        "audit.pause": audits_start.pause, "audit.cancel": audits_start.cancel,
        "audit.cancel_confirm": audits_start.cancel_confirmed, "audit.cancel_keep": audits_start.cancel_kept,
        "audit.restore": audits_start.restore,
        "audit.answer": audits_questions.on_answer, "audit.guidance": audits_questions.on_guidance,
        "audit.back": audits_questions.on_back, "audit.skip": audits_questions.on_skip,
        "audit.next": audits_finish.on_next, "audit.grade": audits_finish.on_grade,
        "audit.owner": audits_finish.on_owner, "audit.actions_done": audits_finish.on_actions_done,
        "audit.submit": audits_finish.on_submit, "audit.view": readback.on_view,
        "audit.reflect": audits_finish.on_reflect, "audit.reopen": audits_finish.on_reopen,
        "audit.moderate_open": moderation.on_open, "audit.moderate_agree": moderation.on_agree,
        "audit.moderate_disagree": moderation.on_disagree, "audit.moderate_grade": moderation.on_grade,
        "audit.moderation_accept": readback.on_accept, "audit.moderation_reply": readback.on_reply,
        "actions.done": actions_feature.on_done,
    }.items():
        engine.add_action(name, bind(handler))

    engine.add_message_handler(lambda turn, text: typed_text(services, turn, text), priority=20)
    engine.add_home_section("readable_audits", lambda person: readback.home_section(services, person), priority=25)

    def shortcuts(turn: Turn, text: str) -> list[Reply] | None:
        if START_WORDS.match(text):
            return audits_start.start(services, turn, "")
        if RESUME_WORDS.match(text):
            return audits_start.resume(services, turn, "")
        return None

    engine.add_message_handler(shortcuts, priority=30)
