"""End to end through Bolt over HTTP and the Slack stand-in (trial 48 F4, F11): the QA lead's `kb link` to an entry
that lacks the form asked for says so; another command instead of the link's Yes says the link was not made; and
an edit of the entry that still gives no form leaves the question on the list.

Every test writes into the temporary copy of knowledge/ made by the `kb_dir` fixture, never the repository's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import time_machine

from bot.settings.config import Settings, load_settings
from tests.conftest import RunningBot
from tests.support.kb_helpers import post_containing, posted_buttons
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER, QA_LEAD = "U0PRAN001", "U0QALEAD1"
LEAD_DM = f"D{QA_LEAD}"
FORM = "what form do i use to refer to the LADO"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


@pytest.fixture(autouse=True)
def content_day():
    with time_machine.travel(CONTENT_DAY, tick=True):  # a Tuesday morning: nothing held
        yield


def test_a_link_without_the_form_is_warned_dropped_with_a_word_and_the_question_kept(running_bot: RunningBot,
                                                                                     standin) -> None:
    running_bot.slack.message_im(PRACTITIONER, FORM)
    post_containing(standin, "This entry doesn't give a form, template or link", f"D{PRACTITIONER}")
    running_bot.slack.command(QA_LEAD, "kb unanswered")
    key = posted_buttons(post_containing(standin, "Link to an entry", LEAD_DM))["kb.unanswered.answer"]

    running_bot.slack.message_im(QA_LEAD, f"kb link {key} lado")
    post_containing(standin, "`lado` gives no form, template or link: the asker will get it without one", LEAD_DM)
    running_bot.slack.message_im(QA_LEAD, "kb edit lado add alternative: which form for a LADO referral")
    post_containing(standin, f"Your link of #{key} to `lado` was not made", LEAD_DM)
    running_bot.slack.message_im(QA_LEAD, "yes")
    post_containing(standin, "Changed the alternatives of `lado`", LEAD_DM)

    running_bot.slack.command(QA_LEAD, "kb unanswered")
    assert FORM in str(post_containing(standin, "Link to an entry", LEAD_DM, count=2).params)
