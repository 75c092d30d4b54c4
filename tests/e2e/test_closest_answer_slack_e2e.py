"""Trial 44 (F18): a "Did you mean…" with one option is shown as a tentative answer, in Slack and the terminal.
Signed requests into the real Bolt app, replies read back from the Web API stand-in: the entry's answer under "I'm not
sure this is what you need…", Helpful counting as a pick (the ask resolved, the words learned), Not helpful leaving the
question on the QA leads' unanswered list."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import time_machine

from bot.asking import closest
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import asks as store
from bot.terminal.chat import run_chat
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
QUESTION = "can i use whatsapp to text a 16 yo on a cp plan"
ENTRY = "messaging-young-people"


@pytest.fixture(autouse=True)
def content_day():
    with time_machine.travel(CONTENT_DAY, tick=True):
        yield


def asked(bot: RunningBot, standin) -> tuple[SlackPerson, object]:
    person = SlackPerson(bot, standin, PRACTITIONER)
    [reply] = person.send("type", QUESTION)
    return person, reply


def last_ask(services: Services) -> dict:
    return next(iter(services.storage.db.query("SELECT * FROM kb_asks ORDER BY id DESC LIMIT 1")))


def test_one_close_entry_is_shown_as_a_tentative_answer_not_a_did_you_mean(bot: RunningBot, standin,
                                                                           services: Services) -> None:
    _, reply = asked(bot, standin)
    assert "I'm not sure this is what you need, but this looks closest:" in reply.text
    assert "Work devices and work accounts only" in reply.text  # the entry's answer itself
    assert "Did you mean" not in reply.text and "None of these" not in reply.text
    assert [choice.label for choice in reply.choices] == ["Helpful", "Not helpful"]
    row = last_ask(services)
    assert row["outcome"] == "ambiguous" and row["entry_id"] is None  # logged as a suggestion, not an answer


def test_helpful_counts_as_picking_the_entry(bot: RunningBot, standin, services: Services) -> None:
    person, reply = asked(bot, standin)
    [thanks] = person.send("press", f"{closest.HELPFUL_ACTION}|{reply.choices[0].value}")
    assert thanks.text == "Thanks: glad it helped."
    assert last_ask(services)["entry_id"] == ENTRY
    learned = list(services.storage.db.query("SELECT entry_id, wording FROM kb_learned"))
    assert [(row["entry_id"], row["wording"]) for row in learned] == [(ENTRY, QUESTION)]


def test_not_helpful_leaves_the_question_on_the_qa_leads_list(bot: RunningBot, standin, services: Services) -> None:
    person, reply = asked(bot, standin)
    [told] = person.send("press", f"{closest.UNHELPFUL_ACTION}|{reply.choices[1].value}")
    assert "Your question stays on the QA leads' list" in told.text
    assert [choice.label for choice in told.choices] == ["Pass my question to the QA leads"]
    listed = store.unanswered_since(services.storage, CONTENT_DAY - timedelta(days=1))
    assert [(item.query, item.entry_id) for item in listed] == [(QUESTION, ENTRY)]  # the entry shown, not helpful


def test_the_terminal_chat_shows_it_too_and_1_is_helpful(engine: Engine, services: Services) -> None:
    out = io.StringIO()
    run_chat(engine, PRACTITIONER, io.StringIO(f"{QUESTION}\n1\n"), out)
    shown = out.getvalue()
    assert "I'm not sure this is what you need, but this looks closest:" in shown and "1) Helpful" in shown
    assert "Did you mean" not in shown and "Thanks: glad it helped." in shown
    assert last_ask(services)["entry_id"] == ENTRY
