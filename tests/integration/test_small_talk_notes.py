"""Small talk typed at the strengths, the areas for development or the actions of an audit is not saved as the note.

`good morning` typed at "Strengths: what is working well…" became the strengths, `thanks` the areas for development
and `perfect thanks` an action, shown to the worker and the moderator as if they said something about the case. Now
each step says that nothing was saved and what it wants, by the rule a reflection uses (bot.audits.small_talk), while
an ordinary short note ("good rapport", "thanks to the IRO's challenge the plan moved") is saved as before."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits import small_talk
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from knowledge.loader import load_knowledge
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS, WORKER

AUDITOR = "U0MGRN001"
DRAFTING = datetime(2026, 12, 9, 10, 0, tzinfo=UTC)
TO_STRENGTHS = TO_ACTIONS[:17]
# From the strengths to the step named: the notes before it skipped.
TO_STEP = {"strengths": [], "development": ["skip"], "actions": ["skip", "skip"]}
PROMPT = {"strengths": "> Type the strengths, or skip.", "development": "> Type the areas for development, or skip.",
          "actions": "> Type an action (what needs to happen), or press No more actions."}
REFUSED = {
    "strengths": "! That isn't a strength of the practice, so nothing was saved. Write what is working well for the "
                 "child on this case, or skip to leave the strengths out.",
    "development": "! That isn't an area for development, so nothing was saved. Write what would make the biggest "
                   "difference for the child, or skip to leave the areas for development out.",
    "actions": "! That isn't an action, so nothing was saved. Write what needs to happen for the child. To finish the "
               "actions, type done or press No more actions.",
}


def flat(text: str) -> str:
    return " ".join(text.replace("*", "").replace("`", "").split())


@pytest.mark.parametrize(("step", "chat"), [
    ("strengths", "good morning"), ("strengths", "Strengths: ok"), ("development", "thanks"),
    ("development", "Thank you very much!"), ("actions", "perfect thanks"), ("actions", "cheers all"),
])
def test_small_talk_at_a_note_step_is_refused_with_what_the_step_wants_and_nothing_is_stored(
        engine: Engine, services: Services, step: str, chat: str) -> None:
    with time_machine.travel(DRAFTING, tick=False):
        _, out = drive(engine, [*TO_STRENGTHS, *TO_STEP[step], chat], user=AUDITOR)
    after = flat(out).rsplit(PROMPT[step], 1)[1].strip()
    assert after.startswith(REFUSED[step])
    assert "Who owns this action?" not in after and "You're welcome" not in after and "Hello!" not in after
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.strengths, audit.development) == (step, None, None)
    assert action_store.actions_of_audit(services.storage, 1) == []
    assert audit.state.get("action_draft") is None


def test_an_audit_graded_inadequate_is_told_it_still_needs_an_action(engine: Engine, services: Services) -> None:
    to_inadequate = [*TO_STRENGTHS[:16], "4", "send", "Drift has left the family without a plan for months.", "skip",
                     "skip"]
    with time_machine.travel(DRAFTING, tick=False):
        _, out = drive(engine, [*to_inadequate, "thanks"], user=AUDITOR)
    assert flat(out).endswith("! That isn't an action, so nothing was saved. Write what needs to happen for the child. "
                              "An audit graded Inadequate needs at least one action. Bye.")
    assert action_store.actions_of_audit(services.storage, 1) == []


@pytest.mark.parametrize("note", ["good rapport", "thanks to the IRO's challenge the plan moved",
                                  "Great direct work with the child", "ok for now, but the plan needs dates"])
def test_an_ordinary_short_note_is_still_saved_at_each_step(engine: Engine, services: Services, note: str) -> None:
    with time_machine.travel(DRAFTING, tick=False):
        drive(engine, [*TO_STRENGTHS, note, note, note, WORKER, "30/12/2026"], user=AUDITOR)
    audit = store.get_audit(services.storage, 1)
    assert (audit.strengths, audit.development) == (note, note)
    assert [a.description for a in action_store.actions_of_audit(services.storage, 1)] == [note]


SHIPPED = load_knowledge().smalltalk
CHAT = sorted({p for g in SHIPPED.groups if g.kind in ("greeting", "thanks", "acknowledgement") for p in g.phrases})
LABELS = {"strengths": ["", "Strengths: ", "strengths - "], "development": ["", "Areas for development: "],
          "actions": ["", "Action: "]}
NOTES = ["rapport with the family", "direct work with the child is thoughtful", "to the IRO's challenge the plan moved",
         "chronology to be updated by Friday", "visits are regular and the child is seen alone"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(step=st.sampled_from(sorted(LABELS)), label=st.integers(0, 2), chat=st.sampled_from(CHAT),
       friendly=st.sampled_from(["", " all", " so much", " really", "!", ".", " :)"]), shout=st.booleans())
def test_small_talk_with_or_without_the_steps_label_is_never_a_note(services: Services, step: str, label: int,
                                                                    chat: str, friendly: str, shout: bool) -> None:
    typed = f"{LABELS[step][label % len(LABELS[step])]}{chat.upper() if shout else chat}{friendly}"
    with pytest.raises(UserError) as refused:
        small_talk.refuse_as_note(services, step, typed)
    assert str(refused.value) == small_talk.REFUSED_AS_NOTE[step]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(step=st.sampled_from(sorted(LABELS)), chat=st.sampled_from(CHAT), note=st.sampled_from(NOTES),
       pause=st.sampled_from([" ", ", ", " - "]))
def test_a_note_that_only_starts_like_small_talk_is_a_note(services: Services, step: str, chat: str, note: str,
                                                           pause: str) -> None:
    small_talk.refuse_as_note(services, step, f"{chat}{pause}{note}")  # no UserError: the step stores it
