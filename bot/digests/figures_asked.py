"""Leaders' figures asked for in words that the knowledge base used to answer: the moderation agreement ("whats our
moderation agreement rate", "how is moderation agreement looking for south", "whats the agreement rate this quarter",
"which auditors do we disagree with most"), the digest ("audit numbers by team for last quarter", "summarise the
audit picture for the improvement board"), grades over time ("are grades getting better across the service since
september?") and grades by practice area ("which practice areas are most often graded RI or inadequate?", `list team
ri neglect`).

Trials 35 and 33: each got the entry explaining the rate, another entry, a list of options or a place on the QA
leads' unanswered list. A question about what the rate *is* ("what is the agreement rate", "what does the moderation
agreement rate mean") still gets its entry: these shapes need "our", "we", a team, a period, "by team", "looking" or
"like", or auditors. Only for those who may read the digests (managers their own teams); anyone else's words go on.
"""

from __future__ import annotations

import re

from bot.asking import rate_asked
from bot.asking.asked_plainly import plainly
from bot.asking.figures_asked import period_said
from bot.asking.team_asked import team_named, teams_by_word
from bot.core import agreement as figures
from bot.core import policy
from bot.core.periods import previous, read_period
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests import areas, grade_months, months_compared, overdue_asked
from bot.digests.agreement_asked import team_agreement
from bot.digests.agreement_words import PERIOD, RATE, by_auditor, own_or_one
from bot.digests.auditor_agreement import auditor_agreement
from bot.digests.render import count_share
from bot.engine.routing import Engine, Turn

PRIORITY = 26  # before the team questions in words (27), which read "… for south" as South's digest
MAX_WORDS = 16
NUMBERS = re.compile(rf"^(?:(?:show|give|get|send)(?:\s+me)?\s+)?(?:the\s+|our\s+)?(?:audit\s+)?(?:numbers|figures|"
                     rf"stats|statistics|counts|data|totals)\s+(?:by|per|for\s+each|for\s+every)\s+teams?"
                     rf"(?:\s+(?:for|in|over|from)?\s*(?:the\s+)?{PERIOD})?$")
GETTING_BETTER = re.compile(r"^(?:are|is|have|has)\s+(?:the\s+|our\s+)?(?:audit\s+)?(?:grades|grading|practice|"
                            r"audits|audit\s+results)\s+(?:been\s+)?(?:getting\s+|got\s+)?(?:better|worse|improving|"
                            r"improved|declining|worsening)(?:\s+(?:across|in|for|over)\s+(?:the\s+)?(?:whole\s+)?"
                            r"(?:service|teams|council|board))?(?:\s+(?:since|from)\s+(?P<since>[a-z]+(?:\s+20\d\d)?))?$")
SUMMARY = re.compile(r"^(?:can\s+(?:u|you|i)\s+|could\s+(?:u|you)\s+|please\s+)?(?:summarise|summarize|sum\s+up|"
                     r"(?:give\s+me|get|have)\s+(?:a\s+|an\s+)?(?:summary|overview)\s+of)\s+(?:the\s+|our\s+)?"
                     r"(?:audit|audits|auditing|qa|quality\s+assurance)\s*(?:picture|findings|position|results|"
                     r"figures|activity)?(?:\s+(?:for|to)\s+.+)?$")
AREAS_ASKED = re.compile(r"^(?:which|what|show(?:\s+me)?|list)\s+(?:the\s+)?(?:practice\s+areas?|areas\s+of\s+practice|"
                         r"checklists?|areas|themes)\s+.*\b(?:graded|rated|ri|inadequate|requires\s+improvement|"
                         r"worst|badly|poorly|lowest)\b.*$|^(?:grades|grading)\s+(?:by|per)\s+(?:practice\s+areas?|"
                         r"checklists?|areas?)$")
# the rate's name alone is a figure ask; "what is/what does … mean" still gets the entry
BARE_RATE = re.compile(rf"^(?:the\s+|our\s+)?{RATE}(?:\s+(?:now|today|please))?$")
# "what should i raise at the clinic", "give me the figures for my performance clinic" (trial 55 F7: a definition);
# "what is a performance clinic" is not one of these, so it still gets its entry
CLINIC = re.compile(r"^(?:what\s+(?:should|shall|do|can)\s+i\s+(?:raise|bring|take|present|say|flag|cover)|"
                    r"(?:can\s+you\s+|please\s+)?(?:give|get|show|send)(?:\s+me)?\s+(?:the\s+|some\s+)?"
                    r"(?:figures|numbers|data|stats|statistics)|(?:figures|numbers|data|stats)|"
                    r"(?:what\s+do\s+i\s+need\s+|how\s+do\s+i\s+|help\s+me\s+)?(?:to\s+)?prepare)\s+"
                    r"(?:at|for|to|in)\s+(?:the\s+|my\s+|our\s+|next\s+|this\s+months?\s+)?"
                    r"(?:performance\s+)?clinic$")
CLINIC_REPLY = ("For a performance clinic, bring these (each gives its counts, read from the same figures as the "
                "digests):\n• `digest last month` (or `digest november`): audits against target, **good or better** "
                "against the month before, moderation agreement and overdue actions, team by team\n• `themes`: the "
                "questions most often answered badly, across your teams and team by team\n• `actions team overdue`: "
                "the overdue actions, each with its owner (ask _who has the most overdue actions_ for the counts)\n"
                "• ask _whats our moderation agreement_: the rate by team\n• `reaudits outcomes`: whether re-audited "
                "cases improved\n• `areas`: the practice areas most often graded RI or inadequate.")
DEFINITION_OFFERED = "How the rate is counted: ask _what does the moderation agreement rate mean_."
GRADE_WORD = r"(?:ri|inadequate|requires\s+improvement|good|outstanding)"
LIST_AREA = re.compile(rf"^list\s+(?:team\s+|teams\s+)?{GRADE_WORD}\s+(?P<area>[a-z][a-z ]{{2,40}})$")


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The figure for the words above, for someone who may read the digests; None for anything else."""
    said = plainly(text or "")
    if not said or len(said.split()) > MAX_WORDS:
        return None
    team_ids = [t for t in policy.digest_teams(services.directory, turn.person) if t in services.directory.teams]
    if not team_ids:
        return None
    if months_compared.asked(said):  # "what changed since last month" (trial 51 F4: the reminders)
        return months_compared.compared(services, turn, team_ids)
    if (replies := _compared(engine, services, turn, said, team_ids)) is not None:
        return replies
    if (replies := _agreement(engine, services, turn, said, team_ids)) is not None:
        return replies
    return _digest_words(engine, services, turn, said, team_ids)


def _compared(engine: Engine, services: Services, turn: Turn, said: str,
              team_ids: list[str]) -> list[Reply] | None:
    """Two named months (the later's digest, which sets it beside the month before, when they are next to each
    other; else each month's), a team against last month, or the figures for a performance clinic (trial 55)."""
    if (months := months_compared.named_months(said, services.local_now().date())) is not None:
        earlier, later = months
        if previous(later).start == earlier.start:
            return engine.dispatch_command(turn, "digest", later.label.lower())
        return [*engine.dispatch_command(turn, "digest", later.label.lower()),
                *engine.dispatch_command(turn, "digest", earlier.label.lower())]
    if (asked := months_compared.team_asked(said)) is not None:
        team = team_named(services, asked[0], asked[1])
        if team is None:
            return None
        if team == "*" or team in team_ids:
            return months_compared.compared(services, turn, team_ids if team == "*" else [team], team != "*")
        return [_own_only(services, team, team_ids), *months_compared.compared(services, turn, team_ids)]
    if overdue_asked.most_asked(said):
        return overdue_asked.most_overdue(services, turn, team_ids)
    return [Reply(kind="notice", text=CLINIC_REPLY)] if CLINIC.match(said) else None


def _agreement(engine: Engine, services: Services, turn: Turn, said: str, team_ids: list[str]) -> list[Reply] | None:
    """The agreement asked about: by auditor, over a period (the period's digest), for a team, else team by team."""
    if BARE_RATE.match(said) is not None:  # "moderation agreement rate" (trial 51 F5: the definition, no figure)
        replies = team_agreement(services, team_ids, "all")
        rate_asked.figure_shown(services, turn, replies[0].text if replies else "")
        return [*replies, Reply(kind="notice", text=DEFINITION_OFFERED)]
    if by_auditor(said):
        rate_asked.figure_shown(services, turn)
        return auditor_agreement(services, team_ids)
    found = own_or_one(said)
    if found is None:
        return None
    period = found.groupdict().get("period")
    if period and read_period(period, services.local_now().date()) is not None:
        return engine.dispatch_command(turn, "digest", period)
    team_text = (found.groupdict().get("team") or "").strip()
    team = team_named(services, team_text, True) if team_text and not re.search(r"\bteams?$", team_text) else None
    if team_text and not re.search(r"\bteams?$", team_text) and team is None:
        return None  # "the agreement rate for a good audit": not a team, so the knowledge base answers
    replies = team_agreement(services, team_ids, "all")
    rate_asked.figure_shown(services, turn, replies[0].text if replies else "")
    if team is None or team == "*":
        return replies
    if team not in team_ids:
        return [_own_only(services, team, team_ids), *replies]
    monday = figures.last_complete_week(services.local_now().date())
    agreed, decided = figures.by_team(services, monday, [team]).get(team, (0, 0))
    share = count_share(agreed, decided) if decided else "none moderated"
    head = f"**{services.directory.teams[team].name}**: {share}."
    rate_asked.figure_shown(services, turn, head)  # "is that ok?" next reads the team's rate
    return [Reply(title=replies[0].title, text=f"{head}\n{replies[0].text}", note=replies[0].note), *replies[1:]]


def _own_only(services: Services, asked: str, team_ids: list[str]) -> Reply:
    """Said before a manager's own teams' agreement when they asked another team's, which policy keeps to QA leads and
    admins (bot.core.policy.digest_teams): never another team's figure swapped for theirs without a word (fix37a)."""
    names = services.directory.teams
    own = f"here is {names[team_ids[0]].name}'s" if len(team_ids) == 1 else "here are your teams'"
    return Reply(kind="notice", text=f"You can see your own team's figures, not {names[asked].name}'s: {own}.")


def _digest_words(engine: Engine, services: Services, turn: Turn, said: str,
                  team_ids: list[str]) -> list[Reply] | None:
    """The digest, grades month by month (by team when asked), the summary for a board, or grades by practice area."""
    if (replies := _team_months(services, said, team_ids)) is not None:
        return replies
    if (numbers := NUMBERS.match(said)) is not None:
        return engine.dispatch_command(turn, "digest", numbers.group("period") or "")
    if (better := GETTING_BETTER.match(said)) is not None:
        return grade_months.months_since(services, team_ids, better.group("since"))
    if SUMMARY.match(said):
        return [*engine.dispatch_command(turn, "digest", "this quarter"),
                *engine.dispatch_command(turn, "reaudits", "outcomes"),
                Reply(kind="notice", text="That is this quarter so far and the re-audits' outcomes: `digest last "
                                          "quarter` or `digest november` gives another period, `areas this quarter` "
                                          "the grades by practice area.")]
    if AREAS_ASKED.match(said):
        return engine.dispatch_command(turn, "areas", "")
    if (listed := LIST_AREA.match(said)) is not None:
        area = listed.group("area").strip()
        if areas.areas(services, areas.last_weeks(services.local_now().date()), team_ids, area):
            return areas.command(services, turn, "", only=area)
    return None


def _team_months(services: Services, said: str, team_ids: list[str]) -> list[Reply] | None:
    """Grades month by month by team (trial 62 F9): the teams named, else every team the reader may see; a manager
    naming another team is told they see their own, then gets them."""
    named = teams_by_word(services, said)
    if not grade_months.team_months_asked(said, bool(named)):
        return None
    period = period_said(services, said) or None
    shown = [team for team in team_ids if team in named] or team_ids
    others = sorted(team for team in named if team not in team_ids)
    told = [_own_only(services, others[0], team_ids)] if others else []
    return [*told, *grade_months.by_team(services, team_ids, shown, period)]


def install(engine: Engine, services: Services) -> None:
    """Register the figures asked for in words, before the team questions and the knowledge base."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
