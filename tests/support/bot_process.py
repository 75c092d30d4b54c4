"""The bot as a real child process (`python -m bot serve`), so a test or the soak can SIGKILL it and start again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings.config import PROJECT_DIR
from tests.support.moved_clock import bot_command, child_clock


def free_port() -> int:
    """A port nobody listens on at the moment, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_environment(config: Path, database: Path, api_url: str, signing_secret: str) -> dict[str, str]:
    """The child's environment: this one without any real Slack settings, pointed at the stand-in."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "AUDITBOT_"))},
        "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_DIR), os.environ.get("PYTHONPATH")])),
        "AUDITBOT_CONFIG": str(config),
        "AUDITBOT_DB": str(database),
        "SLACK_API_URL": api_url,
        "SLACK_BOT_TOKEN": "xoxb-local-test",
        "SLACK_SIGNING_SECRET": signing_secret,
    }


# Only a bot that never comes up waits this long: `start()` returns as soon as it answers, and stops waiting at
# once if it exits. Its start costs a few seconds of CPU (imports, the knowledge base, the database), which with
# every core busy (load 13 on 2 cores) took 29 to 72 s; 30 s failed the crash and logging tests though the bot
# was right, only slow.
START_SECONDS = 240.0


@dataclass
class BotProcess:
    """`python -m bot serve` on 127.0.0.1; `start()` returns once it answers its health check.

    Its output goes beside its database (the test's or the bench's own folder), so nothing is left in /tmp.
    """

    env: dict[str, str]
    port: int
    process: subprocess.Popen | None = None
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log_path = Path(self.env["AUDITBOT_DB"]).parent / f"bot-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = START_SECONDS) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                bot_command("serve", "--host", "127.0.0.1", "--port", str(self.port)),
                cwd=PROJECT_DIR, env=child_clock(self.env), stdout=log, stderr=log,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:  # ready when it answers, not merely when the port is open (it listens before serving)
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        code = self.process.poll()
        why = f"exited with status {code}" if code is not None else f"did not answer within {timeout:.0f} s"
        raise RuntimeError(f"the bot did not start ({why}); its output:\n{self.log_path.read_text(errors='replace')}")

    def kill(self) -> None:
        """SIGKILL: no clean-up runs, as when a machine or container dies."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
