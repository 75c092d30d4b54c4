"""The themes across audits, asked for in words: "what are the common themes coming out of audits recently? areas
for development", "how do i see the areas for development across all the audits".

Trial 26: a head of service got "I don't know that yet" and suggestions on how to write areas for development; the
digest's "questions most often answered badly" was never pointed to. That list is the bot's theme view: the questions
answered badly in at least 2 audits over the week so far and the 3 weeks before it (bot.digests.digest, one rule for
a team's and the service's), across the teams the reader may see (every team for QA leads and admins, a manager's
own), then each team's own, each with what good looks like. Here in the digest package, which owns the figures; a
knowledge-base question about writing areas for development ("how should I word…") stays a question.
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.core import policy
from bot.core.markup import bold
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.digest import MIN_AUDITS_FOR_THEME, build_service_digest
from bot.digests.render import themes_heading, weak_question_lines
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
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


def asks_themes(text: str) -> bool:
    """Whether a question asks for the themes across audits (not how to write areas for development)."""
    said = normalise(text)
    return len(said.split()) <= MAX_WORDS and ASKED.match(said) is not None and NOT_ASKED.search(said) is None


def themes_replies(services: Services, turn: Turn) -> list[Reply]:
    """The questions most often answered badly across the reader's teams, then in each team that has any."""
    allowed = policy.digest_teams(services.directory, turn.person)
    if not allowed:
        raise AccessDenied("Themes across audits are for team managers, QA leads and admins: your own audits' areas "
                           "for development are in each audit (`/audit list`, then `show N`).")
    today = turn.now.astimezone(services.settings.timezone).date()
    monday = today - timedelta(days=today.weekday())
    every = policy.sees_every_team(turn.person)
    service = build_service_digest(services, monday, allowed, "Whole service" if every else "Your teams")
    where = "across teams" if len(allowed) > 1 else f"in {service.teams[0].team_name}"
    lines = [f"{bold(f'Questions most often answered badly {where}')} "
             f"{themes_heading(service.week_start, service.counted_to)}"]
    lines += weak_question_lines(service.weak_questions) or [
        f"   None answered badly in {MIN_AUDITS_FOR_THEME} or more audits."]
    for team in service.teams if len(allowed) > 1 else ():
        lines += [f"\n{bold(team.team_name)}", *(weak_question_lines(team.weak_questions) or [
            f"   None answered badly in {MIN_AUDITS_FOR_THEME} or more audits."])]
    note = ("The digest lists these each week (`/audit digest`). Each audit's own strengths and areas for "
            "development are in that audit (`/audit show N`) and in the export (`audit-bot export`).")
    return [Reply(title="Themes across audits", text="\n".join(lines), note=note)]


def asked_in_words(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The themes, for a question asking for them; None for anything else."""
    return themes_replies(services, turn) if asks_themes(text) else None


def install(engine: Engine, services: Services) -> None:
    """Register the themes asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: asked_in_words(services, turn, text), priority=27)
