"""Trial 60 F6 through the real Bolt stack: a manager opens the Home tab (a signed app_home_opened event) and the
week's Good-or-better share says how many were moderated inside its brackets, in the digest's words, never "2 of 4
(50%), 1 of 4 after moderation", which read as one Good after moderation."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_home_weakest_tie_slack_e2e import WEDNESDAY, _home_text
from tests.integration.test_good_or_better_moderated_words import _week_47


def test_home_says_one_of_the_four_was_moderated_and_its_grade_agreed(bot: RunningBot, standin,
                                                                      services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _week_47(services, regrade=False)
        home = _home_text(bot, standin, "U0MGRN001")
    assert "2 of 4 (50%; 1 of the 4 moderated, the auditor's grade agreed)" in home, home
    assert "1 of 4 after moderation" not in home
