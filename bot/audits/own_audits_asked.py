"""A worker asking for the audit of their case in their own words, routed to the list that shows it (trial 41).

A social worker typed `hiya, just had my case audited, where can i see it` and `what did the auditor say about my
case` (knowledge-base options), `my audtis` and `my actons` (menus: `my audits` and `my actions` list them), and `can
i see the audit for cr687096` (the entry on who can see an audit). None is a practice question: each is a list the
person may read, and a list only reads, so it runs at once.

- The worker's own case said audited, or the auditor's words on it asked for: `list mine` (their audits and their
  cases').
- `my audits` or `my actions` with a word one letter off (`audtis`, `actons`): read as typed right, by the same
  one-letter reading as every near miss of a single word (bot.engine.near_miss.one_off), and said so.
- Their own case's audit asked about, what it means for them (trial 48 F10: "what do i need to do about the inadequate
  on my case?" got "Did you mean… What happens after an inadequate Ofsted judgement?"): when they have audits of their
  own, the newest audit of their cases (the newest with the grade the question names, if it names one) with that
  audit's own actions, its case's re-audit date as information only (nobody audits their own case, trial 55 F4), then
  `show N` / `reflect N`, their open and overdue counts (`my actions`) and their audits' grades (`list mine`). Someone
  with no audit of their own still gets the knowledge base.
- An audit asked to be seen, with a case reference: `list case <reference>`, the audits of that case the person may
  read (the reference is checked as every typed one is, so an identifier is refused, never listed).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from bot.asking.asked_plainly import plainly
from bot.audits.core import grade_label
from bot.audits.reaudits import due_told
from bot.core.action_due import is_overdue
from bot.core.grade_verdict import GRADE_ORDER
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.engine.near_miss import one_off
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import check_case_reference
from bot.storage import actions as action_store
from bot.storage import readback as readback_store
from knowledge.dates import short_date
from knowledge.smalltalk import normalise

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)

_SEE = r"(?:see|read|view|find|look\s+at|get|open|check|access)"
# "just had my case audited, where can i see it", "my case was audited last week - how do i read it"
_CASE_AUDITED = re.compile(r"\bmy\s+(?:case|cases|family|familys)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|"
                           r"got\s+|just\s+got\s+|been\s+)?(?:just\s+)?(?:audited|audit\s+done)\b")
_AFTER_IT = re.compile(rf"\b(?:where|{_SEE}|feedback|result|results|outcome)\b")
# "what did the auditor say about my case", "what did my audit say", "wheres the feedback from my audit"
_AUDITOR_SAID = re.compile(r"^(?:what|wat|wot)\s+(?:did|has|have)\s+(?:the|my)\s+(?:auditor|audit|manager|tm)\s+"
                           r"(?:say|said|think|thought|write|written|put|find|found|give|given)\b"
                           r"(?:\s+(?:about|on|of|for)\s+(?:my\s+(?:case|audit|work)|it))?$")
_FEEDBACK = re.compile(rf"^(?:where\s+(?:is|s|can\s+i\s+{_SEE})|how\s+(?:do|can)\s+i\s+{_SEE})\s+(?:the\s+|my\s+)?"
                       r"(?:audit\s+)?(?:feedback|audit|audits)\s+(?:from|of|on|for)\s+my\s+(?:case|cases|audit)$")
# "can i see the audit for cr687096", "show me the audits on CR-123456", "where is the audit of cr 123456"
_CASE_AUDIT = re.compile(rf"^(?:(?:can|could|may)\s+i\s+(?:please\s+)?{_SEE}|{_SEE}|show(?:\s+me)?|where\s+(?:is|are|s)"
                         rf"|i\s+(?:want|need|would\s+like|d\s+like)\s+to\s+{_SEE})\s+(?:the\s+|my\s+)?"
                         r"(?:audits?|audit\s+feedback|feedback)\s+(?:for|of|on|about)\s+(?:case\s+)?"
                         r"(?P<ref>[a-z]{2,4}\s*-?\s*\d{4,10})(?:\s+(?:please|pls|thanks))?$")
# `my audits`, `show my actions`: the words bot.audits.feature.LIST_MINE and LIST_ACTIONS read, one of them mistyped
_MY_WORD = re.compile(r"^(?P<lead>(?:(?:show|list|see|view|get)\s+(?:me\s+)?)?(?:all\s+)?my\s+)(?P<word>[a-z]{5,9})$")
_LISTED_AS = {"audits": "mine", "actions": ""}
# The person's own audits and grades asked after (trial 43): "have i been audited yet", "what grades did i get",
# "what grades have my cases got", "how am i doing overall on my audits", "how did my audits go"
_MINE_WORDS = r"(?:my|me|i)"
_GRADES_ASKED = (
    re.compile(r"\b(?:have|has)\s+(?:i|any\s+of\s+my\s+cases|my\s+(?:case|cases|work))\s+(?:been|got\s+been)\s+"
               r"audited\b"),
    re.compile(r"\b(?:what|which|wat)\s+(?:grades?|ratings?)\s+(?:did|have|has|do)\s+(?:i|my\s+(?:cases?|audits?|work))"
               r"\s+(?:get|got|gotten|been\s+given|had)\b"),
    re.compile(r"\b(?:what|which|wat)\s+(?:grades?|ratings?)\s+(?:are|were)\s+my\s+(?:cases?|audits?)\b"),
    re.compile(r"\bmy\s+(?:audit\s+)?(?:grades|ratings)\b"),
    re.compile(rf"\bhow\s+(?:am\s+i|have\s+i\s+been|is\s+my\s+work|are\s+my\s+cases)\s+(?:doing|getting\s+on|"
               rf"faring|graded)(?:\s+overall)?\s+(?:on|in|with|at)\s+{_MINE_WORDS}\s+(?:audits?|cases?)\b"),
    re.compile(r"\bhow\s+(?:did|have|were)\s+my\s+(?:audits?|cases?|case\s+audits?)\s+(?:go|gone|been\s+graded|"
               r"graded|do|done)\b"),
)


# "what do i need to do about the inadequate on my case?", "my audit came back RI what now", "what happens next with
# my actions": their own case, audit, actions or grade, with a grade or what to do about it
_MY_AUDIT = re.compile(r"\bmy\s+(?:own\s+)?(?:audit|audits|action|actions|grade|grades|case\s+audit)\b")
_MY_CASE = re.compile(r"\bmy\s+(?:own\s+)?(?:case|cases)\b")
_GRADED = re.compile(r"\b(?:inadequate|requires\s+improvement|ri|graded|downgraded|audit|audited)\b")
_WHAT_NOW = re.compile(r"\b(?:inadequate|requires\s+improvement|ri|graded|downgraded|what\s+(?:do|should|must|can)"
                       r"\s+i\s+(?:need\s+to\s+|have\s+to\s+)?do|what\s+now|what\s+happens\s+(?:now|next)|next\s+steps?|"
                       r"what\s+does\s+(?:it|that)\s+mean\s+for\s+me)\b")


# a grade named in the question: its newest audit is the one shown ("the requires improvement on my case")
_GRADE_NAMED = ((r"\binadequate\b", "inadequate"), (r"\b(?:requires\s+improvement|ri)\b", "requires_improvement"))


def asks_about_own_audit(said: str) -> bool:
    """Whether words said plainly ask what the person's own audit, actions or grade means for them: "my audit", or
    "my case" with a grade or an audit named ("my case has a new baby, what happens next" is a practice question)."""
    if _WHAT_NOW.search(said) is None:
        return False
    return _MY_AUDIT.search(said) is not None or (_MY_CASE.search(said) is not None
                                                  and _GRADED.search(said) is not None)


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The list these words ask for, run; None for any other line."""
    said = plainly(text)
    if (_CASE_AUDITED.search(said) and _AFTER_IT.search(said)) or _AUDITOR_SAID.match(said) or \
            _FEEDBACK.match(said):
        return engine.dispatch_command(turn, "list", "mine")
    if any(shape.search(said) for shape in _GRADES_ASKED):  # "what grades have my cases got" (trial 43)
        return [_grades_summary(services, turn), *engine.dispatch_command(turn, "list", "mine")]
    if asks_about_own_audit(said):  # "what do i need to do about the inadequate on my case?"
        return _own_picture(engine, services, turn, said)
    if (mistyped := _MY_WORD.match(said)) is not None:
        return _mistyped(engine, turn, mistyped.group("lead"), mistyped.group("word"))
    if (case := _CASE_AUDIT.match(said) or _CASE_AUDIT.match(normalise(text))) is not None:  # "show me the audit…"
        return _case_listed(engine, services, turn, case.group("ref"))
    return None


def _grades_summary(services: Services, turn: Turn) -> Reply:
    """How many audits of the person's cases there are and their grades of record, worst first, above the list."""
    _total, audits = readback_store.readable_audits(services.storage, people=[turn.user_id], limit=500)
    mine = [audit for audit in audits if audit.worker_id == turn.user_id]
    if not mine:
        return Reply(kind="notice", text="None of your cases has an audit submitted yet. When one does, you are "
                                         "told, and `list mine` shows it.")
    grades = Counter(audit.grade_of_record for audit in mine if audit.grade_of_record)
    said = ", ".join(f"{grades[grade]} {grade_label(grade)}" for grade in GRADE_ORDER if grades[grade])
    return Reply(kind="notice", text=f"{count_of(len(mine), 'audit')} of your cases so far" +
                 (f", graded {said}" if said else "") + ". Each is listed below (with any you audited yourself); "
                 f"`show {mine[0].id}` opens the newest with its answers and the auditor's notes, and "
                 f"`reflect {mine[0].id}` adds your view.")


def _own_picture(engine: Engine, services: Services, turn: Turn, said: str) -> list[Reply] | None:
    """The person's own audit asked about (trial 55 F4): the newest of their cases' audits (of the grade named, if
    any) with its grade and its own actions, done or open; its case's re-audit date as information only; a count of
    their open actions with the overdue ones. None when no case of theirs has an audit, so the knowledge base
    answers."""
    _total, audits = readback_store.readable_audits(services.storage, people=[turn.user_id], limit=500)
    mine = [audit for audit in audits if audit.worker_id == turn.user_id]
    if not mine:
        return None
    named = next((grade for word, grade in _GRADE_NAMED if re.search(word, said)), None)
    audit = next((a for a in mine if named and a.grade_of_record == named), mine[0])
    today = turn.now.astimezone(services.settings.timezone).date()
    grades = Counter(a.grade_of_record for a in mine if a.grade_of_record)
    spread = ", ".join(f"{grades[grade]} {grade_label(grade)}" for grade in GRADE_ORDER if grades[grade])
    lines = [f"Audit #{audit.id} of {audit.case_ref}" + (f", graded **{grade_label(audit.grade_of_record)}**"
                                                         if audit.grade_of_record else "") + ".",
             *_actions_of(services, audit.id, today)]
    if due := due_told(services, audit.case_ref, today):
        lines.append(due)
    lines.append(f"`show {audit.id}` opens it with the auditor's notes; `reflect {audit.id}` adds your view.")
    lines.append(_open_count(services, turn.user_id, today))
    lines.append(f"{count_of(len(mine), 'audit')} of your cases so far" + (f" ({spread})" if spread else "") +
                 ": `list mine` lists them. How grading and re-audits work: ask `how does grading work?`.")
    return [Reply(kind="notice", text="\n".join(lines))]


def _actions_of(services: Services, audit_id: int, today: date) -> list[str]:
    """The audit's own actions, each done or open with its due date; a line saying it has none."""
    actions = action_store.actions_of_audit(services.storage, audit_id)
    if not actions:
        return ["It has no actions."]
    lines = ["Its actions:"]
    for action in actions:
        due = date.fromisoformat(action.due_date)
        state = "done" if action.done_at else ("**overdue**" if is_overdue(due, today) else "open")
        lines.append(f"   • Action {action.id} — {action.description}, due {short_date(due)} ({state})")
    return lines


def _open_count(services: Services, user_id: str, today: date) -> str:
    """"You have 21 open actions, 6 overdue: `my actions` lists them, soonest first.", or that none is open."""
    actions = action_store.open_actions_of(services.storage, user_id)
    if not actions:
        return "You have no open actions."
    overdue = sum(is_overdue(a.due_date, today) for a in actions)
    return (f"You have {count_of(len(actions), 'open action')}" + (f", {overdue} overdue" if overdue else "") +
            ": `my actions` lists them, soonest first.")


def _mistyped(engine: Engine, turn: Turn, lead: str, word: str) -> list[Reply] | None:
    """`my audtis` as `my audits`, said so above the list; None for a word no nearer one than another."""
    meant = one_off(word, _LISTED_AS)
    if meant is None:
        return None
    told = Reply(kind="notice", text=f"Reading that as `{lead}{meant}`:")
    command = "list" if meant == "audits" else "actions"
    return [told, *engine.dispatch_command(turn, command, _LISTED_AS[meant])]


def _case_listed(engine: Engine, services: Services, turn: Turn, typed: str) -> list[Reply] | None:
    """The audits of the case the person may read (`list case`); None for words that are no case reference."""
    try:
        reference = check_case_reference(typed, services.settings.case_reference_pattern, services.identifier_screen)
    except UserError:
        return None
    return engine.dispatch_command(turn, "list", f"case {reference}")


def install(engine: Engine, services: Services) -> None:
    """Register a worker's words for their audits, before the knowledge base answers them."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
