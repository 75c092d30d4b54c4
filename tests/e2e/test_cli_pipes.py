"""`audit-bot ... | head`: a reader that stops early ends the command quietly, never with a traceback."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from bot.settings.config import PROJECT_DIR
from tests.support.cli import run_cli
from tests.support.moved_clock import bot_command, child_clock


def piped_into_head(environ: dict[str, str], *argv: str, lines: int) -> tuple[int, list[bytes], str]:
    """Run the bot as a child whose standard output is read for `lines` lines and then closed, as `| head` does."""
    child = subprocess.Popen(bot_command(*argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT_DIR,
                             env=child_clock({**environ, "PATH": "/usr/bin:/bin"}))
    assert child.stdout is not None and child.stderr is not None
    read = [child.stdout.readline() for _ in range(lines)]
    child.stdout.close()
    error = child.stderr.read().decode()
    return child.wait(timeout=120), read, error


@pytest.mark.parametrize("argv", [("export", "--format", "csv"), ("export", "--format", "json")])
@pytest.mark.parametrize("lines", [0, 2])
def test_an_export_piped_into_head_ends_quietly(environ: dict[str, str], argv: tuple[str, ...], lines: int) -> None:
    assert run_cli(environ, "demo-data", "--weeks", "12").code == 0  # hundreds of kB: more than a pipe holds

    code, read, error = piped_into_head(environ, *argv, lines=lines)

    assert code in (0, 141), error
    assert "Traceback" not in error and "BrokenPipeError" not in error and "Exception ignored" not in error
    assert len(read) == lines and all(read)
    with sqlite3.connect(environ["AUDITBOT_DB"]) as db:  # rows left the system, so the trail says who took them
        [[detail]] = db.execute("SELECT detail FROM trail WHERE action = 'export'").fetchall()
    assert '"cut_short": true' in detail


@pytest.mark.parametrize("argv", [("--help",), ("kb", "check"), ("trail",)])
def test_other_commands_piped_into_a_reader_that_stops_end_quietly(environ: dict[str, str],
                                                                  argv: tuple[str, ...]) -> None:
    code, _read, error = piped_into_head(environ, *argv, lines=0)
    assert code in (0, 141), error
    assert "Traceback" not in error and "BrokenPipeError" not in error and "Exception ignored" not in error
