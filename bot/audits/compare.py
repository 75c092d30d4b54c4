"""`/audit compare 12` (or `compare 12` typed, or the Compare button): did practice improve since the last audit?

It puts a submitted audit beside the audit of the same case submitted before it (or beside one named: `/audit
compare 12 with 9`): the grade of record before and now, the answers that changed, and the earlier audit's actions
with whether they were done, which is what a re-auditor asks first. Reading both audits is the same right as `/audit
show` (bot.core.policy via `bot.audits.core.can_view`): a comparison shows both, so it needs both. What changed is
worked out in bot/audits/comparison.py; this module loads the audits, checks the rights and words the reply.

Button: audit.compare "<audit>" (with the audit before it).
"""

from __future__ import annotations

import re

from bot.audits import comparison
from bot.audits.core import action_line, can_view, checklist_of, grade_label, grade_of_record_text, not_in_channel
from bot.core import buttons
from bot.core import reaudit_outcomes as outcome_words
from bot.core.grade_verdict import Graded, GradeVerdict, grade_verdict
from bot.core.replies import Choice, Reply, agreeing, count_of
from bot.core.services import Services
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.settings.people import Person
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import readback as readback_store
from bot.storage.common import parse_utc
from knowledge.dates import long_date

# "compare 12", "compare #12 with 9", "compare audit 12 and audit 9": typed in a DM or the terminal chat. Only a
# number after the word makes it a command, so "compare the ICPC and RCPC timescales" is still a question. Only the
# start is matched here (in linear time, whatever follows); bot.audits.comparison.parse_request reads the rest.
TYPED = re.compile(r"\s*compare\s+(?=(?:audits?\s+)?#?\d)", re.IGNORECASE)
HINT = "type `/audit compare <audit number>`, for example `/audit compare 12`"
# Said of an audit that does not exist and of one the person may not read alike (trial 41: the two told apart which
# audits exist).
NO_ACCESS = ("I can't find audit #{id}, or it is not one you have access to, so I can't compare it: audits are open to "
             "the auditor, the worker, their team manager, its moderator, QA leads and admins. Compare audits you can "
             "read (`/audit list` shows them).")
MARKS = {"better": " (better)", "worse": " (worse)", "same": ": same", "": ""}
# An answer that grows with time between audits (bot.audits.comparison.changed_answer), said so and set against its
# flag: "2 → 14 (a duration, which grows with time, so neither better nor worse: under 17 weeks, not flagged, as
# before)" (trial 60 F18: "(worse)")
GROWTH_SAID = {"duration": "a duration", "total": "a running total"}
# Beside a re-audit's grade that no moderator has decided yet (bot.core.reaudit_outcomes owns the words: trial 60 F19)
UNMODERATED = outcome_words.UNMODERATED
UNIT = re.compile(r"\b(days|weeks|months|years)\b", re.IGNORECASE)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit compare` (listed in help right after `/audit show`) and `compare 12` typed. The typed words
    come after the audit conversation (an answer being typed is that answer, as `home` is) and before the knowledge
    base, which would take them for a question. The Compare button is routed with the other audit buttons
    (bot.audits.conversation.ACTIONS)."""
    engine.add_command("compare", lambda turn, args: compare_command(services, turn, args),
                       "compare a submitted audit with the audit of the same case before it: the grade, the answers "
                       "that changed, and whether its actions were done",
                       usage="/audit compare <number> [with <number>]", typed=rf"{NUMBER}(?:\s+with\s+{NUMBER})?")
    engine.add_message_handler(lambda turn, text: typed_compare(services, turn, text), priority=27)


def compare_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit compare 12` or `/audit compare 12 with 9`."""
    request = comparison.parse_request(args)
    if isinstance(request, str):
        raise UserError(request)
    return compare(services, turn, request.audit_id, request.other_id)


def typed_compare(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`compare 12` typed in a DM or the terminal chat is the command; other words are not for this feature."""
    found = TYPED.match(text or "")
    return compare_command(services, turn, text[found.end():].strip().rstrip(".!?")) if found else None


def on_compare(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The Compare button: the audit it names beside the audit of the same case before it."""
    return compare(services, turn, buttons.record_id(value, HINT), None)


def compare(services: Services, turn: Turn, audit_id: int, other_id: int | None) -> list[Reply]:
    """Both audits checked (found, submitted, readable by this person, of one case), then put side by side."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    audit = _comparable(services, turn.person, audit_id)
    if other_id is None:
        earlier = readback_store.audit_before(services.storage, audit)
        if earlier is None:
            raise UserError(f"Audit #{audit.id} is the first submitted audit of {audit.case_ref}, so there is no "
                            f"earlier audit to compare it with. `/audit show {audit.id}` shows it.")
        if not can_view(services, turn.person, earlier):
            raise AccessDenied(f"The audit of {audit.case_ref} before #{audit.id} is #{earlier.id}, and that one is "
                               "not one you have access to, so I can't compare them. Its team manager, a QA lead or "
                               f"an admin can; `/audit show {audit.id}` shows #{audit.id} on its own.")
        later = audit
    else:
        other = _comparable(services, turn.person, other_id)
        if other.case_ref != audit.case_ref:
            raise UserError(f"Audits #{audit.id} and #{other.id} are of different cases, so comparing them would say "
                            f"nothing about practice on either. `/audit list case {audit.case_ref}` lists the audits "
                            f"of #{audit.id}'s case; or type `/audit compare {audit.id}` for the one before it.")
        earlier, later = sorted((audit, other), key=readback_store.submitted_order)
    return [comparison_reply(services, earlier, later)]


def _comparable(services: Services, person: Person, audit_id: int) -> store.AuditRow:
    """The audit, if it exists, counts (not cancelled), this person may read it and it is submitted."""
    audit = store.get_audit(services.storage, audit_id)
    if audit is None:
        raise UserError(NO_ACCESS.format(id=audit_id))
    if audit.status == "cancelled":
        raise UserError(f"Audit #{audit_id} was cancelled by its auditor: a cancelled audit does not count, so there "
                        "is nothing to compare. `/audit list` shows the audits you can read.")
    if not can_view(services, person, audit):
        raise AccessDenied(NO_ACCESS.format(id=audit_id))
    if audit.status not in readback_store.READABLE_STATUSES:
        raise UserError(f"Audit #{audit_id} is still a draft: its answers and grade may change, so it can be "
                        "compared once its auditor submits it.")
    return audit


def comparison_reply(services: Services, earlier: store.AuditRow, later: store.AuditRow) -> Reply:
    """The grade of record before and now, the changed answers, and whether the earlier audit's actions were done."""
    before_list, after_list = checklist_of(services, earlier), checklist_of(services, later)
    answers = comparison.compare_answers(before_list, store.answers_of(services.storage, earlier.id),
                                         after_list, store.answers_of(services.storage, later.id))
    parts = [
        f"**Audit #{later.id} compared with audit #{earlier.id}**, case {later.case_ref}\n"
        f"Before: {_which(services, earlier, before_list.title)}\nNow: {_which(services, later, after_list.title)}",
        _grade_text(earlier, later),
        _answers_text(answers),
        _actions_text(services, earlier),
    ]
    return Reply(text="\n\n".join(parts), title=f"Audit #{later.id} compared with #{earlier.id}",
                 fields=(("Case", later.case_ref),),
                 choices=(Choice(f"View #{earlier.id}", "audit.view", str(earlier.id)),
                          Choice(f"View #{later.id}", "audit.view", str(later.id))))


def _which(services: Services, audit: store.AuditRow, title: str) -> str:
    submitted = parse_utc(readback_store.submitted_order(audit)[0]).astimezone(services.settings.timezone)
    return (f"#{audit.id} {title}, submitted {long_date(submitted.date())} by "
            f"{services.directory.label(audit.auditor_id)}")


def graded(audit: store.AuditRow) -> Graded:
    """An audit's auditor's and moderator's grades, as bot.audits.comparison compares them."""
    return Graded(audit.overall_grade, audit.moderated_grade)


def _grade_text(earlier: store.AuditRow, later: store.AuditRow) -> str:
    verdict = grade_verdict(graded(earlier), graded(later))
    record = f"**Grade of record:** {grade_of_record_text(earlier)} → {grade_of_record_text(later)}"
    if verdict.change == "same" and (earlier.regraded or later.regraded) \
            and (earlier.moderated_grade is None) != (later.moderated_grade is None):
        return f"{record}: **same**\n{_moderated_same(earlier, later)}"
    if verdict.change:
        unmoderated = f" ({UNMODERATED})" if later.moderated_grade is None else ""
        return f"{record}{unmoderated}: **{verdict.change}**"
    if not verdict.record_change:
        return f"{record}: no grade to compare"
    return f"{record}: **not like for like**\n{_moderation_apart(earlier, later, verdict)}"


def _moderated_same(earlier: store.AuditRow, later: store.AuditRow) -> str:
    """The same grade of record, one a moderator's and the other an auditor's: nothing differs for the moderation to
    explain (trial 22: both Inadequate was called a difference), but the reader is told whose grades they are."""
    moderated, other = (earlier, later) if earlier.moderated_grade is not None else (later, earlier)
    return (f"The grade of record is unchanged. #{moderated.id}'s is its moderator's; #{other.id} has not been "
            "moderated, so its grade of record is its auditor's.")


def _moderation_apart(earlier: store.AuditRow, later: store.AuditRow, verdict: GradeVerdict) -> str:
    """Why the grades of record say nothing yet: which audit's grade is a moderator's, and what the auditors gave."""
    moderated, other = (earlier, later) if earlier.moderated_grade is not None else (later, earlier)
    own = {"same": "the same", "improved": "improved", "worse": "worse"}.get(verdict.auditor_change, "ungraded")
    text = (f"#{moderated.id}'s grade of record is its moderator's; #{other.id} has not been moderated, so its grade "
            f"of record is its auditor's. The auditors graded #{earlier.id} {grade_label(earlier.overall_grade)} and "
            f"#{later.id} {grade_label(later.overall_grade)} ({own}), so the difference in the grades of record is "
            f"#{moderated.id}'s moderation, not a change in practice.")
    if other is later:
        text += f" Moderating #{later.id} would show whether practice changed; the answers below show what did."
    return text


def _answers_text(answers: comparison.AnswerComparison) -> str:
    counts = [f"{len(answers.changed)} changed", f"{answers.unchanged} unchanged"]
    if answers.answered_in_neither:
        counts.append(f"{answers.answered_in_neither} answered in neither")
    text = f"**Answers** to the {count_of(answers.compared, 'question')} both audits ask: {', '.join(counts)}."
    if answers.changed:
        text += "\n" + "\n".join(f"• {change.question.text} — {change.before} → {change.after}{_mark(change)}"
                                 for change in answers.changed)
    if answers.not_comparable:
        apart = answers.not_comparable
        text += (f"\n_{count_of(apart, 'question')} {agreeing(apart, 'was', 'were')} not comparable: only one of the "
                 f"two checklists asks {agreeing(apart, 'it', 'them')}._")
    return text


def _mark(change: comparison.ChangedAnswer) -> str:
    """' (better)', ' (worse)', ': same', or for an answer that grows with time what it is and where it stands
    against the question's flag, never better or worse."""
    if not change.growth:
        return MARKS[change.direction]
    kind = f"{GROWTH_SAID[change.growth]}, which grows with time, so neither better nor worse"
    if change.flagged is None or change.question.flag_at_least is None:
        return f" ({kind})"
    return f" ({kind}: {_against_flag(change, *change.flagged)})"


def _against_flag(change: comparison.ChangedAnswer, was: bool, now: bool) -> str:
    """'under 17 weeks, not flagged, as before', '1 or more, flagged, as before', 'now 19 months or more, flagged;
    before, not', 'now under 19 months, no longer flagged'."""
    unit = UNIT.search(change.question.text) if change.growth == "duration" else None
    limit = f"{change.question.flag_at_least:g}{' ' + unit.group(1).lower() if unit else ''}"
    if was == now:
        return f"{limit} or more, flagged, as before" if now else f"under {limit}, not flagged, as before"
    return f"now {limit} or more, flagged; before, not" if now else f"now under {limit}, no longer flagged"


def _actions_text(services: Services, earlier: store.AuditRow) -> str:
    actions = action_store.actions_of_audit(services.storage, earlier.id)
    if not actions:
        return f"**Actions from audit #{earlier.id}:** none were set."
    today = services.local_now().date().isoformat()
    return (f"**Actions from audit #{earlier.id}** (were they carried out?):\n"
            + "\n".join(action_line(services, action, today) for action in actions))
