"""The test harness itself: the Slack stand-in must behave like Slack for a real WebClient, and signed
requests must pass (or fail) Bolt's checks the way Slack's would."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import App, BoltRequest
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier

from tests.support.examples import examples
from tests.support.signed_requests import SignedSlackClient, plain_text_input, static_select
from tests.support.slack_standin import BOT_USER_ID, SlackStandIn

SECRET = "test-signing-secret"


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn() as server:
        yield server


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=standin.base_url)


# -- the Web API stand-in --------------------------------------------------------------------------


def test_post_message_is_recorded_with_its_params_and_gets_increasing_ts(
    standin: SlackStandIn, client: WebClient
) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "Question 1 of 12"}}]
    first = client.chat_postMessage(channel="C0CHAN001", text="Audit CR-123456 started", blocks=blocks)
    second = client.chat_postMessage(channel="C0CHAN001", text="Next question")

    assert first["ok"] and first["channel"] == "C0CHAN001"
    assert first["message"]["text"] == "Audit CR-123456 started"
    assert float(second["ts"]) > float(first["ts"])
    calls = standin.calls_to("chat.postMessage")
    assert [c.text for c in calls] == ["Audit CR-123456 started", "Next question"]
    assert calls[0].params["blocks"] == blocks
    assert calls[0].token == "xoxb-test"
    assert calls[0].headers["Authorization"] == "Bearer xoxb-test"


@settings(max_examples=examples(25), suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=st.text(min_size=1, max_size=200).filter(str.strip), as_form=st.booleans())
def test_any_text_reaches_the_stand_in_unchanged_over_json_or_form(
    standin: SlackStandIn, client: WebClient, text: str, as_form: bool
) -> None:
    standin.reset()
    if as_form:
        client.api_call("chat.postMessage", params={"channel": "C0CHAN001", "text": text})
    else:
        client.chat_postMessage(channel="C0CHAN001", text=text)

    assert [c.text for c in standin.calls_to("chat.postMessage")] == [text]


def test_conversations_open_gives_a_stable_dm_channel_per_person(client: WebClient) -> None:
    first = client.conversations_open(users="U0PRAC001")["channel"]["id"]
    again = client.conversations_open(users=["U0PRAC001"])["channel"]["id"]
    other = client.conversations_open(users="U0PRAC002")["channel"]["id"]

    assert first.startswith("D")
    assert first == again
    assert other != first


def test_users_info_describes_a_london_staff_member(standin: SlackStandIn, client: WebClient) -> None:
    user = client.users_info(user="U0PRAC001")["user"]
    assert (user["id"], user["real_name"], user["tz"], user["is_bot"]) == (
        "U0PRAC001",
        "Staff member U0PRAC001",
        "Europe/London",
        False,
    )
    standin.add_user("U0PRAC002", tz="Europe/Paris", deleted=True)
    assert client.users_info(user="U0PRAC002")["user"]["tz"] == "Europe/Paris"


def test_files_upload_v2_completes_and_the_bytes_are_kept(standin: SlackStandIn, client: WebClient) -> None:
    response = client.files_upload_v2(content=b"png bytes", filename="chart.png", channel="C1")

    file_id = response["file"]["id"]
    assert standin.uploads[file_id] == b"png bytes"
    assert response["file"]["name"] == "chart.png"
    completed = standin.calls_to("files.completeUploadExternal")[0]
    assert completed.params["channel_id"] == "C1"
    assert completed.params["files"][0]["id"] == file_id
    standin.assert_no_unknown_calls()


def test_views_answer_with_a_view_id(client: WebClient) -> None:
    view = {"type": "modal", "callback_id": "audit", "title": {"type": "plain_text", "text": "Audit"}}
    opened = client.views_open(trigger_id="1.2.abc", view=view)["view"]
    updated = client.views_update(view_id=opened["id"], view=view)["view"]

    assert opened["id"].startswith("V")
    assert updated["id"] == opened["id"]
    assert opened["callback_id"] == "audit"


def test_an_unknown_method_fails_and_is_recorded(standin: SlackStandIn, client: WebClient) -> None:
    with pytest.raises(SlackApiError) as raised:
        client.api_call("reactions.add", params={"name": "tick"})

    assert raised.value.response.status_code == 404
    assert raised.value.response["error"] == "unknown_method"
    assert [c.method for c in standin.unknown_calls] == ["reactions.add"]
    with pytest.raises(AssertionError, match=r"reactions\.add"):
        standin.assert_no_unknown_calls()


def test_a_rate_limited_call_is_retried_by_the_sdk_and_then_succeeds(standin: SlackStandIn) -> None:
    client = WebClient(
        token="xoxb-test",
        base_url=standin.base_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)],
    )
    standin.fail_next("chat.postMessage", status=429, retry_after=1)

    response = client.chat_postMessage(channel="C0CHAN001", text="Reminder: audit due")

    assert response["ok"]
    assert [c.status for c in standin.calls_to("chat.postMessage")] == [429, 200]


def test_a_server_error_without_a_retry_handler_raises(standin: SlackStandIn, client: WebClient) -> None:
    standin.fail_next("chat.update", status=500)

    with pytest.raises(SlackApiError) as raised:
        client.chat_update(channel="C0CHAN001", ts="1700000000.000100", text="Updated")

    assert raised.value.response.status_code == 500
    assert client.chat_update(channel="C0CHAN001", ts="1700000000.000100", text="Updated")["ok"]


def test_the_fault_rate_is_repeatable_for_a_seed(standin: SlackStandIn, client: WebClient) -> None:
    def outcomes() -> list[bool]:
        results = []
        for n in range(30):
            try:
                client.chat_postMessage(channel="C0CHAN001", text=f"message {n}")
                results.append(True)
            except SlackApiError:
                results.append(False)
        return results

    standin.set_fault_rate(0.3, seed=7)
    first = outcomes()
    standin.set_fault_rate(0.3, seed=7)
    second = outcomes()

    assert first == second
    assert 0 < first.count(False) < 30


def test_wait_for_sees_calls_from_other_threads_and_reports_what_it_saw(
    standin: SlackStandIn, client: WebClient
) -> None:
    worker = threading.Thread(target=lambda: client.chat_postMessage(channel="DU0PRAC001", text="Done"))
    worker.start()
    calls = standin.wait_for("chat.postMessage", predicate=lambda c: c.text == "Done")
    worker.join()

    assert calls[0].params["channel"] == "DU0PRAC001"
    with pytest.raises(AssertionError, match=r"(?s)views\.open.*chat\.postMessage"):
        standin.wait_for("views.open", timeout=0.2)


def test_messages_to_gathers_what_one_person_saw(standin: SlackStandIn, client: WebClient) -> None:
    client.chat_postMessage(channel="DU0PRAC001", text="Your audit is due")
    client.chat_postEphemeral(channel="C0CHAN001", user="U0PRAC001", text="Only you can see this")
    client.chat_postMessage(channel="DU0PRAC002", text="Someone else's reminder")

    seen_by_person = [c.text for c in standin.messages_to("U0PRAC001")]
    assert seen_by_person == ["Your audit is due", "Only you can see this"]
    assert [c.text for c in standin.messages_to("C0CHAN001")] == ["Only you can see this"]


def test_close_leaves_no_thread_behind() -> None:
    before = set(threading.enumerate())
    with SlackStandIn() as server:
        WebClient(token="xoxb-test", base_url=server.base_url).auth_test()
    assert set(threading.enumerate()) <= before


# -- signed requests -------------------------------------------------------------------------------


def _verifies(client: SignedSlackClient, body: bytes) -> bool:
    headers = client.signed_headers(body)
    return SignatureVerifier(SECRET).is_valid(
        body=body,
        timestamp=headers["X-Slack-Request-Timestamp"],
        signature=headers.get("X-Slack-Signature", ""),
    )


def test_signed_requests_verify_and_broken_ones_do_not() -> None:
    client = SignedSlackClient("http://127.0.0.1:3000", SECRET)
    body = b"payload=%7B%22type%22%3A%22block_actions%22%7D"

    assert _verifies(client, body)
    assert not _verifies(client.variant(timestamp_offset=-400), body)
    assert not _verifies(client.variant(bad_signature=True), body)
    assert not _verifies(client.variant(omit_signature=True), body)


def test_the_client_refuses_any_host_but_loopback() -> None:
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        SignedSlackClient("https://example.org", SECRET)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


@pytest.fixture
def bolt(standin: SlackStandIn) -> Iterator[tuple[SignedSlackClient, list[dict[str, Any]]]]:
    """A tiny Bolt app in HTTP mode that records what its listeners received."""
    seen: list[dict[str, Any]] = []
    app = App(
        signing_secret=SECRET,
        client=WebClient(token="xoxb-test", base_url=standin.base_url),
        authorize=lambda **_: AuthorizeResult(
            enterprise_id=None, team_id="T0TEAM001", bot_token="xoxb-test", bot_user_id=BOT_USER_ID
        ),
        process_before_response=True,
    )

    @app.command("/audit")
    def audit(ack: Any, command: dict[str, Any], respond: Any) -> None:
        ack()
        seen.append({"kind": "command", "user": command["user_id"], "text": command["text"]})
        respond(f"Starting {command['text']}")

    @app.action("grade")
    def grade(ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        selected = action.get("selected_option", {}).get("value") if "selected_option" in action else None
        seen.append({"kind": "action", "user": body["user"]["id"], "value": action.get("value") or selected})

    @app.view("audit_notes")
    def notes(ack: Any, view: dict[str, Any]) -> None:
        values = view["state"]["values"]
        if not values["notes"]["text"]["value"]:
            ack(response_action="errors", errors={"notes": "Add a note"})
            return
        ack()
        seen.append({"kind": "view", "values": values, "metadata": view["private_metadata"]})

    @app.event("message")
    def message(event: dict[str, Any], body: dict[str, Any], request: BoltRequest) -> None:
        retry = request.headers.get("x-slack-retry-num")
        seen.append({"kind": "message", "text": event["text"], "event_id": body["event_id"], "retry": retry})

    @app.event("app_mention")
    def mention(event: dict[str, Any]) -> None:
        seen.append({"kind": "mention", "text": event["text"]})

    server = make_server("127.0.0.1", 0, SlackRequestHandler(app), WSGIServer, _QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        yield SignedSlackClient(url, SECRET, response_url_base=standin.response_url_base), seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        standin.assert_no_unknown_calls()


def test_bolt_accepts_a_signed_command_and_its_reply_reaches_the_stand_in(
    bolt: tuple[SignedSlackClient, list[dict[str, Any]]], standin: SlackStandIn
) -> None:
    slack, seen = bolt
    response = slack.command("U0PRAC001", "CR-123456")

    assert response.status == 200
    assert seen == [{"kind": "command", "user": "U0PRAC001", "text": "CR-123456"}]
    replies = standin.messages_to("U0PRAC001")
    assert [c.text for c in replies] == ["Starting CR-123456"]


@pytest.mark.parametrize(
    "broken", [{"timestamp_offset": -400}, {"bad_signature": True}, {"omit_signature": True}]
)
def test_bolt_rejects_stale_forged_and_unsigned_requests(
    bolt: tuple[SignedSlackClient, list[dict[str, Any]]], broken: dict[str, Any]
) -> None:
    slack, seen = bolt
    response = slack.variant(**broken).command("U0PRAC001", "CR-123456")

    assert response.status == 401
    assert seen == []


def test_bolt_routes_button_select_and_modal_payloads(
    bolt: tuple[SignedSlackClient, list[dict[str, Any]]],
) -> None:
    slack, seen = bolt
    assert slack.block_action("U0PRAC001", "grade", "good").status == 200
    assert slack.static_select_action("U0PRAC001", "grade", "inadequate", "Inadequate").status == 200
    values = {"notes": {"text": plain_text_input("Plan reviewed")}, "grade": {"pick": static_select("good")}}
    assert slack.view_submission("U0QA00001", "audit_notes", values, private_metadata="run-7").status == 200

    assert seen == [
        {"kind": "action", "user": "U0PRAC001", "value": "good"},
        {"kind": "action", "user": "U0PRAC001", "value": "inadequate"},
        {"kind": "view", "values": values, "metadata": "run-7"},
    ]


def test_a_modal_ack_with_errors_comes_back_in_the_response_body(
    bolt: tuple[SignedSlackClient, list[dict[str, Any]]],
) -> None:
    slack, _seen = bolt
    response = slack.view_submission("U0QA00001", "audit_notes", {"notes": {"text": plain_text_input(None)}})

    assert response.json() == {"response_action": "errors", "errors": {"notes": "Add a note"}}


def test_bolt_receives_events_with_their_retry_headers(
    bolt: tuple[SignedSlackClient, list[dict[str, Any]]],
) -> None:
    slack, seen = bolt
    question = "when is the ICPC due?"
    assert slack.message_im("U0PRAC001", question, event_id="Ev0SAME001").status == 200
    assert slack.message_im("U0PRAC001", question, event_id="Ev0SAME001", retry_num=1).status == 200
    assert slack.message_im("U0PRAC001", "thanks").status == 200
    assert slack.app_mention("U0PRAC001", f"<@{BOT_USER_ID}> help").status == 200

    first, retried, fresh, mention = seen
    assert (first["event_id"], first["retry"]) == ("Ev0SAME001", None)
    assert (retried["event_id"], retried["retry"]) == ("Ev0SAME001", ["1"])
    assert fresh["event_id"].startswith("Ev") and fresh["event_id"] != "Ev0SAME001"
    assert mention == {"kind": "mention", "text": f"<@{BOT_USER_ID}> help"}


def test_interaction_payloads_are_form_encoded_json(standin: SlackStandIn) -> None:
    """Sent at the stand-in's unknown path, the request is recorded as Slack would send it."""
    slack = SignedSlackClient(standin.root_url, SECRET)
    slack.block_action("U0PRAC001", "grade", "good")

    sent = standin.unknown_calls[0]
    payload = json.loads(sent.params["payload"])
    assert payload["type"] == "block_actions"
    assert payload["actions"][0]["action_id"] == "grade"
    assert urllib.parse.urlsplit(payload["response_url"]).hostname == "127.0.0.1"
