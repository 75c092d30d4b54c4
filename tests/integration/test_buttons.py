"""Button values are decoded in one place (bot.core.buttons): any value a copied, forged or very old button carries
gets a polite out-of-date reply, never an exception, an overflow or an ERROR in the log."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import buttons
from bot.engine.routing import Engine

HUGE = "9" * 5_000
JUST_TOO_BIG = str(2**63)
LISTED = ["actions.done", "audit.view", "audit.reopen", "audit.moderate_open", "kb.escalate", "audit.answer"]
WHO = {"actions.done": "U0PRAN001", "audit.view": "U0QALEAD1", "audit.reopen": "U0MGRN001",
       "audit.moderate_open": "U0QALEAD1", "kb.escalate": "U0PRAN001", "audit.answer": "U0MGRN001"}
FIXTURES_OK = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage()[:200] for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def assert_stale_reply(replies: list) -> None:
    [reply] = replies
    assert reply.kind == "error"
    assert reply.text.startswith("That button is out of date:"), reply.text
    assert "went wrong" not in reply.text


@pytest.mark.parametrize("action", LISTED)
@pytest.mark.parametrize("shape", ["{n}", "{n}:0:yes", "1:{n}:yes", "1:0:{n}", " {n} ", "{t}", "{t}:0:yes"])
def test_a_button_with_a_very_long_number_is_out_of_date_not_a_crash(engine: Engine, caplog, action: str,
                                                                     shape: str) -> None:
    engine.message("U0PRAN001", "when is the ICPC due?")  # so there is an ask, an audit-free database otherwise
    value = shape.format(n=HUGE, t=JUST_TOO_BIG)
    replies = engine.action(WHO[action], action, value)
    assert errors_logged(caplog) == []
    assert_stale_reply(replies)


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "１", "٣", "1e3", "", " ", "1:2:3:4", "x" * 400])
def test_a_record_id_decodes_only_from_a_positive_bounded_ascii_number(value: str) -> None:
    with pytest.raises(buttons.StaleButton, match="That button is out of date"):
        buttons.record_id(value)


def test_values_the_bot_makes_decode_back() -> None:
    assert buttons.record_id(str(2**63 - 1)) == 2**63 - 1
    assert buttons.step_press(buttons.encode_step(12, 0, "yes")) == buttons.StepPress(12, 0, "yes")
    assert buttons.step_press(buttons.encode_step(12, 3)) == buttons.StepPress(12, 3, "")
    assert buttons.id_and_key(buttons.encode_id_and_key(7, "good")) == (7, "good")
    assert buttons.key_and_optional_id("strategy-discussion:4") == ("strategy-discussion", 4)
    assert buttons.key_and_optional_id("strategy-discussion") == ("strategy-discussion", None)
    assert buttons.optional_record_id("") is None


@given(value=st.text())
def test_any_text_decodes_within_bounds_or_is_a_stale_button(value: str) -> None:
    for decode in (buttons.record_id, buttons.optional_record_id, buttons.step_press, buttons.id_and_key,
                   buttons.key_and_optional_id, buttons.key, buttons.key_list):
        try:
            decoded = decode(value)
        except buttons.StaleButton as stale:
            assert str(stale).startswith("That button is out of date:")
            continue
        numbers = [n for n in (decoded if isinstance(decoded, tuple) else
                               (decoded.audit_id, decoded.version) if isinstance(decoded, buttons.StepPress)
                               else (decoded,)) if isinstance(n, int)]
        assert all(0 <= n < 2**63 for n in numbers)


any_value = st.one_of(
    st.text(),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.builds("{}:{}:{}".format, st.integers(-(10**30), 10**30), st.integers(-(10**30), 10**30), st.text(max_size=20)),
    st.builds("{}:{}".format, st.integers(-(10**30), 10**30), st.text(max_size=20)),
    st.integers(min_value=1, max_value=6000).map(lambda n: "7" * n),
)


@FIXTURES_OK
@given(action=st.sampled_from([*LISTED, "audit.moderate_grade", "audit.resume", "audit.cancel", "audit.back",
                                "audit.reflect", "kb.feedback", "kb.show", "audit.grade", "audit.owner",
                                "audit.start", "digest.show", "reminder.snooze", "audit.restore",
                                "audit.cancel_confirm", "audit.cancel_keep"]),
       value=any_value)
def test_any_string_as_a_button_value_gets_a_polite_reply(engine: Engine, caplog, action: str, value: str) -> None:
    replies = engine.action(WHO.get(action, "U0MGRN001"), action, value)
    assert replies and all(r.text.strip() for r in replies)
    assert not any("went wrong" in r.text for r in replies)
    assert errors_logged(caplog) == []


@pytest.mark.parametrize("command", [f"resume {HUGE}", f"edit {HUGE}", f"edit {HUGE} grade good",
                                     f"resume {JUST_TOO_BIG}", f"edit {JUST_TOO_BIG} strengths Kind and clear."])
def test_a_typed_audit_number_that_is_far_too_long_gets_usage_help(engine: Engine, caplog, command: str) -> None:
    [reply] = engine.command("U0MGRN001", command)
    assert reply.kind == "error" and "Type `/audit" in reply.text and "out of date" not in reply.text
    assert errors_logged(caplog) == []


@pytest.mark.parametrize("action", ["audit.start", "digest.show", "reminder.snooze", "kb.show", "kb.feedback",
                                    "audit.moderate_grade", "audit.restore", "audit.cancel_confirm"])
def test_every_other_button_reads_its_value_through_the_codec(engine: Engine, caplog, action: str) -> None:
    assert_stale_reply(engine.action("U0ADMIN01", action, "7" * 5_000))
    assert errors_logged(caplog) == []
