"""Trial 44: an action typed in Slack with a due date no month has (`ring dad by 31/11`) was kept with "by 31/11" in
its text and its owner and due date asked, as if no date had been typed. Now one message says why the date can't be
the due date and nothing is stored; the action typed again with a day that reads takes it, said back."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from tests.audit_driver import next_input
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson

AUDITOR = "U0PRAN001"
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def _to_the_actions_step(person: SlackPerson) -> None:
    replies, state = person.send("command", "start early-help-spot"), {}
    while not any(c.action == "audit.actions_done" for r in replies for c in r.choices):
        step = next_input(replies, state)
        assert step is not None
        replies = person.send(*step)


def test_a_due_date_no_month_has_is_said_once_and_nothing_is_stored(bot: RunningBot, standin,
                                                                   services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    with time_machine.travel(MONDAY, tick=False):
        _to_the_actions_step(person)
        refused = person.send("type", "ring dad by 31/11")
        taken = person.send("type", "ring dad by the 18th")
    assert refused[0].kind == "error" and refused[0].text.replace("*", "").startswith(
        "I couldn't take “31/11” as the action's due date: '31/11' is not a real date: November has 30 days, so no "
        "31st. Nothing is stored yet")
    assert not any("Who owns this action" in r.text for r in refused)
    assert "I've taken “the 18th” as the action's due date, *Friday 18 December 2026*" in taken[0].text
    assert services.storage.db.execute("SELECT count(*) FROM actions").fetchone()[0] == 0  # owner asked next
