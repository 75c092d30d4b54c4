"""One screen for knowledge-base text wherever it is checked (eighth user trial): a child's full name in an entry's
answer was passed by `kb check` and taken live by `/audit kb reload`, while the chat's `kb new` form refused the same
name. Now `/audit kb reload`, `/audit kb check` and the form refuse it in the same words, the first two with the
file and line. The names are invented; 'Kayden' is in no names file, so the installed lists must find it."""

from __future__ import annotations

import json
from pathlib import Path

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_new_entry_trial import kb_check_messages, typed_new, yaml_files
from tests.integration.test_unanswered_workflow import QA_LEAD, ask_fire_drill
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

ANSWER = "A family tree drawn for the child, e.g. for Kayden Smith, who lives with nan."
NAME_PROBLEM = ("entry 'family-tree-tool' answer: “K… S…” looks like a child's or family member's name: refer "
                "to them by role ('the child', 'mother') or by case reference; for a colleague or another "
                "professional, write their role ('the social worker', 'the team manager', 'the GP'). Take it out of "
                "the knowledge base: nothing that could identify a child or family belongs in it.")
ENTRY = f"""  - id: family-tree-tool
    question: What is a family tree in direct work?
    answer: {ANSWER}
    tags: [direct work]
    source: Practice guidance
    owner: U0QALEAD1
    review_by: 2027-09-30
"""


def add_entry(kb_dir: Path, entry: str = ENTRY) -> int:
    """Append the entry to a file of entries; returns the line it starts on."""
    path = kb_dir / "kb" / "good-practice.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + entry, encoding="utf-8")
    return text.count("\n") + 1


def test_reload_refuses_a_childs_full_name_with_file_and_line_and_keeps_the_live_version(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    line = add_entry(kb_dir)
    [reply] = engine.command(QA_LEAD, "kb reload")
    assert reply.kind == "error"
    assert f"• `kb/good-practice.yaml:{line + 2}` — {NAME_PROBLEM}" in reply.text  # its `answer:` line
    assert "The previous version is still live" in reply.text
    assert "family-tree-tool" not in services.knowledge.current.kb.entries
    [trail] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'kb.reload'")
    assert json.loads(trail["detail"])["ok"] is False


def test_once_the_name_is_taken_out_the_reload_takes_the_entry_live(engine: Engine, services: Services,
                                                                    kb_dir: Path) -> None:
    add_entry(kb_dir, ENTRY.replace("e.g. for Kayden Smith, who lives with nan", "showing who the child lives with"))
    [reply] = engine.command(QA_LEAD, "kb reload")
    assert reply.kind != "error" and "Added: `family-tree-tool`" in reply.text
    assert "family-tree-tool" in services.knowledge.current.kb.entries


def test_reload_reports_the_name_beside_the_folders_other_problems(engine: Engine, kb_dir: Path) -> None:
    """Every problem in one reply, as `kb check` gives them: a field mistake in one entry, a name in another."""
    add_entry(kb_dir, ENTRY + ENTRY.replace("family-tree-tool", "broken-entry").replace("answer:", "answr:")
              .replace("What is a family tree", "What is a broken tree"))
    [reply] = engine.command(QA_LEAD, "kb reload")
    assert NAME_PROBLEM in reply.text and "unknown field `answr`" in reply.text


def test_kb_check_in_the_chat_and_the_new_entry_form_refuse_the_same_name_in_the_same_words(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    before = yaml_files(kb_dir)
    [refused] = typed_new(engine, key, f"{ANSWER} | file: kb/timescales.yaml")
    assert refused.kind == "error"
    told = refused.text.split("• the answer: ", 1)[1]
    assert "“K… S…” looks like a child's or family member's name" in told
    assert yaml_files(kb_dir) == before
    add_entry(kb_dir)
    assert kb_check_messages(engine) == [NAME_PROBLEM]
    assert told == NAME_PROBLEM.replace("family-tree-tool", "fire-drill-held")


def test_reload_refuses_a_childs_given_name_alone_where_it_stands_for_the_child(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    """P9: 'e.g. for Kayden, who lives with nan' passed, as content took names of two or more words only."""
    line = add_entry(kb_dir, ENTRY.replace("Kayden Smith", "Kayden"))
    [reply] = engine.command(QA_LEAD, "kb reload")
    assert reply.kind == "error"
    assert f"• `kb/good-practice.yaml:{line + 2}` — {NAME_PROBLEM.replace('“K… S…”', '“K…”')}" in reply.text
    assert "family-tree-tool" not in services.knowledge.current.kb.entries
