"""Small talk typed as the new text of an edit is not saved: `/audit edit 12 strengths thanks` made "thanks" the
strengths of a submitted audit, shown to the worker and the moderator, while the same word typed at the strengths step
was refused (bot.audits.small_talk). An edit now says what the steps say, and the note stays as it was."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.small_talk import refuse_as_edit
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_note_labels import AUDITOR, DRAFTED, LABELLED
from tests.integration.test_small_talk_notes import CHAT, NOTES

SAID = {
    "strengths": "That isn't a strength of the practice, so nothing was saved. Write what is working well for the "
                 "child on this case after `/audit edit 1 strengths`; the strengths are unchanged.",
    "development": "That isn't an area for development, so nothing was saved. Write what would make the biggest "
                   "difference for the child after `/audit edit 1 development`; the areas for development are "
                   "unchanged.",
}
BEFORE = {"strengths": "the child is seen regularly", "development": "more direct work with the child"}


@pytest.mark.parametrize(("field", "chat"), [("strengths", "thanks"), ("strengths", "good morning"),
                                              ("development", "perfect thanks"), ("development", "ok thanks!"),
                                              ("strengths", "Strengths: thank you")])
def test_small_talk_as_an_edited_note_is_refused_and_the_note_kept(engine: Engine, services: Services, field: str,
                                                                    chat: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        [refused] = engine.command(AUDITOR, f"edit 1 {field} {chat}")
    assert (refused.kind, refused.text) == ("error", SAID[field])
    audit = store.get_audit(services.storage, 1)
    assert (audit.strengths, audit.development) == (BEFORE["strengths"], BEFORE["development"])


@pytest.mark.parametrize(("field", "note"), [("strengths", "good rapport"), ("development", "ok for now, but the plan "
                                                                                          "needs dates")])
def test_a_short_note_in_an_edit_is_still_saved(engine: Engine, services: Services, field: str, note: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        [saved] = engine.command(AUDITOR, f"edit 1 {field} {note}")
    assert saved.kind != "error" and getattr(store.get_audit(services.storage, 1), field) == note


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(SAID)), chat=st.sampled_from(CHAT), labelled=st.booleans(),
       friendly=st.sampled_from(["", " all", "!", " :)"]), note=st.sampled_from(["", *NOTES]))
def test_an_edit_is_refused_exactly_when_its_text_is_small_talk(services: Services, field: str, chat: str,
                                                                labelled: bool, friendly: str, note: str) -> None:
    typed = f"{field.title() + ': ' if labelled else ''}{chat}{friendly}{', ' + note if note else ''}"
    if note:
        refuse_as_edit(services, 1, field, typed)  # a note that only starts like small talk is kept
        return
    with pytest.raises(UserError) as refused:
        refuse_as_edit(services, 1, field, typed)
    assert str(refused.value) == SAID[field]
