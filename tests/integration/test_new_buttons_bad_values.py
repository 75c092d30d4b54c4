"""A copied or mangled value on the chase and reflection buttons added in session 28 gets a clear reply, never an
unhandled error (the bad-input property test found `reflection.save` with "0" and `chase.not` with a 20-digit
number)."""

from __future__ import annotations

import logging

import pytest

from bot.engine.routing import Engine


@pytest.mark.parametrize("action", ["reflection.save", "chase.anyway", "chase.not"])
@pytest.mark.parametrize("value", ["0", "", "abc", "1:2", "99999999999999999999", "-1"])
def test_a_mangled_button_value_gets_a_clear_reply(engine: Engine, caplog: pytest.LogCaptureFixture, action: str,
                                                   value: str) -> None:
    caplog.set_level(logging.ERROR)
    for user in ("U0PRAN001", "U0MGRN001"):
        replies = engine.action(user, action, value)
        assert replies and all(reply.text for reply in replies)
        assert "99999999999999999999" not in " ".join(reply.text for reply in replies)
    assert [record.getMessage()[:200] for record in caplog.records] == []
