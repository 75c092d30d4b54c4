"""A leader's data questions and half-typed commands in plain words, each routed to the command that answers it.

Trial 30: a head of service with demo data typed "overdue actions children in care team", "which reaudits got
worse", "any campaigns running at the moment?", "show me all the inadequate audits", "how do i see how each team is
doing", "delete campaign 1", "mod 41" and "moderate 70 agree, <reason>". Each went to the knowledge base (and onto
the QA leads' list of unanswered questions) though a command gives the answer or does the task. None of these is a
practice question, so none is noted as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.asking.asked_plainly import plainly
from bot.asking.team_asked import team_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)

_OVERDUE = r"(?:overdue|late|outstanding|open)"
_ACTIONS = r"(?:audit\s+)?actions?"
# "overdue actions children in care team", "overdue actions for north", "late actions in the south team"
TEAM_OVERDUE = re.compile(rf"^(?:(?:show(?:\s+me)?|list|see|any|what\s+are\s+the|whats\s+the)\s+)?(?:the\s+)?"
                          rf"{_OVERDUE}\s+{_ACTIONS}\s+(?:(?:in|for|of|from|on)\s+)?(?:the\s+)?(?P<team>.+?)"
                          rf"(?P<word>\s+teams?)?$")
# "which actions are overdue for north", "what actions are late in the south team" (trial 55 F1: a leave entry),
# "which actions are overdue across the service" (trial 62 F9: the entry on how the service is doing)
TEAM_OVERDUE_ASKED = re.compile(rf"^(?:which|what)\s+(?:of\s+the\s+)?{_ACTIONS}\s+(?:are|is)\s+(?:overdue|late)\s+"
                                rf"(?:in|for|of|from|on|across|throughout)\s+(?:the\s+)?(?P<team>.+?)"
                                rf"(?P<word>\s+teams?)?$")
REAUDITS = r"(?:re\s*-?\s*audits?|reaudits?|re\s+audits?)"
# "did practice improve on the reaudits", "which reaudits got worse", "have the re-audits got better"
REAUDIT_OUTCOMES = (
    re.compile(rf"^(?:did|has|have|is|was)\s+(?:practice|anything|things|the\s+work)\s+(?:improved?|got\s+better|"
               rf"changed)\s+(?:on|in|at|after|with|from)\s+(?:the\s+|our\s+)?{REAUDITS}$"),
    re.compile(rf"^(?:which|what|how\s+many|any|did\s+any|have\s+any|did\s+the|have\s+the|are\s+the)\s+"
               rf"(?:of\s+the\s+)?{REAUDITS}\s+(?:have\s+|has\s+)?(?:got|get|gotten|gone|go|went|are|were|getting)?"
               rf"\s*(?:worse|better|improved|improving|worsened|declined|deteriorated)$"),
    re.compile(rf"^(?:are|were|did)\s+(?:the\s+|our\s+)?{REAUDITS}\s+(?:getting\s+|got\s+)?(?:better|worse)$"),
    # "are we getting better at re-audits" (trial 55 F9: the entry on when a case is re-audited)
    re.compile(rf"^(?:are|is|have)\s+(?:we|the\s+service|our\s+teams?|the\s+teams?|practice)\s+(?:getting|doing|got|"
               rf"improving|improved)(?:\s+(?:any\s+)?better)?\s+(?:at|on|in|with)\s+(?:the\s+|our\s+)?{REAUDITS}$"),
)
# "any campaigns running at the moment", "what campaigns are on", "are there any live campaigns"
CAMPAIGNS = re.compile(r"^(?:(?:any|are\s+there\s+any|is\s+there\s+an?|what|which|whats|show(?:\s+me)?|list|see)\s+)?"
                       r"(?:the\s+)?(?:live\s+|open\s+|current\s+|running\s+|active\s+)?(?:audit\s+)?campaigns?"
                       r"(?:\s+(?:are|is))?(?:\s+(?:running|on|open|live|going|active|happening|in\s+progress))?"
                       r"(?:\s+(?:at\s+the\s+moment|now|currently|just\s+now|this\s+month))?$")
GRADES = r"(?:inadequate|ri|requires\s+improvement(?:\s+to\s+be\s+good)?|good|outstanding)"
# "show me all the inadequate audits", "which audits were graded inadequate", "list the ri audits in south"
GRADED = (
    re.compile(rf"^(?:(?:show(?:\s+me)?|list|see|get|give\s+me|which|what|all|any)\s+)*(?:(?:the|our|my)\s+)?"
               rf"(?P<grade>{GRADES})\s+(?:audits?|cases?)$"),
    re.compile(rf"^(?:which|what)\s+(?:audits?|cases?)\s+(?:are|were|have\s+been|got|was|is)\s+(?:graded\s+|rated\s+)?"
               rf"(?P<grade>{GRADES})$"),
    re.compile(rf"^audits\s+(?P<grade>{GRADES})$"),
)
# "how do i see how each team is doing", "where can i see all the teams figures"
HOW_TO_SEE = re.compile(r"^(?:how\s+(?:do|can|would)\s+i|where\s+(?:do|can)\s+i|is\s+there\s+a\s+way\s+to)\s+"
                        r"(?:see|view|check|compare|find|get|look\s+at)\s+(?:how\s+)?(?:each|every|all(?:\s+the)?|"
                        r"the|my|our)\s+teams?\s*(?:s\s+)?(?:is\s+|are\s+)?(?:doing|figures|performance|progress|"
                        r"numbers|audits|getting\s+on)?$")
HOW_TO_SEE_REPLY = ("`/audit digest` gives last week's figures for every team (`digest this week` for the week so "
                    "far, `digest south` for one team, `digest last month` or `digest this quarter` for a longer "
                    "period); `auditors` gives each auditor's count against target, and your Home tab shows each "
                    "team's picture.")
DELETE_CAMPAIGN = re.compile(r"^(?:can\s+i\s+|how\s+do\s+i\s+|please\s+)?(?:delete|remove|cancel|scrap|bin|drop)\s+"
                             r"(?:the\s+)?(?:audit\s+)?campaign\s+(?:no\s*|number\s+)?(?P<id>\d{1,9})$")
MOD = re.compile(r"^\s*/?mod\s+#?(?P<id>\d{1,9})\s*[.!]*\s*$", re.IGNORECASE)
# "moderate 70 agree, the plan was reviewed": the decision and the reason in one line
MODERATE_AGREE = re.compile(r"^\s*/?(?:moderate|mod)\s+#?(?P<id>\d{1,9})\s*[,:;-]?\s*(?P<decision>agree|agreed)\b"
                            r"\s*[,:;.-]?\s*(?P<reason>.*?)\s*$", re.IGNORECASE | re.DOTALL)


def _campaign_closing(engine: Engine, turn: Turn, found: re.Match[str]) -> list[Reply]:
    number = found.group("id")
    return [Reply(kind="notice", text=f"A campaign is not deleted, so its audits and report are kept: close it with "
                                      f"`campaign close {number}` (it asks before closing early). `campaign "
                                      f"{number}` shows its progress first.")]


def _moderated_in_one(engine: Engine, turn: Turn, found: re.Match[str]) -> list[Reply]:
    """`moderate 70`, then the decision and the reason as if typed next, so each step's own checks apply (an
    Inadequate grade still asks for its action)."""
    number = found.group("id")
    replies = engine.dispatch_command(turn, "moderate", number) + engine.claim(turn, f"agree {number}")
    reason = found.group("reason").strip()
    return replies + engine.claim(turn, reason) if reason else replies


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The command's replies for a leader's words above; None for anything else, so a practice question goes on."""
    if (agreed := MODERATE_AGREE.match(text or "")) is not None:
        return _allowed(engine, turn, "moderate", lambda: _moderated_in_one(engine, turn, agreed))
    if (mod := MOD.match(text or "")) is not None:
        return _allowed(engine, turn, "moderate", lambda: engine.dispatch_command(turn, "moderate", mod.group("id")))
    said = plainly(text)
    return _asked(engine, services, turn, said) if said and len(said.split()) <= 16 else None


def _asked(engine: Engine, services: Services, turn: Turn, said: str) -> list[Reply] | None:
    """The questions in words (no command typed)."""
    if (overdue := TEAM_OVERDUE.match(said) or TEAM_OVERDUE_ASKED.match(said)) is not None:
        team = team_named(services, overdue.group("team").strip(), overdue.group("word") is not None)
        if team is not None:
            late = " overdue" if re.search(r"\b(?:overdue|late)\b", said) else ""  # only those (trial 40)
            which = "" if team == "*" else f" {team}"  # every team the reader may see (trial 62 F9)
            return _allowed(engine, turn, "actions", lambda: engine.dispatch_command(turn, "actions",
                                                                                       f"team{which}{late}"))
    if any(shape.match(said) for shape in REAUDIT_OUTCOMES):
        return _allowed(engine, turn, "reaudits", lambda: engine.dispatch_command(turn, "reaudits", "outcomes"))
    if CAMPAIGNS.match(said) and "campaign" in said and len(said.split()) > 1:  # `help campaign` is help's
        return _allowed(engine, turn, "campaign", lambda: engine.dispatch_command(turn, "campaign", ""))
    graded = next((found for shape in GRADED if (found := shape.match(said)) is not None), None)
    if graded is not None:  # a leader's (the digest's readers); a practitioner's goes on to the entries
        return _allowed(engine, turn, "digest", lambda: engine.dispatch_command(turn, "list", graded.group("grade")))
    if HOW_TO_SEE.match(said):
        return _allowed(engine, turn, "digest", lambda: [Reply(kind="notice", text=HOW_TO_SEE_REPLY)])
    if (delete := DELETE_CAMPAIGN.match(said)) is not None:
        return _allowed(engine, turn, "campaign", lambda: _campaign_closing(engine, turn, delete))
    return None


def _allowed(engine: Engine, turn: Turn, command: str, answer: Callable[[], list[Reply]]) -> list[Reply] | None:
    """The answer for someone who may use `command`; None for anyone else, whose words go on to the knowledge
    base (a practitioner asking what an inadequate audit means is answered there)."""
    found = engine.commands.get(command)
    if found is None or not found.allowed(turn.person):
        return None
    return answer()


def install(engine: Engine, services: Services) -> None:
    """Register the leader's words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
