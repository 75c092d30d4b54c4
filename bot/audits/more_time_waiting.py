"""Requests for more time waiting for the person's answer (trial 43, finding 5): on Home, with *Approve* and *Say no*
buttons, and as the answer to "has anyone asked me for more time on actions".

The trial's manager had three requests waiting. Home said "Nothing of yours is waiting", `reminders` listed only
overdue actions, and her question went to the knowledge base; she found them by chance. Which are waiting is
bot.storage.more_time (`waiting_for`), said by bot.core.more_time_said, which `/audit reminders` shares
(bot.reminders.preview). The buttons are the request's own (bot.audits.more_time_answer.choices), so pressing one on
Home answers it as the DM's button would.
"""

from __future__ import annotations

import re

from bot.audits import more_time_answer
from bot.core import more_time_said
from bot.core.more_time_late import day_to_give
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.people import Person

SHOWN = 5  # requests with their buttons on Home (each has two): the rest are named in the text
# "has anyone asked me for more time", "any requests for more time", "who wants more time", "requests waiting for me",
# "what's waiting for my answer"
ASKED = re.compile(
    r"^\s*(?:(?:has|have)\s+(?:any\s*(?:one|body)|someone|somebody|any\s+of\s+my\s+(?:team|workers|staff))\s+asked\s+"
    r"(?:me\s+)?for\s+(?:more|extra)\s+time|(?:are\s+there\s+|do\s+i\s+have\s+|any\s+)?(?:\w+\s+)?requests?\s+for\s+"
    r"(?:more|extra)\s+time(?:\s+(?:waiting|for\s+me|to\s+answer|pending))*|who\s+(?:wants|needs|has\s+asked\s+for)\s+"
    r"(?:more|extra)\s+time|(?:what(?:'|\u2019)?s|what\s+is|anything)\s+waiting\s+for\s+my\s+(?:answer|decision)"
    r"|(?:any\s+)?(?:more\s+time\s+|extension\s+)?requests\s+(?:waiting\s+)?for\s+me)"
    r"(?:\s+(?:on|for)\s+(?:any\s+|my\s+|the\s+)?actions?)?(?:\s+(?:yet|now|today|at\s+the\s+moment))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def _choices(services: Services, waiting: list[tuple]) -> tuple[Choice, ...]:
    """Each shown request's own *Approve the new date* and *Say no*, labelled with its action's number; *Approve*
    gives the day offered once the day asked for has passed (trial 60 F10, bot.core.more_time_late)."""
    choices: list[Choice] = []
    today = services.local_now().date()
    for action, asked in waiting[:SHOWN]:
        until = day_to_give(services, asked, today)
        for choice in more_time_answer.choices(action.id, until, asked.number):
            label = "Approve" if choice.action == more_time_answer.GIVE else "Say no"
            choices.append(Choice(f"{label}: action {action.id}", choice.action, choice.value, choice.style))
    return tuple(choices)


def home_section(services: Services, person: Person) -> list[Reply]:
    """Home's requests for more time waiting for this person, with their buttons, and those asked of them that
    someone else answers now, without; none, nothing."""
    waiting = more_time_said.waiting_for_you(services, person.user_id)
    replies = [Reply(title=more_time_said.waiting_heading(len(waiting)),
                     text="\n".join(f"   • {line}" for line in more_time_said.waiting_lines(services, waiting)),
                     note=more_time_said.HOW_TO_ANSWER, choices=_choices(services, waiting))] if waiting else []
    if passed := more_time_said.passed_on_from(services, person.user_id):
        replies.append(Reply(title=more_time_said.PASSED_ON_HEADING, text="\n".join(
            f"   • {line}" for line in more_time_said.passed_on_lines(services, passed))))
    return replies


def asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """"has anyone asked me for more time on actions": the requests waiting for this person, with their buttons, or
    that none waits, and any asked of them that someone else answers now; None for other text."""
    if not ASKED.match(text or ""):
        return None
    waiting = more_time_said.waiting_for_you(services, turn.user_id)
    passed = more_time_said.passed_on_from(services, turn.user_id)
    elsewhere = "".join(f"\n• {line}" for line in more_time_said.passed_on_lines(services, passed))
    elsewhere = f"\n{more_time_said.PASSED_ON_HEADING}:{elsewhere}" if passed else ""
    if not waiting:
        return [Reply(kind="notice", text="No request for more time is waiting for your answer. When someone asks "
                                          "for more time on an action, I send it to you, and it shows on Home and "
                                          f"in `/audit reminders` until you answer.{elsewhere}")]
    lines = "\n".join(f"• {line}" for line in more_time_said.waiting_lines(services, waiting))
    return [Reply(text=f"{more_time_said.waiting_heading(len(waiting))}:\n{lines}\n{more_time_said.HOW_TO_ANSWER}"
                       f"{elsewhere}", choices=_choices(services, waiting))]


def install(engine: Engine, services: Services) -> None:
    """Register Home's section (beside the moderations waiting for a response) and the question in words (read
    before the knowledge base)."""
    engine.add_home_section("more_time_waiting", lambda person: home_section(services, person), priority=12)
    engine.add_message_handler(lambda turn, text: asked(services, turn, text), priority=27)
