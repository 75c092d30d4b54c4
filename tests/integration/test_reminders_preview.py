"""`/audit reminders` (trials 21 and 22): what the bot would remind a person about on the next working days, as things
stand, from the daily job's own rules. Before, "what reminders have i got" got the article on how reminders work.
Nothing is sent or stored by asking."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.feature import REMINDER_WORDS
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_earlier_actions import FIRST_AUDIT

LONDON = ZoneInfo("Europe/London")
DRAFTED = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
CHRISTMAS_EVE = datetime(2026, 12, 24, 10, 0, tzinfo=LONDON)  # after the 9:30 run; 25 and 28 Dec are bank holidays
AUDITOR, WORKER, COLLEAGUE = "U0MGRN001", "U0PRAN001", "U0PRAN002"


def submitted(engine: Engine) -> None:
    """Audit #1 of CR-555555, with action 1 for N1 and action 2 for N2, both due 30 Dec 2026."""
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, FIRST_AUDIT, user=AUDITOR)


def asked(engine: Engine, user: str, text: str = "reminders", when: datetime = CHRISTMAS_EVE) -> str:
    with time_machine.travel(when, tick=False):
        [reply] = engine.command(user, text, surface="terminal") if text == "reminders" else \
            [r for r in engine.message(user, text)]
    assert reply.title == "Your reminders"
    return " ".join(reply.text.split())


def rows(services: Services) -> int:
    return sum(services.storage.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
               for table in ("trail", "reminder_snoozes", "kb_asks", "sends"))


def test_an_action_is_shown_on_the_first_working_day_it_would_be_reminded(engine: Engine,
                                                                         services: Services) -> None:
    submitted(engine)
    before = rows(services)
    text = asked(engine, WORKER)
    assert text.startswith("What I would remind you about in the next 10 working days, as things stand (reminders "
                           "come as one message at 9:30 on working days;")
    # Friday 25 and Monday 28 December are bank holidays: the first run that counts it due soon is Tuesday 29
    assert "• Tue 29 Dec: Action 1 “Share the plan with the school.” (audit #1, CR-555555) is due" in text
    assert "Book a review" not in text  # N2's, not theirs
    assert rows(services) == before  # asking stores nothing


def test_a_draft_left_alone_is_shown_from_the_day_it_would_be_nudged(engine: Engine) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, FIRST_AUDIT[:5], user=AUDITOR)  # a draft, last touched Wednesday 2 December
    text = asked(engine, AUDITOR, when=datetime(2026, 12, 5, 10, 0, tzinfo=LONDON))
    assert "• Wed 9 Dec: Your draft *Early help spot audit* (#1) has not moved for 5 working days." in text


def test_the_ways_people_ask_get_the_same_answer_and_the_article_question_still_gets_the_article(
        engine: Engine) -> None:
    submitted(engine)
    expected = asked(engine, WORKER)
    for typed in ("my reminders", "show my reminders", "what reminders have i got?", "What will I be reminded about"):
        assert asked(engine, WORKER, typed) == expected
    with time_machine.travel(CHRISTMAS_EVE, tick=False):
        article = engine.message(WORKER, "how do reminders work")
    assert "Your reminders" not in [r.title for r in article]


def test_time_away_is_said_and_its_days_bring_nothing(engine: Engine) -> None:
    submitted(engine)
    with time_machine.travel(CHRISTMAS_EVE, tick=False):
        engine.command(WORKER, "away until 31/12", surface="terminal")
    text = asked(engine, WORKER)
    assert text.startswith("Away until Thursday 31 December 2026: your reminders are paused.")
    assert "• Fri 1 Jan" not in text and "• Mon 4 Jan: Action 1 “Share the plan with the school.”" in text


def test_with_nothing_coming_it_says_what_reminders_cover_and_when_later_actions_start(engine: Engine) -> None:
    submitted(engine)
    text = asked(engine, COLLEAGUE, when=datetime(2026, 12, 5, 10, 0, tzinfo=LONDON))
    assert text.startswith("Nothing would come to you in the next 10 working days, as things stand.")
    assert ("1 open action of yours is due later (the first on 30 Dec 2026): each is reminded from 2 working days "
            "before it is due.") in text


@given(st.sampled_from(["", "show ", "Show me ", "list ", "check "]), st.sampled_from(["", "my ", "all my ", "MY "]),
       st.sampled_from(["reminders", "upcoming reminders", "Reminders"]), st.sampled_from(["", "?", " due", "."]),
       st.sampled_from(["", " page 2", ", page 3", " Page 12"]))
def test_every_way_of_asking_for_my_reminders_is_read(verb: str, mine: str, noun: str, end: str, page: str) -> None:
    typed = f"{verb}{mine}{noun}{end}{page}" if end == " due" else f"{verb}{mine}{noun}{page}{end}"
    asked = REMINDER_WORDS.match(typed)
    assert asked and (asked.group("page") or "") == page.lstrip(" ,")  # trial 61 G4: `my reminders page 2` pages


@given(st.text(max_size=40))
def test_a_line_not_about_reminders_is_never_taken_for_asking(text: str) -> None:
    assume("remind" not in text.lower() and "chased" not in text.lower())
    assert not REMINDER_WORDS.match(text)


def test_a_managers_weekly_overdue_list_names_the_owners_as_people(engine: Engine) -> None:
    """Trial 23: the list said "owner <@U0PRAS001>" in the chat, where every other list says "Social worker S1"."""
    submitted(engine)
    text = asked(engine, AUDITOR, when=datetime(2026, 12, 31, 10, 0, tzinfo=LONDON))
    assert "• Mon 4 Jan: 2 actions in your team are overdue" in text
    assert "owner @{U0PRAN001}" in text and "<@" not in text  # Slack shows a mention, the terminal the name
