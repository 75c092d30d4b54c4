"""The Slack view of `kb unanswered` (fix50d): each group's own buttons, as Block Kit, within Slack's limits.

The list was only tested through its text. A QA lead in Slack acts on a group with its buttons, so each group's
message must carry Answer, Link to an entry, New entry, Out of scope, Dismiss (and Remove) with that group's number in
their value, under the `kb.unanswered.` prefix (never `audit.` or `actions.`, which the audit conversation owns),
and fit Slack's limits (../shared/PLATFORM_NOTES.md) however many wordings the group holds.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core import buttons
from bot.core.services import Services
from bot.engine.routing import Engine
from handlers.blocks import action_name, render_message
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

LABELS = ["Answer", "Link to an entry", "New entry", "Out of scope", "Dismiss", "Remove (identifies someone)"]
ACTIONS = ["kb.unanswered.answer", "kb.unanswered.link", "kb.unanswered.new", "kb.unanswered.out_of_scope",
           "kb.unanswered.dismiss", "kb.unanswered.remove"]
PLACES = ("in the north office", "for the south team", "at the civic centre", "this winter", "next month",
          "for new starters", "for agency staff", "on a friday", "in the east hub", "for students on placement",
          "for the duty team", "in the west building")


def messages(engine: Engine) -> list[dict[str, Any]]:
    """`kb unanswered` as Slack gets it: the summary, then one message per group."""
    return [render_message(reply) for reply in engine.command(QA_LEAD, "kb unanswered")]


def elements(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [element for block in message["blocks"] if block["type"] == "actions" for element in block["elements"]]


def within_limits(message: dict[str, Any]) -> None:
    """Slack refuses a message past these (PLATFORM_NOTES.md: Block Kit limits)."""
    assert len(message["blocks"]) <= 50 and len(message["text"]) <= 3000
    for block in message["blocks"]:
        assert len(block.get("text", {}).get("text", "")) <= 3000
        for element in block.get("elements", []):
            if element.get("type") == "button":
                assert len(element["text"]["text"]) <= 75 and len(element["value"]) <= 2000
                assert len(element["action_id"]) <= 255
    action_ids = [element["action_id"] for element in elements(message)]
    assert len(action_ids) == len(set(action_ids))  # Slack needs them unique within a message


def test_each_group_has_its_own_buttons_carrying_its_number(engine: Engine, services: Services) -> None:
    engine.message(ASKER, "when is the fire drill held")
    engine.message(OTHER, "who orders the christmas tree for the office")

    summary, *groups = messages(engine)

    assert elements(summary) == [] and len(groups) == 2
    keys = []
    for group in groups:
        within_limits(group)
        shown = elements(group)
        assert [element["text"]["text"] for element in shown] == LABELS
        assert [action_name(element["action_id"]) for element in shown] == ACTIONS
        [key] = {buttons.record_id(element["value"]) for element in shown}
        assert f"*#{key}*" in group["blocks"][0]["text"]["text"]
        keys.append(key)
    assert sorted(keys) == sorted(row[0] for row in services.storage.db.execute("SELECT id FROM kb_asks"))


def test_a_group_of_many_long_wordings_still_fits_one_message(engine: Engine) -> None:
    long_tail = " ".join(["and whether the fire marshals need to be told beforehand by the building manager"] * 6)
    for number, place in enumerate(PLACES):
        engine.message(ASKER if number % 2 else OTHER, f"when is the fire drill held {place} {long_tail}")

    summary, group = messages(engine)

    within_limits(summary)
    within_limits(group)
    text = json.dumps(group["blocks"])
    assert "12 times" in text and "and 8 more" in text
    assert [element["text"]["text"] for element in elements(group)] == LABELS
