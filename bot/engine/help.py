"""Help: what the bot can do for this person's role, in Slack and the terminal alike."""

from __future__ import annotations

import re

from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Command, Engine, Turn, not_yours
from bot.settings.people import Role
from bot.storage import audits as audit_store

ROLE_LABELS = {
    Role.PRACTITIONER: "practitioner",
    Role.MANAGER: "team manager",
    Role.QA_LEAD: "QA lead",
    Role.ADMIN: "admin",
}
PLURALS = {Role.PRACTITIONER: "practitioners", Role.MANAGER: "managers", Role.QA_LEAD: "QA leads",
           Role.ADMIN: "admins"}
# "help", and the everyday ways of asking it (trial 29: "what can u do", "what can you do for me" and "wat do u do"
# went on the QA leads' list as questions): what the bot does, never a knowledge-base entry.
HELP_WORDS = re.compile(r"^\s*(?:help|\?|commands|menu"
                        r"|(?:so\s+|ok\s+|and\s+)?(?:what|wat|wot|wht)\s+(?:else\s+)?(?:can|do|could)\s+(?:you|u|ya|yu)"
                        r"\s+do(?:\s+for\s+(?:me|us))?(?:\s+then)?)\s*[?!.]*\s*$", re.IGNORECASE)


def help_replies(engine: Engine, services: Services, turn: Turn) -> list[Reply]:
    """List the commands this person may use, with shortcut buttons for the everyday ones: *Resume a draft* only
    for someone with a draft to resume (trial 41: it was offered to a worker with none)."""
    lines = [f"• `{c.usage_for(turn.person)}` — {c.summary}" for c in engine.visible_commands(turn.person)]
    role = ROLE_LABELS[turn.person.role]
    text = (
        f"**Here is what I can do for you** (you are set up as {role}):\n"
        + "\n".join(lines)
        + others_also(engine, turn)
        + "\n\nIn a direct message you can also just type: `start audit`, `resume`, `help`, any command without "
        "`/audit` (`show 12`, `away off`), or a question such as _when is the ICPC due?_ `/audit list` shows the "
        "audits you can read back. Picked the wrong checklist? Type `change checklist` (or `switch to child "
        "protection`) at any step of the draft: the case, the worker and the answers both checklists ask are kept."
    )
    choices = [
        Choice(label, action)
        for label, action in (("Start an audit", "audit.start"), ("Resume a draft", "audit.resume"))
        if action in engine.actions and (action != "audit.resume" or audit_store.drafts_of(services.storage,
                                                                                          turn.user_id))
    ]
    return [Reply(text=text, choices=tuple(choices), title="audit-bot help")]


def others_also(engine: Engine, turn: Turn) -> str:
    """One line naming the commands left out of this person's help, and the roles theirs are (trial 53: a
    practitioner's 24 lines listed `chase`, `redact` and `worker`, refused when tried); `help <command>` says more."""
    if turn.person is None:
        return ""
    unlisted = engine.unlisted_commands(turn.person)
    roles = {role for c in unlisted for role in (c.help_roles or c.roles or ()) if role is not turn.person.role}
    if not unlisted or not roles:
        return ""
    who = [PLURALS[role] for role in Role if role in roles]
    said = who[0] if len(who) == 1 else f"{', '.join(who[:-1])} and {who[-1]}"
    names = ", ".join(f"`{c.name}`" for c in unlisted)
    return f"\n_{said[0].upper()}{said[1:]} can also use {names} (`help <command>` says who may)._"


def command_help(engine: Engine, services: Services, turn: Turn, word: str) -> list[Reply]:
    """`help campaign`: what that command does and how it is typed, with its details; a word naming no command
    gets the whole list. Trial 26: `help campaign` was told "takes nothing after its word"."""
    command = named_command(engine, word)
    if command is None:
        return help_replies(engine, services, turn)
    if not command.allowed(turn.person):
        return [Reply(text=not_yours(command, turn.person, engine.directory))]
    usage = command.usage_for(turn.person)
    details = f"\n{command.details}" if command.details and usage == command.usage else ""
    return [Reply(title=f"Help: /audit {command.name}", text=f"`{usage}` — {command.summary}.{details}\n`help` lists "
                                                                "everything you can do.")]


def named_command(engine: Engine, word: str) -> Command | None:
    """The command a word names: its own name, in any case, plural or hyphenated (`campaigns`, `re-audits`)."""
    said = word.strip().lower().lstrip("/").removeprefix("audit ").replace("-", "")
    for name in (said, said.removesuffix("s"), f"{said}s"):
        if name in engine.commands:
            return engine.commands[name]
    return next((c for c in engine.commands.values() if c.name.startswith(f"{said} ")), None)  # `help change`


def install(engine: Engine, services: Services) -> None:
    """Register `/audit help`, the help button and the `help` text shortcut."""
    engine.add_command("help", lambda turn, args: command_help(engine, services, turn, args) if args.strip()
                       else help_replies(engine, services, turn),
                       "show this list (`help campaign`: one command's help)",
                       usage="/audit help [command]", typed=r"(?:/?[A-Za-z][\w-]{1,30})?")
    engine.add_action("help.show", lambda turn, _value: help_replies(engine, services, turn))

    def on_text(turn: Turn, text: str) -> list[Reply] | None:
        return help_replies(engine, services, turn) if HELP_WORDS.match(text) else None

    engine.add_message_handler(on_text, priority=10)
