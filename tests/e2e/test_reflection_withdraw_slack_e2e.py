"""Trial 43 (finding 4): in Slack, a worker withdraws an earlier reflection of hers that has a name in it. Typed
"i need to delete my reflection on N, it has a name in it" lists her reflections by their first words, the name
masked, with a Withdraw button each; pressing one removes it for good, tells her the name is gone, and tells the
auditor. Signed requests into the real Bolt app; replies read back from the Web API stand-in."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import audits as store
from bot.storage.maintenance import trail_rows
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"


def test_a_worker_withdraws_her_earlier_reflection_with_a_name_in_it(bot: RunningBot, standin,
                                                                     services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR, worker=WORKER)
        store.add_reflection(services.storage, audit_id, WORKER, "I saw Tyler Brown alone at school", MONDAY)
        store.add_reflection(services.storage, audit_id, WORKER, "I will ask the school for their view", MONDAY)
        worker = SlackPerson(bot, standin, WORKER)
        [listed] = worker.send("type", f"i need to delete my reflection on {audit_id}, it has a name in it")
        assert "1) “I saw T… B… alone at…”" in listed.text and "Tyler" not in listed.text
        assert "2) “I will ask the school for…”" in listed.text
        assert [c.label for c in listed.choices] == ["Withdraw 1", "Withdraw 2"]
        [done] = worker.send("press", f"{listed.choices[0].action}|{listed.choices[0].value}")
    assert done.text == (f"Withdrawn: your reflection “I saw T… B… alone at…” is no longer on audit #{audit_id}. It is "
                         "gone for good, and the name in it with it: it is no longer stored.")
    assert [r["text"] for r in store.reflections_of(services.storage, audit_id)] == [
        "I will ask the school for their view"]
    told = SlackPerson(bot, standin, AUDITOR)._dm_posts()
    assert told[-1].params["text"].startswith(f"Social worker N1 withdrew one of the reflections they added to audit "
                                              f"#{audit_id}")
    [row] = [r for r in trail_rows(services.storage) if r.action == "audit.reflection_withdrawn"]
    assert row.actor == WORKER and "Tyler" not in json.dumps(row.detail)


def test_a_worker_picks_the_reflection_to_withdraw_by_typing_in_her_slack_dm(bot: RunningBot, standin,
                                                                            services: Services) -> None:
    """fix44d: in Slack the list was answered by its buttons only; `withdraw the second one` typed in the DM
    withdraws that one, as in the terminal chat, and a number typed after another reply picks nothing."""
    with time_machine.travel(MONDAY, tick=False):
        audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR, worker=WORKER)
        store.add_reflection(services.storage, audit_id, WORKER, "I saw Tyler Brown alone at school", MONDAY)
        store.add_reflection(services.storage, audit_id, WORKER, "I will ask the school for their view", MONDAY)
        worker = SlackPerson(bot, standin, WORKER)
        [listed] = worker.send("type", f"withdraw my reflection on {audit_id}")
        assert "Press its button or type its number" in listed.text
        [refused] = worker.send("type", "withdraw 3")
        assert refused.text == (f"There is no reflection 3 in the list of your reflections on audit #{audit_id}: "
                                "type a number from `1` to `2`. Nothing was withdrawn.")
        [done] = worker.send("type", "withdraw the second one")
    assert done.text == (f"Withdrawn: your reflection “I will ask the school for…” is no longer on audit "
                         f"#{audit_id}. It is gone for good.")
    assert [r["text"] for r in store.reflections_of(services.storage, audit_id)] == [
        "I saw Tyler Brown alone at school"]
    told = SlackPerson(bot, standin, AUDITOR)._dm_posts()
    assert told[-1].params["text"].startswith("Social worker N1 withdrew one of the reflections")
