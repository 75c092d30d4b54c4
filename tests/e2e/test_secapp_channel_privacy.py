"""A button pressed in a shared channel never answers in that channel: audit details go to the person's DM.

Every action the engine registers is pressed from a channel message through the real Bolt stack; whatever it
answers, nothing reaches the channel except an ephemeral pointer to the DM.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.settings.config import load_settings
from bot.terminal.render import TerminalView
from handlers.blocks import action_id_for
from handlers.delivery import POINTER_TO_DM
from tests.audit_driver import complete_audit
from tests.conftest import RunningBot
from tests.integration.test_audit_terminal import terminal_sender
from tests.support.slack_standin import SlackStandIn, dm_channel_for

MANAGER = "U0MGRN001"
QA_LEAD = "U0QALEAD1"
CHANNEL = "C0CHAN001"
SUBMITTED_CASE = "CR-100200"  # the audit driver's case reference
DRAFT_CASE = "CR-300003"
CASE_REFS = (SUBMITTED_CASE, DRAFT_CASE)



def registered_actions() -> list[str]:
    """Every action id the engine registers, read from the engine itself so a new button is covered too."""
    from bot.settings.config import PROJECT_DIR

    with tempfile.TemporaryDirectory() as folder:
        environ = {"AUDITBOT_CONFIG": str(PROJECT_DIR / "config"), "AUDITBOT_DB": str(Path(folder) / "a.db")}
        services = build_services(load_settings(environ))
        try:
            return sorted(build_engine(services).actions)
        finally:
            services.storage.close()


ACTIONS = registered_actions()


@pytest.fixture
def audits(running_bot: RunningBot, services: Services) -> Iterator[dict[str, list[str]]]:
    """A submitted audit and a draft by the manager; returns the button values the engine offered, by action."""
    engine = running_bot.engine
    send = terminal_sender(engine, TerminalView(), MANAGER)
    complete_audit(send, send("type", "/audit start early-help-spot"))
    submitted = services.storage.db.execute("SELECT id FROM audits").fetchone()[0]
    engine.command(MANAGER, "start case-audit", surface="terminal")
    draft_replies = engine.message(MANAGER, DRAFT_CASE, surface="dm")
    draft = services.storage.db.execute("SELECT id FROM audits WHERE case_ref = ?", [DRAFT_CASE]).fetchone()[0]
    seen: list[Reply] = [*draft_replies]
    for user, command in ((MANAGER, "resume"), (MANAGER, "actions"), (QA_LEAD, "moderate"), (MANAGER, "help")):
        seen += engine.command(user, command, surface="command")
    seen += engine.action(MANAGER, "audit.view", str(submitted), surface="dm")
    values: dict[str, list[str]] = {}
    for choice in (c for reply in seen for c in reply.choices):
        values.setdefault(choice.action, []).append(choice.value)
    for action in ACTIONS:  # and the plain guesses a person could make by copying a button
        values.setdefault(action, [])
        values[action] += ["", str(submitted), str(draft), f"{draft}:0:"]
    yield values


def channel_calls(standin: SlackStandIn) -> list:
    """Every post, update, ephemeral and response_url reply the stand-in recorded for the channel."""
    found = []
    for call in standin.calls:
        if call.method == "response_url":
            if f"/{CHANNEL}/" in call.path:
                found.append(call)
        elif call.method in ("chat.postMessage", "chat.update", "chat.postEphemeral") \
                and call.params.get("channel") == CHANNEL:
            found.append(call)
    return found


def press_in_channel(bot: RunningBot, standin: SlackStandIn, user: str, action: str, value: str) -> int:
    slack = bot.slack.variant(response_url_base=standin.response_url_base)
    response = slack.block_action(user, action_id_for(Choice("x", action, value), 0), value, channel_id=CHANNEL,
                                  message_text="Here is what I can do for you")
    return response.status


def finish_listeners(bot: RunningBot) -> None:
    """Bolt acknowledges from inside the listener, which then carries on: wait until every one has finished."""
    bot.app.listener_runner.listener_executor.shutdown(wait=True)


@pytest.mark.parametrize("action", ACTIONS)
def test_no_button_pressed_in_a_channel_answers_in_the_channel(running_bot: RunningBot, standin: SlackStandIn,
                                                               audits: dict[str, list[str]], action: str) -> None:
    before = len(standin.calls)
    for user in (MANAGER, QA_LEAD):
        for value in dict.fromkeys(audits[action]):
            assert press_in_channel(running_bot, standin, user, action, value) == 200
    finish_listeners(running_bot)
    leaked = channel_calls(standin)
    public = [c for c in leaked if c.method != "chat.postEphemeral"]
    assert public == [], f"{action} answered in the channel: {[c.text[:80] for c in public]}"
    for call in leaked:
        assert call.text == POINTER_TO_DM
        assert not any(ref in json.dumps(call.params) for ref in CASE_REFS)
    assert len(standin.calls) > before


def resumed(call) -> bool:
    return "Carrying on with audit" in call.params.get("text", "")


def test_resume_pressed_in_a_channel_carries_on_with_the_draft_in_the_dm_only(running_bot: RunningBot,
                                                                              standin: SlackStandIn, audits) -> None:
    press_in_channel(running_bot, standin, MANAGER, "audit.resume", "")
    standin.wait_for("chat.postMessage", timeout=10, predicate=resumed)  # the manager's one draft, carried on
    finish_listeners(running_bot)
    assert {post.params["channel"] for post in standin.calls_to("chat.postMessage")} == {dm_channel_for(MANAGER)}
    [pointer] = standin.wait_for("chat.postEphemeral", timeout=10)
    assert pointer.params["channel"] == CHANNEL and pointer.params["user"] == MANAGER
    assert pointer.text == POINTER_TO_DM


def test_a_button_pressed_in_the_dm_still_answers_in_the_dm_without_a_pointer(running_bot: RunningBot,
                                                                              standin: SlackStandIn, audits) -> None:
    slack = running_bot.slack
    slack.block_action(MANAGER, action_id_for(Choice("x", "audit.resume", ""), 0), "")
    [post] = standin.wait_for("chat.postMessage", timeout=10, predicate=resumed)
    assert post.params["channel"] == dm_channel_for(MANAGER)
    assert standin.calls_to("chat.postEphemeral") == []
