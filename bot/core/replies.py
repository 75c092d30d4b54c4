"""What the bot says, as plain data that any transport can show.

Domain code returns `Reply` objects; `handlers.blocks` turns them into Slack Block Kit and
`bot.terminal.render` into numbered prompts. Keeping them plain is what lets the same conversation
run in Slack, in the terminal chat and in unit tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

Style = Literal["primary", "danger"]


@dataclass(frozen=True)
class Choice:
    """A button: `action` names the handler, `value` carries ids only (it travels through Slack).

    `echo` says the pick back in full where it is made by typing a number (the terminal chat), for a pick that acts
    on a person or on someone else's record: "Social worker N1 (U0PRAN001)" rather than the bare label. A Slack
    button sits on its own message, so Slack does not show it; it plays no part in comparing choices.
    """

    label: str
    action: str
    value: str = ""
    style: Style | None = None
    echo: str | None = field(default=None, compare=False)


FieldKind = Literal["text", "long_text", "date", "user", "select", "search"]


@dataclass(frozen=True)
class FormField:
    """One input of a form: `id` names it in the submitted values (and in errors pointed at it).

    `search` is a menu whose options are looked up as the person types (the form's `search` action answers);
    `select` offers `options` (label, value); `date` and `user` are a date picker and a person picker.
    """

    id: str
    label: str
    kind: FieldKind = "text"
    initial: str = ""
    optional: bool = False
    hint: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    max_length: int | None = None


@dataclass(frozen=True)
class Form:
    """A form to fill in (a Slack modal). Submitting it calls the engine action `action` with JSON
    `{"form": {field id: value}, "meta": meta}`; `search` names the options handler for `search` fields.
    Where forms cannot be shown (the terminal chat), the reply's text says what to type instead."""

    action: str
    title: str
    submit: str
    fields: tuple[FormField, ...]
    meta: str = ""
    intro: str | None = None
    search: str | None = None


class Receipt(Protocol):
    """What is owed once files have left for Slack (fix44f: the export's trail was written before its upload, so a
    failed upload still read as exported): every reply sharing one receipt is posted first, then the transport calls
    `delivered`, or `failed` with the names of the files that did arrive, and posts the replies `failed` returns."""

    def delivered(self) -> None: ...

    def failed(self, arrived: list[str]) -> list[Reply]: ...


@dataclass(frozen=True)
class Reply:
    """One message.

    `to_user` sends it to another person's DM (a manager alert, a summary to the audited worker);
    `to_channel` posts it in a channel. Both None means: answer the person who spoke, where they spoke.
    `prompt` says what typed answer is expected, when one is. `numbers_pick` says that answer is words, never a
    number on its own, so where options are numbered (the terminal chat) a bare number picks one, as it does where
    nothing is typed: at the actions step a trial user read "#1) No more actions" and typed `1`, which became an action.
    """

    text: str
    choices: tuple[Choice, ...] = ()
    note: str | None = None
    prompt: str | None = None
    title: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    to_user: str | None = None
    to_channel: str | None = None
    kind: Literal["info", "error", "question", "notice"] = "info"
    image: bytes | None = field(default=None, repr=False)
    image_name: str | None = None
    # a file sent with the message (`/audit export`'s spreadsheets): uploaded to the person's DM in Slack, written
    # beside the database (readable by its owner only) in the terminal chat
    file: bytes | None = field(default=None, repr=False)
    file_name: str | None = None
    form: Form | None = None  # open this form for the person (a modal); `text` is the fallback where there are none
    form_errors: tuple[tuple[str, str], ...] = ()  # (field id, message): the submitted form is refused, shown in it
    numbers_pick: bool = False
    # show it in a read-only modal with this title where a button press can open one (a button on Slack's Home, where
    # a reply in the DM goes unseen); elsewhere (the terminal chat, a typed command) it is a message like any other
    modal: str | None = None
    receipt: Receipt | None = field(default=None, compare=False, repr=False)  # told whether the files arrived
    # a DM to a manager, QA lead or admin that can wait for their working hours (a campaign's cases): held out of
    # them as every DM to a worker is (bot.audits.held_dms; trial 51 F17: a campaign's DM reached a manager at 3am)
    waits_for_working_hours: bool = False

    @property
    def is_for_requester(self) -> bool:
        return self.to_user is None and self.to_channel is None


def numbered_order(replies: list[Reply]) -> list[int]:
    """The order in which a turn's option-bearing replies to the person who spoke are numbered (their indexes): the
    question first, so its options start at 1 whatever notice came before it (a heads-up's View buttons, say), then
    the rest in order. The terminal chat numbers them so, and `open 2` counts the same way (bot.campaigns.open_listed),
    in Slack too."""
    with_choices = [i for i, reply in enumerate(replies) if reply.is_for_requester and reply.choices]
    questions = [i for i in with_choices if replies[i].kind == "question"]
    return questions + [i for i in with_choices if i not in questions]


def numbered_choices(replies: list[Reply]) -> list[Choice]:
    """A turn's options as numbered for the person who spoke (`numbered_order`): option N is the Nth."""
    return [choice for index in numbered_order(replies) for choice in replies[index].choices]


def person_choice(label: str, person_id: str, action: str, value: str, style: Style | None = None) -> Choice:
    """A button that picks a person: said back with their member ID, so a typed number shows exactly who it chose."""
    return Choice(label, action, value, style, echo=f"{label} ({person_id})")


def count_of(number: int, noun: str, plural: str | None = None, grouped: bool = False) -> str:
    """'1 case', '2 cases', '1 entry' (with `plural` 'entries'): a count as people write it, never 'case(s)';
    `grouped` writes thousands as the command line does ('1,204 rows')."""
    shown = f"{number:,}" if grouped else str(number)
    return f"{shown} {noun if number == 1 else plural or noun + 's'}"


def agreeing(number: int, one: str, many: str) -> str:
    """The words that agree with a count, as count_of writes it: `agreeing(n, 'has', 'have')` after
    `count_of(n, 'auditor')`, so a count and its verb never disagree ('1 auditor have')."""
    return one if number == 1 else many


def error(text: str) -> Reply:
    """A mistake by the user: one clear message saying what is wrong and how to fix it."""
    return Reply(text=text, kind="error")
