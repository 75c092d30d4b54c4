"""Moderation: a QA lead, or a manager of another team, checks the grade of a submitted audit.

An opened moderation stays the opener's (`/audit moderate` lists it to them with Continue) until they decide; once it
has been held undecided for a while, another moderator may take it over (bot.audits.moderation_hold).
"""

from __future__ import annotations

import re

from bot.audits import (
    grade_disagree,
    inadequate_action,
    lifecycle,
    moderation_action,
    moderation_alert,
    moderation_changed,
    moderation_concern,
    moderation_draft,
    moderation_hold,
    moderation_kept,
    moderation_refusal,
    moderation_told,
    moderation_unchanged,
    monthly_sample,
    readback,
)
from bot.audits.action_fields import due_near
from bot.audits.core import answer_error, checklist_of, grade_label, load, not_in_channel, summary_reply, waiting
from bot.audits.decision_words import leading_decision, one_line_decision, without_hedge
from bot.audits.during_audit import during_audit
from bot.audits.flow import FLOW_STEPS, MIN_EVIDENCE_CHARS, AnswerError, looks_like_question, parse_grade, parse_text
from bot.audits.grade_over_other import grade_over_other, moderators_grade
from bot.audits.grade_words import (
    grade_starting,
    reason_examples,
    typed_names,
    with_a_reason,
)
from bot.audits.moderation_done import already_moderated
from bot.audits.questions import inadequate_grade_alerts, inadequate_grade_withdrawals
from bot.core import agreement as agreement_figures
from bot.core import buttons, moderated_share, policy
from bot.core.replies import Choice, Reply, count_of
from bot.core.sentences import as_sentence, as_sentences, in_a_sentence
from bot.core.services import Services
from bot.engine import pages
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.privacy.screen import screen_text
from bot.settings.people import Role
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from bot.storage import moderation as moderation_store
from bot.storage import readback as readback_store
from bot.storage.errors import Conflict, NotFound
from bot.storage.moderation import HeldModeration
from knowledge.checklist_schema import GRADES

MODERATE_HINT = "type `/audit moderate` for the audits waiting"
NOT_YOURS_NOW = "This audit is not open for moderation by you any more, so nothing changed."
DECISION_STATE = "moderation_decision"  # waiting at Agree / Disagree (bot.audits.moderation_decision reads it)
# A draft's steps, which wait in the draft for `/audit resume`: opening a moderation may take the person's
# conversation from one of them (the start of an audit, before the draft exists, is not one), as from another
# moderation being decided (never from an auditor's reply to one, `moderation_response`).
REPLACEABLE = frozenset(FLOW_STEPS) - {"choose_checklist", "case_reference"}
SHOWN = 10  # audits listed (with an Open button each) by `/audit moderate`; the rest are counted


# Who may use `/audit moderate` at all (which audits each may moderate is bot.core.policy.may_moderate).
MODERATORS = (Role.MANAGER, Role.QA_LEAD, Role.ADMIN)
# "agree", "disagree", "agree 12", "disagree with #12": typed by a moderator, the decision the buttons make. A number
# of any length: one longer than any audit's is the decision typed wrong (bot.core.buttons.typed_id), never a question.
# The words a moderator types while writing a decision, besides the commands: one letter off one of them (`agre`,
# `relase`) is offered back, never saved as the reason (bot.audits.conversation's `typed_wrong`).
STEP_WORDS = ("agree", "disagree", "release", "back", "pause", "cancel")
DECISION_WORDS = re.compile(r"^\s*(agree|disagree)(?:\s+(?:with\s+)?(?:audit\s+)?#?(\d+))?\s*[.!]?\s*$",
                            re.IGNORECASE)


# `agree then`, `agree after all` (trial 39, at the grade's "type `agree`"): the decision alone, softened
SOFTENED = re.compile(r"^\s*(agree|disagree)(?:\s+(?:then|after\s+all|instead|in\s+that\s+case))+\s*[.!]?\s*$",
                      re.IGNORECASE)


def as_decision(text: str) -> str | None:
    """`agree`, `disagree 12`, or either after a hedge (`actually agree`, `no wait, disagree`: trial 27, where it went
    to the knowledge base) or softened (`agree then`, `ok agree then`: trial 39): the decision's words as
    `typed_decision` reads them; None for other text."""
    for said in (text, without_hedge(text)):
        if said is not None and DECISION_WORDS.match(said):
            return said
        if said is not None and (soft := SOFTENED.match(said)) is not None:
            return soft.group(1).lower()
    return None


def may_moderate(services: Services, user_id: str, audit: store.AuditRow) -> bool:
    """Moderation is an independent check: the rule is bot.core.policy.may_moderate."""
    return policy.may_moderate(services.directory, services.directory.person(user_id), audit)


def _checked(services: Services, turn: Turn, value: str) -> store.AuditRow:
    audit_id = buttons.record_id(value, MODERATE_HINT)
    audit = store.get_audit(services.storage, audit_id)
    if audit is None:
        raise lifecycle.no_such_audit(audit_id, lifecycle.MODERATION_LISTED)
    _refuse_if_moderated(services, turn, audit)
    if not may_moderate(services, turn.user_id, audit):
        raise AccessDenied(moderation_refusal.reason(services, turn.user_id, audit))  # said for this person
    return audit


def _excluded(services: Services, turn: Turn) -> frozenset[str] | None:
    """The teams this person may not moderate (a manager's own), or None when they moderate nothing."""
    person = turn.person
    if person.role in (Role.QA_LEAD, Role.ADMIN):
        return frozenset()
    if person.role is Role.MANAGER:
        return frozenset(services.directory.managed_team_ids(person.user_id))
    return None


def _waiting_for(services: Services, turn: Turn, page: int) -> tuple[int, list[store.AuditRow]]:
    """The audits `may_moderate` allows this person, filtered in SQL before the list is cut to a page of SHOWN."""
    if (excluded := _excluded(services, turn)) is None:
        return 0, []
    return moderation_store.moderation_queue(services.storage, turn.user_id, excluded, limit=SHOWN,
                                             offset=(page - 1) * SHOWN)


def _order(services: Services, turn: Turn) -> str:
    """The queue's order as its heading says it: sampled audits come between the Inadequate and the oldest, so they
    are named only when the queue has some (fix80b: the heading said 'then the oldest' above a month's sample)."""
    campaign, monthly = moderation_store.queue_samples(services.storage, turn.user_id,
                                                       _excluded(services, turn) or frozenset())
    sample = ("the campaign and monthly samples" if campaign and monthly else "the campaign sample" if campaign
              else "the monthly sample" if monthly else "")
    return "Inadequate first, " + (f"then {sample}, " if sample else "") + "then the oldest"


def _line(services: Services, audit: store.AuditRow, mark: str = "") -> str:
    """One audit of the queue; `mark` says why it is where it is (" (monthly sample, December)")."""
    return (f"• #{audit.id} {checklist_of(services, audit).title}, case {audit.case_ref}, "
            f"graded {grade_label(audit.overall_grade)} by {services.directory.label(audit.auditor_id)}{mark}")


def _marks(services: Services, audit_ids: list[int]) -> dict[int, str]:
    """audit -> why it is ordered after the Inadequate ones: " (campaign 3 sample)" (fix79a: those had no mark),
    " (monthly sample, November)", or both."""
    campaigns = campaign_store.sample_campaigns(services.storage, audit_ids)
    monthly = monthly_sample.marks(services, audit_ids)
    return {audit_id: (f" (campaign {campaigns[audit_id]} sample)" if audit_id in campaigns else "")
            + monthly.get(audit_id, "") for audit_id in {*campaigns, *monthly}}


def _held(services: Services, turn: Turn) -> tuple[list[store.AuditRow], list[tuple[store.AuditRow, HeldModeration]]]:
    """(audits this person holds open, others' held audits this person may moderate), the longest held first."""
    mine, others = [], []
    for audit, held in moderation_store.held_moderations(services.storage):
        if held.moderator_id == turn.user_id:
            mine.append(audit)
        elif may_moderate(services, turn.user_id, audit):
            others.append((audit, held))
    return mine[:SHOWN], others[:SHOWN]


def list_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit moderate`: what is waiting (Inadequate first), SHOWN a page (`page 2`, or `more` typed next);
    `/audit moderate 12` opens audit 12 straight away, so an audit named in an alert can be reached however long the
    queue is."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    words, page = pages.page_of(args.split())
    if words:
        if buttons.typed_id(words[0].lstrip("#")) is None or len(words) > 1:
            raise UserError("Type `/audit moderate` to see the audits waiting (`/audit moderate page 2` for the next "
                            "ones), or `/audit moderate 12` to open audit #12.")
        return on_open(services, turn, words[0].lstrip("#"))
    mine, others = _held(services, turn) if page == 1 else ([], [])  # the first page alone shows held ones
    total, waiting = _waiting_for(services, turn, page)
    agreement = agreement_figures.of_last_week(services)  # one definition with the digest and the Home (trial 23)
    rate = f"Moderation agreement across the service: {agreement.said()}." if agreement.decided else ""
    sampled = moderated_share.this_month(services, policy.digest_teams(services.directory, turn.person)
                                         if turn.person is not None else list(services.directory.teams))
    replies = []
    if mine:
        replies.append(Reply(text="**Audits you are moderating** (opened, not yet decided)\n"
                                  + "\n".join(_line(services, a) for a in mine),
                             choices=tuple(Choice(f"Continue #{a.id}", "audit.moderate_open", str(a.id), "primary")
                                           for a in mine)))
    if waiting:
        replies.append(_waiting_reply(services, turn, (page, total), waiting, rate, sampled))
    elif page > 1 and total:
        raise pages.no_such_page(page, "the audits waiting for you", total, SHOWN, "moderate", [])
    else:
        pages.remember(services, turn, "moderate", [], page, last_page=True)
        if not mine:
            replies.append(Reply(text="No submitted audits are waiting for you to moderate. " + rate
                                 + (f"\n{sampled}" if sampled else "")))
    if others:
        lines = [f"{_line(services, a)}: {moderation_hold.held_text(services, held, turn.now)}" for a, held in others]
        replies.append(Reply(text="**Being moderated by someone else**\n" + "\n".join(lines),
                             choices=tuple(moderation_hold.take_over_choice(a.id) for a, held in others
                                           if moderation_hold.may_take_over(services, held, turn.now))))
    return replies


def _waiting_reply(services: Services, turn: Turn, counted: tuple[int, int], waiting: list[store.AuditRow],
                   rate: str, sampled: str) -> Reply:
    """One page of the queue, with an Open button each, and how to see the next page as `/audit list` says it; under
    its heading, how much of each team's month is moderated (`sampled`: bot.core.moderated_share)."""
    page, total = counted
    first = (page - 1) * SHOWN + 1
    last_page = first + len(waiting) - 1 >= total
    heading = "**Audits waiting for moderation**"
    if total > len(waiting):
        shown = f"{len(waiting)}" if page == 1 else f"{first} to {first + len(waiting) - 1}"
        heading += (f" (showing {shown} of {total}: {_order(services, turn)}; "
                    "`/audit moderate 12` opens any by its number)")
    marks = _marks(services, [a.id for a in waiting])
    lines = ([f"_{sampled}_"] if sampled else []) + [_line(services, a, marks.get(a.id, "")) for a in waiting]
    if not last_page:
        command = pages.next_page_command("moderate", [], page)
        lines.append(f"_More waiting: {pages.more_hint(services, turn, command)}._")
    pages.remember(services, turn, "moderate", [], page, last_page)
    return Reply(text=heading + "\n" + "\n".join(lines), note=rate or None,
                 choices=tuple(Choice(f"Open #{a.id}", "audit.moderate_open", str(a.id)) for a in waiting))


def on_open(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Opening makes the audit read-only for its auditor, so the moderator grades what they read. Opening one that
    another moderator has held undecided past the hold takes it over from them (and tells them)."""
    audit = _checked(services, turn, value)
    held = moderation_store.current_moderation(services.storage, audit.id)
    if held is not None and held.moderator_id != turn.user_id:
        return _take_over(services, turn, audit, held)
    try:
        moderation_store.open_moderation(services.storage, audit.id, turn.user_id, turn.now)
    except NotFound:
        raise lifecycle.no_such_audit(audit.id, lifecycle.MODERATION_LISTED) from None
    except Conflict as conflict:
        raise _not_open(services, turn, conflict.current) from None
    if (draft := moderation_draft.resume(services, turn, audit.id)) is not None:  # paused part-written (trial 39)
        return [moderation_draft.resumed_notice(services, turn, audit.id, draft), *_step_screen(services, draft)]
    return deciding(services, turn, audit.id)


def _step_screen(services: Services, data: dict) -> list[Reply]:
    """The question of the moderation step `data` waits at (bot.audits.moderation_draft.KEPT_STATES), as the
    conversation's table (bot.audits.conversation.STATES, which imports this module) shows it."""
    audit_id, first = int(data["audit_id"]), moderation_action.FIRST_ACTION
    screens = {
        "moderation_grade": lambda: grade_question(load(services, audit_id).audit),
        "moderation_reason": lambda: reason_prompt(bool(data.get("agrees")), str(data.get("grade"))),
        "moderation_action": lambda: moderation_action.prompt_for(data),
        "moderation_action_owner": lambda: first.owner_prompt(services, data),
        "moderation_action_due": lambda: first.due_prompt(services, data),
        moderation_alert.STATE: lambda: [moderation_alert.screen(services, data)],
        moderation_concern.STATE: lambda: [moderation_concern.screen(services, data)],
    }
    return screens[str(data["awaiting"])]()


def _take_over(services: Services, turn: Turn, audit: store.AuditRow, held: HeldModeration) -> list[Reply]:
    if not moderation_hold.may_take_over(services, held, turn.now):
        raise StaleAction(f"This audit is {moderation_hold.held_text(services, held, turn.now)}.")
    try:
        moderation_store.take_over_moderation(services.storage, held, turn.user_id, turn.now)
    except Conflict as conflict:
        raise _not_open(services, turn, conflict.current) from None
    me = services.directory.label(turn.user_id)
    since = moderation_hold.day(services, held.opened_at)
    told = Reply(to_user=held.moderator_id, kind="notice",
                 text=f"{me} took over the moderation of audit #{audit.id}, which you opened on {since} and had not "
                      "decided, so there is nothing more for you to do on it.")
    return [Reply(kind="notice", text=f"You have taken over the moderation of audit #{audit.id} from "
                                      f"{services.directory.label(held.moderator_id)}, who opened it on {since}; "
                                      "I've told them."), *deciding(services, turn, audit.id), told]


def _not_open(services: Services, turn: Turn, audit: store.AuditRow | None) -> StaleAction:
    """Why an audit could not be taken into moderation, as it stands now."""
    if audit is not None and audit.status == "in_moderation":
        held = moderation_store.current_moderation(services.storage, audit.id)
        if held is not None:
            return StaleAction(f"This audit is {moderation_hold.held_text(services, held, turn.now)}.")
        return StaleAction("Another moderator has already opened this audit.")
    status = audit.status.replace("_", " ") if audit is not None else "gone"
    return StaleAction(f"This audit is {status}, so it is not waiting for moderation.")


def decision_screen(services: Services, audit_id: int) -> list[Reply]:
    """The audit as submitted, with the worker's reflections, any later changes, and any alert or checklist change
    while it was done: Agree or Disagree."""
    ctx = load(services, audit_id)
    audit = ctx.audit
    reflections = store.reflections_of(services.storage, audit.id)
    heading = "You are moderating this audit. Do you agree with the overall grade?"
    if reflections:
        heading += "\n**Worker's reflections:** " + " / ".join(r["text"] for r in reflections)
    changes = [r for r in store.revisions_of(services.storage, audit.id) if r["field"] != "status"]
    if changes:
        heading += (f"\n_The auditor made {count_of(len(changes), 'change')} after first submitting it; "
                    "this is the latest version._")
    if happened := during_audit(services, audit.id, audit.auditor_id):  # trial 26: an alert withdrawn, a switch
        heading += "\n" + happened
    return [summary_reply(services, ctx, heading, choices=moderation_hold.decision_choices(audit))]


def deciding(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    """Wait at Agree / Disagree for this audit, and show it, so what the moderator types next is read as the
    moderation's (bot.audits.moderation_decision), never as an answer to a draft of their own that was waiting: that
    draft is said to wait for `/audit resume`. Anything else half-made that waits (a grade change's action, a
    reflection, a cancel to confirm) is left waiting and the screen shown aside, as every screen was before."""
    before = store.conversation(services.storage, turn.user_id)
    awaiting = str(before.get("awaiting") or "")
    screen = decision_screen(services, audit_id)
    if awaiting and not (awaiting in REPLACEABLE or (awaiting.startswith("moderation_")
                                                     and awaiting != "moderation_response")):
        return screen  # something half-made that a step of a draft or a moderation is not: shown aside, as before
    draft = before.get("audit_id") if awaiting in REPLACEABLE else None
    store.set_conversation(services.storage, turn.user_id, waiting(DECISION_STATE, audit_id=audit_id), turn.now)
    mine = store.get_audit(services.storage, int(draft)) if draft is not None and draft != audit_id else None
    if mine is None or mine.status != "draft" or mine.auditor_id != turn.user_id:
        return screen
    return [Reply(kind="notice", text=f"Your draft audit #{mine.id} waits where you left it: `/audit resume` carries "
                                      "on with it once this moderation is done."), *screen]


def step_out(services: Services, turn: Turn, audit_id: int, control: str) -> list[Reply]:
    """`back`, `pause` or `cancel` typed while the moderator writes their decision (the grade, the reason, an
    Inadequate's action, the check before an alert): nothing of it was saved, and the wait ends. `back` returns to
    Agree/Disagree; `pause` and `cancel` step out, and the audit stays held as when a moderator walks away
    (bot.audits.moderation_hold: `/audit moderate` lists it with Continue), since a moderation is only ever ended by
    its decision or a take-over. A trial (9, F4) found every command refused at "What grade would you give?" until
    a grade was picked. `cancel` of a moderation re-opened to change it keeps the earlier decision as it was
    (bot.audits.moderation_unchanged; trial 27)."""
    if control == "cancel" and moderation_unchanged.reopened(services, turn.user_id, audit_id) is not None:
        return moderation_unchanged.keep(services, turn, audit_id)
    before = store.conversation(services.storage, turn.user_id)
    store.set_conversation(services.storage, turn.user_id, {}, turn.now)
    held = moderation_store.current_moderation(services.storage, audit_id)
    if held is None or held.moderator_id != turn.user_id:
        raise StaleAction(NOT_YOURS_NOW)
    if control == "back":
        return [Reply(kind="notice", text=f"Nothing is saved yet: back to your decision on audit #{audit_id}."),
                *deciding(services, turn, audit_id)]
    kept = moderation_draft.keep(services, turn, audit_id, before) if control == "pause" else ""  # trial 39
    return [Reply(text=((kept + " ") if kept else "") + moderation_hold.left_held(services, held, turn.now, bool(kept)),
                  choices=(Choice(f"Continue #{audit_id}", "audit.moderate_open", str(audit_id), "primary"),))]


def on_agree(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit = _checked(services, turn, value)
    return _ask_reason(services, turn, audit, True, audit.overall_grade or "")


def on_disagree(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Disagree: which grade instead? Pressed or typed by its name (`good`, `RI`, …), so the bot waits."""
    audit = _checked(services, turn, value)
    _holder_only(services, turn, audit)
    store.set_conversation(services.storage, turn.user_id, waiting("moderation_grade", audit_id=audit.id), turn.now)
    return grade_question(audit)


def _offered(audit: store.AuditRow) -> list[str]:
    """The grades a disagreeing moderator may give: every grade but the auditor's."""
    return [g for g in GRADES if g != audit.overall_grade]


def grade_question(audit: store.AuditRow) -> list[Reply]:
    choices = tuple(Choice(grade_label(g), "audit.moderate_grade", buttons.encode_id_and_key(audit.id, g))
                    for g in _offered(audit))
    auditors = audit.overall_grade
    return [Reply(text=f"What grade would you give? The auditor graded it **{grade_label(auditors)}**, so that one is "
                       f"not offered. Pick one, or type it ({typed_names(auditors)}), with your reason after it if you "
                       f"like: {reason_examples(auditors)}.",
                  choices=choices, kind="question")]


def typed_grade(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply] | None:
    """A grade typed at "What grade would you give?", read as an audit's overall grade is (`read_grade_and_note`), or
    against another ("its good not outstanding, …": bot.audits.grade_over_other): on its own, the reason is asked
    next; with a reason after it ("RI - plans drift"), the reason is taken as if typed next, screened like every
    reason. A question goes on to the knowledge base; the auditor's own grade is
    refused, since disagreeing means another grade."""
    audit = _checked(services, turn, str(audit_id))
    held = moderation_store.current_moderation(services.storage, audit.id) if audit.status == "in_moderation" else None
    if held is None or held.moderator_id != turn.user_id:
        return None  # decided or taken over since: the wait is stale, so the text is not a grade for it
    labels = [f"**{grade_label(g)}**" for g in _offered(audit)]
    offered = ", ".join(labels[:-1]) + " or " + labels[-1]
    auditors = grade_label(audit.overall_grade)
    said = moderators_grade(text)  # "good", "RI - plans drift", "its good not outstanding, …" (trial 28)
    if said is None:
        if looks_like_question(text):
            return None
        screen_text(text, services.identifier_screen, "that")  # a name typed here is told so first
        raise UserError(f"Please choose a grade: {offered} (or press one of the buttons). To keep the auditor's "
                        f"**{auditors}**, type `agree`. To give your reason with it, "
                        f"{with_a_reason(audit.overall_grade)}.")
    grade, note = said
    if grade == audit.overall_grade:
        raise UserError(f"**{auditors}** is the auditor's own grade, so it is not offered when you disagree. Choose "
                        f"{offered}, or type `agree` if you agree with **{auditors}**.")
    if note is None:
        return _ask_reason_unless_kept(services, turn, audit, grade)
    _holder_only(services, turn, audit)
    decision = {"audit_id": audit.id, "agrees": False, "grade": grade}
    try:
        read = _reason_read(services, turn, decision, note)
    except UserError as error:  # the grade stands; the reason is asked again, never read as a grade next
        _ask_reason(services, turn, audit, False, grade)
        return [Reply(kind="error", text=str(error)), *reason_prompt(False, grade)]
    return [Reply(kind="notice", text=f"Got it: **{grade_label(grade)}**, with your reason."), *read]


def _keep_reason(services: Services, turn: Turn, audit: store.AuditRow, kept: str) -> list[Reply]:
    """A reason typed with `disagree` but no grade (`disagree, the plan has drifted…`): kept, and only the grade
    asked (bot.audits.moderation_kept)."""
    _holder_only(services, turn, audit)
    store.set_conversation(services.storage, turn.user_id,
                           waiting(moderation_kept.GRADE_STATE, audit_id=audit.id, reason=kept), turn.now)
    return [moderation_kept.kept_notice(kept), *grade_question(audit)]


def on_grade(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, grade_text = buttons.id_and_key(value, MODERATE_HINT)
    audit = _checked(services, turn, str(audit_id))
    try:
        grade = parse_grade(grade_text)
    except AnswerError as error:
        raise answer_error(error) from None
    if grade != audit.overall_grade:
        return _ask_reason_unless_kept(services, turn, audit, grade)
    return _ask_reason(services, turn, audit, True, grade)


def _ask_reason_unless_kept(services: Services, turn: Turn, audit: store.AuditRow, grade: str) -> list[Reply]:
    """A disagreeing grade chosen: its reason is asked next, unless one was typed with `disagree` and kept
    (bot.audits.moderation_kept), which is then read as if typed at "Why?"."""
    kept = moderation_kept.kept_reason(services, turn, audit.id)
    if kept is None:
        return _ask_reason(services, turn, audit, False, grade)
    _holder_only(services, turn, audit)
    decision = {"audit_id": audit.id, "agrees": False, "grade": grade}
    return [moderation_kept.taken_notice(grade_label(grade)), *_reason_read(services, turn, decision, kept)]


def typed_in_one_line(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`disagree inadequate, the plan has drifted` or `agree - the plan is clear` typed by a moderator holding one
    audit open at Agree / Disagree: the decision, then the rest read as what it asks next (the grade with its reason;
    the reason), as if typed there (trial 18: the line went to the knowledge base as a question). None for anyone
    else, whose words may be a question ("disagree with my grade, what can I do"), and for text that is no decision."""
    decided = one_line_decision(text)
    if decided is None or turn.person.role not in MODERATORS:
        return None
    mine = [audit for audit, held in moderation_store.held_moderations(services.storage)
            if held.moderator_id == turn.user_id]
    if not mine:
        return None  # none open: the words go on as before
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    word, rest = decided
    audit_id = on_screen(services, turn, [a.id for a in mine])  # several: the one on screen (trial 30)
    if word == "disagree":
        asked = on_disagree(services, turn, str(audit_id))
        if (moderators_grade(rest) is None and not looks_like_question(rest)
                and (kept := moderation_kept.as_reason(services, rest)) is not None):  # trial 24: it was lost
            return _keep_reason(services, turn, _checked(services, turn, str(audit_id)), kept)
        graded = typed_grade(services, turn, audit_id, rest)
        return graded if graded is not None else asked
    on_agree(services, turn, str(audit_id))  # waits for the reason, which is the rest
    audit = _checked(services, turn, str(audit_id))
    return reason(services, turn, {"audit_id": audit.id, "agrees": True, "grade": audit.overall_grade or ""}, rest)


def _holder_only(services: Services, turn: Turn, audit: store.AuditRow) -> None:
    """Only the moderator holding the audit open decides it: refuse anyone else in words saying who holds it."""
    held = moderation_store.current_moderation(services.storage, audit.id) if audit.status == "in_moderation" else None
    if held is None:
        raise UserError("Open the audit first (from `/audit moderate`).")
    if held.moderator_id != turn.user_id:
        raise StaleAction(f"This audit is {moderation_hold.held_text(services, held, turn.now)}, so nothing changed.")


def _ask_reason(services: Services, turn: Turn, audit: store.AuditRow, agrees: bool, grade: str) -> list[Reply]:
    _holder_only(services, turn, audit)
    store.set_conversation(services.storage, turn.user_id,
                           waiting("moderation_reason", audit_id=audit.id, agrees=agrees, grade=grade), turn.now)
    return reason_prompt(agrees, grade)


def reason_prompt(agrees: bool, grade: str) -> list[Reply]:
    """Why: the moderator's reason, typed next."""
    change = "" if agrees else " (Not the grade you meant? Type `disagree` to choose again: nothing is saved yet.)"
    return [Reply(text=f"You {'agree with' if agrees else 'would grade it'} **{grade_label(grade)}**. Why? A sentence "
                       f"the auditor can learn from.{change}", prompt="Type your reason.", kind="question")]


def reason(services: Services, turn: Turn, state: dict, text: str) -> list[Reply]:
    """The reason typed at "Why?". One that starts with another grade than the one picked ("inadequate - the child
    was not heard", after Good was pressed by mistake) is that grade, with the rest as its reason, and the moderator
    is told so: a moderation can't be undone, so a reason is never stored against a grade it argues against. The grade
    chosen, typed again before the reason ("good - child seen alone…"), is no part of the reason. A grade
    on its own is the grade again, never a reason; a decision's word before the reason (`agree, the grade fits`) is no
    part of it (bot.audits.decision_words), and one that contradicts the decision is asked about, never stored."""
    if (decided := leading_decision(text)) is not None:
        word, text = decided
        if (word == "agree") != bool(state["agrees"]):
            raise UserError(_contradicted(state, word))
    said = grade_over_other(text) or grade_starting(text)
    if said is not None and said[0] != state["grade"]:
        return _regraded(services, turn, state, *said)
    if said is not None and said[1] is None:
        raise UserError(f"**{grade_label(said[0])}** is the grade you chose. {_why_asked(state)}")
    # the grade chosen typed again before the reason ("good - child seen alone…"): not part of it (trial 28)
    return _reason_read(services, turn, state, said[1] if said is not None and said[1] else text)


def _contradicted(state: dict, word: str) -> str:
    """A reason that starts with the other decision's word: what was chosen, and how to change it or keep it."""
    grade = grade_label(str(state["grade"]))
    if word == "disagree":
        return (f"You agreed with **{grade}**, and that reason starts with “disagree”, so nothing was saved. To "
                f"disagree, type `disagree` and pick a grade; to agree, give your reason without the word.")
    return (f"You would grade it **{grade}**, not the auditor's grade, and that reason starts with “agree”, so nothing "
            f"was saved. To agree with the auditor's grade, type `agree`; otherwise give your reason for **{grade}** "
            "without the word.")


def again_decided(state: dict, text: str) -> None:
    """`agree` typed at "Why?" after agreeing was met by the same question again without a word (trial 12, F9): the
    decision is made already, and what the step wants is said."""
    typed = DECISION_WORDS.match(text)
    if typed is None or typed.group(1).lower() != "agree" or not state["agrees"]:
        return
    if typed.group(2) is None or typed.group(2).lstrip("0") == str(state["audit_id"]):
        raise UserError(decided_already(state))


def decided_already(state: dict) -> str:
    """The decision typed again at "Why?" (`agree`, `actually i agree with good` after agreeing with Good): it is made
    already, and nothing is saved until the reason, which is asked for."""
    grade = grade_label(str(state["grade"]))
    said = f"agreed with **{grade}**" if state["agrees"] else f"chosen **{grade}**"
    return f"You have {said} already: nothing is saved until you say why. {_why_asked(state)}"


def _why_asked(state: dict) -> str:
    """What a moderator is asked when their reason says nothing: a moderation is read by the auditor and can't be
    changed once saved, so a word such as `ok` is no reason."""
    grade = grade_label(str(state["grade"]))
    said = f"why you agree with **{grade}**" if state["agrees"] else f"why you would grade it **{grade}**"
    return in_a_sentence(f"{said}, for the auditor to learn from")


def _regraded(services: Services, turn: Turn, state: dict, grade: str, note: str | None) -> list[Reply]:
    """The reason started with another grade: that grade is the moderator's (agreeing, when it is the auditor's),
    said back, and the rest is its reason; with nothing after the grade, the reason is asked for it."""
    audit = _checked(services, turn, str(state["audit_id"]))
    agrees = grade == audit.overall_grade
    decision = {"audit_id": audit.id, "agrees": agrees, "grade": grade}
    _ask_reason(services, turn, audit, agrees, grade)
    if agrees:
        meant = ": that is the auditor's grade, so you agree with it"
    else:
        meant = ": you disagree with the auditor's grade" if state["agrees"] else ""
    taken = Reply(kind="notice", text=f"Taken as **{grade_label(grade)}**, not **{grade_label(str(state['grade']))}**"
                                      f"{meant}. Nothing was saved for **{grade_label(str(state['grade']))}**.")
    if note is None:
        return [taken, *reason_prompt(agrees, grade)]
    try:
        return [taken, *_reason_read(services, turn, decision, note)]
    except UserError as error:  # the grade is taken; the reason is asked again
        return [taken, Reply(kind="error", text=str(error))]


def _reason_read(services: Services, turn: Turn, state: dict, text: str) -> list[Reply]:
    """The reason, then the moderation is saved; a grade of record of Inadequate on an audit with no open action
    first asks for an action (bot.audits.moderation_action)."""
    try:
        cleaned = parse_text(text, "reason")
    except AnswerError as error:
        raise answer_error(error) from None
    screen_text(cleaned, services.identifier_screen, "that reason")  # a name first, whatever else (trial 53, F6)
    if len(cleaned) < MIN_EVIDENCE_CHARS:
        raise UserError(_why_asked(state))
    audit_id = int(state["audit_id"])
    if inadequate_action.needed(services, audit_id, str(state["grade"])):
        held = moderation_store.current_moderation(services.storage, audit_id)
        if held is None or held.moderator_id != turn.user_id:
            raise StaleAction(NOT_YOURS_NOW)
        return moderation_action.ask(services, turn, {**state, "reason": cleaned})
    if moderation_action.offers(state) and moderation_concern.to_ask(services, state) is None:
        _still_held(services, turn, audit_id)  # a disagreement needing no action: one offered, to skip (fix41d)
        return moderation_action.offer(services, turn, {**state, "reason": cleaned})
    return _check_then_decide(services, turn, state, cleaned)  # a Good over a concern: asked first, then offered


def action_skipped(services: Services, turn: Turn, state: dict) -> list[Reply]:
    """`skip` (`no`, `none`) at an offered action: the moderation goes on to be saved without one."""
    return _check_then_decide(services, turn, state, str(state["reason"]))


def action_due(services: Services, turn: Turn, state: dict, text: str) -> list[Reply]:
    """The action's due date, the last thing asked: the moderation is saved with its action."""
    action = inadequate_action.action(services, turn, state, text)
    return _check_then_decide(services, turn, state, str(state["reason"]), action)


def _check_then_decide(services: Services, turn: Turn, state: dict, cleaned: str,
                       action: tuple[str, str, str] | None = None) -> list[Reply]:
    """Save the moderation, or first, when it would alert the managers now (a moderator's Inadequate), ask the
    auditor's check before an alert (bot.audits.moderation_alert): nothing is saved until Send. A moderator's Good or
    Outstanding over an immediate concern is asked about first, as the auditor's is (bot.audits.moderation_concern)."""
    if not state.get("concern_reason") and (question := moderation_concern.to_ask(services, state)) is not None:
        _still_held(services, turn, int(state["audit_id"]))
        return moderation_concern.ask(services, turn, {**state, "reason": cleaned}, question)
    alerted = moderation_alert.targets(services, turn.user_id, state)
    if not alerted:
        return _decide(services, turn, state, cleaned, action)
    _still_held(services, turn, int(state["audit_id"]))
    due = {"due": action[2]} if action is not None else {}
    return moderation_alert.ask(services, turn, {**state, "reason": cleaned, **due}, alerted)


def _still_held(services: Services, turn: Turn, audit_id: int) -> None:
    held = moderation_store.current_moderation(services.storage, audit_id)
    if held is None or held.moderator_id != turn.user_id:
        raise StaleAction(NOT_YOURS_NOW)


def on_concern_yes(services: Services, turn: Turn, value: str, why: str | None = None) -> list[Reply]:
    """*Yes, grade it Good* (or `yes`) at the concern question: a short reason for it asked (or `why`, typed with the
    yes), then an action offered, and the moderation saved as decided with the confirmation on its record."""
    data = moderation_concern.held(services, turn, value)
    if why is not None:
        return concern_reason(services, turn, data, why)
    _still_held(services, turn, int(data["audit_id"]))
    kept = {k: v for k, v in data.items() if k not in moderation_draft.ASIDE}
    store.set_conversation(services.storage, turn.user_id, {**kept, moderation_concern.CONFIRMED: True}, turn.now)
    return [moderation_concern.reason_prompt(data)]


def concern_reason(services: Services, turn: Turn, data: dict, text: str) -> list[Reply]:
    """The moderator's reason for a Good over an immediate concern, read and screened like every reason (a name is
    refused, nothing saved), held with the decision while an action is offered (to skip), then saved with the
    confirmation on its record: it was asked and forgotten, so `/audit show` could not say a Good stood over a
    concern (fix41d)."""
    try:
        cleaned = parse_text(text, "reason")
    except AnswerError as error:
        raise answer_error(error) from None
    screen_text(cleaned, services.identifier_screen, "that reason")  # a name first, whatever else (trial 53, F6)
    if len(cleaned) < MIN_EVIDENCE_CHARS:
        raise UserError(f"Please give a short reason, a sentence, for grading it "
                        f"**{grade_label(str(data['grade']))}** though the concern stands (or type `no` to choose the "
                        "grade again). Nothing is saved yet.")
    _still_held(services, turn, int(data["audit_id"]))
    return moderation_action.offer(services, turn, {**data, "concern_reason": cleaned})  # then an action, to skip


def on_concern_no(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, choose again* (or `no`): nothing saved and nobody told; the grade is asked again."""
    data = moderation_concern.held(services, turn, value)
    return _grade_again(services, turn, int(data["audit_id"]), "OK, your moderation was not saved and nobody was told")


def on_alert_send(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Send the alert* (or `send`, `yes`) at the check: the moderation saved, with its action if it has one, and
    the alert sent at once."""
    data = moderation_alert.held(services, turn, value)
    return _decide(services, turn, data, str(data["reason"]), held_action(data))


def held_action(data: dict) -> tuple[str, str, str] | None:
    """The action (description, owner, due date) held with a decision while a check is asked, if it has one."""
    return (str(data["description"]), str(data["owner"]), str(data["due"])) if data.get("due") else None


def on_alert_back(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, go back and change it* (or `no`): nothing saved, nobody alerted, the auditor's grade stands and
    the moderation stays open; the grade is asked again."""
    data = moderation_alert.held(services, turn, value)
    return _grade_again(services, turn, int(data["audit_id"]),
                        "OK, no alert was sent and your moderation was not saved")


def _grade_again(services: Services, turn: Turn, audit_id: int, lead: str) -> list[Reply]:
    """Back from a check before saving: the auditor's grade stands, the moderation stays open, the grade asked again."""
    audit = _checked(services, turn, str(audit_id))
    _holder_only(services, turn, audit)
    store.set_conversation(services.storage, turn.user_id, waiting("moderation_grade", audit_id=audit.id), turn.now)
    told = Reply(kind="notice", text=f"{lead}: audit #{audit.id} keeps the auditor's grade, "
                                     f"**{grade_label(audit.overall_grade)}**, and is still yours to moderate. Choose "
                                     "the grade you meant, or type `agree`.")
    return [told, *grade_question(audit)]


def _decide(services: Services, turn: Turn, state: dict, cleaned: str,
            action: tuple[str, str, str] | None = None) -> list[Reply]:
    audit_id = int(state["audit_id"])
    earlier = readback_store.latest_moderation(services.storage, audit_id)  # a decision being changed, if any
    try:
        moderation_store.decide_moderation(services.storage, audit_id, turn.user_id, bool(state["agrees"]),
                                           state["grade"], cleaned, turn.now, waiting={}, action=action,
                                           concern=moderation_concern.confirmed(state))
    except Conflict:
        raise StaleAction(NOT_YOURS_NOW) from None
    audit = store.get_audit(services.storage, audit_id)
    moderator = services.directory.label(turn.user_id)
    heading = moderation_told.auditor_heading(moderator, audit_id, audit.overall_grade if audit else None, state,
                                              earlier)  # "…re-moderated: … changed the grade from …" (trial 28)
    set_action = ""  # "Action set at moderation: <what> — <owner>, by <day>."
    if action is not None:
        set_action = as_sentence(f"Action set at moderation: {action[0]} — {services.directory.label(action[1])}, "
                                 f"by {due_near(services, turn, action[2])}")
    told = Reply(to_user=audit.auditor_id if audit else None, kind="notice",
                 text=f"{heading}. Reason: {as_sentence(cleaned)}"
                      + (f"\n{set_action}" if set_action else "")
                      + "\n" + lifecycle.HOW_TO_RESPOND.format(audit_id=audit_id),
                 choices=(Choice("Open the audit", "audit.view", str(audit_id)),
                          Choice("Accept", "audit.moderation_accept", str(audit_id), "primary"),
                          Choice("Respond", "audit.moderation_reply", str(audit_id))))
    if audit is None:
        return [Reply(text=f"Moderation of audit #{audit_id} saved."), told]
    alerts, withdrawn = (moderation_changed.alerts(services, turn.user_id, audit, earlier, state["grade"]) if earlier
                         else (_inadequate_alerts(services, turn, audit, state),
                               _inadequate_withdrawn(services, turn, audit, state)))
    alerted = {a.to_user for a in alerts + withdrawn}
    # trials 20 and 21: the worker was told the grade, not why; the reason and the action as sentences, never
    # "…the EHCP.; action set at moderation" (bot.core.sentences)
    moderated, verdict = moderation_told.worker_verdict(moderator, state, earlier, audit.overall_grade)
    notices = readback.outcome_notices(services, audit, turn.user_id,
                                       as_sentences(f"{verdict}, because: {cleaned}", set_action), moderated)
    who = _who_was_told(audit, {r.to_user for r in notices if r.to_user})
    outcome = [r for r in notices if r.to_user not in alerted]  # the alert already tells them, more urgently
    saved = Reply(text=f"Moderation of audit #{audit_id} saved{' with its action' if action else ''}, and {who} been "
                       "told.")
    told_already = {turn.user_id, audit.auditor_id, *(r.to_user for r in notices)}
    if action is not None and action[1] not in told_already:
        outcome.append(Reply(to_user=action[1], kind="notice",
                             text=f"{moderator} set you an action at the moderation of audit #{audit_id}: {action[0]}, "
                                  f"by {due_near(services, turn, action[2])}. `/audit actions` lists it.",
                             choices=(Choice("Open the audit", "audit.view", str(audit_id)),)))
    if alerts:
        names = ", ".join(services.directory.label(a.to_user or "") for a in alerts)
        saved = Reply(text=f"{saved.text} I've alerted {names} about the Inadequate grade now.")
    if withdrawn:
        names = ", ".join(services.directory.label(w.to_user or "") for w in withdrawn)
        saved = Reply(text=f"{saved.text} I've told {names}, whom the auditor's Inadequate alerted, that it no longer "
                           "stands.")
    return [saved, told, *outcome, *alerts, *withdrawn]


def _inadequate_alerts(services: Services, turn: Turn, audit: store.AuditRow, state: dict) -> list[Reply]:
    """A moderator's Inadequate, where the auditor graded it otherwise, alerts the managers at once, as an
    auditor's Inadequate does (bot.audits.questions.inadequate_grade_alerts)."""
    if state["agrees"] or state["grade"] != "inadequate" or audit.overall_grade == "inadequate":
        return []
    return inadequate_grade_alerts(services, load(services, audit.id), moderator=turn.user_id)


def _inadequate_withdrawn(services: Services, turn: Turn, audit: store.AuditRow, state: dict) -> list[Reply]:
    """A moderator's grade other than the auditor's Inadequate: those the auditor's alert reached are told it no
    longer stands, as when the auditor changes it (bot.audits.questions.inadequate_grade_withdrawals)."""
    if state["agrees"] or state["grade"] == "inadequate" or audit.overall_grade != "inadequate":
        return []
    return inadequate_grade_withdrawals(services, load(services, audit.id), state["grade"], moderator=turn.user_id)


def _who_was_told(audit: store.AuditRow, notified: set[str]) -> str:
    """"the auditor, the worker and their manager have", naming only those told: when the auditor is the worker's
    manager (trial 18) the manager is not told twice, and the line said three people were."""
    parts = ["the auditor"]
    if audit.worker_id in notified:
        parts.append("the worker")
    if notified - {audit.worker_id, audit.auditor_id}:
        parts.append("their manager" if audit.worker_id in notified else "the worker's manager")
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{said} {'has' if len(parts) == 1 else 'have'}"


def typed_decision(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """"agree" or "disagree" typed by a moderator holding exactly one undecided moderation is that decision
    (disagree then asks for the grade, as the button does); "agree 12" names the audit; holding several, it is the
    one on screen (`on_screen`), said so. Holding none, they are told so (nothing was decided) and
    how to open one, and anyone else that moderation is not theirs: never the knowledge base, whose article on the
    moderation agreement rate let a moderator think they had agreed (trial 9). None when the words are not a
    decision."""
    match = DECISION_WORDS.match(text)
    if match is None:
        return None
    word, digits = match.group(1).lower(), match.group(2)
    named = buttons.typed_id(digits) if digits else None
    if turn.person.role not in MODERATORS:
        return _not_a_moderator(services, turn, named, word == "disagree")
    if digits and named is None:  # 0, or longer than any audit's (an NHS number pasted by mistake?): never said back
        raise UserError(f"No audit has that number: type `{word}` and the number of the audit you are moderating, "
                        f"like `{word} 12` (`/audit moderate` lists them).")
    mine = [audit for audit, held in moderation_store.held_moderations(services.storage)
            if held.moderator_id == turn.user_id]
    if not mine and named is None:
        return [_none_held(services, turn)]
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    decide = on_agree if word == "agree" else on_disagree
    if named is not None:
        if named not in {a.id for a in mine}:
            if (audit := store.get_audit(services.storage, named)) is not None:
                _refuse_if_moderated(services, turn, audit)
            held = ("; you are moderating " + ", ".join(f"#{a.id}" for a in mine)) if mine else ""
            raise UserError(f"You are not moderating audit #{named}{held}. Open an audit from `/audit moderate` "
                            "first, then agree or disagree.")
        return decide(services, turn, str(named))
    if len(mine) == 1:
        return decide(services, turn, str(mine[0].id))
    meant = on_screen(services, turn, [a.id for a in mine])
    others = [a.id for a in mine if a.id != meant]
    said = Reply(kind="notice", text=f"Taken as your decision on audit #{meant}, the one you have open (you are also "
                                     f"moderating {', '.join(f'#{o}' for o in others)}: `{word} {others[0]}` is for "
                                     "another).")
    return [said, *decide(services, turn, str(meant))]


def on_screen(services: Services, turn: Turn, held: list[int]) -> int:
    """Of the audits this moderator holds (`held`, longest held first), the one meant by a decision that names none:
    the one their conversation waits on (shown last: opened, re-opened, continued), else the one opened last. Trial 30:
    `change moderation 28` then `agree` asked "which one?", and the reason typed next went to the knowledge base."""
    waiting_on = store.conversation(services.storage, turn.user_id)
    awaiting = str(waiting_on.get("awaiting") or "")
    current = waiting_on.get("audit_id")
    if awaiting.startswith("moderation_") and awaiting != "moderation_response" and current in held:
        return int(current)
    opened = [h for _a, h in moderation_store.held_moderations(services.storage) if h.audit_id in held]
    return max(opened, key=lambda h: (h.opened_at, h.id)).audit_id if opened else held[-1]


def _refuse_if_moderated(services: Services, turn: Turn, audit: store.AuditRow) -> None:
    """An audit already moderated, to be decided (`agree 12`, a button, `/audit moderate 12`) by someone who may
    moderate or read it: who decided it and how (bot.audits.moderation_done). Anyone else is refused as before."""
    done = already_moderated(services, turn.person, audit)
    if done is not None and (may_moderate(services, turn.user_id, audit)
                             or policy.may_view(services.directory, turn.person, audit)):
        raise done


def _none_held(services: Services, turn: Turn) -> Reply:
    """`agree` typed by a moderator holding no audit open: nothing was decided, and the first audit waiting for them
    (as `/audit moderate` lists them) is named with the command that opens it."""
    _total, waiting = _waiting_for(services, turn, 1)
    if not waiting:
        return Reply(kind="notice", text="You are not moderating an audit now, so nothing was decided: none is waiting "
                                         "for you, and `/audit moderate` lists the audits waiting when there are some.")
    first = waiting[0].id
    return Reply(kind="notice", text=f"You are not moderating an audit now, so nothing was decided: `/audit moderate "
                                     f"{first}` opens #{first}, the first waiting for you, and `/audit moderate` lists "
                                     "them all.")


def _not_a_moderator(services: Services, turn: Turn, named: int | None, disagrees: bool) -> list[Reply]:
    """`agree` typed by someone who moderates nothing (a practitioner): a short reply pointing to what they can say
    about an audit, not a knowledge-base article on moderation agreement rates. `disagree 132` naming an audit of
    their case is how to disagree with it, with its number and auditor (trial 41: "type /audit reflect 12")."""
    audit = store.get_audit(services.storage, named) if named is not None and disagrees else None
    if audit is not None and audit.worker_id == turn.user_id and audit.submitted_at is not None:
        return grade_disagree.how_to_disagree(services, audit)
    number = named or "<audit number>"
    return [Reply(kind="notice", text="There is no moderation for you to agree or disagree with: to say what you "
                                      f"think of an audit of your case, type `/audit reflect {number}` and your view, "
                                      f"and to answer the moderation of an audit you did, `/audit respond {number} "
                                      "accept` or your reply.")]
