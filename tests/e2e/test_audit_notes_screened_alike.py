"""Every note an audit stores is refused alike when it names a child (tenth user trial: at "Why this grade?",
`yes, ruby drew a picture of her family and said she feels safe` was stored). The note was screened there as
everywhere; the screen did not take 'ruby drew' for a child. Here the same note is typed at each step that keeps
free text, and each refuses it, quoting the name alone, and stores nothing of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.audit_driver import next_input
from tests.support.text import repeated

USER = "U0MGRN001"
NOTE = "ruby drew a picture of her family and said she feels safe"


def _answers(last: Reply, first: str) -> bool:
    """A question whose first answer button is `first` ('Yes', 'Outstanding'), past the safeguarding question (a yes
    there would alert the managers first)."""
    answers = [c for c in last.choices if c.action == "audit.answer"]
    return bool(answers) and answers[0].label == first and "immediate safeguarding concern" not in last.text


def _prompted(start: str) -> Callable[[Reply], bool]:
    return lambda last: bool(last.prompt) and last.prompt.startswith(start)


STEPS: dict[str, tuple[Callable[[Reply], bool], str]] = {
    "why this grade": (_prompted("Type your evidence note"), f"yes, {NOTE}"),  # the trial's own words
    "a yes with its note": (lambda last: _answers(last, "Yes"), f"yes, {NOTE}"),
    "a grade with its note": (lambda last: _answers(last, "Outstanding"), f"good, {NOTE}"),
    "strengths": (_prompted("Type the strengths"), NOTE),
    "areas for development": (_prompted("Type the areas for development"), NOTE),
    "an action": (lambda last: any(c.action == "audit.actions_done" for c in last.choices), NOTE),
}


def _walk_to(engine: Engine, here: Callable[[Reply], bool]) -> None:
    """Answer an early help spot audit as a person would until the step `here` recognises is on screen."""
    send = {"press": lambda value: engine.action(USER, *value.split("|", 1)),
            "type": lambda text: engine.message(USER, text)}
    replies, state = engine.command(USER, "start early-help-spot"), {"case_ref": "CR-100200"}
    for _ in range(100):
        last = next((r for r in reversed(replies) if r.is_for_requester and (r.choices or r.prompt)), None)
        if last is not None and here(last):
            return
        kind, payload = next_input(replies, state)  # type: ignore[misc]
        replies = send[kind](payload)
    raise AssertionError("never reached the step")


def _stored(services: Services) -> str:
    """Every table an audit's free text goes into, as one text."""
    db = services.storage.db
    return " ".join(str(row) for table in ("audits", "answers", "actions", "revisions")
                    for row in db.query(f"SELECT * FROM {table}"))


@pytest.mark.parametrize("step", list(STEPS))
def test_a_note_naming_a_child_is_refused_at_every_step_that_keeps_one(engine: Engine, services: Services,
                                                                       step: str) -> None:
    here, typed = STEPS[step]
    _walk_to(engine, here)
    refused = engine.message(USER, typed)
    said = " ".join(" ".join(r.text for r in refused).split())
    assert refused[0].kind == "error", said
    assert "“r…” looks like a child's or family member's name" in said and repeated("ruby", said) == []
    assert "Nothing was saved." in said
    assert "ruby" not in _stored(services)
