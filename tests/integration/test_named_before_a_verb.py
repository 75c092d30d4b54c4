"""Trial 35, H3 and a LOW: a principal social worker's 'mum called ocean told the sw the plan works' was put on the
QA leads' list, and 'good - mum called ocean said the plan works' was stored as a moderation reason and sent by DM to
the auditor and the worker, though 'mum called ocean' alone was refused: a verb after the name let it through. Both
are refused with the usual message, and nothing is stored or sent. And 'campaign rename 2 theme=neglect, Munro style
child focus' was refused as a child's name ("M…"): a practice term is taken."""

from __future__ import annotations

import pytest
import time_machine

from bot.campaigns.feature import CREATE_EXAMPLE
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderation_reason_grade import QA, WEDNESDAY, audit_id, decided  # noqa: F401 (fixture)
from tests.integration.test_unanswered_workflow import ASKER
from tests.support.text import flat, repeated

CAMPAIGN_QA = "U0QALEAD1"
REFUSED = "“o…” looks like a child's or family member's name"


@pytest.mark.parametrize(("question", "name"), [
    ("mum called ocean told the sw the plan works", "ocean"), ("mum called ocean said it", "ocean"),
    ("a girl named river was seen alone, what next", "river"), ("baby known as bear, what next", "bear")])
def test_the_trials_question_is_refused_and_not_put_on_the_qa_leads_list(engine: Engine, services: Services,
                                                                         question: str, name: str) -> None:
    [reply] = engine.message(ASKER, question)
    assert reply.kind == "error"
    assert f"“{name[0]}…” looks like a child's or family member's name" in reply.text
    assert repeated(name, reply.text) == []  # the name is not said back
    assert list(services.storage.db.query("SELECT * FROM kb_asks")) == []


def test_the_trials_moderation_reason_is_refused_and_not_stored_or_sent(engine: Engine, services: Services,
                                                                        audit_id: int) -> None:  # noqa: F811
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree",
                                "outstanding - mum called ocean said the plan works"], user=QA)
    text = flat(out, "*`")
    assert REFUSED in text and "Nothing was saved" in text
    assert repeated("ocean", text) == []
    assert decided(services, audit_id) is None


def test_the_trials_campaign_theme_naming_a_practice_term_is_taken(engine: Engine, services: Services) -> None:
    """Trial 35, LOW: 'Munro style child focus' was refused as a name ("M…"), while 'the Munro review' passed."""
    with time_machine.travel(WEDNESDAY, tick=False):
        engine.command(CAMPAIGN_QA, CREATE_EXAMPLE.removeprefix("/audit "))
        [made] = campaigns.list_campaigns(services.storage)
        [reply] = engine.command(CAMPAIGN_QA, f"campaign rename {made.id} theme=neglect, Munro style child focus")
    assert reply.kind != "error", reply.text
    assert campaigns.get_campaign(services.storage, made.id).theme == "neglect, Munro style child focus"
