"""A family named by its surname, or a relative by their first name after 'nanna', is neither stored nor sent
(eleventh user trial, F5 and F10): a practitioner's question was noted for the QA leads and a QA lead's answer was
DM'd to the asker with 'the tyler family' or 'nanna pat' in it."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import masked
from tests.integration.test_unanswered_workflow import ASKER, QA_LEAD, ask_fire_drill, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.text import repeated


@pytest.mark.parametrize(("question", "words"), [
    ("how do we support the tyler family with s17 money", "tyler"),
    ("can we pay for the harper family's gas", "harper"),
    ("what about the smith family", "smith"),
    ("do we invite nanna pat to the core group", "pat"),
    ("do we invite grandad bill to the cin meeting", "bill"),
    ("should aunty mo be assessed as a kinship carer", "mo"),
])
def test_a_question_naming_a_family_or_a_relative_is_refused_and_not_stored(engine: Engine, services: Services,
                                                                            question: str, words: str) -> None:
    [reply] = engine.message(ASKER, question)
    assert reply.kind == "error"
    assert f"“{masked(words)}” looks like a child's or family member's name" in reply.text
    assert repeated(words, reply.text) == []
    assert "refer to them by role" in reply.text
    assert list(services.storage.db.query("SELECT * FROM kb_asks")) == []


def test_a_qa_leads_answer_naming_a_family_is_not_sent(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)
    replies = engine.command(QA_LEAD, f"kb answer {key} as we did for the tyler family last month, the team manager "
                                      "authorises s17 money.")
    assert replies[0].kind == "error" and "“t…”" in replies[0].text and "I haven't sent that" in replies[0].text
    assert not any(reply.to_user for reply in replies)
    assert statuses(services) == []


def test_a_question_about_the_foster_family_is_taken(engine: Engine, services: Services) -> None:
    [reply] = engine.message(ASKER, "how do we support the foster family and the wider family with s17 money")
    assert reply.kind != "error"
    assert len(list(services.storage.db.query("SELECT * FROM kb_asks"))) == 1
