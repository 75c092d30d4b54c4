"""A submitted audit its auditor reopened for changes (`/audit edit 12`) is still read by those who read it submitted:
the worker whose case it is, who was sent its summary, was told "Audit #1 of your case is still a draft, its auditor's
working copy: you'll get its summary when it is submitted". They read it as it stands, and its status says it is
being corrected and out of moderation until submitted again. Someone who could not read it submitted still can't."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_note_labels import AUDITOR, DRAFTED, LABELLED, WORKER
from tests.support.text import flat

OTHER_TEAMS_WORKER = "U0PRAC001"  # a social worker in Children in Care: never read North's audits


def _reopened(engine: Engine) -> None:
    drive(engine, LABELLED, user=AUDITOR)
    engine.command(AUDITOR, "edit 1")


def test_the_worker_reads_their_reopened_audit_with_its_status(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _reopened(engine)
        [shown] = engine.command(WORKER, "show 1")
    text = flat(shown.text)
    assert shown.kind != "error" and text.startswith("Audit #1")
    assert dict(shown.fields)["Status"] == "reopened for changes on 3 Dec 2026, out of moderation until submitted again"
    assert "Strengths: the child is seen regularly" in text.replace("*", "")


def test_someone_who_could_not_read_it_submitted_cannot_read_it_reopened(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        [submitted] = engine.command(OTHER_TEAMS_WORKER, "show 1")
        engine.command(AUDITOR, "edit 1")
        [reopened] = engine.command(OTHER_TEAMS_WORKER, "show 1")
    assert (reopened.kind, reopened.text) == (submitted.kind, submitted.text)
    assert reopened.kind == "error" and "not one you have access to" in reopened.text
