"""Trial 35 (M1, M3): a leader's figures asked in words in a DM, through the real Bolt stack: grades by practice
area, and the agreement rate asked as a figure, each answered with the figure and nothing noted for the QA leads."""

from __future__ import annotations

import pytest
import time_machine

from bot.digests.demo_data import generate
from tests.conftest import RunningBot
from tests.support.trial_day import TRIAL


@pytest.mark.parametrize(("user", "typed", "expected"), [
    ("U0QALEAD1", "which practice areas are most often graded RI or inadequate?", "RI or Inadequate 5 of 9 (56%)"),
    ("U0ADMIN01", "whats our moderation agreement rate", "13 of 16"),
])
def test_a_leaders_figure_asked_in_a_dm_is_the_figure(running_bot: RunningBot, standin, user: str, typed: str,
                                                     expected: str) -> None:
    with time_machine.travel(TRIAL, tick=False):
        generate(running_bot.services)
        running_bot.slack.message_im(user, typed)
        [post] = standin.wait_for("chat.postMessage")
    body = post.params["text"] + str(post.params.get("blocks", ""))
    assert expected in body and "What does the moderation agreement rate mean" not in body, body
    assert list(running_bot.services.storage.db.query("SELECT * FROM kb_asks")) == []
