"""Trial 36 (M9): `chase 141` while the action showed "more time asked to 20 Dec, waiting for QA lead" sent the nudge
at once, the chaser not told of the request, and the nudge told the worker to "ask for more time" she had asked for.
Now the chaser is told first and asked (yes / no), or shown the request's answers when they may give it; a nudge that
goes says the request waits (bot.audits.chase_asked, bot.audits.chase_nudge)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import held_chases
from schedules.scheduler import build_scheduler
from schedules.senders import RecordingSender
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
ASKED_AT = datetime(2026, 12, 4, 10, 0, tzinfo=LONDON)  # a Friday
NOW = datetime(2026, 12, 7, 11, 0, tzinfo=LONDON)  # the Monday after, in working hours
SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 0, tzinfo=LONDON)
MANAGER, OWNER, AUDITOR = "U0MGRN001", "U0PRAN001", "U0MGRS001"


def at(moment: datetime) -> time_machine.travel:
    return time_machine.travel(moment, tick=False)


def said(replies: list) -> str:
    return flat("\n".join(r.text for r in replies if r.to_user is None))


def asked_more_time(engine: Engine, services: Services) -> int:
    """An overdue action whose owner asked its auditor for more time to 20 Dec on 4 Dec."""
    _, action = open_action(services.storage, date(2026, 12, 1), auditor=AUDITOR)
    with at(ASKED_AT):
        engine.message(OWNER, f"extend action {action} to 20/12 as the family are away", surface="terminal")
    return action


def test_the_chaser_is_told_of_the_waiting_request_and_yes_sends_a_nudge_saying_so(engine: Engine,
                                                                                    services: Services) -> None:
    action = asked_more_time(engine, services)
    with at(NOW):
        first = engine.message(MANAGER, f"chase {action}", surface="terminal")
        assert [r.to_user for r in first] == [None]  # nothing sent yet
        assert f"Social worker N1 asked for more time on action {action} (_Update the chronology_, audit #1, " \
               "CR-100200) to 20 Dec on 4 Dec; it waits for Team manager (South). Chase anyway? yes / no" in said(first)
        assert [c.label for c in first[0].choices] == ["Chase anyway", "Don't chase"]
        assert action_store.last_chase(services.storage, action) is None
        sent = engine.message(MANAGER, "yes", surface="terminal")
    [nudge] = [r for r in sent if r.to_user == OWNER]
    assert f"Sent: I've nudged Social worker N1 about action {action}" in said(sent)
    assert "ask for more time" not in nudge.text
    assert "your request for more time to 20 Dec (asked on 4 Dec) still waits for Team manager (South), so it " \
           "stays due 1 Dec 2026 until they answer." in flat(nudge.text)
    assert action_store.last_chase(services.storage, action) == (MANAGER, NOW)


def test_no_sends_nothing_and_says_so(engine: Engine, services: Services) -> None:
    action = asked_more_time(engine, services)
    with at(NOW):
        engine.message(MANAGER, f"chase {action}", surface="terminal")
        replies = engine.message(MANAGER, "no", surface="terminal")
    assert [r.to_user for r in replies] == [None]
    assert f"Action {action} (_Update the chronology_, audit #1, CR-100200) was not chased: nothing was sent. Its " \
           "request for more time still waits for Team manager (South)." in said(replies)
    assert action_store.last_chase(services.storage, action) is None


def test_a_chaser_who_may_answer_is_shown_the_answers_and_may_chase_anyway(engine: Engine,
                                                                             services: Services) -> None:
    action = asked_more_time(engine, services)
    with at(NOW):
        first = engine.message(AUDITOR, f"chase {action}", surface="terminal")
        assert "it waits for your answer, so answer it rather than chase" in said(first)
        assert f"type `chase {action} anyway`" in said(first)
        assert [c.label for c in first[0].choices] == ["Approve the new date", "Say no", "Chase anyway"]
        assert action_store.last_chase(services.storage, action) is None
        anyway = engine.message(AUDITOR, f"chase {action} anyway", surface="terminal")
    [nudge] = [r for r in anyway if r.to_user == OWNER]
    assert "still waits for Team manager (South)" in flat(nudge.text)


def test_no_request_waiting_chases_at_once_with_how_to_ask(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2026, 12, 1), auditor=AUDITOR)
    with at(NOW):
        replies = engine.message(MANAGER, f"chase {action}", surface="terminal")
    [nudge] = [r for r in replies if r.to_user == OWNER]
    assert "ask for more time: type `extend action" in flat(nudge.text)


def test_a_held_chase_said_anyway_waits_and_its_nudge_says_the_request_waits(engine: Engine,
                                                                              services: Services) -> None:
    action = asked_more_time(engine, services)
    with at(SATURDAY_NIGHT):
        engine.message(MANAGER, f"chase {action}", surface="terminal")
        held = engine.message(MANAGER, "yes", surface="terminal")
    assert "It will reach them at 08:00 on Monday 7 December, or sooner if they use the bot before then." in said(held)
    assert action in held_chases.waiting(services.storage, [action])
    jobs = build_scheduler(services, RecordingSender(), holder="process-a")
    with at(datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)):
        assert jobs.runner.send_held() == 1
    [nudge] = [reply for label, reply in jobs.runner.sender.sent if label == "chase" and reply.to_user == OWNER]
    assert "still waits for Team manager (South)" in flat(nudge.text)



def test_the_buttons_do_as_yes_and_no(engine: Engine, services: Services) -> None:
    action = asked_more_time(engine, services)
    with at(NOW):
        engine.message(MANAGER, f"chase {action}", surface="terminal")
        kept = engine.action(MANAGER, "chase.not", str(action), surface="terminal")
        assert f"Action {action} (_Update the chronology_, audit #1, CR-100200) was not chased" in said(kept)
        engine.message(MANAGER, f"chase {action}", surface="terminal")
        sent = engine.action(MANAGER, "chase.anyway", str(action), surface="terminal")
    assert OWNER in [r.to_user for r in sent]
    assert action_store.last_chase(services.storage, action) == (MANAGER, NOW)
