"""HTTP mode under idle and half-sent connections: the bot keeps answering and closes the stalled ones itself.

Before waitress, each connection held a thread reading with no timeout, so enough stalled connections (about a
thousand) stopped `/healthz` and never went away. The bot runs as a real `python -m bot serve` child process on
127.0.0.1; the test opens 500 connections that send half a request and nothing more. Bounded in time.
"""

from __future__ import annotations

import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.settings.config import ConfigError, HttpLimits, load_settings
from tests.support.bot_process import BotProcess, bot_environment, free_port
from tests.support.signed_requests import ANSWER_SECONDS, SignedSlackClient
from tests.support.slack_standin import SlackStandIn

SECRET = "stall-test-signing-secret"
STALLED = 500
CHANNEL_TIMEOUT = 2
HALF_A_REQUEST = (b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 500\r\n\r\n{\"ty")


def _set_http(config_dir: Path, http: dict) -> None:
    path = config_dir / "settings.yaml"
    settings = yaml.safe_load(path.read_text())
    settings["schedules"] = {}
    settings["http"] = http
    path.write_text(yaml.safe_dump(settings))


@pytest.fixture
def bot(config_dir: Path, tmp_path: Path, standin: SlackStandIn) -> Iterator[BotProcess]:
    _set_http(config_dir, {"channel_timeout": CHANNEL_TIMEOUT})
    process = BotProcess(bot_environment(config_dir, tmp_path / "stall.db", standin.base_url, SECRET), free_port())
    process.start()
    yield process
    process.stop()


def _stall(port: int, count: int) -> list[socket.socket]:
    stalled = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(HALF_A_REQUEST)
        stalled.append(sock)
    return stalled


def _closed_by_server(sock: socket.socket, deadline: float) -> bool:
    sock.settimeout(max(0.01, deadline - time.monotonic()))
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_the_bot_answers_while_500_connections_stall_and_then_closes_them(bot: BotProcess) -> None:
    stalled = _stall(bot.port, STALLED)
    try:
        # answered at all: before waitress the stalled connections held every thread and these never came back
        # (the timeouts only bound a failure; how fast is `make bench`'s business, not the tests')
        with urllib.request.urlopen(f"{bot.url}/healthz", timeout=ANSWER_SECONDS) as reply:
            assert reply.status == 200 and reply.read() == b"ok"
        answer = SignedSlackClient(bot.url, SECRET).command("U0MGRN001", "help")
        assert answer.status == 200

        # the server closes half-sent requests once they have idled past channel_timeout (cleanup runs every
        # channel_timeout/2 seconds, so allow a little over 1.5 timeouts plus a loaded machine's slack)
        deadline = time.monotonic() + CHANNEL_TIMEOUT * 3 + 5
        still_open = sum(not _closed_by_server(sock, deadline) for sock in stalled)
        assert still_open == 0, f"{still_open} stalled connections were never closed by the bot"
        with urllib.request.urlopen(f"{bot.url}/healthz", timeout=5) as reply:
            assert reply.status == 200
    finally:
        for sock in stalled:
            sock.close()


def test_stopping_the_in_process_server_is_immediate(running_bot) -> None:
    """The end-to-end tests start and stop a server per test: stopping must not wait on a poll interval."""
    with urllib.request.urlopen(f"{running_bot.url}/healthz", timeout=5) as reply:
        assert reply.status == 200
    started = time.monotonic()
    running_bot.stop()
    assert time.monotonic() - started < 0.5
    assert not running_bot.thread.is_alive()


def test_stopping_when_the_wake_up_pipe_fails_still_stops_the_server(running_bot) -> None:
    """Under load a teardown once failed with EBADF from the loop's wake-up pipe: stopping must not raise."""
    import errno

    from waitress.trigger import trigger

    wake = next(d for d in list(running_bot.server._map.values()) if isinstance(d, trigger))

    def broken_pipe() -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")

    wake._physical_pull = broken_pipe
    running_bot.server.shutdown()
    running_bot.thread.join(timeout=10)
    assert not running_bot.thread.is_alive()


def test_http_limits_have_sensible_defaults_and_refuse_nonsense(config_dir: Path, environ: dict[str, str]) -> None:
    assert load_settings(environ).http == HttpLimits(threads=8, channel_timeout=30, connection_limit=1000)
    _set_http(config_dir, {"threads": 4, "channel_timeout": 10, "connection_limit": 200})
    assert load_settings(environ).http == HttpLimits(threads=4, channel_timeout=10, connection_limit=200)
    for wrong, key in (({"threads": 0}, "http.threads"), ({"channel_timeout": "soon"}, "http.channel_timeout"),
                       ({"backlog": 5}, "http.backlog"), ("fast", "http")):
        _set_http(config_dir, wrong)
        with pytest.raises(ConfigError) as caught:
            load_settings(environ)
        assert f"`{key}`" in str(caught.value) and "\n" not in str(caught.value)
