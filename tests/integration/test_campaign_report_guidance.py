"""The knowledge entry a campaign report names beside a weak question, on the shipped knowledge base: the entry
the question's guidance names, else one the search is sure of, never an entry on using the bot, else none. Trial
26's head of service read a supervision question sent to "How do I carry on with an audit I started earlier?"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.campaigns import guidance
from bot.campaigns.model import Allocation, Campaign
from bot.campaigns.render import report_reply
from bot.campaigns.report import build_report
from bot.core.knowledge import KnowledgeService

CAMPAIGN = Campaign(2, "Oversight winter", "supervision", "supervision-quality", ("north",), date(2026, 12, 1),
                    date(2026, 12, 18), 1, "managers", 20, "open", "U0QALEAD1", "2026-12-01T09:00:00+00:00")


def _weak_lines(shipped_knowledge: KnowledgeService, checklist_id: str, question_ids: list[str]) -> list[str]:
    """The report's "Weakest questions" lines when one submitted audit answered these questions "no"."""
    live = shipped_knowledge.current
    checklist = live.kb.checklists[checklist_id]
    allocations = [Allocation(1, 2, None, "U0PRAN001", "north", "U0MGRN001", "started", audit_id=1,
                              audit_status="submitted", submitted_at="2026-12-05T10:00:00+00:00")]
    rows = [("north", qid, 0, 1, 1, 1) for qid in question_ids]
    report = build_report(replace(CAMPAIGN, checklist_id=checklist_id), checklist, allocations,
                          grade_rows=[("north", "good", 1)], answer_rows=rows, action_rows=[], agreement=(0, 0),
                          team_names={"north": "North"}, guidance_for=guidance.finder(live, checklist))
    lines = report_reply(report).text.splitlines()
    start = lines.index("**Weakest questions, with guidance**")
    return lines[start + 1:start + 1 + len(question_ids)]


def test_a_question_no_entry_fits_gets_no_guidance_rather_than_a_wrong_one(
        shipped_knowledge: KnowledgeService) -> None:
    [line] = _weak_lines(shipped_knowledge, "supervision-quality", ["child-focused"])
    assert line == ("• Does supervision keep the child's experience and progress at the centre of the discussion?: "
                    "flagged in 100% of answers")
    assert "resume-audit" not in line and "see" not in line.split("?:", 1)[1]


def test_an_entry_on_using_the_bot_is_never_guidance_on_practice(shipped_knowledge: KnowledgeService) -> None:
    """The search answers "were the decisions recorded…" with the entry on how audits are sampled: not practice."""
    [line] = _weak_lines(shipped_knowledge, "strategy-s47", ["decisions-recorded"])
    assert "audit-sample" not in line and "— see" not in line, line


def test_a_question_the_search_is_sure_of_names_its_entry(shipped_knowledge: KnowledgeService) -> None:
    visits, seen_alone = _weak_lines(shipped_knowledge, "children-in-care", ["statutory-visits", "visits-seen-alone"])
    assert seen_alone.endswith("(`child-seen-alone`)"), seen_alone
    assert visits.endswith("(`cla-statutory-visits`)"), visits  # both rankings put it first


def test_guidance_naming_an_entry_is_that_entry(shipped_knowledge: KnowledgeService) -> None:
    live = shipped_knowledge.current
    question = live.kb.checklists["supervision-quality"].question("child-focused")
    named = replace(question, guidance="lived-experience")
    assert guidance.related_entry(live, question.text, named) == (
        "lived-experience", live.kb.entries["lived-experience"].question)
    assert guidance.related_entry(live, question.text, question) == (None, None)
