"""Trial 48 (F9): QA leads oversee practice across teams, so `/audit actions team <team>` lists any team's open
actions for them, read-only (no Done buttons on other people's actions); a team that does not exist is named with the
real teams before any role check; the QA lead's Home has an open / overdue actions line in "Whole service". Through
the real Bolt stack with signed requests, on a working day. And (F20) a worker's *Reflect on #N* on Home works."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.digests.demo_data import generate
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson

QA_LEAD, WORKER = "U0QALEAD1", "U0PRAN001"
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a working day: nothing is held
REAL_TEAMS = ("There is no team `west`. Teams: `north-assessment` (North Assessment Team), `south-cin-cp` (South "
              "Child in Need and Protection), `children-in-care` (Children in Care Team).")


def test_a_qa_lead_reads_another_teams_actions_without_done_buttons(bot: RunningBot, standin) -> None:
    with time_machine.travel(MONDAY, tick=False):
        generate(bot.services)
        qa_lead = SlackPerson(bot, standin, QA_LEAD)
        [listing] = qa_lead.send("command", "actions team north")
        [overdue] = qa_lead.send("command", "actions team south overdue")
    assert listing.text.startswith("North Assessment Team (`north-assessment`): *Open actions in team "
                                   "north-assessment*")
    assert "Social worker N1: " in listing.text and "Team actions are for" not in listing.text
    assert listing.choices == ()  # read-only: a QA lead closes none of another team's actions
    assert listing.text.endswith("_Read-only: an action is marked done by its owner or their manager._")
    assert "*Overdue actions in team south-cin-cp*" in overdue.text and overdue.choices == ()


def test_an_unknown_team_is_named_with_the_real_teams_before_any_role_check(bot: RunningBot, standin) -> None:
    with time_machine.travel(MONDAY, tick=False):
        generate(bot.services)
        [qa_lead] = SlackPerson(bot, standin, QA_LEAD).send("command", "actions team west")
        [worker] = SlackPerson(bot, standin, WORKER).send("command", "actions team west")
    assert REAL_TEAMS in qa_lead.text and REAL_TEAMS in worker.text


def test_the_qa_leads_home_counts_open_and_overdue_actions_across_the_teams(running_bot: RunningBot,
                                                                            standin) -> None:
    with time_machine.travel(MONDAY, tick=False):
        generate(running_bot.services)
        running_bot.slack.app_home_opened(QA_LEAD)
        [publish] = standin.wait_for("views.publish")
    view = publish.params["view"]
    home = json.dumps(json.loads(view) if isinstance(view, str) else view)
    assert "Whole service" in home and "*Open actions*" in home
    assert " across the teams, " in home and " of them overdue; `/audit actions team overdue` lists them" in home


def test_a_workers_reflect_button_on_home_asks_for_their_reflections(running_bot: RunningBot, standin) -> None:
    """Trial 48 (F20): the Home's *Reflect on #N* beside *View #N* works from the Home tab."""
    with time_machine.travel(MONDAY, tick=False):
        generate(running_bot.services)
        running_bot.slack.app_home_opened(WORKER)
        [publish] = standin.wait_for("views.publish")
        view = publish.params["view"]
        blocks = (json.loads(view) if isinstance(view, str) else view)["blocks"]
        button = next(element for block in blocks for element in block.get("elements", [])
                      if element.get("type") == "button" and element["text"]["text"].startswith("Reflect on #"))
        running_bot.slack.block_action(WORKER, button["action_id"], button["value"],
                                       view={"id": "V0HOME0001", "type": "home"})
        [asked] = standin.wait_for("chat.postMessage")
    assert asked.params["text"].startswith(f"What are your reflections on audit #{button['value']}?")
