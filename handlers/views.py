"""Modal submissions: the form's values go to the engine action named by the view's callback_id."""

from __future__ import annotations

import json
import re
import threading
from typing import Any

from slack_bolt import Ack, App, BoltContext

from handlers.actions import selected_value


def register(app: App) -> None:
    app.view(re.compile(r".+"))(handle_view_submission)


MAX_ERROR_CHARS = 2000
CHECK_SECONDS = 2.0  # Slack waits 3 seconds for its answer; a check that takes longer is left to the work


def form_values(view: dict[str, Any]) -> dict[str, str]:
    """Flatten Slack's state.values into {block_id: value}: a form's field id is its input block's id."""
    values: dict[str, str] = {}
    for block_id, block in ((view.get("state") or {}).get("values") or {}).items():
        for element in block.values():
            if isinstance(element, dict):
                values[block_id] = selected_value(element) if "value" not in element else str(element["value"] or "")
    return values


def handle_view_submission(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
    """Let the engine check the form quickly first: a field with a mistake keeps the modal open with the message
    beside that field (`response_action: errors`). Otherwise the modal closes at once, and the work is done and
    answered by DM after Slack has had its answer."""
    user_id = (body.get("user") or {}).get("id")
    if not user_id:
        ack()
        return
    callback_id = view.get("callback_id", "")
    payload = json.dumps({"form": form_values(view), "meta": view.get("private_metadata", "")})
    errors = check_in_time(context["engine"], user_id, callback_id, payload)
    if errors:
        ack(response_action="errors",
            errors={field: message[:MAX_ERROR_CHARS] for field, message in errors.items()})
        return
    ack()
    replies = context["engine"].action(user_id, callback_id, payload, surface="dm")
    context["delivery"].deliver_privately(user_id, replies)


def check_in_time(engine: Any, user_id: str, callback_id: str, payload: str,
                  seconds: float = CHECK_SECONDS) -> dict[str, str]:
    """The form's mistakes, if the engine finds them within `seconds`; otherwise none, so Slack still gets its
    answer in time (the work checks again, and a mistake found then is told by DM)."""
    found: dict[str, dict[str, str]] = {}

    def check() -> None:
        found["errors"] = engine.check_form(user_id, callback_id, payload)

    worker = threading.Thread(target=check, name="form-check", daemon=True)
    worker.start()
    worker.join(seconds)
    return found.get("errors", {})
