"""How far one person's pick from "Did you mean…" is trusted, through the engine (trial 41: one tap on a wrong
suggestion changed the answer for everyone asking in those words, with no QA review)."""

from __future__ import annotations

from bot.asking.learning import learn_wording
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as store
from tests.integration.test_learning import (  # noqa: F401
    COLLEAGUE,
    MASCOT,
    PRACTITIONER,
    QA_LEAD,
    THIRD,
    pick,
    settings,
)
from tests.support.kb_helpers import all_text, button_values


def test_a_pick_made_after_not_helpful_is_the_pickers_alone_until_a_second_person_picks_it(
        engine: Engine, services: Services) -> None:
    """The trial's steps: Not helpful on one suggestion, then a pick of another for the same words. That pick
    answers its picker outright, and everyone else only sees it first among "Did you mean…"."""
    shown = pick(engine, PRACTITIONER, MASCOT, "mascot-colour-north")
    engine.action(PRACTITIONER, "kb.feedback", button_values(shown, "kb.feedback")[1])  # Not helpful
    assert pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")[0].text == "Blue."
    [row] = store.active(services.storage)
    assert (row.entry_id, row.trusted_by, row.trusted) == ("mascot-colour-south", None, False)
    assert engine.message(PRACTITIONER, MASCOT)[0].text == "Blue."
    offered = engine.message(COLLEAGUE, MASCOT)
    assert "Did you mean" in offered[0].text and "Blue." not in all_text(offered)
    assert button_values(offered, "kb.show")[0].startswith("mascot-colour-south:")
    assert engine.message(THIRD, MASCOT)[0].text != "Blue."

    [value] = [v for v in button_values(offered, "kb.show") if v.startswith("mascot-colour-south:")]
    engine.action(COLLEAGUE, "kb.show", value)  # a second, different person picks the same entry
    [row] = store.active(services.storage)
    assert (row.user_id, row.trusted_by) == (PRACTITIONER, COLLEAGUE)
    answered = engine.message(THIRD, MASCOT)
    assert answered[0].text == "Blue."
    assert "Answered from a colleague's earlier choice: Not helpful?" in all_text(answered)


def test_not_helpful_on_a_trusted_picks_answer_withdraws_it_for_everyone(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    pick(engine, COLLEAGUE, MASCOT, "mascot-colour-south")
    answered = engine.message(THIRD, MASCOT)
    assert answered[0].text == "Blue."
    engine.action(THIRD, "kb.feedback", button_values(answered, "kb.feedback")[1])
    assert store.active(services.storage) == []
    for person in (PRACTITIONER, COLLEAGUE, THIRD):
        assert "Did you mean" in engine.message(person, MASCOT)[0].text
    assert "1 withdrawn after Not helpful" in all_text(engine.command(QA_LEAD, "kb learned"))
    listed = all_text(engine.command(QA_LEAD, "kb unanswered"))  # back on the QA leads' list, with its words
    assert MASCOT in listed.lower() and "Not helpful: `mascot-colour-south`" in listed


def test_a_qa_leads_link_trusts_a_pick_and_its_answer_says_nothing_of_a_colleague(engine: Engine,
                                                                                  services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    listed = all_text(engine.command(QA_LEAD, "kb learned"))
    assert "one pick, not yet trusted" in listed
    linked = learn_wording(services, "mascot-colour-south", MASCOT, QA_LEAD, "linked")
    assert linked.learned is not None and (linked.learned.trusted_by, linked.learned.trusted_how) == (QA_LEAD, "linked")
    answered = engine.message(COLLEAGUE, MASCOT)
    assert answered[0].text == "Blue." and "colleague" not in all_text(answered)
    assert f"trusted: linked by @{{{QA_LEAD}}}" in all_text(engine.command(QA_LEAD, "kb learned"))


def test_the_same_person_picking_twice_is_still_one_pick(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    assert learn_wording(services, "mascot-colour-south", "What colour is the audit mascot?", PRACTITIONER,
                         "picked").learned is None  # picked again from a question asked in another session
    assert [row.trusted for row in store.active(services.storage)] == [False]
    assert "Did you mean" in engine.message(COLLEAGUE, MASCOT)[0].text


def test_sorry_meant_after_the_pickers_own_pick_does_not_give_it_again(engine: Engine) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    assert engine.message(PRACTITIONER, MASCOT)[0].text == "Blue."
    corrected = engine.message(PRACTITIONER, f"sorry, meant {MASCOT}")
    assert "Blue." not in all_text(corrected)
    assert not any(value.startswith("mascot-colour-south") for value in button_values(corrected, "kb.show"))
