"""Reading `teams.yaml`: check every entry and build the Directory, with a fix-it message for each mistake."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from pathlib import Path
from typing import Any

from bot.settings.people import (
    CHANNEL_ID,
    DAY_NAMES,
    HOURS,
    MEMBER_KEYS,
    TEAM_ID,
    USER_ID,
    Directory,
    Member,
    Person,
    Role,
    Team,
)
from bot.settings.problems import ConfigError, where
from knowledge.fields import did_you_mean


class DirectoryError(Exception):
    """teams.yaml is wrong; the message names the file, the key and what is expected."""


def _fail(file: Path, key: str, expected: str, found: object = None, line: int | None = None) -> DirectoryError:
    found_text = "" if found is None else f" (found {found!r})"
    return DirectoryError(f"{where(file, line)}: `{key}` must be {expected}{found_text}.")


def line_of(raw: object, key: str | None = None) -> int | None:
    """The line of `key` in a mapping read by bot.settings.yaml_file (else of the mapping itself), so each
    message points at the line to fix as `kb check` does; None for data built in code."""
    lines = getattr(raw, "key_lines", {})
    return lines.get(key) if key in lines else getattr(raw, "line", None)


def _comma_split(raw: dict[object, object], unknown: object) -> tuple[str, str] | None:
    """(key, its whole text) when `unknown` is the rest of the key before it, cut at an unquoted comma in a flow
    mapping (trial 58 F17: `{user: U0X, name: Team manager (South, new), role: manager}` read `new)` as a key with
    no value); None for a key merely misspelt."""
    keys = list(raw)
    at = keys.index(unknown)
    before = keys[at - 1] if at else None
    if raw[unknown] is not None or before not in MEMBER_KEYS or not isinstance(raw[before], str):
        return None
    return str(before), f"{raw[before]}, {unknown}"


def _parse_member(raw: object, file: Path, key: str) -> Member:
    if not isinstance(raw, dict):
        raise _fail(file, key, "a mapping like {user: U0ABC123, role: practitioner}", raw)
    unknown = sorted(set(raw) - set(MEMBER_KEYS), key=str)
    if unknown and (split := _comma_split(raw, unknown[0])) is not None:
        said, whole = split
        raise DirectoryError(f"{where(file, line_of(raw, said))}: `{key} → {said}`: a {said} with a comma needs "
                             f'quotes: {said}: "{whole}".')
    if unknown:
        raise _fail(file, f"{key} → {unknown[0]}",
                    f"one of {', '.join(MEMBER_KEYS)}{did_you_mean(str(unknown[0]), MEMBER_KEYS)}",
                    line=line_of(raw, unknown[0]))
    user = raw.get("user")
    if not isinstance(user, str) or not USER_ID.match(user):
        raise _fail(file, f"{key} → user", "a Slack user id such as U0ABC123", user, line_of(raw, "user"))
    role_text = raw.get("role", "practitioner")
    try:
        role = Role(role_text)
    except ValueError:
        raise _fail(file, f"{key} → role", f"one of {', '.join(r.value for r in Role)}", role_text,
                    line_of(raw, "role")) from None
    target = raw.get("audit_target", 0)
    if not isinstance(target, int) or isinstance(target, bool) or not 0 <= target <= 100:
        raise _fail(file, f"{key} → audit_target", "a whole number of audits a month (0 to 100)", target,
                    line_of(raw, "audit_target"))
    name = raw.get("name") or user
    if not isinstance(name, str):
        raise _fail(file, f"{key} → name", "a short staff label", name, line_of(raw, "name"))
    hours = _parse_hours(raw.get("working_hours"), file, f"{key} → working_hours", line_of(raw, "working_hours"))
    days = _parse_days(raw.get("working_days"), file, f"{key} → working_days", line_of(raw, "working_days"))
    return Member(user_id=user, role=role, name=name, audit_target=target, working_hours=hours, working_days=days)


def _parse_days(raw: object, file: Path, key: str, line: int | None = None) -> frozenset[int] | None:
    """`working_days: mon-wed`, `mon, tue, thu` or a YAML list of day names: the weekdays a part-timer works."""
    if raw is None:
        return None
    expected = 'the weekdays they work, like "mon-wed" or "mon, tue, thu" (Monday to Friday)'
    words = [str(w) for w in raw] if isinstance(raw, list) else str(raw).split(",") if isinstance(raw, str) else []
    days: set[int] = set()
    for word in words:
        ends = [end.strip().lower()[:3] for end in word.split("-")]
        if len(ends) > 2 or any(end not in DAY_NAMES for end in ends) or \
                DAY_NAMES.index(ends[-1]) < DAY_NAMES.index(ends[0]):
            raise _fail(file, key, expected, raw, line)
        days.update(range(DAY_NAMES.index(ends[0]), DAY_NAMES.index(ends[-1]) + 1))
    if not days:
        raise _fail(file, key, expected, raw, line)
    return frozenset(days)


def _parse_hours(raw: object, file: Path, key: str, line: int | None = None) -> tuple[time, time] | None:
    if raw is None:
        return None
    found = HOURS.match(raw) if isinstance(raw, str) else None
    if found is None:
        raise _fail(file, key, 'a start and end time in quotes, like "09:30-15:00"', raw, line)
    start, end = time(int(found[1]), int(found[2])), time(int(found[3]), int(found[4]))
    if start >= end:
        raise _fail(file, key, "a start earlier than its end, within one day", raw, line)
    return start, end


TEAM_KEYS = ("id", "name", "digest_channel", "members")


def _once_per_team(team_id: str, members: tuple[Member, ...], lines: list[int | None], file: Path) -> None:
    """Refuse a member id listed twice in one team. Trial 54: W1 and W2 both `user: U0PRAW001` started "healthy"
    and W1 silently vanished (the chat greeted U0PRAW001 as W2)."""
    first: dict[str, int] = {}
    for j, member in enumerate(members):
        if member.user_id in first:
            earlier = members[first[member.user_id]]
            raise DirectoryError(
                f"{where(file, lines[j])}: {member.user_id} is listed twice in team {team_id} "
                f"({_listing(earlier, lines[first[member.user_id]])}; {_listing(member, lines[j])}): list each "
                "person once per team, and check which of them has the wrong user id.")
        first[member.user_id] = j


def _listing(member: Member, line: int | None) -> str:
    """'Social worker W1, line 37': how a listing is told apart from another of the same id."""
    return f"{member.name}, line {line}" if line else member.name


def _one_person(listed: dict[str, tuple[str, Member, int | None]], team_id: str, member: Member,
                line: int | None, file: Path) -> None:
    """The same id in two teams is one person in both (a manager of two teams): refuse it under two names or two
    roles, which is a mistyped id that would merge two people into one (trial 54)."""
    if member.user_id not in listed:
        listed[member.user_id] = (team_id, member, line)
        return
    other_team, other, other_line = listed[member.user_id]
    named = other.name != other.user_id and member.name != member.user_id
    if (named and other.name != member.name) or other.role is not member.role:
        raise DirectoryError(
            f"{where(file, line)}: {member.user_id} is in team {other_team} as {other.name} ({other.role.value}, "
            f"line {other_line}) and in team {team_id} as {member.name} ({member.role.value}, line {line}): a "
            "person has one name and one role, so give them the same in both teams, or correct the user id of the "
            "one who is someone else.")


def _who(raw: object) -> str:
    """' (U0PRAN001)' after a member's place in the file, so a mistake is found by the id a person would search
    for, not by counting list items from zero."""
    user = raw.get("user") if isinstance(raw, dict) else None
    return f" ({user})" if isinstance(user, str) and user.strip() else ""


def parse_directory(data: Mapping[str, Any], file: Path) -> Directory:
    """Check teams.yaml and build the Directory; raise ConfigError-style messages on any mistake."""
    try:
        return _parse_directory(data, file)
    except DirectoryError as exc:
        error = ConfigError(file, "teams", "valid")
        error.args = (str(exc),)
        raise error from None


# Over 60 lines on purpose: one pass over teams.yaml that builds roles, names and memberships together, so a
# person listed twice is checked against their first listing as they are read.
def _parse_team(raw: Any, file: Path, key: str, teams: Mapping[str, Team]) -> Team:
    """One entry of `teams:`; `teams` holds those read so far, so an id used twice is refused."""
    if not isinstance(raw, dict):
        raise _fail(file, key, "a mapping with id, name, digest_channel and members", raw)
    unknown = sorted(set(raw) - set(TEAM_KEYS), key=str)
    if unknown:
        raise _fail(file, f"{key} → {unknown[0]}",
                    f"one of {', '.join(TEAM_KEYS)}{did_you_mean(str(unknown[0]), TEAM_KEYS)}",
                    line=line_of(raw, unknown[0]))
    team_id = raw.get("id")
    if not isinstance(team_id, str) or not TEAM_ID.match(team_id):
        raise _fail(file, f"{key} → id", "a short id in lower case, like north-assessment", team_id)
    if team_id in teams:
        raise _fail(file, f"{key} → id", "unique: another team already uses it", team_id)
    channel = raw.get("digest_channel")
    if channel is not None and (not isinstance(channel, str) or not CHANNEL_ID.match(channel)):
        raise _fail(file, f"{key} → digest_channel", "a Slack channel id such as C0ABC123, or null", channel)
    members_raw = raw.get("members") or []
    if not isinstance(members_raw, list) or not members_raw:
        raise _fail(file, f"{key} → members", "a non-empty list of {user, role}", members_raw)
    members = tuple(_parse_member(m, file, f"teams → {team_id} → member {j + 1}{_who(m)}")
                    for j, m in enumerate(members_raw))
    _once_per_team(team_id, members, [line_of(m) for m in members_raw], file)
    return Team(id=team_id, name=str(raw.get("name") or team_id), digest_channel=channel, members=members)


def _parse_directory(data: Mapping[str, Any], file: Path) -> Directory:
    unknown = set(data) - {"people", "teams"}
    if unknown:
        raise _fail(file, sorted(unknown, key=str)[0], "either `people` or `teams`")
    teams: dict[str, Team] = {}
    roles: dict[str, Role] = {}
    names: dict[str, str] = {}
    memberships: dict[str, list[str]] = {}

    hours: dict[str, tuple[time, time]] = {}
    days: dict[str, frozenset[int]] = {}

    def note(member: Member) -> None:
        if member.working_hours is not None and \
                hours.setdefault(member.user_id, member.working_hours) != member.working_hours:
            raise _fail(file, "working_hours", f"the same for {member.user_id} wherever they are listed")
        if member.working_days is not None and \
                days.setdefault(member.user_id, member.working_days) != member.working_days:
            raise _fail(file, "working_days", f"the same for {member.user_id} wherever they are listed")
        if member.user_id not in roles or member.role.rank > roles[member.user_id].rank:
            roles[member.user_id] = member.role
        if member.name != member.user_id or member.user_id not in names:
            names[member.user_id] = member.name

    people = data.get("people") or []
    if not isinstance(people, list):
        raise _fail(file, "people", "a list of {user, name, role}", people)
    for i, raw in enumerate(people):
        note(_parse_member(raw, file, f"people → person {i + 1}{_who(raw)}"))

    raw_teams = data.get("teams") or []
    if not isinstance(raw_teams, list):
        raise _fail(file, "teams", "a list of teams with id, name and members", raw_teams)
    listed: dict[str, tuple[str, Member, int | None]] = {}
    for i, raw in enumerate(raw_teams):
        team = _parse_team(raw, file, f"teams → team {i + 1}", teams)
        member_lines = [line_of(m) for m in raw.get("members") or []]
        for member, line in zip(team.members, member_lines, strict=True):
            _one_person(listed, team.id, member, line, file)
            note(member)
            memberships.setdefault(member.user_id, []).append(team.id)
        teams[team.id] = team

    if not teams and not roles:
        raise _fail(file, "teams", "at least one team with members (or a person under `people`): with nobody "
                    "listed, the bot would turn everyone away")
    directory_people = {
        uid: Person(user_id=uid, name=names.get(uid, uid), role=role, team_ids=tuple(memberships.get(uid, ())))
        for uid, role in roles.items()
    }
    return Directory(teams=teams, people=directory_people, working_hours=hours, working_days=days)


def setup_warnings(directory: Directory) -> list[str]:
    """What a council half-way through its set-up should know but may mean to fix later: a team with no manager,
    a manager in no team. Not errors (trial 54: both started "healthy", and the admin heard of them only when a
    manager was turned away or a request for more time reached nobody)."""
    warnings = [f"team {team.id} has no manager: its members' requests for more time, overdue-action escalations "
                "and submitted-audit notices go to nobody, and no manager's weekly digest covers it; add a member "
                "with `role: manager`"
                for team in directory.teams.values() if not team.manager_ids]
    warnings += [f"{person.user_id} ({person.name}) is a manager in no team: they can't audit a case or get a "
                 "digest; add them to their team's `members:` in teams.yaml"
                 for person in directory.people.values() if person.role is Role.MANAGER and not person.team_ids]
    return warnings
