"""A manager's tasks asked for in plain words, each routed to the command that does it (trial 32, item 6): `where was
i` (resume), `team actions`, `need to do the reaudit for cr914068`, `can u nudge sw s1 about 18 pls` (chase 18), `i
dont agree with the inadequate on 151, …` (respond 151 with the words), `on 152 i put good but it should be RI`
(edit 152's grade, which asks why). Each went to the knowledge base or onto the QA leads' list of unanswered
questions. None of these is a practice question, so none is noted as one.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.audits.actions import TEAM_READERS, team_owner_ids
from bot.audits.grade_words import read_grade
from bot.core.action_due import is_overdue
from bot.core.people import person_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import check_case_reference
from bot.storage import actions as action_store
from knowledge.dates import short_date

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)

WHERE_WAS_I = re.compile(r"^(?:where\s+(?:was|were)\s+(?:i|we)|what\s+was\s+i\s+doing|where\s+did\s+i\s+(?:leave\s+off|"
                         r"get\s+to|stop)|what\s+(?:have\s+i\s+got|do\s+i\s+have)\s+(?:in\s+progress|on\s+the\s+go))$")
TEAM_ACTIONS = re.compile(r"^(?:(?:show(?:\s+me)?|see|list|get)\s+)?(?:my\s+|our\s+|the\s+)?teams?\s+(?:audit\s+)?"
                          r"actions?$")
REAUDIT_DUE = re.compile(r"^(?:i\s+)?(?:need|have|got|want)\s+to\s+(?:do|start|complete)\s+(?:the|a|my)\s+"
                         r"re\s*-?\s*audit\s+(?:for|of|on)\s+(?:case\s+)?(?P<ref>[a-z]{2,4}\s*-?\s*\d{4,10})$")
NUDGE = re.compile(r"^(?:can\s+(?:u|you)\s+|could\s+(?:u|you)\s+|please\s+|pls\s+)?(?:nudge|chase|remind|poke|prod)\s+"
                   r".{0,40}?\b(?:about|on|re|for)\s+(?:action\s+)?#?(?P<id>\d{1,9})(?:\s+(?:pls|please|thanks))?$")
DISAGREE = re.compile(r"^\s*i\s+(?:dont|don't|do\s+not)\s+agree\s+with\s+(?:the\s+|your\s+)?(?:moderation|grade|"
                      r"inadequate|ri|requires\s+improvement|good|outstanding|decision)?\s*(?:on|for|of)\s+"
                      r"(?:audit\s+)?#?(?P<id>\d{1,9})\s*[,:;.-]?\s*(?P<reply>.*)$", re.IGNORECASE | re.DOTALL)
# "what actions has s1 got overdue", "what has sw s1 got overdue", "whats overdue for sw n2"
# and "whats s1 got overdue" (trial 41: suggested "corporate parenting principles")
PERSON_OVERDUE = re.compile(r"^(?:(?:what|which|any)\s+(?:actions?\s+)?(?:has|have|does)|whats|what\s+s)\s+"
                            r"(?P<who>.{2,40}?)\s+(?:got|have|has)\s+(?:that\s+is\s+|thats\s+|is\s+)?"
                            r"(?:overdue|late)$")
REGRADE = re.compile(r"^\s*on\s+(?:audit\s+)?#?(?P<id>\d{1,9})\s*,?\s*i\s+(?:put|gave|graded\s+it|said)\s+.{1,40}?\s+"
                     r"but\s+it\s+should\s+(?:be|have\s+been)\s+(?P<grade>[a-z ]{2,40}?)\s*[.!]*\s*$", re.IGNORECASE)


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The command's replies for the words above; None for anything else."""
    if (disagree := DISAGREE.match(text or "")) is not None:
        reply = disagree.group("reply").strip()
        return engine.dispatch_command(turn, "respond", f"{disagree.group('id')} {reply}".strip())
    if (regrade := REGRADE.match(text or "")) is not None and (grade := read_grade(regrade.group("grade"))):
        return engine.dispatch_command(turn, "edit", f"{regrade.group('id')} grade {grade.replace('_', ' ')}")
    said = plainly(text)
    if WHERE_WAS_I.match(said):
        return engine.dispatch_command(turn, "resume", "")
    if TEAM_ACTIONS.match(said) and engine.commands["actions"].allowed(turn.person):
        return engine.dispatch_command(turn, "actions", "team")
    if (nudge := NUDGE.match(said)) is not None:
        return engine.dispatch_command(turn, "chase", nudge.group("id"))
    if (late := PERSON_OVERDUE.match(said)) is not None:
        return _persons_overdue(services, turn, late.group("who"))
    if (due := REAUDIT_DUE.match(said)) is not None:
        return _reaudit_offered(services, due.group("ref"))
    return None


def _persons_overdue(services: Services, turn: Turn, typed: str) -> list[Reply] | None:
    """A team member's overdue actions, for a reader of their team's actions (`s1` is Social worker S1 when one
    person's name ends so, else as every place reads a person); None when the words name nobody the reader sees."""
    if turn.person.role not in TEAM_READERS:
        return None
    team = team_owner_ids(services, turn.person)
    who = person_named(services.directory, typed, lambda name: f"what actions has {name} got overdue", among=team)
    if who is None:
        ending = [uid for uid in team if services.directory.label(uid).lower().endswith(f" {typed.strip()}")]
        who = ending[0] if len(ending) == 1 else None
    if who is None:
        return None
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    late = [a for a in action_store.open_actions_of(services.storage, who) if is_overdue(a.due_date, today)]
    name = services.directory.label(who)
    if not late:
        return [Reply(kind="notice", text=f"{name} has no overdue action.")]
    lines = [f"• Action {a.id} (audit #{a.audit_id}, {a.case_ref}), due {short_date(a.due_date)}: {a.description}"
             for a in sorted(late, key=lambda a: a.due_date)]
    return [Reply(text=f"{name}'s overdue actions ({len(late)}):\n" + "\n".join(lines),
                  note="`chase 12` nudges the owner of action 12 by DM.")]


def _reaudit_offered(services: Services, typed: str) -> list[Reply]:
    """The command that starts the re-audit, with the reference as the bot writes it."""
    try:
        reference = check_case_reference(typed, services.settings.case_reference_pattern, services.identifier_screen)
    except UserError:
        return [Reply(kind="notice", text="To start a re-audit, type `re-audit` and the case reference, like "
                                          "`re-audit CR-123456`.")]
    return [Reply(kind="notice", text=f"To start the re-audit of {reference}, type `re-audit {reference}`: it "
                                      "starts on the checklist of the audit that asked for it.")]


def install(engine: Engine, services: Services) -> None:
    """Register a manager's tasks in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
