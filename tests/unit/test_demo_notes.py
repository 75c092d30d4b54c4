"""Trial 62 F5: demo audits had empty Strengths and Areas for development and one invented evidence line repeated.
The texts bot.digests.demo_notes draws are plausible for the grade, varied, seeded by the audit, read as strengths
where they are strengths, and hold no name or identifier (the identifier screen passes every one unchanged)."""

from __future__ import annotations

import re

import pytest

from bot.audits.strengths_shortfall import reads_as_shortfall
from bot.digests.demo_notes import (
    AREAS,
    EVIDENCE_LEADS,
    EVIDENCE_PLAIN,
    GRADE_REASONS,
    RECORD_READINGS,
    STRENGTHS,
    THEMED_AREAS,
    audit_notes,
    evidence_note,
    grade_reason_text,
    themed_area,
)
from bot.privacy.screen import Screen, screen_text
from bot.settings.config import PROJECT_DIR
from knowledge.checklist_schema import GRADES

NAMES_FILE = PROJECT_DIR / "config" / "names.txt"
COUNCIL_NAMES = sorted({line.strip().casefold() for line in NAMES_FILE.read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("#") and re.fullmatch(r"[a-z]{3,}", line.strip())})


@pytest.fixture(scope="module")
def council_screen(identifier_screen: Screen) -> Screen:
    """The screen as the bot runs it: the installed lists plus the shipped names file."""
    return identifier_screen.with_listed(COUNCIL_NAMES)


def _sentences(text: str | None) -> list[str]:
    return [s for s in re.split(r"(?<=\.) ", text or "") if s]


THEMED = tuple(area for _words, area in THEMED_AREAS)
REASONS = tuple(reason for reasons in GRADE_REASONS.values() for reason in reasons)


@pytest.mark.parametrize("text", [*STRENGTHS, *AREAS, *THEMED, *REASONS, *EVIDENCE_PLAIN.values(), *RECORD_READINGS,
                                  *(f"{lead} the plan is reviewed on time." for lead in EVIDENCE_LEADS)])
def test_every_demo_text_passes_the_identifier_screen(council_screen: Screen, text: str) -> None:
    assert screen_text(text, council_screen, "that note") == text
    assert council_screen.find(text) == []


@pytest.mark.parametrize("bank", [STRENGTHS, AREAS + THEMED], ids=["strengths", "areas"])
def test_every_pair_joined_passes_the_screen(council_screen: Screen, bank: tuple[str, ...]) -> None:
    """Joined, a sentence's first word follows a full stop mid-text ('… the child. Analyse rather …' read as a
    name): every ordered pair, as audit_notes joins them, passes too."""
    joined = [f"{first} {second}" for first in bank for second in bank if first != second]
    assert [text for text in joined if council_screen.find(text)] == []


@pytest.mark.parametrize("strength", STRENGTHS)
def test_no_strength_reads_as_a_shortfall(strength: str) -> None:
    """The finish step asks about a strengths note that reads as a shortfall: a demo strength never would be."""
    assert not reads_as_shortfall(strength)


def test_counts_fit_the_grade() -> None:
    """Over many audits: Outstanding has at most one area, Inadequate more areas than strengths, Good at least as
    many strengths as areas, Requires improvement at least as many areas as strengths."""
    for n in range(200):
        counts = {grade: [len(_sentences(part)) for part in audit_notes(f"7:{n}", grade)] for grade in GRADES}
        assert counts["outstanding"][1] <= 1 < counts["outstanding"][0]
        assert counts["good"][0] >= counts["good"][1] >= 1
        assert counts["requires_improvement"][1] >= counts["requires_improvement"][0] >= 1
        assert counts["inadequate"][1] > counts["inadequate"][0] == 1


def test_a_flagged_answer_always_has_an_area() -> None:
    assert all(audit_notes(f"7:{n}", "outstanding", ["drift"])[1] for n in range(100))


def test_the_same_audit_draws_the_same_words_and_others_differ() -> None:
    assert audit_notes("7:12", "good") == audit_notes("7:12", "good")
    assert len({audit_notes(f"7:{n}", "good") for n in range(30)}) > 20


SUPERVISION_AREA = ("Make case supervision regular and reflective, record it on the child's file and follow up its "
                    "actions.")


@pytest.mark.parametrize("question", ["supervision-frequency", "reflective", "previous-actions-followed"])
def test_a_flagged_supervision_question_gives_a_supervision_area(question: str) -> None:
    """Fix80b: the areas for development name the flagged questions' themes, not a theme drawn at random."""
    for n in range(30):
        assert SUPERVISION_AREA in (audit_notes(f"7:{n}", "good", [question])[1] or "")


def test_the_areas_name_each_flagged_theme_while_the_count_allows() -> None:
    areas = audit_notes("7:3", "inadequate", ["seen-alone", "chronology", "pep-current"])[1] or ""
    assert "seen alone" in areas and "chronology" in areas and "education plan" in areas


def test_themes_match_whole_words_of_the_question_id() -> None:
    """'views' is not found in 'reviews'; 'eet' (education, employment or training) not in 'meeting'."""
    assert "review" in (themed_area("later-reviews-timely") or "")
    assert "partners" in (themed_area("multi-agency-meeting") or "")
    assert "education" in (themed_area("eet") or "")


def test_every_shipped_flagged_question_but_a_few_has_a_theme(shipped_knowledge) -> None:
    flaggable = {question.id for checklist in shipped_knowledge.current.kb.checklists.values()
                 for section in checklist.sections for question in section.questions
                 if question.to_content().get("flag_if") or question.to_content().get("flag_at_least")}
    assert len(flaggable) > 100
    assert len([qid for qid in flaggable if themed_area(qid) is None]) <= 3


@pytest.mark.parametrize(("grade", "suggested", "direction"), [
    ("outstanding", "good", "above"), ("good", "inadequate", "above"), ("requires_improvement", "inadequate", "above"),
    ("good", "outstanding", "below"), ("requires_improvement", "good", "below"), ("inadequate", "good", "below"),
])
def test_a_grade_reason_fits_the_direction_and_the_grade(grade: str, suggested: str, direction: str) -> None:
    reasons = {grade_reason_text(f"7:{n}", grade, suggested) for n in range(40)}
    assert reasons <= set(GRADE_REASONS[(direction, grade)])
    assert len(reasons) > 1  # varied across audits, the same for one audit
    assert grade_reason_text("7:5", grade, suggested) == grade_reason_text("7:5", grade, suggested)


def test_an_evidence_note_says_the_descriptor_of_its_grade() -> None:
    question = {"id": "plan-quality", "descriptors": {"good": "The plan is specific and reviewed on time."}}
    note = evidence_note(question, "good", "12")
    assert note.endswith("the plan is specific and reviewed on time.")
    assert note.split(":")[0] + ":" in EVIDENCE_LEADS
    assert evidence_note({"id": "old"}, "inadequate", "12").endswith(EVIDENCE_PLAIN["inadequate"][0].lower()
                                                                     + EVIDENCE_PLAIN["inadequate"][1:])
    acronym = {"id": "x", "descriptors": {"good": "PEP is current."}}
    assert evidence_note(acronym, "good", "1").endswith(" PEP is current.")


def test_every_shipped_descriptor_as_an_evidence_note_passes_the_screen(council_screen: Screen,
                                                                         shipped_knowledge) -> None:
    """The evidence notes are the checklists' own descriptors after a lead-in: each one, as a demo audit writes it."""
    notes = [evidence_note(question.to_content(), grade, str(n))
             for checklist in shipped_knowledge.current.kb.checklists.values()
             for section in checklist.sections for n, question in enumerate(section.questions)
             for grade, _ in question.descriptors]
    assert len(notes) > 100
    assert [note for note in notes if council_screen.find(note)] == []
