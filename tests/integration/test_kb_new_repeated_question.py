"""`kb new` (typed, and the New entry form) for a question another entry already asks: the QA lead is told which
entry (its id and question) and the command that does what they meant, `kb link N <id>`, or `kb edit <id>` when
the askers already had that entry and said it did not help; never only a file and line. Nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_new_entry_trial import yaml_files
from tests.integration.test_unanswered_workflow import ASKER, QA_LEAD, ask_fire_drill, only_group, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import button_values

ICPC = "When must an initial child protection conference be held?"


def icpc_line(services: Services) -> str:
    entry = services.knowledge.current.kb.entries["icpc-timescale"]
    return f"{entry.file}:{entry.line}"


def test_a_typed_new_entry_repeating_a_question_names_the_entry_and_the_link_command(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    before = yaml_files(kb_dir)

    [refused] = engine.command(QA_LEAD, f"kb new {key} when must an initial child protection conference be held "
                                        "| Within 15 working days.")

    assert refused.kind == "error"
    assert refused.text == (
        "Nothing was written: fix this and send it again.\n"
        f"• the question: Entry `icpc-timescale`, _{ICPC}_, already asks this ({icpc_line(services)}). To send the "
        f"askers that entry, type `/audit kb link {key} icpc-timescale`; to improve it, "
        "`/audit kb edit icpc-timescale`; or word the new question differently.")
    assert yaml_files(kb_dir) == before and statuses(services) == []


def test_other_problems_are_still_told_with_the_repeat(engine: Engine, services: Services, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)

    [refused] = engine.command(QA_LEAD, f"kb new {key} {ICPC} | Within 15 working days. | owner: bob")

    heading, owner, repeat = refused.text.splitlines()  # the owner read first, as a person (trial 46, F8)
    assert heading == "Nothing was written: fix these 2 problems and send it again."
    assert repeat.startswith("• the question: Entry `icpc-timescale`") and "repeats" not in refused.text
    assert owner.startswith("• owner: “bob” names nobody in the bot's teams list.")


def test_the_form_tells_it_beside_the_question(engine: Engine, services: Services, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
    assert opened.form is not None
    submitted = json.dumps({"form": {"question": ICPC, "answer": "Within 15 working days.", "owner": "",
                                     "review_by": "", "tags": "", "file": "kb/auditing-here.yaml"},
                            "meta": opened.form.meta})

    errors = engine.check_form(QA_LEAD, opened.form.action, submitted)

    assert errors == {"question": f"Entry `icpc-timescale`, _{ICPC}_, already asks this ({icpc_line(services)}). "
                                  f"To send the askers that entry, type `/audit kb link {key} icpc-timescale`; to "
                                  "improve it, `/audit kb edit icpc-timescale`; or word the new question differently."}
    [refused] = engine.action(QA_LEAD, opened.form.action, submitted)
    assert dict(refused.form_errors) == errors


def test_an_entry_the_askers_found_unhelpful_is_to_be_edited_not_linked(engine: Engine, services: Services,
                                                                        kb_dir: Path) -> None:
    """Linking would send them the entry they said did not help: `kb edit` is suggested instead."""
    answered = engine.message(ASKER, ICPC)
    assert answered[0].title == ICPC
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    key = only_group(engine)

    [refused] = engine.command(QA_LEAD, f"kb new {key} {ICPC} | Within 15 working days.")

    assert refused.text.endswith(f"already asks this ({icpc_line(services)}). To change that entry instead, type "
                                 "`/audit kb edit icpc-timescale`; or word the new question differently.")
    assert "kb link" not in refused.text
