"""This month so far beside last month, team by team, asked for in words: "what changed since last month", "compare
this month with last month", "this month vs last month", "month on month".

Trial 51 (F4): a head of service's "what changed since last month" got their reminders, and "compare this month with
last month" a how-to entry, noted on the QA leads' unanswered list. Each is now the period digest's figures for both
months (bot.digests.period_digest: audits against the target, grades, moderation agreement, overdue actions), the
totals and then each team with this month's line above last month's, for the teams the reader may see (every team
for QA leads and admins, a manager's own). Never a knowledge question.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core import policy
from bot.core.periods import Period, previous, read_period
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.period_digest import period_figures
from bot.engine.routing import Turn

_THIS = r"(?:this\s+month(?:\s+so\s+far)?|the\s+month\s+so\s+far|so\s+far\s+this\s+month)"
_LAST = r"(?:last\s+month|the\s+month\s+before|the\s+previous\s+month|previous\s+month)"
_WITH = r"(?:with|to|against|and|vs|versus|v|compared\s+(?:to|with)|on)"
ASKED = re.compile(
    rf"^(?:(?:what|whats|what\s+s|what\s+has)\s+(?:changed|moved|improved|got\s+better|got\s+worse)\s+since\s+{_LAST}"
    rf"|(?:can\s+(?:you|u|i)\s+|please\s+)?(?:compare\s+)?(?:{_THIS}\s+{_WITH}\s+{_LAST}|{_LAST}\s+{_WITH}\s+{_THIS})"
    rf"|how\s+(?:does|is|do)\s+{_THIS}\s+(?:compare|look|compared)\s+(?:with|to|against)\s+{_LAST}"
    rf"|month\s+on\s+month(?:\s+(?:figures|comparison|changes?|picture))?)$")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+20\d\d)?")
# "how does november compare with october", "november vs october", "compare october and november" (trial 55 F6)
NAMED = re.compile(rf"^(?:(?:how\s+(?:does|did|do|is|was)\s+|compare\s+)?(?P<one>{_MONTH})\s+(?:compare(?:d)?\s+)?"
                   rf"{_WITH}\s+(?P<other>{_MONTH})|how\s+do\s+(?P<one2>{_MONTH})\s+and\s+(?P<other2>{_MONTH})\s+"
                   rf"compare)$")
# "how is south doing compared to last month", "south compared with last month" (trial 55 F8: a count only)
_AGAINST = r"(?:compared\s+(?:to|with)|against|vs|versus|on|since|beside)"
TEAM_ASKED = re.compile(rf"^(?:(?:how\s+(?:is|are|s)|hows)\s+)?(?:the\s+)?(?P<team>[a-z0-9&][a-z0-9& ]*?)"
                        rf"(?P<word>\s+teams?)?\s+(?:(?:doing|getting\s+on|performing|looking)\s+)?{_AGAINST}\s+"
                        rf"{_LAST}$")
NOTE = ("This month is so far, its targets pro rata to today; last month is the whole month. `digest this month` or "
        "`digest last month` gives either with its themes.")


def asked(said: str) -> bool:
    """Whether `said` (as bot.asking.asked_plainly gives it) asks for this month beside last month."""
    return ASKED.match(said) is not None


def named_months(said: str, today: date) -> tuple[Period, Period] | None:
    """The two named months `said` compares, earlier first; None when it names no two months under way or past."""
    found = NAMED.match(said)
    if found is None:
        return None
    words = [found.group(key) for key in ("one", "other", "one2", "other2") if found.group(key)]
    months = [read_period(word, today) for word in words]
    if len(months) != 2 or months[0] is None or months[1] is None or months[0].start == months[1].start:
        return None
    earlier, later = sorted((months[0], months[1]), key=lambda period: period.start)
    return earlier, later


def team_asked(said: str) -> tuple[str, bool] | None:
    """The team's words (and whether "team" was said) in "how is south doing compared to last month"; None else."""
    found = TEAM_ASKED.match(said)
    return None if found is None else (found.group("team").strip(), found.group("word") is not None)


def compared(services: Services, turn: Turn, team_ids: list[str], named: bool = False) -> list[Reply]:
    """This month so far and last month, the totals then each team's two lines, for `team_ids` (one team `named`
    in the question: its name heads the totals)."""
    today = services.local_now().date()
    this = read_period("this month", today)
    assert this is not None  # "this month" is always read
    last = previous(this)
    heading = "Every team" if policy.sees_every_team(turn.person) else "Your teams"
    if named:  # one team asked by name: not "Every team" (trial 55 F8)
        heading = services.directory.teams[team_ids[0]].name
    now, before = period_figures(services, this, team_ids, heading), period_figures(services, last, team_ids, heading)
    lines = [now.summary, before.summary]
    for team_id in team_ids:
        lines += [f"\n**{services.directory.teams[team_id].name}**",
                  f"• {this.label} so far: {now.teams[team_id]}", f"• {last.label}: {before.teams[team_id]}"]
    return [Reply(title=f"{this.label} so far beside {last.label}", text="\n".join(lines) + now.demo, note=NOTE)]
