"""Which person a manager means by the words she typed for one worker: `worker Social worker S1`, `worker s1`,
`worker @Social worker S1`, a mention (`<@U0PRAS001>`) or a member id, and the same words inside a sentence ("how is
my new asye getting on, social worker s1", "show me social worker s1's audits", `list team Social worker S1`).

Trial 43 (finding 12): each of those wordings reached the knowledge base, one of them answered in full with the
corporate parenting principles. A name is read as teams.yaml writes it, without case, spacing, brackets or a
possessive "'s", with a role's shorthand first (`sw s1`, bot.settings.people.folded_name); the first words of a name,
whole words only ("social worker" names every social worker, "social work" nobody); or a name's own short code, its
last word (`s1`). Several people matching is said, never guessed between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.settings.people import SLACK_USER_ID, Directory, folded_name

MENTION = re.compile(rf"^<@({SLACK_USER_ID})(?:\|[^>]*)?>$|^@?({SLACK_USER_ID})$", re.IGNORECASE)
SHORT_CODE = re.compile(r"[a-z]{1,3}\d{1,3}")  # a name's own short code, its last word: 'S1', 'N2'
POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
MAX_WORDS = 8  # a name is a few words: a longer run is a sentence, and names nobody

# The wordings that ask after one worker, read on `spoken` text (lower case, ’ as ', no closing punctuation).
_HOW = r"^(?:(?:hi|hiya|hello|hey|morning|afternoon|ok|okay|so)\b[\s,!-]*)?(?:how\s+(?:is|s|has)|hows|how's)\s+"
_GETTING_ON = (r"(?:been\s+)?(?:getting\s+on|doing|going|settling\s+in|finding\s+it|coping|managing)"
               r"(?:\s+(?:with|on|in)\s+(?:their|her|his|the)\s+(?:audits?|cases?|work|actions))?"
               r"(?:\s+(?:lately|recently|so\s+far|overall|at\s+the\s+moment))?")
_NEW_WORKER = (r"(?:my\s+|our\s+|the\s+)?(?:new\s+)?(?:asye|nqsw|newly\s+qualified(?:\s+sw|\s+social\s+worker)?|"
               r"social\s+worker|worker|practitioner|sw|starter|student)")
_SHOW = (r"^(?:(?:can|could)\s+(?:you|i)\s+|please\s+|pls\s+)?(?:show|list|give|get|see|view|pull\s+up|"
         r"what\s+are|whats|what's)(?:\s+me)?\s+")
_WHAT = r"(?:audits?|actions|grades|picture|work|cases|case\s+audits|audit\s+picture)"
PICTURE = (
    # "how is my new asye getting on, social worker s1"
    re.compile(rf"{_HOW}{_NEW_WORKER}\s+(?:is\s+)?{_GETTING_ON}\s*[,:;-]?\s+(?P<who>.+)$"),
    # "how is social worker s1 getting on", "hows s1 doing with her audits"
    re.compile(rf"{_HOW}(?P<who>.+?)\s+{_GETTING_ON}$"),
    # "show me social worker s1's audits", "s1's actions"
    re.compile(rf"(?:{_SHOW})?(?:all\s+)?(?:of\s+)?(?:the\s+)?(?P<who>.+?(?:'s|s'|’s))\s+{_WHAT}$"),
    # "show me the audits of social worker s1", "list the actions for sw s1"
    re.compile(rf"{_SHOW}(?:all\s+)?(?:of\s+)?(?:the\s+)?{_WHAT}\s+(?:of|for|by|from)\s+(?P<who>.+)$"),
)
LIST_TEAM = re.compile(r"^/?(?:audit\s+)?list\s+team\s+(?P<who>.+)$")


@dataclass(frozen=True)
class Named:
    """Who `typed` names: every member id it matches, in name order (none, one, or several to ask about)."""

    typed: str
    found: tuple[str, ...]


def spoken(text: str) -> str:
    """A line as the wordings read it: lower case, one space between words, ’ as ', no closing punctuation."""
    return " ".join(text.replace("’", "'").casefold().split()).rstrip(" ?!.")


def people_named(directory: Directory, typed: str) -> Named:
    """The people `typed` names (see the module): a mention or member id of someone in teams.yaml, a whole name, the
    first whole words of names, or a name's short code; a possessive "'s" after any of them is read past."""
    text = " ".join(typed.split()).strip(" ,.;:!?")
    if (mention := MENTION.match(text)) is not None:
        user_id = (mention.group(1) or mention.group(2)).upper()
        return Named(text, (user_id,) if directory.person(user_id) else ())
    text = POSSESSIVE.sub("", text.lstrip("@").strip())
    if not text or len(text.split()) > MAX_WORDS:
        return Named(text, ())
    found = _matching(directory, folded_name(text))
    if not found and text.casefold().endswith("s"):  # "s1s audits", an apostrophe left out
        found = _matching(directory, folded_name(text[:-1]))
    return Named(text, found)


def _matching(directory: Directory, wanted: str) -> tuple[str, ...]:
    if not wanted:
        return ()
    folded = {p.user_id: folded_name(p.name) for p in directory.people.values()}
    for matches in (lambda name: name == wanted, lambda name: name.startswith(wanted + " "),
                    lambda name: SHORT_CODE.fullmatch(wanted) is not None and name.split()[-1:] == [wanted]):
        found = [user_id for user_id, name in folded.items() if matches(name)]
        if found:
            return tuple(sorted(found, key=lambda user_id: (folded[user_id], user_id)))
    return ()


def picture_asked(text: str) -> str | None:
    """The words naming a worker in a sentence asking after them ("how is my new asye getting on, social worker s1"
    gives "social worker s1"); None for a line in no such shape."""
    said = spoken(text)
    for shape in PICTURE:
        if (found := shape.match(said)) is not None:
            return found.group("who").strip(" ,")
    return None


def list_team_named(text: str) -> str | None:
    """What follows `list team` in a typed line (`list team Social worker S1`), or None."""
    found = LIST_TEAM.match(spoken(text))
    return found.group("who").strip() if found else None
