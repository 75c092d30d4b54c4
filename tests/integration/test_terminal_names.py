"""The terminal chat names people as Slack would ("@Sam North", not "@U0MGRN001"), in a campaign's auditors and more."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.markup import mention
from bot.core.replies import Reply
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.e2e.test_terminal_chat import drive


def test_a_mention_reads_as_the_persons_name_when_names_are_known() -> None:
    view = TerminalView(names={"U0MGRN001": "Sam North"}.get)
    shown = view.render([Reply(text=f"• {mention('U0MGRN001')}: 2 of 3 submitted", title=f"For {mention('U0MGRN001')}",
                               fields=(("Auditor", mention("U0MGRN001")),))])
    assert shown.count("@Sam North") == 3 and "U0MGRN001" not in shown


def test_without_names_the_id_is_shown() -> None:
    assert "@U0MGRN001" in TerminalView().render([Reply(text=f"cover: {mention('U0MGRN001')}")])


def test_the_chat_names_the_people_it_mentions(engine: Engine) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False):
        _, out = drive(engine, ["/audit away until 2026-12-24 cover @U0MGRS001"], user="U0MGRN001")
    label = engine.directory.label("U0MGRS001")
    assert label != "U0MGRS001" and f"@{label}" in out
    assert "@U0MGRS001" not in out
