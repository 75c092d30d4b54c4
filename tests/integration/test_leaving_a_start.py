"""`cancel`, `back` and `pause` typed while an audit is being started (its checklists shown, or its case reference
asked: nothing is stored yet) do what they say there. At the checklists they were answered "You are not in an audit,
so there is nothing to cancel" and the checklists stayed waiting; at the case reference `back` and `pause` were told
they did not look like a case reference."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

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


def flat(text: str) -> str:
    return " ".join(text.replace("`", "").replace("*", "").split())


def nothing_stored(services: Services) -> bool:
    return (services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 0
            and store.conversation(services.storage, MANAGER) == {})


@pytest.mark.parametrize("start", ["start audit", "/audit start", "CR-123456"])
@pytest.mark.parametrize("word", list(LEFT))
def test_a_control_word_at_the_checklists_leaves_them_saying_so(engine: Engine, services: Services, start: str,
                                                                word: str) -> None:
    lines = [start, "1"] if start.startswith("CR") else [start]  # a reference typed alone, then Start an audit
    _, out = drive(engine, [*lines, word], user=MANAGER)
    said = flat(out.split("Which checklist are you auditing", 1)[1])
    assert LEFT[word] in said and "not in an audit" not in said
    assert nothing_stored(services)
    _, after = drive(engine, ["2"], user=MANAGER)  # the checklists are gone: a number picks nothing
    assert "Which checklist" not in after and nothing_stored(services)


@pytest.mark.parametrize("word", ["cancel", "stop", "pause"])
def test_cancel_and_pause_at_the_case_reference_leave_it_saying_so(engine: Engine, services: Services,
                                                                   word: str) -> None:
    _, out = drive(engine, ["start audit neglect", word], user=MANAGER)
    said = flat(out.split("What is the case reference?", 1)[1])
    assert LEFT[word] in said and "doesn't look like a case reference" not in said
    assert nothing_stored(services)


def test_back_at_the_case_reference_shows_the_checklists_again_to_pick_another(engine: Engine,
                                                                               services: Services) -> None:
    _, out = drive(engine, ["start audit neglect", "back", "early help", "CR-123456"], user=MANAGER)
    said = flat(out.split("Never a name, date of birth or NHS number.", 1)[1])
    assert said.startswith("Which checklist are you auditing against?")
    [audit] = store.drafts_of(services.storage, MANAGER)
    assert (audit.checklist_id, audit.case_ref) == ("early-help-spot", "CR-123456")
