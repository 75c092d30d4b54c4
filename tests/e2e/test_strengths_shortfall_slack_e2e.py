"""Trial 56 F8 / trial 57 F17, in Slack: a criticism typed at the strengths was "Got it: noted as the strengths.".
It is now asked about with two buttons, *Keep as the strengths* and *Move to the areas for development*, pressed
through signed requests into the real Bolt app, replies read back from the Web API stand-in."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_action_removal import AUDITOR, TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)  # a Thursday morning: nothing held out of hours
TO_STRENGTHS = TO_ACTIONS[:-2]  # the early help spot check, its suggested grade confirmed with `good`
CRITICISM = "mostly good but the 3 moves were not addressed and there was no stability meeting"
KEEP, MOVE = "Keep as the strengths", "Move to the areas for development"


def _asked(bot: RunningBot, standin) -> tuple[SlackPerson, Reply]:
    person = SlackPerson(bot, standin, AUDITOR)
    for line in TO_STRENGTHS:
        person.send("type", line)
    *_, asked = person.send("type", CRITICISM)
    return person, asked


def _press(person: SlackPerson, asked: Reply, label: str) -> str:
    [choice] = [c for c in asked.choices if c.label == label]
    return flat("\n".join(reply.text for reply in person.send("press", f"{choice.action}|{choice.value}")), "`*_")


def _notes(services: Services) -> tuple[str | None, str | None, str]:
    audit = store.get_audit(services.storage, 1)
    assert audit is not None
    return audit.strengths, audit.development, audit.step


def test_the_move_button_files_it_as_the_areas_for_development_and_asks_for_the_strengths_again(
        bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        person, asked = _asked(bot, standin)
        assert "That reads like an area for development" in asked.text, asked.text
        assert [c.label for c in asked.choices] == [KEEP, MOVE]
        assert _notes(services) == (None, None, "strengths")
        said = _press(person, asked, MOVE)
    assert f"Moved to the areas for development: “{CRITICISM}”. Now the strengths" in said, said
    assert "Strengths: what is working well" in said
    assert _notes(services) == (None, CRITICISM, "strengths")


def test_the_keep_button_saves_it_as_the_strengths(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        person, asked = _asked(bot, standin)
        said = _press(person, asked, KEEP)
    assert f"Got it: noted as the strengths: “{CRITICISM}”." in said and "Areas for development" in said, said
    assert _notes(services) == (CRITICISM, None, "development")
