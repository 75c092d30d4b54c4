"""Trial 60 (F14): on Friday 18 December a worker's `my reminders` listed 12 items, all on Monday 21 December, then
"…and 5 more", and `more` said "There is no list to show more of": the hidden ones were the Christmas week's. The
reminders now page as every paged list does: `more` (or `/audit reminders page 2`) shows the rest. Demo data made on
that day, the clock pinned, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from bot.reminders.preview import MAX_SHOWN, coming_up
from tests.support.text import flat
from tests.support.trial_day import LONDON

WORKER = "U0PRAN001"
FRIDAY = datetime(2026, 12, 18, 10, 0, tzinfo=LONDON)


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


def items(reply: str) -> list[str]:
    """The action numbers a reply lists, in order."""
    return [part.split()[0] for part in reply.split("Action ")[1:]]


def test_more_after_my_reminders_shows_the_rest_then_says_that_was_all(engine: Engine, busy: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        every = [c.reminder.key.removeprefix("action:") for c in coming_up(busy, WORKER, FRIDAY)]
    assert len(every) > MAX_SHOWN  # the worker's list does not fit one page
    first = said(engine, "my reminders")
    assert f"…and {len(every) - MAX_SHOWN} more: type more, or /audit reminders page 2." in first, first
    second = said(engine, "more")
    assert "There is no list to show more of" not in second
    assert f"Your reminders (page 2) What I would remind you about in the next 10 working days, continued " \
           f"({MAX_SHOWN + 1} to {len(every)} of {len(every)})" in second, second
    assert items(first) + items(second) == every  # each item once, in order, the Christmas week's on page 2
    assert "Mon 4 Jan" in second
    assert "That was the last page of /audit reminders: there are no more." in said(engine, "more")


def test_a_page_typed_shows_that_page_and_one_past_the_end_is_refused(engine: Engine, busy: Services) -> None:
    assert "Your reminders (page 2)" in said(engine, "reminders page 2")
    assert "There is no page 9: your reminders fill 2 pages of 12. Type /audit reminders for the first." in said(
        engine, "reminders page 9")


def test_a_short_list_says_nothing_of_more(engine: Engine) -> None:
    reply = said(engine, "my reminders")
    assert "Nothing would come to you" in reply and "…and" not in reply and "page 2" not in reply, reply


@pytest.mark.parametrize("typed", ["my reminders page 2", "show my reminders page 2", "My reminders, page 2?"])
def test_my_reminders_with_a_page_shows_that_page_not_the_article(engine: Engine, busy: Services,
                                                                  typed: str) -> None:
    """Trial 61 G4: `my reminders page 2` got the entry on when reminders are sent; `reminders page 2` paged."""
    reply = said(engine, typed)
    assert reply == said(engine, "reminders page 2"), reply
    assert "When are reminders sent" not in reply


def test_my_reminders_page_past_the_end_is_refused_as_the_command_is(engine: Engine, busy: Services) -> None:
    assert "There is no page 9: your reminders fill 2 pages of 12." in said(engine, "my reminders page 9")
