"""`/audit away`: the cover must be someone who can moderate (the cover gets moderation reminders, nothing else),
and the date is read as the audit's date questions read a due date: 24/12 and 24 December too, a day and month
without a year meaning the next such day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.reminders import away_on
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
MANAGER = "U0MGRN001"


@pytest.fixture
def pinned() -> Iterator[None]:
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_a_practitioner_cannot_cover(engine: Engine, services: Services, pinned: None) -> None:
    _, out = drive(engine, ["/audit away until 2026-12-24 cover @U0PRAN001"], user=MANAGER)
    text = flat(out)
    assert "Social worker N1 is a practitioner" in text
    assert "Pick a team manager, QA lead or admin, or leave out cover" in text
    assert "Moderation requests go to" not in text
    assert MANAGER not in away_on(services.storage, date(2026, 12, 3))


@pytest.mark.parametrize("cover", ["U0MGRS001", "U0QALEAD1", "U0ADMIN01"])
def test_managers_qa_leads_and_admins_can_cover_and_are_told_what_they_get(engine: Engine, services: Services,
                                                                           pinned: None, cover: str) -> None:
    _, out = drive(engine, [f"/audit away until 2026-12-24 cover @{cover}"], user=MANAGER)
    text = flat(out)
    assert "Moderation requests go to" in text and "only those: your other reminders wait until you are back" in text
    assert away_on(services.storage, date(2026, 12, 3))[MANAGER] == (date(2026, 12, 24), cover)


@pytest.mark.parametrize("named", ["@Team manager (South)", "team manager (south)", "QA lead (practice)"])
def test_the_cover_may_be_named_as_the_bot_writes_names(engine: Engine, services: Services, pinned: None,
                                                        named: str) -> None:
    _, out = drive(engine, [f"away until 24/12 cover {named}"], user=MANAGER)
    cover = away_on(services.storage, date(2026, 12, 3))[MANAGER][1]
    assert services.directory.label(cover).casefold() == named.lstrip("@").casefold()
    assert f"Moderation requests go to @{services.directory.label(cover)} meanwhile" in flat(out)


def test_setting_away_again_without_a_cover_says_the_cover_is_dropped(engine: Engine, services: Services,
                                                                     pinned: None) -> None:
    _, out = drive(engine, ["away until next Friday cover U0MGRS001", "away until 24/12"], user=MANAGER)
    assert "Team manager (South) no longer covers for you: add cover @someone to keep a cover." in flat(out)
    assert away_on(services.storage, date(2026, 12, 3))[MANAGER] == (date(2026, 12, 24), None)


@pytest.mark.parametrize(("typed", "until"), [
    ("24/12", date(2026, 12, 24)),
    ("24 December", date(2026, 12, 24)),
    ("24/12/2026", date(2026, 12, 24)),
    ("05/01/2027", date(2027, 1, 5)),
    ("5 January 2027", date(2027, 1, 5)),
    ("5 January", date(2027, 1, 5)),            # no year: the next 5 January, not the one gone
    ("1/12/2027", date(2027, 12, 1)),           # yesterday's day and month, a year on, typed with its year
    ("next Friday", date(2026, 12, 4)),
])
def test_away_reads_dates_as_the_audit_questions_do(engine: Engine, services: Services, pinned: None,
                                                    typed: str, until: date) -> None:
    _, out = drive(engine, [f"/audit away until {typed}"], user=MANAGER)
    assert "I could not read" not in out, out
    assert f"you are away to {until:%A} {until.day} {until:%B %Y} (your last day away)" in flat(out)
    assert away_on(services.storage, date(2026, 12, 3))[MANAGER][0] == until


def test_yesterdays_day_and_month_is_questioned_not_read_as_next_year(engine: Engine, services: Services,
                                                                    pinned: None) -> None:
    _, out = drive(engine, ["/audit away until 1 December"], user=MANAGER)
    assert "1 December has just passed" in flat(out) and "01/12/2027 if you mean next year" in flat(out)
    assert MANAGER not in away_on(services.storage, date(2026, 12, 3))


def test_a_date_it_cannot_read_is_explained_with_an_example(engine: Engine, pinned: None) -> None:
    _, out = drive(engine, ["/audit away until 31/02/2027"], user=MANAGER)
    assert "is not a real date" in out and "/audit away until 23/12/2026" in flat(out)


def test_the_practitioner_cover_is_refused_through_slack(bot: RunningBot, standin, services: Services) -> None:
    manager = SlackPerson(bot, standin, MANAGER)
    [refused] = manager.send("command", "away until 24 December cover <@U0PRAN001|sw>")
    assert refused.kind == "error" and "is a practitioner" in refused.text
    [accepted] = manager.send("command", "away until 24 December cover <@U0MGRS001|mgr>")
    assert accepted.kind != "error" and "Moderation requests go to" in accepted.text


def test_a_cover_name_that_fits_several_people_asks_which_one(engine: Engine, services: Services,
                                                              pinned: None) -> None:
    _, out = drive(engine, ["away until 24/12 cover @Team manager"], user=MANAGER)
    text = flat(out)
    assert "“@Team manager” could be " in text and "Team manager (South)" in text and "type the whole name" in text
    assert MANAGER not in away_on(services.storage, date(2026, 12, 3))


def test_a_practitioner_has_no_moderation_requests_so_no_cover(engine: Engine, services: Services,
                                                               pinned: None) -> None:
    _, out = drive(engine, ["away until 24/12 cover @Team manager (North)"], user="U0PRAN001")
    assert "You don't get moderation requests, and those are all a cover takes" in flat(out)
    assert "U0PRAN001" not in away_on(services.storage, date(2026, 12, 3))
