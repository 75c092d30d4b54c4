"""A due date or a deadline typed for a weekend or a bank holiday (trial 10, F14: `25/12` at the actions step, `action 3
due 28/12` and `campaign create … deadline=25/12` were all taken without a word, and the campaign's auditors were told
"by Friday 25 December 2026"). An action's date is kept and said at once to be a day off, with the command that moves
it to the last working day before; where nothing is stored until the date is given and it can't easily be changed
afterwards (a moderator's or a changed Inadequate grade's action, a campaign, whose auditors are told at once) it is
queried first, and `<date> anyway` keeps it. The service, without Slack, on a pinned clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from knowledge.dates import long_date
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import TO_ACTIONS
from tests.integration.test_moderated_inadequate_action import audit_with_no_open_action
from tests.integration.test_wording import submitted_audit
from tests.support.cli import run_cli

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 40, tzinfo=LONDON)  # the trial's day: Christmas Day is a Friday this year
AUDITOR, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"
ACTION = "See the child alone at school."
CHRISTMAS = ("That is a bank holiday (Christmas Day): to change it, type action 1 due and the date, like action 1 due "
             "24/12 for Thursday 24 December, the last working day before it.")


def flat(text: str) -> str:
    return " ".join(text.replace("*", "").replace("`", "").replace("_", " ").split())


def due_dates(services: Services, audit_id: int) -> list[str]:
    return [a.due_date for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]


# -- an audit's actions: kept, and said at once with the fix ----------------------------------------------------

def test_an_action_due_on_christmas_day_is_said_to_be_a_bank_holiday_with_the_day_before(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, ACTION, WORKER, "25/12"], user=AUDITOR)
    assert f"Action 1 added: due Friday 25 December 2026 (in 18 days). {CHRISTMAS}" in flat(out)
    assert due_dates(services, 1) == ["2026-12-25"]  # kept: the person decides


def test_changing_it_to_another_bank_holiday_says_so_and_to_a_working_day_says_nothing_more(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, moved = drive(engine, [*TO_ACTIONS, ACTION, WORKER, "25/12", "action 1 due 28/12"], user=AUDITOR)
        _, fixed = drive(engine, ["action 1 due 24/12"], user=AUDITOR)
    assert ("is now due Monday 28 December 2026 (in 21 days), not Friday 25 December 2026. That is a bank holiday "
            "(the substitute day for "
            "Boxing Day): to change it, type action 1 due and the date, like action 1 due 24/12 for Thursday 24 "
            "December, the last working day before it.") in flat(moved)
    assert ("is now due Thursday 24 December 2026 (in 17 days), not Monday 28 December 2026. Actions (1 so far)"
            in flat(fixed))
    assert "That is" not in fixed
    assert due_dates(services, 1) == ["2026-12-24"]


@pytest.mark.parametrize(("typed", "said"), [
    ("12/12", "Action 1 added: due Saturday 12 December 2026 (in 5 days). That is a Saturday: to change it, "
              "type action 1 due and "
              "the date, like action 1 due 11/12 for Friday 11 December, the last working day before it."),
    # kept as typed, said to be kept as asked, no fix offered (fix70b C)
    ("25/12 anyway", "Action 1 added: due Friday 25 December 2026 (in 18 days). That is a bank holiday (Christmas "
                     "Day), kept as you asked. Actions (1 so far)"),
])
def test_a_weekend_is_said_too_and_a_date_kept_anyway_is_said_back_plainly(
        engine: Engine, typed: str, said: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, ACTION, WORKER, typed], user=AUDITOR)
    assert said in flat(out)


def test_a_submitted_audits_action_moved_to_a_bank_holiday_says_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        [action] = action_store.actions_of_audit(services.storage, audit_id)
        [reply, *_] = engine.command(AUDITOR, f"edit {audit_id} action {action.id} due 28/12", surface="terminal")
    command = f"/audit edit {audit_id} action {action.id} due"
    assert (f"is now due Monday 28 December 2026 (in 21 days), not "
            f"{long_date(date.fromisoformat(action.due_date))}. That is a bank "
            f"holiday (the substitute day for Boxing Day): to change it, type {command} and the date, like {command} "
            "24/12 for Thursday 24 December, the last working day before it.") in flat(reply.text)


# -- the action an Inadequate grade brings: queried before anything is stored ----------------------------------

def test_a_moderators_action_due_on_christmas_day_is_queried_before_the_moderation_is_saved(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        reason = "Communication was not understood and the plan is not linked to the EHCP."
        _, asked = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", reason, ACTION, "1", "25/12"],
                         user=QA)
        assert store.get_audit(services.storage, audit_id).status == "in_moderation"  # nothing saved
        _, out = drive(engine, ["24/12", "send"], user=QA)
    assert ("Friday 25 December 2026 is a bank holiday (Christmas Day), so nothing is stored yet: type 24/12 for "
            "Thursday 24 December, the last working day before it, or 25/12 anyway to keep it.") in flat(asked)
    assert "saved with its action" in flat(out)
    assert due_dates(services, audit_id) == ["2026-12-24"]


def test_a_changed_grades_action_on_a_bank_holiday_is_kept_when_typed_with_anyway(
        engine: Engine, services: Services) -> None:
    why = "the child said they were not listened to and nothing changed"
    with time_machine.travel(MONDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, asked = drive(engine, [f"/audit edit {audit_id} grade inadequate {why}", ACTION, "1", "26/12"])
        assert store.get_audit(services.storage, audit_id).overall_grade == "good"  # nothing changed yet
        _, out = drive(engine, ["26/12 anyway", "send"])
    assert ("Saturday 26 December 2026 is a Saturday (Boxing Day; the bank holiday is Monday 28 December), so nothing "
            "is stored yet: type 24/12 for "
            "Thursday 24 December, the last working day before it, or 26/12 anyway to keep it.") in flat(asked)
    assert "grade changed from Good to Inadequate" in flat(out)
    assert due_dates(services, audit_id) == ["2026-12-26"]


# -- a campaign's deadline: refused before its auditors are told, unless kept ----------------------------------

REST = "theme=voice checklist=voice teams=north,south start=today per-worker=1 auditors=managers moderate=20"


def _create(engine: Engine, deadline: str) -> list:
    return engine.command(QA, f'campaign create name="Voice winter" {REST} deadline={deadline}', surface="terminal")


def test_a_campaign_deadline_on_christmas_day_is_refused_with_the_working_day_before(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [refused] = _create(engine, "25/12")
        assert campaign_store.list_campaigns(services.storage) == []  # nothing created, nobody told
        [made, *dms] = _create(engine, "24/12")
    assert refused.kind == "question" and refused.text == (
        "The deadline, Friday 25 December 2026, is a bank holiday (Christmas Day), so nothing is created yet. Type "
        "`24/12` for Thursday 24 December, the last working day before it, or `25/12 anyway` to keep it (or press "
        "**Use Thursday 24/12** or **Keep Friday 25/12**); the campaign is then created as you typed it.")
    assert [c.label for c in refused.choices] == ["Use Thursday 24/12", "Keep Friday 25/12"]
    assert "it runs from 7 Dec 2026 to 24 Dec 2026" in made.text
    assert dms and all("Thursday 24 December 2026" in flat(dm.text) for dm in dms)


@pytest.mark.parametrize(("typed", "deadline"), [("24/12", date(2026, 12, 24)), ("25/12 anyway", date(2026, 12, 25)),
                                                 ("Keep Friday 25/12", date(2026, 12, 25))])
def test_a_date_the_refusal_offers_typed_next_creates_the_campaign_as_typed(
        engine: Engine, services: Services, typed: str, deadline: date) -> None:
    """Trial 26: `29/1`, typed as the refusal of a Sunday deadline said, got "There's no question waiting"."""
    with time_machine.travel(MONDAY, tick=False):
        _create(engine, "25/12")
        [made, *dms] = engine.message(QA, typed, surface="terminal")
    assert made.text.startswith("Campaign 1 **Voice winter** is created"), made.text
    [campaign] = campaign_store.list_campaigns(services.storage)
    assert (campaign.name, campaign.deadline, campaign.teams) == ("Voice winter", deadline,
                                                                  ("north-assessment", "south-cin-cp"))
    assert dms and all(long_date(deadline) in flat(dm.text) for dm in dms)


def test_other_words_after_the_refusal_create_nothing_and_the_button_then_is_out_of_date(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _create(engine, "25/12")
        [told] = engine.message(QA, "no", surface="terminal")  # no Yes-or-No question: two dates are offered
        assert campaign_store.list_campaigns(services.storage) == []
        [made, *_] = engine.action(QA, "campaign.deadline", "instead", surface="terminal")  # the button still works
        [again] = engine.action(QA, "campaign.deadline", "instead", surface="terminal")
    assert "created" not in told.text
    assert made.text.startswith("Campaign 1 **Voice winter** is created") and "to 24 Dec 2026" in made.text
    assert again.kind == "error" and "out of date, so nothing was created" in again.text
    assert len(campaign_store.list_campaigns(services.storage)) == 1


def test_a_campaign_deadline_kept_anyway_is_created_as_typed(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [made, *_] = _create(engine, "25/12 anyway")
    assert made.kind != "error", made.text
    [campaign] = campaign_store.list_campaigns(services.storage)
    assert campaign.deadline == date(2026, 12, 25)


def test_the_command_line_refuses_a_sunday_deadline_the_same_way(environ, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False), pytest.raises(UserError) as refused:
        run_cli(environ, "campaign", "create", "--name", "Voice CLI", "--theme", "voice", "--checklist", "voice",
                "--teams", "north", "--start", "today", "--deadline", "13/12/2026", "--per-worker", "1",
                "--auditors", "managers", "--moderate", "20")
    assert str(refused.value) == ("The deadline, Sunday 13 December 2026, is a Sunday, so nothing is created yet: "
                                  "give 11/12 for Friday 11 December, the last working day before it, or 13/12 "
                                  "anyway to keep it.")
    assert campaign_store.list_campaigns(services.storage) == []
