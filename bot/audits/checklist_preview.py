"""`/audit checklist cp plan`: a checklist's questions and what good looks like, read outside any audit.

A worker cannot audit a case they hold (trial 26: "i was told to self audit before supervision"), but they can read
what an audit of it will ask and what good looks like at each question, and look over their own case with it before
supervision. Managers new to a checklist read it before their first audit. Nothing is stored and nobody is told:
it is the checklist as the QA leads wrote it, the same text an auditor sees under *What good looks like*.

Asked as a command (`/audit checklist NAME`, or `checklist NAME` typed) or in words ("show me the neglect checklist",
"what does the cp plan checklist ask", "preview the early help checklist"). The name is read as `start audit NAME`
reads it (`start.matching_checklists`): its title, its id or the words of either, or the vocabulary's other names.
"""

from __future__ import annotations

import re

from bot.audits.checklist_words import one_word_near
from bot.audits.core import checklists, knowledge_base, period_text
from bot.audits.start import matching_checklists, near_named, synonyms
from bot.core.cut_short import clip_at_word
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from knowledge.checklist_schema import Checklist, Question

USAGE = "/audit checklist NAME   (e.g. `/audit checklist cp plan`; without a name, the list)"
PRIORITY = 28  # after an audit waiting for typed text (a note is that note), before the knowledge base
GUIDANCE_CHARS = 220  # a question's guidance, shortened to its first sentences: the whole is one question away

# "show me the neglect checklist", "what does the cp plan checklist ask", "preview the early help checklist",
# "what questions are on the children in care checklist", "questions on the neglect checklist"
ASKED = re.compile(
    r"^\s*(?:(?:can\s+i\s+|could\s+i\s+|can\s+you\s+|please\s+)?(?:show|see|view|read|preview|look\s+at)\s+(?:me\s+)?"
    r"|what\s+(?:questions\s+)?(?:is|are|does|do)\s+(?:on\s+|in\s+)?|(?:the\s+)?questions\s+(?:on|in|of|for)\s+)"
    r"(?:the\s+|teh\s+|a\s+)?(?P<name>[a-z0-9&'\s-]{2,60}?)\s+(?:audit\s+)?(?:checkl\w{0,4}|check\s+list)(?:\s+(?:ask|asks|cover|covers|look\s+like))?"
    r"\s*[?.!]*\s*$", re.IGNORECASE)


def preview(services: Services, named: str) -> list[Reply]:
    """The checklist `named` names, question by question with its guidance; the list when it names none or several."""
    available = checklists(services)
    if not available:
        raise UserError("No checklists are live just now; ask your QA lead.")
    found = checklists_named(services, named)
    if len(found) == 1:
        shown = _shown(services, available[found[0]])
        if not matching_checklists(available, named, synonyms(services)):  # read through a typo: said, so it shows
            return [Reply(kind="notice", text=f"I took that as **{available[found[0]].title}**."), shown]
        return [shown]
    if found:
        listed = "\n".join(f"• {available[c].title}: `checklist {c}`" for c in found)
        return [Reply(text=f"Several checklists match that name:\n{listed}")]
    opening = "No checklist has that name. " if named.strip() else ""  # never said back: it may be an identifier
    listed = "\n".join(f"• {c.title}: `checklist {c.id}`" for c in sorted(available.values(), key=lambda c: c.title))
    return [Reply(text=f"{opening}Type `checklist` and a name to read its questions and what good looks like:\n"
                       f"{listed}")]


def checklists_named(services: Services, named: str) -> list[str]:
    """The checklists a name names, as `start audit NAME` reads it, typos forgiven as there ("cp plna")."""
    if not named.strip():
        return []
    available = checklists(services)
    said = synonyms(services)
    return (matching_checklists(available, named, said) or near_named(available, named, said)
            or one_word_near(available, named))


def _shown(services: Services, checklist: Checklist) -> Reply:
    lines = [part for part in (checklist.description.strip(), period_text(checklist)) if part]
    number = 0
    for section in checklist.sections:
        lines.append(f"\n**{section.title}**")
        for question in section.questions:
            number += 1
            lines.append(f"{number}. {question.text}")
            said = _guidance_line(services, question)
            if said:
                lines.append(f"    _{said}_")
    lines.append("\nThis is what an audit asks, and what good looks like at each question. A worker cannot audit "
                 "their own case, but can read it over against these questions before supervision; `start audit` "
                 "begins one of someone else's case.")
    return Reply(title=checklist.title, text="\n".join(lines))


def _guidance_line(services: Services, question: Question) -> str:
    """The question's guidance, its first sentences up to GUIDANCE_CHARS, or the knowledge entry it points to."""
    guidance = (question.guidance or "").strip()
    if not guidance:
        return ""
    if re.fullmatch(r"[a-z0-9-]+", guidance):
        try:
            entry = knowledge_base(services).entries.get(guidance)
        except UserError:
            return ""
        return f"What good looks like: ask \u201c{entry.question}\u201d" if entry is not None else ""
    if len(guidance) <= GUIDANCE_CHARS:
        return guidance
    cut = guidance[:GUIDANCE_CHARS]
    end = cut.rfind(". ")
    return cut[:end + 1] if end > 40 else clip_at_word(guidance, GUIDANCE_CHARS)


def asked_in_words(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """"show me the neglect checklist" and the like: the preview; None for other text."""
    asked = ASKED.match(text.replace("\u2019", "'"))
    if asked is None:
        return None
    name = asked.group("name").strip()
    if not checklists_named(services, name):
        return None  # "what is on the ... checklist" about something else is a question for the knowledge base
    return preview(services, name)


# `checklist=cin`, `checklist: neglect`: the key=value of `campaign create` typed on its own (trial 30)
KEY_VALUE = re.compile(r"^\s*/?checklist\s*[=:]\s*(?P<name>\S.{0,60}?)\s*$", re.IGNORECASE)


def key_value(services: Services, text: str) -> list[Reply] | None:
    """`checklist=cin` as `checklist cin`; None for other text."""
    typed = KEY_VALUE.match(text)
    return None if typed is None else preview(services, typed.group("name"))


def install(engine: Engine, services: Services) -> None:
    """Register `/audit checklist NAME`, and the request in words."""
    engine.add_message_handler(lambda turn, text: asked_in_words(services, turn, text), priority=PRIORITY)
    engine.add_message_handler(lambda turn, text: key_value(services, text), priority=PRIORITY)
    engine.add_command(
        "checklist", lambda turn, text: preview(services, text),
        "read a checklist's questions and what good looks like, outside any audit", usage=USAGE,
        typed=r"[a-z0-9&'\s-]{0,60}")
