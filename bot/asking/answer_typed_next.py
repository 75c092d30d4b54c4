"""*Answer* on an unanswered group in the terminal chat: the next line typed is the answer, as Slack's form takes it.

Trial 12: in the terminal, *Answer* only said which command to type, and the answer typed next was searched as a
question ("Did you mean…"), the group left open. Slack opens a form; the terminal has none, so pressing *Answer* there
keeps the group's number beside the conversation (`KEY`) and the next line typed is the answer: sent as the form sends
it, or refused as the form refuses it (`ok`, an identifier), the bot then still waiting for it as the form stays open;
a line ending in "?" is not sent either (trial 19: the QA lead's own question went to the asker as the answer).
`cancel` leaves the group open; a whole command typed instead runs, and the answer is no longer waited for (the reply
says so), as it is not after a button pressed or an `/audit` command. A chat started again says it still waits.
A refused `kb answer N <text>` waits the same way, in Slack's DM too (trial 23: after `kb answer 4 ok` was refused, the
answer pasted next was noted as an unanswered question). Trial 39: the line typed next is read back for a yes before it
is sent (bot.asking.answer_read_back), and a line worded as a question ("whats the timescale for…") is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.asking import answer_read_back
from bot.asking.unanswered import UnansweredDesk, as_listed
from bot.asking.unanswered_input import FieldProblem
from bot.core.buttons import typed_id
from bot.core.markup import bold
from bot.core.replies import Reply, count_of, error
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.near_miss import is_command_line
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import typed_command
from bot.errors import UserError
from bot.storage import audits as store

KEY = "kb_answering"  # the group whose answer the next typed line is, beside the conversation
PRIORITY = 12  # after `help` (10); before a Yes-or-No (15) or an audit's step (20): *Answer* was pressed after them
CANCEL = re.compile(r"^\s*(?:cancel|stop|later|not now|never mind|nevermind|leave it)\s*[.!]?\s*$", re.IGNORECASE)


def waiting_for(services: Services, user_id: str) -> int | None:
    """The group this person's next typed line answers, if they pressed *Answer* in the terminal chat."""
    key = store.conversation(services.storage, user_id).get(KEY)
    return key if isinstance(key, int) and not isinstance(key, bool) else None


def _stop_waiting(services: Services, turn: Turn) -> None:
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)


def pressed(services: Services, desk: UnansweredDesk) -> Callable[[Turn, str], list[Reply]]:
    """The *Answer* button: Slack's form, or in the terminal chat the answer asked for as the next typed line."""

    def answer(turn: Turn, value: str) -> list[Reply]:
        if turn.surface != "terminal":
            return desk.answer_button(turn, value)
        group = desk.pressed(turn, value)
        return [ask_for_answer(services, turn, group.key, group.wording, len(group.askers))]

    return answer


def _wait_for(services: Services, turn: Turn, key: int) -> None:
    """The next typed line answers group `key`; a Yes-or-No asked before no longer waits (this is waited for)."""
    store.keep_aside(services.storage, turn.user_id, confirmations.KEY, None, turn.now)
    store.keep_aside(services.storage, turn.user_id, KEY, key, turn.now)


def ask_for_answer(services: Services, turn: Turn, key: int, wording: str, askers: int) -> Reply:
    """Wait for the answer to group `key` as the next typed line, and say so."""
    _wait_for(services, turn, key)
    people = count_of(askers, "person", "people")
    return Reply(text=f"Type your answer to #{key} next (_{wording}_): it goes by DM to the {people} who asked, "
                      f"and #{key} closes. (`/audit kb answer {key} <your answer>` does the same in one line.)",
                 prompt=f"Your answer to #{key}", note=f"`cancel` leaves #{key} open.")


def answer_command(services: Services, desk: UnansweredDesk, turn: Turn, rest: str) -> list[Reply]:
    """`kb answer N <text>`: read back for a yes before it goes, as the line typed after *Answer* is (trial 44 F12:
    it went straight to the askers, and a DM cannot be unsent). Refused as the form refuses it (`ok`, no text, an
    identifier, too long), the next line typed is taken as the answer to N, as after *Answer*, and the refusal says
    so. Trial 23: after `kb answer 4 ok` was refused, the answer the QA lead pasted next was logged as an unanswered
    question."""
    number, _, text = rest.strip().partition(" ")
    key = typed_id(number.lstrip("#"))
    if key is None:
        return desk.typed(turn, "answer", rest)  # says which number to give
    try:
        group = desk.group(turn, key)
        checked = desk.answer_text(text)
        return [answer_read_back.read_back(services, turn, key, checked, len(group.askers), as_listed(group, key),
                                           group.key)]
    except FieldProblem as refused:
        key = typed_id(rest.strip().partition(" ")[0].lstrip("#"))
        if key is None:  # never: the number is read before the answer is
            raise
        _wait_for(services, turn, key)
        return [replace(error(f"{refused} Type the answer as your next message and I'll send it as the answer to "
                              f"#{key} (or type `/audit kb answer {key} <your answer>`); `cancel` leaves #{key} "
                              "open."), prompt=f"Your answer to #{key}")]


def still_waiting(services: Services, desk: UnansweredDesk, turn: Turn) -> list[Reply]:
    """What a terminal chat started again shows: the answer read back, asked again while its `yes` waits (trial 62
    F3: it was lost with the session, #7 left open unseen), else the answer it still waits for (or nothing)."""
    if (kept := answer_read_back.awaiting_yes(services, turn.user_id)) is not None:
        return _read_back_again(services, desk, turn, kept)
    key = waiting_for(services, turn.user_id)
    if key is None:
        return []
    return [Reply(text=f"You pressed {bold('Answer')} on #{key}: type your answer next, or `cancel` to leave #{key} "
                       "open.", prompt=f"Your answer to #{key}")]


def _read_back_again(services: Services, desk: UnansweredDesk, turn: Turn, kept: dict) -> list[Reply]:
    """The answer read back once more, as it would go, for its `yes`; when its group was closed or left the list
    meanwhile, said not sent and why, and no longer kept."""
    key, text = kept.get("key"), str(kept.get("text"))
    try:
        group = desk.group(turn, int(str(key)))
    except (UserError, ValueError) as gone:
        answer_read_back.drop(services, turn)
        _stop_waiting(services, turn)
        return [Reply(kind="notice", text=f"Your answer to #{key} was not sent: {gone}")]
    return [Reply(kind="notice", text=f"Picking up where you left off: your answer to #{key} is not sent yet."),
            answer_read_back.read_back(services, turn, int(str(key)), text, len(group.askers),
                                       as_listed(group, int(str(key))), group.key)]


def typed(engine: Engine, services: Services, desk: UnansweredDesk, turn: Turn, text: str) -> list[Reply] | None:
    """The line typed after *Answer*: read back, and sent on `yes`; `cancel` leaves the group open; a whole command
    runs, and the answer is no longer waited for; a question is not taken. None when no answer is waited for."""
    key = waiting_for(services, turn.user_id)
    if key is None or _read_back_answered(services, turn, text):
        return None  # `yes` or `no` to the answer read back: the question's own buttons run
    if CANCEL.match(text):
        _stop_waiting(services, turn)
        answer_read_back.drop(services, turn)
        return [Reply(text=f"OK, nothing was sent: #{key} stays open on `/audit kb unanswered`.")]
    again = f"press {bold('Answer')} under `/audit kb unanswered` again, or type `/audit kb answer {key} <your answer>`"
    if is_command_line(text, engine.typed_shapes):
        _stop_waiting(services, turn)
        answer_read_back.drop(services, turn)
        if _answers(text, key):  # `kb answer 25 <text>` typed again: the command's own reply is the one true one
            return typed_command(engine, turn, text) or []
        note = Reply(kind="notice", text=f"I took that as a command, so your answer to #{key} was not sent: "
                                         f"to answer it, {again}.")
        return [note, *(typed_command(engine, turn, text) or [])]
    if text.rstrip().endswith("?"):  # trial 19: "what should I tell them?" went to the asker as the answer
        return [Reply(kind="notice", text=f"That ends with a question mark, so I haven't sent it as the answer to "
                                          f"#{key}: I'm still waiting for your answer. Type it (without the `?` if "
                                          f"it really ends with one), or `cancel` to leave #{key} open.",
                      prompt=f"Your answer to #{key}")]
    if confirmations.ASKED.search(text):  # trial 39: "whats the timescale for a pre birth conference" was sent
        return [Reply(kind="notice", text=f"That reads as a question, so I haven't taken it as the answer to #{key}: "
                                          f"I'm still waiting for your answer. Type it (or `/audit kb answer {key} "
                                          f"<your answer>` if it starts that way), or `cancel` to leave #{key} open "
                                          "and ask your question after.", prompt=f"Your answer to #{key}")]
    return _read_back(services, desk, turn, key, text)


def _read_back_answered(services: Services, turn: Turn, text: str) -> bool:
    """Whether `text` answers the answer read back (`yes`, `no`, a button's label)."""
    pending = store.conversation(services.storage, turn.user_id).get(confirmations.KEY)
    return answer_read_back.draft(services, turn.user_id) is not None and isinstance(pending, dict) \
        and pending.get("yes", [None])[0] == answer_read_back.SEND and confirmations.reading(text, pending) is not None


def _read_back(services: Services, desk: UnansweredDesk, turn: Turn, key: int, text: str) -> list[Reply]:
    """The line checked as the form checks it, then read back for a yes (trial 39): never sent unseen."""
    try:
        checked = desk.answer_text(text)
        group = desk.group(turn, key)
    except FieldProblem as refused:  # as the form stays open with the mistake beside it
        return [error(f"{refused} Type the answer again, or `cancel` to leave #{key} open.")]
    except UserError:
        _stop_waiting(services, turn)  # the group closed meanwhile, or left the list: said as for the command
        raise
    return [answer_read_back.read_back(services, turn, key, checked, len(group.askers), as_listed(group, key),
                                           group.key)]


def _answers(text: str, key: int) -> bool:
    """Whether `text` is `kb answer <key> …` (with `/audit` or not): the answer waited for, typed as the command
    (trial 38: it was said not to be sent, then said sent)."""
    return re.match(rf"^\s*(?:/audit\s+)?kb\s+answer\s+#?{key}\b", text, re.IGNORECASE) is not None


def drop_on_press(services: Services, turn: Turn,
                  typed_text: str | None) -> Callable[[list[Reply]], list[Reply]] | None:
    """Before a button press or an `/audit` command (no typed text): the answer is no longer waited for; pressing
    *Answer* again waits for it anew."""
    if typed_text is None and waiting_for(services, turn.user_id) is not None:
        _stop_waiting(services, turn)
    return None


def install(engine: Engine, services: Services, desk: UnansweredDesk) -> None:
    """Register the typed answer, what a new chat shows while it waits, and its end on any button or command."""
    engine.add_message_handler(lambda turn, text: typed(engine, services, desk, turn, text), priority=PRIORITY)
    engine.add_session_start(lambda turn: still_waiting(services, desk, turn))
    engine.add_turn_watch(lambda turn, typed_text: drop_on_press(services, turn, typed_text))
    answer_read_back.install(engine, services, desk.answer, lambda turn: _stop_waiting(services, turn),
                             lambda turn, key: _wait_for(services, turn, key))
