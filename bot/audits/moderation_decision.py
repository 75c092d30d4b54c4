"""Agree / Disagree as a step the moderator is at: what they type there is the moderation's, not their draft's.

Opening an audit for moderation (`/audit moderate 12`, Open, Continue, Take over, or `back` from the grade) shows the
audit with *Agree* and *Disagree*, and the bot now waits there (`moderation_decision`), as it does at the grade and
the reason after it. Before, it did not: a moderator with a draft of their own in progress who typed `disagree`, or in
Slack the `2` of the second option, had it read as an answer to the draft's question (a review: a `2` meant as
Disagree was taken for the draft's answer). Here `1` and `2` are the options in the order shown, and `yes` and `no`
answer "Do you agree with the overall grade?"; `agree`, `disagree` and a decision with its reason on one line go on
to the moderation's own typed handlers (bot.audits.moderation), no longer claimed by the draft. The draft waits
where it was, for `/audit resume`.
"""

from __future__ import annotations

import re

from bot.audits import moderation, moderation_unchanged
from bot.audits.core import grade_label
from bot.audits.decision_words import kept_decision, without_hedge
from bot.audits.grade_words import read_grade_and_note
from bot.audits.yes_no_words import yes_or_no
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

OPTION_NUMBER = re.compile(r"^\s*#?(\d{1,3})\s*[.)]?\s*$")
WORDS = {"1": "agree", "2": "disagree", "yes": "agree", "no": "disagree"}  # as Agree, Disagree are shown


def typed(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply] | None:
    """A number or yes / no typed at Agree / Disagree: that option of the audit on screen (see the module). Anything
    else is left to the handlers after the conversation: `agree` and `disagree` (typed_decision, which asks which
    audit when several are held), a decision with its reason on one line, `more` under the queue, a question. A
    decision with a hedge before it (`actually agree`) and `keep it as RI` are read here (`_changed_mind`)."""
    if (changed := _changed_mind(services, turn, audit_id, text)) is not None:
        return changed
    number = OPTION_NUMBER.match(text)
    said = (number.group(1) if number else None) or yes_or_no(text)
    if said is None:
        return None
    word = WORDS.get(said.lstrip("0") or said)
    if word is None:
        raise UserError(_options_said(services, audit_id, f"There is no option {said} here."))
    return _decide(services, turn, audit_id, word)


def _changed_mind(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply] | None:
    """Trial 27, at a re-opened decision: `actually agree` (a decision after a hedge) is that decision, and `keep it as
    RI` (or `keep my decision`) keeps the earlier decision as it was (bot.audits.moderation_unchanged); both went to
    the knowledge base. A grade named to keep that is not the earlier decision's is agreeing when it is the auditor's
    grade, else disagreeing with that grade, whose reason is asked. None for other text."""
    unhedged = without_hedge(text)
    if unhedged is not None and (decided := moderation.as_decision(unhedged)) is not None:
        return moderation.typed_decision(services, turn, decided)
    if unhedged is not None and (whole := moderation.typed_in_one_line(services, turn, unhedged)) is not None:
        return whole
    named = kept_decision(text)
    if named is None:
        return None
    if (unchanged := moderation_unchanged.kept(services, turn, audit_id, text)) is not None:
        return unchanged
    said = read_grade_and_note(named) if named else None
    audit = store.get_audit(services.storage, audit_id)
    if said is None or audit is None:
        raise UserError(_options_said(services, audit_id, "There is no decision of yours on it to keep yet."))
    if said[0] == audit.overall_grade:
        return _decide(services, turn, audit_id, "agree")
    asked = moderation.on_disagree(services, turn, str(audit_id))
    return moderation.typed_grade(services, turn, audit_id, named) or asked


def _decide(services: Services, turn: Turn, audit_id: int, word: str) -> list[Reply]:
    decide = moderation.on_agree if word == "agree" else moderation.on_disagree
    return decide(services, turn, str(audit_id))


def _options_said(services: Services, audit_id: int, lead: str) -> str:
    audit = store.get_audit(services.storage, audit_id)
    grade = grade_label(audit.overall_grade) if audit is not None else "the auditor's grade"
    return (f"{lead} You are moderating audit #{audit_id}: do you agree with its overall grade, {grade}? Type `agree` "
            "(1) or `disagree` (2), or press a button; `pause` leaves it for later.")
