"""`restore N` typed without `/audit` (fix70b A): for a QA lead it was the learned-wording undo only, so `restore 139`
after cancelling a leaver's draft #139 said "There is no learned wording #139". Now a cancelled audit the person may
restore is restored, as `/audit restore N` does; when a rejected learned wording has the same number they are asked
which, and nothing is restored until they pick. Typed in the terminal chat's own driver."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import time_machine

from bot.composition import build_engine
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import learned as learned_store
from bot.terminal.chat import run_line
from bot.terminal.render import TerminalView
from tests.integration.test_leavers import TUESDAY, left, started
from tests.support.text import flat

__all__ = ["left"]  # the fixture: S1 left teams.yaml with a draft of South's case (a copy of the config)
QA_LEAD = "U0QALEAD1"


def say(engine: Engine, view: TerminalView, text: str) -> str:
    """One typed line in the terminal chat as the QA lead, rendered so a number picks from what is on screen."""
    replies: list[Reply] = run_line(engine, view, QA_LEAD, text)
    view.render(replies)
    return flat("\n".join(reply.text for reply in replies))


def cancelled_by_the_qa_lead(engine: Engine, view: TerminalView, draft: int) -> None:
    say(engine, view, f"cancel {draft}")
    said = say(engine, view, "1")  # Yes, cancel it
    assert f"Draft #{draft} (CR-100400) of Social worker S1 (left) is cancelled" in said
    assert f"`restore {draft}` makes it a draft again for 7 days" in said


def rejected_wording_numbered(services: Services, number: int) -> None:
    """Learned wordings #1 to #number, the last rejected by the QA lead, so it has the draft's number."""
    for n in range(1, number + 1):
        item = learned_store.learn(services.storage, "start-audit", f"how do i begin audit number {n}", QA_LEAD,
                                   "linked", TUESDAY)
        assert item is not None and item.id == n
    learned_store.reject(services.storage, number, QA_LEAD, TUESDAY, "qa_lead")


@dataclass(frozen=True)
class Desk:
    """The QA lead at the terminal chat on Tuesday, with the leaver's draft's number."""

    services: Services
    engine: Engine
    view: TerminalView
    draft: int

    def say(self, text: str) -> str:
        return say(self.engine, self.view, text)

    def status(self) -> str:
        return store.get_audit(self.services.storage, self.draft).status

    def wording_status(self) -> str | None:
        wording = learned_store.get(self.services.storage, self.draft)
        return None if wording is None else wording.status


@contextmanager
def at_the_desk(left: tuple[dict, int], rejected_wording: bool = True) -> Iterator[Desk]:
    """The bot started with the leaver's draft (and, with `rejected_wording`, a rejected learned wording of the
    draft's number), the clock on Tuesday; its storage closed after."""
    environ, draft = left
    services = started(environ)
    try:
        if rejected_wording:
            rejected_wording_numbered(services, draft)
        with time_machine.travel(TUESDAY, tick=False):
            yield Desk(services, build_engine(services), TerminalView(), draft)
    finally:
        services.storage.close()


def test_a_qa_lead_restores_a_leavers_draft_they_cancelled_by_typing_restore_n(left: tuple[dict, int]) -> None:
    with at_the_desk(left, rejected_wording=False) as desk:
        cancelled_by_the_qa_lead(desk.engine, desk.view, desk.draft)
        said = desk.say(f"restore {desk.draft}")
        status = desk.status()
    assert f"Draft #{desk.draft} (CR-100400) of Social worker S1 (left) is a draft again" in said
    assert "learned wording" not in said
    assert status == "draft"


def test_restore_n_that_is_also_a_rejected_wording_is_asked_and_the_audit_picked(left: tuple[dict, int]) -> None:
    with at_the_desk(left) as desk:
        cancelled_by_the_qa_lead(desk.engine, desk.view, desk.draft)
        asked = desk.say(f"restore {desk.draft}")
        before = desk.status()
        picked = desk.say("1")
        status, wording = desk.status(), desk.wording_status()
    draft = desk.draft
    assert (f"`restore {draft}` could mean two things: cancelled audit #{draft} (CR-100400 of Social worker S1 "
            f"(left)), or learned wording #{draft}, which a QA lead rejected") in asked
    assert before == "cancelled"  # nothing restored while asked
    assert "is a draft again" in picked and status == "draft"
    assert wording == "rejected"  # the wording untouched


def test_restore_n_asked_which_and_wording_typed_restores_the_wording(left: tuple[dict, int]) -> None:
    with at_the_desk(left) as desk:
        cancelled_by_the_qa_lead(desk.engine, desk.view, desk.draft)
        desk.say(f"restore {desk.draft}")
        picked = desk.say("wording")
        status, wording = desk.status(), desk.wording_status()
    assert f"Restored #{desk.draft}:" in picked and "finds `start-audit` again" in picked
    assert wording == "active"
    assert status == "cancelled"


def test_restore_n_of_no_cancelled_audit_of_theirs_is_still_the_wordings(left: tuple[dict, int]) -> None:
    with at_the_desk(left) as desk:
        said = desk.say(f"restore {desk.draft}")  # the draft was never cancelled: only the wording fits
        wording = desk.wording_status()
    assert f"Restored #{desk.draft}:" in said
    assert wording == "active"
