"""Trial 28 (LOW): `WARNING audit_bot.knowledge: The knowledge base changed…` was printed into the terminal chat at
start. The chat shares the screen with stderr, so it logs to `audit-bot-chat.log` beside the database instead."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from bot import composition
from bot.__main__ import main
from bot.core.knowledge import KnowledgeService

WARNED = "The knowledge base changed since the bot last served it"


def test_the_chat_logs_to_a_file_beside_the_database_not_the_screen(
        environ: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdin", io.StringIO("help\nquit\n"))
    withheld = composition.warn_checklists_withheld

    def warning_at_start(knowledge: KnowledgeService) -> None:
        logging.getLogger("audit_bot.knowledge").warning(WARNED)
        withheld(knowledge)

    monkeypatch.setattr(composition, "warn_checklists_withheld", warning_at_start)
    assert main(["chat", "--user", "U0MGRS001"]) == 0
    shown = capsys.readouterr()
    assert "Here is what I can do for you" in shown.out
    assert WARNED not in shown.out and WARNED not in shown.err
    assert WARNED in (Path(environ["AUDITBOT_DB"]).parent / "audit-bot-chat.log").read_text(encoding="utf-8")
