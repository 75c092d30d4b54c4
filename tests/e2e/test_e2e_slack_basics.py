"""End to end through the real Bolt stack over HTTP, against the Slack Web API stand-in."""

from __future__ import annotations

import time

from tests.conftest import RunningBot


def test_signed_help_command_is_acknowledged_before_its_reply_is_posted_and_help_reaches_the_user(
        running_bot: RunningBot, standin) -> None:
    """Slack shows an error for a command not acknowledged within 3 s, so the acknowledgement never waits for the
    work: with the reply's chat.postMessage held back by the stand-in, the command still gets its HTTP 200 (one
    sent after posting would wait for the post); once the post is let through, the help reaches the user."""
    hold = standin.hold("chat.postMessage")
    response = running_bot.slack.command("U0PRAN001", "help")
    hold.released.set()
    assert response.status == 200
    [post] = standin.wait_for("chat.postMessage")
    assert not hold.timed_out, "the command was acknowledged only once its reply had been posted"
    assert post.params["channel"] == "DU0PRAN001"
    assert "Here is what I can do for you" in post.params["text"]
    assert "practitioner" in post.params["text"]


def test_help_in_a_channel_is_acknowledged_with_a_pointer_to_the_dm(running_bot: RunningBot, standin) -> None:
    response = running_bot.slack.command("U0PRAN001", "help", channel_id="C0CHAN001")
    assert response.status == 200
    assert "direct messages" in response.body
    standin.wait_for("chat.postMessage", predicate=lambda call: call.params["channel"] == "DU0PRAN001")


def test_stale_or_forged_requests_get_401_and_nothing_happens(running_bot: RunningBot, standin) -> None:
    before = len(standin.calls)
    stale = running_bot.slack.variant(timestamp_offset=-400).command("U0PRAN001", "help")
    forged = running_bot.slack.variant(bad_signature=True).command("U0PRAN001", "help")
    unsigned = running_bot.slack.variant(omit_signature=True).message_im("U0PRAN001", "help")
    assert (stale.status, forged.status, unsigned.status) == (401, 401, 401)
    time.sleep(0.3)
    assert [c for c in standin.calls[before:] if c.method != "auth.test"] == []


def test_help_typed_in_a_dm_is_answered_in_that_dm(running_bot: RunningBot, standin) -> None:
    response = running_bot.slack.message_im("U0MGRN001", "help")
    assert response.status == 200
    [post] = standin.wait_for("chat.postMessage")
    assert post.params["channel"] == "DU0MGRN001"
    assert "team manager" in post.params["text"]


def test_a_retried_event_is_acted_on_once(running_bot: RunningBot, standin) -> None:
    first = running_bot.slack.message_im("U0MGRN001", "help", event_id="EvSAME0001")
    again = running_bot.slack.message_im("U0MGRN001", "help", event_id="EvSAME0001", retry_num=1,
                                         retry_reason="http_timeout")
    assert (first.status, again.status) == (200, 200)
    standin.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(standin.calls_to("chat.postMessage")) == 1


def test_unknown_people_are_told_how_to_get_access_and_nothing_else(running_bot: RunningBot, standin) -> None:
    running_bot.slack.command("U0STRANGER", "help")
    [post] = standin.wait_for("chat.postMessage")
    assert "not set up to use audit-bot" in post.params["text"]
    assert "U0STRANGER" in post.params["text"]
    assert "/audit" not in post.params["text"]


def test_mention_in_a_channel_is_answered_in_the_thread(running_bot: RunningBot, standin) -> None:
    running_bot.slack.app_mention("U0PRAN001", "<@U0BOT0001> help", channel="C0CHAN001", ts="1700000000.000500")
    [post] = standin.wait_for("chat.postMessage")
    assert post.params["channel"] == "C0CHAN001"
    assert post.params["thread_ts"] == "1700000000.000500"


def test_home_tab_is_published_for_the_person(running_bot: RunningBot, standin) -> None:
    running_bot.slack.app_home_opened("U0QALEAD1")
    [publish] = standin.wait_for("views.publish")
    assert publish.params["user_id"] == "U0QALEAD1"
    assert publish.params["view"]["type"] == "home"
    assert "QA lead" in str(publish.params["view"]["blocks"])
