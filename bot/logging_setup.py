"""Logging that never records what people typed, answers, or tokens."""

from __future__ import annotations

import logging
import re
import sys

TOKEN = re.compile(r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")


class RedactTokens(logging.Filter):
    """Belt and braces: mask anything shaped like a Slack token in any record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if TOKEN.search(message):
            record.msg = TOKEN.sub("[token]", message)
            record.args = ()
        return True


def configure_logging(level: int = logging.INFO) -> None:
    """Our own loggers at INFO; Slack's libraries at WARNING, since their DEBUG logs carry payloads."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokens())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("slack_bolt", "slack_sdk", "urllib3", "apscheduler", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
