"""Chasing several actions in one line: `chase 18, 19 and 34`, and a manager's `chase them all` / `chase all overdue`.

Trial 41 (M4): `chase 18, 19 and 34` went onto the QA leads' list, and `chase them all` got "That isn't how /audit
chase is typed", so eight overdue actions meant eight commands. Numbers typed together are each chased as `chase 18`
would be (who may chase, once a day, held out of working hours: bot.audits.action_chase), said back in one reply. The
overdue actions of the teams a manager manages (every team for an admin) are read back first, how many and whose,
and chased on `yes` (or *Chase them*); `no` sends nothing.
"""

from __future__ import annotations

import re

from bot.audits import action_chase, chase_asked
from bot.audits.actions import TEAM_READERS, team_owner_ids
from bot.audits.chase_nudge import waiting_request
from bot.core.action_due import is_overdue
from bot.core.replies import Choice, Reply, agreeing, error
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.storage import actions as action_store
from bot.storage import held_chases

PRIORITY = 27  # with the other chases in words, before the typed commands' usage (87) and the knowledge base (90)
ALL = "chase.all"  # the read-back's Yes: the value is the action numbers, joined by commas
NONE = "chase.none"
MAX_NUMBERS = 30

_LEAD = r"^\s*(?:(?:ok|okay|right|so|please|pls|can\s+(?:u|you)|could\s+(?:u|you)|just)\s+)*"
_VERB = r"(?:chase|nudge|prod|ping)(?:\s+up)?"
# Words after the numbers that ask nothing more (trial 43: `chase 141 and 142 as well pls` was told "I couldn't tell
# which actions to chase"): `as well`, `too`, `also`, `pls`, `thanks`, in any order.
FILLER = r"(?:please|pls|plz|thanks|thank\s+you|thx|ta|cheers|for\s+me|as\s+well|aswell|too|also|now|today|x)"
_POLITE = rf"(?:\s*[,.!]?\s*{FILLER}\b)*\s*[.!?]*\s*$"
SEVERAL = re.compile(rf"{_LEAD}{_VERB}\s+(?:actions?\s+)?(?P<numbers>#?\d+(?:\s*(?:,|&|\+|\band\b|\s)\s*#?\d+)+)"
                     rf"{_POLITE}", re.IGNORECASE)
EVERY_OVERDUE = re.compile(
    rf"{_LEAD}{_VERB}\s+(?:them\s+all|all\s+of\s+them|(?:them|everyone|everybody|all)(?:\s+(?:the|my|our))?"
    rf"(?:\s+teams?'?s?)?(?:\s+(?:overdue|late|outstanding))(?:\s+(?:ones|actions?))?|all\s+(?:the\s+)?overdue"
    rf"(?:\s+(?:ones|actions?))?|(?:every|each)\s+overdue\s+action|everyone\s+(?:who\s+is|whos)\s+overdue"
    rf"|them|all){_POLITE}", re.IGNORECASE)


def numbers_in(text: str) -> list[int] | None:
    """The action numbers of `chase 18, 19 and 34`, in the order typed, each once; None for other text (one number
    is `chase 18` itself)."""
    found = SEVERAL.match(text or "")
    if found is None:
        return None
    numbers = list(dict.fromkeys(int(n) for n in re.findall(r"\d+", found.group("numbers"))))
    return numbers if 1 < len(numbers) <= MAX_NUMBERS else None


def chase_each(services: Services, turn: Turn, numbers: list[int]) -> list[Reply]:
    """Each action chased as `chase N` is, what each got said in one reply; the owners' nudges go as they would."""
    said: list[str] = []
    others: list[Reply] = []
    for number in numbers:
        try:
            replies = action_chase.chase(services, turn, number, None)
        except (UserError, AccessDenied) as exc:
            said.append(f"Action {number}: {exc}")
            continue
        for reply in replies:
            if reply.is_for_requester and not reply.choices:
                said.append(reply.text)
            else:
                others.append(reply)
    head = Reply(text=f"Chasing {len(numbers)} actions:\n" + "\n".join(f"• {line}" for line in said))
    return [head, *others]


def overdue_in_teams(services: Services, turn: Turn) -> list[action_store.ActionRow]:
    """The open actions past their due date of everyone in the teams this manager (or admin) reads."""
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    owners = team_owner_ids(services, turn.person)
    return [action for action in action_store.open_actions_of_owners(services.storage, owners)
            if is_overdue(action.due_date, today)]


def read_back(services: Services, turn: Turn) -> list[Reply]:
    """"Chase all 8 overdue actions in your teams? Social worker S1: 8 (#9, #16, …)", answered yes or no."""
    if turn.person.role not in TEAM_READERS:
        return [error("`chase all overdue` is for team managers and admins: it chases the overdue actions of the "
                      "teams they manage. To chase one action, type `chase` and its number, like `chase 9`.")]
    overdue = overdue_in_teams(services, turn)
    if not overdue:
        return [Reply(text="Nothing in your teams is overdue, so there is nobody to chase.")]
    owners: dict[str, list[int]] = {}
    for action in overdue:
        owners.setdefault(action.owner_id, []).append(action.id)
    whose = "; ".join(f"{services.directory.label(owner)}: {len(ids)} ({', '.join(f'#{i}' for i in ids)})"
                      for owner, ids in owners.items())
    count = f"{len(overdue)} overdue action{'s' if len(overdue) != 1 else ''}"
    question = Reply(kind="question", text=f"Chase all {count} in your teams? {_sorted_out(services, turn, overdue)}"
                                           f" {whose}. Each owner gets one nudge per action (once a day at most; out "
                                           "of working hours, held until they start or next use the bot). Type "
                                           "`yes` to send, or `no`.",
                     choices=(Choice(f"Chase all {len(overdue)}", ALL, ",".join(str(a.id) for a in overdue),
                                     "primary"), Choice("Don't chase", NONE, "")))
    return [confirmations.ask(services, turn, question, ("chase them", "send"), ("dont chase",),
                              set_aside="Nothing was chased: to chase them, type `chase all overdue` again.")]


def _sorted_out(services: Services, turn: Turn, overdue: list[action_store.ActionRow]) -> str:
    """"2 to send, 3 already waiting, 1 waits for your decision.": what `yes` would do with each, said up front
    (trial 43: "Chase all 6 overdue actions" sent 2, since 3 chases were already held and 1 request for more time
    waited for the manager's answer)."""
    held = held_chases.waiting(services.storage, [action.id for action in overdue])
    since = turn.now.astimezone(services.settings.timezone).replace(hour=0, minute=0, second=0, microsecond=0)
    counts = {"send": 0, "held": 0, "today": 0, "yours": 0, "other": 0}
    for action in overdue:
        last = action_store.last_chase(services.storage, action.id)
        kind = ("held" if action.id in held else "today" if last is not None and last[1] >= since else
                ("yours" if chase_asked.may_answer(services, turn, action.id) else "other")
                if waiting_request(services, action) is not None else "send")
        counts[kind] += 1
    parts = [f"{counts['send']} to send"] + [said for kind, said in (
        ("held", f"{counts['held']} already waiting"), ("today", f"{counts['today']} chased today already"),
        ("yours", f"{counts['yours']} {agreeing(counts['yours'], 'waits', 'wait')} for your decision on more time"),
        ("other", f"{counts['other']} {agreeing(counts['other'], 'waits', 'wait')} for an answer on more time "
                  "(asked first)")) if counts[kind]]
    return f"{', '.join(parts)}."


def on_yes(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Chase all N* (or `yes`): each action read back chased now, as `chase N` would."""
    if not re.fullmatch(r"\d+(?:,\d+)*", value or "") or len(value.split(",")) > 500:
        raise UserError("That button is from an older message: type `chase all overdue` again.")
    return chase_each(services, turn, [int(n) for n in value.split(",")])


def worded(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Several numbers chased, or every overdue action read back; None for other text."""
    if (numbers := numbers_in(text)) is not None:
        return chase_each(services, turn, numbers)
    if EVERY_OVERDUE.match(text or "") is not None:
        return read_back(services, turn)
    return None


def install(engine: Engine, services: Services) -> None:
    """Register the lines above and the read-back's Yes and No."""
    engine.add_message_handler(lambda turn, text: worded(services, turn, text), priority=PRIORITY)
    confirmations.add_answers(engine, services, (ALL, lambda turn, value: on_yes(services, turn, value)),
                              (NONE, not_chased))


def not_chased(_turn: Turn, _value: str) -> list[Reply]:
    """*Don't chase* (or `no`): nothing sent, and said so."""
    return [Reply(kind="notice", text="Nothing was chased.")]
