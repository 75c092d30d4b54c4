"""Answering questions one at a time: buttons, typed answers, evidence notes, Back and escalation (Skip:
bot.audits.skipping)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from bot.audits import (
    action_question,
    alert_confirm,
    answer_resume,
    as_above,
    brief_reason,
    hedged_answer,
    na_doubt,
    note_check,
    notes_fit,
    other_case,
    pasted_note,
    step_reminder,
    unsure_grade,
)
from bot.audits.action_removal import listed
from bot.audits.alert_trail import trailed
from bot.audits.answer_notes import KEEP_BEFORE, kept_said, note_notice, note_to_keep
from bot.audits.choice_note import option_with_note
from bot.audits.core import (
    Ctx,
    answer_error,
    grade_label,
    guidance_text,
    is_duplicate,
    own_draft,
    split_value,
)
from bot.audits.count_bound import bound_refusal, too_high_notice
from bot.audits.escalation import case_team_managers, escalation_alerts, escalation_targets, escalation_withdrawals
from bot.audits.flagged_grade import flagged_before_grade
from bot.audits.flow import (
    Answer,
    AnswerError,
    Step,
    is_flagged,
    looks_like_question,
    next_step,
    parse_answer,
    parse_evidence,
    parse_text,
    previous_step,
)
from bot.audits.grade_change_note import changed_grade, grade_alone
from bot.audits.grade_words import read_grade_and_note
from bot.audits.hedged_answers import MIN_NOTE_WORDS, hedged, note_long_enough, note_refused, short_finding
from bot.audits.meaning_asked import asks_what_it_means
from bot.audits.note_labels import without_label
from bot.audits.number_note import number_with_note, sentence_note
from bot.audits.numbering import labels_hint, question_by_label, question_label
from bot.audits.option_start import option_then_note
from bot.audits.option_words import option_by_meaning
from bot.audits.question_opening import Asked, asked_in_line
from bot.audits.screens import advance_and_render
from bot.audits.yes_no_words import thumb
from bot.core.audit_rules import answers_hidden, escalations, suggest_grade, visible_questions
from bot.core.count_bounds import over_bound
from bot.core.cut_short import clip
from bot.core.markup import emoji
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.settings.people import Role
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from knowledge.dates import MONTH_READ_AS_FIRST, names_month_only

# "yes, consent form on file", "no - not seen since August": an answer, a separator, then the evidence note.
# A hyphen straight between words joins them ("no-one", "no-show", "yes-man"): no separator.
YES_NO_WITH_NOTE = re.compile(r"^\s*(?P<answer>yes|no|y|n|yeah|yep|nope|n/?a|not applicable)(?!-\w)\s*[,.;:\-–—(]+\s*"
                              r"(?P<note>\S.*?)\)?\s*$", re.IGNORECASE | re.DOTALL)
# "yes the family moved last month": the same without a separator, read as the answer and its note however many words
# follow, so `yes clear outcomes` is told its note is too short, as `yes, clear outcomes` is (trial 12, F7; it was
# "Please answer yes or no"). Never a "no" that starts a phrase ("no one ...", "no longer ...", "no worries", "no
# doubt"), nor an answer followed by another ("yes no"); "none", "nobody", "yesterday" are words, not a yes or a no.
# A not applicable too: `na not due yet, booked for 1 dec` was refused (trial 26), where `n/a, booked…` was taken.
YES_NO_THEN_WORDS = re.compile(r"^\s*(?P<answer>yes|no|yeah|yep|nope|n/?a|not\s+applicable)\s+"
                               r"(?!(?:one|longer|worries|problems?|idea|doubt|yes|no|n/?a|not applicable)\b)"
                               r"(?P<note>[^\s,.;:\-–—(].*?)\s*$", re.IGNORECASE | re.DOTALL)
# Words after a bare "no" that show it answers the question rather than starting the note's sentence ("no not seen",
# "no the plan lapsed", "no because mum declined"); before any other word "no" is kept in the note ("no plan").
NO_ALONE_BEFORE = frozenset({
    "not", "never", "nothing", "none", "the", "they", "he", "she", "it", "we", "i", "you", "there", "this", "that",
    "these", "those", "as", "because", "but", "since", "though", "although", "just", "only", "still", "was",
    "wasn't", "were", "weren't", "has", "hasn't", "had", "hadn't", "is", "isn't", "did", "didn't", "does", "doesn't",
    "have", "haven't", "due", "unfortunately", "sadly",
    # a verb or a negation, typed quickly without its apostrophe (trial 29: `no cant see it recorded` kept "no cant
    # see it recorded" as the note, where `no, cant see it recorded` kept "cant see it recorded")
    "cant", "can't", "cannot", "can", "could", "couldnt", "couldn't", "dont", "don't", "doesnt", "didnt", "wasnt",
    "isnt", "hasnt", "havent", "hadnt", "werent", "wont", "won't", "wouldnt", "wouldn't", "shouldnt", "shouldn't",
    "aint", "unable", "nowhere", "seems", "appears"})
# How to answer a yes/no question alone, and a note that would do, for the message refusing a note too short.
NOTE_EXAMPLES = {"yes": ("yes", "consent form signed on file"), "no": ("no", "not seen alone since August"),
                 "na": ("n/a", "no school-age children in the family")}


def record_answer(services: Services, turn: Turn, ctx: Ctx, version: int, question: Question, value: str,
                  press: str = "", note: str | None = None) -> list[Reply]:
    """Store the answer now (not at the end), move on, and alert the manager at once when it escalates. `note` is
    evidence typed in the same breath ("no, consent not on file")."""
    if question.type == "text":
        screen_text(value, services.identifier_screen, "that answer")
        other_case.refuse(services, ctx, value)
    if note is not None:
        screen_text(note, services.identifier_screen, "that evidence note")
        other_case.refuse(services, ctx, note)  # another case's reference (trial 59, F1)
    previous = ctx.answers.get(question.id)
    again = note_check.asks_again(ctx, question, previous, value, note)  # "Your note now: …" at "Why this grade?"
    noticed = None if again else note_notice(question, previous, value, note)
    note = note_to_keep(previous, value, note)  # the same answer again keeps its note; another answer drops it
    answers = dict(ctx.answers)
    answers[question.id] = Answer(value, evidence=note)
    hidden = answers_hidden(ctx.checklist, answers)  # follow-ups this answer takes away go with it
    for gone in hidden:
        del answers[gone]
    answer = (question.id, value, is_flagged(question, value))
    move = move_after(ctx, answers, Step("question", question.id), answer=answer, press=press,
                      evidence=(question.id, note) if note is not None else None, cleared=tuple(hidden))
    if again:
        move = replace(move, step=Step("evidence", question.id).key, state=None, fields={})
    earlier = None if again else action_question.to_ask(services, turn, ctx, question, value)
    if earlier is not None:  # trial 50: Q3 now Yes, its earlier action still open: asked once, after the answer
        move = replace(move, state={**(move.state or {}), **action_question.asked_state(ctx, earlier)})
    alerts, said = [], ""
    if escalations(question, value) and (previous is None or previous.value != value):
        alerts, said = escalation_alerts(services, ctx, question, value), "alerted {told} about this answer now"
    elif previous is not None and escalations(question, previous.value) and not escalations(question, value):
        alerts = escalation_withdrawals(services, ctx, question, previous.value, value)
        said = f"told {{told}} that you changed this answer to {question.answer_label(value)}"
    replies = advance_and_render(services, turn, ctx, version, move)
    if not replies:
        return replies  # a second press of the same button: the first one did everything
    if alerts:
        told = ", ".join(services.directory.label(a.to_user or "") for a in alerts)
        alerts.append(Reply(kind="notice", text=f"I've {said.replace('{told}', told)}. Carry on with the audit."))
    asked = [action_question.ask(services, turn, ctx, question, value, earlier)] if earlier is not None else []
    fit = notes_fit.check_said(ctx, question, previous.value if previous else None, value)  # trial 55, 3
    return alerts + ([noticed] if noticed else []) + taken_out(ctx, hidden) + ([fit] if fit else []) + replies + asked


def taken_out(ctx: Ctx, hidden: list[str]) -> list[Reply]:
    """Said when an answer takes follow-ups away, so answers that vanish from the review vanish with a word."""
    if not hidden:
        return []
    labels = listed([question_label(ctx.checklist, q) for q in hidden])
    one = len(hidden) == 1
    return [Reply(kind="notice", text=f"{'Question' if one else 'Questions'} {labels} no longer "
                                      f"{'applies' if one else 'apply'} with this answer, so I've taken "
                                      f"{'its answer' if one else 'their answers'} out of the audit.")]


def confirm_alert_first(services: Services, turn: Turn, ctx: Ctx, question: Question, value: str,
                        note: str | None = None) -> list[Reply] | None:
    """An answer that would alert managers now is held and "Send it?" asked first (bot.audits.alert_confirm): one
    slip of the finger must not send them to a case. None when the answer alerts nobody new (it is stored as usual).
    What is held is screened first, as storing it would be."""
    previous = ctx.answers.get(question.id)
    if not escalations(question, value) or (previous is not None and previous.value == value):
        return None
    targets = escalation_targets(services, ctx)
    if not targets:
        return None
    if question.type == "text":
        screen_text(value, services.identifier_screen, "that answer")
        other_case.refuse(services, ctx, value)
    if note is not None:
        screen_text(note, services.identifier_screen, "that evidence note")
        other_case.refuse(services, ctx, note)  # another case's reference (trial 59, F1)
    return alert_confirm.ask(services, turn, ctx, targets,
                             {"kind": "answer", "question": question.id, "value": value, "note": note})


def inadequate_grade_alerts(services: Services, ctx: Ctx, moderator: str | None = None,
                            earlier: str | None = None) -> list[Reply]:
    """An Inadequate overall grade, on any checklist, given by the auditor or (`moderator`) at moderation, changed
    from the `earlier` moderation's grade when it was re-moderated: the escalation people plus the audited worker's
    manager, never the person who gave the grade."""
    directory = services.directory
    auditor = ctx.audit.auditor_id
    targets = inadequate_targets(services, ctx, moderator)
    text = (f"{emoji('alarm')} **Inadequate overall grade on audit #{ctx.audit.id}** ({ctx.checklist.title}, case "
            f"{ctx.audit.case_ref}, auditor {directory.label(auditor)}, worker "
            f"{directory.label(ctx.audit.worker_id or '')}).")
    if moderator is not None:
        text += " " + moderated_inadequate(directory.label(moderator), ctx.audit.overall_grade, earlier)
    text += " Please look at this case now."
    return trailed(services, ctx, "audit.alert", "inadequate", [
        Reply(text=text, to_user=target, kind="notice", choices=(Choice("Open the audit", "audit.view",
                                                                        str(ctx.audit.id)),)) for target in targets],
        actor=moderator)


def moderated_inadequate(moderator: str, auditors: str | None, earlier: str | None = None) -> str:
    """How a moderator's Inadequate came about, in one sentence: agreeing with the auditor's Inadequate is said so,
    never "graded it Inadequate, where the auditor's grade was Inadequate" (trial 30), and a re-moderation says what
    it changed from."""
    if auditors == "inadequate":
        done = f"{moderator} agreed with the auditor's Inadequate at moderation"
    else:
        done = (f"{moderator} graded it Inadequate at moderation, where the auditor's grade was "
                f"{grade_label(auditors)}")
    if earlier is not None and earlier != "inadequate":
        done += f", changing their earlier moderation of {grade_label(earlier)}"
    return done + "."


def inadequate_targets(services: Services, ctx: Ctx, moderator: str | None = None) -> list[str]:
    """The escalation people and the worker's managers; when no manager but the auditor would hear of it (a team's
    own manager auditing), the QA leads and heads of service (admins) too, so the grade always reaches someone above
    the auditor. Never the auditor, the worker or the moderator who gave it."""
    directory = services.directory
    audit = ctx.audit
    never = (audit.auditor_id, audit.worker_id, moderator)
    targets = [t for t in escalation_targets(services, ctx) if t not in (audit.auditor_id, moderator)]
    managers = [m for m in case_team_managers(services, ctx) if m not in never]
    targets += [m for m in managers if m not in targets]
    if not managers:
        targets += [u for u in directory.ids_with_role(Role.QA_LEAD, Role.ADMIN) if u not in targets and u not in never]
    return targets


def inadequate_grade_withdrawals(services: Services, ctx: Ctx, grade: str, moderator: str | None = None) -> list[Reply]:
    """The auditor changed an Inadequate overall grade, or (`moderator`) graded it otherwise at moderation: everyone
    the alert reached is told it no longer stands (the moderator, who knows, apart), so nobody goes on treating the
    case as urgent on the strength of a grade that is no longer the grade of record."""
    changed = (f"{services.directory.label(moderator)} graded it **{grade_label(grade)}** at moderation, where the "
               "auditor's grade was **Inadequate**, so Inadequate is no longer its grade of record and the alert no "
               "longer stands. `/audit show` has the moderator's reason." if moderator is not None else
               f"The auditor changed the overall grade from **Inadequate** to **{grade_label(grade)}**, so the "
               "Inadequate alert no longer stands. I'll tell you if it changes back.")
    text = (f"{emoji('done')} **Update on audit #{ctx.audit.id}** ({ctx.checklist.title}, case {ctx.audit.case_ref}, "
            f"auditor {services.directory.label(ctx.audit.auditor_id)}).\n{changed}")
    return trailed(services, ctx, "audit.alert_withdrawn", "inadequate", [
        Reply(text=text, to_user=target, kind="notice", choices=(Choice("Open the audit", "audit.view",
                                                                        str(ctx.audit.id)),))
        for target in inadequate_targets(services, ctx, moderator)], actor=moderator)


def inadequate_grade_updates(services: Services, ctx: Ctx, mark: str, body: str, told: Iterable[str] = (),
                             readable: bool = True) -> list[Reply]:
    """An update to everyone a draft's confirmed Inadequate grade alerted (none if it alerted nobody), headed as
    every update on an audit is; not to those in `told` (an update on the same audit already reached them). With
    `readable` False (a cancelled audit, which not all of them may read), no *Open the audit* button."""
    if ctx.audit.overall_grade != "inadequate" or ctx.audit.submitted_at is not None:
        return []
    text = (f"{emoji(mark)} **Update on audit #{ctx.audit.id}** ({ctx.checklist.title}, case {ctx.audit.case_ref}, "
            f"auditor {services.directory.label(ctx.audit.auditor_id)}).\n{body}")
    skip = set(told)
    choices = (Choice("Open the audit", "audit.view", str(ctx.audit.id)),) if readable else ()
    return [Reply(text=text, to_user=target, kind="notice", choices=choices)
            for target in inadequate_targets(services, ctx) if target not in skip]


def on_answer(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, key = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, f"answer:{key}"):
        return []
    step = ctx.step
    if step.name != "question":
        raise UserError("That button is not for the current step of this audit. Type `/audit resume`.")
    question = ctx.checklist.question(step.question_id or "")
    keys = question.answer_keys
    if question.type == "choice":
        if not key.isdecimal() or int(key) >= len(keys):
            raise UserError("That option is not on this question any more. Type `/audit resume`.")
        answer = keys[int(key)]
    elif key in keys:
        answer = key
    else:
        raise UserError("That answer doesn't fit this question. Use the buttons on the latest message.")
    note = hedged_answer.take(services, turn, ctx)  # kept from `mostly - …` typed before the press (trial 28)
    if note is None and (doubted := na_doubt.ask(services, turn, ctx, question, answer)) is not None:
        return doubted
    held = confirm_alert_first(services, turn, ctx, question, answer, note)
    if held is not None:
        return held
    replies = record_answer(services, turn, ctx, version, question, answer, press=f"answer:{key}", note=note)
    return [with_your_note(question, answer, note), *replies] if note is not None and replies else replies


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """A typed reply at a question or evidence step; None lets other handlers take text that is not an answer."""
    note: str | None
    step = ctx.step
    if step.name == "evidence":
        return typed_note(services, turn, ctx, text)
    question = ctx.checklist.question(step.question_id or "")
    note = None
    today = turn.now.astimezone(services.settings.timezone).date()
    if (kept := kept_before(services, turn, ctx, question, text)) is not None:
        return kept
    if (dropped := pasted_note.drop(services, turn, ctx, text)) is not None:
        return dropped  # `drop note`: the note kept for this step was not meant for it (trial 63 F9)
    try:
        value = "na" if na_doubt.KEEP.match(text) and na_doubt.asked_here(services, turn, ctx) else \
            parse_answer(question, text, today)
        note = sentence_note(question, text)  # `… but 3 moves with no stability meeting`: 3, noted (trial 56)
    except AnswerError as error:
        if _a_question(question, text):
            return None  # for the knowledge base, not an answer: answered aside, then the question again
        if (asked := hedged_answer.hold(services, turn, ctx, question, text)) is not None:
            return asked  # `partly`, `mostly - …`: which answer is asked, the note kept for it (trials 27, 28)
        try:  # `yes as above` (trial 29): the note above; else an answer with its own note
            said = as_above.answer(ctx, question, text, today) or answer_with_note(question, text)
        except AnswerError as note_error:
            screen_text(text, services.identifier_screen, "that")
            raise answer_error(note_error) from None
        meant = option_by_meaning(question.options, text) if said is None and question.type == "choice" else None
        if said is None and meant is None:  # `continue plan for now, poss …` (trial 28): an option's words, a note
            said = read_option_then_note(question, text)
        if said is None and meant is None and (kept := pasted_note.keep(services, turn, ctx, question, text)):
            return kept  # a paragraph of evidence with no yes or no (trial 54): kept for the answer typed next
        if said is None and meant is None and (asked := unsure_grade.ask(services, turn, ctx, question, text)):
            return asked  # `good-ish` at a grade (trial 54): "Did you mean Good?"
        if said is None and meant is None:
            screen_text(text, services.identifier_screen, "that")  # not an answer: a name in it is told so first
            raise answer_error(error) from None
        value, note = said if said is not None else (str(meant), None)
    if (refused := bound_refusal(ctx.checklist, ctx.answers, question, value)) is not None:
        raise UserError(refused)  # 5 late of 2 contacts sampled (trial 30)
    earlier = hedged_answer.kept_here(services, turn, ctx) if note is not None else None  # said (trial 59, F2)
    note = hedged_answer.with_kept(services, turn, ctx, note)  # a note typed after a kept one adds to it (trial 56)
    if note is None and (doubted := na_doubt.ask(services, turn, ctx, question, value)) is not None:
        return doubted  # `n/a` at "was escalation considered?" after a vague plan or a note of drift (trial 49)
    if (held := confirm_alert_first(services, turn, ctx, question, value, note)) is not None:
        return held
    replies = record_answer(services, turn, ctx, ctx.version, question, value, note=note)
    if note is not None and replies:
        replies.insert(0, with_your_note(question, value, note, earlier))
        if flagged := flagged_before_grade(ctx.checklist, ctx.answers, question.id, value):
            replies.insert(1, Reply(kind="notice", text=flagged))  # `good, <note>` in one line (trial 48)
    if replies and (too_high := too_high_notice(ctx.checklist, {**ctx.answers, question.id: Answer(value)}, question)):
        replies.insert(0, Reply(kind="notice", text=too_high))  # `change 2` lowered the sample below later counts
    if replies and note is None and question.type in SAID_BACK:
        replies.insert(0, Reply(kind="notice", text=f"Got it: **{question.answer_label(value)}**"
                                                    f"{none_said(ctx, question, value, text)}{thumb_said(text)}"
                                                    f"{month_said(question, text)}."))
    elif replies and note is None and question.type == "text":  # trial 31: a written answer was saved without a word
        replies.insert(0, Reply(kind="notice", text=f"Got it: “{shortened(value)}”."))
    return replies


def _a_question(question: Question, text: str) -> bool:
    """Whether a line that is no answer is a question for the knowledge base ("how often should I visit…", "what is
    a strategy discussion?" where a number is wanted, `…, what should i do` with no "?": trial 60, F28)."""
    return (("?" in text or looks_like_question(text) or asked_in_line(text) is Asked.SURE)
            and not starts_with_option(question, text))


def kept_before(services: Services, turn: Turn, ctx: Ctx, question: Question, text: str) -> list[Reply] | None:
    """`keep`, `same` or `as before` at a question asked again after Back: the answer and note on file are kept and
    the audit moves on (trial 55, F10); None when there is no earlier answer or the words are something else."""
    previous = ctx.answers.get(question.id)
    if previous is None or not KEEP_BEFORE.match(text) or na_doubt.asked_here(services, turn, ctx):
        return None
    replies = record_answer(services, turn, ctx, ctx.version, question, previous.value, note=previous.evidence)
    return [kept_said(question, previous), *replies] if replies else replies


def thumb_said(text: str) -> str:
    """" (I read 👍 as Yes)" after "Got it: **Yes**" when the answer was a thumb (trial 54), so a thumb pressed by
    mistake shows at once; nothing for an answer typed in words."""
    said = thumb(text)
    return "" if said is None else f" (I read {text.strip()} as {said.capitalize()})"


def month_said(question: Question, text: str) -> str:
    """" (read as the 1st: change it if you know the day)" after "Got it: **Sunday 1 March 2026**" when a date
    question was answered with a month alone (`last march`, trial 59, F14), so the made-up day is not taken as known."""
    return f" ({MONTH_READ_AS_FIRST})" if question.type == "date" and names_month_only(text) else ""


def none_said(ctx: Ctx, question: Question, value: str, text: str) -> str:
    """After "Got it: **0**", when the 0 was read from words (`no`, `none`, `never`), what it was read as, and how to
    undo it: " (none before this one). If you meant something else, type `change 9`". Trial 48 typed `no` at "How many
    times has this child been on a plan … before this one?" and was told only "Got it: 0."; a bare "no" to "how
    many" may be a slip."""
    if question.type != "number" or value != "0" or any(c.isdigit() for c in text):
        return ""
    none = "none before this one" if "before this one" in question.text.casefold() else "none"
    return f" ({none}). If you meant something else, type `change {question_label(ctx.checklist, question.id)}`"


def typed_note(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply]:
    """The note typed at "Why this grade?": `keep` keeps the one on file, `see above` takes the note above
    (bot.audits.as_above), a note starting like an answer is asked about first (bot.audits.note_check)."""
    step = ctx.step
    graded = ctx.answers.get(step.question_id or "")
    if graded is not None and graded.evidence and note_check.KEEP_WORDS.match(text):
        return save_grade_note(services, turn, ctx, graded.evidence)  # the note on file, kept after `change 9`
    if graded is not None and (changed := changed_grade(text, graded.value)) is not None:
        return regraded_at_note(services, turn, ctx, graded.value, changed)  # `actually RI not good, …`
    if graded is not None and ctx.checklist.question(step.question_id or "").type == "scale" and (
            alone := grade_alone(text, graded.value)) is not None:
        return regraded_at_note(services, turn, ctx, graded.value, (alone, None))  # `ri` (trial 56, F2)
    try:
        note = as_above.note_above(ctx, step.question_id or "") if as_above.head(text) == "" else parse_evidence(text)
    except AnswerError as error:
        screen_text(text, services.identifier_screen, "that")  # a name typed here is told so first
        raise answer_error(error) from None
    screen_text(note, services.identifier_screen, "that evidence note")
    other_case.refuse(services, ctx, note)
    if graded is not None and (word := note_check.starting_word(note)) is not None:  # trial 24
        label = ctx.checklist.question(step.question_id or "").answer_label(graded.value)
        return note_check.hold(services, turn, ctx, label, note, word)
    if (again := brief_reason.ask_note_again(services, turn, ctx, note)) is not None:  # `targeted early help`
        return again
    return save_grade_note(services, turn, ctx, note)


def read_option_then_note(question: Question, text: str) -> tuple[str, str] | None:
    """An option named by its words at the start with the note after it (bot.audits.option_start); AnswerError, as
    the question's refusal, when the note is too short."""
    try:
        return option_then_note(question, text, MIN_NOTE_WORDS)
    except AnswerError as error:
        raise answer_error(error) from None


def save_grade_note(services: Services, turn: Turn, ctx: Ctx, note: str) -> list[Reply]:
    """Store the screened `note` typed at "Why this grade?" as the grade's evidence, say it back and move on."""
    step = ctx.step
    graded = ctx.answers.get(step.question_id or "")
    answers = {**ctx.answers, **({step.question_id or "": replace(graded, evidence=note)} if graded else {})}
    move = move_after(ctx, answers, step, evidence=(step.question_id or "", note))  # this note counts as given
    question = ctx.checklist.question(step.question_id or "")
    said = [with_your_note(question, graded.value, note)] if graded else []
    return advance_and_render(services, turn, ctx, ctx.version, move, before=said)


def regraded_at_note(services: Services, turn: Turn, ctx: Ctx, given: str,
                     changed: tuple[str, str | None]) -> list[Reply]:
    """The grade changed in words at "Why this grade?" (bot.audits.grade_change_note): the new grade is stored with
    the rest as its evidence, as if answered so at the question, and the change is said first (trial 32 found it
    saved as the old grade with the change of mind as its evidence)."""
    question = ctx.checklist.question(ctx.step.question_id or "")
    value, note = changed
    dropped = ""
    try:
        note = parse_evidence(note) if note else None
    except AnswerError:  # `actually RI, ok`: the grade is taken and its evidence asked for, as after pressing it
        dropped, note = f" “{note}” is too short to keep as its evidence, so type why below.", None
    if (held := confirm_alert_first(services, turn, ctx, question, value, note)) is not None:
        return held
    replies = record_answer(services, turn, ctx, ctx.version, question, value, note=note)
    if not replies:
        return replies
    noted = f", with your note: “{' '.join(note.split())}”" if note else ""
    said = Reply(kind="notice", text=f"Changed to **{question.answer_label(value)}** (was "
                                     f"{question.answer_label(given)}){noted}.{dropped}")
    return [said, *replies]


def on_note_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Yes, save it* (or `yes`) to "That starts with “yes”: is it your reason for the grade?": the note held is
    saved as one typed at "Why this grade?" is (bot.audits.note_check)."""
    ctx, note = note_check.held(services, turn, value)
    return save_grade_note(services, turn, ctx, note)


# Typed answers said back, as a pressed button shows its own: the date understood, so "5/3" read as 5 March (not May
# 3rd) is seen at once, the option a few words picked (`social care`: "Refer to children's social care"), a yes or no
# read from another word (`yse`, `nah`) so a wrong guess shows, and a number read from words (`about 3 months`). A
# plain `yes` is said back too (trial 26 found `yes` and `about 3 months` taken without a word, where `yep …` and
# `n/a` were said back). An answer with its note is said back with the note (`with_your_note`); a grade is said back
# where its evidence note is asked.
SAID_BACK = frozenset({"date", "choice", "yes_no", "number"})
NOTE_SAID_BACK = 120  # characters of the note said back; a longer one is cut, whole in the review


def with_your_note(question: Question, value: str, note: str, earlier: str | None = None) -> Reply:
    """An answer's note said back, "Got it: **No**, with your note: “no visits for 9 weeks”.", whether it came with
    the answer or after a grade at "Why this grade?" (a trial found the grade's note taken without a word; trial 21
    found `no visits gap of 9 weeks` kept whole as the note, which reads as "no gap", seen only at the review). A note
    kept earlier for the question (`earlier`) that this one was added to is said too: trial 59 (F2) found two notes
    joined into one without a word and sent to the worker."""
    joined = (f" Your earlier note “{shortened(earlier)}” is kept; this one is added after it, so both are saved "
              "(type `change` and the question's number to put it right)." if earlier else "")
    return Reply(kind="notice", text=f"Got it: **{question.answer_label(value)}**, with your note: "
                                     f"“{shortened(note)}”.{joined}")


def shortened(note: str) -> str:
    """A note or a written answer as said back: on one line, cut at NOTE_SAID_BACK characters (whole in the
    review)."""
    return clip(note, NOTE_SAID_BACK, one_line=True)


def starts_with_option(question: Question, text: str) -> bool:
    """Whether `text` starts with one of the question's options and goes on with a note (`no - not offered, he's CIN
    so maybe not entitled?`, `No: …`, `good, but …`): that option with that note, even when it ends with `?`. A
    trial's manager typed that line at a yes/no question and it was answered as a question for the knowledge base,
    the No and its note not saved; only a line that does not start with an option is a question there."""
    if question.type == "scale":
        said = read_grade_and_note(text, letters=False)
        return said is not None and said[1] is not None
    if hedged(question, text) is not None:
        return True  # `is recorded on the file`, `can see it on file`: an answer, though its first word asks (trial 29)
    found = YES_NO_WITH_NOTE.match(text) or YES_NO_THEN_WORDS.match(text)
    if question.type != "yes_no" or found is None:
        return False
    try:
        parse_answer(question, found.group("answer"))
    except AnswerError:
        return False
    return True


def answer_with_note(question: Question, text: str) -> tuple[str, str | None] | None:
    """A yes/no answer or a grade with its evidence in one message ("yes, consent form signed on file", "good, the
    plan is reviewed monthly"): the answer and the note, or None when the text does not start with an answer followed
    by a few words. A grade given again with a new note replaces the note on file, which giving it alone keeps."""
    if question.type == "scale":
        said = read_grade_and_note(text)
        return (said[0], parse_evidence(said[1])) if said is not None and said[1] is not None else None
    if question.type == "choice":
        return option_with_note(question, text, MIN_NOTE_WORDS)  # `still continuing, core groups not happening`
    if question.type == "number":
        return number_with_note(question, text)  # `2 (one was day 5, …)`, `all 3`
    separated = YES_NO_WITH_NOTE.match(text)
    found = separated or YES_NO_THEN_WORDS.match(text)
    if question.type != "yes_no" or found is None:
        return _hedged_with_note(question, text)
    try:
        value = parse_answer(question, found.group("answer"))
    except AnswerError:
        return None
    # "no advocate offered despite being entitled": a "no" run into a noun or an adjective is part of the sentence,
    # and the note without it said the opposite ("advocate offered …", trial 17), so the note keeps it; before "not",
    # "the", "he", "because"… it is the answer alone ("no not offered yet")
    first = found.group("note").split()[0].casefold().replace("\u2019", "'")
    keeps_no = separated is None and found.group("answer").casefold() == "no" and first not in NO_ALONE_BEFORE
    kept = text.strip() if keeps_no else found.group("note")
    note = without_label(" ".join(kept.split()), "evidence")
    if not (note_long_enough(found.group("note")) or short_finding(found.group("note"), value)):
        alone, example = NOTE_EXAMPLES.get(value, (value, "what you saw on the file"))
        raise AnswerError(f"I read **{question.answer_label(value)}**, but the note after it is "
                          f"{note_refused(found.group('note'))}, so nothing was saved. To answer without a "
                          f"note, type just `{alone}`; to add one, write a few words on what you saw on the file "
                          f"after it, like `{alone}, {example}`.")
    return value, parse_text(note, "evidence note")


def _hedged_with_note(question: Question, text: str) -> tuple[str, str] | None:
    """A yes/no answer in softer words with more after them, kept whole as the note (`not really, outcomes vague`:
    No; `not due yet`: Not applicable; bot.audits.hedged_answers), when the note has a few words."""
    said = hedged(question, text)
    if said is None or said[1] is None:
        return None
    return said[0], parse_text(without_label(said[1], "evidence"), "evidence note")


# The *What good looks like* button's question, typed at a question or its evidence note: "what does good look like
# here?", "what would good look like for this question", "what good looks like", "guidance?". A trial typed it and
# got a knowledge-base search ("Did you mean… What does good case recording look like?") instead of the question's
# own guidance; trial 24 asked it in its own words ("what am i looking for here", "whats good practice for this q?")
# and got suggestions, or a place on the QA leads' unanswered list. Only these whole lines: "what does good recording
# look like" is still asked of the knowledge base.
_GUIDANCE_ASKED = (
    r"(?:(?:what|how) (?:does|would|should|do|will) good (?:practice |answers? )?look(?:s)? like"
    r"|what good (?:practice )?looks like"
    r"|what(?:'s|s| is) (?:the )?good practice"
    r"|what (?:am i|are we|should i|should we|do i|do we|would i|would we|must i) (?:be )?(?:looking|look|checking)"
    r" (?:for|at)"
    r"|(?:what(?:'s|s| is) (?:the )?|the |any )?guidance)")
_FOR_THIS_QUESTION = (r"(?:here|please|for this(?: one| q| question| answer)?|on this(?: one| q| question)?"
                      r"|in this(?: one| q| question)?|for (?:this|that|the) (?:q|question))")
GUIDANCE_WORDS = re.compile(
    r"^\s*(?:(?:so|and|ok|okay|but|sorry|hmm+)[,\s]+)?(?:(?:show|tell|give) me |can i see |can you show me )?"
    rf"{_GUIDANCE_ASKED}(?:\s+{_FOR_THIS_QUESTION})*\s*[?.!]*\s*$", re.IGNORECASE)


def asks_for_guidance(text: str) -> bool:
    """Whether typed text asks for the question's own *What good looks like*, as pressing the button does, or asks
    what the question means (bot.audits.meaning_asked)."""
    return GUIDANCE_WORDS.match(text.replace("\u2019", "'")) is not None or asks_what_it_means(text)


def on_guidance(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, _version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if ctx.step.name not in ("question", "evidence"):
        raise UserError("That guidance was for an earlier question.")
    return guidance(services, ctx)


def guidance(services: Services, ctx: Ctx) -> list[Reply]:
    """The guidance of the question `ctx` stands at (or whose note it waits for), then the question again: pressed
    as *What good looks like*, or asked for in words (`asks_for_guidance`)."""
    question = ctx.checklist.question(ctx.step.question_id or "")
    shown = Reply(title="What good looks like", text=guidance_text(services, question))
    return [shown, *step_reminder.step_again(services, ctx)]  # the question again, its options the latest


def go_back(services: Services, turn: Turn, ctx: Ctx, version: int, press: str = "back") -> list[Reply]:
    if is_duplicate(ctx, version, press):
        return []
    came_from = _jumped_from(ctx)
    if came_from is not None:  # `back` at the question `change 15` jumped to: where it was typed, not question 14
        return advance_and_render(services, turn, ctx, version, store.Move(
            step=came_from.key, press=press, state={"return_to": None, "changed": None}))
    target = previous_step(ctx.checklist, ctx.answers, ctx.step)
    if target is None:
        raise UserError(f"There is nothing before this step: the audit is of {ctx.audit.case_ref}. If that case "
                        "reference is wrong, type `change case ref` and the right one, like `change case ref "
                        "CR-123456`.")
    return advance_and_render(services, turn, ctx, version, store.Move(step=target.key, press=press))


def _jumped_from(ctx: Ctx) -> Step | None:
    """The step a `change N` was typed at, when the audit stands at the question it jumped to (trial 18: `back` there
    went to the question before it, and `next` was refused there for want of a grade); else None."""
    changed = ctx.audit.state.get("changed")
    if not revisiting(ctx) or ctx.step.name != "question" or changed != ctx.step.question_id:
        return None
    return Step(ctx.audit.state.get("return_to") or "review")


def step_after(ctx: Ctx, answers: Mapping[str, Answer], step: Step) -> Step:
    """Where the audit goes once `step` is answered (with `answers`) or skipped: on through the questions, or, after
    a jump from the review (`change 3`), back to it once the follow-ups the change brought in are asked."""
    if step.name in ("question", "evidence") and (over := over_bound(ctx.checklist, answers)):
        return Step("question", over[0].id)  # a lowered sample leaves later counts above it: asked again
    asked = ctx.audit.state.get("asked")
    following = next_step(ctx.checklist, answers, step, revisiting=revisiting(ctx), asked=asked)
    back_to = ctx.audit.state.get("return_to")  # `change 9` typed at the actions or submit step: back there
    if following.name != "review" or back_to not in CHANGE_FROM[1:]:
        return answer_resume.resume_step(ctx, answers, following)  # `change q3` typed at question 9: back there
    return Step("grade_reason") if grade_unexplained(ctx, answers) else Step(back_to)


def grade_unexplained(ctx: Ctx, answers: Mapping[str, Answer]) -> bool:
    """Whether the overall grade, given before a `change 9` typed at the actions or submit step, now differs from the
    grade the changed answers suggest, with no reason given: it is asked for one, as a grade chosen that way at the
    overall grade is (a Good left beside a suggested Requires improvement went for moderation unexplained)."""
    grade, suggested = ctx.audit.overall_grade, suggest_grade(ctx.checklist, answers)
    return bool(grade) and suggested is not None and grade != suggested and not ctx.audit.reason_for(grade)


def suggestion_now(ctx: Ctx, answers: Mapping[str, Answer], following: Step) -> dict[str, str | None]:
    """The suggested grade, stored again when a changed answer goes back past the review (to the reason, the actions
    or the submit step), so the audit never shows the suggestion of answers it no longer has."""
    past_review = following.name not in ("question", "evidence", "review")
    return {"suggested_grade": suggest_grade(ctx.checklist, answers)} if past_review else {}


def move_after(ctx: Ctx, answers: Mapping[str, Answer], step: Step, fields: Mapping[str, Any] | None = None,
               **written: Any) -> store.Move:
    """The move once `step` is answered or skipped (`written`: what it stores), to `step_after`'s step, with the
    suggested grade stored again when it goes past the review (`suggestion_now`). Going back to the actions or
    submit step uses up the `change 9` typed there: without it, an answer changed later from the review (`back`
    to a question) went to the actions step again, not the review."""
    following = step_after(ctx, answers, step)
    used_up = {"return_to": None} if following.name in CHANGE_FROM[1:] else {}
    used_up |= answer_resume.used_up(ctx, following)
    return store.Move(step=following.key, state=used_up or None,
                      fields={**(fields or {}), **suggestion_now(ctx, answers, following)}, **written)


def revisiting(ctx: Ctx) -> bool:
    """True once the auditor has jumped from the review to change an answer: answering returns to the review."""
    return bool(ctx.audit.state.get("revisiting"))


# `change 3`, `change question 2a`, `go to q3`: jump to an answer from a step that lists them (CHANGE_FROM)
CHANGE_WORDS = re.compile(r"^\s*(?:change|go to|edit)\s+(?:question\s+|q)?#?(\d{1,4}[a-z]{0,2})\s*$", re.IGNORECASE)
# The steps that show the numbered answers, or follow them: the overall grade comes straight after the review (trial 17
# typed `change 5` there, and was told to choose a grade)
CHANGE_FROM = ("review", "overall_grade", "actions", "submit")


def change_from_review(services: Services, turn: Turn, ctx: Ctx, label: str) -> list[Reply]:
    """`change 3` (or `change 2a`, a follow-up) at the review: straight to that question, and back to the review
    once it is answered and any follow-up the new answer brings in is asked (the questions the review showed are
    kept as `asked`, so an optional follow-up skipped before is not asked again). Typed at the actions step or at
    "Ready to submit?", which lists the numbered answers, or at the overall grade just after the review, it comes
    back there instead (trial 13 found `change 9` refused at the one and stored as an action at the other)."""
    if ctx.step.name not in CHANGE_FROM:
        raise UserError("You can jump to a question from the review of all answers. Type `back` to go back one.")
    question = question_by_label(ctx.checklist, ctx.answers, label)
    if question is None:
        raise UserError(f"There is no question {label} in this audit: {labels_hint(ctx.checklist, ctx.answers)}. "
                        "Type `change` and one of those numbers, for example `change 2`.")
    asked = [q.id for q in visible_questions(ctx.checklist, ctx.answers)]  # a follow-up not among them is new
    back_to = None if ctx.step.name == "review" else ctx.step.name
    move = store.Move(step=Step("question", question.id).key,
                      state={"revisiting": True, "asked": asked, "return_to": back_to, "changed": question.id},
                      press=f"change:{label.lower()}")
    return advance_and_render(services, turn, ctx, ctx.version, move)


def on_back(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, _ = split_value(value)
    return go_back(services, turn, own_draft(services, turn, audit_id), version)
