"""Trial 43: at the overall grade, `keep` kept the reason typed for Requires improvement after the auditor chose
Outstanding instead, so Outstanding went on with a reason arguing against it. The reason is now stored with the grade
it was written for: `keep` keeps it only for that grade; after a grade change the bot says whose reason it was and asks
for one for the new grade, `reuse` giving the same words. Signed Slack requests into the real Bolt app, replies read
back from the Web API stand-in."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)
AUDITOR = "U0MGRN001"
TO_REVIEW = TO_ACTIONS[:15]  # the early help spot check at its review; the answers suggest Good
REASON = "the reviews have slipped badly"
RI = "Requires improvement to be good"


def _typed(person: SlackPerson, lines: list[str]) -> str:
    said: list[str] = []
    for line in lines:
        said = [reply.text for reply in person.send("type", line)]
    return flat("\n".join(said), "`*_")


def _at_outstanding_after_ri(bot: RunningBot, standin) -> tuple[SlackPerson, str]:
    """RI with its reason, back to the overall grade, then Outstanding: what the reason step then says."""
    person = SlackPerson(bot, standin, AUDITOR)
    _typed(person, [*TO_REVIEW, "next", "RI", REASON, "back"])
    return person, _typed(person, ["outstanding"])


def test_a_new_grade_is_told_whose_reason_was_noted_and_keep_does_not_keep_it(bot: RunningBot, standin,
                                                                              services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        person, said = _at_outstanding_after_ri(bot, standin)
        assert f"Your earlier reason, “{REASON}”, was for {RI}, not Outstanding." in said, said
        assert "Type a reason for Outstanding, or reuse to give the same words for it." in said
        assert "Noted already" not in said
        said = _typed(person, ["keep"])
    assert (f"“{REASON}” was your reason for {RI}, not Outstanding, so I haven't kept it. Type a reason for "
            "Outstanding, or reuse to give the same words for it.") in said, said
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.overall_grade) == ("grade_reason", "outstanding")  # still waiting for its reason
    assert audit.reason_for("outstanding") is None
    with time_machine.travel(DRAFTED, tick=False):
        said = _typed(person, ["back", "RI"])  # the grade it was written for, chosen again: `keep` keeps it
        assert f"Noted already: {REASON}" in said and "or keep to keep it" in said, said
        _typed(person, ["keep"])
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.overall_grade, audit.grade_reason) == ("strengths", "requires_improvement", REASON)


def test_keep_at_the_overall_grade_keeps_the_grade_but_asks_its_reason(bot: RunningBot, standin,
                                                                        services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        person, _ = _at_outstanding_after_ri(bot, standin)
        said = _typed(person, ["back"])
        assert f"Noted already: Outstanding. Your reason “{REASON}” was for {RI}. Type keep to keep Outstanding" \
               in said, said
        assert "keep both" not in said
        said = _typed(person, ["keep"])
    assert "Strengths" not in said
    assert f"Your earlier reason, “{REASON}”, was for {RI}, not Outstanding." in said, said
    assert store.get_audit(services.storage, 1).step == "grade_reason"


def test_reuse_gives_the_earlier_reason_to_the_new_grade(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        person, _ = _at_outstanding_after_ri(bot, standin)
        said = _typed(person, ["reuse"])
    assert "Got it: the same reason for Outstanding." in said and "Strengths" in said, said
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.overall_grade, audit.reason_for("outstanding")) == ("strengths", "outstanding", REASON)
