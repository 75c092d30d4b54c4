"""`/audit edit 1 development strengths: …` adds the note to the strengths (bot.audits.other_heading). Review 14, R7:
the strengths were read, then written back with the note added, in two steps, so a second edit between them was
lost; and the note was screened, its words quoted back, before the person was found not to be the one who may edit
the audit at all."""

from __future__ import annotations

import contextlib
import threading

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_note_labels import AUDITOR, DRAFTED, LABELLED, WORKER
from tests.support.text import flat


def test_two_edits_adding_to_the_strengths_at_once_both_survive(engine: Engine, services: Services,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
    together = threading.Barrier(2, timeout=2)
    read = store.get_audit

    def read_together(storage: object, audit_id: int) -> store.AuditRow | None:
        """Both edits read the audit before either writes: the interleaving that lost one."""
        if not getattr(waited, "done", False):
            waited.done = True
            with contextlib.suppress(threading.BrokenBarrierError):
                together.wait()
        return read(storage, audit_id)

    waited = threading.local()
    monkeypatch.setattr(store, "get_audit", read_together)
    replies: list[list[Reply]] = []

    def edit(note: str) -> None:
        with time_machine.travel(DRAFTED, tick=False):
            replies.append(engine.command(AUDITOR, f"edit 1 development strengths: {note}"))

    threads = [threading.Thread(target=edit, args=(note,)) for note in ("use life story work", "visits are regular")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    strengths = read(services.storage, 1).strengths
    assert len(replies) == 2
    assert "use life story work" in strengths and "visits are regular" in strengths
    assert strengths.startswith("the child is seen regularly; ")


@pytest.mark.parametrize("field", ["development", "strengths"])
@pytest.mark.parametrize("labelled", [True, False])
def test_someone_who_may_not_edit_the_audit_is_told_so_not_about_their_notes_wording(
        engine: Engine, services: Services, field: str, labelled: bool) -> None:
    label = {"development": "strengths: ", "strengths": "development: "}[field] if labelled else ""
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        before = store.get_audit(services.storage, 1)
        [reply] = engine.command(WORKER, f"edit 1 {field} {label}Jayden Smith is seen at school")
    said = flat(reply.text, "`*")
    assert "Only the person who did this audit can change it." in said
    assert "Jayden" not in said and "can't store" not in said
    assert store.get_audit(services.storage, 1) == before
