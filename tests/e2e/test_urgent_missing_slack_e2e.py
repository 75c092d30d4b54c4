"""Trial 44 (F1) end to end through Bolt with signed requests: a DM saying a child went awol again from their
residential home gets the steer to act now, reporting them missing to the police under the missing plan, and the
missing entry, not "Did you mean…" about short breaks."""

from __future__ import annotations

import time_machine

from tests.conftest import RunningBot
from tests.support.kb_helpers import post_containing
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
DM = "DU0PRAN001"


def test_a_child_gone_awol_again_gets_the_steer_and_the_missing_entry_in_the_dm(running_bot: RunningBot,
                                                                              standin) -> None:
    with time_machine.travel(CONTENT_DAY, tick=True):
        reply = running_bot.slack.message_im(PRACTITIONER, "kid went awol again from resi what do i do")
        assert reply.status == 200
        steer = post_containing(standin, "report them missing to the police", DM)
        answer = post_containing(standin, "What should happen when a child goes missing from home or care?", DM)
    assert "talk to your manager or the duty team straight away" in str(steer.params)
    assert "emergency duty team" in str(steer.params)
    assert "short breaks" not in str(answer.params).lower()
