"""Trial 41: "nvm", "sorry wrong chat", "this bot is useless" and "what will you remind me about" were put on the QA
leads' list of unanswered questions. Taking a message back gets a short reply, frustration a short apology and
`help`, asking what the bot will remind you about gets your reminders; none is noted as a question."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"


def asks(services: Services) -> int:
    return services.storage.db.execute("SELECT count(*) FROM kb_asks").fetchone()[0]


@pytest.mark.parametrize("typed", ["nvm", "never mind", "sorry wrong chat", "Sorry, wrong chat!", "ignore that",
                                   "oops wrong window", "forget it"])
def test_taking_a_message_back_gets_a_short_reply_and_is_not_noted(engine: Engine, services: Services,
                                                                    typed: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        [reply] = engine.message(PRACTITIONER, typed)
    assert reply.text.startswith("No problem, I've ignored that.")
    assert asks(services) == 0


@pytest.mark.parametrize("typed", ["this bot is useless", "you're useless", "waste of time", "ffs"])
def test_frustration_gets_a_short_apology_and_help_and_is_not_noted(engine: Engine, services: Services,
                                                                    typed: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        [reply] = engine.message(PRACTITIONER, typed)
    assert reply.text.startswith("Sorry I haven't been much help.") and "`help`" in reply.text
    assert "QA leads' list" not in all_text([reply])
    assert asks(services) == 0


@pytest.mark.parametrize("typed", ["what will you remind me about", "What are you going to remind me about?",
                                   "what will u remind me of this week"])
def test_asking_what_the_bot_will_remind_you_about_shows_your_reminders(engine: Engine, services: Services,
                                                                        typed: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        [reply] = engine.message(PRACTITIONER, typed)
    assert reply.title == "Your reminders"
    assert asks(services) == 0
