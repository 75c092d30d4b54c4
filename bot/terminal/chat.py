"""The local terminal chat: the same conversations as in Slack, over stdin and stdout.

Usable by a person and drivable by a script (no curses): one line in, the bot's replies out,
ending cleanly on end of input or `quit`.
"""

from __future__ import annotations

import select
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.audits import done_picked, reopen_picked
from bot.core.replies import Reply, error
from bot.engine.home import HOME_WORDS
from bot.engine.routing import Engine
from bot.terminal.render import DEFAULT_WIDTH, TerminalView

QUIT_WORDS = {"quit", "exit", "bye", "/quit"}
PASTE_GAP = 0.05  # seconds: lines arriving closer together than this were pasted as one message
MIN_WIDTH = 40
# Buttons a number picks only after a question: the picked one's id -> the question's (a stray number does not act)
ASKED_FIRST = {done_picked.DONE: done_picked.ASKED, reopen_picked.REOPEN: reopen_picked.ASKED}
BANNER = (
    "audit-bot local chat as {user} ({label}). Type `help` to see what I can do, "
    "a number to pick an option (`#2` where a number could be the answer, as the options then show), "
    "`/audit ...` for commands, `quit` to leave."
)
# Said once at the start for an ID the teams file does not list (fix80b: `chat --user U0NOBODY` started silently).
STRANGER = ("{user} is not in {teams_file}, so I treat you as someone without a role: I can only say how to get "
            "access. Check the ID (`--user`), or add it to {teams_file} with a role.")


def run_chat(engine: Engine, user_id: str, stdin: TextIO, stdout: TextIO, prompt: str = "you> ",
             chart_dir: Path | None = None, file_dir: Path | None = None, teams_file: str = "teams.yaml") -> int:
    """Read lines until EOF or quit, passing each to the engine and printing what it says.

    Someone `teams_file` (the teams file loaded, named as given) does not list is told so once at the start.

    Charts (the digest's trend) are written into `chart_dir` and their path printed; without it they are left out.
    Files (an export's spreadsheets) go into `file_dir` likewise.
    """
    interactive = stdin.isatty()
    more = paste_waiter(stdin) if interactive else None
    view = TerminalView(chart_dir=chart_dir, file_dir=file_dir, names=engine.directory.label,
                        waiting=lambda: engine.session_start(user_id),
                        width=screen_width() if interactive else DEFAULT_WIDTH)
    person = engine.directory.person(user_id)
    label = person.name if person else "not set up"
    stdout.write(BANNER.format(user=user_id, label=label) + "\n")
    if person is None:
        stdout.write(STRANGER.format(user=user_id, teams_file=teams_file) + "\n")
    waiting = engine.session_start(user_id, opening=True)  # what the bot still waits for, shown again
    if waiting:
        stdout.write(view.render(waiting) + "\n")
    just_shown = [reply for reply in waiting if reply.kind != "notice"]  # the step, not "Picking up where…"
    while True:
        if interactive:
            stdout.write(prompt)
        stdout.flush()
        line = read_message(stdin, more)
        if line is None:
            stdout.write("\nBye.\n")
            return 0
        text = line
        if text.strip().lower() in QUIT_WORDS:
            stdout.write("Bye. Anything you were doing is saved.\n")
            return 0
        if not text.strip():
            continue
        stale = stale_home(engine, view, user_id, text)
        picked = None if stale else view.echo(text)
        if picked:
            stdout.write(picked + "\n")
        replies = stale or not_again(run_line(engine, view, user_id, text), just_shown)
        just_shown = []
        shown = view.choices
        stdout.write(view.render(replies) + "\n")
        if view.choices is not shown:  # this line put new options on screen: Home's, or others
            view.home_options = home_shown(engine, view, user_id, text, bool(stale))


def paste_waiter(stdin: TextIO) -> Callable[[], bool]:
    """Whether more typed input arrives within PASTE_GAP, read without blocking: the stream's own `ready` when it has
    one (a test's), else the terminal's file descriptor, polled with select."""
    ready = getattr(stdin, "ready", None)
    if callable(ready):
        return lambda: bool(ready(PASTE_GAP))
    return lambda: bool(select.select([stdin], [], [], PASTE_GAP)[0])


def read_message(stdin: TextIO, more: Callable[[], bool] | None) -> str | None:
    """One message: a line, and in a terminal the lines arriving right after it, within PASTE_GAP of each other,
    joined with newlines (trial 41: a paste of 4 lines at Strengths stored line 1 as the strengths, line 2 as the
    areas for development and line 3 as an action). None at end of input. Piped input (a script) is read a line at
    a time, as it always was."""
    line = stdin.readline()
    if not line:
        return None
    lines = [line.rstrip("\n")]
    while more is not None and more():
        following = stdin.readline()
        if not following:
            break
        lines.append(following.rstrip("\n"))
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def not_again(replies: list[Reply], shown: list[Reply]) -> list[Reply]:
    """`replies` without the step they end with when it is the one the session opened with, just above (trial 24:
    `resume` typed first in a new session printed the overall grade a second time, under "Picking up where you left
    off"); said so instead, and its numbered options stay the ones on screen."""
    if not shown or len(replies) <= len(shown) or replies[-len(shown):] != shown:
        return replies
    return [*replies[:-len(shown)], Reply(kind="notice", text="It's the one shown just above.")]


def is_home_line(text: str) -> bool:
    """Whether the line shows Home (`home`, `/audit home`)."""
    stripped = text.strip()
    return bool(HOME_WORDS.match(stripped)) or " ".join(stripped.lower().split()) == "/audit home"


def home_shown(engine: Engine, view: TerminalView, user_id: str, text: str,
               again: bool) -> list[tuple[str, str, str]] | None:
    """The options on screen when they are Home's alone (`home` typed, or Home shown again as stale), else None: Home
    shown with an audit's step after it (`home` while starting one) numbers the step's options too."""
    if not (again or is_home_line(text)):
        return None
    home = options_in(engine.home_now(user_id))
    return home if home == options_in_view(view) else None


def stale_home(engine: Engine, view: TerminalView, user_id: str, text: str) -> list[Reply] | None:
    """A number picking one of Home's options picks it as shown (trial 41: `4` was *Full digest* on one Home and
    *Done: action 150* on a later one). When Home's options have changed since it was shown (an action done
    elsewhere, a draft submitted), nothing is picked: that is said, and Home shown again, numbered as it is now."""
    if view.home_options is None or view.choice_for(text) is None:
        return None
    home = engine.home_now(user_id)
    if options_in(home) == view.home_options:
        return None
    return [Reply(kind="notice", text=f"Your Home has changed since it was shown, so `{text.strip()}` may not be what "
                                      "you saw: nothing was done. Here it is again, numbered as it is now:"), *home]


def options_in(replies: list[Reply]) -> list[tuple[str, str, str]]:
    """The options a turn's replies number, in the order the terminal numbers them."""
    fresh = TerminalView()
    fresh.render(replies)
    return options_in_view(fresh)


def options_in_view(view: TerminalView) -> list[tuple[str, str, str]]:
    return [(choice.label, choice.action, choice.value) for choice in view.choices]


def screen_width() -> int:
    """The width to wrap at: the terminal's own, so the terminal never breaks a word itself (at most 100, for
    reading)."""
    return max(MIN_WIDTH, min(DEFAULT_WIDTH, shutil.get_terminal_size().columns - 1))


def run_line(engine: Engine, view: TerminalView, user_id: str, text: str) -> list[Reply]:
    """Route one typed line: an option number, a slash command, or free text. An option number that fits no menu
    on screen is refused here, never passed on as words (nor to an older menu); with none on screen yet, the refusal
    says when options offered in an earlier session have lapsed."""
    choice = view.choice_for(text)
    if choice is not None:  # a picked *Done* or *Change answers* is asked first: a number is easily typed by mistake
        action = ASKED_FIRST.get(choice.action, choice.action)  # (trials 41 and 51)
        return engine.action(user_id, action, choice.value, surface="terminal")
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
