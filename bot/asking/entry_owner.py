"""A new entry's `owner:` typed as a person is typed anywhere else in the bot (trial 46, F8).

`kb new 11 … | owner: QA lead (practice)` was refused, "not a Slack user id or a team mailbox; use a Slack member
id", though everywhere else a person may be typed by the name the bot writes for them, and a QA lead does not know
member ids by heart. Now the owner may be a member id or a mention, a name from teams.yaml as the bot writes it (or
the start of exactly one person's name), or a shared team mailbox; a name is written to the entry as the member id
(what `kb check` reads), and said so in the reply. Words that name nobody are refused with the nearest people and
their ids; a start that fits several names them. The same for the typed command and the *New entry* form.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.markup import mention
from bot.core.people import nearest_people, person_typed
from bot.errors import UserError
from bot.settings.people import Directory
from knowledge.fields import OWNER_FORMS, is_owner
from knowledge.kb_writer import NewEntry

_EMAIL = re.compile(r"[^\s<@]@\S")  # 'jane.smith@council.gov.uk'; not a mention, '<@U0QALEAD1>', '@QA lead'


def with_owner_read(directory: Directory, new: NewEntry, found: list[tuple[str, str]],
                    defaults: list[str]) -> NewEntry:
    """The new entry with its typed owner as a member id (said in `defaults` when typed as a name), or with its
    problem added to `found` when the words name nobody or several people. A member id or team mailbox is kept."""
    typed = " ".join((new.owner or "").split())
    if not typed or is_owner(typed) or _EMAIL.search(typed):
        return new  # an id or a team mailbox, kept; a person's email is refused in `kb check`'s words
    try:
        owner = person_typed(directory, typed, lambda name: f"owner: {name}")
    except UserError as several:
        found.append(("owner", str(several)))
        return replace(new, owner=None)
    if owner is None:
        found.append(("owner", nobody_named(directory, typed)))
        return replace(new, owner=None)
    if owner.casefold() != typed.casefold():
        defaults.append(f"Owner: {mention(owner)}, written as their member id `{owner}`.")
    return replace(new, owner=owner)


def nobody_named(directory: Directory, typed: str) -> str:
    """Why an owner is refused when its words name nobody: the nearest people with their ids, to copy one."""
    near = nearest_people(directory, typed)
    offered = "; ".join(f"{directory.label(user_id)} (`{user_id}`)" for user_id in near)
    nearest = f" The nearest: {offered}." if near else ""
    return (f"owner: “{typed}” names nobody in the bot's teams list.{nearest} Type a person's name as I write it, "
            f"an @mention, or {OWNER_FORMS}.")
