"""Switching a draft audit to another checklist: `change checklist`, `wrong checklist`, `switch to child protection`.

A new user's trial found a manager who picked *Child in need* for a child on a child protection plan, with no way to
put it right but to cancel the draft and start again. While an audit is a draft (never submitted, not a campaign's
case, whose checklist the campaign sets) its checklist can be changed at any step. The case reference, the worker,
the notes and actions, and every answer to a question the new checklist asks too (same id, same kind of answer) are
kept; the other answers are taken out, and so are the grades drawn from the old checklist's answers. Losing answers is
asked first (Yes, switch / No, keep it, typed too: bot.engine.confirmations); nothing is lost silently. The reply says
what was kept, what was dropped and what will be asked, then shows the step the audit goes on from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.audits import lifecycle, switch_undo
from bot.audits.checklist_words import near_checklists
from bot.audits.core import Ctx, checklists, load, own_draft, split_value, waiting_at
from bot.audits.flow import Step
from bot.audits.numbering import question_label
from bot.audits.screens import render
from bot.audits.start import matching_checklists, synonyms
from bot.core.audit_rules import answers_hidden, needs_evidence, visible_questions
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from knowledge.checklist_schema import Answer, Checklist

PICK, CONFIRM, KEEP = "audit.switch", "audit.switch_confirm", "audit.switch_keep"
ACTIONS = frozenset({PICK, CONFIRM, KEEP})
# Said as a wish to change the checklist, with or without the one meant: "change checklist", "wrong checklist",
# "I picked the wrong checklist", "use a different checklist", "change the checklist to neglect".
SAID = re.compile(
    r"^\s*(?:(?:i\s+)?(?:need|want)\s+to\s+)?(?:(?:change|switch|swap)\s+(?:the\s+|my\s+|this\s+)?checklists?"
    r"|(?:i\s+(?:picked|chose|used)\s+|(?:it'?s|that'?s|its)\s+)?(?:the\s+|a\s+)?wrong\s+checklist"
    r"|(?:use\s+|pick\s+)?(?:a\s+)?(?:different|another|other)\s+checklist)"
    r"(?:\s*[,:;-]?\s*(?:(?:change|switch|swap|use)\s+(?:it\s+)?)?(?:to|for)?\s+(?:the\s+)?(?P<to>\S.*?))?"
    r"\s*[.!]?\s*$", re.IGNORECASE)
# The same words inside a longer line: "hang on this kid went onto a CP plan in oct, wrong checklist".
SAID_WITHIN = re.compile(r"\b(?:(?:wrong|different|another)\s+checklist|(?:change|switch|swap)\s+"
                         r"(?:the\s+|my\s+|this\s+)?checklist)s?\b", re.IGNORECASE)
_SENTENCE_WORDS, _LONGEST_NAME = 40, 6  # words of a line read for a checklist's name; words of the longest name
LISTED = "switch_listed"  # beside the conversation: the draft (a step value) whose list of checklists waits
# "switch to child protection", "change to the neglect checklist": only when the words name one checklist, since
# "change to good" may be meant for the question on screen.
SAID_TO = re.compile(r"^\s*(?:change|switch|swap)\s+(?:it\s+|the\s+audit\s+|this\s+audit\s+)?to\s+(?:the\s+)?"
                     r"(?P<to>\S.*?)(?:\s+checklist)?\s*[.!]?\s*$", re.IGNORECASE)


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """Words asking for another checklist, typed at any step of a draft; None for any other text."""
    said = SAID.match(text)
    loose = SAID_TO.match(text) if said is None else None
    if said is None and loose is None:
        return _in_a_sentence(services, turn, ctx, text)
    named = (said or loose).group("to")  # type: ignore[union-attr]
    found = named_checklists(services, named) if named else []
    if loose is not None and len(found) != 1:
        return None  # not a checklist's name: the step reads it
    if named and not found:  # "wrong checklist, should be cp plan": the name among other words
        found = named_within(services, named)
    if len(found) == 1:
        return chosen(services, turn, ctx, ctx.version, found[0])
    refuse_if_fixed(services, ctx)
    why = "" if not named else (f"More than one checklist fits {named!r}. " if found
                                else f"I didn't recognise {named!r} as a checklist's name. ")
    return [listed(services, turn, ctx, why)]


def _in_a_sentence(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """"hang on this kid went onto a CP plan in oct, wrong checklist" (trial 25): the switch words anywhere in a
    line that asks nothing, and the checklist it names anywhere too; the list when it names none, or several."""
    said = SAID_WITHIN.search(text)
    if said is None or text.rstrip().endswith("?"):
        return None
    found = named_within(services, f"{text[:said.start()]} , {text[said.end():]}")
    if len(found) == 1:
        return chosen(services, turn, ctx, ctx.version, found[0])
    refuse_if_fixed(services, ctx)
    return [listed(services, turn, ctx)]


def named_within(services: Services, words: str) -> list[str]:
    """The checklists a run of words in `words` names exactly (`cp plan` in "should be cp plan"): the longest runs
    first, typos not forgiven (in a sentence, `kid` is no typo for `kin`); every checklist they name, if several."""
    said = re.findall(r"[a-z0-9]+", words.lower())[:_SENTENCE_WORDS]
    available, other_words = checklists(services), synonyms(services)
    for size in range(min(_LONGEST_NAME, len(said)), 0, -1):
        found = {name for start in range(len(said) - size + 1)
                 for name in _one(matching_checklists(available, " ".join(said[start:start + size]), other_words))}
        if found:
            return sorted(found)
    return []


def _one(found: list[str]) -> list[str]:
    return found if len(found) == 1 else []


def listed(services: Services, turn: Turn, ctx: Ctx, why: str = "") -> Reply:
    """The list of checklists, remembered as waiting so that a checklist's name typed next picks one (`cp`, trial 25:
    it was read as the answer to the question behind) and a new session shows it again."""
    store.keep_aside(services.storage, turn.user_id, LISTED, ctx.value(), turn.now)
    return picker(services, ctx, why)


def named_checklists(services: Services, named: str) -> list[str]:
    """The checklists words name, read as the checklist picker reads them (`s47`, `cp`, a typo)."""
    available = checklists(services)
    return matching_checklists(available, named, synonyms(services)) or near_checklists(available, named)


def refuse_if_fixed(services: Services, ctx: Ctx) -> None:
    """A campaign's case is audited against the campaign's checklist, and a submitted audit against its own."""
    refusal = lifecycle.switch_refusal(ctx.audit, ctx.audit.auditor_id, ctx.version)
    if refusal is not None and ctx.audit.submitted_at is not None:
        raise refusal
    if campaign_store.allocation_of_audit(services.storage, ctx.audit.id) is not None:
        raise UserError(f"Audit #{ctx.audit.id} is a campaign's case, and the campaign sets its checklist "
                        f"(**{ctx.checklist.title}**), so it can't be changed. Ask the campaign's QA lead if the case "
                        "needs another checklist.")


def picker(services: Services, ctx: Ctx, why: str = "") -> Reply:
    """Which checklist instead: one button each, and one to keep the checklist as it is."""
    others = [c for c in checklists(services).values() if c.id != ctx.audit.checklist_id]
    return Reply(kind="question", text=f"{why}Which checklist should audit #{ctx.audit.id} ({ctx.audit.case_ref}) use "
                 f"instead of **{ctx.checklist.title}**? Pick one (or type `switch to` and its name). The case "
                 "reference, the worker and your answers to the questions it asks too are kept; I'll ask before "
                 "any answer is lost.",
                 choices=(*(Choice(c.title, PICK, ctx.value(c.id)) for c in others),
                          Choice(f"Keep {ctx.checklist.title}", KEEP, ctx.value())))


def split_answers(old: Checklist, new: Checklist, answers: Mapping[str, Answer]) -> tuple[list[str], list[str]]:
    """(kept, dropped) question ids of `answers`, in the old checklist's order: kept when the new checklist asks the
    same question (same id, same kind of answer) and its own earlier answers do not hide it."""
    asks = {q.id: q for q in new.questions()}
    ids = [q.id for q in old.questions() if q.id in answers]
    kept = [i for i in ids if i in asks and asks[i].type == old.question(i).type]
    hidden = set(answers_hidden(new, {i: answers[i] for i in kept}))
    kept = [i for i in kept if i not in hidden]
    return kept, [i for i in ids if i not in kept]


def step_after(new: Checklist, answers: Mapping[str, Answer], has_worker: bool) -> Step:
    """Where the audit goes on on its new checklist: the worker if not named yet, else its first question not
    answered (or a grade without its note), else the review."""
    if not has_worker:
        return Step("worker")
    for question in visible_questions(new, answers):
        answer = answers.get(question.id)
        if answer is None:
            return Step("question", question.id)
        if needs_evidence(question, answer):
            return Step("evidence", question.id)
    return Step("review")


def chosen(services: Services, turn: Turn, ctx: Ctx, version: int, checklist_id: str,
           confirmed: bool = False) -> list[Reply]:
    """A checklist picked for the draft: the same one changes nothing; answers to be lost are asked about first."""
    refuse_if_fixed(services, ctx)
    new = checklists(services).get(checklist_id)
    if new is None:
        raise UserError("That checklist is no longer available. Type `change checklist` to pick another.")
    if new.id == ctx.audit.checklist_id:
        return [Reply(text=f"Audit #{ctx.audit.id} already uses **{new.title}**, so nothing changed."),
                *render(services, ctx)]
    if (undone := switch_undo.back_to(services, turn, ctx, new.id)) is not None:  # switched back straight away
        return undone
    kept, dropped = split_answers(ctx.checklist, new, ctx.answers)
    if dropped and not confirmed:
        return [confirmations.ask(services, turn, question(services, ctx, new, kept, dropped))]
    return _switch(services, turn, ctx, version, new, kept, dropped)


def _labels(checklist: Checklist, ids: list[str]) -> str:
    """"question 3", "questions 2, 3 and 5", by the numbers the checklist shows."""
    shown = [question_label(checklist, i) for i in ids]
    return (f"question {shown[0]}" if len(shown) == 1
            else f"questions {', '.join(shown[:-1])} and {shown[-1]}")


def _your_answers(count: int) -> str:
    return "your answer" if count == 1 else f"your {count_of(count, 'answer')}"


def _kept_words(services: Services, ctx: Ctx, kept: list[str]) -> str:
    """What a switch keeps: the case, the worker, the answers both checklists ask for, the notes and actions."""
    worker = (f", the worker ({services.directory.label(ctx.audit.worker_id)})" if ctx.audit.worker_id else "")
    answers = (f", {_your_answers(len(kept))} to the questions both checklists ask "
               f"({_labels(ctx.checklist, kept)} here)" if kept else "")
    return f"the case reference {ctx.audit.case_ref}{worker}{answers}, and any notes and actions"


def question(services: Services, ctx: Ctx, new: Checklist, kept: list[str], dropped: list[str]) -> Reply:
    """Yes, switch / No, keep it: answers would be lost, so it asks first and says which."""
    lost = (f"{_your_answers(len(dropped))} to {_labels(ctx.checklist, dropped)} would be lost, as "
            f"**{new.title}** doesn't ask {'them' if len(dropped) > 1 else 'it'}")
    return Reply(kind="question", text=f"Switch audit #{ctx.audit.id} from **{ctx.checklist.title}** to "
                 f"**{new.title}**? If you do, {lost}. Kept: {_kept_words(services, ctx, kept)}.",
                 choices=(Choice("Yes, switch", CONFIRM, ctx.value(new.id), "danger"),
                          Choice(f"No, keep {ctx.checklist.title}", KEEP, ctx.value(), "primary")))


def _switch(services: Services, turn: Turn, ctx: Ctx, version: int, new: Checklist, kept: list[str],
            dropped: list[str]) -> list[Reply]:
    """Store the switch, then say what was kept, what was dropped and what comes next, above the step."""
    answers = {i: ctx.answers[i] for i in kept}
    step = step_after(new, answers, ctx.audit.worker_id is not None)
    lifecycle.switch_checklist(services.storage, ctx.audit.id, version, turn.user_id, new, step.key, dropped,
                               turn.now, waiting=waiting_at(ctx.audit.id, step.key))
    lost = (f" Dropped: {_your_answers(len(dropped))} to {_labels(ctx.checklist, dropped)} of "
            f"**{ctx.checklist.title}**, which **{new.title}** doesn't ask.{switch_undo.UNDO_HINT}" if dropped else "")
    graded = " Your overall grade is asked again at the end." if ctx.audit.overall_grade else ""
    to_ask = [q for q in visible_questions(new, answers) if q.id not in answers]
    asked = (f" I'll ask its other {count_of(len(to_ask), 'question')} now." if to_ask and kept
             else f" I'll ask its {count_of(len(to_ask), 'question')} now." if to_ask else "")
    said = Reply(kind="notice", text=f"Audit #{ctx.audit.id} now uses the **{new.title}** checklist. Kept: "
                 f"{_kept_words(services, ctx, kept)}.{lost}{graded}{asked}")
    return [said, *render(services, load(services, ctx.audit.id))]


def _pressed(services: Services, turn: Turn, value: str) -> tuple[Ctx, int, str]:
    """The draft a switch button is for, refused (stale, not yours) as a step's button is."""
    audit_id, version, key = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    refusal = lifecycle.switch_refusal(ctx.audit, turn.user_id, version)
    if refusal is not None:
        raise refusal
    return ctx, version, key


def on_pick(services: Services, turn: Turn, value: str) -> list[Reply]:
    """A checklist's button under "Which checklist should audit #N use instead?"."""
    ctx, version, key = _pressed(services, turn, value)
    store.keep_aside(services.storage, turn.user_id, LISTED, None, turn.now)
    return chosen(services, turn, ctx, version, key)


def on_confirm(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Yes, switch* (or `yes` typed): the answers the new checklist doesn't ask are dropped."""
    ctx, version, key = _pressed(services, turn, value)
    return chosen(services, turn, ctx, version, key, confirmed=True)


def on_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, keep …* (or `no` typed): nothing changes, and the step the audit is at is shown again."""
    audit_id, _version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    store.keep_aside(services.storage, turn.user_id, LISTED, None, turn.now)
    return [Reply(text=f"OK, audit #{audit_id} stays on **{ctx.checklist.title}**; nothing changed."),
            *render(services, ctx)]
