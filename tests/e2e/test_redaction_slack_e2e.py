"""Removing an identifier kept in an audit's revisions, end to end through Bolt over HTTP and the Slack stand-in: a
QA lead lists the stored texts, asks to remove one, presses *Yes, remove it*, and the text is gone from the database
file, the audit as shown in Slack and the CSV and JSON exports."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.conftest import RunningBot
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_redaction import CORRECTED, LEAKED, every_text, file_bytes
from tests.support.cli import run_cli
from tests.support.kb_helpers import post_containing, posted_buttons

AUDITOR, QA, QA_DM = "U0MGRN001", "U0QALEAD1", "DU0QALEAD1"
DAY = datetime(2026, 12, 4, 11, 0, tzinfo=UTC)


def _leaked_and_corrected(bot: RunningBot) -> None:
    """Audit #1, submitted, whose note on question 7 held a leaked detail and was then corrected."""
    send = terminal_sender(bot.engine, TerminalView())
    complete_audit(send, send("type", "/audit start early-help-spot"))
    for note in (LEAKED, CORRECTED):
        bot.engine.command(AUDITOR, f"edit 1 note 7 {note}", surface="terminal")


def test_a_qa_lead_removes_a_leaked_note_from_its_revision_in_slack(bot: RunningBot, standin,
                                                                     environ: dict[str, str]) -> None:
    with time_machine.travel(DAY, tick=False):
        _leaked_and_corrected(bot)

        bot.slack.command(QA, "redact 1")
        listing = post_containing(standin, "Earlier versions, kept as revisions", QA_DM)
        assert "r2: note on question 7, kept 4 Dec 2026" in str(listing.params)
        bot.slack.command(QA, "redact 1 r2")
        asked = post_containing(standin, "cannot be undone", QA_DM)
        assert LEAKED in str(asked.params)
        bot.slack.block_action(QA, "redact.confirm|0", posted_buttons(asked)["redact.confirm"],
                               channel_id=QA_DM)
        post_containing(standin, "Removed r2 (note on question 7, kept 4 Dec 2026) from audit #1", QA_DM)

        assert LEAKED not in every_text(bot.services)
        assert LEAKED.encode() not in file_bytes(bot.services)
        bot.slack.command(QA, "show 1")
        shown = post_containing(standin, CORRECTED, QA_DM)
        assert LEAKED not in str(shown.params)
        for form in ("csv", "json"):
            exported = run_cli(environ, "export", "--format", form)
            assert exported.code == 0 and CORRECTED in exported.out and LEAKED not in exported.out


def test_a_qa_lead_types_yes_in_the_dm_and_the_text_is_removed(bot: RunningBot, standin) -> None:
    """Typed `yes` answers "Remove r2 … for good?" as the button does (a trial was told "no question waiting")."""
    with time_machine.travel(DAY, tick=False):
        _leaked_and_corrected(bot)

        bot.slack.command(QA, "redact 1 r2")
        post_containing(standin, "cannot be undone", QA_DM)
        bot.slack.message_im(QA, "yes", channel=QA_DM)
        done = post_containing(standin, "Removed r2 (note on question 7, kept 4 Dec 2026) from audit #1", QA_DM)
        assert "no question waiting" not in str(done.params)
        assert LEAKED not in every_text(bot.services)
