"""The words that ask for the moderation agreement figure, in one place: team by team (bot.digests.agreement_asked:
"agreement rates by team?", "which team has the lowest agreement rate"), the reader's own or one team's, over a
period, and auditor by auditor (bot.digests.figures_asked: "whats our moderation agreement rate", "how is moderation
agreement looking for south", "whats south team's agreement rate", "whats the agreement rate this quarter", "which
auditors do we disagree with most").

Both readers once wrote the rate and the asking words apart, and a word added to one ("percentage") missed the other.
Text is read as bot.asking.asked_plainly.plainly gives it (lower case, no punctuation or apostrophes).
"""

from __future__ import annotations

import re

RATE = r"(?:moderation\s+)?(?:agreement|agree)(?:\s+(?:rates?|figures?|levels?|percentages?|scores?))?"
ASKING = (r"(?:whats|what\s+is|what\s+s|what\s+are|how\s+is|hows|how\s+s|show(?:\s+me)?|give\s+me|where\s+is|check|"
          r"list|see|get|compare)")
PERIOD = (r"(?P<period>(?:this|last|previous)\s+(?:month|quarter)|q[1-4](?:\s+20\d\d)?|(?:jan|feb|mar|apr|may|jun|"
          r"jul|aug|sep|sept|oct|nov|dec)[a-z]*(?:\s+20\d\d)?)")
_TEAMS = r"(?:each\s+team|every\s+team|all\s+(?:the\s+)?teams|teams?|the\s+teams|our\s+teams|my\s+teams)"
_BY = rf"(?:by|per|for|across|between|of|in)\s+{_TEAMS}"
_WHICH = r"(?:which|what)\s+team(?:s)?\s+(?:has|have|had|s|is|got)?\s*(?:the\s+)?"
_END = r"(?P<end>lowest|highest|worst|best|poorest|weakest|strongest|top|bottom)"
_LOOKING = r"(?:like|looking|doing|going)"
BY_TEAM = (
    # "agreement rates by team", "what are the agreement rates per team", "show me moderation agreement for each team"
    re.compile(rf"^(?:{ASKING}\s+)?(?:the\s+|our\s+)?{RATE}\s+{_BY}$"),
    # "team agreement rates", "each teams agreement rate", "whats each teams moderation agreement"
    re.compile(rf"^(?:{ASKING}\s+)?(?:the\s+)?(?:each|every|all(?:\s+the)?|our|my)?\s*teams?s?\s+{RATE}$"),
    # "which team has the lowest agreement rate", "what team has the best moderation agreement"
    re.compile(rf"^{_WHICH}{_END}\s+{RATE}$"),
    # "which team is lowest on agreement", "which team is worst for moderation agreement"
    re.compile(rf"^{_WHICH}{_END}\s+(?:on|for|in|at)\s+{RATE}$"),
    # "how does agreement compare across teams", "how do the teams compare on agreement"
    re.compile(rf"^how\s+(?:does|do|is)\s+(?:the\s+)?{RATE}\s+(?:compare|vary|differ|look)\s+{_BY}$"),
    re.compile(rf"^how\s+do\s+(?:the\s+|our\s+|my\s+)?teams\s+compare\s+(?:on|for|in)\s+{RATE}$"),
)
OWN = (
    # "whats our moderation agreement rate", "whats our moderation agreement like by team"
    re.compile(rf"^{ASKING}\s+(?:our|the\s+services?|the\s+teams?)\s+{RATE}(?:\s+{_LOOKING})?"
               rf"(?:\s+(?:by|per|for|in|across)\s+(?P<team>.+?))?$"),
    # "how is moderation agreement looking for south", "whats the agreement rate this quarter"
    re.compile(rf"^{ASKING}\s+(?:the\s+)?{RATE}\s+(?:{_LOOKING}\s*)?"
               rf"(?:(?:for|in|at|of|by|per|across)\s+(?:the\s+)?(?P<team>.+?)|(?:for\s+|over\s+|in\s+)?{PERIOD})$"),
    # "whats south team's agreement rate", "how is souths moderation agreement looking" (fix37a: "Did you mean")
    re.compile(rf"^{ASKING}\s+(?:the\s+)?(?P<team>[a-z][a-z ]*?)(?:s|\s+teams?s?)\s+{RATE}(?:\s+{_LOOKING})?$"),
)
AUDITORS = re.compile(r"^(?:which|what|who)\s+(?:auditors?|managers?|teams?|people)?\s*(?:do|does|did|have|are)?\s*"
                      r"(?:we|moderators|you|the\s+moderators)?\s*(?:disagree|disagreed|agree|agreed)\s+(?:with\s+)?"
                      r"(?:the\s+)?(?:most|least|more|less|most\s+often|least\s+often)?(?:\s+often)?$")
_GRADING = r"(?:grades?|grading|graded|marks?|marking|marked|rates?|rating)"
_WHO_GRADES = r"(?:moderators?|moderation|managers?|auditors?|we|teams?|the\s+teams?|our\s+(?:managers|teams|auditors))"
# Which way moderation moves the grades, in a leader's words (trial 62 F2): "grade drift by team" is about the teams'
# grading, not a case's drift (the knowledge base's), and "which team over-grades" about the moderated down figure.
DIRECTION = (
    # "grade drift by team", "grading drift across teams", "where is the grade drift"
    re.compile(rf"^(?:{ASKING}\s+|where\s+is\s+|is\s+there\s+(?:any\s+)?)?(?:the\s+|our\s+)?{_GRADING}\s+"
               rf"(?:drift|inflation|bias|direction)(?:\s+{_BY})?$"),
    # "which team over-grades", "which teams grade too high", "which team is over grading", "who over grades"
    re.compile(rf"^(?:which|what|who)(?:\s+teams?|\s+managers?|\s+auditors?)?\s+(?:is\s+|are\s+|s\s+)?"
               rf"(?:over|under)\s*{_GRADING}(?:\s+most|\s+the\s+most)?$"),
    re.compile(rf"^(?:which|what|who)(?:\s+teams?|\s+managers?|\s+auditors?)?\s+(?:is\s+|are\s+)?{_GRADING}\s+"
               r"(?:too\s+(?:high|low|generously|harshly|leniently)|(?:over|too)\s+generously)$"),
    # "are moderators grading up or down compared to the auditors", "is moderation moving grades up or down"
    re.compile(rf"^(?:are|is|do|does)\s+(?:the\s+)?{_WHO_GRADES}\s+(?:{_GRADING}|moving\s+(?:the\s+)?grades|"
               rf"moderating|taking\s+grades)\s+(?:up\s+or\s+down|down\s+or\s+up)"
               r"(?:\s+(?:compared|relative)\s+(?:to|with)\s+(?:the\s+)?(?:auditors?|managers?|moderators?))?$"),
    # "how consistent are our managers grading compared to moderation"
    re.compile(rf"^how\s+consistent\s+(?:are|is)\s+(?:the\s+)?{_WHO_GRADES}\s+{_GRADING}\s+(?:compared|relative)"
               r"\s+(?:to|with)\s+(?:the\s+)?(?:moderation|moderators?)$"),
)
LOW_WORDS = frozenset({"lowest", "worst", "poorest", "weakest", "bottom"})


def team_by_team(said: str) -> str | None:
    """'all', 'lowest' or 'highest' when `said` asks for the agreement team by team, 'down' when it asks which way
    moderation moves the teams' grades (the same table, which says it beside each team); None for anything else."""
    if any(shape.match(said) for shape in DIRECTION):
        return "down"
    for shape in BY_TEAM:
        found = shape.match(said)
        if found is not None:
            end = found.groupdict().get("end")
            return "all" if end is None else "lowest" if end in LOW_WORDS else "highest"
    return None


def own_or_one(said: str) -> re.Match[str] | None:
    """The match when `said` asks for the reader's agreement, one team's (group `team`) or a period's (`period`)."""
    return next((found for shape in OWN if (found := shape.match(said)) is not None), None)


def by_auditor(said: str) -> bool:
    """Whether `said` asks which auditors the moderators agree (or disagree) with most."""
    return AUDITORS.match(said) is not None and "agree" in said
