"""What the bot says, as plain data that any transport can show.

Domain code returns `Reply` objects; `handlers.blocks` turns them into Slack Block Kit and
`bot.terminal.render` into numbered prompts. Keeping them plain is what lets the same conversation
run in Slack, in the terminal chat and in unit tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Style = Literal["primary", "danger"]


@dataclass(frozen=True)
class Choice:
    """A button: `action` names the handler, `value` carries ids only (it travels through Slack)."""

    label: str
    action: str
    value: str = ""
    style: Style | None = None


@dataclass(frozen=True)
class Reply:
    """One message.

    `to_user` sends it to another person's DM (a manager alert, a summary to the audited worker);
    `to_channel` posts it in a channel. Both None means: answer the person who spoke, where they spoke.
    `prompt` says what typed answer is expected, when one is.
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

    @property
    def is_for_requester(self) -> bool:
        return self.to_user is None and self.to_channel is None


def error(text: str) -> Reply:
    """A mistake by the user: one clear message saying what is wrong and how to fix it."""
    return Reply(text=text, kind="error")
