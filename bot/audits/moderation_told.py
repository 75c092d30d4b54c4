"""The first line the auditor reads of a moderation decision: "Your audit #5 has been moderated: …", or, when its
moderator re-opened it to change it (bot.audits.moderation_change), "Your audit #5 has been re-moderated: QA lead
changed their decision from Agree (Requires improvement to be good) to Disagree (Good)".

Trial 28: after `change moderation 5` the auditor got a plain "Your audit #5 has been moderated", with no word that
the decision they had been told of before was replaced. The reason after it is the new decision's.

The worker whose case it is (and their managers) read the same change in everyday words (trial 30: they were told
only "has been moderated", as if it were the first decision): "Audit #5 of your case has been re-moderated: QA lead
changed the grade from **Inadequate** to **Good**, agreeing with the auditor's grade now".
"""

from __future__ import annotations

from typing import Any

from bot.audits.core import grade_label


def _decision(agrees: bool, grade: str | None) -> str:
    """"Agree (**Good**)" or "Disagree (**Inadequate**)": a decision as its buttons name it, with the grade it gave."""
    return f"{'Agree' if agrees else 'Disagree'} (**{grade_label(grade)}**)"


def auditor_heading(moderator: str, audit_id: int, auditors_grade: str | None, state: dict[str, Any],
                    earlier: dict[str, Any] | None) -> str:
    """What the auditor is told the decision (`state`: agrees, grade) is, by `moderator` (their label); `earlier` is
    the decision it replaces, when the moderation was re-opened to change it."""
    agrees, grade = bool(state["agrees"]), str(state["grade"])
    if earlier is not None:
        was, now = _decision(bool(earlier.get("agrees")), earlier.get("grade")), _decision(agrees, grade)
        change = (f"kept their decision, {now}, with a new reason" if was == now else
                  f"changed their decision from {was} to {now}")
        return f"Your audit #{audit_id} has been re-moderated: {moderator} {change}"
    if agrees:
        verdict = f"{moderator} agreed with your grade (**{grade_label(grade)}**)"
    else:
        verdict = (f"{moderator} graded it **{grade_label(grade)}**, where your grade was "
                   f"**{grade_label(auditors_grade)}**")
    return f"Your audit #{audit_id} has been moderated: {verdict}"


def worker_verdict(moderator: str, state: dict[str, Any], earlier: dict[str, Any] | None,
                   auditors_grade: str | None) -> tuple[str, str]:
    """("moderated" or "re-moderated", what `moderator` decided) for those told of the outcome but not the auditor:
    the worker and their managers, who never saw the Agree and Disagree buttons, so the grade is said plainly and,
    after a change, what it was before."""
    agrees, grade = bool(state["agrees"]), grade_label(str(state["grade"]))
    if earlier is None:
        return "moderated", (f"{moderator} agreed with the grade (**{grade}**)" if agrees
                             else f"{moderator} graded it **{grade}**")
    was = grade_label(earlier.get("grade") or auditors_grade)
    if was == grade and bool(earlier.get("agrees")) == agrees:
        return "re-moderated", f"{moderator} kept their decision, **{grade}**, with a new reason"
    stance = ("agreeing with the auditor's grade now" if agrees
              else f"where the auditor graded it **{grade_label(auditors_grade)}**")
    return "re-moderated", f"{moderator} changed the grade from **{was}** to **{grade}**, {stance}"
