"""Trial 44's findings on the QA leads' unanswered desk and learned wordings (F5, F6, F7, F12, F19, F21, F22)."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, ask_fire_drill, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

ANSWER = "The fire drill is held on the 20th of each month."


def test_kb_answer_typed_in_one_line_is_read_back_and_sent_only_on_yes(engine: Engine, services: Services) -> None:
    """F12: `kb answer 30 Yes: we use…` went straight to the asker; a DM cannot be unsent, so a typo went out."""
    key = ask_fire_drill(engine)

    [read_back] = engine.command(QA_LEAD, f"kb answer {key} {ANSWER}")

    assert read_back.text.startswith(f"Send this as the answer to #{key}? It goes by DM to the 2 people who asked")
    assert ANSWER in read_back.text and statuses(services) == []
    sent = engine.message(QA_LEAD, "yes")
    assert {reply.to_user for reply in sent if reply.to_user} == {ASKER, OTHER}
    assert f"Sent your answer to 2 people; #{key} is closed" in sent[-1].text


def test_no_to_a_one_line_kb_answer_sends_nothing(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)

    engine.command(QA_LEAD, f"kb answer {key} {ANSWER}")
    replies = engine.message(QA_LEAD, "no")

    assert not any(reply.to_user for reply in replies) and statuses(services) == []
    assert f"OK, nothing was sent. Type your answer to #{key} again" in replies[0].text
