"""Yes-or-No questions that typed words answer as well as the buttons: one mechanism for every confirmation.

A user trial found typed `yes` answering "Mark action #7 done for …?" and Cancel audit, but not the removal of a
stored text, of a knowledge-base question, or an early campaign close: there `yes` was told "no question waiting",
which reads like done on a removal that had not happened, and the buttons' own labels went to the knowledge base.

A feature asking Yes or No passes its question through `ask`: its first button is the Yes, its second the No. Until
the next typed message, `yes`, `y`, `no`, `n` (and a few everyday forms) and either button's label, in any case,
answer the latest question asked, exactly as pressing that button does; any other text leaves the question (its
buttons still work) and goes where it would have gone. Asking another question replaces the one waiting, and so
does anything the bot then waits for (an audit's next step rewrites the conversation row it is kept on).

A reply offering one button with a word to type for it ("Rejected by mistake? Undo, or type …") passes through
`offer`: until the next typed message, that word or the button's label runs the button, and nothing else does (no
`yes`: the reply asked nothing). Trial 11: `undo`, typed under the bot's own "Undo", was asked of the knowledge base.
A question of the person's own typed at such an offer is answered and the offer kept, said in one line (trial 35).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from bot.core.markup import bold
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import ActionHandler, Engine, Turn
from bot.engine.undo_words import normal, said_undo
from bot.storage import audits as store

KEY = "confirming"  # the question waiting, beside the conversation: {"yes": [action, value, label], "no": […]}
PRIORITY = 15  # before an audit's own step (20): the question was asked after it
# A yes said with the words people add (trial 36: `yes pls` at "Mark action #45 done…?" got knowledge-base
# suggestions): `yes pls`, `yep thanks`, `ok do it`, `yes go ahead`.
_YES_SAID = r"(?:yes|yep|yeah)\s+(?:do\s+it|go\s+ahead|please)"
_POLITE = re.compile(r"\s+(?:pls|plz|please|thanks|thank\s+you|ta|cheers)$")
YES_WORDS = re.compile(rf"^(?:y|yes|yeah|yep|yup|ok|okay|confirm|{_YES_SAID}|(?:ok|okay)\s+(?:do\s+it|go\s+ahead))$")
# A Yes that cannot be undone (its button marked danger: a removal, an early close) takes a plain yes: "ok" (and `ok do
# it`, `go ahead`) is also how people acknowledge what the bot said, and must not remove a text for good.
FIRM_YES_WORDS = re.compile(rf"^(?:y|yes|yeah|yep|yup|confirm|{_YES_SAID})$")
NO_WORDS = re.compile(r"^(?:n|no|nope|not yet|no thanks)$")
# A change of mind in words, typed at the question: "no wait dont", "wait", "hang on no", "oops no keep it". Read as its
# No, which never does anything that cannot be undone (trial 30: `no wait dont` at Close now / Keep it open went to
# the knowledge base, and onto the QA leads' unanswered list).
_HOLD = r"(?:no|nope|wait|hang on|hold on|dont|do not|not now|not yet|actually|oh|oops|sorry|please)"
HOLD_ON_WORDS = re.compile(rf"^(?:{_HOLD} )*(?:no|nope|wait|hang on|hold on|dont|do not|dont do it|not now|not yet|"
                           r"leave it|keep it|keep it open|dont close it|dont remove it)(?: please)?$")
# What people type to acknowledge a message: to a Yes that cannot be undone it is no Yes, and it is no reason to
# leave the question either (trial 8: `ok` to "Remove the text of question #62 for good?" got small talk's "OK. Type
# help…", and a QA lead would believe the text was gone). They are told how to go ahead, and the question waits.
ACKNOWLEDGED = re.compile(r"^(?:ok|okay|k|kk|okey dokey|ok thanks|okay thanks|ok thank you|ok cool|sure|fine|alright|"
                          r"all right|go ahead|ok go ahead|do it|please do|yes ok|ok yes)$")
Answer = Literal["yes", "no"]
REMOVAL_NOT_YET = f"To remove it, type `yes` (or press {bold('Yes, remove it')}); nothing was removed."


def ask(services: Services, turn: Turn, reply: Reply, also_yes: tuple[str, ...] = (),
        also_no: tuple[str, ...] = (), not_yet: str = "", set_aside: str = "") -> Reply:
    """Remember `reply`'s first two buttons as the Yes and the No that typed words answer, and return it.
    `also_yes` / `also_no`: other wordings this question takes ("yes, mark it done"). `not_yet`: what `ok` is told
    when the Yes cannot be undone (its button marked danger), saying how to go ahead and that nothing was done.
    `set_aside`: the line said after other input leaves the question unanswered ("Action 19 was not marked done."),
    for a question whose dropping would otherwise go unnoticed (trial 36)."""
    yes, no = reply.choices[0], reply.choices[1]
    store.keep_aside(services.storage, turn.user_id, KEY, {
        "yes": [yes.action, yes.value, yes.label], "no": [no.action, no.value, no.label], "firm": yes.style == "danger",
        "also_yes": [normal(text) for text in also_yes], "also_no": [normal(text) for text in also_no],
        "not_yet": not_yet or f"To go ahead, type `yes` (or press {bold(yes.label)}); nothing has been done yet.",
        "set_aside": set_aside, "asked_at": turn.now.isoformat()}, turn.now)
    return reply


def offer(services: Services, turn: Turn, reply: Reply, words: tuple[str, ...],
          second_words: tuple[str, ...] = (), keep_on_question: bool = True) -> Reply:
    """Remember `reply`'s one button as what `words` (or the button's label), typed next, run; return the reply.
    With `second_words`, its second button is offered too, run by those words or its label (never a bare `yes` or
    `no`: two offers, such as the two dates a campaign's weekend deadline may take, are no Yes-or-No question).
    `keep_on_question=False`: a question typed next is answered and the offer let go, as any other line lets it go
    (an `undo` offered only for the line straight after, which a question is)."""
    button = reply.choices[0]
    pending: dict = {"yes": [button.action, button.value, button.label], "words_only": True,
                     "also_yes": [normal(text) for text in words], "keep_on_question": keep_on_question}
    if second_words:
        other = reply.choices[1]
        pending.update({"no": [other.action, other.value, other.label],
                        "also_no": [normal(text) for text in second_words]})
    store.keep_aside(services.storage, turn.user_id, KEY, pending, turn.now)
    return reply


def meant(services: Services, turn: Turn, reply: Reply, action: str, value: str) -> Reply:
    """A "Did you mean `digest last month`?" that a typed `yes` (or `y`, `yes please`) answers by running `action`
    with `value` (the command as suggested), as a button would; until the next typed message, and never a question
    asked after it (trial 35: `yes` to it was told "There's no question waiting")."""
    store.keep_aside(services.storage, turn.user_id, KEY, {
        "yes": [action, value, "yes"], "firm": True, "keep_on_question": False, "also_yes": [],
        "not_yet": "To run it, type `yes` or the command itself."}, turn.now)
    return reply


def reading(text: str, pending: dict) -> Answer | None:
    """What a typed line answers the waiting question: its Yes, its No, or neither (None)."""
    said = normal(text)
    if not said:
        return None
    if said_undo(said):
        return _undo_reading(pending)
    plain = _POLITE.sub("", said) if said.startswith("y") else said  # `ok thanks` acknowledges: no yes
    for answer, words in (("yes", FIRM_YES_WORDS if pending.get("firm") else YES_WORDS), ("no", NO_WORDS)):
        if answer not in pending:  # an offer has no No
            continue
        label = normal(str(pending[answer][2]))
        hold_on = answer == "no" and HOLD_ON_WORDS.match(said) is not None
        if ((words.match(said) or words.match(plain) or hold_on) and not pending.get("words_only")) or said == label \
                or said in pending.get(f"also_{answer}", []):
            return answer  # type: ignore[return-value]
    return None


def _undo_reading(pending: dict) -> Answer | None:
    """`undo` (any way it is said) at what waits: an offer taking `undo` runs its button; at a Yes-or-No question it
    is the No, since nothing was done yet (trial 43: `undo that` at "Mark action 142 done?" went to the knowledge
    base); an offer that takes no `undo` lets it go on (to bot.audits.undo_nothing)."""
    if pending.get("words_only"):
        return "yes" if "undo" in pending.get("also_yes", []) else None
    return "no" if "no" in pending else None


# A question of one's own asked while a choice waits ("what does peer mean?" at a campaign's two deadlines): answered
# where it would be, the choice left waiting (trial 35: `31/1` typed after it was told "There's no question waiting").
ASKED = re.compile(r"\?\s*$|^\s*(?:what|whats|what's|how|why|who|when|where|which|is|are|does|do|should|can|could|"
                   r"would|will)\b", re.IGNORECASE)


def _waiting(services: Services, turn: Turn) -> dict | None:
    pending = store.conversation(services.storage, turn.user_id).get(KEY)
    return pending if isinstance(pending, dict) else None


def still_waiting(pending: dict) -> str:
    """One line saying the choice asked is still open, and how to answer it (typed words, or the buttons)."""
    typed = [str(pending[f"also_{answer}"][0]) for answer in ("yes", "no") if pending.get(f"also_{answer}")]
    if not pending.get("words_only"):
        typed = ["yes", "no"]
    labels = [bold(str(pending[answer][2])) for answer in ("yes", "no") if answer in pending]
    return (f"The choice above is still waiting: type {' or '.join(f'`{t}`' for t in typed)} (or press "
            f"{' or '.join(labels)}).")


def _keeps(pending: dict, text: str) -> bool:
    """Whether `text` is a question that leaves the choice waiting: a choice answered only by its own words (`offer`:
    `29/1` or `31/1 anyway`), which a later `yes` can't answer by mistake. A Yes-or-No question still waits for the
    next message only: a `yes` typed after an answer elsewhere may be meant for that answer."""
    return bool(pending.get("words_only")) and pending.get("keep_on_question", True) and not pending.get("reminded") \
        and ASKED.search(text) is not None


def _kept_for(services: Services, turn: Turn, text: str) -> Callable[[list[Reply]], list[Reply]] | None:
    """A watch on each typed message: a question asked while a choice waits keeps it, and is followed by one line
    saying so (when the choice is still the one waiting once the question is answered). Once only: the line is
    said on the very next reply and the choice goes with the next message (trial 43: "The choice above is still
    waiting: type `undo`" ended three unrelated replies, long after the Withdraw button had scrolled away)."""
    pending = _waiting(services, turn)
    if pending is None or not _keeps(pending, text) or reading(text, pending) is not None:
        return None

    def after(_replies: list[Reply]) -> list[Reply]:
        if _waiting(services, turn) != pending:
            return []
        store.keep_aside(services.storage, turn.user_id, KEY, {**pending, "reminded": True}, turn.now)
        return [Reply(kind="notice", text=still_waiting(pending))]

    return after


def _set_aside_for(services: Services, turn: Turn, text: str) -> Callable[[list[Reply]], list[Reply]] | None:
    """A watch on each typed message: other input that leaves a question with a `set_aside` line unanswered (trial
    36: `done 19`, then an action typed, dropped "Mark action #19 done…?" without a word) is followed by that line."""
    pending = _waiting(services, turn)
    if pending is None or not pending.get("set_aside") or reading(text, pending) is not None:
        return None

    def after(_replies: list[Reply]) -> list[Reply]:
        return [] if _waiting(services, turn) == pending else [Reply(kind="notice", text=str(pending["set_aside"]))]

    return after


def typed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A typed answer to the question waiting runs its button; None (and the question set aside) for other text,
    except an acknowledgement (`ok`) of a Yes that cannot be undone: told how to go ahead, the question waiting;
    and a question of the person's own, answered where it would be, the choice left waiting."""
    pending = _waiting(services, turn)
    if pending is None:
        return None
    answer = reading(text, pending)
    if answer is None and pending.get("firm") and ACKNOWLEDGED.match(normal(text)):
        return [Reply(kind="notice", text=str(pending.get("not_yet")))]
    if answer is None and _keeps(pending, text):
        return None
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    if answer is None:
        return None
    action, value, _ = pending[answer]
    return engine.run_action(turn, str(action), str(value))


def answering(services: Services, action: str, handler: ActionHandler) -> ActionHandler:
    """`handler` for a Yes or No button: pressing it answers the question waiting, if it is that question's, so a
    later typed `yes` does not run it again."""

    def pressed(turn: Turn, value: str) -> list[Reply]:
        pending = store.conversation(services.storage, turn.user_id).get(KEY)
        if isinstance(pending, dict) and action in (pending.get("yes", [None])[0], pending.get("no", [None])[0]):
            store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
        return handler(turn, value)

    return pressed


def add_answers(engine: Engine, services: Services, *buttons: tuple[str, Callable[[Turn, str], list[Reply]]]) -> None:
    """Register a question's Yes and No buttons (name, handler), each answering the question when pressed."""
    for name, handler in buttons:
        engine.add_action(name, answering(services, name, handler))


def forget(services: Services, turn: Turn) -> list[Reply]:
    """As a terminal session opens: the question or offer waiting from an earlier one set aside, since it is no
    longer on screen (trial 37: "The choice above is still waiting: type `undo`", from `done 75` the session before,
    printed under an unrelated list). Its buttons, in Slack, still work. Says nothing. A question asked again as
    this session opens (a draft's waiting checklist switch, under "Picking up where you left off") is on screen, so
    it stays: `yes` answers what is shown."""
    pending = store.conversation(services.storage, turn.user_id).get(KEY)
    if isinstance(pending, dict) and pending.get("asked_at") == turn.now.isoformat():
        return []
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    return []


def install(engine: Engine, services: Services) -> None:
    """Typed answers to the question waiting, before anything else reads the line (help apart); what waited from an
    earlier terminal session set aside as the next opens."""
    engine.add_session_start(lambda turn: forget(services, turn), opening_only=True)
    engine.add_message_handler(lambda turn, text: typed(engine, services, turn, text), priority=PRIORITY)
    engine.add_message_watch(lambda turn, text: _kept_for(services, turn, text))
    engine.add_message_watch(lambda turn, text: _set_aside_for(services, turn, text))
