"""`make soak`: the bot in HTTP mode under load and faults, killed and restarted once.

Fifty simulated people complete audits through correctly signed requests while the Slack Web API
stand-in fails 5% of posts with HTTP 500 and answers some with 429. Half-way through, the bot process
is killed with SIGKILL and started again on the same database. The report counts requests sent, requests
acknowledged within 3 seconds, audits completed, answers lost (confirmed to the person, by the next question
arriving, but not in the database at the end) and duplicates (an answer recorded twice, an audit submitted
twice, or one step's message posted twice). Loopback only; bounded in time; stops by itself; exits 1 when
anything was lost or duplicated.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

from bench.simulated_user import Catalogue, Mailroom, SimulatedAuditor, SoakTally, submissions
from bot.settings.config import PROJECT_DIR
from knowledge.loader import load_knowledge
from tests.support.bot_process import BotProcess, bot_environment, free_port
from tests.support.signed_requests import SignedSlackClient
from tests.support.slack_standin import SlackStandIn

SIGNING_SECRET = "soak-signing-secret"


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


def count_answers(db_path: Path) -> dict[tuple[str, int, str], int]:
    """Answers in the database, keyed by (auditor, audit id, question)."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT a.auditor_id, a.id, s.question_id, count(*) FROM answers s JOIN audits a ON a.id = s.audit_id "
            "GROUP BY a.auditor_id, a.id, s.question_id"
        ).fetchall()
    return {(auditor, audit_id, question): n for auditor, audit_id, question, n in rows}


def count_submissions(db_path: Path) -> dict[int, int]:
    """Submissions per audit, from the audit trail (one `audit.submitted` entry each time one is submitted)."""
    with sqlite3.connect(db_path) as conn:
        return submissions(conn.execute("SELECT detail FROM trail WHERE action = 'audit.submitted'").fetchall())


def run(seconds: float, users: int, fault_rate: float) -> SoakTally:
    """Run the soak and return the tally; the bot is killed once half-way through."""
    work = Path(tempfile.mkdtemp(prefix="audit-bot-soak-"))
    user_ids = soak_config(work / "config", users)
    db_path = work / "soak.db"
    tally = SoakTally()
    with SlackStandIn() as standin:
        standin.set_fault_rate(fault_rate, statuses=(500, 500, 500, 429), seed=7, retry_after=0)
        bot = BotProcess(env=bot_environment(work / "config", db_path, standin.base_url, SIGNING_SECRET),
                         port=free_port())
        bot.start()
        client = SignedSlackClient(bot.url, SIGNING_SECRET, timeout=10.0)
        stop_at = time.monotonic() + seconds
        mailroom = Mailroom(standin)
        catalogue = Catalogue(dict(load_knowledge().checklists))
        auditors = [SimulatedAuditor(uid, client, mailroom, tally, catalogue, seed=n)
                    for n, uid in enumerate(user_ids)]
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
        tally.log_path = str(bot.log_path)
        tally.settle(count_answers(db_path), count_submissions(db_path), mailroom.step_posted_twice())
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
    if tally.lost or tally.duplicates:
        print(f"the bot's output is in {tally.log_path}")
    return 0 if tally.lost == 0 and tally.duplicates == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
