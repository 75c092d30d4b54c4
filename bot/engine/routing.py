"""The conversation engine: one entry point for every way a person talks to the bot.

Slack (slash command, DM, mention, button) and the terminal chat all call `Engine.command`,
`Engine.message` or `Engine.action`; features register what they handle at start. The engine checks
that the person is known, turns domain errors into one clear reply, and never lets a traceback or a
person's words reach the log.
"""

from __future__ import annotations

import logging
import re
import secrets
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from bot.core import also_asked
from bot.core.replies import Reply, error
from bot.engine import also_typed, echo
from bot.engine.near_miss import Shapes, closest, full_name, read_typed, suggestion, typed_shape
from bot.engine.politeness import without_politeness
from bot.errors import UserError
from bot.settings.people import Directory, Person, Role

log = logging.getLogger("audit_bot.engine")

Surface = Literal["dm", "channel", "command", "terminal", "home"]


@dataclass(frozen=True)
class Turn:
    """Who is speaking, through what, and when: the context every handler receives."""

    person: Person
    surface: Surface
    now: datetime

    @property
    def user_id(self) -> str:
        return self.person.user_id


CommandHandler = Callable[[Turn, str], list[Reply]]
ActionHandler = Callable[[Turn, str], list[Reply]]
MessageHandler = Callable[[Turn, str], list[Reply] | None]
HomeProvider = Callable[[Person], list[Reply]]
OptionsHandler = Callable[[Turn, str], list[tuple[str, str]]]  # (label, value) options for what was typed
# Run before a typed message (given with it) is handled; what it returns (if anything) runs afterwards, is given the
# replies the message got, and adds its own.
MessageWatch = Callable[[Turn, str], Callable[[list[Reply]], list[Reply]] | None]
# Run before every command, typed message and button press (given the typed text, None for a command or a button);
# what it returns (if anything) is given the replies afterwards and returns notices that lead them.
TurnWatch = Callable[[Turn, str | None], Callable[[list[Reply]], list[Reply]] | None]
# Around a button press, given the button's action name: as MessageWatch is around a typed message.
PressWatch = Callable[[Turn, str], Callable[[list[Reply]], list[Reply]] | None]


@dataclass(frozen=True)
class Command:
    """A `/audit <name>` sub-command, with the help line shown to the roles that may use it."""

    name: str
    handler: CommandHandler
    summary: str
    usage: str
    roles: frozenset[Role] | None = None
    who_can: str = ""
    # The usage shown to roles that may use only part of the command (a practitioner sees `campaign mine N`,
    # not the organisers' verbs); the full usage for everyone else.
    usage_by_role: tuple[tuple[Role, str], ...] = ()
    # What may follow the command's word typed without `/audit` in a DM or the terminal (bot/engine/near_miss.py);
    # None for a command never typed bare.
    typed: re.Pattern[str] | None = None
    details: str = ""  # more than the usage line, shown by `help <name>` (trial 26: `help campaign` told nothing)
    # What a near miss of the command (`extnd 34`, `action 34 …` read without its word) may carry to be offered:
    # a command that sends words to someone else is offered with its number and a date only, never with words the
    # person did not type for it (trial 34). None: whatever its typed shape takes.
    suggested: re.Pattern[str] | None = None
    refusal: str = ""  # what a role that may not use it is told, when it has its own words for that (`export`)
    # The roles whose help lists it, when fewer than may type it (trial 53: a practitioner's help listed `chase`,
    # `redact` and `worker`, open to them only as an auditor or for themselves). None: every role that may use it.
    help_roles: frozenset[Role] | None = None

    def offered(self, rest: str) -> str:
        """`rest` as a near miss of this command may offer it: cut to what `suggested` takes, else as typed."""
        if self.suggested is None or self.suggested.fullmatch(rest.strip().rstrip(".!?")) is not None:
            return rest
        return "" if (found := self.suggested.match(rest.strip())) is None else found.group(0)

    def may_offer(self, rest: str) -> bool:
        """Whether a near miss of this command may be offered with `rest` whole (see `suggested`)."""
        return self.offered(rest) == rest

    def allowed(self, person: Person) -> bool:
        return self.roles is None or person.role in self.roles

    def listed_for(self, person: Person) -> bool:
        """Whether this person's `help` lists it: they may use it and it is everyday work for their role."""
        return self.allowed(person) and (self.help_roles is None or person.role in self.help_roles)

    def usage_for(self, person: Person) -> str:
        """The usage line this person can act on."""
        return dict(self.usage_by_role).get(person.role, self.usage)


class Engine:
    """Routes each turn to the feature that owns it."""

    def __init__(self, directory: Directory, clock: Callable[[], datetime] | None = None) -> None:
        self.directory = directory
        self.clock = clock or (lambda: datetime.now(UTC))
        self.commands: dict[str, Command] = {}
        self.actions: dict[str, ActionHandler] = {}
        self._message_handlers: list[tuple[int, MessageHandler]] = []
        self._message_watches: list[MessageWatch] = []
        self._turn_watches: list[TurnWatch] = []
        self._turn_tails: list[TurnWatch] = []
        self._outgoing_filters: list[Callable[[Turn, list[Reply]], list[Reply]]] = []
        self._press_watches: list[PressWatch] = []
        self._home_sections: dict[str, tuple[int, HomeProvider]] = {}
        self._session_starts: list[Callable[[Turn], list[Reply]]] = []
        self._session_openings: list[Callable[[Turn], list[Reply]]] = []
        self._lapsed_picks: list[Callable[[Turn, str], str | None]] = []
        self._kept_picks: list[Callable[[Turn, str], list[Reply] | None]] = []
        self._options: dict[str, OptionsHandler] = {}
        self._form_checks: dict[str, ActionHandler] = {}
        self._echo_passes: echo.Passes | None = None
        self._typed_shortcuts: list[re.Pattern[str]] = []
        self._also_asked_shortcuts: list[re.Pattern[str]] = []
        # "Did you mean …?" for `/audit shwo 12`, with a typed `yes` to run it (bot.engine.typed_commands)
        self.offer_unknown: Callable[[Turn, str, str], list[Reply] | None] | None = None

    # -- registration -------------------------------------------------------------------------
    def add_command(
        self,
        name: str,
        handler: CommandHandler,
        summary: str,
        usage: str | None = None,
        roles: Iterable[Role] | None = None,
        who_can: str = "",
        usage_by_role: dict[Role, str] | None = None,
        *,
        typed: str | None,
        details: str = "",
        suggested: str | None = None,
        refusal: str = "",
        help_roles: Iterable[Role] | None = None,
    ) -> None:
        """Register `/audit <name>`; `roles` limits it, and `who_can` tells others whom to ask. `typed` is the shape
        (a regular expression, built from bot.engine.near_miss's blocks) of what may follow `name` when it is typed
        in a DM without `/audit`; every command must say, so none is forgotten (None: never typed bare, and why).
        `suggested`: what a near miss of it may be offered with, for a command that sends words to someone."""
        if name in self.commands:
            raise ValueError(f"command {name!r} registered twice")
        self.commands[name] = Command(
            name=name,
            handler=handler,
            summary=summary,
            usage=usage or f"/audit {name}",
            roles=frozenset(roles) if roles is not None else None,
            who_can=who_can,
            usage_by_role=tuple((usage_by_role or {}).items()),
            typed=typed_shape(typed),
            details=details,
            suggested=typed_shape(suggested),
            refusal=refusal,
            help_roles=frozenset(help_roles) if help_roles is not None else None,
        )

    @property
    def typed_shapes(self) -> Shapes:
        """Each command's typed shape by name: what bot.engine.typed_commands reads typed lines against."""
        return {name: command.typed for name, command in self.commands.items()}

    def add_typed_shortcut(self, *lines: re.Pattern[str]) -> None:
        """Register lines a feature reads as a command of its own, outside `/audit` (`done 12`, `reopen action 12`,
        `agree 12`): typed with polite words after them (`done 12 thanks`), they are read without them, as the
        `/audit` commands typed bare are (bot.engine.politeness)."""
        self._typed_shortcuts.extend(lines)

    def add_also_asked_shortcut(self, *lines: re.Pattern[str]) -> None:
        """Register lines a feature reads as a command of its own (`done 12`, `reopen 12`) that may be typed with a
        question beside them (`done 12 and when is the icpc due`): run from their own part, the question named back
        (bot.engine.also_typed)."""
        self._also_asked_shortcuts.extend(lines)

    def add_action(self, name: str, handler: ActionHandler) -> None:
        """Register the handler for buttons whose `Choice.action` is `name`."""
        if name in self.actions:
            raise ValueError(f"action {name!r} registered twice")
        self.actions[name] = handler

    def add_form(self, name: str, handler: ActionHandler, check: ActionHandler) -> None:
        """Register a form's submission: `check` runs while Slack waits (a few seconds) and returns replies with
        `form_errors` to keep the form open with them; `handler` then does the work, after Slack has its answer."""
        self.add_action(name, handler)
        self._form_checks[name] = check

    def check_form(self, user_id: str, name: str, value: str) -> dict[str, str]:
        """The mistakes to show in a submitted form, by field; empty when it may go ahead (or has no check)."""
        check = self._form_checks.get(name)
        if check is None:
            return {}
        replies = self._run(user_id, "dm", lambda turn: check(turn, value or ""))
        return {field: message for reply in replies for field, message in reply.form_errors}

    def add_options(self, name: str, handler: OptionsHandler) -> None:
        """Register what a searchable menu named `name` offers as the person types (Slack's external select)."""
        if name in self._options:
            raise ValueError(f"options {name!r} registered twice")
        self._options[name] = handler

    def add_message_handler(self, handler: MessageHandler, priority: int) -> None:
        """Free text goes to handlers in priority order (lowest first) until one claims it."""
        self._message_handlers.append((priority, handler))
        self._message_handlers.sort(key=lambda pair: pair[0])

    def add_message_watch(self, watch: MessageWatch) -> None:
        """Register a check around every typed message: something waiting for the person that a message may leave
        unanswered (a reflection asked for, an audit's question) can remind them after whichever feature took the
        message, even one that refused it; it sees the replies, so it can tell whether the message was answered."""
        self._message_watches.append(watch)

    def add_press_watch(self, watch: PressWatch) -> None:
        """Register a check around every button press, as `add_message_watch` is around typed messages: a button of
        another feature pressed while an audit waits (a related question under an answer) is followed by the
        audit's step again, so a number typed next answers the step, not an option further up (trial 21)."""
        self._press_watches.append(watch)

    def set_echo_screen(self, passes: echo.Passes) -> None:
        """Whether a quote of what was typed may be said back in an error (the privacy screen finds nothing in it):
        one that may not is "that" (bot.engine.echo)."""
        self._echo_passes = passes

    def add_turn_watch(self, watch: TurnWatch) -> None:
        """Register a check around every command, typed message and button press: something half-made that any of
        them may replace by starting another conversation (a grade change waiting for its action) is said to be
        dropped, however the new conversation began. Its notices lead the replies, so the question the turn asks
        stays last (its options are the ones numbered in the terminal)."""
        self._turn_watches.append(watch)

    def add_turn_tail(self, watch: TurnWatch) -> None:
        """Register a check around every command, typed message and button press, as `add_turn_watch` does, whose
        replies follow the turn's own instead of leading them: a question left waiting (a moderation's alert check)
        asked again below what the person asked for meanwhile, so it is the last thing they see."""
        self._turn_tails.append(watch)

    def add_outgoing_filter(self, outgoing: Callable[[Turn, list[Reply]], list[Reply]]) -> None:
        """Register what every command, typed message and button press sends passes through before it goes: DMs to
        a worker out of their working hours are held there (bot.audits.held_dms), before the turn watches see what
        went."""
        self._outgoing_filters.append(outgoing)

    def add_home_section(self, name: str, provider: HomeProvider, priority: int) -> None:
        """Add a feature's part of the Home tab (lowest priority at the top). This engine owns it, so
        building a second engine or app in the same process never shows a section twice."""
        if name in self._home_sections:
            raise ValueError(f"home section {name!r} registered twice")
        self._home_sections[name] = (priority, provider)

    @property
    def home_providers(self) -> tuple[HomeProvider, ...]:
        """The Home tab's feature sections, top to bottom."""
        return tuple(provider for _, provider in sorted(self._home_sections.values(), key=lambda pair: pair[0]))

    def add_session_start(self, handler: Callable[[Turn], list[Reply]], opening_only: bool = False) -> None:
        """Register what a surface with sessions (the terminal chat) shows when one starts, such as the question the
        bot is still waiting for; it may say nothing. `opening_only`: shown as a session opens, never taken for what
        the bot is still waiting for later in it (options offered in an earlier session, bot.asking.offered)."""
        (self._session_openings if opening_only else self._session_starts).append(handler)

    def add_lapsed_pick(self, handler: Callable[[Turn, str], str | None]) -> None:
        """Register why an option number typed in a surface with sessions (the terminal chat), with no options on
        screen, picks nothing because options offered in an earlier session are no longer open (None: not that)."""
        self._lapsed_picks.append(handler)

    def add_kept_pick(self, handler: Callable[[Turn, str], list[Reply] | None]) -> None:
        """Register what an option number typed in a surface with sessions, with no options on screen, picks from
        options offered in an earlier session and kept unshown (an answer's Helpful / Not helpful: asked once, never
        again as a session opens, yet `2` typed first in the next session still marks it); None: nothing kept."""
        self._kept_picks.append(handler)

    # -- entry points -------------------------------------------------------------------------
    def kept_pick(self, user_id: str, text: str, surface: Surface = "terminal") -> list[Reply]:
        """The kept option `text` (a number) picks, run as its button; none when nothing kept fits."""
        if self.directory.person(user_id) is None:
            return []
        return self._run(user_id, surface, lambda turn: next(
            (picked for handler in self._kept_picks if (picked := handler(turn, text)) is not None), []))

    def lapsed_pick(self, user_id: str, text: str, surface: Surface = "terminal") -> list[Reply]:
        """Why `text`, an option number typed with no options on screen, picks nothing, when options this person
        was offered earlier have lapsed: one error reply, or none when that is not why (or for an unknown person)."""
        if self.directory.person(user_id) is None:
            return []
        return self._run(user_id, surface, lambda turn: [
            error(said) for handler in self._lapsed_picks if (said := handler(turn, text))][:1])

    def session_start(self, user_id: str, surface: Surface = "terminal", opening: bool = False) -> list[Reply]:
        """What the bot still waits for from this person, shown as a session starts (and again when asked); with
        `opening`, as the session opens, also what is shown only then. Nothing for an unknown person (the banner says
        so)."""
        if self.directory.person(user_id) is None:
            return []
        handlers = self._session_starts + (self._session_openings if opening else [])
        return self._run(user_id, surface, lambda turn: [r for handler in handlers for r in handler(turn)])

    def command(self, user_id: str, text: str, surface: Surface = "command") -> list[Reply]:
        """Handle `/audit <text>`; an empty text shows help, an unknown word the command it is a near miss of."""
        words = (text or "").strip().split(maxsplit=1)
        name = words[0].lower() if words else "help"
        rest = words[1] if len(words) > 1 else ""
        return self._run(user_id, surface, lambda turn: self.dispatch_command(turn, name, rest), watched=True)

    def message(self, user_id: str, text: str, surface: Surface = "dm") -> list[Reply]:
        """Handle free text: a typed answer, a shortcut such as `start audit`, or a question. A command typed with
        polite words after its number (`done 12 thanks`) is read without them (bot.engine.politeness)."""
        text = without_politeness(text or "", self.typed_shapes, self._typed_shortcuts)
        return self._run(user_id, surface, lambda turn: self._dispatch_typed(turn, text), watched=True, typed=text)

    def _dispatch_typed(self, turn: Turn, text: str) -> list[Reply]:
        """A typed line, or a command typed with questions beside it (bot.engine.also_typed): the command run from
        its own part, then the questions named back to ask on their own (never quoted when the screen finds
        something in one)."""
        found = also_typed.split(text, self._command_of)
        if found is None:
            return self._dispatch_message(turn, text)
        command, asked = found
        replies = self._dispatch_message(turn, without_politeness(command, self.typed_shapes, self._typed_shortcuts))
        passes = self._echo_passes or (lambda _part: False)
        return [*replies, Reply(kind="notice", text=also_asked.line(asked, passes))]

    def _command_of(self, part: str) -> str | None:
        """The command a part of a line runs as typed (`show`, `away`), "shortcut" for a registered one (`done
        12`), or None."""
        if any(shortcut.fullmatch(part) for shortcut in self._also_asked_shortcuts):
            return "shortcut"
        reading = read_typed(part.strip(), self.typed_shapes)
        return reading.name if reading is not None and reading.runs else None

    def action(self, user_id: str, action: str, value: str, surface: Surface = "dm") -> list[Reply]:
        """Handle a button press; unknown buttons (from an older version) get a clear reply."""
        return self._run(user_id, surface, lambda turn: self._dispatch_action(turn, action, value or ""),
                         watched=True)

    def options(self, user_id: str, name: str, typed: str) -> list[tuple[str, str]]:
        """The options a searchable menu offers for what was typed; none for an unknown person or menu, or on any
        error (a menu that cannot be filled shows no options, never a traceback)."""
        person = self.directory.person(user_id)
        handler = self._options.get(name)
        if person is None or handler is None:
            return []
        turn = Turn(person=person, surface="dm", now=self.clock())
        try:
            return handler(turn, typed or "")
        except UserError:
            return []
        except Exception as exc:
            log.error("options for a menu failed: %s", type(exc).__name__)
            return []

    # -- internals ----------------------------------------------------------------------------
    def _run(self, user_id: str, surface: Surface, work: Callable[[Turn], list[Reply]],
             watched: bool = False, typed: str | None = None) -> list[Reply]:
        """`work` for this person's turn; `watched` (a command, typed message or button press) runs the turn
        watches around it, given the message's text (`typed`, None for a command or button)."""
        person = self.directory.person(user_id)
        if person is None:
            return [unknown_user_reply(user_id)]
        turn = Turn(person=person, surface=surface, now=self.clock())
        try:
            watches, tails = (self._turn_watches, self._turn_tails) if watched else ([], [])
            afterwards = [after for watch in watches if (after := watch(turn, typed)) is not None]
            following = [after for tail in tails if (after := tail(turn, typed)) is not None]
            try:
                replies = work(turn)
            except UserError as exc:
                replies = [error(str(exc))]
            if typed is not None and self._echo_passes is not None:  # never said back unscreened (trial 36)
                replies = echo.screened(replies, typed, self._echo_passes)
            for outgoing in self._outgoing_filters:
                replies = outgoing(turn, replies)
            return ([reply for after in afterwards for reply in after(replies)] + replies
                    + [reply for after in following for reply in after(replies)])
        except Exception as exc:
            reference = secrets.token_hex(3).upper()
            frames = "".join(traceback.format_tb(exc.__traceback__))
            # The exception's message may quote what the person typed: log its type and frames only.
            log.error("unhandled %s (ref %s)\n%s", type(exc).__name__, reference, frames)
            return [
                error(
                    "Sorry, something went wrong on my side and nothing was changed by that last step. "
                    f"Your earlier answers are saved. Try again, or tell your QA lead (reference {reference})."
                )
            ]

    def home_now(self, user_id: str) -> list[Reply]:
        """This person's Home as it is now, read only (no turn watches, nothing set aside): what the terminal chat
        compares a Home shown earlier with before a number picks from it."""
        command = self.commands.get("home")
        if command is None:
            return []
        return self._run(user_id, "terminal", lambda turn: command.handler(turn, ""))

    def dispatch_command(self, turn: Turn, name: str, rest: str) -> list[Reply]:
        """Run `/audit <name> <rest>` for this turn: also how a command typed in a DM without `/audit` runs. A
        command's short form (`/audit mod 12`: bot.engine.near_miss.SHORT_FORMS) runs as the command."""
        command, rest = self._named(turn.person, name, rest)
        if command is None:
            offered = self.offer_unknown(turn, name, rest) if self.offer_unknown is not None else None
            return offered if offered is not None else [self.unknown_command(name, rest)]
        if not command.allowed(turn.person):
            raise UserError(not_yours(command, turn.person, self.directory))
        return command.handler(turn, rest)

    def _named(self, person: Person, name: str, rest: str) -> tuple[Command | None, str]:
        """The command `/audit <name> <rest>` names, and what follows it: a command of two words (`change
        moderation`, trial 62 F1) takes its second from `rest`; its first word with something else after it is told
        how it is typed, to those who may use it."""
        second, _, after = rest.strip().partition(" ")
        if second and (command := self.commands.get(f"{full_name(name)} {second.lower()}")) is not None:
            return command, after  # `moderate sample` before `moderate` with `sample` after it (fix77b)
        command = self.commands.get(name) or self.commands.get(full_name(name))
        if command is not None:
            return command, rest
        longer = next((c for c in self.commands.values() if c.name.startswith(f"{name} ") and c.allowed(person)), None)
        if longer is not None:
            raise UserError(f"That isn't how `/audit {name}` is typed: `{longer.usage}`.")
        return None, rest

    def unknown_command(self, name: str, rest: str) -> Reply:
        """`/audit shwo 12`: the command it is a near miss of, as it should be typed, with help as a pointer (the
        whole list buried the answer)."""
        pointer = "Type `/audit help` for all commands."
        near = closest(name, self.commands)
        if not near:
            return error(f"I don't know `/audit {name}`. {pointer}")
        meant = " or ".join(f"`{suggestion(other, self.commands[other].offered(rest))}`" for other in near)
        return error(f"I don't know `{name}`. Did you mean {meant}? ({pointer})")

    def _dispatch_message(self, turn: Turn, text: str) -> list[Reply]:
        afterwards = [after for watch in self._message_watches if (after := watch(turn, text)) is not None]
        try:
            replies = self._first_claim(turn, text)
        except UserError as exc:
            replies = [error(str(exc))]
        return replies + [reply for after in afterwards for reply in after(replies)]

    def claim(self, turn: Turn, text: str) -> list[Reply]:
        """`text` as if typed next in this turn, by the first handler that claims it: a line holding several steps
        (`moderate 70 agree, <reason>`) runs them in order, each step's own checks applying."""
        return self._first_claim(turn, text)

    def _first_claim(self, turn: Turn, text: str) -> list[Reply]:
        for _, handler in self._message_handlers:
            replies = handler(turn, text)
            if replies is not None:
                return replies
        return [error("I didn't catch that. Type `help` to see what I can do.")]

    def run_action(self, turn: Turn, action: str, value: str) -> list[Reply]:
        """Run a button's handler for this turn: also how a typed answer to a Yes-or-No question presses it."""
        return self._dispatch_action(turn, action, value)

    def _dispatch_action(self, turn: Turn, action: str, value: str) -> list[Reply]:
        handler = self.actions.get(action)
        if handler is None:
            raise UserError("That button is from an older version of this message. Type `help` to start again.")
        afterwards = [after for watch in self._press_watches if (after := watch(turn, action)) is not None]
        replies = handler(turn, value)
        return replies + [reply for after in afterwards for reply in after(replies)]

    def visible_commands(self, person: Person) -> list[Command]:
        """The commands this person's help lists (Command.listed_for)."""
        return [c for c in self.commands.values() if c.listed_for(person)]

    def unlisted_commands(self, person: Person) -> list[Command]:
        """The commands this person's help leaves out, for its one closing line on what others can also do."""
        return [c for c in self.commands.values() if not c.listed_for(person)]


def not_yours(command: Command, person: Person | None = None, directory: Directory | None = None) -> str:
    """What someone whose role may not use `command` is told, and whom to ask instead by name (its own words, if it
    has them). Trial 53: "Ask them if you need it done" named no one."""
    if command.refusal:
        return command.refusal
    who = command.who_can or "someone with the right role"
    ask = whom_to_ask(command, person, directory) if person is not None and directory is not None else ""
    return f"`/audit {command.name}` is for {who}. {ask or 'Ask them if you need it done.'}"


def whom_to_ask(command: Command, person: Person, directory: Directory) -> str:
    """"Ask Team manager (South) or a QA lead: QA lead (practice), QA lead (children in care).": the person's own
    managers, when managers may use the command, and the QA leads, when they may; the admins only when neither is
    there. Empty when the team config names nobody."""
    roles = command.roles or frozenset(Role)
    managers = [directory.label(m) for m in directory.managers_of(person.user_id)] if Role.MANAGER in roles else []
    leads = [directory.label(q) for q in directory.ids_with_role(Role.QA_LEAD)] if Role.QA_LEAD in roles else []
    named = managers + ([f"a QA lead: {', '.join(leads)}"] if len(leads) > 1 else leads)
    if not named and Role.ADMIN in roles:
        admins = [directory.label(a) for a in directory.ids_with_role(Role.ADMIN)]
        named = admins if len(admins) < 2 else [f"an admin: {', '.join(admins)}"]
    if not named:
        return ""
    return f"Ask {' or '.join(named)}."


def unknown_user_reply(user_id: str) -> Reply:
    """People not in teams.yaml learn how to get access, and nothing else."""
    return error(
        "I can't help you yet: you are not set up to use audit-bot. "
        f"Ask your team manager or QA lead to add your Slack member ID ({user_id}) to the bot's teams list."
    )
