"""Options offered for a question ("Did you mean…", or "I don't know that yet" with *Pass it to the QA leads*) kept
for the terminal chat, as Slack keeps them in its buttons.

In Slack the buttons stay on the message: pressed the next morning, they still pick the entry for the question they
were offered for. The terminal chat numbered them only on its own screen, so a new session on the same database
forgot them, and `2` typed there picked nothing (trial 26). So the options are stored with the question (bot.storage
.asks `remember_offer`), and for `OPEN_FOR` after it was asked, while none is picked, it is not passed on to the QA
leads and it is the person's latest question:
- an option number typed first in a new terminal session picks it, said back with when it was offered, so `2`
  picks the second as it would have before; they are not printed again as the session opens (trial 37: sessions
  opened with the last one's "The options I offered you today … Did you mean…", stale by then, as trial 34 found of
  feedback). Anything done after them (a question, a command, a button) leaves them behind (trial 27);
- typing an option's words (its label) picks it, in the session they were offered in or the next;
- after `OPEN_FOR`, an option number typed before any options are on screen is told they are no longer open and to
  ask again, rather than "no options to pick from".
A pick made in a later session than the question (its number typed first, or its words) gives the entry but
teaches the search nothing: only a wording the person typed in the same conversation is learned from a pick
(fix41a: an option's title typed in a new session learned the whole sentence asked the day before, which the
person no longer had in front of them), and never the entry's own question (bot.asking.learning).
An answer's own options (Helpful / Not helpful, then its related questions) are kept the same way until Helpful or
Not helpful is pressed (trial 31: `2` typed in the next session, meant as Not helpful, picked nothing).
Only entry questions and ids are stored (the asker's words are in the question's own row, screened as ever).
"""

from __future__ import annotations

from datetime import timedelta

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.confirmations import normal
from bot.engine.routing import ActionHandler, Engine, Turn
from bot.storage import asks as store
from knowledge.dates import short_date

SHOW_UNLEARNED = "kb.show_unlearned"  # `kb.show`, picked in a later session than the question: nothing learned
OPEN_FOR = timedelta(days=1)  # a day: a question left at the end of one day is picked up the next morning
OPEN_FOR_SAID = "a day"
PRIORITY = 85  # after every step and question waiting (an audit's words are its own), before the search (90)


class Openings:
    """Which question was the person's latest, with options still open, as their terminal session opened (the
    engine's session start, as it opens: a chat started again on the same engine opens another). Its options, and
    any before, were offered in an earlier session; one asked since, in this one. Nothing noted for a person means
    no session opened (Slack, or a test driving the engine): every pick is then in the question's conversation.
    (Ids, not times: a question asked in the second a session opened is stored to the second, and read as earlier.)"""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._before: dict[str, int] = {}

    def opened(self, turn: Turn) -> list[Reply]:
        """Note the session's opening; says nothing."""
        offer = store.open_offer(self.services.storage, turn.user_id)
        self._before[turn.user_id] = offer.ask_id if offer is not None else 0
        return []

    def picked(self, turn: Turn, offer: store.Offer, action: str) -> str:
        """The action a pick of `offer`'s option runs: a suggestion shown without learning its question's words when
        the question was asked before this session opened."""
        earlier = offer.ask_id <= self._before.get(turn.user_id, 0)
        return SHOW_UNLEARNED if earlier and action == "kb.show" else action



def on_the_list(lead: str) -> str:
    """What a question the knowledge base could not answer is told, after `lead` ("I don't know that yet"): the two
    paths as they are (trial 48 F19: "…is on the QA leads' list… To have them reply to you, press Pass it to the QA
    leads" said it was on the list and then asked for it to be passed on). Noted, it is listed in `kb unanswered`, and a
    QA lead's answer there comes to the asker by DM; the button sends it to the QA leads now."""
    return (f"{lead}. Your question is on the QA leads' list for the knowledge base, and if they answer it I'll send "
            "you their answer. To ask them now, press Pass it to the QA leads: it goes to them straight away.")

def remember(services: Services, turn: Turn, ask_id: int, reply: Reply) -> Reply:
    """`reply`, its options kept with question `ask_id` when offered in the terminal chat (Slack keeps its own)."""
    if turn.surface == "terminal" and reply.choices:
        store.remember_offer(services.storage, ask_id, [(c.label, c.action, c.value) for c in reply.choices])
    return reply


def _open(services: Services, turn: Turn) -> tuple[store.Offer | None, bool]:
    """This person's offer still unsettled, and whether it is still open (within OPEN_FOR)."""
    offer = store.open_offer(services.storage, turn.user_id)
    if offer is None or offer.surface != "terminal":
        return None, False
    return offer, turn.now - offer.asked_at <= OPEN_FOR


def _when(services: Services, turn: Turn, offer: store.Offer) -> str:
    local = offer.asked_at.astimezone(services.settings.timezone)
    today = turn.now.astimezone(services.settings.timezone).date()
    day = "today" if local.date() == today else f"on {local:%A} {short_date(local.date(), year=False)}"
    return f"{day} at {local:%H:%M}"


def kept_pick(engine: Engine, services: Services, openings: Openings, turn: Turn, text: str) -> list[Reply] | None:
    """An option number typed first in a later terminal session, with nothing on screen, picks the option kept: a
    "Did you mean…" entry (trial 26), an answer's Helpful / Not helpful or the pass-on (trial 31: `2` meant Not
    helpful), said back with when it was offered; None for anything else (nothing kept, lapsed, left behind, or a
    number none of its options has)."""
    offer, is_open = _open(services, turn)
    number = text.strip().lstrip("#").rstrip(".)")
    if offer is None or not is_open or offer.left or not number.isdigit():
        return None
    if not 1 <= int(number) <= len(offer.options):
        return None
    label, action, value = offer.options[int(number) - 1]
    store.leave_offer(services.storage, offer.ask_id, turn.now)
    said = Reply(kind="notice", text=f"→ You picked {number}: {label} (offered {_when(services, turn, offer)}).")
    return [said, *engine.run_action(turn, openings.picked(turn, offer, action), value)]


def moved_on(services: Services, turn: Turn, _typed: str | None) -> None:
    """Around every command, typed message and button press: options offered before it are left behind, so a later
    session does not show them again (they can still be picked while open, by their number on screen or words). Only
    the terminal chat keeps options (Slack keeps its buttons), so only its turns look."""
    if turn.surface != "terminal":
        return
    offer = store.open_offer(services.storage, turn.user_id)
    if offer is not None and not offer.left:
        store.leave_offer(services.storage, offer.ask_id, turn.now)


def picked_in_words(engine: Engine, services: Services, openings: Openings, turn: Turn,
                    text: str) -> list[Reply] | None:
    """An open option's words typed in the terminal chat pick it, as its number does; None for anything else."""
    if turn.surface != "terminal":
        return None
    offer, is_open = _open(services, turn)
    said = normal(text)
    if offer is None or not is_open or not said:
        return None
    picked = next(((action, value) for label, action, value in offer.options if normal(label) == said), None)
    if picked is None:
        return None
    action, value = picked
    return engine.run_action(turn, openings.picked(turn, offer, action), value)


def lapsed(services: Services, turn: Turn, text: str) -> str | None:
    """Why an option number typed with none on screen picks nothing, when the last options offered have lapsed."""
    offer, is_open = _open(services, turn)
    if offer is None or is_open:
        return None
    return (f"The options I offered you {_when(services, turn, offer)} are no longer open (they stay open for "
            f"{OPEN_FOR_SAID}), so “{text.strip()}” picks nothing. Ask your question again to see them afresh.")


def install(engine: Engine, services: Services, show_unlearned: ActionHandler) -> None:
    """Pick an open option by its number typed first in a later session or by its words, and say when they
    lapsed. `show_unlearned`: a suggestion shown without learning from the pick (`SHOW_UNLEARNED`)."""
    openings = Openings(services)
    engine.add_session_start(openings.opened, opening_only=True)
    engine.add_action(SHOW_UNLEARNED, show_unlearned)
    engine.add_turn_watch(lambda turn, typed: moved_on(services, turn, typed))
    engine.add_message_handler(lambda turn, text: picked_in_words(engine, services, openings, turn, text),
                               priority=PRIORITY)
    engine.add_lapsed_pick(lambda turn, text: lapsed(services, turn, text))
    engine.add_kept_pick(lambda turn, text: kept_pick(engine, services, openings, turn, text))
