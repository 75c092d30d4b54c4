""""can i export this for ofsted" (trial 40): a leader asking for the audits as a file.

The knowledge base answered "Not from Slack… ask whoever runs the bot on the council's server", which left a head of
service before an inspection with neither the command to hand on nor what the file would hold. No file of audits is
ever posted in Slack (it holds case references and practice detail); for a reader of the digest (a manager, QA lead
or admin) the answer says what the export holds, the exact command whoever runs the bot types for them (from the
start of this quarter, as them, so their role applies), and the summaries an inspector asks for that the chat gives
at once. It says which export the command gives: with case references for use within the service, or, asked
`export without case refs`, with `--no-case-refs` for sharing beyond it (fix 41), in the command line's words
(bot.core.export_terms). Anyone else is told, in one message, who may export, as the command line tells them.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.core.export_terms import SUMMARY, WHO_MAY, chosen
from bot.core.periods import read_period
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.people import Role

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
# "can i export this for ofsted", "download the audits to excel", "audits as a spreadsheet for the inspection"
# (a spreadsheet only as what the audits are wanted in: "the school sent a spreadsheet" is no request)
EXPORT = re.compile(r"\b(?:export\w*|download\w*)\b|"
                    r"\b(?:in|into|as|to|on)\s+(?:an?\s+)?(?:spreadsheets?|csv|excel)\b|"
                    r"\b(?:spreadsheets?|csv|excel)\s+(?:file\s+)?(?:of|with|for)\b")
HOLDS = ("It holds every submitted audit from that date, one row per answer: checklist, auditor, worker and team; "
         "each answer; the auditor's grade, the moderator's and the grade of record; and how many of its actions are "
         "open and done (`--format json` gives one record per audit instead). ")
WITH_REFS_HELD = ("Every row carries the case reference, with each answer's evidence note, the strengths, areas for "
                  "development, the actions (owner, due date, open or done) and the worker's reflections. ")
KEPT = ("The file is readable only by whoever writes it, the export goes in the audit trail, and it belongs on secure "
        "council storage, never in Slack.")
# "export without case refs", "no case references", "leave out the case refs", "anonymised", "--no-case-refs"
WITHOUT_REFS = re.compile(r"\b(?:without|no|leav\w*\s+out|excluding|minus|strip\w*|remov\w*|drop\w*)\s+"
                          r"(?:the\s+|any\s+)?case[\s-]*(?:ref\w*|numbers?|ids?)\b|\banonymi[sz]\w*|--no-case-refs",
                          re.IGNORECASE)
# what makes the words a request for the audits as a file when a practitioner types them
AUDITS_OUT = re.compile(r"\bexport\w*|\baudits?\b", re.IGNORECASE)
SUMMARIES = ("What an inspector usually asks for first is in the chat now:\n"
             "• `digest this quarter`: audits against target, grades of record against the quarter before, moderation "
             "agreement, overdue actions and the weakest questions, team by team\n"
             "• `areas this quarter`: grades by practice area, the weakest first\n"
             "• `reaudits outcomes`: whether practice improved when cases were audited again\n"
             "• `themes this quarter`: the questions most often answered badly")


def asked(text: str) -> bool:
    """Whether a short line asks for the audits as a file (export, download, a spreadsheet)."""
    said = plainly(text)
    return bool(said) and len(said.split()) <= 16 and EXPORT.search(said) is not None


def answered(services: Services, engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """The export for a digest reader, in words and as the command to hand on; for anyone else, who may export (the
    command line's words); None for other text."""
    if not asked(text) or turn.person is None:
        return None
    digest = engine.commands.get("digest")
    if digest is None or not digest.allowed(turn.person):
        if not AUDITS_OUT.search(plainly(text) or ""):  # "where do i download the practice guide": the knowledge base
            return None
        return [Reply(kind="error", text=f"You're a {turn.person.role.value}, and {WHO_MAY}: no file of audits is "
                                         "posted in Slack. Ask your team manager or a QA lead for the figures you "
                                         "need; `/audit list` shows the audits you may read.")]
    return [Reply(text=_export_said(services, turn, WITHOUT_REFS.search(plainly(text) or text) is not None))]


def _export_said(services: Services, turn: Turn, without_refs: bool) -> str:
    """The command to hand on, which export it is (with or without case references), what it holds and the chat's
    summaries."""
    assert turn.person is not None
    today = services.local_now().date()
    quarter = read_period("this quarter", today)
    since = quarter.start if quarter is not None else today.replace(day=1)
    label = quarter.label if quarter is not None else "this month"
    whose = ("your own teams' audits (a manager's export has only those)" if turn.person.role is Role.MANAGER
             else "every team's audits")
    shared = " --no-case-refs" if without_refs else ""
    command = (f"audit-bot export --as {turn.user_id} --format csv --since {since.isoformat()}{shared} "
               f"--output audits-{since.isoformat()}.csv")
    held = HOLDS + ("" if without_refs else WITH_REFS_HELD)
    return (f"No file of audits is posted in Slack. Whoever runs the bot on the council's server (an admin or the "
            f"IT team looking after it) exports {whose} since the start of {label} with:\n`{command}`\n"
            f"(`--team south` for one team, another `--since` date for a longer span.) {chosen(without_refs)} "
            f"{held}{SUMMARY} {KEPT}\n\n{SUMMARIES}")


def install(engine: Engine, services: Services) -> None:
    """Register the export asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: answered(services, engine, turn, text), priority=PRIORITY)
