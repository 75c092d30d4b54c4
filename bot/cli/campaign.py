"""`audit-bot campaign create|list|show|close|report`: audit campaigns from the server's command line.

Creating and closing are for QA leads and admins (`--as`) or the server's operator; list, show and report
follow the same rule as in Slack (bot.core.policy.may_see_campaign). Replies meant for other people (the
auditors' DMs, the report for the QA channel) are delivered when the bot runs in Slack: here they are listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.cli.operator import Operator, add_identity, operator
from bot.cli.runtime import Runtime
from bot.core import buttons, policy
from bot.errors import UserError


def add_parsers(subparsers: Any) -> None:
    """`audit-bot campaign VERB …` with a parser per verb."""
    parser = subparsers.add_parser("campaign", help="audit campaigns: create, list, show, close, report")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    create = verbs.add_parser("create", help="create a campaign and allocate its cases")
    create.add_argument("--name", required=True)
    create.add_argument("--theme", required=True)
    create.add_argument("--checklist", required=True, help="checklist id or enough of its name, such as neglect")
    create.add_argument("--teams", required=True, help="team ids from teams.yaml, comma-separated")
    create.add_argument("--start", required=True, help="first day, such as 2026-12-01, 1/12/2026 or today")
    create.add_argument("--deadline", required=True, help="last day, such as 18/12/2026 or next Friday")
    create.add_argument("--per-worker", help="cases per worker, 1 to 20")
    create.add_argument("--cases-csv", metavar="FILE", help="CSV of case reference, worker's Slack member ID")
    create.add_argument("--auditors", required=True, choices=("managers", "peer"))
    create.add_argument("--moderate", required=True, help="share of submitted audits to moderate, 0 to 100")
    for name in ("list", "show", "close", "report"):
        sub = verbs.add_parser(name, help={"list": "list campaigns", "show": "progress by team and auditor",
                                           "close": "close a campaign and post its report",
                                           "report": "print a campaign's report"}[name])
        if name != "list":
            sub.add_argument("campaign", type=campaign_number)
        if name == "report":
            sub.add_argument("--format", choices=("text", "json", "csv"), default="text")
        if name == "close":
            sub.add_argument("--yes", action="store_true",
                             help="close it even before its deadline with cases not done, without asking")
        add_identity(sub)
    add_identity(create)
    parser.set_defaults(func=run)


def campaign_number(typed: str) -> int:
    """A campaign's number as typed, read as the chat reads a typed number (bot.core.buttons.typed_id): `abc`, `-3`
    or a number longer than any the bot gives is a usage mistake (bot.cli.usage words it), never looked up."""
    number = buttons.typed_id(typed)
    if number is None:
        raise ValueError(typed)
    return number


def _organiser(who: Operator) -> None:
    if not policy.may_run_campaigns(who.person):
        assert who.person is not None
        raise UserError(f"{who.person.user_id} is a {who.person.role.value}; creating and closing campaigns is for "
                        "QA leads and admins (or the server's operator, without --as).")


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Run the verb as the operator (or `--as` user) and print what it says."""
    out = runtime.stdout or sys.stdout
    who = operator(args, runtime)
    handler = {"create": _create, "list": _list, "show": _show, "close": _close, "report": _report}[args.verb]
    out.write(handler(args, runtime, who))
    return 0


def _create(args: argparse.Namespace, runtime: Runtime, who: Operator) -> str:
    from bot.campaigns import service
    from bot.core.markup import to_plain

    _organiser(who)
    services = runtime.services
    csv_text = None
    if args.cases_csv:
        try:
            csv_text = Path(args.cases_csv).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"I can't read the case file {args.cases_csv}: {type(exc).__name__}. Give a UTF-8 CSV "
                            "file of case reference, worker's Slack member ID.") from None
    fields = {"name": args.name, "theme": args.theme, "checklist": args.checklist, "teams": args.teams,
              "start": args.start, "deadline": args.deadline, "per-worker": args.per_worker or "",
              "auditors": args.auditors, "moderate": args.moderate}
    spec = service.build_spec(services, fields, csv_text)
    campaign_id, dms = service.create(services, who.label, spec, services.clock())
    # The command line has no Slack connection: auditors see their cases with `/audit campaign mine N` (the
    # daily reminders carry that button from the start date).
    created = to_plain(service.created_line(services, spec, campaign_id, len(dms)))
    return (created + ". The command line sends no Slack messages: "
            f"they see them with `/audit campaign mine {campaign_id}`, and the daily reminders bring them from the "
            "start date." + to_plain(service.created_note(services, spec)) + "\n")


CLOSE_COMMAND = "audit-bot campaign close"  # how a campaign past its deadline is closed from the command line


def visible_campaign(runtime: Runtime, who: Operator, campaign_id: int) -> Any:
    """Campaign N if it exists and `who` may see it (bot.core.policy.may_see_campaign); else a UserError saying
    there is no such campaign they can see (`show`, `report`, `export --campaign N`)."""
    from bot.storage import campaigns as store

    campaign = store.get_campaign(runtime.services.storage, campaign_id)
    if campaign is None or not policy.may_see_campaign(runtime.services.directory, who.person, campaign.teams):
        raise UserError(f"There is no campaign {campaign_id} you can see. `audit-bot campaign list` lists them.")
    return campaign


def _list(args: argparse.Namespace, runtime: Runtime, who: Operator) -> str:
    from bot.campaigns.render import campaign_list
    from bot.core.markup import to_plain
    from bot.storage import campaigns as store

    shown = [c for c in store.list_campaigns(runtime.services.storage)
             if policy.may_see_campaign(runtime.services.directory, who.person, c.teams)]
    closer = CLOSE_COMMAND if policy.may_run_campaigns(who.person) else None
    lines = campaign_list(shown, runtime.services.local_now().date(), closer)
    return "".join(f"{to_plain(line)}\n" for line in lines) or "No campaigns.\n"


def _show(args: argparse.Namespace, runtime: Runtime, who: Operator) -> str:
    from bot.campaigns import render, service
    from bot.core.markup import to_plain

    campaign = visible_campaign(runtime, who, args.campaign)
    services = runtime.services
    teams = None if policy.sees_every_team(who.person) else services.directory.managed_team_ids(who.label)
    closer = CLOSE_COMMAND if policy.may_run_campaigns(who.person) else None
    shown = render.progress_reply(service.progress(services, campaign), teams, services.local_now().date(), closer)
    return to_plain(shown.text, services.directory.label) + "\n"  # people by name, as the chat shows them


def _confirm_early_close(runtime: Runtime, facts: str, campaign_id: int) -> None:
    """Closing cannot be undone: before the deadline with cases not done, a person at a terminal is asked
    "Close it now? [y/N]"; a script (stdin not a terminal) must say --yes. A UserError when not confirmed."""
    from bot.campaigns.closing import AFTER_CLOSING

    stdin, err = runtime.stdin or sys.stdin, runtime.stderr or sys.stderr
    if not stdin.isatty():
        raise UserError(f"{facts} Closing cannot be undone. {AFTER_CLOSING} Nothing was changed: to close it "
                        f"now, add --yes (`audit-bot campaign close {campaign_id} --yes`).")
    err.write(f"{facts} {AFTER_CLOSING} Closing cannot be undone.\nClose it now? [y/N] ")
    err.flush()
    if stdin.readline().strip().lower() not in ("y", "yes"):
        raise UserError(f"Nothing was changed: campaign {campaign_id} stays open.")


def _close(args: argparse.Namespace, runtime: Runtime, who: Operator) -> str:
    from bot.campaigns import closing, service
    from bot.core.markup import to_plain

    _organiser(who)
    services = runtime.services
    early = service.early_close(services, args.campaign, services.clock())
    if early is not None and not args.yes:
        _confirm_early_close(runtime, to_plain(closing.early_close_facts(*early)), args.campaign)
    replies = service.close(services, args.campaign, who.label, services.clock())
    lines = [to_plain(r.text) for r in replies if r.is_for_requester]
    lines += [f"(for {r.to_channel or services.directory.label(r.to_user or '')}: "
              f"{to_plain(r.title or r.text.splitlines()[0])})"
              for r in replies if not r.is_for_requester]
    return "\n".join(lines) + "\n"


def _report(args: argparse.Namespace, runtime: Runtime, who: Operator) -> str:
    from bot.campaigns import render, service
    from bot.core.markup import to_plain

    campaign = visible_campaign(runtime, who, args.campaign)
    if not policy.may_read_campaign_report(who.person):
        raise UserError("The whole campaign report is for QA leads and admins; `audit-bot campaign show N` gives "
                        "your teams' progress.")
    services = runtime.services
    built = service.report(services, campaign, services.local_now().date())
    if args.format == "json":
        return json.dumps(render.report_json(built), indent=2, ensure_ascii=False) + "\n"
    if args.format == "csv":
        return render.report_csv(built)
    reply = render.report_reply(built)
    return f"{reply.title}\n{to_plain(reply.text)}\n"
