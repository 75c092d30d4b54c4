"""What every way into the export says about it, in one place: who may export, what the file holds and that its free
text was screened, with or without case references. The command line (`audit-bot export`) and the chat (`export`,
`can i export this for ofsted`) both say these words, so a head of service reads the same account wherever they ask
(fix 41: the chat's and the command line's accounts differed)."""

from __future__ import annotations

WHO_MAY = "the export is for managers (their own teams), QA leads and admins"
SCREENED = ("Its free text (reasons, strengths, areas for development, actions, reflections and evidence notes) was "
            "screened for children's names and details when it was typed.")
WITH_REFS = ("With case references and the free text, for use within the service only; `--no-case-refs` leaves them "
             "out for sharing beyond it.")
WITHOUT_REFS = ("Without case references, for sharing beyond the service: no case reference column and no free text "
                "(reasons, strengths, areas for development, actions, reflections or evidence notes).")
SUMMARY = ("Beside it, a summary sheet (`…-summary.csv`) gives the figures by team and month, as the digest counts "
           "them: audits against target, grades, moderation agreement, actions open, overdue and done, and "
           "re-audits.")


def chosen(without_refs: bool) -> str:
    """The sentence saying which export was chosen, and, with case references, that its free text was screened."""
    return WITHOUT_REFS if without_refs else f"{WITH_REFS} {SCREENED}"
