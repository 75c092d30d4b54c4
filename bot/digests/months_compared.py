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

from bot.core import policy
from bot.core.periods import previous, read_period
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
NOTE = ("This month is so far, its targets pro rata to today; last month is the whole month. `digest this month` or "
        "`digest last month` gives either with its themes.")


def asked(said: str) -> bool:
    """Whether `said` (as bot.asking.asked_plainly gives it) asks for this month beside last month."""
    return ASKED.match(said) is not None


def compared(services: Services, turn: Turn, team_ids: list[str]) -> list[Reply]:
    """This month so far and last month, the totals then each team's two lines, for `team_ids`."""
    today = services.local_now().date()
    this = read_period("this month", today)
    assert this is not None  # "this month" is always read
    last = previous(this)
    heading = "Every team" if policy.sees_every_team(turn.person) else "Your teams"
    now, before = period_figures(services, this, team_ids, heading), period_figures(services, last, team_ids, heading)
    lines = [now.summary, before.summary]
    for team_id in team_ids:
        lines += [f"\n**{services.directory.teams[team_id].name}**",
                  f"• {this.label} so far: {now.teams[team_id]}", f"• {last.label}: {before.teams[team_id]}"]
    return [Reply(title=f"{this.label} so far beside {last.label}", text="\n".join(lines) + now.demo, note=NOTE)]
