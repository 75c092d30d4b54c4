"""A button's own label, typed, does what pressing the button does.

Trial 32 typed `submit the changes`, the review's own button, after `edit 151` and was told "I haven't stored that
anywhere"; only `submit` worked. Where the step's own reading refuses a line (or leaves it to the knowledge base),
the line is compared with the labels of the buttons the step shows, in any case and without punctuation, and a label
matched runs its button.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.confirmations import normal
from bot.engine.routing import Turn

MOST_WORDS = 8  # longer than any button's label: a longer line is never one, and the screen is not drawn for it
Press = Callable[[Services, Turn, str], list[Reply]]


def pressed(services: Services, turn: Turn, text: str, screen: Callable[[], list[Reply]],
            handlers: Mapping[str, Press], accepted: frozenset[str]) -> list[Reply] | None:
    """What pressing the button whose label `text` is does, among those `screen` shows and the step `accepted`;
    None when the text is no such label."""
    said = normal(text)
    if not said or len(said.split()) > MOST_WORDS:
        return None
    for reply in screen():
        for choice in reply.choices:
            if normal(choice.label) == said and choice.action in accepted and choice.action in handlers:
                return handlers[choice.action](services, turn, choice.value)
    return None
