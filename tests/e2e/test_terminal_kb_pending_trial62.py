"""Trial 62 F3: a QA lead typed `kb answer 7 …`, was read back "Send this as the answer to #7? … Type yes to send it",
ended the chat, and typed `yes` in the next one: "There's no question waiting for a "yes" from you", #7 left open and
the askers told nothing, while moderation steps left half-done are picked up. The answer read back (and a typed
`kb link`'s Yes or No) is now asked again as the next chat opens, so `yes` sends it; one that can no longer go, or
left unanswered for another line, is said not sent."""

from __future__ import annotations

import io

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.chat import run_chat
from tests.integration.test_unanswered_workflow import (
    ASKER,
    OTHER,
    QA_LEAD,
    ask_fire_drill,
    listed,
    statuses,
)
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import button_values

ANSWER = "The fire drill is held on the 20th of each month, at ten in the morning."
WHATSAPP = "can i use whatsapp to text a 16 yo on a cp plan"  # on the QA leads' list with the shipped knowledge base


def chat(engine: Engine, lines: list[str], user: str = QA_LEAD) -> str:
    out = io.StringIO()
    run_chat(engine, user, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    return " ".join(out.getvalue().split())  # lines unwrapped


def test_an_answer_read_back_is_asked_again_in_the_next_chat_and_yes_sends_it(engine: Engine,
                                                                             services: Services) -> None:
    key = ask_fire_drill(engine)

    first = chat(engine, [f"kb answer {key} {ANSWER}"])
    assert f"Send this as the answer to #{key}?" in first and statuses(services) == []
    again = chat(engine, ["yes"])

    assert f"Picking up where you left off: your answer to #{key} is not sent yet." in again
    assert f"Send this as the answer to #{key}? It goes by DM to the 2 people who asked" in again
    assert "There's no question waiting" not in again
    assert f"[message to {ASKER}]" in again and f"[message to {OTHER}]" in again
    assert f"Sent your answer to 2 people; #{key} is closed" in again
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2
    assert "your answer to" not in chat(engine, []).lower()  # sent: nothing is picked up after


def test_an_answer_left_for_another_line_is_said_not_sent(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)

    out = chat(engine, [f"kb answer {key} {ANSWER}", "when is the icpc due", "yes"])
    later = chat(engine, ["yes"])

    assert "Within 15 working days" in out  # the QA lead's own question is answered
    assert f"Your answer to #{key} was not sent: to send it, type /audit kb answer {key} <your answer> again." in out
    assert "There's no question waiting" in out and "There's no question waiting" in later
    assert "Picking up" not in later
    assert statuses(services) == [] and f"[message to {ASKER}]" not in out + later


def test_an_answer_whose_question_was_closed_meanwhile_is_said_not_sent(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)
    chat(engine, [f"kb answer {key} {ANSWER}"])
    engine.command("U0QALEAD2", f"kb dismiss {key}")  # the other QA lead, meanwhile

    again = chat(engine, ["yes"])

    assert f"Your answer to #{key} was not sent: #{key} was already closed (dismissed)" in again
    assert "Send this as the answer" not in again and f"[message to {ASKER}]" not in again
    assert statuses(services) == [("dismissed", None, "U0QALEAD2")] * 2


def test_a_typed_link_waiting_for_its_yes_is_asked_again_in_the_next_chat(engine: Engine,
                                                                          services: Services) -> None:
    engine.message(ASKER, WHATSAPP)
    [key] = button_values(listed(engine), "kb.unanswered.answer")

    first = chat(engine, [f"kb link {key} messaging-young-people"])
    again = chat(engine, ["yes"])

    assert f"Link #{key} to messaging-young-people?" in first
    assert f"Picking up where you left off: #{key} is not linked yet. Link #{key} to messaging-young-people?" in again
    assert "There's no question waiting" not in again
    assert f"Linked #{key} to messaging-young-people" in again and f"[message to {ASKER}]" in again
    assert statuses(services) == [("linked", "messaging-young-people", QA_LEAD)]
