"""Trial 46 (F12): two terminal chats on one database. The QA lead's chat linked "whats the rule of optimism" to
professional curiosity and added a new entry; the practitioner's chat, started before, still answered from the old
knowledge base ("I'm not sure this is what you need…") until it was restarted. Now a change made in one process is
answered in every other on the same database and knowledge folder from its next question."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, ask_fire_drill, listed
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import button_values

# Answered by a tentative "not sure" reply on the shipped knowledge base, so it is on the QA leads' list.
WHATSAPP = "can i use whatsapp to text a 16 yo on a cp plan"


def text_of(replies: list) -> str:
    return "\n".join(reply.text for reply in replies)


def test_a_wording_linked_in_one_chat_is_answered_in_another_started_before(engine: Engine, other: Engine) -> None:
    before = text_of(other.message(ASKER, WHATSAPP))
    [key] = button_values(listed(engine), "kb.unanswered.answer")
    engine.command(QA_LEAD, f"kb link {key} messaging-young-people")
    assert "reloaded" in text_of(engine.message(QA_LEAD, "yes"))

    after = text_of(other.message(OTHER, WHATSAPP))

    assert "not sure this is what you need" in before.lower()
    assert "not sure this is what you need" not in after.lower() and "professional contact" in after.lower()


def test_a_new_entry_made_in_one_chat_is_answered_in_another_started_before(engine: Engine, other: Engine,
                                                                            other_services: Services) -> None:
    key = ask_fire_drill(engine)
    done = engine.command(QA_LEAD, f"kb new {key} When is the fire drill held? | The fire drill is held on the "
                                   "20th of each month. | file: kb/timescales.yaml")
    assert "Added `fire-drill-held`" in text_of(done)

    after = text_of(other.message(ASKER, "when is the fire drill held"))

    assert "The fire drill is held on the 20th of each month." in after
    assert "fire-drill-held" in other_services.live_knowledge().current.kb.entries

