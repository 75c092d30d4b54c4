"""Who is who: teams, members and roles from `teams.yaml`.

Roles decide what a person may see and do, so this module is the single place that answers
"what role has this Slack user" and "who manages them"; every check on the server side asks it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum

# The one definition lives with the knowledge base (knowledge/ may not import bot/); bot/ takes it from here.
from knowledge.fields import SLACK_USER_ID as SLACK_USER_ID

USER_ID = re.compile(rf"^{SLACK_USER_ID}$")
TEAM_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")
HOURS = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)\s*$")
MEMBER_KEYS = ("user", "name", "role", "audit_target", "working_hours", "working_days")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri")  # weekday() 0 to 4: the days a part-timer may work


class Role(StrEnum):
    """The four roles, in increasing reach."""

    PRACTITIONER = "practitioner"
    MANAGER = "manager"
    QA_LEAD = "qa_lead"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


@dataclass(frozen=True)
class Member:
    """A person's place in one team."""

    user_id: str
    role: Role
    name: str
    audit_target: int
    working_hours: tuple[time, time] | None = None  # when reminders may reach them, if not the service's hours
    working_days: frozenset[int] | None = None  # weekday() numbers they work, if not Monday to Friday


@dataclass(frozen=True)
class Team:
    """A team, its members and where its digest goes."""

    id: str
    name: str
    digest_channel: str | None
    members: tuple[Member, ...]

    @property
    def manager_ids(self) -> tuple[str, ...]:
        return tuple(m.user_id for m in self.members if m.role is Role.MANAGER)

    @property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(m.user_id for m in self.members)


@dataclass(frozen=True)
class Person:
    """One Slack user as the bot sees them: highest role, teams, and a staff label."""

    user_id: str
    name: str
    role: Role
    team_ids: tuple[str, ...]

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    @property
    def is_qa_or_admin(self) -> bool:
        return self.role in (Role.QA_LEAD, Role.ADMIN)


@dataclass(frozen=True)
class Directory:
    """Everyone the bot knows, built once from teams.yaml."""

    teams: Mapping[str, Team]
    people: Mapping[str, Person]
    working_hours: Mapping[str, tuple[time, time]] = field(default_factory=dict)
    working_days: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # People the bot saw in teams.yaml before who are no longer there, with the last name they had (read from the
    # database at start, bot.oversight.leavers), so their audits and actions name them rather than a Slack ID.
    former: Mapping[str, str] = field(default_factory=dict)

    def hours_of(self, user_id: str) -> tuple[time, time] | None:
        """A person's own reminder hours (part-time, compressed hours); None means the service's quiet hours."""
        return self.working_hours.get(user_id)

    def days_of(self, user_id: str) -> frozenset[int] | None:
        """The weekdays (Monday is 0) a part-timer works, so a chase held for them waits for their next one (fix41e:
        a Monday-to-Wednesday worker's Wednesday-evening chase was held for Thursday); None means Monday to Friday."""
        return self.working_days.get(user_id)

    def person(self, user_id: str) -> Person | None:
        return self.people.get(user_id)

    def teams_of(self, user_id: str) -> list[Team]:
        person = self.people.get(user_id)
        return [self.teams[t] for t in person.team_ids] if person else []

    def managers_of(self, user_id: str) -> list[str]:
        """The managers of every team the person is in (not the person themselves)."""
        found: list[str] = []
        for team in self.teams_of(user_id):
            found += [m for m in team.manager_ids if m != user_id and m not in found]
        return found

    def co_managers_of(self, user_id: str) -> list[str]:
        """The other managers of the teams this person manages: colleagues, not their managers nor their workers
        (trial 63, F4: a second South manager was told "your manager is Team manager (South)")."""
        found: list[str] = []
        for team_id in self.managed_team_ids(user_id):
            found += [m for m in self.teams[team_id].manager_ids if m != user_id and m not in found]
        return found

    def managed_team_ids(self, user_id: str) -> list[str]:
        return [t.id for t in self.teams.values() if user_id in t.manager_ids]

    def ids_with_role(self, *roles: Role) -> list[str]:
        return sorted(p.user_id for p in self.people.values() if p.role in roles)

    def label(self, user_id: str) -> str:
        """The person's name from teams.yaml; for someone who has left it, the name they had, marked "(left)"."""
        person = self.people.get(user_id)
        if person is not None:
            return person.name
        former = self.former.get(user_id)
        return f"{former} (left)" if former else user_id

    def named(self, text: str, among: Collection[str] | None = None) -> str | None:
        """The one person whose name is `text` as the bot writes it ("@Team manager (South)", copied from a reply in
        the terminal chat), case and spacing aside; None when nobody, or more than one person, has that name. With
        `among`, only those people are looked at (an action's owner: the case's people)."""
        found = [user_id for user_id, whole in self._names_starting(text, among) if whole]
        return found[0] if len(found) == 1 else None

    def left_named(self, text: str) -> list[str]:
        """Those who have left teams.yaml (`former`) whose last name there is `text`, read as a name is read for
        someone still in it: the whole name, case, spacing and brackets aside, or its short code (`C1` for "Social
        worker C1"); a leaver's open actions are handed over by the name they had (trial 62, F8)."""
        wanted = folded_name(text.strip().lstrip("@"))
        folded = {user_id: folded_name(name) for user_id, name in self.former.items() if user_id not in self.people}
        found = sorted(user_id for user_id, name in folded.items() if name == wanted)
        if found or not _SHORT_NAME.fullmatch(wanted):
            return found
        return sorted(user_id for user_id, name in folded.items() if name.split()[-1:] == [wanted])

    def names_starting(self, text: str, among: Collection[str] | None = None) -> list[str]:
        """Everyone whose name begins with `text` ("@Team manager": each team manager), to ask which one was meant;
        with `among`, only those people."""
        return [user_id for user_id, _ in self._names_starting(text, among)]

    def _names_starting(self, text: str, among: Collection[str] | None) -> list[tuple[str, bool]]:
        wanted = folded_name(text.strip().lstrip("@"))
        if not wanted:
            return []
        folded = {p.user_id: folded_name(p.name) for p in self.people.values() if among is None or p.user_id in among}
        found = sorted((user_id, name == wanted) for user_id, name in folded.items() if name.startswith(wanted))
        if found or not _SHORT_NAME.fullmatch(wanted):
            return found
        # `S1` for "Social worker S1" (trial 32): a name's own short code, its last word, as `sw s1` is read
        return sorted((user_id, True) for user_id, name in folded.items() if name.split()[-1:] == [wanted])


_SHORT_NAME = re.compile(r"[a-z]{1,3}\d{1,3}")  # a short code ending a person's name: 'S1', 'N2'
# A role's shorthand at the start of a name written by role ('sw s1' is "Social worker S1": trial 24)
_SHORTHAND = {"sw": "social worker", "tm": "team manager"}


def short_code(name: str) -> str | None:
    """A name's own short code, its last word, as written ("C1" for "Social worker C1"); None when it has none."""
    words = name.replace("(", " ").replace(")", " ").split()
    return words[-1] if words and _SHORT_NAME.fullmatch(words[-1].casefold()) else None


def folded_name(name: str) -> str:
    """A name as typed or written, compared without case, spacing or brackets: "team manager north" is "Team
    manager (North)" (trial 20: refused as a cover unless typed with its brackets), and a role's shorthand first
    is the role: "sw s1" is "Social worker S1"."""
    words = name.replace("(", " ").replace(")", " ").casefold().split()
    if len(words) > 1 and words[0] in _SHORTHAND:
        words[0] = _SHORTHAND[words[0]]
    return " ".join(words)
