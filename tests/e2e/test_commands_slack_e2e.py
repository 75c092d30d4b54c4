"""Commands typed nearly right, through the real Bolt stack: the `/audit` slash command and a DM."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from tests.conftest import RunningBot


def test_a_mistyped_sub_command_names_the_one_meant_not_the_whole_help(running_bot: RunningBot, standin) -> None:
    response = running_bot.slack.command("U0MGRN001", "shwo 12")
    assert response.status == 200
    [post] = standin.wait_for("chat.postMessage")
    assert post.params["channel"] == "DU0MGRN001"
    assert "I don't know `shwo`. Did you mean `/audit show 12`?" in post.params["text"]
    assert "/audit help" in post.params["text"]
    assert "Here is what I can do" not in post.params["text"]


def test_a_command_typed_in_a_dm_without_the_slash_is_suggested_not_asked(running_bot: RunningBot,
                                                                         standin) -> None:
    running_bot.slack.message_im("U0MGRN001", "view 12")
    [post] = standin.wait_for("chat.postMessage")
    assert "Did you mean `show 12`?" in post.params["text"]  # a DM needs no `/audit` (trial 30)
    assert list(running_bot.services.storage.db.query("SELECT * FROM kb_asks")) == []


def test_a_team_typed_as_part_of_its_name_is_read_and_named(running_bot: RunningBot, standin) -> None:
    running_bot.slack.command("U0MGRN001", "list team north")
    [post] = standin.wait_for("chat.postMessage")
    assert post.params["text"].startswith("North Assessment Team (`north-assessment`): ")
    assert "Audits of North Assessment Team" in post.params["text"]


def test_the_service_digest_reads_a_month_against_its_target_in_words(running_bot: RunningBot, standin) -> None:
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/London")), tick=False):
        running_bot.slack.command("U0QALEAD1", "digest")
        [post] = standin.wait_for("chat.postMessage",
                                  predicate=lambda call: "this month" in call.params.get("text", ""))
    assert "North Assessment Team*: 0 · 0 (target 2, 2 to go) ·" in post.params["text"]
    assert "0/2" not in post.params["text"]
    standin.wait_for("files.completeUploadExternal")  # the service's trend chart follows the text


def test_a_checklist_is_read_outside_an_audit_through_the_slash_command(running_bot: RunningBot, standin) -> None:
    """`/audit checklist neglect`: every question and its guidance, in the DM, and no audit started."""
    running_bot.slack.command("U0PRAN001", "checklist neglect")
    [post] = standin.wait_for("chat.postMessage")
    body = post.params["text"] + str(post.params.get("blocks", ""))
    assert "Was the Graded Care Profile 2" in body and "A second score shows whether care is improving" in body
    assert list(running_bot.services.storage.db.query("SELECT id FROM audits")) == []
