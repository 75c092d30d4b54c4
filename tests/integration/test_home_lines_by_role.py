"""Trial 48 (F20): Home showed "This month: 0 audits completed", with no target, to a practitioner and a QA lead, and
a worker whose case had an audit waiting for their reflections saw only *View #1*. The month's line is shown where a
target applies, and an audit of the worker's case not yet reflected on has *Reflect on #N*
beside its *View*, with `/audit reflect N` said."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a working day
WORKER, QA_LEAD, MANAGER = "U0PRAN001", "U0QALEAD1", "U0MGRN001"


def home(engine: Engine, user: str) -> tuple[str, list]:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.command(user, "home")
    return flat(" ".join(f"== {r.title} == {r.text} {r.note or ''}" for r in replies), "*`"), \
        [c for r in replies for c in r.choices]


def test_no_month_line_without_a_target_but_the_managers_keeps_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        generate(services)
    for user in (WORKER, QA_LEAD):
        text, _ = home(engine, user)
        assert "This month:" not in text and "0 audits completed" not in text
    text, _ = home(engine, MANAGER)
    assert "This month: " in text and "against your target of 2" in text


def test_an_audit_of_the_workers_case_not_reflected_on_has_a_reflect_button(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        generate(services)
    _, choices = home(engine, WORKER)
    shown = [int(c.value) for c in choices if c.action == "audit.view"]
    reflect = [c for c in choices if c.action == "audit.reflect"]
    assert shown and [int(c.value) for c in reflect] == [
        a for a in shown if store.get_audit(services.storage, a).worker_id == WORKER]
    first = reflect[0].value
    assert reflect[0].label == f"Reflect on #{first}"
    with time_machine.travel(MONDAY, tick=False):
        engine.command(WORKER, f"reflect {first} I agree the plan drifted and I will review it with the family.")
    text, choices = home(engine, WORKER)
    assert first not in [c.value for c in choices if c.action == "audit.reflect"]
    nxt = next(c.value for c in choices if c.action == "audit.reflect")
    assert f"Audit #{nxt} of your case waits for your reflections: press Reflect on #{nxt}, or type " \
           f"/audit reflect {nxt}." in text
    _, qa_choices = home(engine, QA_LEAD)
    assert not any(c.action == "audit.reflect" for c in qa_choices)
