"""Trial 60 F18 through `/audit compare`: a re-audit 11 weeks after the audit before it said "How many weeks has the
child been in pre-proceedings? — 2 → 14 (worse)", which a leader reads as practice sliding. Weeks in pre-proceedings,
months on a plan and plans before this one grow with time, so compare sets them against their flag and calls them
neither better nor worse; other counts keep their verdict."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import moderation as moderation_store
from tests.integration.test_audit_compare import checklist, question
from tests.support.audit_rows import insert_answered_audit

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
MANAGER = "U0MGRN001"
WEEKS = question("weeks-in-pre-proceedings", "How many weeks has the child been in pre-proceedings?", "number",
                 flag_at_least=17, grows_with_time="duration")
PLANS = question("repeat-plans", "How many times has this child been on a plan for neglect before this one?",
                 "number", flag_at_least=1)  # a snapshot from before `grows_with_time`: its words say it
LATE = question("late-visits", "How many statutory visits were late?", "number", flag_at_least=1)
PLO = checklist(WEEKS, PLANS, LATE, title="Pre-proceedings and the PLO", checklist_id="pre-proceedings")


def _compared(engine: Engine, services: Services, before: dict[str, str], after: dict[str, str]) -> str:
    first = insert_answered_audit(services.storage, PLO, "CR-373208", NOW - timedelta(weeks=12), before,
                                  "inadequate")
    second = insert_answered_audit(services.storage, PLO, "CR-373208", NOW - timedelta(weeks=1), after, "good")
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.command(MANAGER, f"compare {second}", surface="terminal")
    assert reply.kind != "error", reply.text
    assert f"compared with audit #{first}" in reply.text
    return reply.text


def test_weeks_in_pre_proceedings_read_against_the_16_weeks_not_as_worse(engine: Engine, services: Services) -> None:
    text = _compared(engine, services, {"weeks-in-pre-proceedings": "2", "repeat-plans": "3", "late-visits": "1"},
                     {"weeks-in-pre-proceedings": "14", "repeat-plans": "6", "late-visits": "3"})
    assert ("How many weeks has the child been in pre-proceedings? — 2 → 14 (a duration, which grows with time, so "
            "neither better nor worse: under 17 weeks, not flagged, as before)") in text
    assert ("before this one? — 3 → 6 (a running total, which grows with time, so neither better nor worse: 1 or "
            "more, flagged, as before)") in text
    assert "How many statutory visits were late? — 1 → 3 (worse)" in text
    assert text.count("(worse)") == 1 and "(better)" not in text


def test_a_duration_that_passes_its_flag_is_said_to_be_flagged_now(engine: Engine, services: Services) -> None:
    text = _compared(engine, services, {"weeks-in-pre-proceedings": "10"}, {"weeks-in-pre-proceedings": "18"})
    assert "— 10 → 18 (a duration, which grows with time, so neither better nor worse: now 17 weeks or more, " \
           "flagged; before, not)" in text


def test_a_re_audit_graded_by_its_auditor_alone_says_so_until_it_is_moderated(engine: Engine,
                                                                            services: Services) -> None:
    """Trial 60 F19: "Inadequate → Good: improved" with no word that the Good was the auditor's, unmoderated."""
    text = _compared(engine, services, {"late-visits": "2"}, {"late-visits": "0"})
    assert ("**Grade of record:** Inadequate → Good (the auditor's grade, not yet moderated): **improved**"
            in text)
    later = int(text.split("**Audit #", 1)[1].split(" ", 1)[0])
    moderation_store.open_moderation(services.storage, later, "U0QALEAD1", NOW)
    moderation_store.decide_moderation(services.storage, later, "U0QALEAD1", True, "good",
                                       "Visits on time and the plan is specific.", NOW)
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.command(MANAGER, f"compare {later}", surface="terminal")
    assert "**Grade of record:** Inadequate → Good: **improved**" in reply.text
    assert "not yet moderated" not in reply.text
