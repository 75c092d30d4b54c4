"""Trial 50 (finding 2) through Slack: a manager hands an off-sick worker's action on a moderated audit to a colleague,
asked in words in their DM, read back with Yes and No buttons, then pressed. Signed requests into the real Bolt app;
replies and DMs read back from the Web API stand-in (as tests/e2e/test_more_time_slack_e2e.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit

FRIDAY = datetime(2026, 12, 4, 15, 0, tzinfo=ZoneInfo("Europe/London"))  # in the workers' hours (fix44d)
MANAGER, N1, N2 = "U0MGRN001", "U0PRAN001", "U0PRAN002"


def test_a_manager_hands_a_moderated_audits_action_over_in_words(bot: RunningBot, standin,
                                                                 services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        audit_id = insert_audit(services.storage, "CR-551234", FRIDAY, status="moderated", auditor=MANAGER)
        action = action_store.add_action(services.storage, audit_id, "Update the chronology", N1, "2026-12-18",
                                         MANAGER, FRIDAY)
        manager = SlackPerson(bot, standin, MANAGER)
        [asked] = manager.send("message", f"N1 is off sick, can i hand action {action} over to N2")
        assert asked.text.startswith(f"Give action {action} (_Update the chronology_, audit #{audit_id}, "
                                     "CR-551234) to *Social worker N2* instead of Social worker N1?")
        assert [(c.label, c.value) for c in asked.choices] == [("Yes, hand it over", f"{action}:{N2}"),
                                                                ("No, leave it", str(action))]
        [done] = manager.send("press", f"handover.yes|{action}:{N2}")
        old = SlackPerson(bot, standin, N1)._dm_posts()[-1].params["text"]
        new = SlackPerson(bot, standin, N2)._dm_posts()[-1].params["text"]
    assert done.text.startswith(f"Action {action} (_Update the chronology_) is now Social worker N2's, not "
                                "Social worker N1's.")
    assert f"Team manager (North) gave your action {action}" in old and "no longer yours to do" in old
    assert new.startswith(f"Team manager (North) gave you action {action}")
    assert action_store.get_action(services.storage, action).owner_id == N2
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0


def test_the_slash_edit_command_hands_a_moderated_audits_action_over(bot: RunningBot, standin,
                                                                     services: Services) -> None:
    """fix52e: `/audit edit 1 action 2 owner sw n2` was refused ("Audit #1 has been moderated…") while the same
    change typed as `action 2 owner sw n2` was made; the slash command now hands it over the same way (and, as typed,
only for someone who may: the new owner asking for it is still refused)."""
    with time_machine.travel(FRIDAY, tick=False):
        audit_id = insert_audit(services.storage, "CR-551234", FRIDAY, status="moderated", auditor=MANAGER)
        action = action_store.add_action(services.storage, audit_id, "Update the chronology", N1, "2026-12-18",
                                         MANAGER, FRIDAY)
        [refused] = SlackPerson(bot, standin, N2).send("command", f"edit {audit_id} action {action} owner N2")
        assert refused.kind == "error" and action_store.get_action(services.storage, action).owner_id == N1
        [done] = SlackPerson(bot, standin, MANAGER).send("command", f"edit {audit_id} action {action} owner sw n2")
        old = SlackPerson(bot, standin, N1)._dm_posts()[-1].params["text"]
        new = SlackPerson(bot, standin, N2)._dm_posts()[-1].params["text"]
    assert done.text.startswith(f"Action {action} (_Update the chronology_) is now Social worker N2's, not "
                                "Social worker N1's. I've told them both")
    assert "moderated" not in done.text
    assert "no longer yours to do" in old and new.startswith(f"Team manager (North) gave you action {action}")
    assert action_store.get_action(services.storage, action).owner_id == N2
    [revision] = store.revisions_of(services.storage, audit_id)
    assert (revision["old_value"], revision["new_value"], revision["changed_by"]) == (N1, N2, MANAGER)

