"""A mistyped case reference put right: in a draft in words, after submitting with `/audit edit 12 case CR-…`.

Trial 36: `cr 48812` was typed for CR-48821. At the worker step `oh wait i typed the case ref wrong its CR-48821 not
48812` was told "Please answer yes or no", `back` said the reference was fixed and to cancel and start again, and a
submitted audit stayed on the wrong case for good. Now, at any step of a draft after the reference (the worker, the
questions, the review, the grade, the notes, the actions, "Ready to submit?"), a line that says the case reference
is wrong and gives the right one (`change case ref CR-48821`, `case ref should be CR-48821`, `wrong case ref, its
48821`: the letters of the old one are kept when only digits are typed) changes it, and its auditor does the same
after submitting with `/audit edit 12 case CR-48821` until a moderator opens it. The new reference goes through every
check a reference gets as an audit starts: the council's pattern and the identifier screen, nobody auditing their
own case (bot.audits.own_case), and the "audited in the last 12 months" heads-up; a case a campaign allocated is
its allocation's, so it is not changed here. The trail records it, a submitted audit keeps the old reference as a
revision, and its worker is told.
"""

from __future__ import annotations

import re

from bot.audits import finish as audits_finish
from bot.audits import lifecycle, own_case
from bot.audits import start as audits_start  # as a module: start -> readback -> finish -> this
from bot.audits.core import Ctx, load
from bot.audits.screens import render
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.privacy.screen import canonical_case_reference, check_case_reference
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store

_CASE_REF = r"(?:case\s*(?:ref(?:erence)?|number|no\.?|#)|\bref(?:erence)?\b|\bcr\b)"
_ASKED = re.compile(
    rf"^\s*(?:(?:oh|oops|sorry|actually|wait|hang\s+on|um+|no|ah)\b[\s,.!-]*)*"
    rf"(?:(?:change|edit|fix|correct|update|amend)\s+(?:the\s+|my\s+)?{_CASE_REF}"
    rf"|.*{_CASE_REF}.*\b(?:wrong|typo|mistyped|should\s+(?:be|have\s+been|read)|meant|is\s+actually|not)\b"
    rf"|.*\b(?:wrong|typo|mistyped|typed\s+wrong)\b.*{_CASE_REF})", re.IGNORECASE)
_TOKEN = re.compile(r"(?<![\w-])([A-Za-z]{2,4}\s?-?\s?\d{4,10}|\d{4,10})(?![\w-])")
_NOT_THIS = re.compile(r"\b(?:not|from|instead\s+of|was|wrote|typed|put)\s*$", re.IGNORECASE)


def meant(text: str, current: str) -> str | None:
    """The reference a line asking to change the case reference gives (`current` is the audit's), as typed with
    the old one's letters before digits typed alone; None when the line asks no such change or names none."""
    if _ASKED.match(text or "") is None:
        return None
    letters = current.split("-")[0] if "-" in current else ""
    for found in _TOKEN.finditer(text):
        typed = found.group(1)
        if " " in typed and typed.split()[0].upper() != letters:
            typed = typed.split()[-1].lstrip("-")  # `should be 48821`: "be" is a word, not the reference's letters
        if _NOT_THIS.search(text[:found.start()]):
            continue  # `not 48812`, `from CR-48812`: the one typed wrongly
        whole = f"{letters}-{typed}" if typed.isdigit() and letters else typed
        if canonical_case_reference(whole) != current:
            return whole
    return None


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At a draft's step: the case reference changed when the line asks for it, and the step shown again; None
    when it does not."""
    wanted = meant(text, ctx.audit.case_ref)
    if wanted is None:
        return None
    told = change(services, turn, ctx.audit.id, wanted)
    return told + render(services, load(services, ctx.audit.id))


_EDIT_CASE = re.compile(r"^\s*#?(?P<audit>\d+)\s+(?:case|ref|reference)\b\s*(?:ref(?:erence)?|number|no\.?)?\s*"
                        r"(?:to\s+)?(?P<reference>\S.*)$", re.IGNORECASE)


def edit_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit edit 12 case CR-48821`: a submitted audit's case reference put right by its auditor; every other
    `/audit edit` is bot.audits.finish's."""
    asked = _EDIT_CASE.match(args)
    if asked is None:
        return audits_finish.edit_command(services, turn, args)
    audit_id = int(asked.group("audit"))
    audit = store.get_audit(services.storage, audit_id)
    if audit is None:
        raise lifecycle.no_such_audit(audit_id, lifecycle.SUBMITTED_LISTED)
    if (problem := lifecycle.case_ref_refusal(audit, turn.user_id)) is not None:
        raise problem
    return change(services, turn, audit_id, asked.group("reference"))


def change(services: Services, turn: Turn, audit_id: int, typed_reference: str) -> list[Reply]:
    """The reference checked as at the start of an audit and stored, with the heads-up the new case brings and,
    after submitting, the worker told. Refused, the audit keeps the reference it had and the reply says so."""
    audit = load(services, audit_id).audit
    kept = f" Audit #{audit_id} is still of {audit.case_ref}."
    try:
        reference = check_case_reference(typed_reference, services.settings.case_reference_pattern,
                                         services.identifier_screen)
    except UserError as error:
        raise UserError(f"{error}{kept}") from None
    if reference == audit.case_ref:
        return [Reply(kind="notice", text=f"Audit #{audit_id} is already of {reference}: nothing changed.")]
    allocation = campaign_store.allocation_of_audit(services.storage, audit_id)
    if allocation is not None and allocation.case_ref:
        raise UserError(f"Audit #{audit_id} is of the case its campaign allocated you, so its case reference can't "
                        f"be changed.{kept} If that case is wrong, tell your QA lead.")
    if (why := own_case.refusal(services, turn.person, reference, exclude=audit_id,
                                checklist_id=audit.checklist_id)) is not None if turn.person else None:
        raise AccessDenied(f"{why}{kept}")
    old = lifecycle.change_case_ref(services.storage, audit_id, turn.user_id, reference, turn.now)
    said = [Reply(kind="notice", text=f"Changed the case reference of audit #{audit_id} from {old} to {reference}.")]
    said += audits_start.audited_before(services, reference, turn.now, audit_id, turn.person)
    if audit.submitted_at is not None and audit.worker_id and audit.worker_id != turn.user_id:
        said.append(Reply(to_user=audit.worker_id, kind="notice",
                          text=f"{services.directory.label(turn.user_id)} corrected the case reference of audit "
                               f"#{audit_id} from {old} to {reference}.",
                          choices=(Choice("Open the audit", "audit.view", str(audit_id)),)))
    return said
