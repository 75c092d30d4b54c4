"""Trial 60 (F14): on Friday 18 December a worker's `my reminders` listed 12 items, all on Monday 21 December, then
"…and 5 more", and `more` said "There is no list to show more of": the hidden ones were the Christmas week's. The
reminders now page as every paged list does: `more` (or `/audit reminders page 2`) shows the rest. Demo data made on
that day, the clock pinned, so these pass under AUDITBOT_TEST_NOW too.

fix74a A4: the eight overdue actions reminded alike on Monday 21 December are now one line, so the whole fortnight
fits on page one; paging is tested with 4 lines a page."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from bot.reminders import preview
from bot.reminders.preview import coming_lines, coming_up
from tests.support.text import flat
from tests.support.trial_day import LONDON

WORKER = "U0PRAN001"
FRIDAY = datetime(2026, 12, 18, 10, 0, tzinfo=LONDON)


PER_PAGE = 4


@pytest.fixture
def short_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """Four lines a page, so the worker's list (nine lines) pages."""
    monkeypatch.setattr(preview, "MAX_SHOWN", PER_PAGE)
    return PER_PAGE


@pytest.fixture
def busy(services: Services) -> Services:
    """The demo data as made on the Friday: the worker has more reminders coming than one page shows."""
    with time_machine.travel(FRIDAY, tick=False):
        generate(services)
    return services


def said(engine: Engine, text: str) -> str:
    with time_machine.travel(FRIDAY, tick=False):
        replies = engine.message(WORKER, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies), drop="`*")


def lines(services: Services) -> list[str]:
    with time_machine.travel(FRIDAY, tick=False):
        return [line.text for line in coming_lines(services, WORKER, coming_up(services, WORKER, FRIDAY))]


def test_the_overdue_actions_alike_on_one_day_are_one_line_and_the_fortnight_fits_page_one(
        engine: Engine, busy: Services) -> None:
    first = said(engine, "my reminders")
    assert "• Mon 21 Dec: 8 overdue actions: 29, 16, 14, 50, 75, 142, 138 and 132 (on CR-122869, CR-362614, " \
           "CR-637145 and 5 other cases). That day they go on your manager's weekly list of overdue actions, so it " \
           "is the last reminder of them. /audit actions lists them, each with its Done button." in first, first
    assert "Action 29 “" not in first  # said once, in the line
    assert "• Mon 21 Dec: Action 110 “Arrange the overdue statutory visit" in first  # due today: its own line
    assert "• Mon 4 Jan: Action 131" in first  # the Christmas week's, on page one now
    assert "…and" not in first and "page 2" not in first


def test_more_after_my_reminders_shows_the_rest_then_says_that_was_all(engine: Engine, busy: Services,
                                                                      short_pages: int) -> None:
    every = lines(busy)
    first = said(engine, "my reminders")
    assert f"…and {len(every) - short_pages} more: type more, or /audit reminders page 2." in first, first
    second = said(engine, "more")
    assert "There is no list to show more of" not in second
    assert f"Your reminders (page 2) What I would remind you about in the next 10 working days, continued " \
           f"({short_pages + 1} to {2 * short_pages} of {len(every)})" in second, second
    third = said(engine, "more")
    assert "Mon 4 Jan: Action 131" in third
    for text in every:  # each line once, in order, across the pages
        assert sum(flat(text, drop="`*") in page for page in (first, second, third)) == 1, text
    assert "That was the last page of /audit reminders: there are no more." in said(engine, "more")


def test_a_page_typed_shows_that_page_and_one_past_the_end_is_refused(engine: Engine, busy: Services,
                                                                      short_pages: int) -> None:
    assert "Your reminders (page 2)" in said(engine, "reminders page 2")
    assert "There is no page 9: your reminders fill 3 pages of 4. Type /audit reminders for the first." in said(
        engine, "reminders page 9")


def test_a_short_list_says_nothing_of_more(engine: Engine) -> None:
    reply = said(engine, "my reminders")
    assert "Nothing would come to you" in reply and "…and" not in reply and "page 2" not in reply, reply


@pytest.mark.parametrize("typed", ["my reminders page 2", "show my reminders page 2", "My reminders, page 2?"])
def test_my_reminders_with_a_page_shows_that_page_not_the_article(engine: Engine, busy: Services, short_pages: int,
                                                                  typed: str) -> None:
    """Trial 61 G4: `my reminders page 2` got the entry on when reminders are sent; `reminders page 2` paged."""
    reply = said(engine, typed)
    assert reply == said(engine, "reminders page 2"), reply
    assert "When are reminders sent" not in reply


def test_my_reminders_page_past_the_end_is_refused_as_the_command_is(engine: Engine, busy: Services,
                                                                    short_pages: int) -> None:
    assert "There is no page 9: your reminders fill 3 pages of 4." in said(engine, "my reminders page 9")
