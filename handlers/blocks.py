"""Render replies as Slack Block Kit, within Slack's limits (no Slack imports: plain dicts)."""

from __future__ import annotations

from typing import Any

from bot.core.cut_short import clip
from bot.core.markup import to_slack
from bot.core.replies import Choice, Form, FormField, Reply

SECTION_LIMIT = 3000
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BUTTONS_PER_ROW = 5
MAX_BLOCKS = 50
ACTION_SEPARATOR = "|"
MODAL_TITLE_LIMIT = 24
OPTION_TEXT_LIMIT = 75
MAX_OPTIONS = 100


def action_id_for(choice: Choice, index: int) -> str:
    """Slack needs unique action ids within a message; the index suffix is dropped on the way back."""
    return f"{choice.action}{ACTION_SEPARATOR}{index}"


def action_name(action_id: str) -> str:
    """The engine's action name from a Slack action id."""
    return action_id.split(ACTION_SEPARATOR, 1)[0]


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
        "text": {"type": "plain_text", "text": clip(choice.label, BUTTON_TEXT_LIMIT), "emoji": True},
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
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": clip(reply.title, 150)}})
    text = to_slack((":warning: " + reply.text) if reply.kind == "error" else reply.text)
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": part}} for part in _split(text) if part]
    for start in range(0, len(reply.fields), 10):
        blocks.append(
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": clip(f"*{to_slack(label)}*\n{to_slack(value)}", 2000)}
                    for label, value in reply.fields[start : start + 10]
                ],
            }
        )
    if reply.prompt:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"✏️ {to_slack(reply.prompt)}"}]})
    blocks += choice_blocks(reply.choices)
    if reply.note:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(to_slack(reply.note), 3000)}]})
    return blocks[:MAX_BLOCKS]


def render_message(reply: Reply) -> dict[str, Any]:
    """Arguments for chat.postMessage: a plain-text fallback for notifications, and the blocks."""
    return {"text": clip(to_slack(reply.text), 3000), "blocks": reply_blocks(reply)}


def render_modal(reply: Reply) -> dict[str, Any]:
    """A reply to read over Home (`Reply.modal`, such as a worker's picture) as a modal with no Submit: the reply's
    own blocks, its buttons answering as they do in a message."""
    return {"type": "modal", "title": _plain(reply.modal or "audit-bot", MODAL_TITLE_LIMIT),
            "close": _plain("Close", MODAL_TITLE_LIMIT), "blocks": reply_blocks(reply)}


def _plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, limit), "emoji": True}


def option(label: str, value: str) -> dict[str, Any]:
    """One option of a select menu (static or searched)."""
    return {"text": _plain(label, OPTION_TEXT_LIMIT), "value": value[:150]}


def _element(form: Form, field: FormField) -> dict[str, Any]:
    """The input element for one field; its action id is the field's id (a search menu's names its options)."""
    if field.kind in ("text", "long_text"):
        element: dict[str, Any] = {"type": "plain_text_input", "action_id": field.id,
                                   "multiline": field.kind == "long_text"}
        if field.initial:
            element["initial_value"] = field.initial
        if field.max_length:
            element["max_length"] = field.max_length
        return element
    if field.kind in ("date", "user"):
        kind, initial = ("datepicker", "initial_date") if field.kind == "date" else ("users_select", "initial_user")
        return {"type": kind, "action_id": field.id, **({initial: field.initial} if field.initial else {})}
    if field.kind == "search":
        return {"type": "external_select", "action_id": form.search or field.id, "min_query_length": 1,
                "placeholder": _plain(field.hint or "Type to search", 150)}
    options = [option(label, value) for label, value in field.options[:MAX_OPTIONS]]
    element = {"type": "static_select", "action_id": field.id, "options": options}
    chosen = next((o for o in options if o["value"] == field.initial), None)
    if chosen is not None:
        element["initial_option"] = chosen
    return element


def render_form(form: Form) -> dict[str, Any]:
    """A form as a Slack modal: each field an input block whose block id is the field's id, so values and
    errors (`response_action: errors`) are keyed by it."""
    blocks: list[dict[str, Any]] = []
    if form.intro:
        blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": part}}
                   for part in _split(to_slack(form.intro))]
    for field in form.fields:
        block: dict[str, Any] = {"type": "input", "block_id": field.id, "optional": field.optional,
                                 "label": _plain(field.label, 2000), "element": _element(form, field)}
        if field.hint and field.kind != "search":
            block["hint"] = _plain(field.hint, 2000)
        blocks.append(block)
    return {"type": "modal", "callback_id": form.action, "private_metadata": form.meta[:3000],
            "title": _plain(form.title, MODAL_TITLE_LIMIT), "submit": _plain(form.submit, MODAL_TITLE_LIMIT),
            "close": _plain("Cancel", MODAL_TITLE_LIMIT), "blocks": blocks[:MAX_BLOCKS]}
