"""One entry close to a question, shown as a tentative answer rather than a "Did you mean…" of one option.

Trial 44 (F18): `can i use whatsapp to text a 16 yo on a cp plan` got "Did you mean… 1) Can I text or message a child
or young person…? 2) None of these": the right entry, one click away for no reason. With a single suggestion the
entry's answer is shown at once, under `LEAD`, with Helpful / Not helpful. It is still logged as a suggestion, not an
answer (the ask keeps its `ambiguous` outcome and no entry until the asker says it helped):
- Helpful (`HELPFUL_ACTION`) counts as picking it: the ask is resolved to the entry and the asker's words are learned
  for it, as a pick from "Did you mean…" is;
- Not helpful (`UNHELPFUL_ACTION`) leaves the ask unresolved, so it stays on the QA leads' unanswered list as an
  unpicked "Did you mean…" does, and offers to pass the question on.
"""

from __future__ import annotations

from bot.asking import unhelpful_reason
from bot.asking.learning import learn_wording
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction
from bot.storage import asks as store
from knowledge.entries import Entry

LEAD = "I'm not sure this is what you need, but this looks closest:"
HELPFUL_ACTION = "kb.closest_helpful"
UNHELPFUL_ACTION = "kb.closest_unhelpful"
ASK_AGAIN = "ask your question again"


def closest_reply(entry: Entry, ask_id: int, note: str) -> Reply:
    """The entry's answer under `LEAD`, with Helpful / Not helpful that say which entry was shown."""
    value = f"{entry.id}:{ask_id}"
    return Reply(title=entry.question, text=f"{LEAD}\n\n{entry.answer.rstrip()}", note=note,
                 choices=(Choice("Helpful", HELPFUL_ACTION, value, style="primary"),
                          Choice("Not helpful", UNHELPFUL_ACTION, value)))


def helpful(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Helpful on a tentative answer: a pick of that entry (resolved, its words learned), and the vote kept."""
    entry_id, ask_id = _pressed(services, turn, value)
    ask = store.get_ask(services.storage, ask_id)
    if ask is None or not store.resolve_ask(services.storage, ask_id, turn.user_id, entry_id):
        return [Reply(text="You've already told me about this answer: thank you.")]
    learn_wording(services, entry_id, ask.query, turn.user_id, "picked", ask_id=ask_id, at=turn.now)
    store.record_feedback(services.storage, ask_id, entry_id, turn.user_id, True, turn.now)
    return [Reply(text="Thanks: glad it helped.")]


def unhelpful(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Not helpful on a tentative answer: the question stays unanswered for the QA leads, and can be passed on."""
    entry_id, ask_id = _pressed(services, turn, value)
    ask = store.get_ask(services.storage, ask_id)
    if ask is None or ask.entry_id is not None or \
            not store.record_feedback(services.storage, ask_id, entry_id, turn.user_id, False, turn.now):
        return [Reply(text="You've already told me about this answer: thank you.")]
    unhelpful_reason.invite(services, turn, ask_id)
    choices = (Choice("Pass my question to the QA leads", "kb.escalate", str(ask_id)),) \
        if ask.user_id == turn.user_id else ()
    return [Reply(text="Thanks for saying so. Your question stays on the QA leads' list of questions the knowledge "
                       "base could not answer.\n" + unhelpful_reason.INVITATION, choices=choices)]


def _pressed(services: Services, turn: Turn, value: str) -> tuple[str, int]:
    """The entry shown and the ask it was shown for, from a button's value."""
    del services, turn  # the value says both
    entry_id, ask_id = buttons.key_and_optional_id(value, ASK_AGAIN)
    if ask_id is None:
        raise StaleAction("I can't find that answer any more. Ask your question again.")
    return entry_id, ask_id
