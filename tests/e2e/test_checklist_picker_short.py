"""`start audit` lists the checklists one short line each (trial 34: all 18 descriptions, some four lines long, were
too long on a phone), and the picker still takes a number or a name."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))


def test_start_audit_lists_each_checklist_on_one_short_line(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message("U0PRAS001", "start audit", surface="terminal")
    [picker] = replies
    bullets = [line for line in picker.text.splitlines() if line.startswith("• ")]
    assert len(bullets) == len(picker.choices) == 18
    assert all(len(line.replace("**", "")) <= 95 for line in bullets), bullets
    assert "• **Neglect** — a child where neglect is the main concern" in bullets
    assert "• **Voice of the child** — how well the child is seen, heard and understood" in bullets
    assert "Use it for the monthly audit programme" not in picker.text  # the descriptions' later sentences
    assert len(picker.text.splitlines()) <= 20
    assert "Pick one by its number or its name (`cp`, `neglect`)" in picker.text


def test_the_short_list_still_picks_by_number_and_by_name(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, ["start audit", "12", "CR-123456"], user="U0MGRN001")
        drive(engine, ["start audit", "voice of teh child", "CR-123457"], user="U0MGRS001")
    assert store.drafts_of(services.storage, "U0MGRN001")[0].checklist_id == "neglect"
    assert store.drafts_of(services.storage, "U0MGRS001")[0].checklist_id == "voice-of-the-child"
