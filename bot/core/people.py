"""A person as people type them: a Slack mention or member id, or their name as the bot writes it.

Replies name staff by their label in teams.yaml ("Team manager (North)", "Social worker N2"), so people copy that
back: `/audit away … cover @Team manager (North)`, `action 41 owner Social worker N2`. Every place that takes a
person by name reads it here, the same way: the whole name (case and spacing aside), or the start of exactly one
person's name; a start that fits several is asked about, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from rapidfuzz import fuzz, process

from bot.errors import UserError
from bot.settings.people import Directory, folded_name
from knowledge.fields import SLACK_USER_ID


def person_named(directory: Directory, typed: str, example: Callable[[str], str],
                 among: Collection[str] | None = None) -> str | None:
    """The member id of the one person `typed` names, or None when it names nobody. When it fits several
    ("@Team manager"), UserError listing them, with `example(name)` showing the whole name typed where it goes.
    With `among`, only those people are named or listed (an action's owner is one of the case's people, so someone
    in another team is never offered as one it "could be")."""
    found = directory.named(typed, among)
    if found is not None:
        return found
    several = directory.names_starting(typed, among)
    if len(several) > 1:
        names = [directory.label(user_id) for user_id in several]
        listed = ", ".join(names[:-1]) + f" or {names[-1]}"
        raise UserError(f"“{typed.strip()}” could be {listed}: type the whole name, like `{example(names[0])}`.")
    return several[0] if several else None


# A person typed by Slack id: a mention as Slack sends it (`<@U0QALEAD1>`, `<@U0QALEAD1|qa lead>`), `@U0QALEAD1`, or
# the member id alone.
_MENTION = re.compile(rf"^<?@?({SLACK_USER_ID})(?:\|[^>]*)?>?$", re.IGNORECASE)


def person_typed(directory: Directory, typed: str, example: Callable[[str], str]) -> str | None:
    """The member id of the person `typed` means, read as a person is typed anywhere in the bot: a mention or a
    member id (kept as typed, whether or not teams.yaml lists them), else a name as the bot writes it or the start
    of exactly one person's name (`person_named`, UserError when it fits several); None when it names nobody."""
    match = _MENTION.fullmatch(typed.strip())
    if match:
        return match.group(1).upper()
    return person_named(directory, typed, example)


def nearest_people(directory: Directory, typed: str, count: int = 3) -> list[str]:
    """The member ids of the people whose names are most like `typed` (a slip, `QA leed`, or a role put another
    way, `qa practice lead`), best first, to offer when it names nobody; never someone nothing like it."""
    names = {user_id: folded_name(person.name) for user_id, person in directory.people.items()}
    found = process.extract(folded_name(typed.strip().lstrip("@")), names, scorer=fuzz.WRatio, limit=count,
                            score_cutoff=_NEAR)
    return [user_id for _, _, user_id in found]


_NEAR = 50.0  # WRatio: 'qa leed' is 92 like "qa lead (practice)"; 'bob' nothing like any name the demo teams hold
