"""No log line, at any level, holds a request body, message text or Slack's `token` field.

Bolt logs the whole body of a request whose signature fails (at INFO), and Bolt and slack_sdk log payloads at
DEBUG: the bot's logging setup must keep all of that out of every handler, in-process and in a real
`python -m bot serve`.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.logging_setup import configure_logging
from bot.core.services import Services
from tests.conftest import SIGNING_SECRET, RunningBot
from tests.support.bot_process import BotProcess, bot_environment, free_port
from tests.support.signed_requests import VERIFICATION_TOKEN, SignedSlackClient
from tests.support.slack_standin import SlackStandIn

USER = "U0MGRN001"
SECRET_TEXT = "Spoke to jayden smith NHS-9434765919 about the plan"
NEVER_LOGGED = ("jayden", "9434765919", VERIFICATION_TOKEN, "Spoke to", "xoxb-")
SIGNED_REPLIES = 4  # the signed command, DM, button and form are each answered by one post


def send_everything(slack: SignedSlackClient) -> list[int]:
    """A slash command, a DM, a button and a form carrying the identifiers: forged and stale, then signed."""
    statuses = []
    for client in (slack.variant(bad_signature=True), slack.variant(timestamp_offset=-400),
                   slack.variant(omit_signature=True), slack):
        statuses += [
            client.command(USER, f"ask {SECRET_TEXT}").status,
            client.message_im(USER, SECRET_TEXT).status,
            client.block_action(USER, "kb.prompt|0", SECRET_TEXT).status,
            client.view_submission(USER, "kb.ask", {"b": {"q": {"type": "plain_text_input",
                                                                 "value": SECRET_TEXT}}}).status,
        ]
    return statuses


@pytest.fixture
def debug_logging() -> Iterator[list[io.StringIO]]:
    """The bot's own logging setup at DEBUG, with Slack's libraries turned up to DEBUG too, as an operator
    chasing a problem would; yields the streams of every handler it installed. Restored afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    names = ("slack_bolt", "slack_sdk", "urllib3")
    saved_levels = {name: logging.getLogger(name).level for name in names}
    streams: list[io.StringIO] = []
    configure_logging(logging.DEBUG)
    for handler in root.handlers:
        assert isinstance(handler, logging.StreamHandler)
        stream = io.StringIO()
        handler.setStream(stream)
        streams.append(stream)
    for name in names:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield streams
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


def assert_clean(text: str) -> None:
    for secret in NEVER_LOGGED:
        assert secret.lower() not in text.lower(), f"{secret!r} is in the log:\n" + "\n".join(
            line for line in text.splitlines() if secret.lower() in line.lower())[:2000]


def test_no_handler_logs_bodies_text_or_tokens_even_at_debug(debug_logging, services: Services,
                                                             standin: SlackStandIn) -> None:
    bot = RunningBot(services, standin)  # built after logging is set up, as `audit-bot serve` does
    try:
        statuses = send_everything(bot.slack)
        assert statuses[:12] == [401] * 12 and set(statuses[12:]) == {200}
        standin.wait_for("chat.postMessage", count=SIGNED_REPLIES)
        bot.app.listener_runner.listener_executor.shutdown(wait=True)
    finally:
        bot.stop()
    output = "".join(stream.getvalue() for stream in debug_logging)
    assert output.strip(), "the setup logs something at DEBUG"
    assert_clean(output)


def test_the_served_bot_logs_no_bodies_text_or_tokens(tmp_path: Path, config_dir: Path,
                                                      standin: SlackStandIn) -> None:
    env = bot_environment(config_dir, tmp_path / "bot.db", standin.base_url, SIGNING_SECRET)
    env["AUDITBOT_LOG_LEVEL"] = "DEBUG"
    bot = BotProcess(env=env, port=free_port())
    bot.start()
    try:
        statuses = send_everything(SignedSlackClient(bot.url, SIGNING_SECRET))
        assert statuses[:12] == [401] * 12
        # every signed request's work is done and logged: the log read below is the whole of it
        standin.wait_for("chat.postMessage", count=SIGNED_REPLIES)
    finally:
        bot.stop()  # and the process has exited, so nothing more is written to its log
    output = bot.log_path.read_text(errors="replace")
    assert "DEBUG" in output, "the child ran at DEBUG:\n" + output[:3000]
    assert_clean(output)


def test_signature_failures_are_still_logged_without_their_body(debug_logging, services: Services,
                                                                standin: SlackStandIn) -> None:
    bot = RunningBot(services, standin)
    try:
        bot.slack.variant(bad_signature=True).command(USER, f"ask {SECRET_TEXT}")
    finally:
        bot.stop()
    output = "".join(stream.getvalue() for stream in debug_logging)
    assert "Invalid request signature" in output
    assert_clean(output)


def test_token_fields_in_our_own_log_records_are_masked(debug_logging) -> None:
    logging.getLogger("audit_bot.test").warning("payload %s", json.dumps({"token": "abc123secret", "x": 1}))
    logging.getLogger("audit_bot.test").warning("form token=abc123secret&x=1")
    output = "".join(stream.getvalue() for stream in debug_logging)
    assert "abc123secret" not in output and "payload" in output
