"""`/audit campaign deadline 3 <date>` and `/audit campaign teams 3 <teams>` (trial 35, M4): a campaign's deadline or
teams changed in place, the managers it affects told once; before, the only way was to close it (a 0% report to the
QA leads, "need no audit" to every manager) and create it again."""

from __future__ import annotations

from datetime import date

import pytest

from bot.campaigns.feature import CREATE_EXAMPLE
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaign_rename import campaign, clock
from tests.support.kb_helpers import all_text

QA, NORTH, SOUTH, CIC = "U0QALEAD1", "U0MGRN001", "U0MGRS001", "U0MGRC001"
# the same campaign, on the same pinned clock, as the rename's tests: CREATE_EXAMPLE on Wednesday 2 December 2026
__all__ = ["campaign", "clock"]


def test_the_deadline_moves_and_its_managers_are_told_once(engine: Engine, services: Services, campaign: int) -> None:
    before = store.allocations(services.storage, campaign)
    replies = engine.command(QA, f"campaign deadline {campaign} 12/2/2027")
    assert "its deadline moved from Friday 4 December 2026 to **Friday 12 February 2027**" in replies[0].text
    told = [r.to_user for r in replies if r.to_user]
    assert sorted(told) == sorted({NORTH, SOUTH}) and len(told) == len(set(told))
    assert store.get_campaign(services.storage, campaign).deadline == date(2027, 2, 12)
    assert store.allocations(services.storage, campaign) == before


@pytest.mark.parametrize(("typed", "said"), [
    ("1/12/2026", "The deadline 1 Dec 2026 has passed (today is 2 Dec 2026)"),
    ("31/1/2027", "is a Sunday, so nothing is changed yet: type `campaign deadline {id} 29/1`"),
    ("", "Give the new deadline"),
    ("someday", "Nothing was changed."),
])
def test_a_deadline_that_cannot_be_is_refused_and_nothing_changes(engine: Engine, services: Services, campaign: int,
                                                                  typed: str, said: str) -> None:
    before = store.get_campaign(services.storage, campaign)
    replies = engine.command(QA, f"campaign deadline {campaign} {typed}".strip())
    assert replies[-1].kind == "error" and said.format(id=campaign) in all_text(replies)
    assert not [r for r in replies if r.to_user]
    assert store.get_campaign(services.storage, campaign) == before


def test_a_weekend_deadline_is_kept_with_anyway(engine: Engine, services: Services, campaign: int) -> None:
    engine.command(QA, f"campaign deadline {campaign} 31/1 anyway")
    assert store.get_campaign(services.storage, campaign).deadline == date(2027, 1, 31)


def test_a_deadline_before_the_start_is_refused(engine: Engine, services: Services) -> None:
    engine.command(QA, CREATE_EXAMPLE.removeprefix("/audit ").replace("start=today", "start=14/12/2026")
                   .replace("next Friday", "18/12/2026"))
    [made] = store.list_campaigns(services.storage)
    replies = engine.command(QA, f"campaign deadline {made.id} 10/12/2026")
    assert "starts on 14 Dec 2026, after 10 Dec 2026: the deadline must be on or after the start" in all_text(replies)
    assert store.get_campaign(services.storage, made.id).deadline == date(2026, 12, 18)


def test_new_teams_tell_the_removed_managers_they_need_not_and_the_added_what_to_do(
        engine: Engine, services: Services, campaign: int) -> None:
    kept = [a for a in store.allocations(services.storage, campaign) if a.team_id == "north-assessment"]
    replies = engine.command(QA, f"campaign teams {campaign} north,cic")
    assert "now covers North Assessment Team, Children in Care Team" in replies[0].text
    by_user = {r.to_user: r for r in replies if r.to_user}
    assert set(by_user) == {SOUTH, CIC}
    assert "taken off and need no audit" in by_user[SOUTH].text
    assert "you have new cases to audit" in by_user[CIC].text and by_user[CIC].choices
    after = store.allocations(services.storage, campaign)
    assert {a.team_id for a in after} == {"north-assessment", "children-in-care"}
    assert [a for a in after if a.team_id == "north-assessment"] == kept
    assert store.get_campaign(services.storage, campaign).teams == ("north-assessment", "children-in-care")
    assert not store.allocations(services.storage, campaign, SOUTH)


def test_teams_that_cannot_be_are_refused(engine: Engine, services: Services, campaign: int) -> None:
    before = store.allocations(services.storage, campaign)
    for typed, said in (("nowhere", "Nothing was changed."), ("", "Give the teams it should cover"),
                        ("north,south", "already")):
        replies = engine.command(QA, f"campaign teams {campaign} {typed}".strip())
        assert replies[-1].kind == "error" and said in all_text(replies)
    refused = engine.command(NORTH, f"campaign teams {campaign} north")
    assert refused[-1].kind == "error"
    assert store.allocations(services.storage, campaign) == before


@pytest.mark.parametrize(("typed", "deadline"), [
    ("actually can we move the neglect campaign deadline to 12 feb", date(2027, 2, 12)),
    ("extend campaign {id} to 19/2", date(2027, 2, 19)),
])
def test_a_deadline_asked_in_words_is_asked_first_then_moved_by_yes(engine: Engine, services: Services,
                                                                    campaign: int, typed: str,
                                                                    deadline: date) -> None:
    engine.command(QA, f"campaign rename {campaign} theme=neglect")
    [asked] = engine.message(QA, typed.format(id=campaign), surface="terminal")
    assert asked.kind == "question" and f"campaign deadline {campaign} {deadline:%d/%m/%Y}" in asked.text
    assert store.get_campaign(services.storage, campaign).deadline == date(2026, 12, 4)
    done = engine.message(QA, "yes", surface="terminal")
    assert "its deadline moved" in done[0].text
    assert store.get_campaign(services.storage, campaign).deadline == deadline


def test_wrong_teams_said_in_words_are_changed_by_yes_and_no_keeps_them(engine: Engine, services: Services,
                                                                        campaign: int) -> None:
    [asked] = engine.message(QA, f"oops wrong teams on campaign {campaign}, should be north and cic not south",
                             surface="terminal")
    assert "cover North Assessment Team, Children in Care Team?" in asked.text
    assert "nothing was changed" in engine.message(QA, "no", surface="terminal")[0].text
    assert store.get_campaign(services.storage, campaign).teams == ("north-assessment", "south-cin-cp")
    engine.message(QA, f"oops wrong teams on campaign {campaign}, should be north and cic not south",
                   surface="terminal")
    engine.message(QA, "yes", surface="terminal")
    assert store.get_campaign(services.storage, campaign).teams == ("north-assessment", "children-in-care")


def test_the_new_verbs_mistyped_are_offered_and_yes_runs_them(engine: Engine, services: Services,
                                                              campaign: int) -> None:
    offered = engine.message(QA, f"campagin deadline {campaign} 12/2/2027", surface="terminal")
    assert f"Did you mean `campaign deadline {campaign} 12/2/2027`? Type `yes` to run it." in all_text(offered)
    engine.message(QA, "yes", surface="terminal")
    assert store.get_campaign(services.storage, campaign).deadline == date(2027, 2, 12)
    typed_plain = engine.message(QA, f"campaign teams {campaign} north,cic", surface="terminal")
    assert "now covers North Assessment Team, Children in Care Team" in typed_plain[0].text


def test_teams_nobody_could_audit_are_refused_saying_nothing_changed(engine: Engine, services: Services) -> None:
    engine.command(QA, CREATE_EXAMPLE.removeprefix("/audit ").replace("auditors=managers", "auditors=peer"))
    [made] = store.list_campaigns(services.storage)
    replies = engine.command(QA, f"campaign teams {made.id} north")
    assert "peer audits need managers in at least two" in all_text(replies) and "Nothing was changed." in \
        all_text(replies)
    assert store.get_campaign(services.storage, made.id).teams == ("north-assessment", "south-cin-cp")
