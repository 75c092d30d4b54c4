"""Trial 60, F30: actions kept due on Christmas Day (Friday 25 December 2026) and on the substitute day for Boxing
Day (Monday 28th) were "overdue" on the first morning back, Tuesday 29 December, reminded once and put on the
manager's weekly list that day, and `my actions` showed "due 25 Dec 2026" with no word that it was Christmas Day.
Now, as a re-audit due on a day off is, they are due by the next working day and overdue only from the day after:
the reminders, Home, the digest and `actions team` agree (bot.core.action_due), and the date is shown with its
name. The service, without Slack, on pinned clocks over Christmas 2026."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.digests.dashboard import team_figures
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from schedules.jobs import reminders_job
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
SET = datetime(2026, 12, 14, 10, 0, tzinfo=LONDON)
FIRST_MORNING_BACK = datetime(2026, 12, 29, 9, 30, tzinfo=LONDON)  # Tuesday: the week's first working day
NEXT_DAY = datetime(2026, 12, 30, 9, 30, tzinfo=LONDON)
NEW_YEAR_MONDAY = datetime(2027, 1, 4, 9, 30, tzinfo=LONDON)


def _kept_on_days_off(services: Services) -> list[int]:
    audit_id = insert_audit(services.storage, "CR-100725", SET, auditor=AUDITOR, worker=WORKER)
    return [action_store.add_action(services.storage, audit_id, text, WORKER, due, AUDITOR, SET)
            for text, due in (("Update the chronology", "2026-12-25"), ("Share the plan with school", "2026-12-28"))]


def _reminders(services: Services, when: datetime) -> dict[str, str]:
    with time_machine.travel(when, tick=False):
        sent = {o.recipient: o for o in reminders_job(services, services.clock())}
        for outgoing in sent.values():
            if outgoing.after_send is not None:
                outgoing.after_send(services.clock())
    return {who: " ".join(o.replies[0].text.split()) for who, o in sent.items()}


def _figures(engine: Engine, services: Services, when: datetime) -> tuple[str, str, str, str]:
    with time_machine.travel(when, tick=False):
        [home] = team_figures(services, services.directory.person(AUDITOR))
        digest = flat(engine.message(AUDITOR, "/audit digest this week", surface="terminal")[0].text, "*")
        team = flat(engine.message(AUDITOR, "/audit actions team", surface="terminal")[0].text, "*")
        mine = flat(engine.message(WORKER, "/audit actions", surface="terminal")[0].text, "*")
    return dict(home.fields)["Overdue actions now"], digest, team, mine


def test_on_the_first_morning_back_they_are_due_today_not_overdue_nor_escalated(engine: Engine,
                                                                               services: Services) -> None:
    first, second = _kept_on_days_off(services)
    sent = _reminders(services, FIRST_MORNING_BACK)
    assert (f"Action {first} “Update the chronology” (audit #1, CR-100725) was due Fri 25 Dec (Christmas Day), so it "
            "is due today, the first working day after.") in sent[WORKER]
    assert f"Action {second} “Share the plan with school” (audit #1, CR-100725) was due Mon 28 Dec" in sent[WORKER]
    assert "overdue" not in sent[WORKER] and "last reminder" not in sent[WORKER]
    assert AUDITOR not in sent or "overdue" not in sent[AUDITOR]  # no weekly list of them on the 29th
    home, digest, team, mine = _figures(engine, services, FIRST_MORNING_BACK)
    assert home == "0" and "Overdue actions (as at today): 0" in digest
    assert "due Fri 25 Dec 2026 (Christmas Day)" in mine and "overdue" not in mine.lower()
    assert "due Fri 25 Dec 2026 (Christmas Day)" in team and "(overdue)" not in team


def test_the_day_after_they_are_overdue_everywhere_alike_and_go_on_the_next_weekly_list(engine: Engine,
                                                                                       services: Services) -> None:
    first, _ = _kept_on_days_off(services)
    _reminders(services, FIRST_MORNING_BACK)
    sent = _reminders(services, NEXT_DAY)
    assert (f"Action {first} “Update the chronology” (audit #1, CR-100725) was due Fri 25 Dec (Christmas Day) and is "
            "overdue.") in sent[WORKER]
    home, digest, team, mine = _figures(engine, services, NEXT_DAY)
    assert home == "2" and "Overdue actions (as at today): 2" in digest
    assert "due Fri 25 Dec 2026 (Christmas Day) (overdue)" in mine
    assert "due Fri 25 Dec 2026 (Christmas Day) (overdue)" in team
    monday = _reminders(services, NEW_YEAR_MONDAY)
    assert "2 actions in your team are overdue" in monday[AUDITOR]
    assert "(due Fri 25 Dec (Christmas Day), owner" in monday[AUDITOR]
