"""`can i export this for ofsted` (trial 40, MEDIUM 12) got "Not from Slack… ask whoever runs the bot": a leader now
gets what the export holds, the exact command whoever runs the bot types for them, and the in-chat summaries an
inspector asks for; a practitioner is told who may export (fix 41: it was the knowledge base's entry, which said
"QA leads everyone's" where the command line says managers, QA leads and admins)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.asking.export_asked import asked
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.text import flat

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def _said(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(NOW, tick=False):
        return flat("\n".join(reply.text for reply in engine.message(user, text, surface="terminal")))


@pytest.mark.parametrize("typed", ["can i export this for ofsted", "Can I download the audits to Excel?",
                                   "export audits for the inspection", "i need a spreadsheet of the audits for ofsted"])
def test_an_admin_gets_the_command_what_it_holds_and_the_summaries(engine: Engine, services: Services,
                                                                   typed: str) -> None:
    said = _said(engine, "U0ADMIN01", typed)
    assert "`audit-bot export --as U0ADMIN01 --format csv --since 2026-10-01 --output audits-2026-10-01.csv`" in said
    assert "every team's audits since the start of Q3 2026/27" in said
    assert "one row per answer" in said and "Every row carries the case reference" in said
    for summary in ("`digest this quarter`", "`areas this quarter`", "`reaudits outcomes`", "`themes this quarter`"):
        assert summary in said
    assert "Not from Slack" not in said
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0  # never a question


def test_a_manager_is_told_the_export_has_their_own_teams(engine: Engine) -> None:
    said = _said(engine, "U0MGRS001", "can i export this for ofsted")
    assert "your own teams' audits" in said and "--as U0MGRS001" in said


def test_a_practitioner_is_told_who_may_export(engine: Engine) -> None:
    said = _said(engine, "U0PRAS001", "can i export this for ofsted")
    assert "audit-bot export --as" not in said
    assert "the export is for managers (their own teams), QA leads and admins" in said


def test_only_a_file_of_audits_is_taken() -> None:
    assert not asked("what is an ILACS inspection?") and not asked("digest this quarter")
    assert asked("how do i get the audit data out as a csv")
    assert not asked("the school sent a spreadsheet about attendance, is that evidence?")
