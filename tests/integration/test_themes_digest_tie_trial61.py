"""Trial 61 F1: Home says a tie among the questions most often answered badly ("2 questions tie, each in 2 audits"),
but `themes` and the weekly digest numbered the same tied questions 1, 2 as if one ranked above the other. Both now
give tied questions one shared place, "1–2 (tie, 2 audits each)". Clock pinned to a Wednesday, so these pass under
AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/London"))  # last complete week: 16 to 22 Nov
PLAN = "(Full case audit) Is the plan specific, measurable and time-bound? answered “No”"
SEEN = "(Full case audit) Was the child seen alone at the last visit? answered “No”"
CHRONOLOGY = "(Full case audit) Is there an up-to-date chronology? answered “No”"


def _numbered(engine: Engine, typed: str) -> list[str]:
    """The numbered theme lines of the reply to `typed`, as the North manager sees them."""
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = engine.message("U0MGRN001", typed, surface="terminal")
    text = "\n".join(f"{reply.title}\n{reply.text}" for reply in replies)
    return re.findall(r"^ +(\d.*?\. \(Full case audit\).*)$", text, re.MULTILINE)


def _audits(services: Services, *flagged: tuple[int, tuple[str, ...]]) -> None:
    rows = AuditRows(services)
    for day, questions in flagged:
        rows.audit(submitted=datetime(2026, 11, day, 11, tzinfo=UTC), flagged=questions)


def test_themes_and_the_digest_give_two_tied_questions_one_shared_place(engine: Engine,
                                                                      services: Services) -> None:
    _audits(services, (17, ("plan-smart", "child-seen")), (18, ("plan-smart", "child-seen")))
    for typed in ("themes", "digest"):
        assert _numbered(engine, typed) == [f"1–2 (tie, 2 audits each). {PLAN} in 2 audits",
                                            f"1–2 (tie, 2 audits each). {SEEN} in 2 audits"], typed


def test_a_question_ahead_keeps_its_own_place_and_the_tie_after_it_shares_the_next(engine: Engine,
                                                                                   services: Services) -> None:
    _audits(services, (16, ("chronology",)), (17, ("chronology", "plan-smart", "child-seen")),
            (18, ("chronology", "plan-smart", "child-seen")))
    for typed in ("themes", "digest"):
        assert _numbered(engine, typed) == [f"1. {CHRONOLOGY} in 3 audits",
                                            f"2–3 (tie, 2 audits each). {PLAN} in 2 audits",
                                            f"2–3 (tie, 2 audits each). {SEEN} in 2 audits"], typed


def test_no_tie_is_numbered_plainly(engine: Engine, services: Services) -> None:
    _audits(services, (16, ("chronology",)), (17, ("chronology", "plan-smart")), (18, ("chronology", "plan-smart")))
    for typed in ("themes", "digest"):
        assert _numbered(engine, typed) == [f"1. {CHRONOLOGY} in 3 audits", f"2. {PLAN} in 2 audits"], typed


def test_the_service_digest_says_the_tie_across_teams_too(engine: Engine, services: Services) -> None:
    _audits(services, (17, ("plan-smart", "child-seen")), (18, ("plan-smart", "child-seen")))
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = engine.message("U0ADMIN01", "digest", surface="terminal")
    text = "\n".join(f"{reply.title}\n{reply.text}" for reply in replies)
    across = text.split("answered badly across teams", 1)[1]
    assert re.findall(r"^ +(\d.*?\. \(Full case audit\).*)$", across, re.MULTILINE) == [
        f"1–2 (tie, 2 audits each). {PLAN} in 2 audits", f"1–2 (tie, 2 audits each). {SEEN} in 2 audits"], across
