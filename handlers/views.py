"""Modal submissions: the form's values go to the engine action named by the view's callback_id."""

from __future__ import annotations

import json
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.markup import to_plain
from handlers.actions import selected_value

# Forms whose mistakes are shown in the modal itself, beside the field (the engine answers before the ack).
CHECKED_FORMS = frozenset({"campaign.create_form"})


def register(app: App) -> None:
    app.view(re.compile(r".+"))(handle_view_submission)


def form_values(view: dict[str, Any]) -> dict[str, str]:
    """Flatten Slack's state.values into {action_id: value}."""
    values: dict[str, str] = {}
    for block in ((view.get("state") or {}).get("values") or {}).values():
        for action_id, element in block.items():
            values[action_id] = selected_value(element) if "value" not in element else str(element["value"] or "")
    return values


def handle_view_submission(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
    """Close the modal at once; the answer arrives as a DM, where errors can be read and fixed. A checked form
    (CHECKED_FORMS) stays open with its mistake shown beside the field instead."""
    callback_id = view.get("callback_id", "")
    checked = callback_id in CHECKED_FORMS
    if not checked:
        ack()
    user_id = (body.get("user") or {}).get("id")
    if not user_id:
        if checked:
            ack()
        return
    payload = json.dumps({"form": form_values(view), "meta": view.get("private_metadata", "")})
    replies = context["engine"].action(user_id, callback_id, payload, surface="dm")
    if checked:
        field = dict(replies[0].fields).get("field") if replies and replies[0].kind == "error" else None
        if field is not None:
            ack(response_action="errors", errors={field: to_plain(replies[0].text)[:2000]})
            return
        ack()
    context["delivery"].deliver_privately(user_id, replies)
