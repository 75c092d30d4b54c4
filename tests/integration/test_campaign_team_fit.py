"""A campaign whose checklist does not suit a team is created with a warning. Trial 50: a "Care leavers and pathway
plans" campaign for the North *Assessment* team was created without a word."""

from __future__ import annotations

from datetime import datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.checklist_schema import parse_checklists
from knowledge.yamlsource import load_yaml_with_lines
from tests.integration.test_campaigns import LONDON, QA

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
CREATE = ('campaign create name="Care leavers {name}" theme="care leavers" checklist=care-leavers teams={teams} '
          "start=2026-12-01 deadline=2026-12-11 per-worker=1 auditors=managers moderate=50")
HEADS_UP = ("**Heads up**: Care leavers and pathway plans is for children in care, leaving care or care leavers "
            "teams, and North Assessment Team doesn't look like one: check its auditors will find such cases there. "
            "The campaign is created all the same")


def test_a_care_leavers_campaign_for_an_assessment_team_is_created_with_one_warning(engine: Engine,
                                                                                    services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [created, *dms] = engine.command(QA, CREATE.format(name="winter", teams="north,children-in-care"),
                                         surface="terminal")
        [fits, *_] = engine.command(QA, CREATE.format(name="spring", teams="children-in-care"), surface="terminal")
    assert created.text.startswith("Campaign 1 **Care leavers winter** is created for North Assessment Team, "
                                   "Children in Care Team")
    assert HEADS_UP in created.text and created.text.count("Heads up") == 1
    assert dms and not any("Heads up" in dm.text for dm in dms)  # the organiser's warning, not the auditors'
    assert fits.text.startswith("Campaign 2") and "Heads up" not in fits.text


SUITS = """checklists:
  - id: leaving
    title: Leaving care
    period: the last 12 months
    suits: {suits}
    sections:
      - id: plan
        title: Plan
        questions:
          - id: plan-done
            text: Is there a pathway plan?
            type: yes_no
"""


def test_kb_check_reads_suits_as_a_list_of_kinds_of_team() -> None:
    [checklist], problems = parse_checklists(
        load_yaml_with_lines(SUITS.format(suits="[Children in Care, leaving  care]"), "c.yaml")["checklists"],
        "c.yaml", set())
    assert problems == [] and checklist.suits == ("children in care", "leaving care")
    _, problems = parse_checklists(load_yaml_with_lines(SUITS.format(suits="children in care"), "c.yaml")["checklists"],
                                   "c.yaml", set())
    assert [str(p) for p in problems] == [
        "c.yaml:5: checklist 'leaving' has a `suits:` that is not a list of kinds of team; write it like `suits: "
        "[children in care, leaving care]` (words a suitable team's name holds), or leave it out for a checklist "
        "that suits any team."]
