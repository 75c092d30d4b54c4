"""`can i export this for ofsted` (trial 40, MEDIUM 12) got "Not from Slack… ask whoever runs the bot"; fix 41 gave
leaders the `audit-bot export` command to hand on. Now (fix43b) the words do what `/audit export` does: a manager, QA
lead or admin gets the audits and the summary sheet as files (their role applies), then the in-chat summaries an
inspector asks for; a practitioner is told who may export, in the words `/audit export` and the command line use."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.asking.export_asked import asked
from bot.core.export_terms import REFUSED, WHO_MAY
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def audited(engine: Engine, services: Services) -> None:
    """One North audit, submitted this quarter."""
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False):
        submitted_audit(engine, services, "U0MGRN001")


def _replies(engine: Engine, user: str, text: str) -> list[Reply]:
    with time_machine.travel(NOW, tick=False):
        return engine.message(user, text, surface="terminal")


@pytest.mark.parametrize("typed", ["can i export this for ofsted", "Can I download the audits to Excel?",
                                   "export audits for the inspection", "i need a spreadsheet of the audits for ofsted"])
def test_an_admin_gets_the_files_and_the_summaries(engine: Engine, services: Services, audited: None,
                                                  typed: str) -> None:
    replies = _replies(engine, "U0ADMIN01", typed)
    files = {reply.file_name: reply.file for reply in replies if reply.file is not None}
    assert set(files) == {"audits-all-teams-since-2026-10-01-20261206-1000.csv",
                          "audits-all-teams-since-2026-10-01-20261206-1000-summary.csv"}
    said = flat("\n".join(reply.text for reply in replies))
    assert "every team's audits submitted since the start of Q3 2026/27" in said and "one per answer" in said
    for summary in ("`digest this quarter`", "`areas this quarter`", "`reaudits outcomes`", "`themes this quarter`"):
        assert summary in said
    assert "audit-bot export --as" not in said and "Not from Slack" not in said
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0  # never a question


def test_a_manager_gets_their_own_teams(engine: Engine, audited: None) -> None:
    said = flat("\n".join(reply.text for reply in _replies(engine, "U0MGRN001", "can i export this for ofsted")))
    assert "your own teams' audits submitted since" in said
    south = flat("\n".join(reply.text for reply in _replies(engine, "U0MGRS001", "can i export this for ofsted")))
    assert "No audit of your teams was submitted since the start of Q3 2026/27" in south


def test_a_practitioner_is_told_who_may_export(engine: Engine, audited: None) -> None:
    [reply] = _replies(engine, "U0PRAS001", "can i export this for ofsted")
    assert reply.kind == "error" and reply.text == REFUSED and WHO_MAY in reply.text and reply.file is None


def test_only_a_file_of_audits_is_taken() -> None:
    assert not asked("what is an ILACS inspection?") and not asked("digest this quarter")
    assert asked("how do i get the audit data out as a csv")
    assert not asked("the school sent a spreadsheet about attendance, is that evidence?")
