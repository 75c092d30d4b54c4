"""Campaigns in everyday words (trial 26): `teams=all` was refused, and `close campaign 1`, `actually can campaign 1
start today instead` and "set up a voice of the child audit round for north and cic…" all got "I don't know that
yet" and went onto the QA leads' unanswered list."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaigns import BASE, QA, clock, create  # noqa: F401 (clock is a fixture)

ALL_TEAMS = ("north-assessment", "south-cin-cp", "children-in-care")


def asked_of_the_knowledge_base(services: Services) -> int:
    [row] = services.storage.db.query("SELECT COUNT(*) AS n FROM kb_asks")
    return int(row["n"])


def test_teams_all_is_every_team(engine: Engine, services: Services, clock) -> None:  # noqa: F811
    typed = BASE.replace("teams=north-assessment,south-cin-cp,children-in-care", "teams=all")
    [made, *_] = engine.command(QA, typed + "per-worker=1 auditors=managers moderate=20", surface="terminal")
    assert made.kind != "error", made.text
    [campaign] = store.list_campaigns(services.storage)
    assert campaign.teams == ALL_TEAMS


def test_close_campaign_in_words_is_the_close_command(engine: Engine, services: Services, clock) -> None:  # noqa: F811
    campaign_id = create(engine)
    [asked] = engine.message(QA, f"close campaign {campaign_id}", surface="terminal")
    [typed] = engine.command(QA, f"campaign close {campaign_id}", surface="terminal")
    assert asked.kind == "question" and asked.text == typed.text
    assert [c.label for c in asked.choices] == ["Close now", "Keep it open"]
    assert asked_of_the_knowledge_base(services) == 0


def test_a_campaigns_dates_asked_to_change_says_how_to_run_it_on_other_dates(
        engine: Engine, services: Services, clock) -> None:  # noqa: F811
    campaign_id = create(engine)
    [said] = engine.message(QA, f"actually can campaign {campaign_id} start today instead", surface="terminal")
    assert said.text.startswith("A campaign's start can't be changed once it is created")
    assert f"`/audit campaign close {campaign_id}`" in said.text and "start=today" in said.text
    assert asked_of_the_knowledge_base(services) == 0
    asked = engine.message(QA, f"when does campaign {campaign_id} start?", surface="terminal")
    assert not any(r.text.startswith("A campaign's dates") for r in asked)  # a question, not a change


def test_setting_up_a_round_in_words_gets_how_to_type_it_with_the_checklist_and_teams_named(
        engine: Engine, services: Services, clock) -> None:  # noqa: F811
    [said] = engine.message(QA, "set up a voice of the child audit round for north and cic in january",
                            surface="terminal")
    assert ("From what you said: `/audit campaign create name=… theme=… checklist=Voice of the child "
            "teams=north-assessment,children-in-care start=… deadline=…") in said.text
    assert "To create a campaign, type `/audit campaign create`" in said.text
    [how] = engine.message(QA, "how do i set up a campaign?", surface="terminal")
    assert how.text.startswith("To create a campaign")
    [worker] = engine.message("U0PRAN001", "i want to create a new campaign", surface="terminal")
    assert "set up by QA leads and admins: ask your QA lead" in worker.text
    assert asked_of_the_knowledge_base(services) == 0
    assert store.list_campaigns(services.storage) == []


def test_a_new_campaign_asked_for_without_set_up_is_read_as_set_up_is(
        engine: Engine, services: Services, clock) -> None:  # noqa: F811
    """Trial 30: "new campaign on neglect for cic and south, deadline 18/12" went onto the unanswered list."""
    filled = ("From what you said: `/audit campaign create name=… theme=… checklist=Neglect "
              "teams=children-in-care,south-cin-cp start=… deadline=18/12/2026 ")
    for words in ("new campaign on neglect for cic and south, deadline 18/12",
                  "start a campaign on neglect for cic and south, deadline 18/12",
                  "launch a campaign on neglect for cic and south, deadline 18/12",
                  "campaign on neglect for cic and south by 18/12",
                  "a new neglect audit campaign for cic and south due 18/12"):
        [said] = engine.message(QA, words, surface="terminal")
        assert said.title == "New audit campaign" and filled in said.text, words
    assert asked_of_the_knowledge_base(services) == 0
    assert store.list_campaigns(services.storage) == []
    for about_one in ("new campaign report", "campaign on neglect"):
        assert not any(r.title == "New audit campaign" for r in engine.message(QA, about_one, surface="terminal"))
    [going] = engine.message(QA, "how is the neglect campaign going", surface="terminal")
    assert going.text == "There is no audit campaign for you to see, so none called “neglect”."
