"""The local terminal chat: the same conversations as in Slack, over stdin and stdout.

Usable by a person and drivable by a script (no curses): one line in, the bot's replies out,
ending cleanly on end of input or `quit`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TextIO

from bot.core.replies import Reply, error
from bot.engine.routing import Engine
from bot.terminal.render import DEFAULT_WIDTH, TerminalView

QUIT_WORDS = {"quit", "exit", "bye", "/quit"}
MIN_WIDTH = 40
BANNER = (
    "audit-bot local chat as {user} ({label}). Type `help` to see what I can do, "
    "a number to pick an option (`#2` where a number could be the answer, as the options then show), "
    "`/audit ...` for commands, `quit` to leave."
)


def run_chat(engine: Engine, user_id: str, stdin: TextIO, stdout: TextIO, prompt: str = "you> ",
             chart_dir: Path | None = None) -> int:
    """Read lines until EOF or quit, passing each to the engine and printing what it says.

    Charts (the digest's trend) are written into `chart_dir` and their path printed; without it they are left out.
    """
    interactive = stdin.isatty()
    view = TerminalView(chart_dir=chart_dir, names=engine.directory.label,
                        waiting=lambda: engine.session_start(user_id),
                        width=screen_width() if interactive else DEFAULT_WIDTH)
    person = engine.directory.person(user_id)
    label = person.name if person else "not set up"
    stdout.write(BANNER.format(user=user_id, label=label) + "\n")
    waiting = engine.session_start(user_id, opening=True)  # what the bot still waits for, shown again
    if waiting:
        stdout.write(view.render(waiting) + "\n")
    just_shown = [reply for reply in waiting if reply.kind != "notice"]  # the step, not "Picking up where…"
    while True:
        if interactive:
            stdout.write(prompt)
        stdout.flush()
        line = stdin.readline()
        if not line:
            stdout.write("\nBye.\n")
            return 0
        text = line.rstrip("\n")
        if text.strip().lower() in QUIT_WORDS:
            stdout.write("Bye. Anything you were doing is saved.\n")
            return 0
        if not text.strip():
            continue
        picked = view.echo(text)
        if picked:
            stdout.write(picked + "\n")
        replies = not_again(run_line(engine, view, user_id, text), just_shown)
        just_shown = []
        stdout.write(view.render(replies) + "\n")


def not_again(replies: list[Reply], shown: list[Reply]) -> list[Reply]:
    """`replies` without the step they end with when it is the one the session opened with, just above (trial 24:
    `resume` typed first in a new session printed the overall grade a second time, under "Picking up where you left
    off"); said so instead, and its numbered options stay the ones on screen."""
    if not shown or len(replies) <= len(shown) or replies[-len(shown):] != shown:
        return replies
    return [*replies[:-len(shown)], Reply(kind="notice", text="It's the one shown just above.")]


def screen_width() -> int:
    """The width to wrap at: the terminal's own, so the terminal never breaks a word itself (at most 100, for
    reading)."""
    return max(MIN_WIDTH, min(DEFAULT_WIDTH, shutil.get_terminal_size().columns - 1))


def run_line(engine: Engine, view: TerminalView, user_id: str, text: str) -> list[Reply]:
    """Route one typed line: an option number, a slash command, or free text. An option number that fits no menu
    on screen is refused here, never passed on as words (nor to an older menu); with none on screen yet, the refusal
    says when options offered in an earlier session have lapsed."""
    choice = view.choice_for(text)
    if choice is not None:
        return engine.action(user_id, choice.action, choice.value, surface="terminal")
    refused = view.pick_refused(text)
    if refused is not None:
        waiting = [] if view.choices else engine.session_start(user_id)
        if waiting:
            return [error(f"{refused} Here again is what I'm waiting for from you:"), *waiting]
        kept = [] if view.choices or view.retired else engine.kept_pick(user_id, text)
        if kept:  # an answer's Helpful / Not helpful from an earlier session, kept but not shown again
            return kept
        lapsed = [] if view.choices or view.retired else engine.lapsed_pick(user_id, text)
        if lapsed:  # options offered in an earlier session, no longer open (bot.asking.offered)
            return lapsed
        return [error(f"{refused} Type `help` to see what I can do, or say what you want in words.")]
    stripped = text.strip()
    if stripped.lower().startswith("/audit"):
        return engine.command(user_id, stripped[len("/audit"):].strip(), surface="terminal")
    return engine.message(user_id, text, surface="terminal")
