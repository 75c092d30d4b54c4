"""A signed slash command or button press captured and sent again within Slack's five-minute window is acted on
once: the replay gets a 200 and changes nothing. Slack's own retries of events stay de-duplicated by event_id."""

from __future__ import annotations

import json
import time
import urllib.parse
from datetime import timedelta

import time_machine

from bot.storage.common import mark_request_processed
from tests.conftest import RunningBot
from tests.support.signed_requests import SignedSlackClient
from tests.support.slack_standin import SlackStandIn, dm_channel_for

USER = "U0MGRN001"


def dm_posts(standin: SlackStandIn) -> list[str]:
    return [c.text for c in standin.calls_to("chat.postMessage") if c.params.get("channel") == dm_channel_for(USER)]


def send_again(slack: SignedSlackClient, body: bytes, content_type: str, headers: dict[str, str]) -> int:
    """Exactly the same bytes and X-Slack-* headers, as someone who captured the request would send them."""
    return slack.raw(body, content_type, headers).status


def finish(bot: RunningBot) -> None:
    bot.app.listener_runner.listener_executor.shutdown(wait=True)


def test_a_replayed_slash_command_is_acted_on_once(running_bot: RunningBot, standin: SlackStandIn) -> None:
    slack = running_bot.slack
    until = (running_bot.services.clock() + timedelta(days=30)).date().isoformat()
    fields = {"token": "verification-token-test", "team_id": "T0TEAM001", "channel_id": dm_channel_for(USER),
              "channel_name": "directmessage", "user_id": USER, "command": "/audit", "text": f"away until {until}",
              "api_app_id": "A0APP0001", "response_url": slack.response_url(dm_channel_for(USER), USER),
              "trigger_id": slack.new_trigger_id()}
    body = urllib.parse.urlencode(fields).encode()
    headers = slack.signed_headers(body)
    statuses = [send_again(slack, body, "application/x-www-form-urlencoded", headers) for _ in range(4)]
    assert statuses == [200, 200, 200, 200]
    finish(running_bot)
    assert len(dm_posts(standin)) == 1, dm_posts(standin)


def test_a_replayed_button_press_is_acted_on_once(running_bot: RunningBot, standin: SlackStandIn) -> None:
    slack = running_bot.slack
    payload = {"type": "block_actions", "user": {"id": USER}, "api_app_id": "A0APP0001", "team": {"id": "T0TEAM001"},
               "token": "verification-token-test", "trigger_id": slack.new_trigger_id(),
               "channel": {"id": dm_channel_for(USER), "name": "directmessage"},
               "container": {"type": "message", "message_ts": "1.2", "channel_id": dm_channel_for(USER)},
               "actions": [{"action_id": "help.show|0", "block_id": "b", "value": "", "type": "button",
                            "action_ts": "1.3"}]}
    body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
    headers = slack.signed_headers(body)
    statuses = [send_again(slack, body, "application/x-www-form-urlencoded", headers) for _ in range(3)]
    assert statuses == [200, 200, 200]
    # A new press of the same button is a new request (its own timestamp and signature) and is answered.
    time.sleep(1.1)
    assert slack.raw(body, "application/x-www-form-urlencoded").status == 200
    finish(running_bot)
    assert len(dm_posts(standin)) == 2


def test_a_forged_copy_does_not_use_up_a_genuine_request(running_bot: RunningBot, standin: SlackStandIn) -> None:
    """The replay check runs after the signature check, so a forged request cannot block the real one."""
    slack = running_bot.slack
    body = urllib.parse.urlencode({"command": "/audit", "text": "help", "user_id": USER,
                                   "channel_id": dm_channel_for(USER), "channel_name": "directmessage"}).encode()
    headers = slack.signed_headers(body)
    forged = urllib.parse.urlencode({"command": "/audit", "text": "resume", "user_id": USER}).encode()
    assert send_again(slack, forged, "application/x-www-form-urlencoded", headers) == 401
    assert send_again(slack, body, "application/x-www-form-urlencoded", headers) == 200
    finish(running_bot)
    assert len(dm_posts(standin)) == 1


def test_events_retried_by_slack_are_still_deduplicated_by_event_id(running_bot: RunningBot,
                                                                    standin: SlackStandIn) -> None:
    slack = running_bot.slack
    assert slack.message_im(USER, "help", event_id="EvREPLAY01").status == 200
    time.sleep(1.1)  # Slack's retry is signed afresh
    assert slack.message_im(USER, "help", event_id="EvREPLAY01", retry_num=1, retry_reason="http_timeout").status == 200
    assert slack.message_im(USER, "help", event_id="EvREPLAY02").status == 200
    finish(running_bot)
    assert len(dm_posts(standin)) == 2


def test_remembered_requests_are_forgotten_after_the_window(services) -> None:
    with time_machine.travel("2031-03-03 10:00:00+00:00", tick=False) as clock:
        assert mark_request_processed(services.storage, "k1", services.clock())
        assert not mark_request_processed(services.storage, "k1", services.clock())
        clock.shift(timedelta(minutes=20))
        assert mark_request_processed(services.storage, "k2", services.clock())
        rows = services.storage.db.execute("SELECT count(*) FROM processed_requests").fetchone()[0]
        assert rows == 1
