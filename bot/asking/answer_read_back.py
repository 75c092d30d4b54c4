"""The answer typed as the next line is read back for a yes before it goes to the askers.

Trial 39 (high): after `kb answer N <text>` was refused (a phone number), the next line typed, `whats the timescale
for a pre birth conference` (the QA lead's own question), was DM'd to the askers as the QA answer and #N closed: it
cannot be taken back. A line typed after a refusal, or after *Answer* in the terminal chat, is no longer sent as it
comes: the QA lead sees it quoted, with who gets it, and sends it with `yes` (or the button). `no` sends nothing and
the answer is still waited for; another line typed replaces the one read back. A line with the shape of a question
is not read back at all (bot.asking.answer_typed_next). A one-line `kb answer N <text>` is read back the same way
(trial 44 F12: it went out at once, typos and all, and a DM cannot be unsent).

Buttons: kb.unanswered.answer_send / answer_unsent, value the group's number; the text waits beside the conversation
(`DRAFT`) until then, never in the button.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core import buttons
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage import audits as store

SEND, UNSENT = "kb.unanswered.answer_send", "kb.unanswered.answer_unsent"
DRAFT = "kb_answer_draft"  # beside the conversation: {"key": N, "text": the answer read back}, until Yes or No
Send = Callable[[Turn, int, str], list[Reply]]


def read_back(services: Services, turn: Turn, key: int, text: str, askers: int, listed: str = "",
              listed_key: int | None = None) -> Reply:
    """The answer as it would go, and Yes or No: nothing is sent until the QA lead says yes. `listed`: the group as
    `kb unanswered` lists it (`as_listed`), and `listed_key` its number, when `key` is one wording's own number:
    trial 49, `kb answer 8 …` read back "Send this as the answer to #8?" though the list showed the group as #7, and
    the confirmation after `yes` named #7."""
    store.keep_aside(services.storage, turn.user_id, DRAFT, {"key": key, "text": text}, turn.now)
    people = count_of(askers, "person", "people")
    quoted = "\n".join(f">{line}" for line in text.splitlines() or [text])
    shown = f"#{key if listed_key is None else listed_key}"
    return confirmations.ask(services, turn, Reply(
        kind="question",
        text=f"Send this as the answer to {listed or shown}? It goes by DM to the {people} who asked, and {shown} "
             f"closes:\n{quoted}\nType `yes` to send it, `no` to type it again, or `cancel` to leave {shown} open.",
        choices=(Choice("Yes, send it", SEND, str(key), "primary"), Choice("No, don't send", UNSENT, str(key)))))


def draft(services: Services, user_id: str) -> dict | None:
    """The answer read back and not yet sent, if any."""
    kept = store.conversation(services.storage, user_id).get(DRAFT)
    return kept if isinstance(kept, dict) else None


def awaiting_yes(services: Services, user_id: str) -> dict | None:
    """The answer read back while its "Send this…?" is still the question waiting (not set aside by a line typed
    since): what a terminal chat started again asks again (trial 62 F3: it was lost with the session)."""
    kept, asked = draft(services, user_id), store.conversation(services.storage, user_id).get(confirmations.KEY)
    if kept is None or not isinstance(asked, dict) or asked.get("yes", [None])[0] != SEND:
        return None
    return kept if str(asked["yes"][1]) == str(kept.get("key")) else None


def drop(services: Services, turn: Turn) -> None:
    """The answer read back is no longer kept (sent, cancelled, or another typed instead)."""
    store.keep_aside(services.storage, turn.user_id, DRAFT, None, turn.now)


def send(services: Services, turn: Turn, value: str, answer: Send, stop_waiting: Callable[[Turn], None]) -> list[Reply]:
    """Yes: the answer read back goes to the askers, checked again as it is sent."""
    key = buttons.record_id(value, "type `/audit kb unanswered` for the current list")
    kept = draft(services, turn.user_id)
    if kept is None or kept.get("key") != key:
        raise UserError(f"That answer to #{key} is no longer kept, so nothing was sent. Type "
                        f"`/audit kb answer {key} <your answer>` to send one.")
    replies = answer(turn, key, str(kept["text"]))
    drop(services, turn)
    stop_waiting(turn)
    return replies


def unsent(services: Services, turn: Turn, value: str, wait_again: Callable[[Turn, int], None]) -> list[Reply]:
    """No: nothing sent; the answer is waited for again."""
    key = buttons.record_id(value, "type `/audit kb unanswered` for the current list")
    drop(services, turn)
    wait_again(turn, key)
    return [Reply(kind="notice", text=f"OK, nothing was sent. Type your answer to #{key} again, or `cancel` to leave "
                                      f"#{key} open.", prompt=f"Your answer to #{key}")]


def not_sent(key: object) -> str:
    """What the QA lead is told when their answer read back will not go on a `yes` (trial 62 F3)."""
    return f"Your answer to #{key} was not sent: to send it, type `/audit kb answer {key} <your answer>` again."


def _set_aside(services: Services, turn: Turn) -> Callable[[list[Reply]], list[Reply]] | None:
    """A watch on each typed message: a line that leaves the answer read back unanswered, neither sent, dropped nor
    read back anew (a question of the QA lead's own, typed after `kb answer 7 …`), is followed by one line saying
    it was not sent, so a `yes` typed later is not believed to have sent it (trial 62 F3)."""
    before = awaiting_yes(services, turn.user_id)
    if before is None:
        return None

    def after(_replies: list[Reply]) -> list[Reply]:
        if awaiting_yes(services, turn.user_id) is not None or draft(services, turn.user_id) != before:
            return []
        return [Reply(kind="notice", text=not_sent(before.get("key")))]

    return after


def install(engine: Engine, services: Services, answer: Send, stop_waiting: Callable[[Turn], None],
            wait_again: Callable[[Turn, int], None]) -> None:
    """Register the read-back's Yes and No, and the line said when other input leaves it unanswered."""
    engine.add_message_watch(lambda turn, text: _set_aside(services, turn))
    confirmations.add_answers(
        engine, services,
        (SEND, lambda turn, value: send(services, turn, value, answer, stop_waiting)),
        (UNSENT, lambda turn, value: unsent(services, turn, value, wait_again)))
