"""Trial 54, F13: a `kb new N …` typed again while a new entry waits for its file (a restarted chat, say) replaces
the waiting one and goes on, asking the file again: it is never "I took that as a command … type it again"."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_desk_follow_ups50f import NEW
from tests.integration.test_kb_desk_wording_number50 import two_wordings
from tests.integration.test_unanswered_workflow import ASKER, QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text
from tests.support.moved_clock import CONTENT_DAY


def test_kb_new_typed_again_after_a_restart_asks_the_file_once_and_then_writes(engine: Engine,
                                                                                services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)
    engine.message(QA_LEAD, NEW.format(key=listed_as))

    with time_machine.travel(CONTENT_DAY + timedelta(hours=3), tick=False):  # back after lunch, a working day
        engine.session_start(QA_LEAD, opening=True)
        again = all_text(engine.message(QA_LEAD, NEW.format(key=listed_as)))
        written = all_text(engine.message(QA_LEAD, "good practice"))

    assert "I took that as a command" not in again and "again to make it" not in again
    assert again.count("Which file should the new entry") == 1
    assert "to `kb/good-practice.yaml` and reloaded" in written


def test_kb_new_for_another_number_drops_the_waiting_one_and_says_so(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)
    engine.message(QA_LEAD, NEW.format(key=listed_as))
    engine.message(ASKER, "who do i ask about parking at the office")
    other = max(row[0] for row in services.storage.db.execute("SELECT id FROM kb_asks").fetchall())

    said = all_text(engine.message(QA_LEAD, f"kb new {other} Where can staff park? | Ask the office manager for a "
                                            "permit; the staff car park is behind the building. | tags: office-drills"))

    assert f"The new entry for #{listed_as} that waited for its file was dropped, nothing written" in said
    assert "I took that as a command" not in said
    assert "Which file should the new entry" in said
