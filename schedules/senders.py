"""Where scheduled messages go: Slack in production, the terminal in the local chat, a list in tests.

The scheduler only knows this small interface, so it never imports Slack's libraries; `bot/cli/modes.py`
wires a Slack delivery callback in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol, TextIO

from bot.core.replies import Reply
from bot.terminal.render import TerminalView


class Sender(Protocol):
    """Sends one reply addressed with `to_user` or `to_channel`; True when it was delivered."""

    def send(self, reply: Reply, label: str) -> bool: ...


class PacedSender:
    """Spaces posts to the same channel or person about a second apart (Slack's chat.postMessage limit).

    429s that still happen are retried by slack-sdk's RateLimitErrorRetryHandler inside `deliver`.
    """

    def __init__(self, deliver: Callable[[Reply], bool], interval: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.deliver = deliver
        self.interval = interval
        self.sleep = sleep
        self.monotonic = monotonic
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def send(self, reply: Reply, label: str) -> bool:
        del label
        target = reply.to_channel or reply.to_user or ""
        with self._lock:
            last = self._last.get(target)
            if last is not None:
                wait = self.interval - (self.monotonic() - last)
                if wait > 0:
                    self.sleep(wait)
            delivered = self.deliver(reply)
            self._last[target] = self.monotonic()
        return delivered


class TerminalSender:
    """In the local chat, what the scheduler sends to the chat's user is printed as `[reminder] ...` lines. A chart
    (the Monday digest's trend) is written into `chart_dir` and its path printed, as the chat's own `digest` does:
    a trial's scheduled digest named its chart and wrote none."""

    def __init__(self, stdout: TextIO, user_id: str, chart_dir: Path | None = None,
                 names: Callable[[str], str] | None = None) -> None:
        self.stdout = stdout
        self.user_id = user_id
        self.chart_dir = chart_dir
        self.names = names
        self._lock = threading.Lock()

    def send(self, reply: Reply, label: str) -> bool:
        if reply.to_user != self.user_id:
            return True  # someone else's DM: nobody to show it to in this chat, and nothing was lost
        view = TerminalView(chart_dir=self.chart_dir, names=self.names)
        body = view.render([replace(reply, to_user=None, choices=())])
        lines = [f"[{label}] {line}" if line else f"[{label}]" for line in body.split("\n")]
        buttons = ", ".join(c.label for c in reply.choices)
        if buttons:
            lines.append(f"[{label}] (buttons in Slack: {buttons})")
        with self._lock:
            self.stdout.write("\n".join(lines) + "\n")
            self.stdout.flush()
        return True


class RecordingSender:
    """Keeps what was sent, for tests and for `audit-bot` commands that print instead of posting."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, Reply]] = []

    def send(self, reply: Reply, label: str) -> bool:
        self.sent.append((label, reply))
        return True
