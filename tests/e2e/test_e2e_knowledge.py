"""End to end through Bolt over HTTP and the Slack stand-in: asking, feedback, and a QA lead's reload."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import time_machine

from bot.settings.config import Settings, load_settings
from tests.conftest import RunningBot
from tests.support.kb_helpers import post_containing as shared_post_containing
from tests.support.kb_helpers import posted_buttons
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
QA_LEAD = "U0QALEAD1"
DM = "DU0PRAN001"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path, config_dir: Path) -> Settings:
    settings_file = config_dir / "settings.yaml"
    settings_file.write_text(settings_file.read_text().replace("qa_channel: null", "qa_channel: C0QALEADS"))
    return load_settings(environ)


def post_containing(standin, text: str, channel: str = DM, count: int = 1):
    return shared_post_containing(standin, text, channel, count)


def test_a_dm_question_is_answered_in_the_dm(running_bot: RunningBot, standin) -> None:
    with time_machine.travel(CONTENT_DAY, tick=True):
        assert running_bot.slack.message_im(PRACTITIONER, "when is the ICPC due?").status == 200
        post = post_containing(standin, "15 working days")
    assert post.params["text"].startswith("*Within 15 working days")
    assert "Working Together to Safeguard Children 2023" in str(post.params["blocks"])


def test_a_mention_is_answered_in_the_thread(running_bot: RunningBot, standin) -> None:
    running_bot.slack.app_mention(PRACTITIONER, "<@U0BOT0001> icpc deadline?", channel="C0CHAN001",
                                  ts="1700000000.000900")
    post = post_containing(standin, "15 working days", channel="C0CHAN001")
    assert post.params["thread_ts"] == "1700000000.000900"


def test_the_slash_command_answers_and_the_feedback_button_is_stored(running_bot: RunningBot, standin) -> None:
    running_bot.slack.command(PRACTITIONER, "ask icpc deadline")
    post = post_containing(standin, "15 working days")
    value = posted_buttons(post)["kb.feedback"]
    assert value.endswith(":1")
    running_bot.slack.block_action(PRACTITIONER, "kb.feedback|0", value)
    post_containing(standin, "glad it helped")
    rows = list(running_bot.services.storage.db.query("SELECT user_id, entry_id, helpful FROM kb_feedback"))
    assert rows == [{"user_id": PRACTITIONER, "entry_id": "icpc-timescale", "helpful": 1}]


def test_an_unanswered_question_can_be_passed_to_the_qa_channel(running_bot: RunningBot, standin) -> None:
    running_bot.slack.message_im(PRACTITIONER, "when does the staff choir rehearse")
    post = post_containing(standin, "I don't know that yet")
    running_bot.slack.block_action(PRACTITIONER, "kb.escalate|0", posted_buttons(post)["kb.escalate"])
    channel_post = post_containing(standin, "when does the staff choir rehearse", channel="C0QALEADS")
    assert f"<@{PRACTITIONER}>" in channel_post.params["text"]
    post_containing(standin, "passed your question to the QA leads")


def test_a_broken_edit_is_reported_on_reload_and_the_bot_keeps_answering(running_bot: RunningBot, standin,
                                                                        kb_dir: Path) -> None:
    timescales = kb_dir / "kb" / "timescales.yaml"
    good = timescales.read_text(encoding="utf-8")
    # The QA lead edits the ICPC answer but breaks the file: a bad review date and a misspelt field.
    broken = good.replace("*Within 15 working days of the strategy discussion*", "*Within 14 working days*", 1)
    broken = re.sub(r"review_by: \d{4}-\d{2}-\d{2}", "review_by: 30/06/2027", broken, count=1)
    timescales.write_text(broken, encoding="utf-8")
    running_bot.slack.command(QA_LEAD, "kb reload")
    report = post_containing(standin, "The previous version is still live", channel="DU0QALEAD1")
    text = str(report.params["blocks"])
    assert "kb/timescales.yaml:" in text
    assert "YYYY-MM-DD" in text

    # Practitioners are still answered from the version that was live.
    running_bot.slack.message_im(PRACTITIONER, "when is the ICPC due?")
    assert "Within 15 working days" in post_containing(standin, "working days").params["text"]

    # Fixed and extended: the reload says what changed, and the new answer is live.
    fixed = good.replace("*Within 15 working days of the strategy discussion*",
                         "*Within 15 working days of the strategy discussion (checked)*", 1)
    timescales.write_text(fixed, encoding="utf-8")
    (kb_dir / "kb" / "office.yaml").write_text(
        "entries:\n  - id: fire-drill\n    question: When is the fire drill?\n    answer: First Monday.\n"
        "    source: Facilities\n    review_by: 2027-06-30\n", encoding="utf-8")
    running_bot.slack.command(QA_LEAD, "kb reload")
    done = post_containing(standin, "Knowledge base reloaded", channel="DU0QALEAD1")
    text = str(done.params["blocks"])
    assert "Added: `fire-drill`" in text
    assert "Changed: `icpc-timescale`" in text
    assert "Removed: none" in text
    running_bot.slack.message_im(PRACTITIONER, "icpc deadline")
    assert "(checked)" in post_containing(standin, "(checked)").params["text"]
    query = "SELECT action FROM trail WHERE action LIKE 'kb.%'"
    trail = [row["action"] for row in running_bot.services.storage.db.query(query)]
    assert trail == ["kb.reload", "kb.reload"]


def test_a_practitioner_cannot_reload(running_bot: RunningBot, standin) -> None:
    running_bot.slack.command(PRACTITIONER, "kb reload")
    assert "is for QA leads and admins" in post_containing(standin, "QA leads and admins").params["text"]
