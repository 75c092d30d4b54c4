"""Render replies as Slack Block Kit, within Slack's limits (no Slack imports: plain dicts)."""

from __future__ import annotations

from typing import Any

from bot.core.markup import to_slack
from bot.core.replies import Choice, Reply

SECTION_LIMIT = 3000
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BUTTONS_PER_ROW = 5
MAX_BLOCKS = 50
ACTION_SEPARATOR = "|"


def action_id_for(choice: Choice, index: int) -> str:
    """Slack needs unique action ids within a message; the index suffix is dropped on the way back."""
    return f"{choice.action}{ACTION_SEPARATOR}{index}"


def action_name(action_id: str) -> str:
    """The engine's action name from a Slack action id."""
    return action_id.split(ACTION_SEPARATOR, 1)[0]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _split(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split long text on line breaks so each piece fits one section block."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            pieces.append(line[:limit])
            line = line[limit:]
        if len(current) + len(line) + 1 > limit:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current or not pieces:
        pieces.append(current)
    return pieces


def button(choice: Choice, index: int) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": _clip(choice.label, BUTTON_TEXT_LIMIT), "emoji": True},
        "action_id": action_id_for(choice, index),
        "value": choice.value[:BUTTON_VALUE_LIMIT],
    }
    if choice.style:
        element["style"] = choice.style
    return element


def choice_blocks(choices: tuple[Choice, ...]) -> list[dict[str, Any]]:
    rows = [choices[i : i + BUTTONS_PER_ROW] for i in range(0, len(choices), BUTTONS_PER_ROW)]
    blocks = []
    for row_number, row in enumerate(rows):
        start = row_number * BUTTONS_PER_ROW
        blocks.append(
            {"type": "actions", "elements": [button(c, start + i) for i, c in enumerate(row)]}
        )
    return blocks


def reply_blocks(reply: Reply) -> list[dict[str, Any]]:
    """The blocks for one reply: title, text, fields, the expected input, choices and small print."""
    blocks: list[dict[str, Any]] = []
    if reply.title:
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": _clip(reply.title, 150)}})
    text = to_slack((":warning: " + reply.text) if reply.kind == "error" else reply.text)
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": part}} for part in _split(text) if part]
    for start in range(0, len(reply.fields), 10):
        blocks.append(
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": _clip(f"*{to_slack(label)}*\n{to_slack(value)}", 2000)}
                    for label, value in reply.fields[start : start + 10]
                ],
            }
        )
    if reply.prompt:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"✏️ {to_slack(reply.prompt)}"}]})
    blocks += choice_blocks(reply.choices)
    if reply.note:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(to_slack(reply.note), 3000)}]})
    return blocks[:MAX_BLOCKS]


def render_message(reply: Reply) -> dict[str, Any]:
    """Arguments for chat.postMessage: a plain-text fallback for notifications, and the blocks."""
    return {"text": _clip(to_slack(reply.text), 3000), "blocks": reply_blocks(reply)}


def form_view(reply: Reply, callback_id: str) -> dict[str, Any]:
    """A modal with one text input per field of a form reply (`fields` = (key, label) pairs); the submission
    comes back under `callback_id` with each value under its key."""
    blocks = [{"type": "input", "block_id": key, "label": {"type": "plain_text", "text": _clip(label, 2000)},
               "element": {"type": "plain_text_input", "action_id": key, "max_length": 200}}
              for key, label in reply.fields]
    return {"type": "modal", "callback_id": callback_id,
            "title": {"type": "plain_text", "text": _clip(reply.title or "Form", 24)},
            "submit": {"type": "plain_text", "text": "Create"}, "close": {"type": "plain_text", "text": "Cancel"},
            "blocks": blocks[:MAX_BLOCKS]}
