"""Trial 62 (F8): after Social worker S1 left teams.yaml, South's manager saw nothing on Home of S1's open actions,
both plain wordings of "hand them all over" went to the knowledge base, and handing them over was one `action N
owner …` at a time, each DMing the leaver. Now Home says so, and one command hands them all over after one Yes.
Through the chat engine, the bot started on a teams.yaml without S1, on a pinned clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import load_settings
from bot.storage import actions as action_store
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)  # a working morning
S1, SOUTH_TM, NORTH_TM, ADMIN, QA_LEAD = "U0PRAS001", "U0MGRS001", "U0MGRN001", "U0ADMIN01", "U0QALEAD1"


@pytest.fixture
def left(environ: dict[str, str], config_dir: Path) -> Iterator[tuple[Services, Engine, list[int]]]:
    """S1 (South) owned three open actions on South's cases, one overdue, one on an audit a QA lead did, and one on
    a North case (a campaign audit); then left teams.yaml. Yields the restarted bot and the actions' numbers
    (South's three, then North's)."""
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        made = [open_action(services.storage, due, owner=S1, auditor=auditor, team=team, case_ref=case)[1]
                for due, auditor, team, case in (
                    (date(2026, 12, 1), SOUTH_TM, "south-cin-cp", "CR-100300"),
                    (date(2026, 12, 20), SOUTH_TM, "south-cin-cp", "CR-100301"),
                    (date(2026, 12, 22), QA_LEAD, "south-cin-cp", "CR-100302"),
                    (date(2026, 12, 23), NORTH_TM, "north-assessment", "CR-100303"))]
        services.storage.close()
        teams = config_dir / "teams.yaml"
        teams.write_text("\n".join(line for line in teams.read_text().splitlines() if S1 not in line) + "\n")
        services = build_services(load_settings(environ))
        try:
            yield services, build_engine(services), made
        finally:
            services.storage.close()


def said(replies: list[Reply]) -> str:
    return flat("\n".join(f"{r.title or ''} {r.text}" for r in replies)).replace("**", "")


def owners(services: Services, numbers: list[int]) -> list[str]:
    return [action.owner_id for n in numbers if (action := action_store.get_action(services.storage, n))]


def test_the_teams_manager_and_admins_home_say_a_leavers_actions_wait_to_be_handed_over(left) -> None:
    _, engine, _ = left
    with time_machine.travel(MONDAY, tick=False):
        south, admin = said(engine.command(SOUTH_TM, "home")), said(engine.command(ADMIN, "home"))
        north, qa_lead = said(engine.command(NORTH_TM, "home")), said(engine.command(QA_LEAD, "home"))
    assert ("Social worker S1 has left: 3 open actions to hand over (1 overdue): `hand over S1's actions to "
            "<name>`") in south
    assert "Social worker S1 has left: 4 open actions to hand over (1 overdue)" in admin  # every team's
    assert "Social worker S1 has left: 1 open action to hand over: `hand over S1's actions to <name>`" in north
    assert "Social worker S1 has left" not in qa_lead  # QA leads hand nothing over


def test_a_manager_hands_all_of_a_leavers_actions_to_herself_with_one_yes(left) -> None:
    services, engine, made = left
    with time_machine.travel(MONDAY, tick=False):
        [asked] = engine.message(SOUTH_TM, "hand over all of S1's actions to me", surface="terminal")
        assert owners(services, made) == [S1] * 4  # nothing changes before the Yes
        replies = engine.message(SOUTH_TM, "yes", surface="terminal")
    assert said([asked]).startswith(
        "Hand 3 of Social worker S1's open actions (1 overdue, on 3 cases) to Team manager (South) (you)? Each keeps "
        "its number and due date, and the change is kept in its audit's history. Social worker S1 has left, so "
        f"isn't told. Action {made[3]} stays too: it is on an audit only its auditor")
    assert said(replies[:1]).startswith("Done: 3 actions that were Social worker S1's are now Team manager (South)'s")
    assert not [r for r in replies if r.to_user]  # the leaver is told nothing, nor is the one who asked
    assert owners(services, made) == [SOUTH_TM] * 3 + [S1]  # the North case's action is North's to hand over
    handed = services.storage.db.execute("SELECT json_extract(detail, '$.action') FROM trail WHERE action IN "
                                         "('action.edit', 'action.handed_over') AND actor = ?", [SOUTH_TM])
    assert sorted({row[0] for row in handed}) == sorted(made[:3])  # each in the trail
    with time_machine.travel(MONDAY, tick=False):
        assert "Social worker S1 has left" not in said(engine.command(SOUTH_TM, "home"))


def test_an_admin_hands_them_to_a_colleague_who_gets_one_message_listing_them(left) -> None:
    services, engine, made = left
    with time_machine.travel(MONDAY, tick=False):
        [asked] = engine.message(ADMIN, "reassign all the open actions of social worker s1 to tm south",
                                 surface="terminal")
        replies = engine.action(ADMIN, "handover_all.yes", f"{S1}:{SOUTH_TM}", surface="terminal")
    assert f"Actions {made[3]} stay with Social worker S1 (left)" not in said([asked])
    assert (f"Action {made[3]} stays with Social worker S1 (left): Team manager (South) is not one of that case's "
            "people") in said([asked])
    [dm] = [r for r in replies if r.to_user]
    assert dm.to_user == SOUTH_TM and dm.text.startswith("Head of service gave you 3 actions that were Social "
                                                          "worker S1's:")
    assert f"• Action {made[0]} (audit #1, CR-100300): _Update the chronology_, due 1 Dec 2026 (overdue)" in dm.text
    assert owners(services, made) == [SOUTH_TM] * 3 + [S1]


@pytest.mark.parametrize("line", ["social worker S1 has left, how do i hand over all her actions to the new worker",
                                  "hand over S1's actions"])
def test_asked_how_in_plain_words_the_command_is_named_with_the_worker(left, line: str) -> None:
    services, engine, made = left
    with time_machine.travel(MONDAY, tick=False):
        [reply] = engine.message(SOUTH_TM, line, surface="terminal")
    assert reply.text.startswith("Social worker S1 (left) has 4 open actions. To hand them all to one person, type "
                                 "`hand over S1's actions to <name>`")
    assert "Did you mean" not in reply.text and owners(services, made) == [S1] * 4
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0


def test_another_teams_manager_cannot_hand_over_south_cases_actions(left) -> None:
    _, engine, made = left
    with time_machine.travel(MONDAY, tick=False):
        [asked] = engine.command(NORTH_TM, "hand over S1's actions to me")
    assert said([asked]).startswith("Hand Social worker S1's open action " f"{made[3]} (on 1 case) to Team manager "
                                    "(North) (you)?")  # only the North case's, which North's manager follows up
    assert f"Actions {made[0]}, {made[1]} and {made[2]} stay too" in said([asked])


def test_one_action_handed_over_no_longer_dms_the_leaver(left) -> None:
    services, engine, made = left
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(SOUTH_TM, f"action {made[2]} owner tm", surface="terminal")
    assert "Social worker S1 has left, so isn't told" in replies[0].text
    assert not [r for r in replies if r.to_user == S1]
    assert owners(services, made[2:3]) == [SOUTH_TM]  # an audit a QA lead did: the team's manager may now


def test_the_picture_of_a_leaver_says_they_have_left_and_how_to_hand_their_actions_over(left) -> None:
    """fix77c: `worker S1` for a leaver said "Nobody in teams.yaml has that name"."""
    _, engine, _ = left
    with time_machine.travel(MONDAY, tick=False):
        typed = said(engine.message(SOUTH_TM, "worker S1", surface="terminal"))
        slash = said(engine.command(ADMIN, "worker Social worker S1"))
    assert "Nobody in teams.yaml" not in typed
    assert ("Social worker S1 has left (they are no longer in teams.yaml), so there is no picture of them. They own "
            "3 open actions on your teams' cases (1 overdue): `hand over S1's actions to <name>` hands them to one "
            "person (asked first). The audits of their cases stay in `list`.") in typed
    assert "Social worker S1 has left" in slash and "They own 4 open actions (1 overdue)" in slash
    assert "their team manager or an admin hands them" in said(engine.command(QA_LEAD, "worker s1"))
