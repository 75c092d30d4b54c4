"""A campaign's figures: progress, completion, grades, each question's "yes" rate and flags by team, the
weakest questions, actions, moderation agreement. Built from the storage layer's aggregates by pure
functions (`build_report`), so a test gives known rows and checks every figure."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.campaigns.model import Allocation, Campaign
from knowledge.checklist_schema import Checklist

WEAKEST = 3


@dataclass(frozen=True)
class Progress:
    """Allocated, started, submitted and moderated for one group (the whole campaign, a team, an auditor)."""

    allocated: int = 0
    started: int = 0
    submitted: int = 0
    moderated: int = 0
    sampled: int = 0

    def plus(self, allocation: Allocation) -> Progress:
        return Progress(self.allocated + 1, self.started + allocation.started, self.submitted + allocation.submitted,
                        self.moderated + allocation.moderated, self.sampled + allocation.sampled)

    @property
    def completion(self) -> float:
        """Submitted as a share of allocated (0 when nothing was allocated)."""
        return self.submitted / self.allocated if self.allocated else 0.0


@dataclass(frozen=True)
class QuestionFigure:
    """One question's answers across a group of audits: yes, no (N/A is neither) and flagged."""

    question_id: str
    text: str
    yes: int = 0
    no: int = 0
    flagged: int = 0
    answered: int = 0

    @property
    def flag_rate(self) -> float:
        """Flagged answers as a share of all answers to the question (0 when unanswered)."""
        return self.flagged / self.answered if self.answered else 0.0

    @property
    def yes_rate(self) -> float | None:
        """Yes as a share of yes and no; None for a question nobody answered yes or no (scale, text...)."""
        return self.yes / (self.yes + self.no) if self.yes + self.no else None


@dataclass(frozen=True)
class Guidance:
    """The knowledge base's best entry for a weak question's text."""

    question_id: str
    entry_id: str | None
    entry_question: str | None


@dataclass(frozen=True)
class TeamFigures:
    team_id: str
    team_name: str
    progress: Progress
    grades: dict[str, int]
    questions: tuple[QuestionFigure, ...]
    actions_raised: int = 0
    actions_overdue: int = 0


@dataclass(frozen=True)
class CampaignReport:
    campaign: Campaign
    checklist_title: str
    progress: Progress
    teams: tuple[TeamFigures, ...]
    auditors: tuple[tuple[str, Progress], ...]
    grades: dict[str, int]
    questions: tuple[QuestionFigure, ...]
    weakest: tuple[QuestionFigure, ...]
    guidance: tuple[Guidance, ...]
    actions_raised: int
    actions_overdue: int
    moderation_agreed: int
    moderation_decided: int
    labels: dict[str, str] = field(default_factory=dict)  # team id -> name, auditor id -> label
    closed_on: date | None = None  # the day it closed, in the council's time zone (None while open)
    cancelled: str | None = None  # '1 allocation cancelled (…)' (bot.campaigns.service.cancelled_said), or None


def progress_by(allocations: Iterable[Allocation], key: Callable[[Allocation], str]) -> dict[str, Progress]:
    """Progress per group, groups in first-seen order (counted in lists: a campaign can hold 100,000 cases)."""
    counts: dict[str, list[int]] = {}
    for allocation in allocations:
        tally = counts.setdefault(key(allocation), [0, 0, 0, 0, 0])
        tally[0] += 1
        tally[1] += allocation.started
        tally[2] += allocation.submitted
        tally[3] += allocation.moderated
        tally[4] += allocation.sampled
    return {name: Progress(*tally) for name, tally in counts.items()}


def total(allocations: Iterable[Allocation]) -> Progress:
    """Progress over every allocation given."""
    return progress_by(allocations, lambda _allocation: "").get("", Progress())


def question_figures(checklist: Checklist,
                     rows: Iterable[tuple[str, int, int, int, int]]) -> tuple[QuestionFigure, ...]:
    """Rows (question id, yes, no, flagged, answered) as figures in checklist order; questions no longer in the
    checklist are left out, and every checklist question appears (at zero when unanswered)."""
    found = {qid: tuple(n or 0 for n in counts) for qid, *counts in rows}
    return tuple(QuestionFigure(q.id, q.text, *found.get(q.id, (0, 0, 0, 0))) for q in checklist.questions())


def weakest(questions: Sequence[QuestionFigure], limit: int = WEAKEST) -> tuple[QuestionFigure, ...]:
    """The questions most often flagged (the checklist's own flag_if says what is a concern, so a "no" to
    "is there an immediate safeguarding concern?" is not a weakness); ties: lower yes rate, checklist order."""
    flagged = [(-q.flag_rate, 1.0 if q.yes_rate is None else q.yes_rate, i, q)
               for i, q in enumerate(questions) if q.flagged]
    return tuple(item[3] for item in sorted(flagged, key=lambda item: item[:3])[:limit])


def build_report(campaign: Campaign, checklist: Checklist, allocations: Sequence[Allocation],
                 grade_rows: Iterable[tuple[str, str | None, int]],
                 answer_rows: Iterable[tuple[str, str, int, int, int, int]],
                 action_rows: Iterable[tuple[str, int, int]], agreement: tuple[int, int],
                 team_names: dict[str, str], guidance_for: Callable[[str], tuple[str | None, str | None]],
                 labels: dict[str, str] | None = None) -> CampaignReport:
    """Every figure of the report from the storage aggregates; `guidance_for(question text)` gives the knowledge
    base's best (entry id, entry question)."""
    grades_of: dict[str, dict[str, int]] = {}
    for team, grade, count in grade_rows:
        grades_of.setdefault(team, {})[grade or "not_graded"] = count
    answers_of: dict[str, list[tuple[str, int, int, int, int]]] = {}
    for team, qid, yes, no, flagged, answered in answer_rows:
        answers_of.setdefault(team, []).append((qid, yes, no, flagged, answered))
    actions_of = {team: (raised, overdue or 0) for team, raised, overdue in action_rows}
    by_team = progress_by(allocations, lambda a: a.team_id)
    teams = tuple(TeamFigures(t, team_names.get(t, t), by_team.get(t, Progress()), grades_of.get(t, {}),
                              question_figures(checklist, answers_of.get(t, [])), *actions_of.get(t, (0, 0)))
                  for t in campaign.teams)
    all_rows: dict[str, list[int]] = {}
    for rows in answers_of.values():
        for qid, *counts in rows:
            sums = all_rows.setdefault(qid, [0, 0, 0, 0])
            for position, count in enumerate(counts):
                sums[position] += count or 0
    questions = question_figures(checklist, [(qid, yes, no, flagged, answered)
                                             for qid, (yes, no, flagged, answered) in all_rows.items()])
    grades: dict[str, int] = {}
    for team_grades in grades_of.values():
        for grade, count in team_grades.items():
            grades[grade] = grades.get(grade, 0) + count
    weak = weakest(questions)
    return CampaignReport(
        campaign=campaign, checklist_title=checklist.title, progress=total(allocations), teams=teams,
        auditors=tuple(sorted(progress_by(allocations, lambda a: a.auditor_id).items())), grades=grades,
        questions=questions, weakest=weak,
        guidance=tuple(Guidance(q.question_id, *guidance_for(q.text)) for q in weak),
        actions_raised=sum(t.actions_raised for t in teams), actions_overdue=sum(t.actions_overdue for t in teams),
        moderation_agreed=agreement[0], moderation_decided=agreement[1], labels=dict(labels or {}))
