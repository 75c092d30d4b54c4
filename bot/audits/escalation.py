"""Immediate-concern escalations: an `escalate_if` answer alerts the auditor's manager(s) at once (failing them the
worker's, failing them the QA leads), and every later turn of the audit that changes what the alert means is told to
the same people by the one update path (`_updates`): the answer changed so it no longer escalates, the audit cancelled
(which withdraws nothing: the concern stands until someone speaks to the auditor), the audit restored.

An alert stands while an answer of the audit escalates; who it reached is worked out from the directory, as when it
was sent, so the people told of a change are the people who were alerted.
"""

from __future__ import annotations

from bot.audits.alert_trail import trailed
from bot.audits.core import Ctx
from bot.core.audit_rules import escalations
from bot.core.markup import emoji
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.settings.people import Role
from knowledge.checklist_schema import Question


def escalation_targets(services: Services, ctx: Ctx) -> list[str]:
    """Who an escalation reaches: the case's team manager(s) other than the auditor; failing that (a team's own
    manager auditing) the QA leads and heads of service (admins), as for an Inadequate grade: an immediate concern
    must reach someone above the auditor who can act on it, not only the quality team."""
    auditor = ctx.audit.auditor_id
    targets = [m for m in case_team_managers(services, ctx) if m != auditor]
    if not targets:
        targets = [u for u in services.directory.ids_with_role(Role.QA_LEAD, Role.ADMIN) if u != auditor]
    return targets


def case_team_managers(services: Services, ctx: Ctx) -> list[str]:
    """The managers of the case's team (the worker's, stored with the audit), who read the audit and answer for the
    case. Trial 22: a service manager in two teams graded a North case Inadequate, and South's manager, who could not
    open it, was alerted with its case reference. With no team on record yet, the auditor's team managers, failing
    that the worker's, as before."""
    directory = services.directory
    team = directory.teams.get(ctx.audit.team_id or "")
    if team is not None:
        return list(team.manager_ids)
    return directory.managers_of(ctx.audit.auditor_id) or directory.managers_of(ctx.audit.worker_id or "")


def standing(ctx: Ctx) -> list[tuple[Question, str]]:
    """The answers of this audit that escalate (question, answer), in the checklist's order: each alert still stands."""
    return [(question, ctx.answers[question.id].value) for question in ctx.checklist.questions()
            if question.id in ctx.answers and escalations(question, ctx.answers[question.id].value)]


def alerted(services: Services, ctx: Ctx) -> frozenset[str]:
    """Who a standing alert of this audit reached (nobody when none stands)."""
    return frozenset(escalation_targets(services, ctx)) if standing(ctx) else frozenset()


def _to_targets(services: Services, ctx: Ctx, text: str) -> list[Reply]:
    return [Reply(text=text, to_user=target, kind="notice",
                  choices=(Choice("Open the audit", "audit.view", str(ctx.audit.id)),))
            for target in escalation_targets(services, ctx)]


def escalation_alerts(services: Services, ctx: Ctx, question: Question, value: str) -> list[Reply]:
    """A DM to the auditor's team manager(s); failing that the worker's, failing that the QA leads."""
    directory = services.directory
    text = (f"{emoji('alarm')} **Escalation from audit #{ctx.audit.id}** ({ctx.checklist.title}, case "
            f"{ctx.audit.case_ref}, auditor {directory.label(ctx.audit.auditor_id)}).\n"
            f"The answer to “{question.text}” was **{question.answer_label(value)}**. Please look at this case now.")
    return trailed(services, ctx, "audit.alert", "answer", _to_targets(services, ctx, text))


def _updates(services: Services, ctx: Ctx, mark: str, body: str) -> list[Reply]:
    """A follow-up to everyone an escalation reached, headed as every update on it is."""
    text = (f"{emoji(mark)} **Update on the escalation from audit #{ctx.audit.id}** ({ctx.checklist.title}, case "
            f"{ctx.audit.case_ref}, auditor {services.directory.label(ctx.audit.auditor_id)}).\n{body}")
    return _to_targets(services, ctx, text)


def escalation_withdrawals(services: Services, ctx: Ctx, question: Question, was: str, value: str) -> list[Reply]:
    """The auditor changed the answer so it no longer escalates: an alert left standing would send a manager to a case
    the auditor no longer thinks needs them now."""
    said = (f"The auditor changed the answer to “{question.text}” from **{question.answer_label(was)}** to "
            f"**{question.answer_label(value)}**, so the alert no longer stands. I'll tell you if it changes back.")
    return trailed(services, ctx, "audit.alert_withdrawn", "answer", _updates(services, ctx, "done", said))


def _flagged(ctx: Ctx) -> str:
    return "; ".join(f"the answer to “{question.text}” is **{question.answer_label(value)}**"
                     for question, value in standing(ctx))


def cancellation_updates(services: Services, ctx: Ctx) -> list[Reply]:
    """The auditor cancelled an audit whose alert stands: without a word, the people alerted would find an audit
    that no longer counts and might take the concern for withdrawn. It is not."""
    if not standing(ctx):
        return []
    return _updates(services, ctx, "alarm",
                    f"The audit was **cancelled by its auditor**. The concern was **not withdrawn** by cancelling: "
                    f"{_flagged(ctx)}. It stands until someone speaks to the auditor about case {ctx.audit.case_ref}. "
                    f"You can still read the audit's answers with `/audit show {ctx.audit.id}`.")


def restoration_updates(services: Services, ctx: Ctx) -> list[Reply]:
    """The auditor restored a cancelled audit whose alert stands: the people alerted are told it is back."""
    if not standing(ctx):
        return []
    return _updates(services, ctx, "alarm",
                    f"The auditor **restored** the cancelled audit: it is back as a draft, and {_flagged(ctx)}, so "
                    "the alert stands.")


def told_line(services: Services, updates: list[Reply], said: str) -> Reply:
    """What the person whose change it was reads: who was told what."""
    told = ", ".join(services.directory.label(u.to_user or "") for u in updates)
    return Reply(kind="notice", text=f"I've told {told} {said}.")
