"""A campaign's report asked for in words, by its name or theme (trial 25: "show me the report for the voice campaign"
got "I don't know that yet" and went onto the QA unanswered list)."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_campaigns import QA, clock, create  # noqa: F401 (clock is a fixture)

VOICE = ('campaign create name="Voice winter" theme=voice of the child checklist=neglect '
         "teams=north-assessment,south-cin-cp start=2026-12-01 deadline=2026-12-11 per-worker=1 auditors=managers "
         "moderate=50")


def test_the_report_asked_for_by_the_campaigns_theme_is_that_campaigns(engine: Engine, services: Services,
                                                                        clock) -> None:  # noqa: F811
    create(engine)  # campaign 1, Neglect December
    [voice, *_] = engine.command(QA, VOICE, surface="terminal")
    assert voice.kind != "error", voice.text
    [asked] = engine.message(QA, "show me the report for the voice campaign", surface="terminal")
    [typed] = engine.command(QA, "campaign 2 report", surface="terminal")
    assert asked.text == typed.text and asked.title == "Audit campaign report: Voice winter"


def test_several_or_no_campaigns_matching_are_listed_with_the_command_for_each(engine: Engine, services: Services,
                                                                               clock) -> None:  # noqa: F811
    create(engine)
    [second, *_] = engine.command(QA, VOICE.replace('"Voice winter" theme=voice of the child',
                                                    '"Neglect winter" theme=neglect'), surface="terminal")
    assert second.kind != "error", second.text
    [several] = engine.message(QA, "can i see the neglect campaign report?", surface="terminal")
    [none] = engine.message(QA, "show me the report for the housing campaign", surface="terminal")
    [worker] = engine.message("U0PRAN001", "show me the report for the neglect campaign", surface="terminal")
    assert several.text.startswith("2 campaigns match “neglect”: which report?")
    assert "`campaign 1 report`" in several.text and "`campaign 2 report`" in several.text
    assert none.text.startswith("No campaign's name or theme matches “housing”. The campaigns:")
    assert worker.kind == "error" and "for QA leads and admins" in worker.text
