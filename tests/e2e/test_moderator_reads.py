"""A moderator who is a manager of another team can open the audit they moderate: `/audit show` with Agree and
Disagree while undecided, in a later session too, and after deciding; `/audit list` lists it; through the
terminal chat and through signed Slack requests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import moderation as moderation_store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, SOUTH = "U0MGRN001", "U0MGRS001"  # the North manager audits; the South manager moderates


def test_the_moderator_opens_quits_and_reads_it_again_then_decides_from_show(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        other = insert_audit(services.storage, "CR-100999", WEDNESDAY, auditor="U0PRAN002")  # not South's to read
        _, opened = drive(engine, ["/audit moderate", "1", "quit"], user=SOUTH)
        assert "1) Agree: Good" in opened
        _, shown = drive(engine, [f"/audit show {audit_id}", "/audit list"], user=SOUTH)
        text = flat(shown)
        assert "not one you have access to" not in text
        assert f"Audit #{audit_id}" in text and "you opened this audit for moderation" in text
        assert "1) Agree: Good" in shown and "2) Disagree" in shown
        assert f"#{audit_id} Early help spot audit, case CR-100200" in text and "CR-100999" not in text
        _, decided = drive(engine, [f"/audit show {audit_id}", "2", "3", "Evidence of impact is thin.", "send"],
                            user=SOUTH)  # Inadequate alerts: Send the alert
        assert f"Moderation of audit #{audit_id} saved" in decided
        _, after = drive(engine, [f"/audit show {audit_id}"], user=SOUTH)
        assert "not one you have access to" not in after
        assert "Moderation: Team manager (South) graded it Inadequate" in flat(after)
        assert "Agree" not in after
        _, refused = drive(engine, [f"/audit show {other}"], user=SOUTH)
        assert "not one you have access to" in refused


def test_a_moderation_taken_over_is_no_longer_the_first_moderators_to_read(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.action(SOUTH, "audit.moderate_open", str(audit_id))
        [held] = [h for _, h in moderation_store.held_moderations(services.storage)]
        moderation_store.take_over_moderation(services.storage, held, "U0MGRC001", WEDNESDAY)
        _, out = drive(engine, [f"/audit show {audit_id}"], user=SOUTH)
        _, theirs = drive(engine, [f"/audit show {audit_id}"], user="U0MGRC001")
    assert "not one you have access to" in out
    assert "you opened this audit for moderation" in flat(theirs)


def test_the_moderator_reads_it_through_slack(bot: RunningBot, standin, services: Services,
                                             engine: Engine) -> None:
    audit_id = submitted_audit(engine, services, AUDITOR)
    engine.action(SOUTH, "audit.moderate_open", str(audit_id))
    moderator = SlackPerson(bot, standin, SOUTH)
    shown = moderator.send("command", f"show {audit_id}")
    assert all(r.kind != "error" for r in shown), [r.text for r in shown]
    assert any(f"Audit #{audit_id}" in r.text for r in shown)
    actions = {c.action for r in shown for c in r.choices}
    assert {"audit.moderate_agree", "audit.moderate_disagree"} <= actions
