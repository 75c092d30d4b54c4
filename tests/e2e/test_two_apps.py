"""Two bots in one process keep to their own data: nothing is cached or registered at module level.

Each app is built from its own config, database and knowledge folder; their Home tabs must show their own
figures, and building and using the second must not change what the first shows.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine

from bot.composition import build_services
from bot.core.services import Services
from bot.settings.config import PROJECT_DIR, load_settings
from tests.conftest import RunningBot
from tests.support.audit_rows import insert_audit
from tests.support.slack_standin import SlackStandIn

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 12, tzinfo=LONDON)
LEAD, MANAGER = "U0QALEAD1", "U0MGRN001"


EXTRA_ENTRY = """entries:
  - id: second-council-audit-diary
    question: Where does this council keep its audit diary?
    answer: In the practice shared drive, under Audits.
    tags: [auditing]
    source: Local procedure
    owner: U0QALEAD2
    review_by: 2030-09-30
"""


def _own_bot_folders(root: Path, extra_entry: bool = False) -> Services:
    """A config, database and knowledge folder of its own, as a second council's bot would have."""
    config = root / "config"
    shutil.copytree(PROJECT_DIR / "config", config)
    kb = root / "knowledge"
    shutil.copytree(PROJECT_DIR / "knowledge", kb, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    if extra_entry:
        (kb / "kb" / "local.yaml").write_text(EXTRA_ENTRY, encoding="utf-8")
    settings_file = config / "settings.yaml"
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(re.sub(r"(?m)^knowledge_dir:.*$", f"knowledge_dir: '{kb}'", text), encoding="utf-8")
    return build_services(load_settings({"AUDITBOT_CONFIG": str(config), "AUDITBOT_DB": str(root / "audit.db")}))


def _home(bot: RunningBot, standin: SlackStandIn, user: str) -> str:
    """The text of the Home tab Slack was asked to publish when `user` opened it."""
    before = len(standin.calls_to("views.publish"))
    bot.slack.app_home_opened(user)
    publish = standin.wait_for("views.publish", count=before + 1)[-1]
    assert publish.params["user_id"] == user
    return str(publish.params["view"]["blocks"])


def _entries_live(home: str) -> int:
    found = re.search(r"(\d+) entries live", home)
    assert found, home[:500]
    return int(found[1])


def test_two_apps_in_one_process_show_each_its_own_home_tab(tmp_path: Path, standin: SlackStandIn) -> None:
    with time_machine.travel(NOW, tick=False):
        first_services = _own_bot_folders(tmp_path / "first")
        first = RunningBot(first_services, standin, process_before_response=True)
        try:
            lead_before, manager_before = _home(first, standin, LEAD), _home(first, standin, MANAGER)

            second_services = _own_bot_folders(tmp_path / "second", extra_entry=True)
            insert_audit(second_services.storage, "CR-200002", NOW - timedelta(days=1), status="draft")
            second = RunningBot(second_services, standin, process_before_response=True)
            try:
                lead_second, manager_second = _home(second, standin, LEAD), _home(second, standin, MANAGER)
            finally:
                second.stop()
                second_services.storage.close()

            assert _entries_live(lead_second) == _entries_live(lead_before) + 1
            assert "Resume audit" in manager_second and "Resume audit" not in manager_before
            assert _home(first, standin, LEAD) == lead_before
            assert _home(first, standin, MANAGER) == manager_before
        finally:
            first.stop()
            first_services.storage.close()
