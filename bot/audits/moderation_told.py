"""The first line the auditor reads of a moderation decision: "Your audit #5 has been moderated: …", or, when its
moderator re-opened it to change it (bot.audits.moderation_change), "Your audit #5 has been re-moderated: QA lead
changed the grade from Requires improvement to be good to Good, where your grade was Outstanding" (trial 62 F17: it
read "changed their decision from Disagree (Requires improvement to be good) to Disagree (Good)", the buttons' words).

Trial 28: after `change moderation 5` the auditor got a plain "Your audit #5 has been moderated", with no word that
the decision they had been told of before was replaced. The reason after it is the new decision's.

The worker whose case it is (and their managers) read the same change in everyday words (trial 30: they were told
only "has been moderated", as if it were the first decision): "Audit #5 of your case has been re-moderated: QA lead
changed the grade from **Inadequate** to **Good**, agreeing with the auditor's grade now".
"""

from __future__ import annotations

from typing import Any

from bot.audits.core import grade_label


def auditor_heading(moderator: str, audit_id: int, auditors_grade: str | None, state: dict[str, Any],
                    earlier: dict[str, Any] | None) -> str:
    """What the auditor is told the decision (`state`: agrees, grade) is, by `moderator` (their label); `earlier` is
    the decision it replaces, when the moderation was re-opened to change it."""
    agrees, grade = bool(state["agrees"]), str(state["grade"])
    if earlier is not None:
        change = _regraded(moderator, state, earlier, auditors_grade, "agreeing with your grade now",
                           f"where your grade was **{grade_label(auditors_grade)}**")
        return f"Your audit #{audit_id} has been re-moderated: {change}"
    if agrees:
        verdict = f"{moderator} agreed with your grade (**{grade_label(grade)}**)"
    else:
        verdict = (f"{moderator} graded it **{grade_label(grade)}**, where your grade was "
                   f"**{grade_label(auditors_grade)}**")
    return f"Your audit #{audit_id} has been moderated: {verdict}"


def _regraded(moderator: str, state: dict[str, Any], earlier: dict[str, Any], auditors_grade: str | None,
              agreeing: str, disagreeing: str) -> str:
    """A changed moderation in plain words, the grade it had and has (never the buttons' Agree and Disagree), with
    `agreeing` or `disagreeing` after it, as the one told reads the auditor's grade; kept, said so."""
    agrees, grade = bool(state["agrees"]), grade_label(str(state["grade"]))
    was = grade_label(earlier.get("grade") or auditors_grade)
    if was == grade and bool(earlier.get("agrees")) == agrees:
        return f"{moderator} kept their decision, **{grade}**, with a new reason"
    return f"{moderator} changed the grade from **{was}** to **{grade}**, {agreeing if agrees else disagreeing}"


def worker_verdict(moderator: str, state: dict[str, Any], earlier: dict[str, Any] | None,
                   auditors_grade: str | None) -> tuple[str, str]:
    """("moderated" or "re-moderated", what `moderator` decided) for those told of the outcome but not the auditor:
    the worker and their managers, who never saw the Agree and Disagree buttons, so the grade is said plainly and,
    after a change, what it was before."""
    agrees, grade = bool(state["agrees"]), grade_label(str(state["grade"]))
    if earlier is None:
        return "moderated", (f"{moderator} agreed with the grade (**{grade}**)" if agrees
                             else f"{moderator} graded it **{grade}**")
    return "re-moderated", _regraded(moderator, state, earlier, auditors_grade, "agreeing with the auditor's grade now",
                                     f"where the auditor graded it **{grade_label(auditors_grade)}**")
