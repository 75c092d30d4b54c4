"""`/audit kb find <words>`: the stored questions whose wording holds the words, any outcome, each with the number
`/audit kb remove N` takes (user trial: a name that slipped into a question the bot *answered* was listed nowhere,
so it could not be removed without knowing its row).

The words are what a QA lead is looking for, often the leaked name itself, so they are not screened, not stored,
not logged and not said back; the list is shown only in a direct message (or the terminal), never in a channel.
"""

from __future__ import annotations

from bot.core.markup import bold
from bot.core.policy import may_keep_knowledge
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.privacy.removal import MARKER_START
from bot.storage import asks as ask_store
from knowledge.dates import short_date

SHOWN = 20
OUTCOMES = {"answer": "answered", "ambiguous": "offered a choice", "none": "no answer"}
USAGE = ("Say which words to look for, like `/audit kb find riverside`: every stored question holding all of them "
         "is listed with its number for `/audit kb remove N`.")


def find(services: Services, turn: Turn, words: str) -> list[Reply]:
    """The stored questions holding every word, newest first, with their numbers: in a DM only."""
    if not may_keep_knowledge(turn.person):
        raise AccessDenied("Finding stored questions is for QA leads and admins. Ask them if a question could "
                           "identify someone.")
    if turn.surface == "channel":
        return [Reply(text="Stored questions may hold what identifies someone, so I don't list them here: type "
                           "`kb find` with your words in our direct messages.")]
    wanted = words.split()
    if not wanted:
        raise UserError(USAGE)
    found = ask_store.find_asks(services.storage, wanted, SHOWN + 1, MARKER_START)
    entries = entries_holding(services, wanted)
    if not found:
        return [Reply(text="No stored question holds all of those words (questions whose text was removed are not "
                           "searched). Try fewer words, or part of one."), *entries]
    zone = services.settings.timezone
    lines = [f"• #{ask.id}, {short_date(ask.asked_at.astimezone(zone).date())}, "
             f"{OUTCOMES.get(ask.outcome, ask.outcome)}: “{ask.query}”" for ask in found[:SHOWN]]
    more = (f"\nOnly the newest {SHOWN} are listed: add a word to narrow it." if len(found) > SHOWN else "")
    return [Reply(title="Stored questions found", text=(
        f"{bold('Stored questions holding those words')}, newest first. To remove one that could identify someone, "
        f"type `/audit kb remove <number>`, like `/audit kb remove {found[0].id}`: you are asked to confirm first, "
        "and shown every question that would go.\n"
        + "\n".join(lines) + more)), *entries]


def entries_holding(services: Services, wanted: list[str]) -> list[Reply]:
    """The knowledge base's entries whose id, question or alternatives hold every word, with their ids and files
    (trial 20: `kb find icpc` found no entry, so a QA lead looked ids up in the files by hand)."""
    words = [word.casefold() for word in wanted]
    shown = []
    for entry in services.live_knowledge().current.kb.entries.values():
        said = " ".join((entry.id, entry.question, *entry.alternatives)).casefold()
        if all(word in said for word in words):
            shown.append(entry)
    if not shown:
        return []
    lines = [f"• `{entry.id}`: {entry.question} (`{entry.file}`)" for entry in shown[:SHOWN]]
    more = f"\nOnly the first {SHOWN} are listed: add a word to narrow it." if len(shown) > SHOWN else ""
    return [Reply(title="Entries found", text=(
        f"{bold('Knowledge-base entries holding those words')} (their id goes in `/audit kb link <number> <id>`):\n"
        + "\n".join(lines) + more))]
