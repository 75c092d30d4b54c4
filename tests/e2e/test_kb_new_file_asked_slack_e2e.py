"""End to end through Bolt over HTTP and the Slack stand-in (fix50f's follow-up, fix53e): `kb new N … | file:` naming
no file keeps the entry and lists the files; the QA lead's next message names one, and the entry is written to that
file, its diff exactly the entry, no other file touched. A QA lead who comes back hours later and writes something
else is told first that the entry still waits for its file.

Every test writes into the temporary copy of knowledge/ made by the `kb_dir` fixture, never the repository's.
"""

from __future__ import annotations

import difflib
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

from bot.settings.config import Settings, load_settings
from tests.conftest import RunningBot
from tests.support.kb_helpers import post_containing, posted_buttons
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER, QA_LEAD = "U0PRAN001", "U0QALEAD1"
LEAD_DM = f"D{QA_LEAD}"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


@pytest.fixture(autouse=True)
def content_day():
    with time_machine.travel(CONTENT_DAY, tick=True):  # a Tuesday morning: nothing held
        yield


def added_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def unanswered_key(bot: RunningBot, standin) -> str:
    bot.slack.message_im(PRACTITIONER, "when is the fire drill held")
    post_containing(standin, "I don't know that yet", f"D{PRACTITIONER}")
    bot.slack.command(QA_LEAD, "kb unanswered")
    return posted_buttons(post_containing(standin, "Link to an entry", LEAD_DM))["kb.unanswered.answer"]


NEW = "kb new {key} When is the fire drill held? | The first Monday of each quarter, at 10am. | tags: office-drills"


def test_kb_new_naming_no_file_lists_the_files_and_the_one_named_next_gets_the_entry(running_bot: RunningBot,
                                                                                      standin,
                                                                                      kb_dir: Path) -> None:
    key = unanswered_key(running_bot, standin)
    before = {path: path.read_text(encoding="utf-8") for path in kb_dir.rglob("*.yaml")}

    running_bot.slack.message_im(QA_LEAD, NEW.format(key=key) + " | file:")
    asked = str(post_containing(standin, f"Which file should the new entry for #{key} go in?", LEAD_DM).params)
    assert "`kb/good-practice.yaml`" in asked and "Type its number or its name" in asked
    assert {path: path.read_text(encoding="utf-8") for path in kb_dir.rglob("*.yaml")} == before
    running_bot.slack.message_im(QA_LEAD, "good practice")

    post_containing(standin, "to `kb/good-practice.yaml` and reloaded", LEAD_DM)
    after = {path: path.read_text(encoding="utf-8") for path in kb_dir.rglob("*.yaml")}
    changed = [path.name for path in before if after[path] != before[path]]
    assert changed == ["good-practice.yaml"] and set(after) == set(before)
    path = kb_dir / "kb" / "good-practice.yaml"
    assert added_lines(before[path], after[path]) == [
        "+",
        "+  - id: fire-drill-held",
        "+    question: When is the fire drill held?",
        "+    answer: |",
        "+      The first Monday of each quarter, at 10am.",
        "+    tags: [office-drills]",
        "+    source: the QA team's own guidance",
        "+    owner: U0QALEAD1",
        "+    review_by: 2027-12-01",  # 12 months from the pinned day, as no review date was given
    ]
    post_containing(standin, "The first Monday of each quarter, at 10am.", f"D{PRACTITIONER}")


def test_a_qa_lead_back_hours_later_is_told_first_that_the_entry_waits(running_bot: RunningBot, standin) -> None:
    key = unanswered_key(running_bot, standin)
    running_bot.slack.message_im(QA_LEAD, NEW.format(key=key))
    post_containing(standin, f"Which file should the new entry for #{key} go in?", LEAD_DM)

    with time_machine.travel(CONTENT_DAY + timedelta(hours=3), tick=True):  # the same working day, after lunch
        running_bot.slack.message_im(QA_LEAD, "how do i pause my reminders while on leave")
        answered = post_containing(standin, "away", LEAD_DM)

    posts = [call for call in standin.calls_to("chat.postMessage") if call.params["channel"] == LEAD_DM]
    told = posts[posts.index(answered) - 1]  # the line just before the answer: the reply's first
    assert told.params["text"] == ("Entry 'When is the fire drill held?' is still waiting for its file: answer with "
                                   "a file name, or `cancel`.")
    assert "That names none of the files" not in str([call.params for call in posts])
