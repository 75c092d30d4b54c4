"""An opened moderation never gets stuck: its moderator can always get back to it, others see who has it and
since when, and once it has been held undecided for two working days another moderator may take it over."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from bot.storage.errors import Conflict
from bot.storage.reports import digests as report_store
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_audit_terminal import terminal_sender
from tests.support.text import flat

AUDITOR = "U0MGRN001"  # North manager, auditing a North worker's case
FIRST, SECOND, SOUTH_MANAGER = "U0QALEAD1", "U0QALEAD2", "U0MGRS001"
MONDAY = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)      # opened
TUESDAY = datetime(2027, 3, 2, 16, 0, tzinfo=UTC)     # one working day on: still the opener's alone
WEDNESDAY = datetime(2027, 3, 3, 9, 0, tzinfo=UTC)    # two working days on: another moderator may take it over


@pytest.fixture
def opened_and_left(engine: Engine) -> int:
    """Audit #1, submitted on Monday and opened by the first QA lead, who then ends the session undecided."""
    with time_machine.travel(MONDAY, tick=False):
        view = TerminalView()
        send = terminal_sender(engine, view, AUDITOR)
        complete_audit(send, send("type", "/audit start early-help-spot"))
        _, out = drive(engine, ["/audit moderate", "1", "quit"], user=FIRST)
    assert "1) Agree: Good" in out and "2) Disagree" in out
    return 1


def test_the_moderator_who_walked_away_gets_back_to_it_and_decides(engine: Engine, services: Services,
                                                                   opened_and_left: int) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, listed = drive(engine, ["/audit moderate"], user=FIRST)
        assert "Audits you are moderating" in listed and "1) Continue #1" in listed
        assert "No submitted audits are waiting" not in listed
        _, shown = drive(engine, ["/audit show 1"], user=FIRST)
        assert "you opened this audit for moderation on Monday 1 March 2027" in flat(shown)
        assert "1) Agree: Good" in shown and "2) Disagree" in shown
        # From `/audit show`: Agree, then the reason; the auditor is told.
        _, decided = drive(engine, ["/audit show 1", "1", "The plan is clear and the child's views shaped it."],
                           user=FIRST)
    assert "Moderation of audit #1 saved" in decided
    assert store.get_audit(services.storage, opened_and_left).status == "moderated"


def test_others_see_who_holds_it_and_since_when_but_cannot_take_it_yet(engine: Engine, services: Services,
                                                                       opened_and_left: int) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        for person in (SECOND, SOUTH_MANAGER):
            _, listed = drive(engine, ["/audit moderate"], user=person)
            text = flat(listed)
            assert "No submitted audits are waiting for you to moderate" in text
            assert ("#1 Early help spot audit, case CR-100200, graded Good by Team manager (North): being moderated "
                    "by QA lead (practice) since Monday 1 March 2027; if it is still undecided on Wednesday 3 March "
                    "2027, another moderator may take it over") in text
            assert "Take over" not in text
        _, shown = drive(engine, ["/audit show 1"], user=SECOND)
        assert "being moderated by QA lead (practice) since Monday 1 March 2027" in flat(shown)
        assert "Agree" not in shown and "Take over" not in shown
        [refused] = engine.action(SECOND, "audit.moderate_open", "1")
        assert refused.kind == "error" and "being moderated by QA lead (practice)" in refused.text
        [not_theirs] = engine.action(SECOND, "audit.moderate_agree", "1")
        assert not_theirs.kind == "error" and "being moderated by QA lead (practice)" in not_theirs.text
        _, own_team = drive(engine, ["/audit moderate"], user=AUDITOR)  # may not moderate their own team's audit
        assert "Being moderated" not in own_team
        _, locked = drive(engine, ["/audit edit 1 strengths Warm, steady direct work.", "/audit show 1"],
                          user=AUDITOR)
        assert "read-only now: /audit show 1 says who is moderating it and since when" in flat(locked)
        assert "being moderated by QA lead (practice) since Monday 1 March 2027" in flat(locked)
    assert moderation_store.current_moderation(services.storage, opened_and_left).moderator_id == FIRST


def test_after_two_working_days_another_moderator_takes_it_over(engine: Engine, services: Services,
                                                              opened_and_left: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, listed = drive(engine, ["/audit moderate"], user=SECOND)
        assert "not decided yet, so another moderator may take it over" in flat(listed)
        assert "1) Take over #1" in listed
        _, shown = drive(engine, ["/audit show 1"], user=SECOND)
        assert "1) Take over #1" in shown
        _, taken = drive(engine, ["/audit moderate", "1"], user=SECOND)
        text = flat(taken)
        assert "You have taken over the moderation of audit #1 from QA lead (practice)" in text
        assert "1) Agree: Good" in taken
        assert "[message to U0QALEAD1]" in taken
        assert "QA lead (children in care) took over the moderation of audit #1" in text
        _, first_now = drive(engine, ["/audit moderate", "/audit show 1"], user=FIRST)
        assert "Continue #1" not in first_now and "Agree" not in first_now
        assert "being moderated by QA lead (children in care) since Wednesday 3 March 2027" in flat(first_now)
        [stale] = engine.action(FIRST, "audit.moderate_agree", "1")
        assert stale.kind == "error" and "nothing changed" in stale.text
        _, decided = drive(engine, ["/audit show 1", "2", "2", "Impact for the child is not yet evidenced.", "skip"],
                           user=SECOND)
    assert "Moderation of audit #1 saved" in decided
    assert list(report_store.moderation_agreement(services.storage, None, None, None).values()) == [(0, 1)]
    trail = services.storage.db.execute("SELECT action FROM trail WHERE action LIKE 'audit.moderat%' "
                                        "ORDER BY id").fetchall()
    assert [row[0] for row in trail] == ["audit.moderation_opened", "audit.moderation_taken_over", "audit.moderated"]


def test_a_take_over_that_lost_the_race_changes_nothing(services: Services, engine: Engine,
                                                        opened_and_left: int) -> None:
    held = moderation_store.current_moderation(services.storage, opened_and_left)
    assert held is not None
    moderation_store.take_over_moderation(services.storage, held, SECOND, WEDNESDAY)
    with pytest.raises(Conflict):
        moderation_store.take_over_moderation(services.storage, held, SOUTH_MANAGER, WEDNESDAY)
    assert moderation_store.current_moderation(services.storage, opened_and_left).moderator_id == SECOND
