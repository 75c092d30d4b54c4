"""What typed text does at an audit's actions step ("Type an action (what needs to happen), or press No more actions").

A user trial found that every line typed there became a new action ("Who owns this action?"): `done`, `that's all`,
the button's own label `no more actions`, `remove action` with no number, a due date typed one step early (`31/12`,
`next Friday`) and a bare `1` (read off the terminal's "#1) No more actions"). Now, first match wins:

- `remove action 41` removes one added by mistake, and `remove action` alone is told how (bot.audits.action_removal);
- `action 41 due 11/12` or `action 41 owner <name>` changes one's due date or owner (bot.audits.action_edit), and so
  does `actually make 41 due 11/12, …` in a manager's words; a number that is none of the audit's actions is asked
  about, never stored as an action (bot.audits.action_due_words, trial 28);
- `change 9` changes answer 9, as at the review, and comes back here (trial 13 found it stored as an action);
- the button's label and the usual ways of saying "that's all" (bot.audits.action_fields.finishes) end the step
  exactly as No more actions does (an audit graded Inadequate still needs one action first:
  bot.audits.finish.on_actions_done says so);
- a number on its own is never an action. In the terminal it picks one of the step's options (the screen says its
  typed answer is words, so the options read `1)` and a bare number picks, said back like any pick); where options
  carry no numbers (Slack) it is refused with what to type;
- a date on its own is a due date typed too early, and an owner on its own (`the manager`, `me`, a person's name) is
  the owner typed too early (trial 9, F8): nothing is stored, and the order is explained (bot.audits.action_fields
  .early_answer, as where the first action an Inadequate grade needs is asked);
- a yes with no question waiting (`yes` after `remove action 41`, which removes at once) is not an action: nothing
  is stored, and a removal just made is said to be done (trial 38);
- small talk (`thanks`, `perfect thanks`, `good morning`) is not an action: nothing is stored, and the step says
  what it wants (bot.audits.small_talk);
- anything else is the next action, screened and stored (bot.audits.finish.typed).
"""

from __future__ import annotations

import re

from bot.audits import (
    action_due_words,
    action_edit,
    action_fields,
    action_handover,
    action_named,
    action_removal,
    earlier_actions,
    notes_fit,
    small_talk,
    wrong_box,
)
from bot.audits import finish as audits_finish
from bot.audits import questions as audits_questions
from bot.audits.core import Ctx
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply]:
    """Typed text at the actions step: a removal, a change to one, the end of the actions, or the next action; never
    a number, a date or an owner on its own, which are refused with what to type and store nothing."""
    removed = action_removal.typed_in_draft(services, turn, ctx, text)
    if removed is not None:
        return removed
    changed = action_edit.typed_in_draft(services, turn, ctx, text)
    if changed is not None or (changed := action_due_words.typed(services, turn, ctx, text)) is not None:
        return changed
    if (handed := action_handover.typed_in_draft(services, turn, ctx, text)) is not None:  # "hand action 1 to N2"
        return handed  # fix52e: had been taken for a new action's words
    if (named := action_named.typed(services, turn, ctx, text)) is not None:  # "make the minutes one due …"
        return named
    if (change := audits_questions.CHANGE_WORDS.match(text)) is not None:  # that answer, then back: never an action
        return audits_questions.change_from_review(services, turn, ctx, change.group(1))
    if (moved := wrong_box.typed(services, turn, ctx, text)) is not None:  # `that should be in strengths`
        return moved
    if (noted := notes_fit.typed(services, turn, ctx, text)) is not None:  # `edit strengths …` (trial 55, 3)
        return noted
    earlier_actions.typed(services, ctx, text)  # `carry forward action 1`: it stays open on its own audit
    if action_fields.finishes(text):
        return audits_finish.on_actions_done(services, turn, ctx.value())
    _refuse_a_yes(ctx, text)
    action_fields.refuse_a_number(services, text, "Type what needs to happen for the child, `done` (or press No more "
                                                  "actions) when there are no more, or `remove action` and its number "
                                                  "to remove one.")
    small_talk.refuse_as_note(services, "actions", text, _how_to_finish(services, ctx))
    if (early := action_fields.early_answer(services, turn, ctx.audit, text)) is not None:
        raise UserError(f"That looks like {early}, so I haven't stored it. {action_fields.ACTION_FIRST}"
                        f"{_how_to_finish(services, ctx)}")
    return audits_finish.typed(services, turn, ctx, text)


# A yes typed where no question waits (trial 38: `remove action 150` removes at once, and the `yes` typed after it,
# as if to confirm, became an action needing an owner). A question asked here (a Yes or No of bot.engine
# .confirmations) takes its yes before the step sees it; a no is `done` (action_fields.finishes).
_YES = re.compile(r"^\s*(?:y|yes|yeah|yep|yup|yes please|yes remove it|yes,\s*remove it|remove it|ok|okay|confirm|"
                  r"confirmed|sure|correct|thats right|that's right)\s*[.!]*\s*$", re.IGNORECASE)


def _refuse_a_yes(ctx: Ctx, text: str) -> None:
    """A yes with no question waiting is no action: nothing is stored, and a removal just made is said to be done."""
    if _YES.match(text) is None:
        return
    press = str(ctx.audit.state.get("last_press") or "")
    removed = press.split(":remove:")[-1] if f"{ctx.version - 1}:remove:" in press else ""
    said = (f"Action {removed} is removed already: there was nothing to confirm." if removed.isdigit()
            else "No question is waiting for a yes here.")
    raise UserError(f"{said} “{text.strip()}” is not an action, so nothing was stored. Type the next action, or "
                    "`done` (or press No more actions) when there are no more.")


def _how_to_finish(services: Services, ctx: Ctx) -> str:
    """How to end the actions step, or that it cannot end yet: an audit graded Inadequate needs an action."""
    if ctx.audit.overall_grade != "inadequate" or action_store.actions_of_audit(services.storage, ctx.audit.id):
        return " To finish the actions, type `done` or press No more actions."
    return " An audit graded Inadequate needs at least one action."
