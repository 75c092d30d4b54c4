"""Drive a whole audit by reading the bot's replies, as a person would: shared by the terminal and Slack tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from bot.core.replies import Choice, Reply

TYPED_ANSWERS = {
    "Type a number": "3",
    "Type your answer": "The plan was reviewed with the family and partners.",
    "Type your evidence note": "Visits and the plan on file show the child was seen and heard.",
    "Type your reason": "The plan is clear and the child's views shaped it.",
    "Type the strengths": "Direct work with the child is thoughtful and recorded well.",
    "Type the areas for development": "skip",
}


def typed_dates() -> dict[str, str]:
    """Dates typed as a person would on the day the test runs: a recent past date, a due date four weeks on."""
    today = date.today()  # follows a pinned or moved clock
    return {
        "Type the date": (today - timedelta(days=60)).strftime("%d/%m/%Y"),
        "Type the due date": (today + timedelta(days=28)).strftime("%d/%m/%Y"),
    }


def next_input(replies: list[Reply], state: dict) -> tuple[str, str] | None:
    """('press', action|value) or ('type', text) for the current step; None when the audit is submitted.

    `state` remembers whether an action was already added, so the audit ends.
    """
    for reply in replies:
        if reply.kind == "error":
            raise AssertionError(f"the bot refused a scripted answer: {reply.text}")
    mine = [r for r in replies if r.is_for_requester]
    if any("submitted for moderation" in r.text for r in mine):
        return None
    last = next((r for r in reversed(mine) if r.choices or r.prompt), None)
    if last is None:
        raise AssertionError(f"no question to answer in {[r.text for r in mine]}")
    by_action: dict[str, list[Choice]] = {}
    for choice in last.choices:
        by_action.setdefault(choice.action, []).append(choice)
    # *No, keep it*: the only cancel question a script meets is the warning that a manager audits supervision in her
    # own team (bot.audits.own_supervision), which carries on when kept
    for action in ("audit.cancel_keep", "audit.start", "audit.worker", "audit.next", "audit.grade", "audit.alert_send",
                   "audit.submit"):
        if action in by_action:
            return "press", f"{action}|{by_action[action][0].value}"
    if "audit.answer" in by_action:
        options = by_action["audit.answer"]
        pick = options[1] if len(options) > 1 and options[0].label == "Yes" else options[0]
        if options[0].label == "Outstanding":
            pick = options[1]  # Good
        return "press", f"audit.answer|{pick.value}"
    if "audit.owner" in by_action:
        return "press", f"audit.owner|{by_action['audit.owner'][0].value}"
    if "audit.actions_done" in by_action:
        if state.get("action_added"):
            return "press", f"audit.actions_done|{by_action['audit.actions_done'][0].value}"
        state["action_added"] = True
        return "type", "Update the chronology and share the plan with the school."
    if last.prompt and "case reference" in last.prompt:
        return "type", state.get("case_ref", "CR-100200")
    for start, text in {**TYPED_ANSWERS, **typed_dates()}.items():
        if last.prompt and last.prompt.startswith(start):
            return "type", text
    raise AssertionError(f"don't know how to answer: {last.text} / {last.prompt}")


def complete_audit(send: Callable[[str, str], list[Reply]], first: list[Reply], limit: int = 200) -> int:
    """Answer every step until submission; `send(kind, payload)` returns the bot's replies. Returns steps taken."""
    state: dict = {}
    replies, steps = first, 0
    while (step := next_input(replies, state)) is not None:
        steps += 1
        assert steps < limit, "the audit never finished"
        replies = send(*step)
    return steps
