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
from bot.settings.problems import ConfigError


class DirectoryError(Exception):
    """teams.yaml is wrong; the message names the file, the key and what is expected."""


def _fail(file: Path, key: str, expected: str, found: object = None) -> DirectoryError:
    found_text = "" if found is None else f" (found {found!r})"
    return DirectoryError(f"{file}: `{key}` must be {expected}{found_text}.")


def _parse_member(raw: object, file: Path, key: str) -> Member:
    if not isinstance(raw, dict):
        raise _fail(file, key, "a mapping like {user: U0ABC123, role: practitioner}", raw)
    unknown = set(raw) - set(MEMBER_KEYS)
    if unknown:
        raise _fail(file, f"{key} → {sorted(unknown, key=str)[0]}", f"one of {', '.join(MEMBER_KEYS)}")
    user = raw.get("user")
    if not isinstance(user, str) or not USER_ID.match(user):
        raise _fail(file, f"{key} → user", "a Slack user id such as U0ABC123", user)
    role_text = raw.get("role", "practitioner")
    try:
        role = Role(role_text)
    except ValueError:
        raise _fail(file, f"{key} → role", f"one of {', '.join(r.value for r in Role)}", role_text) from None
    target = raw.get("audit_target", 0)
    if not isinstance(target, int) or isinstance(target, bool) or not 0 <= target <= 100:
        raise _fail(file, f"{key} → audit_target", "a whole number of audits a month (0 to 100)", target)
    name = raw.get("name") or user
    if not isinstance(name, str):
        raise _fail(file, f"{key} → name", "a short staff label", name)
    hours = _parse_hours(raw.get("working_hours"), file, f"{key} → working_hours")
    days = _parse_days(raw.get("working_days"), file, f"{key} → working_days")
    return Member(user_id=user, role=role, name=name, audit_target=target, working_hours=hours, working_days=days)


def _parse_days(raw: object, file: Path, key: str) -> frozenset[int] | None:
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
            raise _fail(file, key, expected, raw)
        days.update(range(DAY_NAMES.index(ends[0]), DAY_NAMES.index(ends[-1]) + 1))
    if not days:
        raise _fail(file, key, expected, raw)
    return frozenset(days)


def _parse_hours(raw: object, file: Path, key: str) -> tuple[time, time] | None:
    if raw is None:
        return None
    found = HOURS.match(raw) if isinstance(raw, str) else None
    if found is None:
        raise _fail(file, key, 'a start and end time in quotes, like "09:30-15:00"', raw)
    start, end = time(int(found[1]), int(found[2])), time(int(found[3]), int(found[4]))
    if start >= end:
        raise _fail(file, key, "a start earlier than its end, within one day", raw)
    return start, end


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
    unknown = set(raw) - {"id", "name", "digest_channel", "members"}
    if unknown:
        raise _fail(file, f"{key} → {sorted(unknown, key=str)[0]}", "one of id, name, digest_channel, members")
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
    for i, raw in enumerate(raw_teams):
        team = _parse_team(raw, file, f"teams → team {i + 1}", teams)
        for member in team.members:
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
