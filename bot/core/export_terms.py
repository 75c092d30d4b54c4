"""What every way into the export says about it, in one place: who may export, what the file holds and that its free
text was screened, with or without case references. The command line (`audit-bot export`) and the chat (`export`,
`can i export this for ofsted`) both say these words, so a head of service reads the same account wherever they ask
(fix 41: the chat's and the command line's accounts differed)."""

from __future__ import annotations

import re

WHO = "managers (their own teams), QA leads and admins"
WHO_MAY = f"the export is for {WHO}"
# what anyone else is told, whichever way they ask (`/audit export`, `export`, `can i export this for ofsted`)
REFUSED = (f"Only some roles can have the audits as a file: {WHO_MAY}. Ask your team manager or a QA lead for the "
           "figures you need; `/audit list` shows the audits you may read.")
# "export without case refs", "no case references", "leave out the case refs", "anonymised", "--no-case-refs"
WITHOUT_REFS_ASKED = re.compile(r"\b(?:without|no|leav\w*\s+out|excluding|minus|strip\w*|remov\w*|drop\w*)\s+"
                                r"(?:the\s+|any\s+)?case[\s-]*(?:ref\w*|numbers?|ids?)\b|\banonymi[sz]\w*|"
                                r"--no-case-refs", re.IGNORECASE)
SCREENED = ("Its free text (reasons, strengths, areas for development, actions, reflections and evidence notes) was "
            "screened for children's names and details when it was typed.")
_WITH_REFS = ("With case references and the free text, for use within the service only; {leave_out} leaves them out "
              "for sharing beyond it.")
WITH_REFS = _WITH_REFS.format(leave_out="`--no-case-refs`")
IN_CHAT = "`/audit export without case refs`"  # the chat's way to leave them out
WITHOUT_REFS = ("Without case references, for sharing beyond the service: no case reference column and no free text "
                "(reasons, strengths, areas for development, actions, reflections, evidence notes or the answers "
                "typed to text questions, each of which reads “[text answer left out]”).")
SUMMARY = ("Beside it, a summary sheet (`…-summary.csv`) gives the figures by team and month, as the digest counts "
           "them: audits against target, grades, moderation agreement, actions open, overdue and done, and "
           "re-audits.")


def chosen(without_refs: bool, leave_out: str = "`--no-case-refs`") -> str:
    """The sentence saying which export was chosen, and, with case references, that its free text was screened;
    `leave_out` names the way to leave them out where it is asked (the command line's option, or IN_CHAT)."""
    return WITHOUT_REFS if without_refs else f"{_WITH_REFS.format(leave_out=leave_out)} {SCREENED}"
