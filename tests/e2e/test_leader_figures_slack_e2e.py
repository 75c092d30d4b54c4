"""Trial 35 (M1, M3): a leader's figures asked in words in a DM, through the real Bolt stack: grades by practice
area, and the agreement rate asked as a figure, each answered with the figure and nothing noted for the QA leads."""

from __future__ import annotations

import time_machine

from bot.digests.demo_data import generate
from tests.conftest import RunningBot
from tests.support.trial_day import TRIAL


def test_practice_areas_asked_in_a_dm_get_the_grades_by_checklist(running_bot: RunningBot, standin) -> None:
    with time_machine.travel(TRIAL, tick=False):
        generate(running_bot.services)
        running_bot.slack.message_im("U0QALEAD1", "which practice areas are most often graded RI or inadequate?")
        [post] = standin.wait_for("chat.postMessage")
    body = post.params["text"] + str(post.params.get("blocks", ""))
    assert "Grades by practice area" in body and "RI or Inadequate 5 of 9 (56%)" in body, body
    assert list(running_bot.services.storage.db.query("SELECT * FROM kb_asks")) == []


def test_our_agreement_rate_asked_in_a_dm_is_the_table_not_the_entry(running_bot: RunningBot, standin) -> None:
    with time_machine.travel(TRIAL, tick=False):
        generate(running_bot.services)
        running_bot.slack.message_im("U0ADMIN01", "whats our moderation agreement rate")
        [post] = standin.wait_for("chat.postMessage")
    body = post.params["text"] + str(post.params.get("blocks", ""))
    assert "Moderation agreement by team" in body and "13 of 16" in body, body
    assert list(running_bot.services.storage.db.query("SELECT * FROM kb_asks")) == []
