"""`make soak`: the bot in HTTP mode under load and faults, killed and restarted once.

Fifty simulated people complete audits through correctly signed requests while the Slack Web API
stand-in fails 5% of posts with HTTP 500 and answers some with 429. Half-way through, the bot process
is killed with SIGKILL and started again on the same database. The report counts requests sent, requests
acknowledged within 3 seconds, audits completed, answers lost (acknowledged but not in the database at the
end) and duplicates (an answer recorded twice). Loopback only; bounded in time; stops by itself.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.simulated_user import SimulatedAuditor, SoakTally
from bot.settings import PROJECT_DIR
from tests.support.signed_requests import SignedSlackClient
from tests.support.slack_standin import SlackStandIn

SIGNING_SECRET = "soak-signing-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def soak_config(folder: Path, users: int) -> list[str]:
    """A config folder with one team per ten people, each person a manager who audits."""
    shutil.copytree(PROJECT_DIR / "config", folder)
    user_ids = [f"U0SOAK{n:03d}" for n in range(users)]
    teams = []
    for start in range(0, users, 10):
        members = [
            {"user": uid, "name": f"Soak auditor {uid[-3:]}", "role": "manager", "audit_target": 2}
            for uid in user_ids[start : start + 10]
        ]
        members.append({"user": f"U0SOAKW{start // 10:02d}", "name": "Soak worker", "role": "practitioner"})
        teams.append({"id": f"soak-{start // 10}", "name": f"Soak team {start // 10}", "members": members})
    (folder / "teams.yaml").write_text(yaml.safe_dump({"people": [], "teams": teams}))
    settings = yaml.safe_load((folder / "settings.yaml").read_text())
    settings["schedules"] = {}
    (folder / "settings.yaml").write_text(yaml.safe_dump(settings))
    return user_ids


@dataclass
class BotProcess:
    """The bot as a separate process, so it can be killed for real."""

    env: dict[str, str]
    port: int
    process: subprocess.Popen | None = None
    log_path: Path = field(default_factory=lambda: Path(tempfile.mkstemp(suffix=".log")[1]))

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(self.port)],
            cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"the bot did not start; see {self.log_path}")

    def kill(self) -> None:
        if self.process:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def count_answers(db_path: Path) -> dict[tuple[str, int, str], int]:
    """Answers in the database, keyed by (auditor, audit id, question)."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT a.auditor_id, a.id, s.question_id, count(*) FROM answers s JOIN audits a ON a.id = s.audit_id "
            "GROUP BY a.auditor_id, a.id, s.question_id"
        ).fetchall()
    return {(auditor, audit_id, question): n for auditor, audit_id, question, n in rows}


def run(seconds: float, users: int, fault_rate: float) -> SoakTally:
    """Run the soak and return the tally; the bot is killed once half-way through."""
    work = Path(tempfile.mkdtemp(prefix="audit-bot-soak-"))
    user_ids = soak_config(work / "config", users)
    db_path = work / "soak.db"
    tally = SoakTally()
    with SlackStandIn() as standin:
        standin.set_fault_rate(fault_rate, statuses=(500, 500, 500, 429), seed=7, retry_after=0)
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
            "AUDITBOT_CONFIG": str(work / "config"),
            "AUDITBOT_DB": str(db_path),
            "SLACK_API_URL": standin.base_url,
            "SLACK_BOT_TOKEN": "xoxb-soak",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        }
        bot = BotProcess(env=env, port=port)
        bot.start()
        client = SignedSlackClient(f"http://127.0.0.1:{port}", SIGNING_SECRET, timeout=10.0)
        stop_at = time.monotonic() + seconds
        auditors = [SimulatedAuditor(uid, client, standin, tally, seed=n) for n, uid in enumerate(user_ids)]
        threads = [threading.Thread(target=a.run_until, args=(stop_at,), daemon=True) for a in auditors]
        for thread in threads:
            thread.start()
        time.sleep(seconds / 2)
        tally.restarts += 1
        bot.kill()
        bot.start()
        for thread in threads:
            thread.join(timeout=seconds + 30)
        bot.stop()
        stored = count_answers(db_path)
        tally.settle(stored)
    shutil.rmtree(work, ignore_errors=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="how long to run (default 120)")
    parser.add_argument("--users", type=int, default=50, help="simulated people (default 50)")
    parser.add_argument("--fault-rate", type=float, default=0.05, help="share of posts that fail (default 0.05)")
    args = parser.parse_args(argv)
    print(f"soak: {args.users} people for {args.seconds:.0f} s, {args.fault_rate:.0%} Web API faults, "
          "one SIGKILL and restart half-way", flush=True)
    tally = run(args.seconds, args.users, args.fault_rate)
    print(tally.report())
    return 0 if tally.lost == 0 and tally.duplicates == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
