"""Trial 36 (LOW): `yes pls` at "Mark action #45 done for …?" got knowledge-base suggestions, and `ok do it` went onto
the QA leads' list, while `yes please` worked. A yes with the words people add answers the question waiting
(bot.engine.confirmations); at a Yes that cannot be undone only a yes said so does. The clock is pinned to the trial
day, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.confirmations import FIRM_YES_WORDS, YES_WORDS, normal, reading
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

SOUTH_MANAGER = "U0MGRS001"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize("yes", ["yes pls", "yes please", "yep", "ok do it", "Yes pls!", "yep thanks", "yes do it"])
def test_a_yes_with_polite_words_marks_the_action_done(demo: Services, engine: Engine, yes: str) -> None:
    asked = said(engine, SOUTH_MANAGER, "done 45")
    assert "Mark action #45 done for Social worker S1?" in asked, asked
    reply = said(engine, SOUTH_MANAGER, yes)
    assert "Action 45 (audit #39, CR-940436) marked done for Social worker S1" in reply, reply
    assert nothing_unanswered(demo)


def test_an_acknowledgement_is_no_yes_to_what_cannot_be_undone() -> None:
    for acknowledged in ("ok", "ok do it", "go ahead", "ok thanks"):
        assert FIRM_YES_WORDS.match(normal(acknowledged)) is None
    assert YES_WORDS.match(normal("ok do it")) and FIRM_YES_WORDS.match(normal("yes please"))
    asked = {"yes": ["a", "1", "Yes"], "no": ["b", "1", "No"]}
    assert reading("ok thanks", asked) is None and reading("yes pls", asked) == "yes"
