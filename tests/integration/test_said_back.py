"""A stored question is said back only while the screen passes it (trial 10, F19): a name that slipped past an older
screen was repeated in the DM a QA lead's answer sent ("A QA lead found the answer to your question _jack wasnt in
school today_"). The DMs with an answer, a linked entry or a new entry, and a question passed on to the QA leads,
name such a question by the day it was asked; a clean wording is still quoted. The name is invented."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.removal import removal_marker
from bot.settings.people import Role
from bot.storage import asks as store
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, only_group
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.moved_clock import CONTENT_DAY

SLIPPED = "when is the fire drill held for Kayden Smith"  # stored before the screen refused such a name
ASKED_AT = CONTENT_DAY - timedelta(days=2)  # Sunday 29 November 2026
NOT_SAID = "your question of 29 Nov 2026"


def stored_question(services: Services, wording: str, asker: str = ASKER) -> int:
    """A question as an older screen let it be stored."""
    return store.record_ask(services.storage, ASKED_AT, asker, wording, "none", None, None, "dm")


@pytest.mark.parametrize(("command", "opening"), [
    ("answer {key} The fire drill is held on the 20th of each month.", "A QA lead has answered"),
    ("link {key} assessment-timescale", "A QA lead found the answer to"),
    ("new {key} When is the fire drill held? | The 20th of each month. | file: kb/timescales.yaml",
     "A QA lead found the answer to"),
])
def test_the_dm_to_each_asker_names_a_question_the_screen_now_refuses_by_its_day(
        engine: Engine, services: Services, kb_dir: Path, command: str, opening: str) -> None:
    assert services.identifier_screen.find(SLIPPED), "the screen refuses the name now"
    stored_question(services, SLIPPED)
    engine.message(OTHER, "When is the fire drill held?")
    key = only_group(engine)

    replies = engine.command(QA_LEAD, "kb " + command.format(key=key))
    if command.startswith(("link", "answer")):  # shown first: `yes` sends it (link_preview, answer_read_back)
        replies = engine.message(QA_LEAD, "yes")

    dms = {reply.to_user: reply.text for reply in replies if reply.to_user}
    assert dms[ASKER].startswith(f"{opening} {NOT_SAID}:")
    assert "Kayden" not in dms[ASKER]
    # the wording quoted on a line of its own, never run into a colon ("…held?:", trial 15 F7)
    assert dms[OTHER].startswith(f"{opening} your question:\n>When is the fire drill held?\n\n")


def test_a_question_whose_text_a_qa_lead_removed_is_named_by_its_day(engine: Engine, services: Services) -> None:
    ask_id = stored_question(services, removal_marker("QA lead", "30 Nov 2026"))

    engine.command(QA_LEAD, f"kb answer {ask_id} The fire drill is held on the 20th of each month.")
    replies = engine.message(QA_LEAD, "yes")

    [dm] = [reply.text for reply in replies if reply.to_user == ASKER]
    assert dm.startswith(f"A QA lead has answered {NOT_SAID}:") and "removed" not in dm


def test_a_question_passed_on_to_the_qa_leads_is_not_quoted_once_the_screen_refuses_it(
        engine: Engine, services: Services) -> None:
    clean = engine.action(OTHER, "kb.escalate", str(stored_question(services, "when is the fire drill held", OTHER)))
    assert all(">when is the fire drill held\n" in reply.text for reply in clean if reply.to_user)
    ask_id = stored_question(services, SLIPPED)

    replies = engine.action(ASKER, "kb.escalate", str(ask_id))

    posts = [reply for reply in replies if reply.to_user in services.directory.ids_with_role(Role.QA_LEAD)]
    assert posts and all("Kayden" not in post.text for post in posts)
    assert all("(asked on 29 Nov 2026; its wording is not repeated here, as it could identify a child or family"
               in post.text for post in posts)
    assert replies[-1].text.startswith("Done: I've passed your question to the QA leads.")
