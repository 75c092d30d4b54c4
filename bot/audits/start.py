"""Starting, resuming, pausing and cancelling audits: checklist, case reference and worker."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from bot.audits import (
    checklist_lines,
    checklist_words,
    escalation,
    leaver_draft,
    lifecycle,
    own_case,
    own_supervision,
    readback,
    resume_pick,
    the_worker,
)
from bot.audits.core import (
    Ctx,
    audited_by,
    checklists,
    grade_of_record_text,
    is_duplicate,
    knowledge_base,
    load,
    not_in_channel,
    own_draft,
    period_text,
    reopened_day,
    short_status,
    split_value,
    user_id_from,
    waiting,
    waiting_at,
    worker_candidates,
)
from bot.audits.flow import Step, looks_like_question, next_step
from bot.audits.questions import inadequate_grade_updates
from bot.audits.reaudits import due_said as reaudit_due_said
from bot.audits.reaudits import heads_up_line as reaudit_due_line
from bot.audits.screens import advance_and_render, render
from bot.audits.step_words import step_in_words
from bot.core import buttons, policy
from bot.core.markup import bold, emoji
from bot.core.people import person_named
from bot.core.released_draft import released_said
from bot.core.reopened import OUT_OF_MODERATION, reopened_on
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.privacy.screen import check_case_reference, typed_case_reference
from bot.settings.people import Person, Role
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from bot.storage import readback as readback_store
from bot.storage.common import parse_utc
from knowledge.checklist_schema import Checklist
from knowledge.dates import short_date, time_on_day

RESTORE_DAYS = 7
CASE_REFERENCE_PROMPT = "Type the case reference, such as CR-123456. Never a name, date of birth or NHS number."
STARTING = ("choose_checklist", "case_reference")  # what the bot waits for while an audit is being started
RESTORE_WINDOW = timedelta(days=RESTORE_DAYS)


def start(services: Services, turn: Turn, checklist_id: str) -> list[Reply]:
    """`/audit start [checklist]`, the Start button and `start audit`: pick a checklist, then the case."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    _refuse_if_nobody_to_audit(services, turn)
    return [*draft_kept(services, turn), *_start(services, turn, checklist_id)]


def draft_kept(services: Services, turn: Turn) -> list[Reply]:
    """The draft being answered when another audit is started, said to be kept and how to go back to it (trial 59, F5:
    `start audit` at #144's Q2 went on to #145 with no word of #144): "Audit #144 (CR-556622) is saved as a draft at
    Q2: `resume 144` to go back. Starting a new audit:". An audit started as far as its checklist, its case
    reference still asked, has no draft to keep, and is said so (fix70b D: it was dropped without a word). [] when
    no draft of theirs is being answered."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("feature") == "audit" and state.get("awaiting") == "case_reference":
        return _half_started(services, str(state.get("checklist") or ""))
    if state.get("feature") != "audit" or "audit_id" not in state:
        return []
    audit = store.get_audit(services.storage, int(state["audit_id"]))
    if audit is None or audit.status != "draft" or audit.auditor_id != turn.user_id or audit.state.get("paused"):
        return []
    where = step_in_words(load(services, audit.id).checklist, audit.step)  # "Q2", "the overall grade" (trial 60, F4)
    where = f" at {where}" if where else ""
    return [Reply(kind="notice", text=f"Audit #{audit.id} ({audit.case_ref}) is saved as a draft{where}: "
                                      f"`resume {audit.id}` to go back. Starting a new audit:")]


def _half_started(services: Services, checklist_id: str) -> list[Reply]:
    """The audit left at its case reference: nothing of it was stored, so there is nothing to resume."""
    checklist = checklists(services).get(checklist_id)
    which = f"{bold(checklist.title)} audit" if checklist is not None else "audit"
    return [Reply(kind="notice", text=f"The {which} you had started is not kept: it had no case reference yet, so "
                                      "nothing of it was saved. Starting a new audit:")]


def _start(services: Services, turn: Turn, checklist_id: str) -> list[Reply]:
    """The checklist named picked, or the checklists offered (`start`, once the draft left is said to be kept)."""
    available = checklists(services)
    if not checklist_id.strip():
        if (already := _already_choosing(services, turn)) is not None:
            return already
        store.set_conversation(services.storage, turn.user_id, waiting("choose_checklist"), turn.now)
        return checklist_screen(services)
    found = matching_checklists(available, checklist_id, synonyms(services))
    if len(found) == 1:
        return _checklist_chosen(services, turn, found[0])
    # Read as the picker reads it (trial 17, F2: `start audit voice of teh child` got "There is no checklist called"
    # and every id, where the picker took the same typo): a typo of one checklist is that one, said back; words that
    # fit several, or none, get the pick list, which then waits for a number or a name.
    before = store.conversation(services.storage, turn.user_id)
    case_ref = before.get("case_ref") if before.get("awaiting") == "choose_checklist" else None
    store.set_conversation(services.storage, turn.user_id,
                           waiting("choose_checklist", **({"case_ref": case_ref} if case_ref else {})), turn.now)
    return _near_checklist(services, turn, checklist_id, found, named=True) or []


def _already_choosing(services: Services, turn: Turn) -> list[Reply] | None:
    """`start audit` again while the checklists wait (a new terminal session opens with them, "Picking up where you
    left off"): they are offered again by title, for the same case if there was one, without every description a
    second time (trial: the terminal chat printed them all twice)."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("awaiting") != "choose_checklist":
        return None
    case = f" of **{state['case_ref']}**" if state.get("case_ref") else ""
    return [Reply(text=f"You're already starting an audit{case}: pick its checklist (what each one covers is in the "
                       "list above), or type `cancel` to stop.", choices=checklist_choices(services), kind="question")]


def matching_checklists(available: Mapping[str, Checklist], typed: str,
                        synonyms: Iterable[tuple[str, ...]] = ()) -> list[str]:
    """The checklists `typed` names: its id or title exactly, else every one whose id or title holds all the
    typed words ("early help" finds the early help spot audit), so people need not learn the ids. Failing both,
    the other ways of saying it from the knowledge base's vocabulary groups (`cla` is "children in care", `cin`
    "child in need"): an exact title among them first, else the one checklist they all point to."""
    found = _matching(available, typed)
    if found or not synonyms:
        return found
    said = " ".join(re.findall(r"[a-z0-9]+", typed.lower()))
    others = [member for group in synonyms if said in (" ".join(re.findall(r"[a-z0-9]+", m.lower())) for m in group)
              for member in group]
    exact = {c.id for c in available.values() for member in others
             if re.findall(r"[a-z0-9]+", c.title.lower()) == re.findall(r"[a-z0-9]+", member.lower())}
    if exact:
        return sorted(exact)
    return sorted({checklist for member in others for checklist in _matching(available, member)})


def near_named(available: Mapping[str, Checklist], typed: str,
               synonyms: Iterable[tuple[str, ...]] = ()) -> list[str]:
    """The checklists a name typed with a typo may mean, for a caller that found none by `matching_checklists`: the
    titles' and ids' words ("voice of teh child"), else another name of the vocabulary spelt with a typo, read as
    that name is ("cp plna" is `cp plan`, the child protection plan)."""
    near = checklist_words.near_checklists(available, typed)
    if near:
        return near
    meant = checklist_words.spelt_synonyms(typed, synonyms)
    return sorted({checklist for member in meant for checklist in matching_checklists(available, member, synonyms)})


def synonyms(services: Services) -> tuple[tuple[str, ...], ...]:
    """Other ways of saying a checklist's name: the knowledge base's concepts and vocabulary groups."""
    kb = knowledge_base(services)
    return (*kb.concepts, *kb.vocabulary)


def _matching(available: Mapping[str, Checklist], typed: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", typed.lower())
    if not words:
        return []
    exact = exact_checklists(available, typed)
    if exact:
        return exact
    naming = [word for word in words if word not in checklist_words.SMALL_WORDS]  # `the child` is `child`: 3 titles
    return [c.id for c in available.values()
            if naming and all(word in re.findall(r"[a-z0-9]+", f"{c.id} {c.title}".lower()) for word in naming)]


def exact_checklists(available: Mapping[str, Checklist], typed: str) -> list[str]:
    """The checklists whose whole title or id `typed` is: a name no command's word can outrank at the picker."""
    words = re.findall(r"[a-z0-9]+", typed.lower())
    return [c.id for c in available.values() if words and (re.findall(r"[a-z0-9]+", c.title.lower()) == words
                                                           or c.id == typed.strip().lower())]


def checklist_typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Text typed at the checklist picker: a checklist it names is chosen; a case reference is told to wait for its
    question, with the checklists again (a trial typed one there and was told to press *Start an audit*, which it
    had just done, and lost the list); a checklist's name with a typo is read as near misses are; anything else is
    not for the picker (a question, say) and goes on to the knowledge base."""
    found = matching_checklists(checklists(services), text, synonyms(services))
    if len(found) == 1:
        return _checklist_chosen(services, turn, found[0])
    reference = typed_case_reference(text, services.settings.case_reference_pattern)
    if reference is None and (worker := _worker_meant(services, turn, text)) is not None:
        return _worker_first(services, worker)
    if reference is None:
        return None if looks_like_question(text) else _near_checklist(services, turn, text, found)
    started_for = store.conversation(services.storage, turn.user_id).get("case_ref")
    then = (f"the audit is of **{started_for}**, as you started it" if started_for
            else "I'll ask for the reference next")
    return [Reply(text=f"**{reference}** looks like a case reference. Pick the checklist first; {then}.",
                  choices=checklist_choices(services), kind="question")]


# Whose case, typed at the checklists: "sw n2", "social worker n1", "the worker", "SW N2" (a trial's `sw n2` went on
# the QA leads' list as a question). Staff names only: a child's name is never asked for here.
_WORKERISH = re.compile(r"^\s*(?:the\s+|my\s+)?(?:sw|social\s+worker|worker|practitioner|case\s+worker)\b",
                        re.IGNORECASE)
_SHORT_ROLES = ((re.compile(r"\bsw\b", re.IGNORECASE), "social worker"),
                (re.compile(r"\btm\b", re.IGNORECASE), "team manager"))


def _worker_meant(services: Services, turn: Turn, text: str) -> str | None:
    """The staff name a line typed at the checklists gives as whose case it is ("" when it only sounds like one:
    `sw`, `the worker`), or None when it names no worker."""
    said = " ".join(text.split())
    for short, whole in _SHORT_ROLES:
        said = short.sub(whole, said)
    try:
        named = _worker_named(services, turn, said)
    except UserError:  # fits several workers' names: still a worker meant
        return ""
    if named is not None:
        return services.directory.label(named)
    return "" if _WORKERISH.match(said) and len(said.split()) <= 4 else None


def _worker_first(services: Services, worker: str) -> list[Reply]:
    """A worker typed where the checklist is asked: the checklist comes first, then the case and the worker."""
    whose = f" ({worker})" if worker else ""
    return [Reply(kind="question", text=f"That looks like whose case it is{whose}. The checklist comes first: pick the "
                                        "one you are auditing against, then I'll ask for the case reference, and the "
                                        "worker next.",
                  choices=checklist_choices(services))]


def not_a_checklist(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Text typed at the checklists that nothing else took (not a checklist, a command, a question or small talk):
    said plainly and the checklists offered again, never noted for the QA leads as an unanswered question (a trial's
    `sw n2` was). None when the checklists are not waiting."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("feature") != "audit" or state.get("awaiting") != "choose_checklist" or looks_like_question(text):
        return None
    return [Reply(kind="question", text="I didn't recognise that as a checklist. Pick the one you are auditing "
                                        "against by its number or its name (`child in need`, `s47`), or type "
                                        "`cancel` if you don't want to start an audit.",
                  choices=checklist_choices(services))]


def _near_checklist(services: Services, turn: Turn, text: str, found: list[str],
                    named: bool = False) -> list[Reply] | None:
    """A checklist's name with a typo ("voice of teh child") picks it, said back so a wrong guess shows; a name
    that fits several, or only sounds like the checklists' names, is answered with the list, never passed to the
    knowledge base (trial 13 found "voice of teh child" noted as a question for the QA leads). `named`: the words
    came after `start audit`, so they were meant as a checklist and the list is shown whatever they were."""
    available = checklists(services)
    near = found or near_named(available, text, synonyms(services))
    if len(near) == 1:
        said = Reply(kind="notice", text=f"I took that as **{available[near[0]].title}** (type `back` at the next "
                                         "question to pick another checklist).")
        return [said, *_checklist_chosen(services, turn, near[0])]
    if not near and not named and not checklist_words.sounds_like_a_checklist(available, text):
        return None
    fits = (f"More than one checklist fits: {', '.join(f'**{available[c].title}**' for c in near)}" if near
            else "I didn't recognise that as a checklist's name")
    return [Reply(text=f"{fits}. Pick one of these:", choices=checklist_choices(services), kind="question")]


def _checklist_chosen(services: Services, turn: Turn, checklist_id: str) -> list[Reply]:
    """The checklist picked: the case reference is asked next, unless the audit was started for a case typed
    before (`start_case`), whose draft is then created at once."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("awaiting") == "choose_checklist" and state.get("case_ref"):
        return case_reference(services, turn, checklist_id, str(state["case_ref"]))
    store.set_conversation(services.storage, turn.user_id, waiting("case_reference", checklist=checklist_id),
                           turn.now)
    return case_reference_screen(services, checklist_id)


def start_case(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Start an audit* offered beside a case reference typed on its own: the checklist is asked, then the draft of
    that case is created, so the reference is not asked for again (a trial typed it twice)."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    _refuse_if_nobody_to_audit(services, turn)
    reference = check_case_reference(value, services.settings.case_reference_pattern, services.identifier_screen)
    _refuse_own_case(services, turn, reference)
    kept = draft_kept(services, turn)
    store.set_conversation(services.storage, turn.user_id, waiting("choose_checklist", case_ref=reference), turn.now)
    return [*kept, *checklist_screen(services, reference)]


def checklist_choices(services: Services) -> tuple[Choice, ...]:
    """One button per checklist, each starting an audit against it."""
    return tuple(Choice(c.title, "audit.start", c.id) for c in checklists(services).values())


def checklist_screen(services: Services, reference: str | None = None) -> list[Reply]:
    """Which checklist: one button each (for the case `reference` when the audit was started for one), and a short
    line each on what it covers (checklist_lines; every description in full was too long on a phone, trial 34)."""
    available = checklists(services)
    case = f" {reference}" if reference else ""
    return [Reply(text=f"**Which checklist are you auditing{case} against?** Pick one by its number or its name "
                       "(`cp`, `neglect`); `checklist neglect` shows all a checklist asks.\n"
                       + "\n".join(checklist_lines.picker_line(c) for c in available.values()),
                  choices=checklist_choices(services), kind="question")]


def case_reference_screen(services: Services, checklist_id: str) -> list[Reply]:
    """The case reference, once the checklist is chosen."""
    chosen = checklists(services)[checklist_id]
    period = f" {period_text(chosen)}" if chosen.period else ""
    return [Reply(text=f"**{chosen.title}**.{period} What is the case reference?", prompt=CASE_REFERENCE_PROMPT,
                  kind="question", choices=(Choice("Cancel", "audit.start_cancel"),))]


def cancel_start(services: Services, turn: Turn, _value: str) -> list[Reply]:
    """The case reference's *Cancel*: the audit being started is dropped, as `cancel` typed drops it."""
    return leave_start(services, turn, "cancel")


# An audit being started (its checklist or case reference asked) is not stored yet, so `cancel`, `back` (at the
# checklists, the first step) and `pause` typed there leave it, each saying so; they were told "You are not in an
# audit", and the checklists stayed waiting.
LEFT_START = {
    "cancel": "OK, no audit started.",
    "back": "The checklists are the first step of an audit, so there is nothing to go back to: no audit started.",
    "pause": "There is nothing to pause yet: an audit is saved once you give its case reference, so no audit "
             "started.",
}


def leave_start(services: Services, turn: Turn, word: str) -> list[Reply]:
    """Leave an audit being started (`word` is `cancel`, `back` or `pause`, typed or pressed), saying how to start one
    again; nothing is stored."""
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    return [Reply(text=f"{LEFT_START[word]} Type `start audit` whenever you are ready.")]


def nothing_to_skip(services: Services, at_reference: bool) -> list[Reply]:
    """`skip` while an audit is being started: no question is asked yet, so there is nothing to skip (it was told "You
    are not in an audit"). At the checklists they are offered again, so a number still picks one; at the case
    reference, the reference is what the audit needs first. Nothing is stored either way."""
    if at_reference:
        raise UserError("There is nothing to skip yet: an audit starts with its case reference. Type it, such as "
                        "CR-123456, or `cancel` if you don't want to start this audit.")
    return [Reply(text="There is nothing to skip yet: pick the checklist you are auditing against, or type `cancel` "
                       "if you don't want to start an audit.", choices=checklist_choices(services), kind="question")]


def another_checklist(services: Services, turn: Turn, named: str | None) -> list[Reply]:
    """`wrong checklist`, `change checklist` (to …) while an audit is being started, before its draft exists: the
    checklist named is picked, as at the checklists; without one, the checklists are shown to pick another."""
    if named and (picked := checklist_typed(services, turn, named)) is not None:
        return picked
    case = store.conversation(services.storage, turn.user_id).get("case_ref")
    store.set_conversation(services.storage, turn.user_id,
                           waiting("choose_checklist", **({"case_ref": case} if case else {})), turn.now)
    return [Reply(text="Nothing is stored yet, so pick the checklist you want:", kind="question",
                  choices=checklist_choices(services))]


def back_to_checklists(services: Services, turn: Turn) -> list[Reply]:
    """`back` at the case reference: the checklists again, to pick another; nothing is stored yet."""
    store.set_conversation(services.storage, turn.user_id, waiting("choose_checklist"), turn.now)
    return checklist_screen(services)


def case_reference(services: Services, turn: Turn, checklist_id: str, text: str) -> list[Reply]:
    """Screen the reference, create the draft and warn when the case was audited in the last year."""
    settings = services.settings
    reference = check_case_reference(text, settings.case_reference_pattern, services.identifier_screen)
    checklist = checklists(services).get(checklist_id)
    if checklist is None:
        store.set_conversation(services.storage, turn.user_id, None, turn.now)
        raise UserError("That checklist is no longer available. Type `start audit` to choose another.")
    _refuse_if_nobody_to_audit(services, turn)  # teams.yaml may have changed since the audit was started
    _refuse_own_case(services, turn, reference, checklist_id)
    first = next_step(checklist, {}, Step("case_reference"))
    audit_id = store.create_audit(services.storage, checklist, reference, turn.user_id, first.key, turn.now,
                                  waiting=waiting(first.name, step=first.key))
    heads_up = audited_before(services, reference, turn.now, audit_id, turn.person)
    return heads_up + render(services, load(services, audit_id))


def audited_before(services: Services, reference: str, now: datetime, audit_id: int,
                   viewer: Person | None = None) -> list[Reply]:
    """The "audited in the last 12 months" heads-up for a draft of this (canonical) case reference, when other
    audits of the case (not cancelled) were started or submitted in the last year; else nothing. Shown when an
    audit starts and when a cancelled one is restored. A re-auditor needs what the last audit found: each one's
    number, checklist, grade of record and open actions, and a View button for those `viewer` may read; then how to
    see whether practice improved (`/audit compare` once this one is submitted, and a Compare button for the latest
    readable audit when it has one before it)."""
    recent = store.recent_audits_of_case(services.storage, reference, now, exclude=audit_id)[:5]
    due = reaudit_due_line(services, reference, now.astimezone(services.settings.timezone).date())
    if not recent:
        return [Reply(kind="notice", text=due)] if due else []
    available = checklists(services)
    lines = []
    for audit in recent:
        title = available[audit.checklist_id].title if audit.checklist_id in available else audit.checklist_id
        graded = f", {grade_of_record_text(audit)}" if audit.overall_grade else ""
        open_actions = [a.id for a in action_store.actions_of_audit(services.storage, audit.id) if not a.done_at]
        still = (f"; open action{'s' if len(open_actions) > 1 else ''} {', '.join(map(str, open_actions))}"
                 if open_actions else "")
        lines.append(f"• #{audit.id} {title}, {_local_date(services, audit.submitted_at or audit.started_at)} by "
                     f"{services.directory.label(audit.auditor_id)}{graded} ({short_status(audit)}){still}")
    lines += [due] if due else []  # that this is the re-audit the last audit asked for, and by when
    readable = []
    if viewer is not None:
        moderators = readback_store.moderators_of(services.storage, [a.id for a in recent])
        readable = [a for a in recent if a.status in readback_store.READABLE_STATUSES
                    and policy.may_view(services.directory, viewer, a, moderators.get(a.id, set()))]
    submitted = [a for a in recent if a.status in readback_store.READABLE_STATUSES]
    compare = (f"\nOnce you submit this audit, `/audit compare {audit_id}` shows what changed since the audit before "
               "it: the grade, the answers and whether its actions were done."
               if submitted and submitted[0] in readable else "")
    comparing = readback.compare_choices(services, viewer, readable[0]) if viewer is not None and readable else []
    yours = [a.id for a in recent if viewer is not None and a.worker_id == viewer.user_id]
    own = (f"\n{emoji('warning')} {'Audit' if len(yours) == 1 else 'Audits'} {', '.join(f'#{n}' for n in yours)} "
           f"{'names' if len(yours) == 1 else 'name'} you as this case's worker. Nobody audits their own case: if it "
           "is still yours, cancel this audit and ask your manager to audit it." if yours else "")
    # The re-audit the last audit asked for is no duplicate, unless another audit of the case is under way.
    duplicate = "" if due and not any(a.status == "draft" for a in recent) else \
        "\nYou can still go ahead; cancel if this is a duplicate."
    return [Reply(kind="notice", text=f"Heads up: {reference} has been audited in the last 12 months:\n"
                  + "\n".join(lines) + duplicate + own + compare,
                  choices=tuple([Choice(f"View #{a.id}", "audit.view", str(a.id)) for a in readable] + comparing))]


def start_prefilled(services: Services, turn: Turn, checklist_id: str, reference: str,
                    worker_id: str) -> tuple[int, list[Reply]]:
    """A campaign allocation's audit, whose checklist, (already screened) case reference and worker are known: the
    draft is created and the worker chosen as if typed, so every rule of that step holds but who may audit whom,
    which the campaign's allocation decided."""
    checklist = checklists(services).get(checklist_id)
    if checklist is None:
        raise UserError(f"The checklist {checklist_id!r} is no longer available. Tell your QA lead.")
    audit_id = store.create_audit(services.storage, checklist, reference, turn.user_id,
                                  next_step(checklist, {}, Step("case_reference")).key, turn.now)
    store.set_conversation(services.storage, turn.user_id,
                           {"feature": "audit", "awaiting": "audit", "audit_id": audit_id}, turn.now)
    ctx = load(services, audit_id)
    return audit_id, choose_worker(services, turn, ctx, ctx.version, worker_id, allocated=True)


def _local_date(services: Services, text: str) -> str:
    moment: datetime = parse_utc(text).astimezone(services.settings.timezone)
    return short_date(moment.date())


# "me", "mine", "my case", "it's mine", "myself", "my own case": the auditor naming themself as the case's worker.
BARE_NUMBER = re.compile(r"#?[0-9]+")  # `1`, `#2`: an option number, when no options are waiting
SELF_WORDS = re.compile(r"^\s*(?:it'?s\s+|its\s+)?(?:me|mine|myself|my\s+(?:own\s+)?case|my\s+own)\s*[.!]?\s*$",
                        re.IGNORECASE)
# Said at more length (trial 26: "its my case, i was told to self audit before supervision??" was "I don't know
# that person"): the worker is the auditor, and is told so, with how to look over their own case instead
SELF_SAID = re.compile(r"^\s*(?:it'?s|its|this\s+is|it\s+is)\s+(?:my\s+(?:own\s+)?case|mine)\b|\bself[\s-]?audit",
                       re.IGNORECASE)


def choose_worker(services: Services, turn: Turn, ctx: Ctx, version: int, worker_text: str,
                  allocated: bool = False) -> list[Reply]:
    """The worker whose case it is: someone the auditor may audit (`allocated`: a campaign's allocation said so),
    pressed, or typed as a member ID or a name as the bot writes it, or the start of one offered worker's name (a
    trial typed `social worker n1`, the button's words, and was told to find a member ID)."""
    if SELF_WORDS.match(worker_text) or SELF_SAID.search(worker_text):  # trial 22: `me` was "I don't know that person"
        worker_text = turn.user_id
    named = the_worker.worker_meant(services, turn, worker_text)  # `the worker`, one offered (trial 28)
    named = named or (None if user_id_from(worker_text) else _worker_named(services, turn, worker_text))
    worker = named or user_id_from(worker_text)
    person = services.directory.person(worker) if worker else None
    if worker is None or person is None:  # (person is None without a worker)
        raise UserError(unknown_worker(services, turn))
    if worker == ctx.audit.auditor_id and not own_case.self_audit_allowed(services, turn.person):
        raise UserError(own_case.own_worker_refusal(services, person, ctx.checklist.id))
    if not allocated and not policy.may_name_worker(services.directory, turn.person, worker):
        return _not_theirs_to_audit(services, turn, ctx, worker)
    if not allocated and (own := own_case.refusal(services, turn.person, ctx.audit.case_ref, ctx.audit.id,
                                                  ctx.checklist.id)) is not None:
        return _own_case_draft(services, turn, ctx, own)
    if is_duplicate(ctx, version, f"worker:{worker}"):
        return []
    team_id = person.team_ids[0] if person.team_ids else None
    move = store.Move(step=next_step(ctx.checklist, ctx.answers, ctx.step).key, press=f"worker:{worker}",
                      fields={"worker_id": worker, "team_id": team_id})
    said = [Reply(kind="notice", text=f"Got it: {services.directory.label(worker)}'s case.")] if named else []
    if not allocated and (warned := own_supervision.warning(services, turn.person, ctx.checklist, worker,
                                                            ctx.audit.id)) is not None:
        return said + _offer_to_cancel(services, turn, ctx, version, move, warned)
    return said + advance_and_render(services, turn, ctx, version, move)


def _offer_to_cancel(services: Services, turn: Turn, ctx: Ctx, version: int, move: store.Move,
                     warned: Reply) -> list[Reply]:
    """The worker stored, then the plain word (auditing supervision one gave: bot.audits.own_supervision) and the
    cancel question in place of the first question, which *No, keep it* shows."""
    if not advance_and_render(services, turn, ctx, version, move):
        return []  # a second press of the same worker
    return [warned, *cancel(services, turn, load(services, ctx.audit.id).value())]


def _own_case_draft(services: Services, turn: Turn, ctx: Ctx, why: str) -> list[Reply]:
    """A draft of the auditor's own case reaching its worker (one started before the rule, or a case that became
    theirs since): not kept when it holds nothing yet; else it waits, and `cancel` cancels it. Picking another
    worker never gets round it."""
    audit = ctx.audit
    if not store.discard_unstarted(services.storage, audit.id, turn.user_id, "own case", turn.now):
        raise UserError(f"{why} Type `cancel` to cancel audit #{audit.id}.")
    return [Reply(kind="error", text=f"{why} So audit #{audit.id} is not kept: nothing of it is stored.")]


def _not_theirs_to_audit(services: Services, turn: Turn, ctx: Ctx, worker: str) -> list[Reply]:
    """Another team's worker named: the case is not the auditor's to audit, so a draft that holds nothing else yet
    (just started: no worker, no answer) is not kept, and nothing of it is stored (it was left behind to resume, on
    Home and in reminders); *Start again* picks the checklist and the worker again, for a worker typed wrongly. A
    draft that had a worker (gone back to this step) stays as it is, waiting for one they may name."""
    why = _not_yours_to_audit(services, turn.person, worker)
    audit = ctx.audit
    if not store.discard_unstarted(services.storage, audit.id, turn.user_id, "not theirs to audit", turn.now):
        raise UserError(f"{why} Pick a worker from the buttons.")
    return [Reply(kind="error", text=f"{why} So audit #{audit.id} is not kept: nothing of it is stored. If that was "
                                     "the wrong worker, press **Start again** to pick the checklist and the worker "
                                     f"again for {audit.case_ref}.",
                  choices=(Choice("Start again", "audit.start_case", audit.case_ref),))]


NO_TEAM = ("You can audit the cases of your own team only, and you are in no team in the bot's teams list (an admin "
           "adds you).")


def _audited_elsewhere(services: Services, team_id: str | None) -> str:
    return f"Another team's case is audited by {audited_by(services, team_id)}, or through an audit campaign."


def _refuse_if_nobody_to_audit(services: Services, turn: Turn) -> None:
    """An audit started by someone whose case nobody's is to audit by hand (policy.may_audit_by_hand) is refused
    before anything is stored, and they are told why; the conversation about it, if any, ends."""
    if policy.may_audit_by_hand(services.directory, turn.person):
        return
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    teams = policy.auditing_team_ids(services.directory, turn.person)
    names = ", ".join(services.directory.teams[t].name for t in teams)
    mine = NO_TEAM if not teams else f"You can audit the cases of your own team only, and nobody else is in {names}."
    raise UserError(f"{mine} So no audit was started. {_audited_elsewhere(services, None)}")


def _refuse_own_case(services: Services, turn: Turn, reference: str, checklist_id: str | None = None) -> None:
    """An audit of the auditor's own case (own_case) is refused before anything is stored; the start ends."""
    why = own_case.refusal(services, turn.person, reference, checklist_id=checklist_id)
    if why is not None:
        store.set_conversation(services.storage, turn.user_id, None, turn.now)
        raise AccessDenied(f"{why} No audit was started.")


def _not_yours_to_audit(services: Services, auditor: Person, worker: str) -> str:
    """Why this auditor may not name this worker (whose cases they may audit), and who audits that case instead."""
    directory = services.directory
    teams = policy.auditing_team_ids(directory, auditor)
    yours = ("the teams you manage" if auditor.role is Role.MANAGER
             else "your team" if len(teams) == 1 else "your teams")
    theirs = next((team.id for team in directory.teams_of(worker)), None)
    instead = _audited_elsewhere(services, theirs)
    if not teams:
        return f"{NO_TEAM} {instead}"
    names = ", ".join(directory.teams[t].name for t in teams)
    return (f"You can audit cases in {yours} ({names}), and {directory.label(worker)} is not in "
            f"{'it' if len(teams) == 1 else 'them'}. {instead}")


def unknown_worker(services: Services, turn: Turn) -> str:
    """A worker typed that names nobody: how to name one, the example one of the workers offered to this auditor
    (trial 24 was shown another team's worker, whom they could not pick)."""
    offered = [uid for uid in worker_candidates(services, turn.user_id) if uid != turn.user_id]
    example = f" (like `{services.directory.label(offered[0])}`)" if offered else ""
    return (f"I don't know that person. Pick a worker from the buttons, or type their name as I write it{example} "
            "or their Slack member ID (like U0ABC123).")


def worker_named(services: Services, turn: Turn, typed: str) -> str | None:
    """The worker a name typed outside the worker step means (bot.audits.start_hinted: "s1's cin cases"), read as
    the worker step reads it."""
    return _worker_named(services, turn, typed)


def _worker_named(services: Services, turn: Turn, typed: str) -> str | None:
    """The worker a typed name means: the whole name or the start of one of the workers offered (several fitting is
    asked about), else anyone's whole name, so someone the auditor may not name is told why rather than not found."""
    offered, said = worker_candidates(services, turn.user_id), typed.strip().rstrip(".!")
    return person_named(services.directory, said, lambda name: name, among=offered) \
        or services.directory.named(said)


def on_worker(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, worker = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    return choose_worker(services, turn, ctx, version, worker)


def resume(services: Services, turn: Turn, value: str) -> list[Reply]:
    """List drafts, or carry on with one exactly where it stopped (the step is in the database). With one draft, and
    no audit being started, it carries on at once: "Type `resume` to carry on from this question", said on pausing,
    must do just that (a trial was shown a list of one, and the answer typed next was refused)."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    audit_id = buttons.optional_record_id(value, "type `/audit resume` to see your drafts")
    if audit_id is None:
        drafts = store.drafts_of(services.storage, turn.user_id)
        being_started = store.conversation(services.storage, turn.user_id).get("awaiting") in STARTING
        if len(drafts) == 1 and not being_started:  # an audit being started is not dropped unasked: the list says so
            return resume(services, turn, str(drafts[0].id))
        starting = _start_under_way(services, turn)
        if not drafts:
            none = Reply(text="You have no audits in progress." + ("" if starting else " Type `start audit` to begin "
                                                                                     "one."),
                         choices=() if starting else (Choice("Start an audit", "audit.start"),))
            return [none, *starting]
        lines, choices = [], []
        for draft in drafts[:10]:
            ctx = load(services, draft.id)
            reopened = reopened_day(services, draft)
            state = (f"{reopened_on(reopened)} and {OUT_OF_MODERATION}" if reopened
                     else count_of(len(ctx.answers), 'answer'))
            released = released_said(campaign_store.released_from(services.storage, draft.id))
            lines.append(f"• #{draft.id} {ctx.checklist.title}, case {draft.case_ref}"
                         f"{f' ({released})' if released else ''}, {state}, last worked on "
                         f"{_local_date(services, draft.updated_at)}")
            choices.append(Choice(f"Resume #{draft.id}", "audit.resume", str(draft.id)))
        if "audit_id" in store.conversation(services.storage, turn.user_id):
            # The list now hides the step the person was at: typed text must not answer a question they cannot
            # see (a "yes" could raise a safeguarding alert). Resume shows the step again, and waits for it.
            store.set_conversation(services.storage, turn.user_id, None, turn.now)
        if not being_started:  # what is typed next is the pick, never a question (trial 56 F6)
            resume_pick.wait_for_pick(services, turn, [draft.id for draft in drafts[:10]])
        return [Reply(text="**Your audits in progress**\n" + "\n".join(lines)
                           + "\nPick the one to carry on with.", choices=tuple(choices)), *starting]
    ctx = own_draft(services, turn, audit_id)
    conversation = store.conversation(services.storage, turn.user_id)
    awaiting = conversation.get("awaiting")
    at_its_step = {k: v for k, v in conversation.items() if k in ("feature", "awaiting", "audit_id", "step")}
    if ctx.audit.state.get("paused") or at_its_step != waiting_at(ctx.audit.id, ctx.audit.step):
        # (already carrying on at its step, its buttons on screen stay good: the terminal shows them once, trial 24)
        lifecycle.advance(services.storage, ctx.audit.id, ctx.version, turn.user_id,
                          store.Move(step=ctx.audit.step, state={"paused": False},
                                     waiting=waiting_at(ctx.audit.id, ctx.audit.step)), turn.now)
    missing = "no checklist chosen yet" if awaiting == "choose_checklist" else "no case reference given yet"
    dropped = f" The audit you were starting ({missing}) is dropped: type `start audit` to begin it again." \
        if awaiting in STARTING else ""
    reopened = reopened_day(services, ctx.audit)
    out = f" It was {reopened_on(reopened)} and is {OUT_OF_MODERATION}." if reopened else ""
    # Which audit, by its case and checklist (trial 17, F5: "audit #1" alone, after days away, named nothing)
    which = f"audit #{ctx.audit.id} ({ctx.audit.case_ref}, {ctx.checklist.title})"
    return [Reply(text=f"Carrying on with {which} where you stopped.{out}{dropped}{_changed_since(services, ctx)}"),
            *render(services, load(services, ctx.audit.id))]


def _changed_since(services: Services, ctx: Ctx) -> str:
    """The checklist edited (and reloaded) since this draft started: the draft keeps its version, and says so, or
    the auditor sees the old wording, and a question since removed, with no word why (trial 52, F7)."""
    live = checklists(services).get(ctx.checklist.id)
    if live is None or live.content_hash == ctx.audit.checklist_hash:
        return ""
    return (f" The {ctx.checklist.title} checklist has changed since you started: this audit keeps the version you "
            "started with.")


def _start_under_way(services: Services, turn: Turn) -> list[Reply]:
    """`resume` typed while an audit is being started. A trial user lost a chosen checklist without a word this way,
    so a case reference still awaited stays awaited, and is asked for again under the drafts listed: the next
    thing typed is then seen to be taken as the reference (or `cancel` drops it). An audit with no checklist
    chosen yet stays at its checklists, shown again: a new terminal session opens with them ("Picking up where you
    left off"), and a trial user who typed `resume` there was told the audit was set aside."""
    state = store.conversation(services.storage, turn.user_id)
    awaiting = state.get("awaiting")
    if awaiting == "choose_checklist":
        case = f" of **{state['case_ref']}**" if state.get("case_ref") else ""
        return [Reply(text=f"You were starting an audit{case}: pick its checklist to carry on.", kind="question",
                      choices=checklist_choices(services))]
    if awaiting != "case_reference":
        return []
    checklist = checklists(services).get(str(state.get("checklist")))
    what = ("the audit of a campaign case" if state.get("feature") == "campaign"
            else f"an audit against the **{checklist.title}** checklist" if checklist else "an audit")
    return [Reply(kind="notice", text=f"You were starting {what}: type its case reference to carry on, or "
                                      "`cancel` to drop it.",
                  prompt=CASE_REFERENCE_PROMPT, choices=(Choice("Cancel", "audit.start_cancel"),))]


def _stray_number(text: str) -> str:
    """A number typed when nothing waits for one: never "no question waiting", since the line before may have been
    "Type your question" (after "I couldn't read that as a question"), which waits for a question in words."""
    return (f"“{text}” on its own isn't a question I can look up, and no options are waiting for a number from you "
            "just now.")


def stray_answer(services: Services, turn: Turn, text: str) -> list[Reply]:
    """"yes" or "no" typed when no audit question is waiting: say so, and offer the drafts it may have been for,
    rather than reading it as a knowledge question (and never as an answer to a question not on screen)."""
    drafts = store.drafts_of(services.storage, turn.user_id)[:10]
    said = (_stray_number(text) if BARE_NUMBER.fullmatch(text)
            else f"There's no question waiting for a \"{text}\" from you just now.")
    if not drafts:
        return [Reply(text=f"{said} Type `start audit` to begin an audit, or ask me a practice question in words.")]
    return [Reply(text=f"{said} To carry on with an audit, "
                       "pick it below (or type `/audit resume`), then answer the question it shows.",
                  choices=tuple(Choice(f"Resume #{draft.id}", "audit.resume", str(draft.id)) for draft in drafts))]


def bare_reference(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A case reference typed on its own ("EH-2233", "eh2233", "EH 2233") is not a question for the knowledge base:
    offer what a person typing one usually wants, their draft of that case, a new audit or the case's audits, and
    log nothing. The reference is shown, and drafts matched, in its canonical form."""
    reference = typed_case_reference(text, services.settings.case_reference_pattern)
    if reference is None:
        return None
    drafts = [draft for draft in store.drafts_of(services.storage, turn.user_id) if draft.case_ref == reference]
    choices = [Choice(f"Resume #{draft.id}", "audit.resume", str(draft.id)) for draft in drafts[:5]]
    if (own := own_case.refusal(services, turn.person, reference)) is not None:  # never offered a start (trial 34)
        return [Reply(text=f"**{reference}** looks like a case reference. {own} To read the case's submitted audits, "
                           f"type `/audit list case {reference}`.", choices=tuple(choices))]
    choices.append(Choice("Start an audit", "audit.start_case", reference))
    reopened = reopened_day(services, drafts[0]) if drafts else None
    draft_line = (f"Your audit #{drafts[0].id} of this case is {reopened_on(reopened)} and {OUT_OF_MODERATION}: "
                  "pick it below to carry on. " if reopened else
                  f"You have a draft audit of this case (#{drafts[0].id}): pick it below to carry on. "
                  if drafts else "")
    due = reaudit_due_said(services, reference, services.local_now().date())  # trial 26: said only at the checklist
    draft_line += f"{due} " if due else ""
    return [Reply(text=f"**{reference}** looks like a case reference. {draft_line}To audit this case, press "
                       "**Start an audit** and choose the checklist: the audit is of this case. To read the case's "
                       f"submitted audits, type `/audit list case {reference}`.",
                  choices=tuple(choices))]


def resume_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit resume [number]`: typed, so a wrong number gets usage help rather than a stale-button reply."""
    if args.strip() and buttons.typed_id(args) is None:
        raise UserError("Type `/audit resume` to see your drafts, or `/audit resume 12` for audit #12.")
    return resume(services, turn, args)


def pause(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, "pause"):
        return []
    lifecycle.advance(services.storage, audit_id, version, turn.user_id,
                      store.Move(step=ctx.audit.step, state={"paused": True}, press="pause", waiting={}), turn.now)
    return paused_screen(audit_id, reopened_day(services, ctx.audit))


def paused_screen(audit_id: int, reopened: date | None = None) -> list[Reply]:
    """A paused audit waits for Resume (or `/audit resume`); a reopened one is out of moderation meanwhile, and the
    person pausing it is told so, as it is not waiting for a moderator."""
    out = f" It was {reopened_on(reopened)} and stays {OUT_OF_MODERATION}." if reopened else ""
    return [Reply(text=f"Paused audit #{audit_id}. Everything so far is saved.{out} Type `/audit resume` (or "
                       "`resume`) to carry on from this question.",
                  choices=(Choice("Resume", "audit.resume", str(audit_id)),))]


def cancel(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Cancel audit (button or typed `cancel`): ask first, since it takes the audit off the person's drafts."""
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, "cancel"):
        return []
    if ctx.audit.submitted_at is not None:
        raise UserError(f"Audit #{audit_id} was submitted before, so it can't be cancelled. Finish your changes "
                        "and press Submit to send it back for moderation; your earlier answers are kept as "
                        "revisions.")
    store.set_conversation(services.storage, turn.user_id,
                           waiting("confirm_cancel", audit_id=audit_id, version=ctx.version), turn.now)
    return cancel_question(services, ctx)


def cancel_question(services: Services, ctx: Ctx) -> list[Reply]:
    """Yes, cancel / No, keep it: cancelling takes the audit off the person's drafts, so it asks first."""
    stands = (" The immediate concern you flagged is not withdrawn by cancelling: I'll tell the people it alerted "
              "that it still stands." if escalation.standing(ctx) else "")
    return [Reply(text=f"Cancel audit #{ctx.audit.id} ({ctx.checklist.title}, case {ctx.audit.case_ref})? It won't "
                       f"count as an audit; its answers are kept, and you can restore it for {RESTORE_DAYS} days."
                       f"{stands}",
                  kind="question",
                  choices=(Choice("Yes, cancel", "audit.cancel_confirm", ctx.value(), "danger"),
                           Choice("No, keep it", "audit.cancel_keep", ctx.value(), "primary")))]


def cancel_confirmed(services: Services, turn: Turn, value: str) -> list[Reply]:
    """`Yes, cancel`: only if the audit has not moved on since the question was asked."""
    audit_id, version, _ = split_value(value)
    audit = store.get_audit(services.storage, audit_id)
    if audit is not None and audit.auditor_id == turn.user_id and audit.status == "cancelled":
        return [Reply(text=f"Audit #{audit_id} is already cancelled. Type `/audit restore {audit_id}` to restore it.")]
    lifecycle.close(services.storage, audit_id, version, turn.user_id, lifecycle.Change.CANCEL, turn.now,
                    waiting={})
    until = _local_time(services, turn.now + RESTORE_WINDOW)
    done = [Reply(text=f"Audit #{audit_id} is cancelled. Its answers are kept for the record but it won't count "
                       f"as an audit. Changed your mind? Restore it until {until} with the button or "
                       f"`/audit restore {audit_id}`.",
                  choices=(Choice("Restore", "audit.restore", str(audit_id)),))]
    cancelled = load(services, audit_id)
    updates = escalation.cancellation_updates(services, cancelled)
    graded = inadequate_grade_updates(
        services, cancelled, "warning", "The audit was **cancelled by its auditor**, so it won't count as an audit, "
        "and its Inadequate grade with it. Ask them whether their concern about the practice on case "
        f"{cancelled.audit.case_ref} stands; they can restore the audit for {RESTORE_DAYS} days.",
        told=(u.to_user or "" for u in updates), readable=False)
    told = [escalation.told_line(services, updates, "that the audit is cancelled and that the immediate concern you "
                                                    "flagged still stands: cancelling does not withdraw it")] \
        if updates else []
    if graded:
        told.append(escalation.told_line(services, graded, "that the audit they were alerted about as Inadequate is "
                                                           "cancelled"))
    return [*updates, *graded, *done, *told]


def cancel_kept(services: Services, turn: Turn, value: str) -> list[Reply]:
    """`No, keep it`: nothing changes; show the step the audit is at."""
    audit_id, _version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    store.set_conversation(services.storage, turn.user_id, waiting_at(audit_id, ctx.audit.step), turn.now)
    return [Reply(text=f"OK, audit #{audit_id} is not cancelled. Carry on where you were."), *render(services, ctx)]


def cancel_dropped(services: Services, turn: Turn, value: str) -> None:
    """Text at the cancel question that answered neither it nor the step: the audit waits at its step again, so a
    later `cancel` asks again rather than cancelling at once."""
    audit_id, _version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    store.set_conversation(services.storage, turn.user_id, waiting_at(audit_id, ctx.audit.step), turn.now)


def restore(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The Restore button: a cancelled audit back to a draft, exactly where it stood, within the window."""
    return _restore(services, turn, buttons.record_id(value, "type `/audit restore` to see what you can restore"))


def restore_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit restore` lists what can still be restored; `/audit restore 12` restores audit #12."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    if not args.strip():
        return _restorable(services, turn)
    audit_id = buttons.typed_id(args)
    if audit_id is None:
        raise UserError("Type `/audit restore` to see the audits you cancelled lately, or `/audit restore 12` to "
                        "restore audit #12.")
    return _restore(services, turn, audit_id)


def _restore(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    audit = store.get_audit(services.storage, audit_id)  # restoring keeps its step: the bot waits there again
    if audit is None:
        raise UserError(f"There is no audit #{audit_id}. Type `/audit restore` to see the audits you cancelled "
                        "lately.")
    if (leavers := leaver_draft.restore(services, turn, audit, RESTORE_WINDOW)) is not None:
        return leavers  # a leaver's draft this admin or QA lead cancelled (trial 59, F9)
    if (refusal := lifecycle.restore_refusal(audit, audit_id, turn.user_id, turn.now, RESTORE_WINDOW)) is not None:
        raise refusal  # before its step is read: a submitted audit's step ("done") is no step to wait at
    if audit.auditor_id == turn.user_id and (why := own_case.refusal(services, turn.person, audit.case_ref,
                                                                     exclude=audit_id)) is not None:
        raise AccessDenied(f"{why} So audit #{audit_id} stays cancelled, and does not count.")
    lifecycle.restore(services.storage, audit_id, turn.user_id, turn.now, RESTORE_WINDOW,
                      waiting=waiting_at(audit_id, audit.step))
    ctx = load(services, audit_id)
    updates = escalation.restoration_updates(services, ctx)
    updates += inadequate_grade_updates(services, ctx, "alarm", "The auditor **restored** the cancelled audit: it is "
                                        "back as a draft, graded **Inadequate**.",
                                        told=(u.to_user or "" for u in updates), readable=False)
    told = [escalation.told_line(services, updates, "that the audit is back")] if updates else []
    return [*updates, Reply(text=f"Audit #{audit_id} is restored as a draft, exactly where you left it."), *told,
            *audited_before(services, audit.case_ref, turn.now, audit_id, turn.person), *render(services, ctx)]


def _restorable(services: Services, turn: Turn) -> list[Reply]:
    cancelled = store.cancelled_since(services.storage, turn.user_id, turn.now - RESTORE_WINDOW)
    if not cancelled:
        return [Reply(text=f"You have no audits cancelled in the last {RESTORE_DAYS} days, so there is nothing to "
                           "restore.")]
    titles = {c.id: c.title for c in checklists(services).values()}
    lines = [f"• #{a.id} {titles.get(a.checklist_id, a.checklist_id)}, case {a.case_ref}: restore until "
             f"{_local_time(services, store.cancelled_at(a) + RESTORE_WINDOW)}" for a in cancelled[:10]]
    return [Reply(text="**Audits you cancelled that can still be restored**\n" + "\n".join(lines),
                  choices=tuple(Choice(f"Restore #{a.id}", "audit.restore", str(a.id)) for a in cancelled[:10]))]


def _local_time(services: Services, moment: datetime) -> str:
    return time_on_day(moment.astimezone(services.settings.timezone))
