"""fix43b: a moderator who disagrees with a grade other than Inadequate is offered an optional action; `skip` typed
finishes, but in Slack there was no button, so they had to know to type it. The offer now has *Skip*, which does what
`skip` typed does, once: a second tap (or the press sent again) changes nothing. Signed requests into the real Bolt
app; who was messaged is read from the Web API stand-in. Shipped people: North's manager audits, South's manager
moderates."""

from __future__ import annotations

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, SOUTH = "U0MGRN001", "U0MGRS001"
REASON = "Plans drift and the review dates slipped twice without a reason recorded."


def _at_the_offer(moderator: SlackPerson, audit_id: int) -> Reply:
    """Open the audit for moderation in Slack, disagree, grade it Requires improvement and give the reason: the
    optional action is offered."""
    moderator.send("command", f"moderate {audit_id}")
    [grades] = moderator.send("press", f"audit.moderate_disagree|{audit_id}")
    [ri] = [c for c in grades.choices if c.label.startswith("Requires improvement")]
    moderator.send("press", f"{ri.action}|{ri.value}")
    [offered] = moderator.send("message", REASON)
    assert f"Add an action for the auditor or worker on audit #{audit_id}?" in flat(offered.text, "*`")
    return offered


def _moderated(services: Services) -> int:
    return int(services.storage.db.execute("SELECT COUNT(*) FROM trail WHERE action = 'audit.moderated'")
               .fetchone()[0])


def _actions(services: Services) -> int:
    return int(services.storage.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0])


def _told_auditor(standin) -> list[str]:
    return [call.text for call in standin.messages_to(AUDITOR) if "has been moderated" in call.text]


def test_skip_is_a_button_that_does_what_typing_skip_does(bot: RunningBot, standin, services: Services,
                                                          engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        pressed_id, typed_id = submitted_audit(engine, services, AUDITOR), submitted_audit(engine, services, AUDITOR)
    actions = _actions(services)
    moderator = SlackPerson(bot, standin, SOUTH)
    offered = _at_the_offer(moderator, pressed_id)
    [skip] = offered.choices
    assert skip.label == "Skip" and skip.action.startswith("moderation.")
    pressed = moderator.send("press", f"{skip.action}|{skip.value}")
    _at_the_offer(moderator, typed_id)
    typed = moderator.send("message", "skip")

    assert f"Moderation of audit #{pressed_id} saved, and the auditor" in flat(pressed[0].text, "*")
    assert [flat(r.text) for r in pressed] == [flat(r.text).replace(f"#{typed_id}", f"#{pressed_id}") for r in typed]
    for audit_id in (pressed_id, typed_id):
        audit = store.get_audit(services.storage, audit_id)
        assert (audit.status, audit.moderated_grade) == ("moderated", "requires_improvement")
    assert _actions(services) == actions  # skipped: no action set either way
    assert len(_told_auditor(standin)) == 2


def test_a_second_tap_changes_nothing_and_says_it_was_saved(bot: RunningBot, standin, services: Services,
                                                            engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
    moderator = SlackPerson(bot, standin, SOUTH)
    [skip] = _at_the_offer(moderator, audit_id).choices
    moderator.send("press", f"{skip.action}|{skip.value}")
    [again] = moderator.send("press", f"{skip.action}|{skip.value}")

    assert again.kind == "error"
    assert f"Your moderation of audit #{audit_id} is already saved, so Skip changed nothing." in flat(again.text, "*`")
    assert _moderated(services) == 1 and len(_told_auditor(standin)) == 1


def test_two_taps_at_once_save_the_moderation_once(bot: RunningBot, standin, services: Services,
                                                   engine: Engine) -> None:
    """Bolt runs listeners on a thread pool, so both taps can reach the save together: one saves it, the other is
    told it was saved; the auditor is told once."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
    moderator = SlackPerson(bot, standin, SOUTH)
    [skip] = _at_the_offer(moderator, audit_id).choices
    before = len(moderator._dm_posts())
    taps = [threading.Thread(target=moderator.press, args=(skip.action, skip.value)) for _ in range(2)]
    for tap in taps:
        tap.start()
    for tap in taps:
        tap.join(timeout=60)
    said = [flat(reply.text, "*`") for reply in moderator._replies(moderator._dm_posts()[before:])]

    assert sum(f"Moderation of audit #{audit_id} saved" in text for text in said) == 1, said
    assert sum("already saved, so Skip changed nothing" in text for text in said) == 1, said
    assert _moderated(services) == 1 and len(_told_auditor(standin)) == 1
