"""Trial 48, F2 and F8, through the engine: "remind me on friday to audit another case" got the entry on pausing
reminders as a confident answer, `email my manager the audit` an entry on challenging another agency, and `pause my
reminders` the help entry instead of a pause. Now: an honest "I can't" with what the bot does send (nothing noted for
the QA leads), and "Until when?" whose next line is the day reminders start again. Clock pinned to a working day."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.asks import unanswered_since
from bot.storage.reminders import away_period
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 9, 10, 0, tzinfo=LONDON)
MONDAY = date(2026, 12, 14)
MANAGER = "U0MGRN001"


def _said(engine: Engine, typed: str, user: str = MANAGER) -> str:
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = engine.message(user, typed, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies))


def test_remind_me_is_told_the_bot_cannot_and_what_it_sends_in_one_message(engine: Engine, services: Services
                                                                           ) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = engine.message(MANAGER, "remind me on friday to audit another case", surface="terminal")
    assert len(replies) == 1, replies  # trial 49 F15: two messages, the second going over the first's ground
    assert replies[0].choices  # the topic's related entry, kept
    said = flat(replies[0].text)
    assert said.strip().startswith("I can't help with that here: I can't set personal reminders"), said
    assert "The reminders I do send are about your audit work: drafts left unfinished, actions due" in said
    assert "`my reminders`" in said and "`pause reminders till monday`" in said and "`/remind`" in said
    assert "How do I pause reminders" not in said
    assert unanswered_since(services.storage, WEDNESDAY - timedelta(days=1)) == []


def test_remind_me_how_is_still_a_question(engine: Engine) -> None:
    said = _said(engine, "remind me how grading works")
    assert "I can't" not in said


def test_a_task_outside_the_chat_is_told_it_cannot_be_done(engine: Engine, services: Services) -> None:
    said = _said(engine, "email my manager the audit")
    assert said.strip().startswith("I can't do that here: I don't send emails"), said
    assert "challenge another agency" not in said
    assert unanswered_since(services.storage, WEDNESDAY - timedelta(days=1)) == []


def test_pause_my_reminders_asks_until_when_and_the_next_line_pauses_them(engine: Engine,
                                                                          services: Services) -> None:
    asked = _said(engine, "pause my reminders")
    assert asked.strip().startswith("Until when? Type your last day away"), asked
    assert away_period(services.storage, MANAGER) is None
    paused = _said(engine, "monday")  # fix50b: the last day away, as every "until" is read (feature.until_words)
    assert paused.strip().startswith("Reminders paused: they start again on Tuesday 15 December 2026; you are away "
                                     "to Monday 14 December 2026"), paused
    stored = away_period(services.storage, MANAGER)
    assert stored is not None and stored[1] == MONDAY


def test_cancel_at_until_when_leaves_reminders_on(engine: Engine, services: Services) -> None:
    _said(engine, "pause my reminders")
    assert "your reminders stay on" in _said(engine, "cancel")
    assert away_period(services.storage, MANAGER) is None
    assert "Reminders paused" not in _said(engine, "monday")  # asked once only


def test_a_day_not_read_is_asked_again_and_another_line_goes_where_it_would(engine: Engine,
                                                                             services: Services) -> None:
    _said(engine, "pause my reminders")
    assert "Nothing is paused yet" in _said(engine, "the 45th")
    said = _said(engine, "when is the icpc due")
    assert "initial child protection conference" in said.lower(), said
    assert away_period(services.storage, MANAGER) is None


def test_a_question_it_cannot_answer_says_both_paths_without_contradicting_itself(engine: Engine,
                                                                                  services: Services) -> None:
    """F19: "…your question is on the QA leads' list… To have them reply to you, press Pass it to the QA leads" said
    it was on the list, then asked for it to be passed on. Now: noted on the list (their answer comes by DM), and the
    button sends it to them now."""
    said = _said(engine, "lone working policy for late visits?")
    assert said.strip().startswith("I don't know that yet. Your question is on the QA leads' list for the knowledge "
                                   "base, and if they answer it I'll send you their answer. To ask them now, press "
                                   "Pass it to the QA leads: it goes to them straight away."), said
    assert "To have them reply to you" not in said
    assert [group.query for group in unanswered_since(services.storage, WEDNESDAY - timedelta(days=1))] == [
        "lone working policy for late visits?"]
