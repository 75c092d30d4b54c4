"""Leaders' questions in words, each routed to the real figure before the knowledge base answers (trial 26: a head
of service's "how is south doing", "who's behind on their audits" and "is 81% good?" were answered from the knowledge
base, or not at all)."""

from __future__ import annotations

from bot.asking import behind_asked, figure_follow_up, figures_asked, leader_words, rate_asked, team_asked
from bot.core.services import Services
from bot.engine.routing import Engine


def install(engine: Engine, services: Services) -> None:
    """Register each question in words with the command that answers it."""
    figure_follow_up.install(engine, services)  # "sorry i meant just november", "and south?" (trial 40)
    figures_asked.install(engine, services)  # "grades this quarter", "who was behind last month" (trial 40)
    team_asked.install(engine, services)
    behind_asked.install(engine)
    leader_words.install(engine, services)  # "which reaudits got worse", "mod 41", "delete campaign 1"
    engine.add_message_handler(lambda turn, text: rate_asked.routed(services, turn, text), priority=27)
