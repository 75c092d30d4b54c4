"""A worker away with overdue actions, asked of by their manager: "one of my workers is on annual leave and her
action is overdue, should i reassign it?", "sw s1 is on leave til january and action 89 is overdue, what should i
do", "s1 is on leave for 3 weeks and has overdue actions, what do i do?".

Trial 63 (F1, F5): the first got the HR leave policy's out-of-scope reply, the second was read as booking S1's
leave ("To pause Social worker S1's reminders, tell me the days…", action 89 ignored), the third got "Did you
mean…" with working days for statutory timescales first. A line saying both that someone is away and that an
action is overdue (or needs reassigning or covering) is about the team's actions, not anyone's leave: a manager or
an admin is told the worker's time away as the bot knows it (`away` bookings), their overdue actions in the
reader's teams (or, with no worker named, those of the workers away now or booked), and the three things they can
do: `action N owner <person>`, `action N due <date>`, `hand over <worker>'s actions to <name>`. Anyone else's line
goes on to where it went before.
"""

from __future__ import annotations

import re
from datetime import date

from bot.audits.actions import TEAM_READERS, team_owner_ids
from bot.audits.worker_named import people_named
from bot.core.action_due import due_shown, is_overdue
from bot.core.left_behind import handover_command
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.people import Role
from bot.storage import actions as action_store
from bot.storage.actions import ActionRow
from bot.storage.reminders import away_period
from knowledge.dates import long_date

PRIORITY = 25  # before another person's time away said in words (26), which read these lines as booking leave
AWAY = re.compile(r"\b(?:(?:on|taking|takes|taken)\s+(?:(?:annual|sick|maternity|paternity|long[\s-]term\s+sick|"
                  r"study|compassionate|parental|some)\s+)?(?:leave|holiday|hols|vacation)|annual\s+leave|away|"
                  r"off\s+(?:sick|work|ill|on\s+leave)|off\s+(?:till|til|until|for|since|from|this|next)|signed\s+"
                  r"off|out\s+of\s+(?:the\s+)?office|(?:is|s|are)\s+off)\b", re.IGNORECASE)
LATE = re.compile(r"\b(?:overdue|late|past\s+(?:its\s+|their\s+|the\s+)?due|missed\s+(?:its\s+|the\s+)?(?:due|dead)|"
                  r"out\s+of\s+date|reassign|re-assign|cover(?:s|ed|ing)?|pick(?:s|ing)?\s+up)\b", re.IGNORECASE)
ACTIONS = re.compile(r"\b(?:actions?|tasks?)\b", re.IGNORECASE)
NUMBER = re.compile(r"\baction\s*#?\s*(\d{1,7})\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"^\s*(?:i|i'm|im|i\s+am|i'll|i've|my\s+(?:action|actions|task|tasks))\b", re.IGNORECASE)
WHO = re.compile(r"^\s*(?:(?:hi|so|ok|right|hello)[\s,]+)?(?P<who>[^,;?!]+?)\s+(?:is|'s|has\s+been|will\s+be|"
                 r"was|went|goes|has\s+gone)\s+", re.IGNORECASE)
MOST_LISTED = 8  # a worker's overdue actions named in the reply; `actions team overdue` lists the rest


def asked(text: str) -> bool:
    """Whether a line is about a worker away whose actions are overdue or need covering (not one's own)."""
    line = text.replace("\u2019", "'")
    return bool(AWAY.search(line) and LATE.search(line) and ACTIONS.search(line)) and not FIRST_PERSON.match(line)


def answer(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """What a manager can do about an away worker's overdue actions; None for anyone who does not chase a team's
    actions, and for other lines."""
    if turn.person.role not in TEAM_READERS or not asked(text):
        return None
    today = turn.now.astimezone(services.settings.timezone).date()
    team = set(team_owner_ids(services, turn.person)) - {turn.user_id}
    worker = _worker(services, text.replace("\u2019", "'"), team)
    named = [int(number) for number in NUMBER.findall(text)]
    lines = [_action_line(services, number, team, today, worker) for number in named]
    if worker is not None:
        lines += _worker_lines(services, worker, today)
        overdue = _overdue(services, worker, today)
    else:
        away = _away_overdue(services, team, today)
        lines += _away_lines(services, away, turn.person.role is Role.ADMIN)
        worker = away[0][0] if len(away) == 1 else None  # one away: the hand-over names them
        overdue = away[0][2] if away else []
    # the example is an action named of the worker away (one of someone else's is said not to be theirs)
    yours = [number for number in named if _owner(services, number) in team and worker in (None, _owner(services,
                                                                                                        number))]
    example = yours[0] if yours else overdue[0].id if overdue else None
    lines.append(_what_to_do(services, worker, example))
    return [Reply(kind="notice", text="\n".join(line for line in lines if line))]


def _worker(services: Services, text: str, team: set[str]) -> str | None:
    """The one person of the reader's teams the line opens by naming ("sw s1 is on leave …"), else None."""
    said = WHO.match(text)
    if said is None:
        return None
    found = [user_id for user_id in people_named(services.directory, said.group("who")).found if user_id in team]
    return found[0] if len(found) == 1 else None


def _overdue(services: Services, owner: str, today: date) -> list[ActionRow]:
    return [action for action in action_store.open_actions_of(services.storage, owner)
            if is_overdue(action.due_date, today)]


def _listed(actions: list[ActionRow]) -> str:
    shown = ", ".join(f"{action.id} (due {due_shown(action.due_date)})" for action in actions[:MOST_LISTED])
    more = f" and {len(actions) - MOST_LISTED} more (`actions team overdue` lists them)" \
        if len(actions) > MOST_LISTED else ""
    return f"{shown}{more}"


def _away_said(services: Services, user_id: str, today: date) -> str | None:
    """'away until Monday 4 January 2027 (cover: …)' for time away under way or booked, else None."""
    away = away_period(services.storage, user_id)
    if away is None or away[1] < today:
        return None
    starts, until, cover = away
    when = f"booked away from {long_date(starts)} until {long_date(until)}" if starts and starts > today \
        else f"away until {long_date(until)}"
    return f"{when}{f' (cover: {services.directory.label(cover)})' if cover else ''}"


def _owner(services: Services, number: int) -> str | None:
    action = action_store.get_action(services.storage, number)
    return action.owner_id if action is not None else None


def _action_line(services: Services, number: int, team: set[str], today: date, worker: str | None) -> str:
    """The action named: whose it is, due when. Trial 64 (F3): when it is not the worker's the line names ("sw s1 is
    on leave … action 89 is overdue", 89 being N2's), that is said first, so a mistyped number is not read as S1's."""
    action = action_store.get_action(services.storage, number)
    if action is None or action.owner_id not in team:
        return f"Action {number} is not one of your teams' actions, so I can't say more about it here."
    state = "overdue" if is_overdue(action.due_date, today) else "not overdue yet"
    done = " (done already)" if action.done_at else f" ({state})"
    owner = services.directory.label(action.owner_id)
    if worker is not None and action.owner_id != worker:
        name = services.directory.label(worker)
        return (f"Action {number} is {owner}'s, not {name}'s: {action.case_ref}, due {due_shown(action.due_date)}"
                f"{done}. Check the number: what follows is about {name}.")
    return f"Action {number} ({action.case_ref}) is {owner}'s, due {due_shown(action.due_date)}{done}."


def _worker_lines(services: Services, worker: str, today: date) -> list[str]:
    name = services.directory.label(worker)
    away = _away_said(services, worker, today)
    said = f"{name} is {away}." if away else (
        f"{name} has no time away booked here: `away until <date> for {name}` pauses their reminders.")
    overdue = _overdue(services, worker, today)
    late = f"Their overdue actions: {_listed(overdue)}." if overdue else f"{name} has no overdue actions."
    return [said, late]


def _away_overdue(services: Services, team: set[str], today: date) -> list[tuple[str, str, list[ActionRow]]]:
    """(worker, their time away, their overdue actions) for each worker of the reader's teams away now or booked
    who has overdue actions."""
    found = []
    for user_id in sorted(team):
        away = _away_said(services, user_id, today)
        overdue = _overdue(services, user_id, today) if away else []
        if away and overdue:
            found.append((user_id, away, overdue))
    return found


def _away_lines(services: Services, away: list[tuple[str, str, list[ActionRow]]], admin: bool) -> list[str]:
    """Who is away with overdue actions. An admin reads every team (bot.audits.actions.readable_team_ids) and may be
    in none, so "your teams" is said to them as "any team" (trial 64, F11)."""
    if not away:
        where, whose = ("in any team", "every team's") if admin else ("in your teams", "your teams'")
        return [f"Nobody {where} is marked away here with overdue actions: `away until <date> for <worker>` marks one "
                f"away, and `actions team overdue` lists {whose} overdue actions."]
    return ["Away, with overdue actions:", *(f"• {services.directory.label(user_id)}, {when}: overdue "
                                              f"{_listed(overdue)}" for user_id, when, overdue in away)]


def _what_to_do(services: Services, worker: str | None, example: int | None) -> str:
    number = str(example) if example else "N"
    whose = handover_command(services.directory.label(worker)) if worker else "hand over <worker>'s actions to <name>"
    return ("What you can do about an action while its owner is away:\n"
            f"• give it to someone else: `action {number} owner <person>`\n"
            f"• move its due date: `action {number} due <date>`\n"
            f"• hand all their open actions to one person: `{whose}` (I say how many and to whom first)")


def install(engine: Engine, services: Services) -> None:
    """Register a worker away with overdue actions, said in words, before another person's time away (26)."""
    engine.add_message_handler(lambda turn, text: answer(services, turn, text), priority=PRIORITY)
