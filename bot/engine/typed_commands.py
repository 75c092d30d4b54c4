"""Commands typed in a DM or the terminal without `/audit`, or with a mistyped one.

`show 136` runs `/audit show 136`; `view 12`, `shwo 12` and `/audti show 12` get "Did you mean `/audit show 12`?".
None of them is a question, so none reaches the knowledge base or the QA leads' list of unanswered questions
(bot/asking/feature.py, priority 90). What reads as what is decided in bot/engine/near_miss.py.
"""

from __future__ import annotations

from bot.core.replies import Reply, error
from bot.core.services import Services
from bot.engine.near_miss import Reading, read_slash, read_typed
from bot.engine.routing import Engine, Turn

# After everything that waits for typed text (an audit's answer, a moderation, a QA lead's `restore 12` of a
# learned wording at 85), before the knowledge base at 90.
PRIORITY = 87


def did_you_mean(reading: Reading) -> Reply:
    """One line with the command as it should be typed, and where the rest are."""
    return Reply(kind="notice", text=f"Did you mean `{reading.suggestion}`? Commands start with `/audit`: type it "
                                     "like that, or `/audit help` for all of them.")


def typed_command(engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """Run or suggest the command a typed line reads as; None for anything else (a question)."""
    names = list(engine.commands)
    slashed = read_slash(text, names)
    if slashed is not None:
        word, reading = slashed
        if reading is None:
            return [error(f"`/{word}` is not one of my commands: mine all start with `/audit`. "
                          "Type `/audit help` to see them.")]
    else:
        reading = read_typed(text, engine.typed_shapes)
        if reading is None:
            return None
    if reading.runs:
        return engine.dispatch_command(turn, reading.name, reading.rest)
    return [did_you_mean(reading)]


def install(engine: Engine, services: Services) -> None:
    """Register the typed commands' handler."""
    del services  # it needs nothing but the engine's commands
    engine.add_message_handler(lambda turn, text: typed_command(engine, turn, text), priority=PRIORITY)
