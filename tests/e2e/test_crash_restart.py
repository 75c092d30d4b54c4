"""The bot process killed with SIGKILL in the middle of an audit loses no confirmed answer and resumes in place.

The bot runs as a real child process in HTTP mode (`python -m bot serve`) against the Slack stand-in; the
person is played through signed requests and reads their DM back from the stand-in.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from bench.simulated_user import Catalogue, Message, read_message
from knowledge.loader import load_knowledge
from tests.support.bot_process import BotProcess, bot_environment, free_port
from tests.support.signed_requests import SignedSlackClient
from tests.support.slack_standin import SlackStandIn, dm_channel_for

AUDITOR = "U0MGRN001"  # a team manager: a practitioner starts no audit by hand
SECRET = "crash-test-signing-secret"
CHECKLIST = "early-help-spot"


class Person:
    """Sends signed requests to whichever bot process is running and waits for its next DM."""

    def __init__(self, standin: SlackStandIn, port: int) -> None:
        self.standin = standin
        self.slack = SignedSlackClient(f"http://127.0.0.1:{port}", SECRET)

    def dm(self) -> list[Message]:
        channel = dm_channel_for(AUDITOR)
        return [read_message(c) for c in self.standin.calls_to("chat.postMessage")
                if c.status == 200 and c.params.get("channel") == channel]

    def send(self, kind: str, payload: str, wait: bool = True,
             until: Callable[[Message], bool] = lambda message: True) -> Message | None:
        """Send, then return the newest DM that satisfies `until` (a reply may come in several messages)."""
        before = len(self.dm())
        if kind == "command":
            response = self.slack.command(AUDITOR, payload)
        elif kind == "type":
            response = self.slack.message_im(AUDITOR, payload)
        else:
            action_id, value = payload.rsplit("@", 1)
            response = self.slack.block_action(AUDITOR, action_id, value)
        assert response.status == 200
        if not wait:
            return None
        deadline = time.monotonic() + 15  # generous: a loaded CI machine, and the first request is the slowest
        while time.monotonic() < deadline:
            fresh = [message for message in self.dm()[before:] if until(message)]
            if fresh:
                return fresh[-1]
            time.sleep(0.02)
        raise AssertionError(f"the bot did not answer {kind} {payload!r}")


def press(message: Message, action: str, label: str | None = None) -> str:
    button = next(b for b in message.buttons if b.action == action and (label is None or b.label == label))
    return f"{button.action_id}@{button.value}"


def stored_answers(database: Path) -> set[str]:
    with sqlite3.connect(database) as conn:
        return {row[0] for row in conn.execute("SELECT question_id FROM answers")}


@pytest.fixture
def quiet_config(config_dir: Path) -> Path:
    """No scheduled jobs: nothing but the person's own requests reaches the stand-in."""
    path = config_dir / "settings.yaml"
    settings = yaml.safe_load(path.read_text())
    settings["schedules"] = {}
    path.write_text(yaml.safe_dump(settings))
    return config_dir


@pytest.fixture
def processes() -> Iterator[list[BotProcess]]:
    started: list[BotProcess] = []
    yield started
    for process in started:
        process.stop()


def test_a_killed_bot_keeps_every_confirmed_answer_and_resumes_at_the_right_question(
        quiet_config: Path, tmp_path: Path, standin: SlackStandIn, processes: list[BotProcess]) -> None:
    database = tmp_path / "crash.db"
    env = bot_environment(quiet_config, database, standin.base_url, SECRET)
    first = BotProcess(env, free_port())
    processes.append(first)
    first.start()
    person = Person(standin, first.port)
    catalogue = Catalogue(dict(load_knowledge().checklists))

    prompt = person.send("command", f"start {CHECKLIST}")
    assert prompt and prompt.prompt and "case reference" in prompt.prompt
    worker_step = person.send("type", "CR-777001")
    assert worker_step
    shown = person.send("press", press(worker_step, "audit.worker"))
    confirmed: list[str] = []
    for _ in range(3):
        assert shown and shown.of("audit.answer"), shown
        question = catalogue.question_id(CHECKLIST, shown)
        shown = person.send("press", press(shown, "audit.answer", shown.of("audit.answer")[-1].label))
        confirmed.append(question or "")
    assert shown and shown.of("audit.answer")
    in_flight = catalogue.question_id(CHECKLIST, shown)
    person.send("press", press(shown, "audit.answer", shown.of("audit.answer")[-1].label), wait=False)
    first.kill()  # straight after the ack: the answer may or may not have been stored, never half

    second = BotProcess(env, free_port())
    processes.append(second)
    second.start()
    person = Person(standin, second.port)
    stored = stored_answers(database)
    assert set(confirmed) <= stored
    # resuming the one draft says "Carrying on with audit #N…" and then shows the question: wait for the question
    resumed = person.send("command", "resume", until=lambda m: bool(m.of("audit.answer")))
    carried_on_from = catalogue.question_id(CHECKLIST, resumed) if resumed else None
    assert carried_on_from is not None and carried_on_from not in stored
    checklist = load_knowledge().checklists[CHECKLIST]
    order = [q.id for q in checklist.questions()]
    if in_flight in stored:
        assert order.index(carried_on_from or "") > order.index(in_flight or "")
    else:
        assert carried_on_from == in_flight
    after = person.send("press", press(resumed, "audit.answer", resumed.of("audit.answer")[-1].label))
    assert after and after.step and after.step[1] > (resumed.step or (0, 0))[1]
    assert carried_on_from in stored_answers(database)
