"""A submitted audit reopened for changes is not a "draft" (user trial 9, finding 11: after `edit 6` and `pause`,
`show 6` said "Status: draft", the reminder said "Your draft … has not moved for 6 working days" and `resume` listed
it among the drafts). It was submitted, and reopening took it out of the moderation queue: every place names it
reopened for changes, since when, and out of moderation until it is submitted again."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.home import home_sections
from schedules.jobs import reminders_job
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"
REOPENED = datetime(2026, 12, 16, 10, tzinfo=LONDON)  # a Wednesday


def _text(replies: list[Reply]) -> str:
    return "\n".join(f"{r.text} {dict(r.fields)}" for r in replies)


def _reopened_and_paused(services: Services, when: datetime = REOPENED) -> int:
    audit = AuditRows(services).audit(submitted=datetime(2026, 12, 14, 11, tzinfo=UTC))
    engine = build_engine(services)
    with time_machine.travel(when, tick=False):
        engine.command(MANAGER, f"edit {audit}")
        paused = _text(engine.message(MANAGER, "pause"))
    assert "stays out of moderation until you submit it again" in paused
    return audit


def test_show_names_a_reopened_audit_and_that_it_is_out_of_moderation(services: Services) -> None:
    audit = _reopened_and_paused(services)
    with time_machine.travel(datetime(2026, 12, 17, 9, tzinfo=LONDON), tick=False):
        [shown] = [r for r in build_engine(services).command(MANAGER, f"show {audit}") if r.fields]
    assert dict(shown.fields)["Status"] == ("reopened for changes on 16 Dec 2026, out of moderation until "
                                            "submitted again")


def test_resume_lists_it_as_reopened_beside_a_draft(services: Services) -> None:
    audit = _reopened_and_paused(services)
    draft = AuditRows(services).audit(status="draft", updated=datetime(2026, 12, 15, 11, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 12, 17, 9, tzinfo=LONDON), tick=False):
        listed = _text(build_engine(services).command(MANAGER, "resume"))
    [reopened_line] = [line for line in listed.splitlines() if line.startswith(f"• #{audit} ")]
    [draft_line] = [line for line in listed.splitlines() if line.startswith(f"• #{draft} ")]
    assert "reopened for changes on 16 Dec and out of moderation until you submit it again" in reopened_line
    assert "reopened" not in draft_line and "4 answers" in draft_line


def test_resume_carrying_on_with_it_says_it_is_out_of_moderation(services: Services) -> None:
    _reopened_and_paused(services)
    with time_machine.travel(datetime(2026, 12, 17, 9, tzinfo=LONDON), tick=False):
        carried = _text(build_engine(services).command(MANAGER, "resume"))
    assert "It was reopened for changes on 16 Dec and is out of moderation until you submit it again." in carried


def test_home_lists_it_as_reopened(services: Services) -> None:
    audit = _reopened_and_paused(services)
    with time_machine.travel(datetime(2026, 12, 17, 9, tzinfo=LONDON), tick=False):
        [mine] = [s for s in home_sections(build_engine(services), services, MANAGER) if s.title == "Your audits"]
    assert (f"Full case audit (#{audit}), case CR-104001, reopened for changes on 16 Dec and out of moderation "
            "until you submit it again") in mine.text
    assert "Drafts" not in mine.text


@pytest.mark.parametrize(("reopened", "reminded", "said"), [
    (REOPENED, datetime(2026, 12, 24, 9, 30, tzinfo=LONDON), "on 16 Dec, is out of moderation until you submit it "
                                                             "again; it has not moved for 6 working days."),
    # across the new year's bank holiday: 31 Dec to Friday 8 Jan is five working days
    (datetime(2026, 12, 31, 15, tzinfo=LONDON), datetime(2027, 1, 8, 9, 30, tzinfo=LONDON),
     "on 31 Dec, is out of moderation until you submit it again; it has not moved for 5 working days."),
])
def test_the_idle_reminder_is_about_the_reopened_audit_out_of_moderation(services: Services, reopened: datetime,
                                                                        reminded: datetime, said: str) -> None:
    audit = _reopened_and_paused(services, reopened)
    with time_machine.travel(reminded, tick=False):
        [sent] = reminders_job(services, reminded)
    [reply] = sent.replies
    assert f"Audit #{audit} (*Full case audit*), reopened for changes {said}" in reply.text
    assert "draft" not in reply.text
    assert ("audit.resume", str(audit)) in [(c.action, c.value) for c in reply.choices]
