"""A case reference in a knowledge-base entry (trial 10, F18): `kb new 41 How often should I visit a child on a plan?
| For CR-882019 visit at least every 10 working days.` went live and was served to every user. An entry is read by
everyone, and a reference points every reader at one child's case, so `kb check`, `/audit kb reload`, the New entry
form (typed and in Slack) and the bot's start refuse it as they refuse a name: file, line, entry and field, and never
the reference in the log. With a review date it cannot read too, the QA lead is told both at once. The references
are invented."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.reference_pattern import check_reference_pattern
from bot.privacy.screen import Screen
from tests.integration.test_kb_new_entry_trial import kb_check_messages, typed_new, yaml_files
from tests.integration.test_kb_screen_everywhere import add_entry
from tests.integration.test_kb_start_screen import as_new_process
from tests.integration.test_unanswered_workflow import QA_LEAD, ask_fire_drill, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

ADVICE = ("looks like a case reference: write about cases in general ('a child on a plan'): everyone reads the "
          "knowledge base, and a case reference points them at one child's case. Take it out of the knowledge base: "
          "nothing that could identify a child or family belongs in it.")
ENTRY = """  - id: plan-visits
    question: How often should I visit a child on a plan?
    answer: For CR-882019 visit at least every 10 working days.
    tags: [visits]
    source: Practice guidance
    owner: U0QALEAD1
    review_by: 2027-03-31
"""


def test_kb_check_and_reload_refuse_a_case_reference_in_an_entry_with_file_line_and_field(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    """Only the reference: an Act, a judgment's citation and the bot's own example reference are no case."""
    line = add_entry(kb_dir, ENTRY.replace("10 working days.", "10 working days (Children Act 1989; Re B-S [2013] "
                                           "EWCA Civ 1146). In the bot, type the case reference, like `CR-123456`.")
                     .replace("Practice guidance", "'[2019] EWHC 2305 (Fam)'"))
    problem = f"entry 'plan-visits' answer: “C…” {ADVICE}"
    assert kb_check_messages(engine) == [problem]
    [reply] = engine.command(QA_LEAD, "kb reload")
    assert reply.kind == "error" and f"• `kb/good-practice.yaml:{line + 2}` — {problem}" in reply.text  # `answer:`
    assert "plan-visits" not in services.knowledge.current.kb.entries


@pytest.mark.parametrize(("written", "found"), [
    ("    question: What should I do for cr882019 at a visit?\n", "question: “c…”"),
    ("    alternatives: [visits for CR 882019]\n", "alternative: “C… 8…”"),
    ("    source: Case notes on `CR-882019`\n", "source: “C…”"),
    ("    tags: [visits, CR-882019]\n", "tags: “C…”"),
])
def test_a_case_reference_is_found_in_any_field_as_people_write_references(
        engine: Engine, kb_dir: Path, written: str, found: str) -> None:
    field = written.split(":", 1)[0]
    entry = "".join(written if line.startswith(field) else line for line in ENTRY.splitlines(keepends=True))
    if field == "    alternatives":
        entry = entry.replace("    tags:", written + "    tags:")
    add_entry(kb_dir, entry.replace("For CR-882019 visit", "Visit"))
    assert kb_check_messages(engine) == [f"entry 'plan-visits' {found} {ADVICE}"]


def test_a_typed_new_entry_tells_the_case_reference_and_a_bad_review_date_at_once(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    """The trial's own command, with a review date it cannot read: both problems in one reply, nothing written."""
    key = ask_fire_drill(engine)
    before = yaml_files(kb_dir)

    [refused] = typed_new(engine, key, "For CR-882019 visit at least every 10 working days. | tags: visits | "
                          "review: 31/13/2027", question="How often should I visit a child on a plan?")

    lines = refused.text.splitlines()
    assert lines[0] == "Nothing was written: fix these 2 problems and send it again."
    assert lines[1].startswith("• review: '31/13/2027' is not a date I can read")
    assert lines[2].startswith("• the answer: entry '")  # its id, made from the question
    assert lines[2].endswith(f"' answer: “C…” {ADVICE}")
    assert yaml_files(kb_dir) == before and statuses(services) == []


def test_the_new_entry_form_shows_the_case_reference_beside_its_field_with_the_other_problems(
        engine: Engine, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
    assert opened.form is not None
    submitted = json.dumps({"form": {"question": "When is the fire drill held?", "answer": "The 20th.",
                                     "source": "Fire log for CR 882019", "review_by": "next March",
                                     "file": "kb/timescales.yaml"}, "meta": opened.form.meta})

    errors = engine.check_form(QA_LEAD, opened.form.action, submitted)

    assert sorted(errors) == ["review_by", "source"]
    assert errors["source"].startswith("entry '")  # its id, made from the question
    assert errors["source"].endswith(f"' source: “C… 8…” {ADVICE}")
    [refused] = engine.action(QA_LEAD, opened.form.action, submitted)
    assert dict(refused.form_errors) == errors


def test_the_councils_own_pattern_says_what_a_case_reference_is(services: Services, kb_dir: Path,
                                                                 identifier_screen: Screen) -> None:
    """A council whose case system numbers cases SW123456: that is a reference in an entry; CR-882019 is not
    one of theirs."""
    pattern = check_reference_pattern(r"^SW[0-9]{6}$")
    council = build_services(dataclasses.replace(services.settings, case_reference_pattern=pattern),
                             screen=identifier_screen)
    try:
        add_entry(kb_dir, ENTRY + ENTRY.replace("plan-visits", "care-visits").replace("on a plan", "in care")
                  .replace("CR-882019", "sw882019"))
        assert kb_check_messages(build_engine(council)) == [f"entry 'care-visits' answer: “s…” {ADVICE}"]
    finally:
        council.storage.close()


def test_a_restart_does_not_serve_an_entry_with_a_case_reference_and_logs_where_without_it(
        services: Services, kb_dir: Path, identifier_screen: Screen, caplog: pytest.LogCaptureFixture) -> None:
    line = add_entry(kb_dir, ENTRY)
    as_new_process()
    with caplog.at_level(logging.ERROR, logger="audit_bot"):
        restarted = build_services(services.settings, screen=identifier_screen)
    try:
        assert "plan-visits" not in restarted.knowledge.current.kb.entries
        [logged] = [record.getMessage() for record in caplog.records]
        assert f"kb/good-practice.yaml:{line + 2} entry 'plan-visits' answer (a case reference)" in logged
        assert "882019" not in logged
    finally:
        restarted.storage.close()
