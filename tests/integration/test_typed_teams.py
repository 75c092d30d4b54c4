"""A team typed as part of its id or name (`north` for north-assessment) in every command that takes a team: the
reply says which team it read, words that fit several teams list them, unknown words list the team ids."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.periods import PERIODS_SAID
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_wording import submitted_audit

NORTH_MANAGER, SOUTH_MANAGER, QA, ADMIN = "U0MGRN001", "U0MGRS001", "U0QALEAD1", "U0ADMIN01"
TEAM_IDS = ("Teams: `north-assessment` (North Assessment Team), `south-cin-cp` (South Child in Need and Protection), "
            "`children-in-care` (Children in Care Team).")
NOW = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)


def said(replies: list) -> str:
    return "\n".join(reply.text for reply in replies)


@pytest.mark.parametrize(("user", "command"), [
    (NORTH_MANAGER, "list team north"), (QA, "list team north assessment"), (NORTH_MANAGER, "reaudits team north"),
    (NORTH_MANAGER, "digest north"), (QA, "digest North"), (NORTH_MANAGER, "actions team north"),
    (ADMIN, "actions north"),
])
def test_part_of_a_team_s_id_or_name_reads_as_that_team_and_the_reply_says_so(engine: Engine, user: str,
                                                                               command: str) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.command(user, command, surface="terminal")
    assert replies[0].kind != "error", replies[0].text
    assert replies[0].text.startswith("North Assessment Team (`north-assessment`):")


def test_the_team_s_own_id_needs_no_saying(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.command(NORTH_MANAGER, "list team north-assessment", surface="terminal")
    assert not reply.text.startswith("Team ")
    assert "Audits of North Assessment Team" in reply.text


def test_a_listing_read_from_part_of_a_team_is_that_team_s(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit_id = submitted_audit(engine, services)
        action_store.add_action(services.storage, audit_id, "Book a core group", "U0PRAN002", "2026-12-20",
                                NORTH_MANAGER, NOW)
        listed = said(engine.command(QA, "list team north", surface="terminal"))
        actions = said(engine.command(NORTH_MANAGER, "actions team north", surface="terminal"))
        south = said(engine.command(QA, "list team south", surface="terminal"))
    assert f"#{audit_id} " in listed
    assert "Book a core group" in actions and actions.startswith("North Assessment Team (`north-assessment`): ")
    assert f"#{audit_id} " not in south and south.startswith("South Child in Need and Protection (`south-cin-cp`): ")


@pytest.mark.parametrize("command", ["list team in", "reaudits team in", "digest in", "actions team in"])
def test_words_that_fit_several_teams_list_them(engine: Engine, command: str) -> None:
    [reply] = engine.command(ADMIN, command, surface="terminal")
    assert reply.kind == "error"
    assert reply.text == ("`in` could be more than one team: `south-cin-cp` (South Child in Need and Protection), "
                          "`children-in-care` (Children in Care Team). Type the team id.")


@pytest.mark.parametrize("command", ["list team west", "reaudits team west", "digest west", "actions team west",
                                     "digest team west"])  # trial 49 F11: was "There is no team `team west`"
def test_an_unknown_team_lists_the_team_ids(engine: Engine, command: str) -> None:
    [reply] = engine.command(ADMIN, command, surface="terminal")
    assert reply.kind == "error"
    periods = f" {PERIODS_SAID}" if command.startswith("digest") else ""  # it takes a period there too
    assert reply.text == f"There is no team `west`. {TEAM_IDS}{periods}"


@pytest.mark.parametrize(("command", "refusal"), [
    ("digest north", "You can see the digest of your own teams only: `south-cin-cp`."),
    ("list team north", "You can list the audits of your own teams only: `south-cin-cp`."),
    ("actions team north", "You can see the open actions of your own teams only: `south-cin-cp`."),
])
def test_a_team_read_from_part_of_its_name_is_still_refused_to_other_teams_managers(engine: Engine, command: str,
                                                                                     refusal: str) -> None:
    [reply] = engine.command(SOUTH_MANAGER, command, surface="terminal")
    assert reply.kind == "error" and reply.text == refusal


def test_a_campaign_s_teams_can_be_typed_as_part_of_their_names(engine: Engine) -> None:
    base = ('campaign create name="Neglect December" theme=neglect checklist=neglect start=2026-12-01 '
            "deadline=2026-12-11 per-worker=1 auditors=managers moderate=50 ")
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=UTC), tick=False):
        [ambiguous] = engine.command(QA, base + "teams=north,in", surface="terminal")
        [unknown] = engine.command(QA, base + "teams=north,west", surface="terminal")
        created = engine.command(QA, base + "teams=north,south", surface="terminal")
    assert ambiguous.kind == "error" and "`in` could be more than one team" in ambiguous.text
    assert unknown.kind == "error" and f"There is no team `west`. {TEAM_IDS}" in unknown.text
    assert created[0].kind != "error", created[0].text
    assert "is created for North Assessment Team, South Child in Need and Protection:" in created[0].text
