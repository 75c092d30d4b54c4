"""What every part of the audit conversation shares: loading an audit, rights, button values and rendering.

The flow rules live in `bot.audits.flow`; storage in `bot.storage.audits`. This module turns an
audit's current step into the message a person sees, the same in Slack and the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.audits.answer_notes import answered_before, keep_choice
from bot.audits.flow import Answer, AnswerError, Step, flags, gone_past
from bot.audits.numbering import follow_up_of, progress, question_label, tied_tag
from bot.core import buttons, chase_said, more_time_said, policy
from bot.core.action_due import is_overdue
from bot.core.audit_rules import concerns, missing_answers, visible_questions
from bot.core.markup import emoji
from bot.core.reopened import reopened_on
from bot.core.replies import Choice, Reply, person_choice
from bot.core.sentences import as_sentence
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.settings.people import SLACK_USER_ID, Person, Role
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import readback as readback_store
from bot.storage.errors import NotFound
from knowledge.checklist_schema import GRADE_LABELS, GRADES, Checklist, Question
from knowledge.dates import examples as date_examples
from knowledge.dates import short_date
from knowledge.loader import KnowledgeBase
from knowledge.problems import KnowledgeBaseError

USER_MENTION = re.compile(rf"^<?@?({SLACK_USER_ID})(\|[^>]*)?>?$")
TYPED_PROMPTS = {
    "text": "Type your answer.",
    "number": "Type a number, such as 3.",
}
IN_CHANNEL = ("Audits hold case details, so let's do that in a direct message: open your DM with me and type "
              "`start audit` or `/audit resume` there.")


# -- knowledge -------------------------------------------------------------------------------------------

def knowledge_base(services: Services) -> KnowledgeBase:
    """The knowledge base the bot is using now: after `/audit kb reload`, new audits use the new checklists."""
    try:
        return services.live_knowledge().current.kb
    except KnowledgeBaseError:
        raise UserError("I can't read the audit checklists right now: the knowledge base has problems. Ask your "
                        "QA lead to run `audit-bot kb check` and fix them.") from None


def checklists(services: Services) -> dict[str, Checklist]:
    return dict(knowledge_base(services).checklists)


def guidance_text(services: Services, question: Question) -> str:
    """'What good looks like': the guidance text, or the answer of the knowledge entry it names."""
    grades = f"\n\n**What each grade looks like here**\n{question.descriptors_text()}" if question.descriptors else ""
    guidance = question.guidance
    if not guidance:
        return ("This question has no guidance yet. Use your professional judgement and say why in your notes."
                + grades)
    if re.fullmatch(r"[a-z0-9-]+", guidance):
        try:
            entry = knowledge_base(services).entries.get(guidance)
        except UserError:
            entry = None
        if entry is None:
            return "The guidance for this question is not available just now; ask your QA lead." + grades
        return f"**{entry.question}**\n{entry.answer}" + grades
    return guidance + grades


def period_text(checklist: Checklist) -> str:
    """'Period audited: the last 6 months.' for the start of an audit and its summary; empty for old snapshots."""
    return f"Period audited: {checklist.period.rstrip('.')}." if checklist.period else ""


# -- one audit, loaded -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ctx:
    """An audit with its checklist snapshot and answers: everything needed to render or move it."""

    audit: store.AuditRow
    checklist: Checklist
    answers: dict[str, Answer]

    @property
    def step(self) -> Step:
        return Step.parse(self.audit.step)

    @property
    def version(self) -> int:
        return self.audit.step_version

    def value(self, key: str = "") -> str:
        """A button value: audit id, step version and the answer key (ids only; it travels through Slack)."""
        return buttons.encode_step(self.audit.id, self.version, key)


def load(services: Services, audit_id: int) -> Ctx:
    audit = store.get_audit(services.storage, audit_id)
    if audit is None:
        raise UserError("I can't find that audit. Type `/audit resume` to see your drafts.")
    return Ctx(audit, checklist_of(services, audit), store.answers_of(services.storage, audit_id))


def checklist_of(services: Services, audit: store.AuditRow) -> Checklist:
    """The checklist an audit was started with (its snapshot), or the words for a snapshot that is missing."""
    try:
        return store.checklist_version(services.storage, audit.checklist_hash)
    except NotFound:
        raise UserError("The checklist this audit was started with is missing from the database. "
                        "Tell your QA lead.") from None


def waiting(awaiting: str, **data: Any) -> dict[str, Any]:
    """What the bot waits for next from a person, as their conversation row stores it: the value of a
    `bot.audits.conversation.State` and what that state needs (the audit, the checklist, the grade...).
    Storage writes it in the same transaction as the change that leads to it; `{}` means nothing."""
    return {"feature": "audit", "awaiting": awaiting, **data}


def waiting_at(audit_id: int, step_key: str) -> dict[str, Any]:
    """Waiting at an audit's step: the step's name is its state (question, review, strengths...)."""
    return waiting(Step.parse(step_key).name, audit_id=audit_id, step=step_key)


def split_value(value: str) -> tuple[int, int, str]:
    """(audit id, step version, key) from a button value; a mangled value is treated as a stale button."""
    press = buttons.step_press(value)
    return press.audit_id, press.version, press.key


def answer_error(error: AnswerError) -> UserError:
    return UserError(str(error))


def user_id_from(text: str) -> str | None:
    match = USER_MENTION.match((text or "").strip().upper())
    return match.group(1) if match else None


# -- rights ----------------------------------------------------------------------------------------------

def can_view(services: Services, person: Person, audit: store.AuditRow, alerted: Collection[str] = ()) -> bool:
    """Who may read an audit (and so see its case reference): see bot.core.policy; its moderator too, and those an
    immediate-concern alert from a draft reached (`alerted`, bot.audits.escalation). A reopened audit is read as
    policy.may_view says, the one rule for every list; `/audit show` says it is reopened and out of moderation until
    submitted again (`status_text`)."""
    moderators = readback_store.moderators_of(services.storage, [audit.id]).get(audit.id, set())
    return policy.may_view(services.directory, person, audit, moderators, alerted)


def not_found_or_closed(audit_id: int) -> str:
    """The one answer for an audit that does not exist and one the reader may not read, so that no one learns from it
    that an audit they may not read exists (trial 41: `show 129` said "not one you have access to" where `list case`
    said "none submitted yet")."""
    return (f"I can't find that audit (#{audit_id}), or it is not one you have access to: audits are open to the "
            "auditor, the worker, their team manager, its moderator, QA leads and admins. `/audit list` shows the "
            "audits you can read.")


def require_view(services: Services, person: Person, audit: store.AuditRow, alerted: Collection[str] = ()) -> None:
    """A refusal that says why: a draft is its auditor's working copy, which the worker and the case's team manager
    are sent once it is submitted (bot.core.policy.may_view)."""
    if can_view(services, person, audit, alerted):
        return
    if audit.status != "draft" or audit.submitted_at is not None:  # submitted, perhaps reopened for changes since
        raise AccessDenied(not_found_or_closed(audit.id))
    whose = " of your case" if person.user_id == audit.worker_id else ""
    if whose or policy.manages_team_of(services.directory, person, audit):
        raise AccessDenied(f"Audit #{audit.id}{whose} is still a draft, its auditor's working copy: you'll get its "
                           "summary when it is submitted.")
    raise AccessDenied(f"Audit #{audit.id} is still a draft, its auditor's working copy: until it is submitted, "
                       f"only {policy.DRAFT_READERS} can read it.")


def audited_by(services: Services, team_id: str | None) -> str:
    """Who audits a team's cases by hand (policy.may_name_worker), in the words both the start of an audit and
    `/audit reaudits` tell someone a case is not theirs with: "its manager (Team manager (North)), a QA lead or an
    admin". A colleague in the team may too, as a peer audit, but the person told is never one."""
    team = services.directory.teams.get(team_id or "")
    managers = [services.directory.label(m) for m in team.manager_ids] if team else []
    named = f"manager{'s' if len(managers) > 1 else ''} ({', '.join(managers)})" if managers else "manager"
    return f"its {named}, a QA lead or an admin"


def not_in_channel(turn: Turn) -> list[Reply] | None:
    return [Reply(text=IN_CHANNEL)] if turn.surface == "channel" else None


def grade_label(grade: str | None) -> str:
    return GRADE_LABELS.get(grade or "", "not graded")


# Audit state: {"grade", "question"} once the auditor confirmed Good or Outstanding over an immediate concern
# (bot.audits.concern_grade); the grade line says so, for the moderator and the worker.
CONCERN_CONFIRMED = "concern_grade_confirmed"


def concern_confirmed(audit: store.AuditRow, concern_stands: bool) -> bool:
    """Whether the auditor confirmed this audit's Good or Outstanding over an immediate-concern answer that still
    stands. A draft with no grade and no confirmation once read as confirmed (no grade equals no confirmed grade),
    a false safety statement on every draft (trial 33); a concern answered away since is not standing either."""
    confirmed = audit.state.get(CONCERN_CONFIRMED) or {}
    return (concern_stands and audit.overall_grade in ("good", "outstanding")
            and confirmed.get("grade") == audit.overall_grade)


@dataclass(frozen=True)
class GradeStep:
    """One change of an audit's grade after it was submitted: from, to, when (local day), by whom, and the reason
    given with it ("" when none was)."""
    was: str
    grade: str
    day: date
    by: str
    reason: str


def grade_history(services: Services, audit_id: int) -> tuple[str, list[GradeStep]]:
    """The reason the audit was submitted with (for going against the suggested grade), and each change of its grade
    since, with the reason given for that change (the grade-reason revision after it, before the next change): a
    trial read the reason for a change as the reason for differing from the suggestion (trial 43, finding 26)."""
    revisions = store.revisions_of(services.storage, audit_id)
    reasons = [r for r in revisions if r["field"] == "grade_reason"]
    first = str(reasons[0]["old_value"] or "") if reasons else ""
    changes = [r for r in revisions if r["field"] == "overall_grade" and r["old_value"]]
    steps = []
    for i, change in enumerate(changes):
        until = changes[i + 1]["id"] if i + 1 < len(changes) else None
        given = [r["new_value"] for r in reasons
                 if r["id"] >= change["id"] and (until is None or r["id"] < until) and r["new_value"]]
        stamp = datetime.fromisoformat(change["changed_at"]).astimezone(services.settings.timezone)
        steps.append(GradeStep(change["old_value"], change["new_value"] or "", stamp.date(),
                               services.directory.label(change["changed_by"]), str(given[-1]) if given else ""))
    return first, steps


def history_lines(audit: store.AuditRow, first: str, steps: Sequence[GradeStep]) -> list[str]:
    """The grade history, each reason labelled for what it explains: the suggested grade (when it differs from the
    grade of record), the grade submitted (and why it differed from the suggestion then), and each change with who
    made it and why."""
    suggested = ([f"Suggested grade: {grade_label(audit.suggested_grade)}."]
                 if audit.suggested_grade and audit.suggested_grade != audit.overall_grade else [])
    why = f" Why not the suggested grade: {as_sentence(first)}" if first else ""
    lines = [f"• Submitted as {grade_label(steps[0].was)}.{why}"]
    lines += [f"• Changed from {grade_label(step.was)} to {grade_label(step.grade)} on {short_date(step.day)} by "
              f"{step.by}." + (f" Why changed: {as_sentence(step.reason)}" if step.reason else "") for step in steps]
    return ["\n".join([*suggested, "Grade history:", *lines])]


def grade_line(audit: store.AuditRow, change: tuple[str, date] | None = None, concern_stands: bool = False,
               history: tuple[str, Sequence[GradeStep]] = ("", ())) -> str:
    """The overall grade of record: once a moderator has graded it differently, theirs, with the auditor's beside
    it; the auditor's reason for going against the suggested grade stays the auditor's. `change` (the grade before
    and the day) is the auditor's last change after submitting: the worker may have reflected on the old one.
    `concern_stands`: an answer raises an immediate concern (the auditor's confirmation over it is said only then).

    One bracket at most: the change, the suggested grade and the reason go on a line of their own (a trial read
    "Good (after moderation; the auditor graded … (changed from Good on 3 Dec 2026) (suggested …; reason: …))")."""
    changed = f"changed from {grade_label(change[0])} on {short_date(change[1])}" if change is not None else ""
    reason = as_sentence(audit.grade_reason or "")  # "reviewed monthly." is never "reviewed monthly.."
    details = [f"Suggested grade: {grade_label(audit.suggested_grade)}."] if audit.suggested_grade and reason else []
    if audit.regraded:
        line = (f"**Overall grade:** {grade_label(audit.moderated_grade)} (after moderation; the auditor graded "
                f"{grade_label(audit.overall_grade)})")
        details = ([f"The auditor's grade was {changed}."] if changed else []) + details
        details += [f"The auditor's reason: {reason}"] if reason else []
    else:
        notes = [note for note in (changed, "agreed at moderation" if audit.moderated_grade is not None else "")
                 if note]
        line = f"**Overall grade:** {grade_label(audit.overall_grade)}" + (f" ({'; '.join(notes)})" if notes else "")
        if history[1]:  # changed since submitting: each reason with the grade it explains (trial 43, finding 26)
            details = history_lines(audit, *history)
        elif reason:
            differs = change is None and audit.suggested_grade != audit.overall_grade
            details += [f"{'Why not the suggested grade' if differs else 'Reason'}: {reason}"]
        if concern_confirmed(audit, concern_stands):
            details.append("The auditor confirmed this grade though an answer raises an immediate concern.")
    return line + ("\n" + " ".join(details) if details else "")


def grade_change(services: Services, audit_id: int) -> tuple[str, date] | None:
    """The grade before the auditor last changed it after submitting, and the local day (from its revisions), or
    None: a grade changed under a worker's reflections must not read as if it had always been so."""
    changes = [r for r in store.revisions_of(services.storage, audit_id)
               if r["field"] == "overall_grade" and r["old_value"]]
    if not changes:
        return None
    stamp = datetime.fromisoformat(changes[-1]["changed_at"]).astimezone(services.settings.timezone)
    return changes[-1]["old_value"], stamp.date()


def grade_of_record_text(audit: store.AuditRow) -> str:
    """The grade that counts, in a list line: 'Inadequate after moderation (auditor: Good)' or just 'Good'."""
    if audit.regraded:
        return (f"{grade_label(audit.moderated_grade)} after moderation "
                f"(auditor: {grade_label(audit.overall_grade)})")
    return grade_label(audit.overall_grade)


# -- rendering each step ---------------------------------------------------------------------------------

def control_choices(ctx: Ctx, back: bool = True, skip: bool = False) -> list[Choice]:
    value = ctx.value()
    controls = [Choice("Back", "audit.back", value)] if back else []
    if skip:
        controls.append(Choice("Skip", "audit.skip", value))
    controls.append(Choice("Pause", "audit.pause", value))
    if ctx.audit.submitted_at is None:  # a reopened audit was submitted once: it can be resubmitted, not cancelled
        controls.append(Choice("Cancel audit", "audit.cancel", value, "danger",
                               echo=f"Cancel audit #{ctx.audit.id} ({ctx.audit.case_ref})"))
    return controls


def answer_choices(ctx: Ctx, question: Question) -> list[Choice]:
    keys = question.answer_keys
    if question.type == "choice":
        return [Choice(option, "audit.answer", ctx.value(str(i))) for i, option in enumerate(keys)]
    return [Choice(question.answer_label(key), "audit.answer", ctx.value(key)) for key in keys]


def worker_candidates(services: Services, auditor: str) -> list[str]:
    """The workers offered at "Whose case is it?", practitioners first: those this auditor may name, in their teams
    (or any practitioners when they are in none). A name typed there is looked for among them first."""
    directory = services.directory
    ids: list[str] = []
    for team in directory.teams_of(auditor):
        ids += [m for m in team.member_ids if m != auditor and m not in ids]
    if not ids:
        ids = [p for p in directory.ids_with_role(Role.PRACTITIONER) if p != auditor][:15]
    person = directory.person(auditor)
    ids = [uid for uid in ids if person is not None and policy.may_name_worker(directory, person, uid)]
    ids.sort(key=lambda uid: directory.people[uid].role.rank)  # practitioners' cases first
    return ids[:15]


def render_worker(services: Services, ctx: Ctx) -> list[Reply]:
    """"Whose case is it?", with the worker the case's last audit named offered first, and said so: a re-audit is
    usually of the same worker's practice (trial 21: a manager re-auditing a case had to pick them again unaided)."""
    directory = services.directory
    ids = worker_candidates(services, ctx.audit.auditor_id)
    last = next((audit for audit in store.recent_audits_of_case(services.storage, ctx.audit.case_ref,
                                                                services.clock(), exclude=ctx.audit.id)
                 if audit.worker_id in ids), None)
    before = ""
    if last is not None and last.worker_id:
        ids = [last.worker_id, *(uid for uid in ids if uid != last.worker_id)]
        before = f" Audit #{last.id} of this case named {directory.label(last.worker_id)}, offered first."
    choices = [person_choice(directory.label(uid), uid, "audit.worker", ctx.value(uid)) for uid in ids]
    period = f" {period_text(ctx.checklist)}" if ctx.checklist.period else ""
    return [Reply(text=f"Audit #{ctx.audit.id} of **{ctx.audit.case_ref}** ({ctx.checklist.title}).{period} "
                       "Whose case is it? Pick the worker, or type their name as I write it, or their Slack member "
                       f"ID.{before}",
                  choices=tuple(choices + control_choices(ctx, back=False)), kind="question")]


def typed_prompt(question: Question, today: date) -> str | None:
    """What to type for a typed question; date examples are worked out from today so they are always valid."""
    if question.type == "date":
        return (f"Type the date, like {date_examples(today, 'any' if question.allow_future else 'past')}, "
                "or `never` / `not known` if there is none.")
    return TYPED_PROMPTS.get(question.type)


def render_question(ctx: Ctx, question: Question, today: date) -> list[Reply]:
    section = ctx.checklist.section_of(question.id)
    text = f"**{section.title}**\n{question.text}"
    previous = ctx.answers.get(question.id)
    if previous is not None:
        text += f"\n_{answered_before(question, previous)}_"
    if question.descriptors:
        text += f"\n{question.descriptors_text()}"
    if not question.required:
        text += "\n_(optional)_"
    choices = answer_choices(ctx, question)
    if previous is not None and previous.value in question.answer_keys:  # trial 55: *Keep: Yes* after Back
        key = str(question.answer_keys.index(previous.value)) if question.type == "choice" else previous.value
        choices += keep_choice(question, previous, ctx.value(key))
    if question.guidance:
        choices.append(Choice("What good looks like", "audit.guidance", ctx.value()))
    choices += control_choices(ctx, skip=not question.required)
    return [Reply(text=text, choices=tuple(choices), kind="question", prompt=typed_prompt(question, today),
                  note=progress(ctx.checklist, question.id), numbers_pick=question.type == "text")]


def answers_summary(ctx: Ctx, marks: Mapping[str, str] | None = None) -> str:
    """Every answer, section by section, with flagged answers marked, for the review and the summaries; `marks`
    (question id: "changed; was Yes") marks the answers changed since the worker was last sent the audit."""
    flagged = {q.id for q, _ in flags(ctx.checklist, ctx.answers)}
    visible = {q.id for q in visible_questions(ctx.checklist, ctx.answers)}
    missing = set(missing_answers(ctx.checklist, ctx.answers))
    lines: list[str] = []
    for section in ctx.checklist.sections:
        shown = [q for q in section.questions if q.id in visible]
        if not shown:
            continue
        lines.append(f"**{section.title}**")
        for question in shown:  # numbered as the question screen numbers them, so `change 3` or `change 2a` finds it
            answer = ctx.answers.get(question.id)
            skipped = question.id not in missing and _went_past(ctx, question.id)
            said = question.answer_label(answer.value) if answer else ("_skipped_" if skipped else "_not answered_")
            mark = emoji("flag") + " " if question.id in flagged else ("• " if question.id not in missing
                                                                                 else emoji("question") + " ")
            unnoted = " _(no evidence note)_" if answer and question.id in missing else ""  # a grade, its note missing
            changed = f" _({marks[question.id]})_" if marks and question.id in marks else ""
            lines.append(f"{mark}{question_label(ctx.checklist, question.id)}. {question.text} — **{said}**{unnoted}"
                         f"{changed}")
            if answer and answer.evidence:
                lines.append(f"    _Evidence: {answer.evidence}_")
    return "\n".join(lines)


def _went_past(ctx: Ctx, question_id: str) -> bool:
    """Whether the auditor has gone past this question: on the way through the questions (bot.audits.flow.gone_past),
    or once they reached the review (a jump back from it to change one answer, an audit reopened after submitting)."""
    reached_review = ctx.audit.submitted_at is not None or bool(ctx.audit.state.get("revisiting"))
    return reached_review or gone_past(ctx.checklist, ctx.step, question_id)


def marks_legend(ctx: Ctx) -> str:
    """What the marks in `answers_summary` mean, for those it shows: a trial user read the missing-answer mark as
    the bot being unsure."""
    meanings = []
    if flags(ctx.checklist, ctx.answers):
        meanings.append(f"{emoji('flag')} marks an answer the checklist flags for a second look")
    if missing_answers(ctx.checklist, ctx.answers):
        meanings.append(f"{emoji('question')} a required question not answered yet, or a grade without its evidence "
                        "note")
    meanings.extend(_follow_ups_said(ctx))
    return f"{'; '.join(meanings)}." if meanings else ""


def _follow_ups_said(ctx: Ctx) -> list[str]:
    """What a lettered number means, for those shown: "2a, 2b and 2c are asked because of the answer to question 2".
    A follow-up sits in its own section, so "2b" between 14 and 15 read as a slip (trial 41); the letters stay, as
    `change 2b` and `note 2b` take them."""
    by_parent: dict[str, list[str]] = {}
    for question in visible_questions(ctx.checklist, ctx.answers):
        if (parent := follow_up_of(ctx.checklist, question.id)) is not None:
            by_parent.setdefault(parent, []).append(question_label(ctx.checklist, question.id))
    said = []
    for parent, labels in by_parent.items():
        listed = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
        said.append(f"{listed} {'is' if len(labels) == 1 else 'are'} asked because of the answer to question {parent}")
    return said


@dataclass(frozen=True)
class Changed:
    """What changed since the worker was last sent an audit (bot.audits.what_changed): the list said at the top of
    the summary, and the marks on the answers it names."""
    listed: str
    marks: Mapping[str, str]


def summary_reply(services: Services, ctx: Ctx, heading: str, to_user: str | None = None,
                  choices: tuple[Choice, ...] = (), viewer: str = "", changed: Changed | None = None) -> Reply:
    """The audit as it stands, under `heading`; with `changed`, what changed since the worker was last sent it first
    and the changed answers marked (trial 43: an updated summary repeated the whole audit and marked nothing)."""
    audit = ctx.audit
    directory = services.directory
    parts = [heading, *([changed.listed] if changed and changed.listed else []),
             answers_summary(ctx, changed.marks if changed else None),
             grade_line(audit, grade_change(services, audit.id), bool(concerns(ctx.checklist, ctx.answers)),
                        grade_history(services, audit.id))]
    if legend := marks_legend(ctx):  # trial 22: `/audit show` marked graded answers "[missing]" with no key
        parts.insert(len(parts) - 1, legend)
    if audit.strengths:
        parts.append(f"**Strengths:** {audit.strengths}")
    if audit.development:
        parts.append(f"**Areas for development:** {audit.development}")
    actions = action_store.actions_of_audit(services.storage, audit.id)
    if actions:
        today = services.local_now().date().isoformat()
        moved = action_changes(services, audit.id)
        asked = more_time_said.notes_for(services, [action for action in actions if not action.done_at])
        asked = chase_said.merged(services, actions, viewer, asked)  # "chase held until 08:00 Mon 7 Dec"
        parts.append("**Actions:**\n" + "\n".join(
            action_line(services, action, today, moved.get(action.id, "") +
                        (f", {asked[action.id]}" if action.id in asked else ""), ctx.checklist)
            for action in actions))
    return Reply(text="\n\n".join(parts), title=f"Audit #{audit.id}: {ctx.checklist.title}", to_user=to_user,
                 choices=choices, fields=(("Case", audit.case_ref), ("Auditor", directory.label(audit.auditor_id)),
                                          ("Worker", directory.label(audit.worker_id or "")),
                                          ("Status", status_text(services, audit)),
                                          *((("Period", ctx.checklist.period),) if ctx.checklist.period else ())))


def reopened_day(services: Services, audit: store.AuditRow) -> date | None:
    """The local day a reopened audit (a draft again, with its first submission on record) was reopened for
    changes; None for any other audit."""
    if audit.status != "draft" or audit.submitted_at is None:
        return None
    when = store.reopened_at(services.storage, [audit.id]).get(audit.id)
    return when.astimezone(services.settings.timezone).date() if when else None


def is_reopened(audit: store.AuditRow) -> bool:
    """A submitted audit its auditor reopened for changes: stored as a draft again, with its submission on record."""
    return audit.status == "draft" and audit.submitted_at is not None


def short_status(audit: store.AuditRow) -> str:
    """An audit's status in a one-line listing: 'submitted', 'in moderation', 'reopened for changes', 'draft'."""
    return "reopened for changes" if is_reopened(audit) else audit.status.replace("_", " ")


def status_text(services: Services, audit: store.AuditRow) -> str:
    """An audit's status as `/audit show` gives it: 'submitted', 'in moderation', or for a submitted audit its
    auditor reopened, 'reopened for changes on 16 Dec 2026, out of moderation until submitted again' (stored as a
    draft, it is not one: it was submitted, and it has left the moderation queue)."""
    if is_reopened(audit):
        day = reopened_day(services, audit)
        return (f"{reopened_on(day, year=True)}" if day else "reopened for changes") + \
            ", out of moderation until submitted again"
    return audit.status.replace("_", " ") + _status_days(services, audit)


def _status_days(services: Services, audit: store.AuditRow) -> str:
    """When it was submitted, and moderated when it was (trial 40: `show 28` said "Status: submitted" with no
    date): ' 3 Nov 2026' after 'submitted', ' 10 Nov 2026, submitted 3 Nov 2026' after 'moderated', ', submitted
    3 Nov 2026' after any other status; nothing for a draft never submitted."""

    def day(stamp: str) -> str:
        return short_date(datetime.fromisoformat(stamp).astimezone(services.settings.timezone).date())

    if audit.submitted_at is None:
        return ""
    submitted = day(audit.submitted_at)
    if audit.status == "submitted":
        return f" {submitted}"
    if audit.status == "moderated" and audit.moderated_at:
        return f" {day(audit.moderated_at)}, submitted {submitted}"
    return f", submitted {submitted}"


def action_line(services: Services, action: action_store.ActionRow, today: str, changed: str = "",
                checklist: Checklist | None = None) -> str:
    """One action as a re-auditor or moderator needs it: its number (for `done N`), owner, due date, and whether
    it is done (when, and by whom if not its owner) or overdue, and when it was reopened after being marked done;
    `changed` says how its due date or owner was changed after submitting (`action_changes`); with the audit's
    `checklist`, "(Q8)" after an action tied to question 8."""
    label = services.directory.label

    def day(stamp: str) -> str:
        return short_date(datetime.fromisoformat(stamp).astimezone(services.settings.timezone).date())

    tied = tied_tag(checklist, action.question_id) if checklist is not None else ""
    line = (f"• Action {action.id}: {action.description}{tied} — {label(action.owner_id)}, "
            f"by {short_date(action.due_date)}")
    if action.done_at:
        by = f" by {label(action.done_by)}" if action.done_by and action.done_by != action.owner_id else ""
        noted = f"; note: “{action.done_note}”" if action.done_note else ""  # trial 34: the auditor's evidence
        return f"{line} (**done** {day(action.done_at)}{by}{changed}{noted})"
    state = "**overdue**" if is_overdue(action.due_date, today) else "open"
    if action.reopened_at and action.reopened_by:
        state += f", reopened {day(action.reopened_at)} by {label(action.reopened_by)}"
    return f"{line} ({state}{changed})"


def action_changes(services: Services, audit_id: int) -> dict[int, str]:
    """For each action whose due date or owner was changed once the audit was submitted (bot.audits.action_edit),
    the latest change of each, from its revisions: ", due date changed from 4 Dec 2026 on 3 Dec 2026". A date moved
    under a worker who was sent the first one must not read as if it had always been so."""
    latest: dict[tuple[int, str], dict[str, Any]] = {}
    for revision in store.revisions_of(services.storage, audit_id):
        kind, _, number = str(revision["field"]).partition(":")
        if kind in ("action_due", "action_owner") and number.isdigit():
            latest[(int(number), kind)] = revision
    changes: dict[int, str] = {}
    for (action_id, kind), revision in sorted(latest.items()):
        day = short_date(datetime.fromisoformat(revision["changed_at"]).astimezone(services.settings.timezone).date())
        was = (f"due date changed from {short_date(revision['old_value'])}" if kind == "action_due" else
               f"owner changed from {services.directory.label(revision['old_value'])}")
        changes[action_id] = changes.get(action_id, "") + f", {was} on {day}"
    return changes


def grade_choices(ctx: Ctx, suggested: str | None) -> list[Choice]:
    choices = []
    if suggested:
        choices.append(Choice(f"Confirm: {grade_label(suggested)}", "audit.grade", ctx.value(suggested), "primary"))
    choices += [Choice(grade_label(g), "audit.grade", ctx.value(g)) for g in GRADES if g != suggested]
    return choices


# -- moving an audit on ----------------------------------------------------------------------------------

def own_draft(services: Services, turn: Turn, audit_id: int) -> Ctx:
    """Load an audit the person may write into: only its auditor, and only while it is a draft."""
    ctx = load(services, audit_id)
    if ctx.audit.auditor_id != turn.user_id:
        raise AccessDenied("Only the person who started this audit can answer its questions.")
    if ctx.audit.status != "draft":
        raise UserError(f"Audit #{audit_id} is {ctx.audit.status.replace('_', ' ')}, so its answers can't be "
                        "changed here.")
    return ctx


def is_duplicate(ctx: Ctx, version: int, press: str) -> bool:
    """True for a second press of the button that already moved the audit on; stale buttons raise."""
    if version == ctx.version:
        return False
    if ctx.audit.state.get("last_press") == f"{version}:{press}":
        return True
    from bot.errors import StaleAction

    raise StaleAction("That button is from an earlier question, so I didn't record it: this audit has moved on. "
                      "Your answers so far are saved; use the buttons on the latest message (or type "
                      "`/audit resume`).")
