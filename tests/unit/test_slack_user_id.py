"""The Slack member-id pattern is defined once: teams.yaml, the knowledge base's owners and @mentions agree."""

from __future__ import annotations

import pytest

from bot.settings.people import USER_ID
from handlers.events import MENTION
from knowledge.fields import OWNER_PATTERN


@pytest.mark.parametrize("user", ["U0QALEAD1", "W0GRIDUSER"])
def test_a_member_id_is_accepted_everywhere(user: str) -> None:
    assert USER_ID.fullmatch(user) and OWNER_PATTERN.fullmatch(user)
    assert MENTION.sub("", f"<@{user}> what is a strategy meeting?").strip() == "what is a strategy meeting?"


@pytest.mark.parametrize("text", ["qa lead", "u0qalead1", "C0CHANNEL", "U1"])
def test_anything_else_is_not_a_member_id(text: str) -> None:
    assert not USER_ID.fullmatch(text) and not OWNER_PATTERN.fullmatch(text)
