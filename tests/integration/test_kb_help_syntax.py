"""Trial 44 (F20): `help kb` gave one line naming the subcommands; the syntax of `kb new` and the fields `kb edit`
changes only appeared in an error after a wrong attempt. Each subcommand now has a line with how it is typed, made
from the table `/audit kb` lists and the tables the commands read, so it cannot drift from them."""

from __future__ import annotations

import pytest

from bot.asking.admin import SUBCOMMANDS, KnowledgeAdmin
from bot.asking.entry_edit import SAID
from bot.asking.unanswered_input import TYPED_AS
from bot.engine.routing import Engine
from tests.integration.test_unanswered_workflow import QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)


def help_text(engine: Engine, typed: str) -> str:
    replies = engine.message(QA_LEAD, typed) if not typed.startswith("/") else \
        engine.command(QA_LEAD, typed.removeprefix("/audit "))
    [reply] = replies
    assert reply.title == "Help: /audit kb"
    return reply.text


@pytest.mark.parametrize("typed", ["help kb", "/audit help kb"])
def test_help_kb_shows_each_subcommand_as_it_is_typed_one_line_each(engine: Engine, typed: str) -> None:
    lines = help_text(engine, typed).splitlines()

    assert "• `/audit kb new N <question> | <answer> | tags: … | source: … | owner: … | review: … | file: …` — " \
           "make question N a new entry" in lines
    assert "• `/audit kb edit <entry id> <field>: <text>` — fields: `answer:`, `question:`, `add alternative:`, " \
           "`remove alternative:`, `review by:`" in lines
    for shown in ("link N <entry id>", "answer N <text>", "learned", "unanswered", "reload", "find <words>"):
        assert any(line.startswith(f"• `/audit kb {shown}` — ") for line in lines), shown


def test_every_word_kb_reads_has_its_line_and_every_field_its_name(engine: Engine, services) -> None:
    text = help_text(engine, "help kb")
    typed = {usage.split()[0] for row in SUBCOMMANDS for usage in row.syntax.split(" / ")}

    assert set(KnowledgeAdmin(services, services.knowledge).words()) <= typed
    assert all(f"• `/audit kb {row.syntax}` — {row.short}" in text for row in SUBCOMMANDS)
    assert all(f"{said} …" in text for field, said in TYPED_AS.items() if field not in ("question", "answer"))
    assert all(f"`{field.replace('_', ' ')}:`" in text for field in SAID)
