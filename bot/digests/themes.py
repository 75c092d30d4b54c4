"""The themes across audits, asked for in words: "what are the common themes coming out of audits recently? areas
for development", "how do i see the areas for development across all the audits".

Trial 26: a head of service got "I don't know that yet" and suggestions on how to write areas for development; the
digest's "questions most often answered badly" was never pointed to. That list is the bot's theme view: the questions
answered badly in at least 2 audits over the 4 weeks a plain `digest` lists them over (bot.digests.digest_week; trial
55 F12: two different top 3s in one sitting; bot.digests.digest, one rule for a team's and the service's), across
the teams the reader may see (every team for QA leads and admins, a manager's own), then each team's own, each
with what good looks like. Here in the digest package, which owns the figures; a knowledge-base question about
writing areas for development ("how should I word…") stays a question.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.core import policy
from bot.core.markup import bold
from bot.core.period_or_team import team_or_period
from bot.core.periods import PERIODS_SAID, Period, corrected, looks_like_period, read_period, read_week
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.teams import team_names
from bot.digests.digest import MIN_AUDITS_FOR_THEME, build_service_digest, flagged_practice, weak_questions
from bot.digests.digest_week import digest_week
from bot.digests.digest_words import arranged, period_span, teams_typed
from bot.digests.render import themes_heading, themes_rule, weak_question_lines
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
from knowledge.dates import short_date
from knowledge.smalltalk import normalise

_THEMES = (r"(?:\b(?:common|recurring|main|key|emerging|learning)\s+(?:themes?|issues|problems|weaknesses|gaps|"
           r"findings|patterns)\b|\bthemes\b|\bpatterns\b|\banswered\s+badly\b|\bweak(?:est)?\s+(?:areas|questions)\b"
           r"|\bareas?\s+(?:for|of)\s+development\b)")
# said across audits, not of one audit being written
_ACROSS = r"\b(?:audits|across|all\s+the|recent|recently|lately|coming\s+out|service|teams|most\s+often|overall)\b"
ASKED = re.compile(rf"^(?=.*{_THEMES})(?=.*{_ACROSS}).*$")
# how to write one, or themed audits and campaigns: the knowledge base's
NOT_ASKED = re.compile(r"\b(?:write|writing|written|word|wording|phrase|put|record|example|examples|themed|campaign|"
                       r"campaigns|set\s+up|checklist)\b")
MAX_WORDS = 30
# the themes asked for with nothing else: "what are the themes", "any themes?", "show me the common themes"
BARE = re.compile(r"^(?:(?:what\s+are|whats|what\s+s|show(?:\s+me)?|give\s+me|list|any)\s+)?(?:the\s+|our\s+)?"
                  r"(?:common\s+|main\s+|key\s+|recurring\s+|current\s+|latest\s+)?themes(?:\s+across\s+(?:the\s+|all\s+(?:the\s+)?)?teams|"
                  r"\s+at\s+the\s+moment|\s+right\s+now|\s+now)?(?:\s+(?:for\s+|in\s+|over\s+)?(?P<rest>.+))?$")
# "themes" and a period after it: the themes over that period (a month's name alone, `themes november`, too)
SHORT = re.compile(r"^(?:(?:show|give)\s+(?:me\s+)?)?(?:the\s+)?(?:common\s+)?themes\s+(?:for\s+|in\s+|over\s+)?"
                   r"(?P<rest>.+)$")


def asks_themes(text: str) -> bool:
    """Whether a question asks for the themes across audits (not how to write areas for development)."""
    said = normalise(text)
    if (short := SHORT.match(said)) is not None and _a_period(short.group("rest")):  # `themes last mnth` (trial 35)
        return True  # else read on: `themes across teams` (trial 51 F3: the themed audits' entry)
    if (bare := BARE.match(said)) is not None and (bare.group("rest") is None or _a_period(bare.group("rest"))):
        return True  # "what are the themes", "main themes this month" (trial 51 F3)
    return len(said.split()) <= MAX_WORDS and ASKED.match(said) is not None and NOT_ASKED.search(said) is None


def _a_period(words: str) -> bool:
    """Whether `words` are a period, read or only looking like one (said so in the reply)."""
    return looks_like_period(words) or (read_period(words, date.today()) or read_week(words, date.today())) is not None


def period_in(text: str, today: date) -> Period | None:
    """The month, quarter or week a question names anywhere in it (`any themes accross teams this qtr?`, `themes last
    week`), typos forgiven (bot.core.periods); a month's name alone counts except `may`, which is mostly the verb."""
    words = corrected(text).split()
    for size in (3, 2, 1):
        for at in range(len(words) - size + 1):
            said = " ".join(words[at:at + size])
            if size == 1 and said in ("may", "this", "last"):
                continue
            if (period := read_period(said, today) or read_week(said, today)) is not None:
                return period
    return None


def themes_replies(services: Services, turn: Turn, text: str = "", teams: list[str] | None = None) -> list[Reply]:
    """The questions most often answered badly across the reader's teams (or the `teams` named, already checked),
    then in each team that has any: over the month or quarter the question names, else the 4 weeks a plain `digest`
    lists its themes over (the last complete week and the 3 before it, this week's once its working time is over),
    the reply saying which."""
    allowed = teams or policy.digest_teams(services.directory, turn.person)
    if not allowed:
        raise AccessDenied("Themes across audits are for team managers, QA leads and admins: your own audits' areas "
                           "for development are in each audit (`/audit list`, then `show N`).")
    local = turn.now.astimezone(services.settings.timezone)
    if (period := period_in(text, local.date())) is not None:
        return [_period_themes(services, period, allowed)]
    monday = digest_week(services, local)  # the weeks a plain `digest` lists its themes over (trial 55 F12)
    every = policy.sees_every_team(turn.person) and not teams
    service = build_service_digest(services, monday, allowed, "Whole service" if every else "Your teams")
    where = "across teams" if len(allowed) > 1 else f"in {service.teams[0].team_name}"
    lines = [f"{bold(f'Questions most often answered badly {where}')} "
             f"{themes_heading(service.week_start, service.counted_to)}"]
    lines += weak_question_lines(service.weak_questions) or [
        f"   None answered badly in {MIN_AUDITS_FOR_THEME} or more audits."]
    for team in service.teams if len(allowed) > 1 else ():
        lines += [f"\n{bold(team.team_name)}", *(weak_question_lines(team.weak_questions) or [
            f"   None answered badly in {MIN_AUDITS_FOR_THEME} or more audits."])]
    unread = (f" I read no month or quarter in your question, so these are the last 4 weeks. {PERIODS_SAID}"
              if looks_like_period(text) else " Ask for a month or quarter (`themes this quarter`) for another span.")
    return [Reply(title="Themes across audits", text="\n".join(lines), note=SAME_WEEKS + NOTE + unread)]


SAME_WEEKS = ("These are the weeks the digest (`/audit digest`) and the Home tab list their themes over, so they "
              "agree; `/audit digest this week` counts the week so far and the 3 before it. ")


NOTE = ("The digest lists these each week (`/audit digest`). Each audit's own strengths and areas for development "
        "are in that audit (`/audit show N`) and in the export (`audit-bot export`).")


def _period_themes(services: Services, period: Period, allowed: list[str]) -> Reply:
    """The themes over a month, a quarter or a week, across the reader's teams, then each team's, dated."""
    start = datetime.combine(period.start, time(0), tzinfo=services.settings.timezone)
    end = datetime.combine(period.end + timedelta(days=1), time(0), tzinfo=services.settings.timezone)
    flagged = flagged_practice(services, start, end, allowed)
    where = "across teams" if len(allowed) > 1 else f"in {services.directory.teams[allowed[0]].name}"
    dates = f"{short_date(period.start)} to {short_date(period.end)}{', so far' if period.so_far else ''}"
    none = f"   None answered badly in {MIN_AUDITS_FOR_THEME} or more audits."
    lines = [f"{bold(f'Questions most often answered badly {where} in {period.label}')} (audits submitted {dates}, "
             f"{themes_rule()})"]
    lines += weak_question_lines(weak_questions(services, [r for rows in flagged.values() for r in rows])) or [none]
    for team_id in allowed if len(allowed) > 1 else ():
        lines += [f"\n{bold(services.directory.teams[team_id].name)}",
                  *(weak_question_lines(weak_questions(services, flagged.get(team_id, []))) or [none])]
    return Reply(title=f"Themes across audits, {period.label}", text="\n".join(lines), note=NOTE)


# the words for every team the reader may see: `themes across teams`, `themes all`, `themes for the service`
EVERY_TEAM = re.compile(r"^(?:(?:across|for|in|over)\s+)?(?:the\s+|all\s+(?:the\s+)?|every\s+|my\s+|our\s+)?"
                        r"(?:whole\s+)?(?:teams?|service|all|overall|everyone)$")
PREPOSITION = re.compile(r"^(?:across|for|in|over|of)\s+")


def command(services: Services, turn: Turn, text: str) -> list[Reply]:
    """`/audit themes [period] [team …]` (trial 51 F3: "I don't know /audit themes"): the themes over the period,
    across the teams named, read as `digest` reads its teams and period (bot.digests.digest_words, any order), or
    every team the reader may see; a team the reader may not see is refused as the digest refuses it."""
    today = turn.now.astimezone(services.settings.timezone).date()
    words = arranged(normalise(text or ""), team_names(services.directory), today).split()
    span = period_span(words, today)
    period, rest = ("", words) if span is None else (" ".join(words[span[0]:span[1]]), words[span[1]:])
    readable = None if policy.sees_every_team(turn.person) else policy.digest_teams(services.directory, turn.person)
    named = [PREPOSITION.sub("", part) for part in teams_typed(" ".join(rest), team_names(services.directory))]
    ids = [team_or_period(services, readable, part, "see the themes").id
           for part in named if EVERY_TEAM.match(part) is None]
    return themes_replies(services, turn, period, list(dict.fromkeys(ids)) or None)


def asked_in_words(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The themes, for a question asking for them; None for anything else."""
    return themes_replies(services, turn, text) if asks_themes(text) else None


def install(engine: Engine, services: Services) -> None:
    """Register the themes asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: asked_in_words(services, turn, text), priority=27)
