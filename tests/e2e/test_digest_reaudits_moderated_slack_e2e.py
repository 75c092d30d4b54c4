"""fix74b (B3), through the real Slack stack with signed requests: a manager's `/audit digest` says which of the
week's improved re-audits a moderator has decided and which rest on the auditor's grade, not yet moderated."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_digest_reaudits_moderated import MONDAY, three_reaudits_improved
from tests.integration.test_reaudits import NORTH_MANAGER, Cases


def test_the_digest_in_slack_says_which_improved_reaudits_are_not_yet_moderated(bot: RunningBot, standin,
                                                                               services: Services) -> None:
    """Two re-audits improved and moderated, one improved on its auditor's grade alone."""
    three_reaudits_improved(Cases(services), moderated=2)
    with time_machine.travel(MONDAY, tick=False):
        said = " ".join(reply.text for reply in SlackPerson(bot, standin, NORTH_MANAGER).send("command", "digest"))
    assert ("Re-audits*: 3 (2 improved (moderated); 1 more improved on the auditor's grade, not yet moderated) done "
            "in week 14;") in said
