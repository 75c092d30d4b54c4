"""Slack's guarantees: each event acted on once, forged requests refused, acks before slow work, and
Web API errors retried, with the person told once when a message could not be delivered at all."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from slack_bolt.request import BoltRequest

from bot.core.replies import Reply
from bot.core.services import Services
from handlers.app import make_web_client
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.conftest import RunningBot
from tests.support.signed_requests import plain_text_input
from tests.support.slack_standin import SlackStandIn, dm_channel_for

USER = "U0PRAN001"
LONDON = ZoneInfo("Europe/London")


def posts_to(standin: SlackStandIn, user_id: str) -> list[str]:
    return [call.params.get("text", "") for call in standin.messages_to(user_id)]


def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def table_counts(services: Services) -> dict[str, int]:
    db = services.storage.db
    return {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in db.table_names()}


# -- once per event -------------------------------------------------------------------------------


def socket_mode_event(event_id: str, text: str = "help") -> dict[str, Any]:
    return {
        "token": "verification-token-test",
        "team_id": "T0TEAM0001",
        "api_app_id": "A0APP00001",
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "event": {"type": "message", "channel_type": "im", "channel": dm_channel_for(USER), "user": USER,
                  "text": text, "ts": "1700000000.000100", "event_ts": "1700000000.000100"},
        "authorizations": [{"team_id": "T0TEAM0001", "user_id": "U0BOT0001", "is_bot": True}],
    }


@pytest.fixture
def socket_app(services: Services, standin: SlackStandIn) -> Iterator[Any]:
    from bot.composition import build_engine
    from handlers.app import create_app, make_web_client, stop_listeners

    app = create_app(services, build_engine(services), client=make_web_client("xoxb-test-token", standin.base_url),
                     signing_secret="socket-mode-needs-no-secret")
    yield app
    stop_listeners(app)  # before the stand-in closes, as the bot stops


def test_an_event_delivered_twice_over_socket_mode_is_acted_on_once(socket_app, standin: SlackStandIn) -> None:
    body = socket_mode_event("EvSOCKET001")
    first = socket_app.dispatch(BoltRequest(body=body, mode="socket_mode"))
    again = socket_app.dispatch(BoltRequest(body=body, mode="socket_mode",
                                            headers={"x-slack-retry-num": ["1"], "x-slack-retry-reason": ["timeout"]}))
    assert (first.status, again.status) == (200, 200)
    standin.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(posts_to(standin, USER)) == 1
    socket_app.dispatch(BoltRequest(body=socket_mode_event("EvSOCKET002"), mode="socket_mode"))
    standin.wait_for("chat.postMessage", count=2)


def test_event_ids_older_than_a_week_are_forgotten_each_morning_and_a_recent_retry_is_still_ignored(
        socket_app, services: Services, standin: SlackStandIn) -> None:
    """Event ids were kept for ever (a fifth of a five-year database); Slack retries within minutes. The daily
    housekeeping run forgets those older than a week and keeps the recent ones, whose retries are still ignored."""
    def deliver(event_id: str, *, retry: bool = False) -> None:
        headers = {"x-slack-retry-num": ["1"], "x-slack-retry-reason": ["timeout"]} if retry else {}
        assert socket_app.dispatch(BoltRequest(body=socket_mode_event(event_id), mode="socket_mode",
                                               headers=headers)).status == 200

    with time_machine.travel(datetime(2026, 11, 16, 7, 30, tzinfo=LONDON), tick=False):  # a Monday
        deliver("EvLASTWEEK1")
        standin.wait_for("chat.postMessage")
    with time_machine.travel(datetime(2026, 11, 23, 18, 0, tzinfo=LONDON), tick=False):  # Monday evening
        deliver("EvYESTERDAY")
        standin.wait_for("chat.postMessage", count=2)
    with time_machine.travel(datetime(2026, 11, 24, 8, 0, tzinfo=LONDON), tick=False):  # Tuesday's run
        JobRunner(services, RecordingSender(), holder="process-a").fire("housekeeping")
        kept = [row[0] for row in services.storage.db.execute("SELECT event_id FROM processed_events")]
        assert kept == ["EvYESTERDAY"]
        deliver("EvYESTERDAY", retry=True)
    time.sleep(0.5)
    assert len(posts_to(standin, USER)) == 2  # the retry was not acted on again


def test_the_same_event_arriving_at_once_on_many_connections_is_acted_on_once(running_bot: RunningBot,
                                                                               standin: SlackStandIn) -> None:
    statuses: list[int] = []

    def deliver(retry: int) -> None:
        response = running_bot.slack.message_im(USER, "help", event_id="EvCONCUR01",
                                                retry_num=retry or None, retry_reason="http_timeout" if retry else None)
        statuses.append(response.status)

    threads = [threading.Thread(target=deliver, args=(n % 4,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 6
    standin.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(posts_to(standin, USER)) == 1


# -- signatures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("breakage", [{"timestamp_offset": -400}, {"bad_signature": True}, {"omit_signature": True}])
def test_forged_or_stale_buttons_and_form_submissions_get_401_and_change_nothing(
    running_bot: RunningBot, standin: SlackStandIn, breakage: dict[str, Any]
) -> None:
    before = table_counts(running_bot.services)
    broken = running_bot.slack.variant(**breakage)
    responses = [
        broken.block_action(USER, "help.show|0", ""),
        broken.view_submission(USER, "help.show", {"b": {"note": plain_text_input("hello")}}),
        broken.message_im(USER, "help", event_id="EvFORGED01"),
    ]
    assert [r.status for r in responses] == [401, 401, 401]
    time.sleep(0.3)
    assert [c for c in standin.calls if c.method != "auth.test"] == []
    assert table_counts(running_bot.services) == before
    # The real event with the same id is still acted on: the forged one did not use it up.
    assert running_bot.slack.message_im(USER, "help", event_id="EvFORGED01").status == 200
    standin.wait_for("chat.postMessage")


def test_signed_buttons_and_form_submissions_reach_the_engine(running_bot: RunningBot, standin: SlackStandIn) -> None:
    assert running_bot.slack.block_action(USER, "help.show|0", "").status == 200
    assert running_bot.slack.view_submission(USER, "help.show", {}).status == 200
    standin.wait_for("chat.postMessage", count=2)
    assert all("Here is what I can do" in text for text in posts_to(standin, USER))


# -- Web API errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "retry_after"), [(500, 1), (429, 0), (503, 1)])
def test_a_failed_post_is_retried_and_the_message_arrives_once(
    running_bot: RunningBot, standin: SlackStandIn, status: int, retry_after: int
) -> None:
    standin.fail_next("chat.postMessage", status=status, retry_after=retry_after)
    running_bot.slack.command(USER, "help")
    standin.wait_for("chat.postMessage", timeout=10)
    time.sleep(0.3)
    assert [c.status for c in standin.calls_to("chat.postMessage")] == [status, 200]
    assert len(posts_to(standin, USER)) == 1


def test_opening_the_dm_is_retried_too(running_bot: RunningBot, standin: SlackStandIn) -> None:
    standin.fail_next("conversations.open", status=429, retry_after=0)
    running_bot.slack.command(USER, "help", channel_id="C0CHAN001")
    standin.wait_for("chat.postMessage", timeout=10)
    assert [c.status for c in standin.calls_to("conversations.open")] == [429, 200]


def test_a_message_that_cannot_be_delivered_is_owned_up_to_once_the_person_is_back(
    running_bot: RunningBot, standin: SlackStandIn
) -> None:
    services = running_bot.services
    standin.fail_next("chat.postMessage", status=500, times=3)  # the first try and both retries
    running_bot.slack.message_im(USER, "help")
    wait_until(lambda: services.storage.db.execute("SELECT count(*) FROM undelivered").fetchone()[0] == 1)
    assert posts_to(standin, USER) == []
    [(kind, failed_at)] = services.storage.db.execute("SELECT kind, failed_at FROM undelivered").fetchall()
    assert kind == "a reply"

    running_bot.slack.message_im(USER, "help")
    notice, answer = (call.params["text"] for call in standin.wait_for("chat.postMessage", count=2))
    from bot.storage.common import parse_utc

    local = parse_utc(failed_at).astimezone(services.settings.timezone)
    assert notice.startswith(f"A message I tried to send you at {local:%H:%M} could not be delivered (a reply)")
    assert "Here is what I can do" not in notice  # the kind, never the content
    assert "Here is what I can do" in answer

    running_bot.slack.message_im(USER, "help")
    standin.wait_for("chat.postMessage", count=3)
    time.sleep(0.3)
    texts = posts_to(standin, USER)
    assert len(texts) == 3
    assert sum("could not be delivered" in text for text in texts) == 1


def test_an_alert_for_someone_else_that_fails_is_owned_up_to_with_them(running_bot: RunningBot,
                                                                      standin: SlackStandIn) -> None:
    manager = "U0MGRN001"
    running_bot.engine.add_command("nudge", lambda turn, _rest: [
        Reply(text="Done."), Reply(text="An alert for the manager", to_user=manager, kind="notice")],
        "test", typed=None)
    standin.fail_next("conversations.open", status=500, times=3)  # the manager's DM cannot be opened
    running_bot.slack.command(USER, "nudge")
    standin.wait_for("chat.postMessage")
    db = running_bot.services.storage.db
    wait_until(lambda: db.execute("SELECT count(*) FROM undelivered").fetchone()[0] == 1)
    assert db.execute("SELECT user_id, kind FROM undelivered").fetchall() == [
        (manager, "a notice sent to you because of someone else's action")
    ]
    running_bot.slack.message_im(manager, "help")
    notice = standin.wait_for("chat.postMessage", count=3)[1]
    assert notice.params["channel"] == dm_channel_for(manager)
    assert "could not be delivered (a notice sent to you because of someone else's action)" in notice.params["text"]
    assert "An alert for the manager" not in notice.params["text"]


# -- acknowledged before slow work ---------------------------------------------------------------


@pytest.fixture
def slow_bot(running_bot: RunningBot) -> Iterator[tuple[RunningBot, threading.Event, threading.Event]]:
    """An engine whose work blocks until the test lets it go: Slack must have had its 200 long before."""
    release, finished = threading.Event(), threading.Event()

    def slow(_turn, _text) -> list[Reply]:
        release.wait(timeout=10)
        finished.set()
        return [Reply(text="Slow work done.")]

    running_bot.engine.add_command("slow", slow, "slow work for a test", typed=None)
    running_bot.engine.add_action("slow.work", slow)
    running_bot.engine.add_message_handler(lambda turn, text: slow(turn, text) if text == "slow" else None, 0)
    try:
        yield running_bot, release, finished
    finally:
        release.set()


@pytest.mark.parametrize("kind", ["command", "button", "form", "dm"])
def test_every_request_is_acknowledged_before_the_slow_work_is_done(slow_bot, standin: SlackStandIn,
                                                                    kind: str) -> None:
    bot, release, finished = slow_bot
    send = {
        "command": lambda: bot.slack.command(USER, "slow"),
        "button": lambda: bot.slack.block_action(USER, "slow.work|0", ""),
        "form": lambda: bot.slack.view_submission(USER, "slow.work", {}),
        "dm": lambda: bot.slack.message_im(USER, "slow"),
    }[kind]
    response = send()
    assert response.status == 200
    assert not finished.is_set()  # Slack has its answer while the work is still going on
    release.set()
    [post] = standin.wait_for("chat.postMessage", timeout=10)
    assert post.params["text"] == "Slow work done."



class DroppingSlackApi(ThreadingHTTPServer):
    """A Web API that resets the first connection without answering, then answers normally."""

    def __init__(self) -> None:
        self.requests = 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), self._Handler)

    class _Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            server: DroppingSlackApi = self.server  # type: ignore[assignment]
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with server.lock:
                server.requests += 1
                first = server.requests == 1
            if first:
                # SO_LINGER 0 makes close() send a TCP reset: the client sees "connection reset by peer".
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                return
            body = json.dumps({"ok": True, "channel": "D0DROP001", "ts": "1700000000.000100"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass


def test_a_dropped_connection_to_slack_is_retried_and_the_message_goes_through() -> None:
    api = DroppingSlackApi()
    thread = threading.Thread(target=api.serve_forever, daemon=True)
    thread.start()
    try:
        client = make_web_client("xoxb-test", f"http://127.0.0.1:{api.server_address[1]}/api/")
        response = client.chat_postMessage(channel="D0DROP001", text="Your audit is saved.")
        assert response["ok"] is True
        assert api.requests == 2
    finally:
        api.shutdown()
        api.server_close()
        thread.join(timeout=5)
