"""*Answer* on an unanswered group in the terminal chat takes the answer as the next line typed, as Slack's form
does. Trial 12: it only said which command to type, and the answer typed next was searched as a question ("Did you
mean…"), the group left open and the askers told nothing."""

from __future__ import annotations

import io

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.chat import run_chat
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, ask_fire_drill, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

ANSWER = "The fire drill is held on the 20th of each month, at ten in the morning."


def drive(engine: Engine, lines: list[str]) -> str:
    out = io.StringIO()
    run_chat(engine, QA_LEAD, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    return out.getvalue()


def test_the_line_typed_after_answer_is_the_answer_sent_to_the_askers(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)

    out = drive(engine, ["kb unanswered", "1", "ok", "what should I tell them?", ANSWER])

    assert f"Type your answer to #{key} next" in out
    # `ok` is refused as the form refuses it, and the answer is still waited for
    assert "Please say in a sentence what answers their question" in out
    assert f"Type the answer again, or cancel to leave #{key} open." in out
    # trial 19: a question typed there is not sent as the answer either
    assert f"That ends with a question mark, so I haven't sent it as the answer to #{key}" in out
    assert "Did you mean" not in out and "I don't know that yet" not in out
    assert "what should I tell them" not in out.split(f"[message to {ASKER}]")[1]
    assert f"[message to {ASKER}]" in out and f"[message to {OTHER}]" in out and out.count(ANSWER) == 2
    assert f"Sent your answer to 2 people; #{key} is closed" in out
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2


def test_cancel_a_command_or_a_new_chat_never_send_a_line_as_the_answer(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)

    drive(engine, ["kb unanswered", "1"])
    again = drive(engine, ["cancel", "when is the icpc due"])  # a chat started again says it still waits

    assert f"You pressed Answer on #{key}: type your answer next, or cancel to leave #{key} open." in again
    assert f"OK, nothing was sent: #{key} stays open" in again
    assert "Within 15 working days" in again  # after `cancel`, a question is a question again
    command = drive(engine, ["kb unanswered", "1", "kb unanswered", "when is the icpc due"])
    assert f"I took that as a command, so your answer to #{key} was not sent" in command
    assert command.count("== Unanswered questions ==") == 2 and "Within 15 working days" in command
    assert statuses(services) == []
