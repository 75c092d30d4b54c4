"""Trial 43, finding 7: "sorry loads of questions - which of my actions are overdue, how do i do a good chronology, and
can i get more time on 34 till the 20th cos of the conference" asked for more time and dropped the two questions
without a word. Now the request is made and one line names the questions not answered and how to ask them."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"


def _action(services: Services) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-11",
                                   AUDITOR, MONDAY)


def _say(engine: Engine, text: str) -> list:
    with time_machine.travel(MONDAY, tick=False):
        return engine.message(WORKER, text, surface="terminal")


def _asked(services: Services) -> list[dict]:
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'action.more_time' ORDER BY id")
    return [json.loads(row[0]) for row in rows]


def test_the_request_is_made_and_the_other_questions_are_named_with_how_to_ask(engine: Engine,
                                                                              services: Services) -> None:
    action = _action(services)
    replies = _say(engine, "sorry loads of questions - which of my actions are overdue, how do i do a good "
                           f"chronology, and can i get more time on {action} till the 20th cos of the conference")
    mine = [reply for reply in replies if reply.is_for_requester]
    assert mine[0].text.startswith(f"I've asked Team manager (South), the auditor, for more time on action {action}")
    assert [asked["until"] for asked in _asked(services)] == ["2026-12-20"]
    [sent] = [reply for reply in replies if reply.to_user == AUDITOR]
    assert "reason: the conference" in sent.text and "overdue" not in sent.text
    assert flat(mine[-1].text, "`*_") == ("You also asked \u201cwhich of my actions are overdue\u201d and "
                                          "\u201chow do i do a good chronology\u201d: send each on its own line and "
                                          "I'll answer it.")


def test_a_question_holding_a_name_is_not_quoted_back(engine: Engine, services: Services) -> None:
    action = _action(services)
    replies = _say(engine, f"more time on action {action} till the 18th please, and how do i tell Jayden Walker's mum")
    [line] = [reply.text for reply in replies if "You also asked" in reply.text]
    assert "Jayden" not in line and "another question" in line
