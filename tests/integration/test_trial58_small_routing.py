"""Trial 58 (F10, F11): small routing. A knowledge-base entry's own title, typed by a manager, went to the leaders'
figures catcher ("I can't answer that one from the figures yet"); asking to move the reminders' time or to set them
up got the canned "I can't set personal reminders". Pinned to a working day (Tuesday 8 December 2026, 11:00 in
London), so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.reminder_time import SET_UP, TIME_CHANGE
from tests.support.text import flat
from tests.support.trial_day import LONDON

HEAD, MANAGER = "U0ADMIN01", "U0MGRS001"
TUESDAY = datetime(2026, 12, 8, 11, 0, tzinfo=LONDON)
FIGURES = "I can't answer that one from the figures yet"
SAMPLE = "How many cases does each manager audit a month, and how are they chosen?"


def said(engine: Engine, user: str, text: str) -> str:
    """The bot's reply in the terminal chat on the working day, on one line, without bold marks."""
    with time_machine.travel(TUESDAY, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies)).replace("**", "")


@pytest.mark.parametrize("user", [MANAGER, HEAD])
@pytest.mark.parametrize("typed", [
    "how many cases does each manager audit a month, and how are they chosen?",  # the title, word for word
    "How many cases does each manager audit a month and how are they chose",  # nearly
])
def test_an_entry_title_typed_gets_the_entry_not_the_figures(engine: Engine, user: str, typed: str) -> None:
    reply = said(engine, user, typed)
    assert SAMPLE in reply and "chosen at random" in reply, reply
    assert FIGURES not in reply


def test_a_figure_question_no_shape_answers_is_still_told_what_can_be_asked(engine: Engine) -> None:
    assert FIGURES in said(engine, MANAGER, "how many cases are overdue this month")


CANNED = "I can't set personal reminders"


def test_asking_to_move_the_reminders_time_says_when_they_come_and_who_changes_it(engine: Engine) -> None:
    reply = said(engine, MANAGER, "remind me at 2pm instead of 9.30")
    assert "Reminders come at 9:30 on your working days (set by `working_hours` in teams.yaml: ask an admin to " \
           "change yours)" in reply, reply
    assert CANNED not in reply


def test_someone_with_their_own_hours_is_told_their_reminders_come_when_those_start(
        services: Services, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = replace(services.directory, working_hours={MANAGER: (time(13, 0), time(17, 0))})
    monkeypatch.setattr(services, "settings", replace(services.settings, directory=directory))
    reply = said(engine, MANAGER, "can my reminders come later")
    assert "Reminders come at 13:00, when your working hours (13:00–17:00) start, on your working days" in reply, reply


def test_set_up_my_reminders_says_they_are_automatic_and_shows_what_is_coming(engine: Engine) -> None:
    reply = said(engine, MANAGER, "set up my reminders")
    assert "Reminders are automatic: there is nothing to set up. Reminders come at 9:30" in reply, reply
    assert "Your reminders" in reply and CANNED not in reply


@pytest.mark.parametrize("typed", ["remind me at 3pm to call the school", "set up a reminder for friday",
                                   "remind me later to chase the school"])
def test_a_reminder_of_ones_own_is_still_one_the_bot_cannot_set(engine: Engine, typed: str) -> None:
    assert CANNED in said(engine, MANAGER, typed)


LEADS = st.sampled_from(["", "can you ", "please ", "could you ", "hi bot, ", "how do i "])


@given(lead=LEADS, verb=st.sampled_from(["set up", "setup", "set-up", "configure"]),
       whose=st.sampled_from(["", "my ", "the ", "all my "]), end=st.sampled_from(["", "?", " please", " for me"]))
def test_setting_up_the_reminders_in_any_words_is_read_as_set_up(lead: str, verb: str, whose: str, end: str) -> None:
    assert SET_UP.match(f"{lead}{verb} {whose}reminders{end}")


@given(when=st.sampled_from(["at 2pm", "at 14:00", "in the afternoon", "at 11"]),
       instead=st.sampled_from(["instead of 9.30", "instead", "rather than 9:30", "instead of the morning"]))
def test_a_reminder_time_said_instead_of_another_is_a_time_change(when: str, instead: str) -> None:
    assert TIME_CHANGE.search(f"remind me {when} {instead}")


@given(when=st.sampled_from(["at 3pm", "tomorrow", "on friday", "later", "next week"]),
       task=st.sampled_from([" to call the school", " about the review", " to chase action 18", ""]))
def test_a_reminder_of_ones_own_is_no_time_change(when: str, task: str) -> None:
    assert not TIME_CHANGE.search(f"remind me {when}{task}")
