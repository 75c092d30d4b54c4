"""Actions from audits: `/audit actions` lists a person's open actions, each with a Done button."""

from __future__ import annotations

from bot.engine import Turn
from bot.errors import UserError
from bot.replies import Choice, Reply
from bot.services import Services
from bot.storage import audits as store
from bot.teams import Person, Role


def list_command(services: Services, turn: Turn, _args: str) -> list[Reply]:
    actions = store.open_actions_of(services.storage, turn.user_id)
    if not actions:
        return [Reply(text="You have no open actions from audits.")]
    lines = [f"• {a.description} (audit #{a.audit_id}), due {a.due_date}" for a in actions[:20]]
    return [Reply(text="*Your open actions*\n" + "\n".join(lines),
                  choices=tuple(Choice(f"Done: #{a.id}", "actions.done", str(a.id)) for a in actions[:20]))]


def _may_complete_for_others(services: Services, person: Person, owner_id: str) -> bool:
    if person.role is Role.ADMIN:
        return True
    return person.role is Role.MANAGER and person.user_id in services.directory.managers_of(owner_id)


def on_done(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Record who completed the action and when; the owner is re-checked, since buttons can be copied."""
    if not value.strip().isdecimal():
        raise UserError("Which action? Use the Done buttons from `/audit actions`.")
    action_id = int(value)
    action = store.complete_action(services.storage, action_id, turn.user_id,
                                   allowed=_may_complete_for_others_lookup(services, turn.person, action_id),
                                   now=turn.now)
    return [Reply(text=f"Done: _{action.description}_ is marked complete. Thank you.")]


def _may_complete_for_others_lookup(services: Services, person: Person, action_id: int) -> bool:
    rows = list(services.storage.db.query("SELECT owner_id FROM actions WHERE id = ?", [action_id]))
    return bool(rows) and _may_complete_for_others(services, person, rows[0]["owner_id"])


def home_section(services: Services, person: Person) -> list[Reply]:
    """Open actions and drafts at the top of the person's Home tab."""
    actions = store.open_actions_of(services.storage, person.user_id)
    drafts = store.drafts_of(services.storage, person.user_id)
    if not actions and not drafts:
        return []
    choices = []
    if drafts:
        choices.append(Choice(f"Resume a draft ({len(drafts)})", "audit.resume"))
    text = f"You have {len(drafts)} audit(s) in progress and {len(actions)} open action(s)."
    if actions:
        text += "\n" + "\n".join(f"• {a.description}, due {a.due_date}" for a in actions[:5])
    return [Reply(title="Your audits", text=text, choices=tuple(choices))]
