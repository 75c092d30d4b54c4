"""A person asking when one of their cases is re-audited, in their own words (trial 56 F10: S1's `when will
CR-139561 be re-audited` got the general entry "When is a case re-audited?", though the bot had told her minutes
before "CR-139561's re-audit is due by Tuesday 23 February 2027").

- A case named ("when will CR-139561 be re-audited", "when's the reaudit for cr139561", "is CR-139561 due a
  re-audit"): that case's line, as the worker of the case is told it (`reaudits.due_told`: her manager or an auditor
  starts it) or as one who may start it is (`reaudits.due_said`); a case not due says so and why; then where the
  general answer is. A case with no audit the person may read gets the words a case with no audit at all gets, as
  `list case` does, so nobody learns from them that a case they may not read was audited.
- Their own re-audits asked after ("when is my next reaudit", "when are my re-audits due"): `/audit reaudits mine`.
"""

from __future__ import annotations

import re
from datetime import date

from bot.audits import reaudits
from bot.audits.core import can_view, grade_label, grade_of_record_text
from bot.core import policy
from bot.core.reaudits import due_for_case
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import check_case_reference
from bot.settings.people import Person
from bot.storage import readback as readback_store
from bot.storage.audits import AuditRow

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
GENERAL = "How re-audits work: ask `when is a case re-audited`."

_RE = r"re-?\s?audit(?:ed|s|ing)?"
_REF = r"(?P<ref>\b[a-z]{2,4}\s*-?\s*\d{4,10})\b"
# A question, not an instruction: "when …", "by when …", "is/has/will/does … ", "any idea when …"
_OPENING = (r"^\s*(?:(?:hi|hiya|ok|so|and|sorry|quick\s+q(?:uestion)?)[\s,:-]+)*(?:(?:do\s+you|does\s+any(?:one|body))"
            r"\s+know\s+|any\s+idea\s+)?(?:when(?:'s|\u2019s|s)?|by\s+when|what\s+(?:date|day)|is|has|will|does{more})\b")
_CASE_OPENING, _MINE_OPENING = _OPENING.format(more=""), _OPENING.format(more="|do|are|have")
_CASE_ASKED = re.compile(rf"{_CASE_OPENING}(?=.*\b{_RE}\b)(?=.*{_REF}).{{0,120}}$", re.IGNORECASE)
_MINE_ASKED = re.compile(rf"{_MINE_OPENING}(?:\s+(?:is|are|will|do|does|i\s+have|i\s+got))?"
                         rf"(?:\s+(?:got\s+)?any)?\s+(?:my|i)\b(?=.*\b{_RE}\b)(?!.*\d{{4}}).{{0,80}}$", re.IGNORECASE)


def case_named(text: str) -> str | None:
    """The case reference as typed in a question asking when that case is re-audited ("when will CR-139561 be
    re-audited", "is cr139561 due a re-audit"); None for other words ("re-audit CR-1" starts one)."""
    asked = _CASE_ASKED.match(text.strip())
    return asked.group("ref") if asked else None


def asks_mine(text: str) -> bool:
    """Whether the words ask after the person's own re-audits ("when is my next reaudit"), naming no case."""
    return _MINE_ASKED.match(text.strip()) is not None


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The case's re-audit, or the person's list; None for any other line (the knowledge base answers)."""
    if (typed := case_named(text)) is not None:
        return case_asked(services, turn, typed)
    if asks_mine(text):
        return engine.dispatch_command(turn, "reaudits", "mine")
    return None


def case_asked(services: Services, turn: Turn, typed: str) -> list[Reply] | None:
    """When this case is re-audited, for this reader; None for words that are no case reference."""
    try:
        reference = check_case_reference(typed, services.settings.case_reference_pattern, services.identifier_screen)
    except UserError:
        return None
    _total, audits = readback_store.readable_audits(services.storage, case_ref=reference, limit=50)
    readable = [audit for audit in audits if can_view(services, turn.person, audit)]
    item = due_for_case(services.storage, services.settings.reaudit, services.settings.timezone, reference)
    if not readable or (item is not None and not can_view(services, turn.person, item.audit)):
        return [Reply(kind="notice", text=f"I can't find a submitted audit of {reference} that you may read, so I "
                                          f"can't say when it is re-audited. `list case {reference}` lists the audits "
                                          f"of a case you may read.\n{GENERAL}")]
    today = turn.now.astimezone(services.settings.timezone).date()
    if item is None:
        return [Reply(kind="notice", text=f"{_not_due(services, reference, readable[0])}\n{GENERAL}")]
    said = _due_line(services, turn.person, reference, item.audit, today)
    if item.under_way:
        said += " Its re-audit has been started."
    return [Reply(kind="notice", text=f"{said}\n{GENERAL}")]


def _due_line(services: Services, person: Person, reference: str, audit: AuditRow, today: date) -> str:
    """The worker of the case is told who starts it; one who may start it, how; anyone else, whose it is."""
    if person.user_id == audit.worker_id:
        return reaudits.due_told(services, reference, today)
    said = reaudits.due_said(services, reference, today).replace("Its re-audit", f"{reference}'s re-audit", 1)
    if policy.may_reaudit(services.directory, person, audit):
        return said
    return f"{said.split('; `re-audit')[0]}; {reaudits.whose_to_do(services, audit)}."


def _not_due(services: Services, reference: str, latest: AuditRow) -> str:
    """"CR-1 is not due for a re-audit: its latest audit, #12, is graded Good; only Inadequate and … ask for one"."""
    asking = [grade_label(grade) for grade, _weeks in services.settings.reaudit.weeks_by_grade]
    only = f"; only {' or '.join(asking)} asks for one" if asking else "; no grade asks for one in this service"
    return (f"{reference} is not due for a re-audit: its latest audit you may read, #{latest.id}, is graded "
            f"{grade_of_record_text(latest)}{only}.")


def install(engine: Engine, services: Services) -> None:
    """Register the words, before the knowledge base answers them."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
