"""A question about the asker's own audits this month ("am I on track with my audits?", "how many audits have I
done?", "what's my audit target?"): answered from their figures, the line Home shows, not from the knowledge base.

Trial 24: "am i on track with my audits this month?" was answered, with no "did you mean", by the entry on
permanence planning ("track" and "month" met its words). The knowledge base knows practice, not a person's count;
the Home tab and the reminders read the same figure (bot.core.targets), so all three agree.
"""

from __future__ import annotations

import re

from bot.asking.target_setter import no_target_said, not_reduced_said
from bot.core.action_due import is_overdue
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.core.targets import month_said, month_so_far
from bot.engine.routing import Turn
from bot.settings.people import Role
from bot.storage import actions as action_store
from knowledge.entries import Entry
from knowledge.smalltalk import normalise

# The entry saying how targets are set and counted: offered under the figures (its alternative "what is my audit
# target" is answered here now).
TARGETS_ENTRY = "audit-sample"

_AUDITS = r"(?:audits?|auditing|audit\s+(?:target|quota)|targets?|quota)"
_MY_TARGET = r"my\s+(?:own\s+)?(?:monthly\s+|months\s+)?(?:audit\s+)?(?:target|quota)"
_SO_FAR = rf"(?:this\s+month|so\s+far|(?:on|with|against)\s+(?:my\s+)?{_AUDITS}(?:\s+this\s+month)?)"
# Each shape asks after the asker's own month; "how does the bot count my audits against my target" asks how counting
# works, and stays a question for the knowledge base.
ASKED = (
    re.compile(rf"\bam\s+i\s+(?:on\s+track|on\s+target|behind|ahead|keeping\s+up|meeting\s+{_MY_TARGET})\b"
               rf"(?=.*\b{_AUDITS}\b|(?:\s+(?:this|for\s+the)\s+month)?\s*$)"),
    re.compile(r"\bhow\s+many\s+(?:more\s+)?audits?\s+(?:have|did|do|should|must|ive)\s+i\b"),
    re.compile(r"\bhow\s+many\s+audits?\s+(?:i\s+have|ive|have\s+i|i)\s+(?:done|completed|submitted|got\s+left|left)\b"),
    re.compile(rf"\b(?:whats|what\s+is|what\s+s|tell\s+me)\s+{_MY_TARGET}\b"),
    re.compile(rf"\b(?:have\s+i|did\s+i|ive)\s+(?:met|hit|reached|made|achieved|done)\s+{_MY_TARGET}\b"),
    re.compile(rf"\bhow\s+(?:am\s+i|im)\s+doing\s+(?:with|on|against)\s+(?:my\s+)?{_AUDITS}\b"),
    re.compile(r"\bmy\s+(?:audit\s+(?:count|numbers|figures|progress|stats)|audits\s+so\s+far)\b"),
    # "whats my progress", "show me my progress this month", "how am i doing so far" (trial 26: offered drift, ILACS
    # and resuming an audit): the whole question, so "my progress notes" or "how am i doing a s47" stay questions
    re.compile(rf"^(?:(?:whats|what\s+is|what\s+s|hows|how\s+is|show(?:\s+me)?|check|see|tell\s+me)\s+)?my\s+"
               rf"(?:own\s+)?(?:monthly\s+)?(?:progress|figures|stats|numbers)(?:\s+{_SO_FAR})?$"),
    re.compile(rf"^how\s+(?:am\s+i|im)\s+doing(?:\s+{_SO_FAR})?$"),
    # "do i still have to do 2 audits in december with the bank holidays", "is my target reduced for christmas"
    # (trial 60 F17: a "Did you mean" on reminders and statutory timescales)
    re.compile(r"\bdo\s+i\s+(?:still\s+)?(?:have\s+to|need\s+to|got\s+to|gotta|hav\s+to)\s+do\s+(?:my\s+|all\s+(?:my\s+)?|"
               r"the\s+|\d+\s+|two\s+|both\s+(?:my\s+)?)?(?:\w+\s+)?audits?\b"),
    re.compile(rf"\b(?:is|will|does|should|can)\s+(?:{_MY_TARGET}|the\s+(?:audit\s+)?target)\s+(?:be\s+|get\s+|go\s+)?"
               r"(?:reduced|lowered|lower|cut|changed?|adjusted|less|down|smaller|the\s+same)\b"),
)
# A question about the target said with the holidays: the figure, then that targets are monthly and not reduced.
HOLIDAYS = re.compile(r"\b(?:bank\s+hol(?:iday)?s?|b\s*hols?|christmas|xmas|new\s+year|holidays?|hols|leave|easter|"
                      r"half\s+term|festive|time\s+off)\b")


def asks_own_progress(question: str) -> bool:
    """Whether a question asks after the asker's own audit count or target this month."""
    said = normalise(question)
    return any(shape.search(said) for shape in ASKED)


def own_progress_reply(services: Services, turn: Turn, about_targets: Entry | None, question: str = "") -> Reply:
    """The asker's month as Home says it, with where to see the rest, and the entry on how targets are set and
    counted (`about_targets`, when the knowledge base has it); a person with no target is told whom to ask, and one
    asking with the holidays in mind that the target is monthly, not reduced for them, and who changes it."""
    today = turn.now.astimezone(services.settings.timezone).date()
    done, target = month_so_far(services, turn.user_id, today)
    if not target and not done and turn.person.role is Role.PRACTITIONER:
        return _workers_part(services, turn, today.isoformat())
    text = month_said(done, target) + "."
    if not target:
        text += no_target_said(services, turn.person)
    elif HOLIDAYS.search(normalise(question)):
        text += f" {not_reduced_said(services, turn.person, target)}"
    choices = (Choice(about_targets.question, "kb.show", about_targets.id),) if about_targets else ()
    return Reply(title="Your audits", text=text + "\nType `home` to see your drafts and open actions too.",
                 choices=choices)


def _workers_part(services: Services, turn: Turn, today: str) -> Reply:
    """A worker with no audits to do is told what is theirs to keep on track, their actions and the re-audits of their
    cases, never how an admin sets a target (trial 41: a social worker was shown `audit_target` and
    config/teams.yaml)."""
    actions = action_store.open_actions_of(services.storage, turn.user_id)
    late = sum(1 for action in actions if is_overdue(action.due_date, today))
    if not actions:
        held = "You have no open actions from audits"
    else:
        held = (f"You have {count_of(len(actions), 'open action')} from audits"
                + (f", {late} overdue" if late else ", none overdue"))
    return Reply(title="Your audits",
                 text="Audit targets are for auditors (team managers), so you have none. What is yours to keep on "
                      f"track: the actions from audits of your cases and the re-audits of your cases. {held}: "
                      "`my actions` lists them; `reaudits mine` lists the re-audits due on your cases.\n"
                      "Type `home` to see it all.")
