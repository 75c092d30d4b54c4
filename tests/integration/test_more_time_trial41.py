"""Trial 41 (a South social worker): requests for more time lost words. `can i have till the 20th, family were away`
went on the QA leads' list; `can i have more time on 9` was sent with no date and her `2 weeks` went to the knowledge
base; `extend 141 by a week` was sent with no date; `actually make it the 15th jan` after a request went to the
knowledge base; a Sunday asked for got no warning; and `extned 106 to 18/12 - waiting on school` was offered without
its reason, `yes` running nothing. Now what is missing is asked for and read from the next line, a correction
replaces the request, and the near miss keeps its reason."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"


def _action(services: Services, due: str = "2026-12-11") -> int:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, due, AUDITOR,
                                   MONDAY)


def named(action: int) -> str:
    """How a reply names the action (trial 43): its words and case, one audit an action here."""
    return f"(_Arrange the statutory visit_, audit #{action}, CR-123456)"


def _asked(services: Services) -> list[tuple[int, str | None]]:
    """The requests kept, oldest first: (action, the day asked for)."""
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'action.more_time' ORDER BY id")
    return [(json.loads(row[0])["action"], json.loads(row[0])["until"]) for row in rows]


def _say(engine: Engine, text: str) -> list:
    with time_machine.travel(MONDAY, tick=False):
        return engine.message(WORKER, text, surface="terminal")


def test_a_request_naming_no_action_asks_which_and_the_number_typed_next_sends_it(engine: Engine,
                                                                                   services: Services) -> None:
    first, second = _action(services), _action(services, "2026-12-14")
    [which] = _say(engine, "can i have till the 18th, family were away")
    assert flat(which.text, "`*_").startswith("Which action do you want more time on until 18 Dec 2026? Type its "
                                              f"number: your open actions are {first}, {second}")
    assert _asked(services) == [] and asked_the_knowledge_base(services) == 0
    mine, sent = _say(engine, str(second))
    assert mine.text.startswith(f"I've asked Team manager (South), the auditor, for more time on action {second} "
                                f"{named(second)} "
                                "until 18 Dec 2026")
    assert sent.to_user == AUDITOR and "reason: family were away" in sent.text
    assert _asked(services) == [(second, "2026-12-18")]


def test_with_one_open_action_a_request_naming_none_is_for_it(engine: Engine, services: Services) -> None:
    action = _action(services)
    [other] = _say(engine, "can i have till friday to finish the campaign audits")  # no action: left to the rest
    assert "more time on action" not in other.text and _asked(services) == []
    mine, sent = _say(engine, "can i have till the 18th, family were away")
    assert mine.text.startswith(f"I've asked Team manager (South), the auditor, for more time on action {action} "
                                f"{named(action)} "
                                "until 18 Dec 2026")
    assert sent.to_user == AUDITOR


@pytest.mark.parametrize(("later", "until"), [("2 weeks", "2026-12-25"), ("a week", "2026-12-18"),
                                              ("21/12", "2026-12-21"), ("monday 21st", "2026-12-21")])
def test_a_request_with_no_day_asks_until_when_and_reads_the_next_line_as_it(
        engine: Engine, services: Services, later: str, until: str) -> None:
    action = _action(services)
    [question] = _say(engine, f"can i have more time on {action}")
    assert question.text.startswith(f"Until when do you need action {action} {named(action)}? It is due 11 Dec 2026.")
    assert question.prompt and _asked(services) == []
    replies = _say(engine, later)
    assert [r.to_user for r in replies] == [None, AUDITOR]
    assert _asked(services) == [(action, until)]
    assert asked_the_knowledge_base(services) == 0


def test_cancel_or_another_line_at_until_when_sends_nothing(engine: Engine, services: Services) -> None:
    action = _action(services)
    _say(engine, f"more time on action {action}")
    assert "nothing was asked" in _say(engine, "cancel")[0].text
    _say(engine, f"more time on action {action}")
    _say(engine, "how often should a child in care be visited")
    _say(engine, "18/12")  # no longer read as the day: the request was let go
    assert _asked(services) == []


def test_extend_by_a_week_asks_for_the_due_date_plus_seven_days(engine: Engine, services: Services) -> None:
    action = _action(services, "2026-12-04")  # overdue
    mine, sent = _say(engine, f"extend {action} by a week")
    assert "until 11 Dec 2026" in mine.text and "until 11 Dec 2026" in sent.text
    assert _asked(services) == [(action, "2026-12-11")]


def test_a_correction_replaces_the_request_just_sent_keeping_its_reason(engine: Engine, services: Services) -> None:
    action = _action(services, "2026-12-31")
    _say(engine, f"extend {action} to 8/1 - xmas")
    mine, sent = _say(engine, "actually make it the 15th jan")
    assert mine.text.startswith(f"I've asked Team manager (South), the auditor, for more time on action {action} "
                                f"{named(action)} "
                                "until 15 Jan 2027 (instead of until 8 Jan 2027)")
    assert sent.to_user == AUDITOR and "reason: xmas" in sent.text
    assert "This replaces their request until 8 Jan 2027" in sent.text
    assert _asked(services) == [(action, "2027-01-08"), (action, "2027-01-15")]
    latest = requests.latest(services.storage, action)
    assert latest is not None and latest.until == "2027-01-15" and latest.withdrawn_at is None
    [withdrawn] = services.storage.db.execute("SELECT COUNT(*) FROM trail WHERE action = 'action.more_time_withdrawn'"
                                              ).fetchone()
    assert withdrawn == 1  # the first was withdrawn: one request waits
    assert asked_the_knowledge_base(services) == 0


def test_a_day_off_asked_for_is_warned_with_the_working_day_to_ask_instead(engine: Engine,
                                                                            services: Services) -> None:
    action = _action(services)
    mine, _sent = _say(engine, f"extend {action} to 20/12")
    assert "Sunday 20 December 2026 is a Sunday: to ask for Friday 18 December, the last working day before it, " \
           "instead, type `actually make it 18/12`." in mine.text
    _say(engine, "actually make it 18/12")
    assert _asked(services) == [(action, "2026-12-20"), (action, "2026-12-18")]


def test_a_near_miss_keeps_the_reason_and_yes_sends_it(engine: Engine, services: Services) -> None:
    action = _action(services)
    [offered] = _say(engine, f"extned {action} to 18/12 - waiting on school")
    assert f"Did you mean `extend {action} to 18/12 - waiting on school`? Type `yes` to run it." in offered.text
    mine, sent = _say(engine, "yes")
    assert mine.text.startswith(f"I've asked Team manager (South), the auditor, for more time on action {action} "
                                f"{named(action)}")
    assert "reason: waiting on school" in sent.text


def test_cos_of_is_read_past_and_the_reason_keeps_its_words(engine: Engine, services: Services) -> None:
    """Trial 43 (7): "can i get more time on 34 till the 20th cos of the conference" sent "reason: of the
    conference"."""
    action = _action(services)
    replies = _say(engine, f"can i get more time on {action} till the 20th cos of the conference")
    sent = next(reply for reply in replies if reply.to_user == AUDITOR)
    assert "reason: the conference" in sent.text, sent.text
