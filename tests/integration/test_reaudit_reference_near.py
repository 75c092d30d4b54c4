"""Trial 50: `re-audit CR-55123`, a digit short of CR-551234 whose re-audit was due, was told only that CR-55123 has
no re-audit due. Now one case with a re-audit due, one edit away, is offered ("Did you mean CR-551234 …?"), and a
typed `yes` starts its re-audit; with two such cases the bot never guesses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.chat import options_in
from tests.integration.test_reaudits import NORTH_MANAGER, SUBMITTED, Cases, at, text

LATER = SUBMITTED + timedelta(weeks=5)  # the Inadequate audit's re-audit is due by Monday 12 April 2027, soon
MEANT = "Did you mean **CR-551234** (re-audit due by Monday 12 April 2027)? Type `yes` to start its re-audit."


@pytest.fixture
def cases(services: Services) -> Cases:
    return Cases(services)


@pytest.mark.parametrize("typed", ["re-audit CR-55123", "re-audit cr5512345", "re-audit CR-551243",
                                   "re-audit CR-551235"])
def test_a_reference_one_edit_from_a_due_reaudit_is_offered_and_yes_starts_it(
        engine: Engine, services: Services, cases: Cases, typed: str) -> None:
    cases.audit("CR-551234", "inadequate", SUBMITTED)
    with at(LATER):
        said = engine.message(NORTH_MANAGER, typed, surface="terminal")
        # trial 51 (F20): the suggestion first, as option 1; the line on the reference as typed after it
        assert said[0].text == MEANT
        assert [choice.label for choice in said[0].choices] == ["Start re-audit CR-551234"]
        assert said[1].text.startswith("If you did mean **CR-") and "as typed: it has no re-audit due" in said[1].text
        assert [choice.action for choice in said[1].choices] == ["audit.start_case"]
        started = text(engine.message(NORTH_MANAGER, "yes", surface="terminal"))
    assert started.startswith("Starting the re-audit of CR-551234 against **Full case audit**"), started
    [draft] = store.drafts_of(services.storage, NORTH_MANAGER)
    assert draft.case_ref == "CR-551234"


def test_in_the_terminal_the_suggestion_is_option_1(engine: Engine, cases: Cases) -> None:
    """Trial 51 (F20): "… 2) Start an audit" came before "Did you mean …? 1) Start re-audit …"."""
    cases.audit("CR-551234", "inadequate", SUBMITTED)
    with at(LATER):
        said = engine.message(NORTH_MANAGER, "re-audit CR-55123", surface="terminal")
    assert [label for label, _, _ in options_in(said)] == ["Start re-audit CR-551234", "Start an audit of CR-55123"]


def test_between_two_near_cases_the_bot_never_guesses(engine: Engine, cases: Cases) -> None:
    cases.audit("CR-551234", "inadequate", SUBMITTED)
    cases.audit("CR-551239", "inadequate", SUBMITTED)
    with at(LATER):
        said = text(engine.message(NORTH_MANAGER, "re-audit CR-55123", surface="terminal"))
    assert "has no re-audit due" in said and "Did you mean" not in said


def test_a_near_case_with_no_reaudit_due_is_not_offered(engine: Engine, cases: Cases) -> None:
    cases.audit("CR-551234", "good", SUBMITTED)
    with at(LATER):
        said = text(engine.message(NORTH_MANAGER, "re-audit CR-55123", surface="terminal"))
    assert "has no re-audit due" in said and "Did you mean" not in said


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(digits=st.one_of(st.text(alphabet="0123456789", min_size=4, max_size=8), st.builds(
    lambda at, digit, how: ("551234"[:at] + digit + "551234"[at + (how != "add"):]) if how != "drop"
    else "551234"[:at] + "551234"[at + 1:], st.integers(0, 5), st.sampled_from("0123456789"),
    st.sampled_from(["add", "change", "drop"]))))
def test_only_a_reference_one_edit_away_is_ever_offered(engine: Engine, cases: Cases, digits: str) -> None:
    assume(digits != "551234")
    if not cases.storage.db.execute("SELECT count(*) FROM audits WHERE case_ref = 'CR-551234'").fetchone()[0]:
        cases.audit("CR-551234", "inadequate", SUBMITTED)
    with at(LATER):
        said = text(engine.message(NORTH_MANAGER, f"re-audit CR-{digits}", surface="terminal"))
    one_away = _one_edit("551234", digits)
    assert ("Did you mean **CR-551234**" in said) is one_away, (digits, said)


def _one_edit(a: str, b: str) -> bool:
    """Plainly: one digit changed, added, removed, or two neighbours swapped."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(long_) - len(short) == 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
