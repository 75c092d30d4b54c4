"""Who is running a data command on the command line, and whether their role lets them.

The command line runs on the bot's server. By default the person at the keyboard is its operator, trusted
like an admin (they can read the database file anyway) and named in the audit trail by their login. With
`--as U0ABC123` (or AUDITBOT_OPERATOR set, as a wrapper script that lets staff run exports would do) the
command acts for that Slack user, and their role from teams.yaml decides what it may read or change,
exactly as in Slack.
"""

from __future__ import annotations

import argparse
import getpass
from dataclasses import dataclass

from bot.cli.runtime import Runtime
from bot.core import policy
from bot.core.teams import find_team
from bot.errors import UserError
from bot.settings.people import Person, Role

OPERATOR_ENV = "AUDITBOT_OPERATOR"


def add_identity(parser: argparse.ArgumentParser) -> None:
    """The `--as` option every command that reads or changes audit data takes."""
    parser.add_argument("--as", dest="as_user", metavar="USER",
                        help=f"act as this Slack user, with their role from teams.yaml (or set {OPERATOR_ENV}); "
                             "default: the server's operator")


@dataclass(frozen=True)
class Operator:
    """The person behind a CLI command: a Slack user from teams.yaml, or the server operator (person None)."""

    label: str
    person: Person | None

    def require_admin(self, what: str) -> Operator:
        """Refuse, saying who may, unless the server operator or an admin runs it."""
        if not policy.may_run_maintenance(self.person):
            assert self.person is not None
            raise UserError(f"{self.person.user_id} is a {self.person.role.value}; {what} is for admins (or the "
                            "server's operator, without --as).")
        return self

    def team_scope(self, typed: str | None, runtime: Runtime, what: str) -> str | None:
        """The team id `--team` names, read as every command reads a team (bot.core.teams: `north` is
        north-assessment): managers may ask only about a team they manage (and must name it); QA leads and
        admins any. `what` names what is asked for, as a noun: "the digest", "the export"."""
        person = self.person
        directory = runtime.settings.directory
        team = find_team(directory, typed).id if typed else None
        if person is None or policy.may_read_team(directory, person, team):
            return team
        if person.role is not Role.MANAGER:
            raise UserError(f"{person.user_id} is a {person.role.value}; {what} is for managers (their own teams), "
                            "QA leads and admins.")
        managed = directory.managed_team_ids(person.user_id)
        add = f"--team {' or --team '.join(managed)}" if managed else "--team with a team you manage"
        if team is not None:
            raise UserError(f"{team} is not one of your teams (yours: {', '.join(managed) or 'none'}). As a manager, "
                            f"{person.user_id} gets {what} for their own teams only: use {add}.")
        raise UserError(f"As a manager, {person.user_id} gets {what} for their own teams only: add {add}.")

    def team_scopes(self, typed: list[str] | None, runtime: Runtime, what: str) -> list[str] | None:
        """Several `--team`s (repeated, or comma-separated), each read as `team_scope` reads one; None is every team.
        A manager who names none gets their own teams (trial 22: a manager of two teams ran the export twice)."""
        names = [part.strip() for one in typed or () for part in one.split(",") if part.strip()]
        person = self.person
        if not names and person is not None and person.role is Role.MANAGER:
            managed = runtime.settings.directory.managed_team_ids(person.user_id)
            if managed:
                return managed
        if not names:
            scope = self.team_scope(None, runtime, what)
            return None if scope is None else [scope]
        return list(dict.fromkeys(t for name in names if (t := self.team_scope(name, runtime, what)) is not None))


def operator(args: argparse.Namespace, runtime: Runtime) -> Operator:
    """The `--as` user, else AUDITBOT_OPERATOR, else the server operator by login name."""
    user_id = getattr(args, "as_user", None) or runtime.environ.get(OPERATOR_ENV)
    if not user_id:
        return Operator(server_operator(), None)
    person = runtime.settings.directory.person(user_id.strip())
    if person is None:
        raise UserError(f"{user_id} is not in teams.yaml, so they can't run this. Use a Slack member ID listed "
                        "there, or leave out --as to run it as the server's operator.")
    return Operator(person.user_id, person)


def server_operator() -> str:
    """The person at the keyboard as the operating system knows them: the CLI has no Slack identity."""
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"
