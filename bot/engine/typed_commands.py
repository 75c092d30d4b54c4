"""Commands typed in a DM or the terminal without `/audit`, or with a mistyped one.

`show 136` runs `/audit show 136`; `view 12`, `shwo 12` and `/audti show 12` get "Did you mean `/audit show 12`?".
None of them is a question, so none reaches the knowledge base or the QA leads' list of unanswered questions
(bot/asking/feature.py, priority 90). What reads as what is decided in bot/engine/near_miss.py.

A command's own word with something it does not take (`show abc`, `list 1234`) is different: "home schooling" and
"start again syndrome" also start with a command's word and are questions the knowledge base answers. So such a line
goes to the knowledge base first, and only when it has no answer for it does the knowledge base give the command's
usage instead (`usage_instead`) of noting it for the QA leads (a trial found `show abc` noted as a question). A
command's word and a number (`show 9434765919`, `list 1234`) is not: it is the command, so it gets the usage at once
(`number_not_taken`), before the knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.core.replies import Reply, error
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.near_miss import (
    NUMBER_ARGUMENT,
    SHORT_FORMS,
    Numbered,
    Reading,
    closest,
    misshapen,
    numbered,
    one_off,
    read_slash,
    read_typed,
    shaped,
)
from bot.engine.routing import Engine, Turn, not_yours
from bot.errors import UserError
from bot.privacy.screen import screen_text

# After everything that waits for typed text (an audit's answer, a moderation, a QA lead's `restore 12` of a
# learned wording at 85), before the knowledge base at 90.
PRIORITY = 87


def did_you_mean(reading: Reading, turn: Turn | None = None, slashed: bool = False, yes_runs: bool = False) -> Reply:
    """One line with the command as it should be typed, and where the rest are. In a DM or the terminal chat a
    command is typed without `/audit` (trial 30: `moderte 70` was told "Commands start with /audit"), so a line typed
    there without a slash is offered as it would be typed there; in a channel, or after a slash, the `/audit` form.
    `yes_runs`: a typed `yes` runs it (said so)."""
    yes = "Type `yes` to run it. " if yes_runs else ""
    if turn is not None and turn.surface in ("dm", "terminal") and not slashed:
        plain = reading.suggestion.removeprefix("/audit ")
        return Reply(kind="notice", text=f"Did you mean `{plain}`? {yes}Here a command needs no `/audit`: type it "
                                         "like that, or `help` for all of them.")
    return Reply(kind="notice", text=f"Did you mean `{reading.suggestion}`? {yes}Commands start with `/audit`: type "
                                     "it like that, or `/audit help` for all of them.")


def typed_command(engine: Engine, turn: Turn, text: str, services: Services | None = None) -> list[Reply] | None:
    """Run or suggest the command a typed line reads as; None for anything else (a question). With `services`, a
    suggestion is run by a typed `yes`."""
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
            given = numbered(text, engine.typed_shapes)
            return None if given is None else number_not_taken(engine, turn, given)
    if reading.runs:
        return engine.dispatch_command(turn, reading.name, reading.rest)
    return suggest(engine, turn, reading, slashed is not None, services)


def suggest(engine: Engine, turn: Turn, reading: Reading, slashed: bool,
            services: Services | None = None) -> list[Reply] | None:
    """"Did you mean …?" for a line read as a command typed wrong, run by a typed `yes` (with `services`) unless it
    would send words to someone: such a command is offered without them, only to type again."""
    cut = (meant := engine.commands.get(reading.name)) is not None and not meant.may_offer(reading.rest)
    if meant is not None and cut:
        # A command that sends words to someone is never offered with them (bot.engine.routing.Command.suggested):
        # its word mistyped (`reflcet 12 I agree`) is offered with its number alone; a line read as it without its
        # word ("action 34 isnt mine, its the IRO's job" as `extend`) is not offered at all (trial 34).
        if not slashed and not closest(reading.typed, [reading.name, "audit"]) and reading.typed != reading.name:
            return None
        reading = Reading(reading.name, meant.offered(reading.rest), runs=False, typed=reading.typed)
    command = reading.suggestion.removeprefix("/audit ")
    yes_runs = (services is not None and not cut and not command.endswith("…")
                and not screened_out(command, services))  # words cut: to type again, never run without them
    offered = did_you_mean(reading, turn, slashed=slashed, yes_runs=yes_runs)
    if services is not None and yes_runs:
        return [confirmations.meant(services, turn, offered, MEANT_ACTION, command)]
    return [offered]


def unknown_offered(engine: Engine, services: Services, turn: Turn, name: str, rest: str) -> list[Reply] | None:
    """`/audit shwo 12` (a slash command, or typed in the chat): the engine's "I don't know `shwo`. Did you mean
    `/audit show 12`?", run by a typed `yes` as `shwo 12` typed without the slash is (fix37g); None (the engine's
    reply alone) when the word is a near miss of no command or of several, or the command offered lost words."""
    near = closest(name, engine.commands)
    if len(near) != 1:
        return None
    offered = engine.commands[near[0]].offered(rest)
    command = " ".join(f"{near[0]} {offered}".split())
    if offered != rest or command.endswith("…") or screened_out(command, services):
        return None
    reply = engine.unknown_command(name, rest)
    said = replace(reply, text=reply.text.replace("? (", "? Type `yes` to run it. (", 1))
    return [confirmations.meant(services, turn, said, MEANT_ACTION, command)]


MEANT_ACTION = "typed.meant"  # a typed `yes` to "Did you mean `digest last month`?": the value is the command


def screened_out(text: str, services: Services) -> bool:
    """Whether the identifier screen refuses the words (then nothing is kept)."""
    try:
        screen_text(text, services.identifier_screen)
    except UserError:
        return True
    return False


def run_meant(engine: Engine, turn: Turn, value: str) -> list[Reply]:
    """`yes` to "Did you mean …?": the command suggested, run as if typed."""
    name, _, rest = value.partition(" ")
    return engine.dispatch_command(turn, name, rest)


def usage_instead(engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """The usage of the command a short line names by its own word with something that command does not take (`show
    abc`: "That isn't how `/audit show` is typed: `/audit show <number>`, like `show 12`."), or None for a line that
    is not one (bot.engine.near_miss.misshapen). For the knowledge base to say instead of "I don't know that yet" (and
    noting it): called only once it has no answer for the line."""
    name = misshapen(text, engine.typed_shapes)
    return None if name is None else usage_of(engine, turn, name, text.split()[0].lower().rstrip(".!?:,"))


MAX_COMMAND_WORDS = 3  # a longer line where free text waits is that text: "show no evidence of visits" is a reason


def typed_wrong(engine: Engine, turn: Turn, text: str, words: Iterable[str] = ()) -> list[Reply] | None:
    """A short line that reads as a command typed wrong, where free text waits (a moderator's reason, which the
    auditor reads and which can't be changed once saved: fix34a found `moderate x` and `kb accept abc` saved as
    reasons). The command suggested (`shwo 12`), its usage (`mod abc`, `moderate x`, `kb accept abc`), or the word the
    line is one letter off (`agre`: "Did you mean `agree`?"), `words` being the step's own words beside the commands';
    None for anything else: a whole command (it runs aside), a `/word` line (the typed commands' own), a longer line."""
    line = " ".join((text or "").split())
    if not line or len(line.split()) > MAX_COMMAND_WORDS or read_slash(line, engine.commands) is not None:
        return None
    shapes = engine.typed_shapes
    reading = read_typed(line, shapes)
    if reading is not None:
        return None if reading.runs else [did_you_mean(reading, turn)]
    if (given := numbered(line, shapes)) is not None:
        return number_not_taken(engine, turn, given)
    if (usage := usage_instead(engine, turn, line)) is not None:
        return usage
    meant = one_off(line, [*shapes, *SHORT_FORMS, *words])
    return None if meant is None else [Reply(kind="notice", text=f"Did you mean `{meant}`?")]


def number_not_taken(engine: Engine, turn: Turn, given: Numbered) -> list[Reply]:
    """A command's word and a number it does not run with: the usage, never the knowledge base (a command's word and
    a number is the command). A number longer than any the bot gives is said to be too long, and never said back: it
    may be an NHS number pasted by mistake."""
    if not given.too_long:
        return usage_of(engine, turn, given.name)
    command = engine.commands[given.name]
    if not command.allowed(turn.person):
        return [error(not_yours(command, turn.person, engine.directory))]
    usage = command.usage_for(turn.person)
    return [error(f"That number is too long for `/audit {given.name}`: type `{usage}`{_example(given.name, usage)}.")]


def usage_of(engine: Engine, turn: Turn, name: str, typed: str = "") -> list[Reply]:
    """How command `name` is typed, as this person may use it (or whose it is, when it is not theirs). `typed`: the
    word as typed, said back when it is the command's short form (`mod abc`: "`mod` is short for…", like `mod 12`)."""
    command = engine.commands[name]
    if not command.allowed(turn.person):
        return [error(not_yours(command, turn.person, engine.directory))]
    usage = command.usage_for(turn.person)
    if typed in SHORT_FORMS:
        like = f", like `{typed} 12`" if shaped(name, "12", engine.typed_shapes) is not None else ""
        return [error(f"That isn't how `{typed}` is typed: it is short for `{usage}`{like}.")]
    if usage == f"/audit {name}":
        return [error(f"`/audit {name}` takes nothing after its word: type just `{name}`.")]
    return [error(f"That isn't how `/audit {name}` is typed: `{usage}`{_example(name, usage)}.")]


def _example(name: str, usage: str) -> str:
    """", like `show 12`" for a usage whose first argument is a number; nothing for others."""
    return f", like `{name} 12`" if NUMBER_ARGUMENT.match(usage.removeprefix(f"/audit {name}")) else ""


def install(engine: Engine, services: Services) -> None:
    """Register the typed commands' handler."""
    engine.add_message_handler(lambda turn, text: typed_command(engine, turn, text, services), priority=PRIORITY)
    engine.add_action(MEANT_ACTION, lambda turn, value: run_meant(engine, turn, value))
    engine.offer_unknown = lambda turn, name, rest: unknown_offered(engine, services, turn, name, rest)
