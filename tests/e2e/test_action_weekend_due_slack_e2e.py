"""fix70b C through Slack: an action's due date typed in its text as a number that falls on a weekend (`by 13/12`,
`due 12/12/2026`) is moved to the Friday before at once, as one in words is, and said so; `… anyway` keeps the
weekend day, said to be kept as asked. Signed requests into the real Bolt app, replies read back from the stand-in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_action_impossible_due_slack_e2e import AUDITOR, _to_the_actions_step
from tests.e2e.test_audit_slack_e2e import SlackPerson

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize(("line", "said"), [
    ("ring dad by 13/12", "I've taken “13/12” as the action's due date: Sunday 13 December 2026 is a Sunday, so "
                          "I've made it *Friday 11 December 2026* (in 4 days), the last working day before it"),
    ("ring dad due 12/12/2026", "I've taken “12/12/2026” as the action's due date: Saturday 12 December 2026 is a "
                                "Saturday, so I've made it *Friday 11 December 2026* (in 4 days)"),
    ("ring dad due 13/12 anyway", "I've taken “13/12 anyway” as the action's due date, *Sunday 13 December 2026* "
                                  "(in 6 days), a Sunday, kept as you asked, and left it out of its text: “ring dad”."),
])
def test_a_weekend_due_date_typed_as_a_number_is_moved_or_kept_with_anyway(bot: RunningBot, standin,
                                                                          services: Services, line: str,
                                                                          said: str) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    with time_machine.travel(MONDAY, tick=False):
        _to_the_actions_step(person)
        taken = person.send("type", line)
    assert said in taken[0].text
    assert services.storage.db.execute("SELECT count(*) FROM actions").fetchone()[0] == 0  # owner asked next
