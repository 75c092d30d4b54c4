"""The knowledge base's `export-audits` entry said "Not from Slack: the bot has no export button or command in the
chat" after the chat began to answer leaders asking for an export with the command to hand on (trial 40). It says
what each role can have: practitioners no export (their audits in `/audit list`), managers their own teams' and QA
leads and admins every team's, now by `/audit export`, which sends the files to their DM (fix43b); and what the file
holds, in the one wording for who may export."""

from __future__ import annotations

from bot.core.export_terms import WHO_MAY
from bot.core.knowledge import KnowledgeService
from bot.engine.routing import Engine
from tests.support.text import flat

PRACTITIONER = "U0PRAN001"


def test_the_entry_says_what_each_role_can_have(shipped_knowledge: KnowledgeService) -> None:
    """The entry a QA lead keeps and `kb show export-audits` shows; in the chat a practitioner asking for an export
    is told who may export (fix41b), a leader is given the command."""
    entry = shipped_knowledge.current.kb.entries["export-audits"]
    said = flat(entry.answer)
    assert entry.question == "Can I export audits to a spreadsheet?"
    assert "Not from Slack" not in said and "no export button or command" not in said
    assert WHO_MAY in said
    assert "*Practitioners:* no export. `/audit list mine` lists the audits you may read" in said
    assert "*Managers, QA leads and admins:* type `/audit export`" in said
    assert "a manager gets their own teams' audits, QA leads and admins every team's" in said
    assert "`/audit export without case refs` gives a file to share beyond the service" in said
    assert "audit-bot export --as" not in said and "never in Slack" not in said


def test_a_practitioner_asking_in_the_entrys_words_is_told_who_may_export(engine: Engine) -> None:
    [reply] = engine.message(PRACTITIONER, "is there an export button in the bot", surface="terminal")
    assert reply.kind == "error" and "the export is for managers (their own teams), QA leads and admins" in reply.text
    assert "`/audit list` shows the audits you may read" in reply.text


def test_a_leader_asking_in_those_words_gets_the_export(engine: Engine) -> None:
    replies = engine.message("U0QALEAD1", "can i export the audits", surface="terminal")
    said = flat("\n".join(reply.text for reply in replies))
    assert "No audit was submitted since the start of" in said  # nothing yet: no empty file sent
    assert "audit-bot export --as" not in said and all(reply.file is None for reply in replies)
