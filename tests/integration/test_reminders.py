"""Reminders people would not mute: bundled, on the right days, quiet while away, routed to cover."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.reminders.feature import read_away
from bot.reminders.rules import (
    ActionItem,
    DraftItem,
    ModerationItem,
    QuotaItem,
    ReminderInputs,
    bundle,
    bundle_reply,
    due_reminders,
)
from schedules.jobs import reminders_job
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
TUESDAY = date(2026, 11, 24)


def keys(reminders) -> list[tuple[str, str]]:
    return [(r.user_id, r.key) for r in reminders]


def test_a_persons_items_of_one_day_arrive_as_one_message_with_a_button_each() -> None:
    inputs = ReminderInputs(
        drafts=(DraftItem(7, "U0MGRN001", "Full case audit", date(2026, 11, 16)),),
        actions=(ActionItem(3, "U0MGRN001", "Update the chronology", date(2026, 11, 25), False),
                 ActionItem(4, "U0PRAN001", "Visit and see the child alone", date(2026, 11, 20), False)),
    )
    bundled = bundle(due_reminders(inputs, TUESDAY))
    assert set(bundled) == {"U0MGRN001", "U0PRAN001"}
    reply = bundle_reply("U0MGRN001", bundled["U0MGRN001"], TUESDAY)
    assert reply.to_user == "U0MGRN001"
    assert "2 things need your attention" in reply.text
    assert [(c.action, c.value) for c in reply.choices] == [
        ("audit.resume", "7"), ("actions.done", "3"), ("reminder.snooze", "draft:7,action:3")]
    assert "is overdue" in bundle_reply("U0PRAN001", bundled["U0PRAN001"], TUESDAY).text


def test_drafts_wait_the_configured_working_days_before_a_nudge() -> None:
    inputs = ReminderInputs(drafts=(DraftItem(7, "U0MGRN001", "Full case audit", date(2026, 11, 18)),))
    assert due_reminders(inputs, TUESDAY) == []  # Wed 18 -> Tue 24 is four working days
    assert keys(due_reminders(inputs, date(2026, 11, 25))) == [("U0MGRN001", "draft:7")]


def test_actions_due_beyond_two_working_days_or_escalated_do_not_nudge_the_owner() -> None:
    inputs = ReminderInputs(actions=(
        ActionItem(1, "U0PRAN001", "Later", date(2026, 11, 27), False),
        ActionItem(2, "U0PRAN001", "Soon", date(2026, 11, 26), False),
        ActionItem(3, "U0PRAN001", "Escalated already", date(2026, 11, 2), True),
    ))
    assert keys(due_reminders(inputs, TUESDAY)) == [("U0PRAN001", "action:2")]


def test_the_weekly_overdue_list_goes_to_the_manager_on_the_first_working_day() -> None:
    inputs = ReminderInputs(actions=(ActionItem(9, "U0PRAN001", "Overdue", date(2026, 11, 20), False,
                                                ("U0MGRN001",)),))
    monday = due_reminders(inputs, date(2026, 11, 23))
    assert ("U0MGRN001", "overdue-list") in keys(monday)
    assert [r.escalates for r in monday if r.key == "overdue-list"] == [(9,)]
    assert ("U0MGRN001", "overdue-list") not in keys(due_reminders(inputs, TUESDAY))
    # A bank holiday Monday moves the list to Tuesday.
    holiday = ReminderInputs(actions=(ActionItem(9, "U0PRAN001", "Overdue", date(2026, 5, 20), False,
                                                 ("U0MGRN001",)),))
    assert ("U0MGRN001", "overdue-list") in keys(due_reminders(holiday, date(2026, 5, 26)))


def test_quota_nudges_come_mid_month_and_five_working_days_before_month_end_to_those_behind() -> None:
    inputs = ReminderInputs(quotas=(QuotaItem("U0MGRN001", 2, 0), QuotaItem("U0MGRS001", 2, 1),
                                    QuotaItem("U0MGRC001", 2, 2)))
    assert keys(due_reminders(inputs, date(2026, 11, 16))) == [("U0MGRN001", "quota:2026-11")]
    assert keys(due_reminders(inputs, date(2026, 11, 23))) == [("U0MGRN001", "quota:2026-11"),
                                                                ("U0MGRS001", "quota:2026-11")]
    assert due_reminders(inputs, date(2026, 11, 20)) == []


def test_away_pauses_reminders_and_moderation_goes_to_the_cover() -> None:
    inputs = ReminderInputs(
        drafts=(DraftItem(7, "U0QALEAD1", "Full case audit", date(2026, 11, 2)),),
        moderations=(ModerationItem(12, "Full case audit", date(2026, 11, 16), "U0QALEAD1"),
                     ModerationItem(13, "Full case audit", date(2026, 11, 16), None)),
        away={"U0QALEAD1": (date(2026, 11, 30), "U0QALEAD2")},
        qa_leads=("U0QALEAD1", "U0QALEAD2"),
    )
    found = due_reminders(inputs, TUESDAY)
    assert keys(found) == [("U0QALEAD2", "moderation:12"), ("U0QALEAD2", "moderation:13")]
    assert "covering for @{U0QALEAD1}" in found[0].text
    assert due_reminders(inputs, date(2026, 12, 1))[0].user_id == "U0QALEAD1"  # back after the date


def test_a_snoozed_item_stays_quiet_but_the_others_still_come() -> None:
    inputs = ReminderInputs(
        drafts=(DraftItem(7, "U0MGRN001", "Full case audit", date(2026, 11, 2)),
                DraftItem(8, "U0MGRN001", "Full case audit", date(2026, 11, 2))),
        snoozed=frozenset({("U0MGRN001", "draft:7")}),
    )
    assert keys(due_reminders(inputs, TUESDAY)) == [("U0MGRN001", "draft:8")]


@given(st.text(max_size=60))
def test_away_text_is_parsed_or_explained(text: str) -> None:
    try:
        parsed = read_away(text, TUESDAY)
    except UserError as error:
        assert "/audit away" in str(error) or "date" in str(error).lower() or "year" in str(error)
    else:
        assert parsed is None or parsed[1] >= TUESDAY


@pytest.mark.parametrize(("text", "expected"), [
    ("until 2026-12-04", (None, date(2026, 12, 4), None)),
    ("until 4/12/2026 cover <@U0QALEAD2|qa>", (None, date(2026, 12, 4), "U0QALEAD2")),
    ("until 4 December 2026 cover U0QALEAD2", (None, date(2026, 12, 4), "U0QALEAD2")),
    ("off", None),
])
def test_away_accepts_dates_and_slack_mentions(text: str, expected) -> None:
    assert read_away(text, TUESDAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # trial 20: taken as a question and put on the QA leads' list
    ("from mon 23/11 until fri 4 dec", (None, date(2026, 12, 4), None)),
    ("from 23/11 to 4/12", (None, date(2026, 12, 4), None)),
    ("till 4/12", (None, date(2026, 12, 4), None)), ("from today until 4/12", (None, date(2026, 12, 4), None)),
])
def test_away_reads_a_first_day_gone_or_today_and_other_words_for_until(text: str, expected) -> None:
    assert read_away(text, TUESDAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # trial 21: leave booked ahead was refused ("a pause starts when it is typed")
    ("from 3/12 until 11/12", (date(2026, 12, 3), date(2026, 12, 11), None)),
    ("21/12 to 4/1 cover U0QALEAD2", (date(2026, 12, 21), date(2027, 1, 4), "U0QALEAD2")),
    ("from today until 4/12", (None, date(2026, 12, 4), None)),
])
def test_a_first_day_still_to_come_is_booked(text: str, expected) -> None:
    assert read_away(text, TUESDAY) == expected


def test_a_last_day_before_the_first_is_refused() -> None:
    with pytest.raises(UserError, match="Thursday 10 December 2026 is before your first day away, Friday 11 December"):
        read_away("from 11/12 until 10/12", TUESDAY)


def test_a_cover_is_read_by_name_without_its_brackets(services: Services, engine: Engine) -> None:
    with time_machine.travel(datetime(2026, 12, 1, 9, 30, tzinfo=LONDON), tick=False):
        [reply, told] = engine.command("U0MGRS001", "away until 11/12 cover team manager north")
    assert "Moderation requests go to @{U0MGRN001} meanwhile" in reply.text and "I've told them." in reply.text
    assert told.to_user == "U0MGRN001" and told.text == (
        "Team manager (South) is away until Friday 11 December 2026 and has named you as their cover: audits waiting "
        "for their moderation come to you in your reminders on those days, and only those: a cover gets no access "
        "to their team's digest, actions or requests for more time. `/audit away` shows whom you cover.")


def test_away_and_snooze_through_the_engine_change_what_the_job_sends(services: Services, engine: Engine) -> None:
    rows = AuditRows(services)
    draft = rows.audit(auditor="U0MGRN001", status="draft", updated=datetime(2026, 11, 2, 10, tzinfo=UTC))
    submitted = rows.audit(auditor="U0MGRN001", submitted=datetime(2026, 11, 16, 10, tzinfo=UTC))
    overdue = rows.action(submitted, "U0PRAN001", date(2026, 11, 20))
    with time_machine.travel(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON), tick=False):
        first = {o.recipient: o for o in reminders_job(services, services.clock())}
        # Monday 23 November is also the month-end quota check: the other managers have done none.
        assert set(first) == {"U0MGRN001", "U0PRAN001", "U0QALEAD1", "U0QALEAD2", "U0MGRS001", "U0MGRC001"}
        manager_text = first["U0MGRN001"].replies[0].text
        assert f"(#{draft})" in manager_text and "overdue" in manager_text
        # The Monday run sends the manager's overdue list once and marks the action escalated.
        sender = RecordingSender()
        assert JobRunner(services, sender, holder="process-a").fire("reminders") == 6
        snooze_value = first["U0MGRN001"].replies[0].choices[-1].value
        [reply] = engine.action("U0MGRN001", "reminder.snooze", snooze_value)
        assert "Tuesday 24 November" in reply.text
        [reply, told] = engine.command("U0QALEAD1", "away until 2026-11-27 cover <@U0QALEAD2>")
        assert "Moderation requests go to @{U0QALEAD2}" in reply.text and told.to_user == "U0QALEAD2"
    with time_machine.travel(datetime(2026, 11, 24, 9, 30, tzinfo=LONDON), tick=False):
        second = {o.recipient: o for o in reminders_job(services, services.clock())}
    assert "U0MGRN001" not in second  # snoozed for a working day
    assert "U0PRAN001" not in second  # the overdue action was escalated to the manager on Monday
    assert "U0QALEAD1" not in second and "covering for @{U0QALEAD1}" in second["U0QALEAD2"].replies[0].text
    escalated = services.storage.db.execute("SELECT escalated_at FROM actions WHERE id = ?", [overdue]).fetchone()
    assert escalated[0] is not None


def test_away_rejects_unknown_covers_and_past_dates(engine: Engine) -> None:
    with time_machine.travel(datetime(2026, 11, 24, 10, tzinfo=LONDON), tick=False):
        [past] = engine.command("U0MGRN001", "away until 2026-11-01")
        [stranger] = engine.command("U0MGRN001", "away until 2026-12-01 cover <@U0NOBODY9>")
    assert past.kind == "error" and "has passed" in past.text
    assert stranger.kind == "error" and "not set up" in stranger.text


def test_only_actions_of_submitted_audits_remind_list_or_count(services: Services) -> None:
    from bot.core.team_owners import overdue_by_team
    from bot.storage import actions as action_store
    from bot.storage.reminders import open_actions_due_by

    rows = AuditRows(services)
    submitted = rows.audit(submitted=datetime(2026, 11, 16, 10, tzinfo=UTC))
    cancelled = rows.audit(status="cancelled")
    draft = rows.audit(status="draft")
    reopened = rows.audit(submitted=datetime(2026, 11, 16, 10, tzinfo=UTC))
    services.storage.db.execute("UPDATE audits SET status = 'draft' WHERE id = ?", [reopened])  # open for changes
    due = date(2026, 11, 20)
    kept = {rows.action(submitted, "U0PRAN001", due), rows.action(reopened, "U0PRAN001", due)}
    rows.action(cancelled, "U0PRAN001", due)  # written before the audit was cancelled
    rows.action(draft, "U0PRAN001", due)  # not submitted yet: the auditor may still change it
    assert {item[0] for item in open_actions_due_by(services.storage, date(2026, 11, 30))} == kept
    assert {a.id for a in action_store.open_actions_of(services.storage, "U0PRAN001")} == kept
    assert overdue_by_team(services, ["north-assessment"], datetime(2026, 11, 24, 10, tzinfo=UTC),
                           TUESDAY) == {"north-assessment": 2}


def test_a_moderation_reminder_names_the_audit_as_hash_n_and_has_a_button_to_moderate_it() -> None:
    """Trial 9: "Audit 5 (…) has waited 6 working days for moderation" came with only Snooze."""
    inputs = ReminderInputs(
        moderations=(ModerationItem(5, "Early help spot audit", date(2026, 11, 16), None),
                     ModerationItem(6, "Full case audit", date(2026, 11, 16), "U0QALEAD2")),
        qa_leads=("U0QALEAD1", "U0QALEAD2"),
    )
    bundled = bundle(due_reminders(inputs, TUESDAY))
    first = bundle_reply("U0QALEAD1", bundled["U0QALEAD1"], TUESDAY)
    assert "Audit #5 (*Early help spot audit*) has waited 6 working days for moderation." in first.text
    assert [(c.label, c.action, c.value) for c in first.choices] == [
        ("Moderate #5", "audit.moderate_open", "5"), ("Snooze for a working day", "reminder.snooze", "moderation:5")]
    holder = bundle_reply("U0QALEAD2", bundled["U0QALEAD2"], TUESDAY)
    assert ("Moderate #6", "audit.moderate_open", "6") in [(c.label, c.action, c.value) for c in holder.choices]


def test_time_away_booked_ahead_pauses_reminders_from_its_first_day_and_can_be_cancelled(
        services: Services, engine: Engine) -> None:
    """Trial 21: `away from 21/12 until 4/1` was refused, so a manager could not book leave ahead."""
    rows = AuditRows(services)
    rows.audit(auditor="U0MGRN001", status="draft", updated=datetime(2026, 11, 2, 10, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 11, 24, 9, 30, tzinfo=LONDON), tick=False):
        [booked, told] = engine.message("U0MGRN001", "away 26/11 to 27/11 cover U0QALEAD2")
        [status] = engine.command("U0MGRN001", "away")
        before = {o.recipient for o in reminders_job(services, services.clock())}
    assert booked.text.startswith("Booked: your reminders pause from Thursday 26 November 2026 to Friday 27 November "
                                  "2026, your last day away, and start again on Monday 30 November 2026. Moderation "
                                  "requests go to @{U0QALEAD2} then")
    assert "Until then they come as usual." in booked.text
    assert told.to_user == "U0QALEAD2" and "is away from Thursday 26 November 2026 until Friday 27" in told.text
    assert status.text.startswith("Away from Thursday 26 November 2026 until Friday 27 November 2026, QA lead")
    assert "booked, so your reminders come as usual until then. `/audit away off` cancels it;" in status.text
    assert "U0MGRN001" in before  # not away yet
    with time_machine.travel(datetime(2026, 11, 26, 9, 30, tzinfo=LONDON), tick=False):
        during = {o.recipient for o in reminders_job(services, services.clock())}
        [now_away] = engine.command("U0MGRN001", "away")
    assert "U0MGRN001" not in during
    assert now_away.text.startswith("Away until Friday 27 November 2026: your reminders are paused")
    with time_machine.travel(datetime(2026, 11, 24, 9, 30, tzinfo=LONDON), tick=False):
        engine.command("U0MGRN001", "away from 30/11 until 4/12")
        [cancelled] = engine.command("U0MGRN001", "away off")
        [after] = engine.command("U0MGRN001", "away")
    assert cancelled.text == ("Cancelled: your time away from Monday 30 November 2026 until Friday 4 December 2026 is "
                              "no longer booked, and your reminders go on as usual.")
    assert after.text.startswith("You are not marked away")
