""""can i export this for ofsted" (trial 40): a leader asking for the audits as a file.

The knowledge base answered "Not from Slack… ask whoever runs the bot on the council's server", which left a head of
service before an inspection with neither the command to hand on nor what the file would hold; fix 41 gave them the
`audit-bot export` command to hand on. Now (fix43b) the words do what `/audit export` does (bot.digests.export_sent):
a manager (their own teams), QA lead or admin gets the audits and the summary sheet as files in their DM, from the
start of this quarter, with case references or, asked `export without case refs`, without (the command line's
`--no-case-refs`), followed by the summaries an inspector asks for that the chat gives at once. Anyone else is told,
in one message, who may export, in the words `/audit export` and the command line use (bot.core.export_terms).
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.core.export_request import read_request
from bot.core.export_teams import names_teams
from bot.core.export_terms import REFUSED, WITHOUT_REFS_ASKED
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.teams import team_matches, team_names
from bot.engine.routing import Engine, Turn
from bot.errors import UserError

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
# "can i export this for ofsted", "download the audits to excel", "audits as a spreadsheet for the inspection"
# (a spreadsheet only as what the audits are wanted in: "the school sent a spreadsheet" is no request)
EXPORT = re.compile(r"\b(?:export\w*|download\w*)\b|"
                    r"\b(?:in|into|as|to|on)\s+(?:an?\s+)?(?:spreadsheets?|csv|excel)\b|"
                    r"\b(?:spreadsheets?|csv|excel)\s+(?:file\s+)?(?:of|with|for)\b")
WITHOUT_REFS = WITHOUT_REFS_ASKED  # the words that ask for the export to share beyond the service
# `export since 1/9/2026 without case refs`: the command's own words, typed without `/audit`
COMMAND_TYPED = re.compile(r"^\s*export\s+(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
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
    """The export for whoever may export, as `/audit export` gives it, then the chat's summaries; for anyone else,
    who may export; None for other text."""
    command = engine.commands.get("export")
    if not asked(text) or turn.person is None or command is None:
        return None
    if not command.allowed(turn.person):
        if not AUDITS_OUT.search(plainly(text) or ""):  # "where do i download the practice guide": the knowledge base
            return None
        return [Reply(kind="error", text=REFUSED)]
    sent = engine.dispatch_command(turn, "export", _as_command(services, command.typed, text))
    return sent if any(reply.kind == "error" for reply in sent) else [*sent, Reply(text=SUMMARIES)]


def _as_command(services: Services, typed: re.Pattern[str] | None, text: str) -> str:
    """What follows `export` as the command reads it: its own words when typed so (`export since 1/9/2026`, `export
    south team`) or when they name a team (`export south`: fix44f, a North manager got North's file), else only
    whether the case references are left out."""
    own = COMMAND_TYPED.match(text.strip())
    rest = own.group("rest").strip() if own is not None else ""
    if rest and ((typed is not None and typed.fullmatch(rest)) or team_matches(team_names(services.directory), rest)
                 or _teams_typed(services, rest)):
        return rest
    return "without case refs" if WITHOUT_REFS.search(plainly(text) or text) else ""


def _teams_typed(services: Services, rest: str) -> bool:
    """`export south north`, `export since 1/9/2026 north and south`: teams (with a start day or not) and no other
    words, read as the command reads them."""
    try:
        team = read_request(rest).team
    except UserError:
        return False
    return team is not None and names_teams(services, team)


def install(engine: Engine, services: Services) -> None:
    """Register the export asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: answered(services, engine, turn, text), priority=PRIORITY)
