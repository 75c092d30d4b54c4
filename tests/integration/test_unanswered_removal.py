"""A question for the knowledge base that slipped an identifier past the screen stays in the QA leads' list, and
Dismiss kept its text: "Remove (identifies someone)" (or `/audit kb remove N`) replaces it for good, after a Yes."""

from __future__ import annotations

import json

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_redaction import file_bytes, plant_stale_copy
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import button_values

QA_LEAD, ASKER, OTHER = "U0QALEAD1", "U0PRAN001", "U0PRAN002"
LEAKED = "when is the fire drill held for the boy in year 9 js at the corner school"


def stored_queries(services: Services) -> list[str]:
    return [row[0] for row in services.storage.db.execute("SELECT query FROM kb_asks ORDER BY id")]


def test_a_qa_lead_removes_an_unanswered_questions_text_after_saying_yes(engine: Engine, services: Services) -> None:
    engine.message(ASKER, LEAKED)
    engine.message(OTHER, LEAKED.capitalize() + "?")
    [group] = engine.command(QA_LEAD, "kb unanswered")[1:]
    [key] = button_values([group], "kb.unanswered.remove")
    [asked] = engine.action(QA_LEAD, "kb.unanswered.remove", key)
    assert asked.kind == "question" and asked.text.startswith(
        f"Remove the text of these 2 questions (#{key} and those worded like it) for good?")
    shown = {line.split(": ", 1)[1] for line in asked.text.splitlines() if line.startswith("• #")}
    assert shown == {f"“{LEAKED}”", f"“{LEAKED.capitalize()}?”"}  # every wording that goes, not one of them
    assert "It and" not in asked.text and "Each will read “[removed by QA lead (practice) on " in asked.text
    assert "cannot be undone" in asked.text
    assert [choice.label for choice in asked.choices] == ["Yes, remove it", "No, keep it"]
    [kept] = engine.action(QA_LEAD, "kb.unanswered.remove_keep", key)
    assert "Nothing was removed" in kept.text and LEAKED in stored_queries(services)

    [done] = engine.action(QA_LEAD, "kb.unanswered.remove_confirm", key)
    assert done.text.startswith(f"Removed the text of 2 questions (#{key} and those worded like it): it is "
                                 "no longer stored")
    marker = stored_queries(services)[0]
    assert marker.startswith("[removed by QA lead (practice) on ") and marker.endswith(": may identify a child]")
    assert stored_queries(services) == [marker, marker]
    assert LEAKED.encode() not in file_bytes(services)  # nor in the files' free space or write-ahead log
    assert "No unanswered or unhelpful questions" in engine.command(QA_LEAD, "kb unanswered")[0].text
    trail = services.storage.db.execute("SELECT actor, detail FROM trail WHERE action = 'kb.unanswered.removed'"
                                        ).fetchall()
    assert [(actor, json.loads(detail)) for actor, detail in trail] == [(QA_LEAD, {"group": int(key),
                                                                                   "questions": 2})]
    [again] = engine.command(QA_LEAD, f"kb remove {key}")
    assert again.kind == "error" and f"The text of #{key} was already removed" in again.text


def test_a_dismissed_question_can_still_have_its_text_removed_by_typing(engine: Engine, services: Services) -> None:
    engine.message(ASKER, LEAKED)
    [group] = engine.command(QA_LEAD, "kb unanswered")[1:]
    [key] = button_values([group], "kb.unanswered.dismiss")
    engine.command(QA_LEAD, f"kb dismiss {key}")
    assert LEAKED in stored_queries(services)  # Dismiss closes, and keeps the text
    [asked] = engine.command(QA_LEAD, f"kb remove {key}")
    engine.action(QA_LEAD, asked.choices[0].action, asked.choices[0].value)
    assert LEAKED not in " ".join(stored_queries(services))


def test_a_stale_copy_of_the_question_in_the_file_goes_with_it(engine: Engine, services: Services) -> None:
    """The removal searches the files for the question's own words, so an old copy SQLite left in a page's unused
    space is found and the file rewritten without it."""
    engine.message(ASKER, LEAKED)
    services.storage.close()
    plant_stale_copy(services.storage.path, "kb_asks", LEAKED)
    [asked] = engine.command(QA_LEAD, "kb remove 1")
    engine.action(QA_LEAD, asked.choices[0].action, asked.choices[0].value)
    assert LEAKED not in " ".join(stored_queries(services))
    assert LEAKED.encode() not in file_bytes(services)


def test_only_qa_leads_and_admins_remove_and_a_wrong_number_is_told(engine: Engine, services: Services) -> None:
    engine.message(ASKER, LEAKED)
    [refused] = engine.command(ASKER, "kb remove 1")
    assert refused.kind == "error" and "QA leads and admins" in refused.text
    [refused] = engine.action(ASKER, "kb.unanswered.remove_confirm", "1")
    assert refused.kind == "error" and "Removing a question's text is for QA leads and admins" in refused.text
    [missing] = engine.command(QA_LEAD, "kb remove 99")
    assert missing.text == "There is no question #99; type `/audit kb unanswered` to see the list."
    [usage] = engine.command(QA_LEAD, "kb remove")
    assert "like `/audit kb remove 12`" in usage.text
    assert LEAKED in stored_queries(services)
