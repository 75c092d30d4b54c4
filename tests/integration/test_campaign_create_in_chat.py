"""Creating a campaign in the chat (trial 17, the QA lead): `campaign create` alone gave "Please fix these 9
things:" with every line repeating the whole field list, `campaign new` only a syntax line, and
`checklist=voice of the child` without quotes was refused. Now: one usage message with an example, a value of
several words runs on to the next `key=`, a checklist is read by its title (a typo forgiven, as at the picker),
and each missing field is named once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.campaigns.feature import CREATE_EXAMPLE
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def test_create_alone_and_new_give_one_usage_message_whose_example_works(engine: Engine,
                                                                         services: Services) -> None:
    _, out = drive(engine, ["campaign create", "campaign new"], user=QA)
    said = flat(out, "*`")
    assert said.count("To create a campaign, type /audit campaign create and these") == 2, out
    assert said.count(f"For example: {CREATE_EXAMPLE}") == 2, out
    assert "Please fix" not in out and "The campaign needs" not in out
    assert store.list_campaigns(services.storage) == []

    _, made = drive(engine, [CREATE_EXAMPLE], user=QA)
    said = flat(made, "*`")
    assert ("Campaign 1 Neglect December is created for North Assessment Team, South Child in Need and "
            "Protection") in said, made
    # the example is one campaign, Neglect throughout (trial 28)
    assert "Checklist: Neglect (neglect); it runs from 2 Dec 2026 to 4 Dec 2026." in said


@pytest.mark.parametrize("checklist", ["voice of the child", "Voice of the Child", "voice of teh child",
                                       '"voice of the child"'])
def test_a_checklist_by_its_title_unquoted_and_a_name_of_several_words_are_read(engine: Engine, services: Services,
                                                                                checklist: str) -> None:
    _, out = drive(engine, [f"campaign create name=Voice winter theme=the child's voice checklist={checklist} "
                            "teams=north start=today deadline=18/12/2026 per-worker=1 auditors=managers moderate=20"],
                   user=QA)
    said = flat(out, "*`")
    assert "Campaign 1 Voice winter is created" in said, out
    assert "Checklist: Voice of the child (voice-of-the-child)" in said
    [campaign] = store.list_campaigns(services.storage)
    assert (campaign.name, campaign.theme, campaign.checklist_id) == ("Voice winter", "the child's voice",
                                                                      "voice-of-the-child")


def test_each_missing_field_is_named_once(engine: Engine, services: Services) -> None:
    _, out = drive(engine, ["campaign create name=Voice winter checklist=voice of the child"], user=QA)
    lines = [flat(line, "*`") for line in out.splitlines() if line.lstrip("! ").startswith("•")]
    assert "Please fix these 7 things:" in out, out
    named = ["theme", "teams", "start", "deadline", "per-worker", "auditors", "moderate"]
    for field, line in zip(named, lines, strict=True):  # each line names its own field, once
        assert [f for f in named if f"{f}=" in line or f"({f}," in line] == [field], line
        assert line.count(f"{field}=…") <= 1, line
    assert sum("=…, such as " in line for line in lines) == 6  # and an example (cases per worker: its own line)
    assert "Give either how many cases per worker (per-worker, 1 to 20) or a list of case references" in lines[4]
    assert "moderate=…, such as moderate=20 (the share of submitted audits to moderate, 0 to 100)." in flat(out, "*`")
    assert store.list_campaigns(services.storage) == []
