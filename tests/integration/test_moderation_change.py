"""A moderator changes their own decision (trial 26: "i need to change my moderation on 137, i was too harsh" got "I
don't know that yet", and `moderate 137` said "nothing left to decide", after an Inadequate that had alerted both QA
leads). The moderation opens again for them, in the trail, the auditor told; the earlier decision stays the grade of
record until the new one; those the Inadequate alerted are told when it no longer stands."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_grade import AUDITOR, NEXT_WEEK, QA, SOUTH, regraded  # noqa: F401 (fixture)
from tests.support.text import flat

TOO_HARSH = "i need to change my moderation on {id}, i was too harsh"
REASON = "On reading it again, the file shows the plan was reviewed with the family."


def trail_kinds(services: Services) -> list[str]:
    return [row["action"] for row in services.storage.db.query("SELECT action FROM trail ORDER BY id")]


def test_the_moderator_reopens_their_decision_and_decides_again(
        engine: Engine, services: Services, regraded: int) -> None:  # noqa: F811
    with time_machine.travel(NEXT_WEEK, tick=False):
        [moderated] = engine.command(SOUTH, f"moderate {regraded}", surface="terminal")
        opened = engine.message(SOUTH, TOO_HARSH.format(id=regraded), surface="terminal")
        during = store.get_audit(services.storage, regraded)
        _, out = drive(engine, ["1", REASON], user=SOUTH)  # Agree: Good, the auditor's grade
    assert f"To change your decision, type `change moderation {regraded}`." in moderated.text
    said = opened[0].text
    assert said.startswith(f"Your moderation of audit #{regraded} is open again (on Wednesday 2 December 2026 you "
                           "graded it Inadequate)"), said
    assert "The alerts its Inadequate grade sent have gone and can't be recalled" in said
    assert any("Do you agree with the overall grade?" in r.text for r in opened)
    [auditor_told] = [r for r in opened if r.to_user == AUDITOR]
    assert "is changing their moderation of your audit" in auditor_told.text
    assert (during.status, during.grade_of_record) == ("in_moderation", "inadequate")  # it stands until decided
    text = flat(out)
    assert f"Moderation of audit #{regraded} saved" in text
    # the terminal shows bold plainly: those the Inadequate alerted are told it no longer stands
    assert "Team manager (South) changed their moderation from Inadequate to Good, so Inadequate is no longer" in text
    after = store.get_audit(services.storage, regraded)
    assert (after.status, after.grade_of_record) == ("moderated", "good")
    assert "audit.moderation_reopened" in trail_kinds(services)


def test_someone_else_is_told_who_can_change_it_and_nothing_changes(
        engine: Engine, services: Services, regraded: int) -> None:  # noqa: F811
    with time_machine.travel(NEXT_WEEK, tick=False):
        [refused] = engine.message(QA, TOO_HARSH.format(id=regraded), surface="terminal")
        [moderated] = engine.command(QA, f"moderate {regraded}", surface="terminal")
    assert refused.kind == "error"
    assert refused.text == (f"Only Team manager (South), who moderated audit #{regraded}, can change that decision: "
                            "ask them.")
    assert "change moderation" not in moderated.text
    assert store.get_audit(services.storage, regraded).status == "moderated"
    assert "audit.moderation_reopened" not in trail_kinds(services)


def test_the_slash_command_is_read_as_the_bare_words_are(engine: Engine, services: Services,
                                                         regraded: int) -> None:  # noqa: F811
    """Trial 62 F1: `/audit change moderation N` (as the response DM names it, here typed in the chat with its slash
    and as Slack's slash command sends it) opens the moderation as `change moderation N` does; someone else is told
    who can, as typed."""
    with time_machine.travel(NEXT_WEEK, tick=False):
        [refused] = engine.command(QA, f"change moderation #{regraded}")
        typed = engine.message(SOUTH, f"/audit change moderation {regraded}", surface="terminal")
        engine.message(SOUTH, "cancel", surface="terminal")
        slashed = engine.command(SOUTH, f"CHANGE Moderation {regraded}")
    assert refused.text.startswith(f"Only Team manager (South), who moderated audit #{regraded}, can change")
    for replies in (typed, slashed):
        assert replies[0].text.startswith(f"Your moderation of audit #{regraded} is open again"), replies[0].text
    assert store.get_audit(services.storage, regraded).status == "in_moderation"
