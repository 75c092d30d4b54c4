"""`cancel`, `back` and `pause` typed while an audit is being started (its checklists shown, or its case reference
asked: nothing is stored yet) do what they say there. At the checklists they were answered "You are not in an audit,
so there is nothing to cancel" and the checklists stayed waiting; at the case reference `back` and `pause` were told
they did not look like a case reference."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

MANAGER = "U0MGRN001"
AGAIN = "Type start audit whenever you are ready."
LEFT = {
    "cancel": f"OK, no audit started. {AGAIN}",
    "Cancel.": f"OK, no audit started. {AGAIN}",
    "stop": f"OK, no audit started. {AGAIN}",
    "back": f"The checklists are the first step of an audit, so there is nothing to go back to: no audit started. "
            f"{AGAIN}",
    "pause": f"There is nothing to pause yet: an audit is saved once you give its case reference, so no audit "
             f"started. {AGAIN}",
}


def nothing_stored(services: Services) -> bool:
    return (services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 0
            and store.conversation(services.storage, MANAGER) == {})


@pytest.mark.parametrize("start", ["start audit", "/audit start", "CR-123456"])
@pytest.mark.parametrize("word", list(LEFT))
def test_a_control_word_at_the_checklists_leaves_them_saying_so(engine: Engine, services: Services, start: str,
                                                                word: str) -> None:
    lines = [start, "1"] if start.startswith("CR") else [start]  # a reference typed alone, then Start an audit
    _, out = drive(engine, [*lines, word], user=MANAGER)
    said = flat(out.split("Which checklist are you auditing", 1)[1], "*`")
    assert LEFT[word] in said and "not in an audit" not in said
    assert nothing_stored(services)
    _, after = drive(engine, ["2"], user=MANAGER)  # the checklists are gone: a number picks nothing
    assert "Which checklist" not in after and nothing_stored(services)


@pytest.mark.parametrize("word", ["cancel", "stop", "pause"])
def test_cancel_and_pause_at_the_case_reference_leave_it_saying_so(engine: Engine, services: Services,
                                                                   word: str) -> None:
    _, out = drive(engine, ["start audit neglect", word], user=MANAGER)
    said = flat(out.split("What is the case reference?", 1)[1], "*`")
    assert LEFT[word] in said and "doesn't look like a case reference" not in said
    assert nothing_stored(services)


def test_back_at_the_case_reference_shows_the_checklists_again_to_pick_another(engine: Engine,
                                                                               services: Services) -> None:
    _, out = drive(engine, ["start audit neglect", "back", "early help", "CR-123456"], user=MANAGER)
    said = flat(out.split("Never a name, date of birth or NHS number.", 1)[1], "*`")
    assert said.startswith("Which checklist are you auditing against?")
    [audit] = store.drafts_of(services.storage, MANAGER)
    assert (audit.checklist_id, audit.case_ref) == ("early-help-spot", "CR-123456")


# `skip` at the checklists was told "You are not in an audit, so there is nothing to skip", though the checklists were
# on screen; at the case reference, that it did not look like a case reference. Nothing is asked yet to be skipped.
SKIP_AT_CHECKLISTS = ("There is nothing to skip yet: pick the checklist you are auditing against, or type cancel if "
                      "you don't want to start an audit.")


@pytest.mark.parametrize("start", ["start audit", "/audit start", "CR-123456"])
def test_skip_at_the_checklists_says_there_is_nothing_to_skip_and_a_number_still_picks_one(
        engine: Engine, services: Services, start: str) -> None:
    lines = [start, "1"] if start.startswith("CR") else [start]
    _, out = drive(engine, [*lines, "skip", "12"], user=MANAGER)  # 12: Neglect, from the checklists offered again
    said = flat(out.split("Which checklist are you auditing", 1)[1])
    assert SKIP_AT_CHECKLISTS in said and "not in an audit" not in said
    assert said.split(SKIP_AT_CHECKLISTS, 1)[1].lstrip().startswith("1) Care leavers and pathway plans")
    if start.startswith("CR"):  # the audit was started for that case: picking the checklist creates it
        [audit] = store.drafts_of(services.storage, MANAGER)
        assert (audit.checklist_id, audit.case_ref) == ("neglect", "CR-123456")
    else:
        assert store.conversation(services.storage, MANAGER) == {"feature": "audit", "awaiting": "case_reference",
                                                                  "checklist": "neglect"}


def test_skip_at_the_case_reference_says_the_reference_comes_first(engine: Engine, services: Services) -> None:
    _, out = drive(engine, ["start audit neglect", "skip"], user=MANAGER)
    said = flat(out.split("What is the case reference?", 1)[1])
    assert ("! There is nothing to skip yet: an audit starts with its case reference. Type it, such as CR-123456, or "
            "cancel if you don't want to start this audit.") in said
    assert "doesn't look like a case reference" not in said
    assert store.conversation(services.storage, MANAGER)["awaiting"] == "case_reference"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.sampled_from(["skip", "Skip", "SKIP", " skip "]), end=st.sampled_from(["", ".", "!", "!!"]))
def test_skip_typed_in_any_case_at_the_checklists_is_nothing_to_skip(engine: Engine, services: Services, word: str,
                                                                     end: str) -> None:
    engine.message(MANAGER, "start audit")
    [reply] = engine.message(MANAGER, f"{word}{end}")
    assert flat(reply.text, "`") == SKIP_AT_CHECKLISTS
    assert store.conversation(services.storage, MANAGER)["awaiting"] == "choose_checklist"
