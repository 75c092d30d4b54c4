"""Trial 60 (F7) through Slack: at the actions step `Q4 share the plan with the school by 18/12` (no colon) ties the
action to Q4 as `Q4: …` does, said back, with "Q4" taken out of its text; `Q40 …`, a number the checklist has no
question for, stays in the text. Signed requests into the real Bolt app, replies read back from the stand-in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from tests.conftest import RunningBot
from tests.e2e.test_action_impossible_due_slack_e2e import AUDITOR, _to_the_actions_step
from tests.e2e.test_audit_slack_e2e import SlackPerson

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))
TIED = "Tied to Q4 (Is there a family plan with clear outcomes and timescales?): the case's next audit asks about it"


@pytest.mark.parametrize(("line", "text", "question"), [
    ("Q4 share the plan with the school by 18/12", "share the plan with the school", "family-plan-outcomes"),
    ("q4 share the plan with the school by 18/12", "share the plan with the school", "family-plan-outcomes"),
    ("Q40 share the plan with the school by 18/12", "Q40 share the plan with the school", None),
])
def test_an_action_after_a_question_number_without_a_colon_is_tied_to_it(bot: RunningBot, standin,
                                                                       services: Services, line: str, text: str,
                                                                       question: str | None) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    with time_machine.travel(MONDAY, tick=False):
        _to_the_actions_step(person)
        person.send("type", line)
        added = person.send("type", "me")
    said = " ".join(r.text.replace("*", "") for r in added)
    assert (TIED in said) is (question is not None), said
    assert [(a.description, a.question_id) for a in action_store.actions_of_audit(services.storage, 1)] == [
        (text, question)]
