"""A person as people type them: a Slack mention or member id, or their name as the bot writes it.

Replies name staff by their label in teams.yaml ("Team manager (North)", "Social worker N2"), so people copy that
back: `/audit away … cover @Team manager (North)`, `action 41 owner Social worker N2`. Every place that takes a
person by name reads it here, the same way: the whole name (case and spacing aside), or the start of exactly one
person's name; a start that fits several is asked about, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from bot.errors import UserError
from bot.settings.people import Directory


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
