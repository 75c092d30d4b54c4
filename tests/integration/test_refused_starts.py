"""Someone whose role or place in teams.yaml gives them nobody's case to audit by hand (a practitioner or manager
listed under `people:` only) is refused when they start an audit, and nothing is stored: such an audit used to be
kept as a draft at "Whose case is it?", with no worker to pick, then listed by `resume`, on Home and in reminders.
Another team's worker named at a new draft is tests/integration/test_who_starts_audits.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.settings.config import Settings, load_settings
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

NO_TEAM = ("You can audit the cases of your own team only, and you are in no team in the bot's teams list (an admin "
           "adds you). So no audit was started.")
PRACTITIONER, MANAGER = "U0PRAX001", "U0MGRX001"


@pytest.fixture
def settings(config_dir: Path, environ: dict[str, str]) -> Settings:
    teams = config_dir / "teams.yaml"
    teams.write_text(teams.read_text(encoding="utf-8").replace(
        "  - {user: U0QALEAD2,", f"  - {{user: {PRACTITIONER}, name: Practitioner (no team), role: practitioner}}\n"
        f"  - {{user: {MANAGER}, name: Manager (no team), role: manager}}\n  - {{user: U0QALEAD2,"), encoding="utf-8")
    return load_settings(environ)


def flat(text: str) -> str:
    return " ".join(text.replace("`", "").replace("*", "").split())


@pytest.mark.parametrize("user", [PRACTITIONER, MANAGER])
@pytest.mark.parametrize("lines", [["start audit"], ["start audit neglect", "CR-123456"],
                                   ["/audit start neglect", "CR-123456"], ["CR-123456", "1"]])
def test_someone_in_no_team_is_refused_at_the_start_and_nothing_is_stored(
        engine: Engine, services: Services, user: str, lines: list[str]) -> None:
    _, out = drive(engine, lines, user=user)  # ["CR-123456", "1"]: the Start an audit offered beside a reference
    assert NO_TEAM in flat(out) and "Whose case is it?" not in out and "What is the case reference?" not in out
    assert services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 0
    assert store.conversation(services.storage, user) == {}
    [no_drafts] = engine.message(user, "resume")
    assert no_drafts.text.startswith("You have no audits in progress.")
    assert not any("in progress" in section.text for section in home_sections(engine, services, user))


def test_a_start_waiting_for_its_case_reference_when_teams_yaml_changed_stores_nothing(
        engine: Engine, services: Services) -> None:
    store.set_conversation(services.storage, PRACTITIONER, {"feature": "audit", "awaiting": "case_reference",
                                                            "checklist": "neglect"}, services.clock())
    [refused] = engine.message(PRACTITIONER, "CR-123456")
    assert refused.kind == "error" and NO_TEAM in flat(refused.text)
    assert services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 0
