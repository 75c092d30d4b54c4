"""Render replies for the terminal chat: plain text with numbered options.

A person (or a script) answers a choice by typing its number (or `#N` while a typed answer that could be a number
is expected); `TerminalView.choice_for` maps the number back to the button. Numbers refer to the latest menu on
screen, and only while it is still the latest thing the bot asked: a user trial closed a colleague's action by typing
"2" meant for something else, two replies after the action list had scrolled by. So a reply shown without options
retires the menu above it, unless the bot is still waiting on exactly that menu (guidance read mid-question, a refused
answer).
A question's own options are numbered first, from 1, so the worker list reads the same whoever starts the audit.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.markup import to_plain
from bot.core.replies import Choice, Reply, numbered_order
from bot.core.typed_digits import option_digits, other_digits

MAX_PICK_DIGITS = 3  # "2" or "#12" is an option number; a longer number is something else typed
LISTED = re.compile(r"• |\[[a-z]+\] ")  # a list line, bulleted or marked ("[flag] 3. ..."): its wrap is indented
DEFAULT_WIDTH = 100  # columns a script (or a test) reads; a person's terminal gives its own


def plain(text: str) -> str:
    """Neutral markup as terminal text, keeping the words."""
    return to_plain(text)


def _fill(text: str, width: int, indent: str = "", hanging: str = "") -> str:
    """Wrap at spaces only: a hyphenated word ("no-further-action") or a long link is never cut in two."""
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=hanging,
                         break_on_hyphens=False, break_long_words=False)


@dataclass
class TerminalView:
    """The options currently on screen, so a typed number presses the right button."""

    choices: list[Choice] = field(default_factory=list)
    width: int = DEFAULT_WIDTH
    expects_text: bool = False
    chart_dir: Path | None = None  # where charts are written; without it a chart is not shown or named
    file_dir: Path | None = None  # where files (an export's spreadsheets) are written; never the charts' folder
    # A person's name by their id, so "@{U0MGRN001}" reads "@Sam North" as Slack would show it; without it, the id.
    names: Callable[[str], str] | None = None
    # What the bot still waits for from this person (the engine's session start). Without it, nothing is taken to be
    # waiting, so any reply without options retires the menu above it.
    waiting: Callable[[], list[Reply]] | None = None
    retired: bool = False  # a menu was on screen until a reply without options came after it
    # The options on screen when they are Home's (`home` typed), as (label, action, value): bot.terminal.chat checks
    # Home has not changed since before a number picks from it.
    home_options: list[tuple[str, str, str]] | None = None

    def _plain(self, text: str) -> str:
        return to_plain(text, self.names)

    def render(self, replies: list[Reply]) -> str:
        """Show one turn's replies. Options shown in this turn replace the previous ones; a turn without options
        retires them, unless the bot is still waiting on them."""
        mine = [r for r in replies if r.is_for_requester]
        # When typed input is expected (a number question, say), a bare number is the answer and options are
        # picked with "#N" instead; not where the typed answer is words (`Reply.numbers_pick`). A turn that shows no
        # new question (a refused answer, guidance) leaves that as it was: the question on screen still stands, so
        # `4` stays an answer.
        if any(r.prompt or r.choices for r in mine):
            self.expects_text = any(r.prompt and not r.numbers_pick for r in mine)
        first_numbers: dict[int, int] = {}
        new_choices: list[Choice] = []
        for index in numbered_order(replies):
            first_numbers[index] = len(new_choices) + 1
            new_choices += replies[index].choices
        lines = self._in_number_order(replies, first_numbers)
        if new_choices:
            self.choices, self.retired = new_choices, False
        elif self.choices and not self._still_waiting_on_menu():
            self.choices, self.retired = [], True
        return "\n".join(line for line in lines if line)

    def _in_number_order(self, replies: list[Reply], first_numbers: dict[int, int]) -> list[str]:
        """Each reply rendered, options read top to bottom in number order (trial 60, F20: a re-audit's heads-up
        showed "5) View #13" above the worker question's "1) Social worker N1"): the options of a reply shown above
        the question but numbered after it follow the question's own options, when it is a notice leading the
        question (an answer given aside keeps its Helpful / Not helpful beside it)."""
        lines: list[str] = []
        held: list[tuple[int, str]] = []  # (the reply they follow, the options held back)
        for index, reply in enumerate(replies):
            later = [j for j in first_numbers if j > index and first_numbers[j] < first_numbers.get(index, 0)
                     and reply.kind == "notice"]
            lines.append(self._render_one(reply, first_numbers.get(index, 0), with_options=not later))
            if later:
                held.append((max(later), self._options(reply, first_numbers[index])))
            lines += [options for after, options in held if after == index]
        return lines

    def _still_waiting_on_menu(self) -> bool:
        """Whether the bot still waits on the screen whose options are numbered (its buttons carry the step, so an
        older screen of the same question does not count)."""
        if self.waiting is None:
            return False
        waited = [c for reply in self.waiting() if reply.is_for_requester for c in reply.choices]
        return bool(waited) and all(choice in self.choices for choice in waited)

    def _render_one(self, reply: Reply, first_number: int, with_options: bool = True) -> str:
        out: list[str] = []
        if reply.to_user:
            out.append(f"[message to {reply.to_user}]")
        elif reply.to_channel:
            out.append(f"[post in channel {reply.to_channel}]")
        if reply.title:
            out.append(f"== {self._plain(reply.title)} ==")
        prefix = "! " if reply.kind == "error" else ""
        for paragraph in self._plain(prefix + reply.text).split("\n"):
            hanging = "  " if LISTED.match(paragraph) else ""
            out.append(_fill(paragraph, self.width, hanging=hanging) if paragraph.strip() else "")
        if reply.fields and out and out[-1]:
            out.append("")  # trial 26: indented under the text, "Case:" read as part of the last action or moderation
        for label, value in reply.fields:
            out.append(_fill(f"{self._plain(label)}: {self._plain(value)}", self.width, "", "  "))
        if reply.image is not None and self.chart_dir is not None:
            out.append(f"(chart written to {self._write_chart(reply)})")
        if reply.file is not None and self.file_dir is not None:
            out.append(f"(file written to {self._write_file(reply)}, readable by its owner only)")
        if reply.is_for_requester and with_options and reply.choices:
            out.append(self._options(reply, first_number))
        if reply.prompt:
            out.append(_fill(f"> {self._plain(reply.prompt)}", self.width, "  ", "    "))
        if reply.note:
            out.append(_fill(f"({self._plain(reply.note)})", self.width, "  ", "   "))
        return "\n".join(out)

    def _options(self, reply: Reply, first_number: int) -> str:
        """A reply's options, numbered from `first_number`, one a line."""
        marker = "#" if self.expects_text else ""
        heads = [f"  {marker}{number}) " for number in range(first_number, first_number + len(reply.choices))]
        return "\n".join(_fill(head + choice.label, self.width, hanging=" " * len(head))
                         for head, choice in zip(heads, reply.choices, strict=True))

    def _write_chart(self, reply: Reply) -> Path:
        """Write the chart a Slack user would see as an image, so the path printed is a real file."""
        assert self.chart_dir is not None and reply.image is not None
        self.chart_dir.mkdir(parents=True, exist_ok=True)
        path = self.chart_dir / Path(reply.image_name or "chart.png").name
        path.write_bytes(reply.image)
        return path

    def _write_file(self, reply: Reply) -> Path:
        """Write a file a Slack user would get in their DM (an export's spreadsheet) into the exports folder,
        readable by its owner only (0600, as `audit-bot export --output` writes one): it may hold case references.
        A file of that name already there is never replaced (trial 46): the new one gets a counter (`…-2.csv`)."""
        assert self.file_dir is not None and reply.file is not None
        self.file_dir.mkdir(parents=True, exist_ok=True)
        path = _free_name(self.file_dir / Path(reply.file_name or "file").name)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(reply.file)
        return path

    def _typed_digits(self, text: str) -> str | None:
        """The digits a line is, if it is typed as an option number: `#N`, or a bare N unless a typed answer is
        expected."""
        stripped = text.strip()
        if stripped.startswith("#"):
            return stripped[1:].strip()
        return None if self.expects_text else stripped

    def _typed_number(self, text: str) -> int | None:
        """The option number a line means, if it is one: ASCII digits only (`bot.core.typed_digits`: "١" is no
        option number, though Python reads it as 1)."""
        digits = self._typed_digits(text)
        if digits is not None and option_digits(digits) and len(digits) <= MAX_PICK_DIGITS:
            return int(digits)
        return None

    def choice_for(self, text: str) -> Choice | None:
        """The option a typed number stands for, if the text is just a number on screen."""
        number = self._typed_number(text)
        if number is not None and 1 <= number <= len(self.choices):
            return self.choices[number - 1]
        return None

    def echo(self, text: str) -> str | None:
        """The pick a typed number makes, said back before its outcome, so a person sees what was chosen."""
        choice = self.choice_for(text)
        if choice is None:
            return None
        said = f"→ You picked {self._typed_number(text)}: {choice.echo or choice.label}"
        return _fill(said, self.width, hanging="  ")

    def _how_to_pick(self) -> str:
        """How to pick from the options on screen, their numbers written as shown (`#1` where a typed answer is
        expected) and in the digits 0-9."""
        hash_sign = "#" if self.expects_text else ""
        if len(self.choices) == 1:
            return f"type {hash_sign}1 to pick the one option listed last"
        return f"type {hash_sign}1 to {hash_sign}{len(self.choices)} to pick one of the options listed last"

    def pick_refused(self, text: str) -> str | None:
        """Why a typed option number picks nothing, when it is one that does not fit the menu on screen."""
        number = self._typed_number(text)
        if number is None and self.choices and other_digits(self._typed_digits(text) or ""):
            return f"“{text.strip()}” is not an option number: {self._how_to_pick()}."
        if number is None or self.choice_for(text) is not None:
            return None
        if self.choices:
            return f"There is no option {number} on screen: {self._how_to_pick()}."
        earlier = (" The options further up were for an earlier reply: numbers pick only from the options of the "
                   "latest one." if self.retired else "")
        return f"There are no options to pick from just now, so “{text.strip()}” picks nothing.{earlier}"


def _free_name(path: Path) -> Path:
    """`path`, or, when a file has that name already, the first `name-2.csv`, `name-3.csv`… that none has."""
    counter = 1
    free = path
    while free.exists():
        counter += 1
        free = path.with_name(f"{path.stem}-{counter}{path.suffix}")
    return free
