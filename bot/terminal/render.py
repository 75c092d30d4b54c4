"""Render replies for the terminal chat: plain text with numbered options.

The numbering continues across the replies of one turn, so a person (or a script) answers a choice
by typing its number (or `#N` while a typed answer is expected); `TerminalView.choice_for` maps the
number back to the button.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.markup import MENTION, to_plain
from bot.core.replies import Choice, Reply


def plain(text: str) -> str:
    """Neutral markup as terminal text, keeping the words."""
    return to_plain(text)


@dataclass
class TerminalView:
    """The options currently on screen, so a typed number presses the right button."""

    choices: list[Choice] = field(default_factory=list)
    width: int = 100
    expects_text: bool = False
    chart_dir: Path | None = None  # where charts are written; without it a chart is not shown or named
    # A person's name by their id, so "@{U0MGRN001}" reads "@Sam North" as Slack would show it; without it, the id.
    names: Callable[[str], str] | None = None

    def _plain(self, text: str) -> str:
        if self.names is not None:
            names = self.names
            text = MENTION.sub(lambda found: f"@{names(found.group(1))}", text)
        return plain(text)

    def render(self, replies: list[Reply]) -> str:
        """Show one turn's replies; the options of this turn replace the previous ones."""
        lines: list[str] = []
        new_choices: list[Choice] = []
        mine = [r for r in replies if r.is_for_requester]
        # When typed input is expected (a number question, say), a bare number is the answer and
        # options are picked with "#N" instead. A turn that shows no new question (a refused answer,
        # guidance) leaves that as it was: the question on screen still stands, so `4` stays an answer.
        if any(r.prompt or r.choices for r in mine):
            self.expects_text = any(r.prompt for r in mine)
        for reply in replies:
            lines.append(self._render_one(reply, new_choices))
        if new_choices:
            self.choices = new_choices
        return "\n".join(line for line in lines if line)

    def _render_one(self, reply: Reply, numbered: list[Choice]) -> str:
        out: list[str] = []
        if reply.to_user:
            out.append(f"[message to {reply.to_user}]")
        elif reply.to_channel:
            out.append(f"[post in channel {reply.to_channel}]")
        if reply.title:
            out.append(f"== {self._plain(reply.title)} ==")
        prefix = "! " if reply.kind == "error" else ""
        for paragraph in self._plain(prefix + reply.text).split("\n"):
            out.append(textwrap.fill(paragraph, self.width) if paragraph.strip() else "")
        for label, value in reply.fields:
            out.append(f"  {self._plain(label)}: {self._plain(value)}")
        if reply.image is not None and self.chart_dir is not None:
            out.append(f"(chart written to {self._write_chart(reply)})")
        if reply.is_for_requester:
            for choice in reply.choices:
                numbered.append(choice)
                marker = "#" if self.expects_text else ""
                out.append(f"  {marker}{len(numbered)}) {choice.label}")
        if reply.prompt:
            out.append(f"  > {self._plain(reply.prompt)}")
        if reply.note:
            out.append(f"  ({self._plain(reply.note)})")
        return "\n".join(out)

    def _write_chart(self, reply: Reply) -> Path:
        """Write the chart a Slack user would see as an image, so the path printed is a real file."""
        assert self.chart_dir is not None and reply.image is not None
        self.chart_dir.mkdir(parents=True, exist_ok=True)
        path = self.chart_dir / Path(reply.image_name or "chart.png").name
        path.write_bytes(reply.image)
        return path

    def choice_for(self, text: str) -> Choice | None:
        """The option a typed number stands for, if the text is just a number on screen."""
        stripped = text.strip()
        if stripped.startswith("#"):
            stripped = stripped[1:].strip()
        elif self.expects_text:
            return None
        if stripped.isdecimal() and 1 <= int(stripped) <= len(self.choices):
            return self.choices[int(stripped) - 1]
        return None
