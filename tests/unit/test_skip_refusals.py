"""`skip` at a step that can't be skipped says what the step needs (bot.audits.skipping.REFUSALS). A step missing
from that table was a KeyError, a traceback for whoever pressed or typed Skip there: the review and the submit step
had no entry, kept from it only because the typed `skip` is read as other text there and no Skip button is accepted
there. Every step now has its words, and a step added to the flow without them fails here."""

from __future__ import annotations

import time_machine

from bot.audits.core import load
from bot.audits.flow import FLOW_STEPS, OPTIONAL_TYPED_STEPS
from bot.audits.skipping import REFUSALS, refusal
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_note_labels import AUDITOR, DRAFTED, LABELLED
from tests.support.text import flat


def test_every_step_is_skippable_or_says_what_it_needs_instead() -> None:
    missing = [name for name in FLOW_STEPS if name not in OPTIONAL_TYPED_STEPS and name not in REFUSALS]
    assert missing == []


def test_skip_at_the_review_and_the_submit_step_says_how_to_go_on(engine: Engine, services: Services) -> None:
    to_review = LABELLED[:LABELLED.index("next")]
    to_submit = LABELLED[:LABELLED.index("submit")]
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, to_review, user=AUDITOR)
        at_review = refusal(services, load(services, 1))
        drive(engine, to_submit[len(to_review):], user=AUDITOR)
        at_submit = refusal(services, load(services, 1))
    assert plain(at_review) == ("There is no question to skip at the review: type change and a question's number to "
                                "change its answer, like change 3, or next to go on to the overall grade.")
    assert plain(at_submit) == ("There is nothing to skip here: audit #1 is ready to submit. Type submit (or press "
                                "Submit) to send it for moderation, or back to change the actions.")


def plain(text: str) -> str:
    return flat(text).replace("`", "")
