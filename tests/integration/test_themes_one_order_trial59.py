"""Trial 59 F7 and F15: `digest this quarter` and `themes this quarter` cut a tie at 5 audits differently, and neither
said there was a tie; a theme named neither its checklist nor the answer that counted as bad ("What is the outcome so
far? (in 4 audits)"). Now one order everywhere (most audits, then the checklist's order, then the words), the last
one listed says how many more tie with it, and each names its checklist and the bad answer. Clock pinned to a
working Friday, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

FRIDAY = datetime(2026, 12, 4, 10, 0, tzinfo=ZoneInfo("Europe/London"))
EVERY = ("chronology", "plan-smart", "child-seen", "voice")


def _quarter(services: Services) -> None:
    """Three audits answer the chronology badly; two of them the other three questions too: a tie of three at 2."""
    with time_machine.travel(FRIDAY, tick=False):
        rows = AuditRows(services)
        for day in (5, 6):
            rows.audit(submitted=datetime(2026, 10, day, 10, tzinfo=UTC), flagged=EVERY)
        rows.audit(submitted=datetime(2026, 11, 9, 10, tzinfo=UTC), flagged=("chronology",))


def _listed(engine: Engine, typed: str) -> list[str]:
    with time_machine.travel(FRIDAY, tick=False):
        replies = engine.message("U0ADMIN01", typed, surface="terminal")
    text = "\n".join(reply.text for reply in replies if "answered badly" in f"{reply.title} {reply.text}")
    return re.findall(r"^ +\d+(?:–\d+ \(tie, \d+ audits each\))?\. (.+)$", text, re.MULTILINE)


def test_the_digest_and_themes_list_one_order_and_say_where_the_cut_fell_in_a_tie(engine: Engine,
                                                                                 services: Services) -> None:
    _quarter(services)
    digest, themes = _listed(engine, "digest this quarter"), _listed(engine, "themes this quarter")
    assert digest == themes[:3], (digest, themes)
    assert digest == [
        "(Full case audit) Is there an up-to-date chronology? answered “No” in 3 audits",
        "(Full case audit) Is the plan specific, measurable and time-bound? answered “No” in 2 audits",
        "(Full case audit) Was the child seen alone at the last visit? answered “No” in 2 audits "
        "(tied with 1 other at 2 audits, not listed)"]
    assert "child's voice" not in "\n".join(themes)


def test_a_scale_theme_names_the_grade_that_counted_as_bad(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        rows = AuditRows(services)
        for day in (5, 6):
            rows.audit(submitted=datetime(2026, 10, day, 10, tzinfo=UTC), flagged=("voice",))
    assert _listed(engine, "themes this quarter")[0] == ("(Full case audit) How well is the child's voice recorded? "
                                                        "answered “Inadequate” in 2 audits")
