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

    out = drive(engine, ["kb unanswered", f"kb answer {key}", "ok", "what should I tell them?", ANSWER, "yes"])

    # trial 46 F17: the list says the commands once, with no numbered buttons per group
    assert "1) Answer" not in out and out.count("kb answer N <answer>") == 1
    assert f"I'll send it as the answer to #{key}" in " ".join(out.split())  # lines unwrapped
    # `ok` is refused as the form refuses it, and the answer is still waited for
    assert "Please say in a sentence what answers their question" in out
    assert f"Type the answer again, or cancel to leave #{key} open." in out
    # trial 19: a question typed there is not sent as the answer either
    assert f"That ends with a question mark, so I haven't sent it as the answer to #{key}" in out
    assert "Did you mean" not in out and "I don't know that yet" not in out
    assert "what should I tell them" not in out.split(f"[message to {ASKER}]")[1]
    assert f"[message to {ASKER}]" in out and f"[message to {OTHER}]" in out and out.count(ANSWER) == 3
    assert f"Sent your answer to 2 people; #{key} is closed" in out
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2


def test_cancel_a_command_or_a_new_chat_never_send_a_line_as_the_answer(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)

    drive(engine, ["kb unanswered", f"kb answer {key}"])
    again = drive(engine, ["cancel", "when is the icpc due"])  # a chat started again says it still waits

    assert f"You pressed Answer on #{key}: type your answer next, or cancel to leave #{key} open." in again
    assert f"OK, nothing was sent: #{key} stays open" in again
    assert "Within 15 working days" in again  # after `cancel`, a question is a question again
    command = drive(engine, ["kb unanswered", f"kb answer {key}", "kb unanswered", "when is the icpc due"])
    assert f"I took that as a command, so your answer to #{key} was not sent" in command
    assert command.count("== Unanswered questions ==") == 2 and "Within 15 working days" in command
    assert statuses(services) == []


def test_after_a_refused_kb_answer_the_line_typed_next_is_the_answer(engine: Engine, services: Services) -> None:
    """Trial 23: `kb answer 4 ok` was refused (too short), and the answer pasted as the next line was logged as an
    unanswered knowledge question. The refusal now says the next line is taken as the answer, and it is."""
    key = ask_fire_drill(engine)

    out = " ".join(drive(engine, [f"kb answer {key} ok", ANSWER, "yes", "kb unanswered"]).split())  # lines unwrapped

    assert "Please say in a sentence what answers their question" in out
    assert f"Type the answer as your next message and I'll send it as the answer to #{key}" in out
    assert f"/audit kb answer {key} <your answer>" in out and f"cancel leaves #{key} open" in out
    assert f"[message to {ASKER}]" in out and f"[message to {OTHER}]" in out
    assert f"Sent your answer to 2 people; #{key} is closed" in out
    assert "No unanswered or unhelpful questions" in out  # the pasted answer was not noted as a question
    assert "I don't know that yet" not in out
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2
    asked = [row[0] for row in services.storage.db.execute("SELECT query FROM kb_asks").fetchall()]
    assert ANSWER not in asked


def test_kb_answer_with_no_text_waits_for_the_answer_and_cancel_sends_nothing(engine: Engine,
                                                                             services: Services) -> None:
    key = ask_fire_drill(engine)

    out = " ".join(drive(engine, [f"kb answer #{key}", "cancel", "when is the icpc due"]).split())

    assert f"I'll send it as the answer to #{key}" in out
    assert f"OK, nothing was sent: #{key} stays open" in out
    assert "Within 15 working days" in out  # after `cancel`, a question is a question again
    assert f"[message to {ASKER}]" not in out and statuses(services) == []


def test_a_refused_answer_typed_again_badly_is_refused_again_and_still_waited_for(engine: Engine,
                                                                                 services: Services) -> None:
    key = ask_fire_drill(engine)

    out = " ".join(drive(engine, [f"kb answer {key} ok", "ok", ANSWER, "yes"]).split())

    assert f"Type the answer again, or cancel to leave #{key} open." in out
    assert f"Sent your answer to 2 people; #{key} is closed" in out
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2


def test_in_slack_the_dm_after_a_refused_slash_command_is_the_answer(engine: Engine, services: Services) -> None:
    """The same in Slack: `/audit kb answer N ok` refused, the answer sent next in the DM goes to the askers, not to
    the QA leads' list."""
    key = ask_fire_drill(engine)

    [refused] = engine.command(QA_LEAD, f"kb answer {key} ok")
    [read_back] = engine.message(QA_LEAD, ANSWER)
    replies = engine.message(QA_LEAD, "yes")

    assert read_back.text.startswith(f"Send this as the answer to #{key}?") and ANSWER in read_back.text
    assert refused.kind == "error" and f"I'll send it as the answer to #{key}" in refused.text
    assert {reply.to_user for reply in replies if reply.to_user} == {ASKER, OTHER}
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2
    assert ANSWER not in [row[0] for row in services.storage.db.execute("SELECT query FROM kb_asks").fetchall()]


def test_kb_answer_typed_again_after_a_refusal_says_one_true_thing(engine: Engine, services: Services) -> None:
    """Trial 38 (M5): after a refused `kb answer N …`, `kb answer N <clean text>` was told both "I took that as a
    command, so your answer to #N was not sent" and "Sent your answer to 1 person; #N is closed"."""
    key = ask_fire_drill(engine)

    out = " ".join(drive(engine, [f"kb answer {key} ok", f"kb answer {key} {ANSWER}", "yes"]).split())

    assert f"Sent your answer to 2 people; #{key} is closed" in out
    assert "was not sent" not in out and "I took that as a command" not in out
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2


def test_after_a_refusal_a_question_is_not_sent_and_the_answer_is_read_back_first(engine: Engine,
                                                                                 services: Services) -> None:
    """Trial 39 (high): `kb answer N` refused for a phone number, then the QA lead's own question `whats the
    timescale for a pre birth conference` was DM'd to the askers as the answer and #N closed. Now a question is not
    taken, and the answer typed is read back: `no` sends nothing, and only `yes` sends it."""
    key = ask_fire_drill(engine)

    out = " ".join(drive(engine, [f"kb answer {key} give me a ring on 07700 900123 and we can talk it through",
                                  "whats the timescale for a pre birth conference", ANSWER, "no"]).split())

    assert f"That reads as a question, so I haven't taken it as the answer to #{key}" in out
    assert f"Send this as the answer to #{key}? It goes by DM to the 2 people who asked" in out
    assert f"OK, nothing was sent. Type your answer to #{key} again" in out
    assert "[message to" not in out and statuses(services) == []

    sent = " ".join(drive(engine, [ANSWER, "yes"]).split())

    assert f"[message to {ASKER}]" in sent and "pre birth" not in sent
    assert f"Sent your answer to 2 people; #{key} is closed" in sent
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2
