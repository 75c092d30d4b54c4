"""Someone removed from teams.yaml who still owns open actions or a draft (trial 58, F1, F6, F7): `audit-bot health`
and the start warn what is left with them, the team's lists still show their actions, and they are named as they
were, marked (left), never by a raw Slack ID."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.settings.config import load_settings
from tests.support.action_rows import open_action
from tests.support.audit_rows import insert_audit
from tests.support.cli import run_cli
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 8, 10, 0, tzinfo=LONDON)  # a working morning
S1 = "U0PRAS001"


@pytest.fixture
def left(environ: dict[str, str], config_dir: Path) -> Iterator[tuple[dict[str, str], int]]:
    """S1 was in the South team (the bot started and saw them) with two open actions on South's audits, one overdue,
    and a draft; then removed from teams.yaml. Yields the environment and the draft's number."""
    with time_machine.travel(TUESDAY, tick=False):
        services = build_services(load_settings(environ))
        open_action(services.storage, date(2026, 12, 1), owner=S1, auditor="U0MGRS001", team="south-cin-cp",
                    text="Book a supervision discussion on the drift")
        open_action(services.storage, date(2026, 12, 20), owner=S1, auditor="U0MGRS001", team="south-cin-cp",
                    case_ref="CR-100300")
        draft = insert_audit(services.storage, "CR-100400", TUESDAY, status="draft", auditor=S1,
                             worker="U0PRAS002", team="south-cin-cp")
        services.storage.close()
        teams = config_dir / "teams.yaml"
        teams.write_text("\n".join(line for line in teams.read_text().splitlines() if S1 not in line) + "\n")
        yield environ, draft


def started(environ: dict[str, str]) -> Services:
    return build_services(load_settings(environ))


def test_health_warns_of_a_leavers_open_actions_and_draft(left: tuple[dict[str, str], int]) -> None:
    environ, draft = left
    result = run_cli(environ, "health")
    out = flat(result.out)
    assert ("2 open actions (1 overdue) are owned by Social worker S1 (U0PRAS001), who is no longer in teams.yaml: "
            "hand them over with `hand over S1's actions to <name>`") in out
    assert (f"Draft #{draft} (CR-100400) belongs to Social worker S1 (U0PRAS001), who is no longer in teams.yaml, "
            f"so nobody can finish it: an admin or QA lead can cancel it with `cancel {draft}`") in out
    assert "healthy" in out


def test_the_team_manager_still_sees_a_leavers_actions_named_as_left(left: tuple[dict[str, str], int]) -> None:
    environ, _ = left
    services = started(environ)
    try:
        engine = build_engine(services)
        replies = engine.command("U0MGRS001", "actions team overdue", surface="terminal")
        said = flat("\n".join(reply.text for reply in replies)).replace("**", "")
        assert "Social worker S1 (left): Book a supervision discussion on the drift" in said
        assert "Nobody in your teams" not in said and S1 not in said
        admin = flat("\n".join(r.text for r in engine.command("U0ADMIN01", "actions team", surface="terminal")))
        assert admin.count("Social worker S1 (left)") == 2
    finally:
        services.storage.close()


def test_the_teams_manager_and_admins_home_name_a_leavers_draft(left: tuple[dict[str, str], int]) -> None:
    environ, draft = left
    services = started(environ)
    try:
        engine = build_engine(services)
        for user in ("U0MGRS001", "U0ADMIN01"):
            home = flat("\n".join(f"{r.title or ''} {r.text}" for r in engine.command(user, "home"))).replace("**", "")
            assert f"Draft #{draft} (CR-100400) belongs to Social worker S1 (U0PRAS001), who is no longer in" in home
        other = flat("\n".join(r.text for r in engine.command("U0MGRN001", "home")))
        assert f"Draft #{draft}" not in other  # North's manager: not their team's case
    finally:
        services.storage.close()


def test_the_teams_manager_is_reminded_of_a_leavers_overdue_action(left: tuple[dict[str, str], int]) -> None:
    environ, _ = left
    services = started(environ)
    try:
        said = flat("\n".join(r.text for r in build_engine(services).command("U0MGRS001", "reminders")))
        assert "Book a supervision discussion on the drift" in said
    finally:
        services.storage.close()
