"""`/audit export [since <date>] [without case refs]`: the audits as spreadsheets, sent to the person's DM.

Leaders asked in words (`can i export this for ofsted`) and were given the `audit-bot export` command to hand to
whoever runs the bot (fix43b). Now a manager (their own teams), QA lead or admin asking gets the export itself: the
audits, one row per answer, and the summary sheet, the same content `audit-bot export --as <them> --format csv
--since <date> --output …` writes (bot.digests.export_rows, bot.digests.export_summary), as two files in their DM
(the app's `files:write` scope; in the terminal chat, files beside the database readable by their owner only). From
the start of this quarter unless `since <date>` says otherwise; `without case refs` gives the `--no-case-refs` file.
The export is in the audit trail as the command line's is (action `export`). Anyone else is told who may export, in
the one wording every way in uses (bot.core.export_terms). Slack has its answer before the work starts (the slash
command is acknowledged first: handlers.commands).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from bot.core import policy
from bot.core.export_request import TYPED, USAGE, Request, read_request
from bot.core.export_teams import typed_teams
from bot.core.export_terms import IN_CHAT, REFUSED, WHO, chosen
from bot.core.periods import read_period, read_since
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.digests.export_receipt import ExportReceipt
from bot.digests.export_rows import export_audits, write_csv
from bot.digests.export_summary import summary_rows, write_summary
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.settings.people import Person, Role
from knowledge.dates import DateError, long_date, parse_day

EXPORTERS = (Role.MANAGER, Role.QA_LEAD, Role.ADMIN)
SUMMARY_SAID = ("The summary sheet: audits against target, grades of record, moderation agreement, actions open, "
                "overdue and done, and re-audits, by team and month, counted as the digest counts them (figures only).")
IN_CHANNEL = ("The export holds case references and practice detail, so I've sent it to our direct messages, not "
              "here.")
KEPT = {"slack": "Slack keeps the files in this direct message until you delete them: download them to secure council "
                 "storage, then delete them here.",
        "terminal": "Keep them on secure council storage."}


def first_day(typed: str | None, today: date) -> tuple[date, str]:
    """The export's first day and how the reply names it: this quarter's start unless a day is typed, read as every
    date is (`1/9/2026`, `1 September`, `since september`); a day to come is refused, as the command line does."""
    if typed is None:
        quarter = read_period("this quarter", today)
        start = quarter.start if quarter is not None else today.replace(day=1)
        return start, f"the start of {quarter.label}" if quarter is not None else long_date(start)
    month = read_since(f"since {typed}", today)
    if month is not None:
        return month.start, long_date(month.start)
    try:
        day = parse_day(typed, today, "past")
    except DateError as error:
        raise UserError(f"`/audit export since …`: {error}") from None
    if day > today:
        raise UserError(f"{long_date(day)} is in the future (today is {long_date(today)}), so no audit was submitted "
                        "on or after it yet. Give today or an earlier date.")
    return day, long_date(day)


def exported_teams(services: Services, person: Person, typed: str | None = None, then: str = "") -> list[str] | None:
    """Whose audits: every team for QA leads and admins (None), a manager's own teams, as the command line gives;
    a team typed, that team only, once it is one the person may export (else one message naming those they may)."""
    managed = None if policy.sees_every_team(person) else services.directory.managed_team_ids(person.user_id)
    if typed is not None and (managed is None or managed):
        return typed_teams(services, managed, typed, then)
    if managed is None:
        return None
    if not managed:
        raise UserError("As a manager you get the export of your own teams' audits, and teams.yaml lists no team you "
                        "manage yet: ask a QA lead or an admin to export the audits you need.")
    return managed


def export(services: Services, turn: Turn, text: str) -> list[Reply]:
    """The audits and the summary sheet as two files for the person asking, recorded in the trail: at once in the
    terminal chat, which writes them itself; in Slack once they have arrived (bot.digests.export_receipt)."""
    request = read_request(text)
    since, named = first_day(request.since, services.local_now().date())
    teams = exported_teams(services, turn.person, request.team, _rest(request))
    items = export_audits(services, since.isoformat(), teams)
    if not items:
        return [Reply(text=f"No audit {_of_whom(services, teams, request)}was submitted since {named}, so there "
                           "is no file to send. `/audit export since <an earlier date>` reaches further back.")]
    if turn.surface != "terminal" and not services.settings.export_files_in_slack:
        whose = _whose(services, teams, request)
        return [Reply(text=handed_on(services, turn, since, named, teams, request.without_refs, whose))]
    sharing = services.settings.case_reference_pattern if request.without_refs else None
    audits_out, summary_out = io.StringIO(newline=""), io.StringIO(newline="")
    rows = write_csv(items, audits_out, sharing)
    write_summary(summary_rows(services, since, teams), summary_out)
    name = file_stem(services, teams, since, turn, request.without_refs)
    demo = sum(1 for item in items if item["audit"].get("demo"))
    invented = f" ({count_of(demo, 'invented demo audit')}, marked in the `demo` column)" if demo else ""
    said = (f"**Your export:** {_whose(services, teams, request)} submitted since {named}, "
            f"{count_of(rows, 'row', grouped=True)} (one per answer) from {count_of(len(items), 'audit', grouped=True)}"
            f"{invented}. {chosen(request.without_refs, IN_CHAT)} The export is recorded in the audit trail. "
            f"{KEPT['terminal' if turn.surface == 'terminal' else 'slack']}")
    receipt = ExportReceipt(services.storage, turn.user_id, turn.now, _trailed(since, teams, items, demo, name,
                                                                               request, turn),
                            (f"{name}.csv", f"{name}-summary.csv"),
                            _command(services, turn, since, teams, request.without_refs), _to_dm(turn))
    if turn.surface == "terminal":
        receipt.delivered()
    return _sent(turn, receipt if turn.surface != "terminal" else None,
                 (f"{name}.csv", audits_out.getvalue(), f"Audits since {long_date(since)}", said),
                 (f"{name}-summary.csv", summary_out.getvalue(), "Summary sheet", SUMMARY_SAID))


def file_stem(services: Services, teams: list[str] | None, since: date, turn: Turn, without_refs: bool) -> str:
    """The files' name, so no export replaces another (trial 46: two exports on one day both wrote
    `audits-2026-09-01.csv`): whose, from when and the minute it was made, like
    `audits-north-assessment-since-2026-09-01-20261206-1412`."""
    whose = "-".join(teams) if teams is not None else "all-teams"
    made = turn.now.astimezone(services.settings.timezone).strftime("%Y%m%d-%H%M")
    return f"audits-{whose}-since-{since.isoformat()}-{made}{'-no-case-refs' if without_refs else ''}"


def _rest(request: Request) -> str:
    """What was typed beside the teams, for the command a refusal offers (` since 1/9/2026 without case refs`)."""
    since = f" since {request.since}" if request.since is not None else ""
    return since + (" without case refs" if request.without_refs else "")


def _whose(services: Services, teams: list[str] | None, request: Request) -> str:
    """Whose audits the export holds, as the reply says it."""
    if teams is None:
        return "every team's audits"
    if request.team is not None:
        return f"the audits of {_names(services, teams)}"
    return "your own teams' audits"


def _of_whom(services: Services, teams: list[str] | None, request: Request) -> str:
    """'of your teams ', 'of North Assessment Team ' or '' (every team) in "No audit … was submitted"."""
    if teams is None:
        return ""
    return f"of {_names(services, teams)} " if request.team is not None else "of your teams "


def _names(services: Services, teams: list[str]) -> str:
    """'North Assessment Team', or 'North Assessment Team and Children in Care Team': the teams typed, by name."""
    named = [services.directory.teams[team].name for team in teams]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


def _command(services: Services, turn: Turn, since: date, teams: list[str] | None, without_refs: bool) -> str:
    """The `audit-bot export` line for the same export, for whoever runs the bot: its file named as the chat names
    an export's files, in the exports folder (trial 46: it offered `audits-<since>.csv`, a name every export from
    that day shared)."""
    shared = " --no-case-refs" if without_refs else ""
    team = f" --team {','.join(teams)}" if teams is not None else ""
    output = services.settings.exports_folder / f"{file_stem(services, teams, since, turn, without_refs)}.csv"
    return (f"audit-bot export --as {turn.user_id} --format csv --since {since.isoformat()}{team}{shared} "
            f"--output {output}")


def handed_on(services: Services, turn: Turn, since: date, named: str, teams: list[str] | None, without_refs: bool,
              whose: str) -> str:
    """With `export_files_in_slack` off (the default), no file of audits is posted in Slack, where it would stay
    outside the council's records until someone deleted it: the asker gets the command to hand to whoever runs the
    bot, for the same export."""
    return (f"No file of audits is posted in Slack here (the setting `export_files_in_slack` is off). Whoever runs "
            f"the bot on the council's server exports {whose} submitted since {named} with:\n"
            f"`{_command(services, turn, since, teams, without_refs)}`\n"
            f"It writes the audits file and the summary sheet beside it. {chosen(without_refs)} "
            "The export goes in the audit trail; keep the files on secure council storage.")


def _to_dm(turn: Turn) -> str | None:
    """Asked in a channel, the files go to the person's DM only: the export holds case references."""
    return turn.user_id if turn.surface == "channel" else None


def _sent(turn: Turn, receipt: ExportReceipt | None, *files: tuple[str, str, str, str]) -> list[Reply]:
    """One reply a file (name, content, title, text), sharing the receipt the trail waits on; asked in a channel,
    they go to the person's DM only, and the channel is told so."""
    to_dm = _to_dm(turn)
    pointer = [Reply(kind="notice", text=IN_CHANNEL)] if to_dm else []
    return [*pointer, *(Reply(text=text, title=title, file=content.encode("utf-8"), file_name=name, to_user=to_dm,
                              receipt=receipt) for name, content, title, text in files)]


def _trailed(since: date, teams: list[str] | None, items: list[dict[str, Any]], demo: int, name: str,
             request: Request, turn: Turn) -> dict[str, Any]:
    """The trail's record, in the command line's fields, with where the files went."""
    sent = "written by the terminal chat" if turn.surface == "terminal" else "sent to their Slack direct message"
    return {"format": "csv", "since": since.isoformat(), "team": teams, "campaign": None, "audits": len(items),
            "demo_audits": demo, "file": f"{name}.csv and {name}-summary.csv, {sent}",
            "case_refs": not request.without_refs}


def install(engine: Engine, services: Services) -> None:
    """Register `/audit export`, for the roles that may export; anyone else gets REFUSED."""
    engine.add_command("export", lambda turn, text: export(services, turn, text),
                       f"the audits as a spreadsheet, with the summary sheet, sent to this DM: for {WHO}", usage=USAGE,
                       roles=EXPORTERS, who_can=WHO, refusal=REFUSED, typed=TYPED,
                       details="From the start of this quarter unless `since <date>` says otherwise (`/audit export "
                               "since 1/9/2026`); one row per answer, with the case references and free text for "
                               "use within the service, or `without case refs` for a file to share beyond it. It is "
                               "the file `audit-bot export` writes, and is recorded in the audit trail.")
