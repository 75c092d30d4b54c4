"""A moderator opening an audit sees that an immediate-concern alert was sent and withdrawn while it was done, and
that its checklist was changed (trial 26: both were only in the trail), in Slack's blocks and in the terminal alike,
with no case reference or answer in those words."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from handlers.blocks import render_message
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)
AUDITOR = "U0MGRN001"  # a North manager: their alerts go to the QA leads and the head of service
SAID = ("While it was done: an immediate-concern alert about an answer was sent on 30 Nov to 3 people, withdrawn on "
        "30 Nov; the checklist was changed from Early help spot audit to Full case audit on 30 Nov.")


def _audit_with_an_alert_withdrawn_and_a_switch(engine: Engine) -> None:
    view = TerminalView()
    send = terminal_sender(engine, view, AUDITOR)
    for line in ("/audit start early-help-spot", "CR-123456", "1", "yes", "send", "back", "no"):
        send("type", line)  # Yes and the alert sent, then Back and No: the alert withdrawn
    complete_audit(send, send("type", "change checklist to full case audit"))


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", "").split())


def test_the_moderation_screen_says_the_alert_was_withdrawn_and_the_checklist_changed(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _audit_with_an_alert_withdrawn_and_a_switch(engine)
        replies = engine.action("U0QALEAD1", "audit.moderate_open", "1", surface="dm")
    [screen] = [r for r in replies if r.choices and r.to_user is None]
    terminal = _flat(TerminalView().render([screen]))
    blocks = _flat(json.dumps(render_message(screen)["blocks"], ensure_ascii=False).replace("\\n", " "))
    assert SAID in terminal
    assert SAID in blocks
    said = SAID.split("While it was done:")[1]
    assert "CR-123456" not in said and "safeguarding" not in said


def test_an_audit_with_neither_says_nothing_of_them(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        view = TerminalView()
        send = terminal_sender(engine, view, AUDITOR)
        complete_audit(send, send("type", "/audit start early-help-spot"))
        replies: list[Reply] = engine.action("U0QALEAD1", "audit.moderate_open", "1", surface="dm")
    assert not any("While it was done" in r.text for r in replies)
