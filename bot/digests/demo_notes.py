"""The words of an invented audit for `audit-bot demo-data`: its strengths, its areas for development, each grade's
evidence note and the one typed answer, so `/audit show N` and the exports show what a full audit record looks like.

Trial 62 F5: every demo audit had empty Strengths and Areas for development and one invented evidence line repeated,
so a QA lead trying the bot for a moderation week could not see what a good record looks like. The texts here fit
the audit: more strengths than areas on an Outstanding or Good audit, more areas than strengths on a Requires
improvement or Inadequate one, always an area where an answer was flagged (as the finish step asks for one), and each
evidence note says what the file shows for its grade in the checklist's own descriptor for that grade.

Every text is drawn from a random.Random seeded by the audit (and the question), never from the generator's own
stream, so the invented audits' ids, grades, dates and cases are the same as before these texts existed. No text
names a child, a family member or any identifier: case references only, and tests hold every text to the screen.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from knowledge.checklist_schema import GRADES

STRENGTHS = (
    "The child's wishes and feelings are recorded in their own words and shape the plan.",
    "Visits are on time and the record says who was seen alone and what they said.",
    "The chronology is up to date and the significant events are easy to follow.",
    "The assessment weighs risks and strengths and reaches a clear conclusion.",
    "Partners' views (school, health and the police) are sought and recorded.",
    "The plan is specific: each action has an owner, a date and the outcome it is for.",
    "Management oversight is visible at key decisions, with reasons recorded.",
    "Direct work with the child is purposeful and its tools are kept on file.",
    "The worker has built a trusting relationship with the family, seen in the case notes.",
    "Reviews are held on time and the child's progress is measured against the plan.",
    "Supervision is reflective and its actions are followed up.",
    "The record is written respectfully, in language the child would recognise.",
    "Risks are reviewed after each change in the household.",
    "Case notes are timely and say what was decided and why.",
)

AREAS = (
    "Update the chronology: the last three months' significant events are missing.",
    "Record the child's own words at each visit, not only the adults' view of the child.",
    "Make the plan's actions measurable, with owners and dates, so drift can be seen.",
    "Add the health and education views to the assessment before the next review.",
    "Record who was seen alone at each visit, and why when nobody was.",
    "Show management oversight at key decisions, with the reasons written on the file.",
    "Revisit the assessment after the change in the household; it is out of date.",
    "Follow up the actions agreed at supervision; several are carried over without comment.",
    "Say what the information means for the child, not only what happened: analyse rather than describe.",
    "Hold the review on time and record what has changed for the child since the last one.",
    "Check that every adult in the household is known and considered in the assessment.",
    "Write the record so the child would recognise themselves in it when older.",
    "Share the plan with the family in writing and record their response.",
    "Escalate the drift in this plan at supervision and record the decision.",
)

# Areas that name the theme of a flagged question, so the areas for development read as following from the answers
# (trial fix80b: a flagged supervision question gave an area about the chronology). Each is (words a question id
# holds at a hyphen, so 'views' is not found in 'reviews', the area); the first that matches wins, so the narrower
# themes come first. A flagged question no theme
# names gets an area from AREAS.
THEMED_AREAS = (
    (("immediate-concern",), "Record the manager's decision on the immediate safeguarding concern and what was done "
                             "that day."),
    (("supervision", "reflect", "previous-actions", "actions-smart", "recorded-on-file", "recording",
      "child-focused"),
     "Make case supervision regular and reflective, record it on the child's file and follow up its actions."),
    (("oversight", "key-decisions", "drift-challenged", "manager-agreed", "legal-planning"),
     "Show management oversight at key decisions, with the reasons written on the file."),
    (("missing", "rhi"), "Offer a return home interview after each missing episode and use what the child says in "
                         "the plan."),
    (("seen-alone", "child-seen", "child-not-seen", "non-verbal", "seeing"),
     "Record who was seen alone at each visit, and why when nobody was."),
    (("visit", "keeping-in-touch", "personal-adviser", "lead-practitioner"),
     "Visit as often as the plan requires and record what was seen and what the child said."),
    (("chronology", "history"), "Bring the chronology up to date and use the history it shows in the assessment."),
    (("identity", "life-story"), "Record how the child's identity, culture and history are understood, with life "
                                 "story work where it helps."),
    (("permanence", "placement", "home-meets", "family-time", "worker-changes"),
     "Plan for permanence early and record how stability and family time are supported."),
    (("parents-views", "family-", "consent", "both-parents", "carer-assessment", "partners-told", "legal-advice",
      "letter-clear", "outcome-shared"), "Work with the family on the plan and record their views and agreement."),
    (("voice", "wishes", "own-words", "views", "lived-experience", "daily-life", "child-told", "told-outcome",
      "advocacy", "communication", "methods-suited", "child-in-review"),
     "Record the child's own words at each visit, not only the adults' view of the child."),
    (("health", "pep", "eet", "education", "wellbeing"),
     "Bring the health assessment and the education plan up to date and act on what they say."),
    (("drift", "escalated", "repeat-plans", "months-", "weeks-", "re-referrals", "repeat-contacts", "outcome",
      "progress", "change-quality", "better-off", "impact"),
     "Measure the child's progress against the plan's outcomes and escalate any drift at supervision."),
    (("plan", "next-step", "step-", "transition", "plo-", "legal-order", "joined-up"),
     "Make the plan's actions measurable, with owners and dates, so drift can be seen."),
    (("review",), "Hold the review on time and record what has changed for the child since the last one."),
    (("support", "short-breaks", "accommodation", "local-offer", "disruption"),
     "Check that the support in place matches the assessed needs and record the difference it makes."),
    (("strategy", "s47", "enquiry", "icpc", "conference", "core-group", "multi-agency", "partners", "nrm"),
     "Involve the partners (police, health and school) at each decision and record what they said."),
    (("assessment", "analysis", "balanced", "viability", "suitability", "need", "risk", "gcp2", "understanding",
      "not-attributed", "category"),
     "Say what the information means for the child, not only what happened: analyse rather than describe."),
    (("timely", "timeliness", "late", "nfa", "decision", "front-door", "early-referral", "temporary-approval",
      "journey", "entry", "after"),
     "Record each decision on time, with the reasons and who agreed it."),
)

# The reason a person gives for an overall grade other than the one the answers suggest, by direction (graded above
# or below the suggestion) and the grade given: what a manager weighing the whole file would write.
GRADE_REASONS = {
    ("above", "outstanding"): (
        "The answers miss how much the direct work has changed things for the child; the impact is exceptional.",
        "Read as a whole, the record shows consistently strong practice that the single weaker answer does not "
        "reflect.",
    ),
    ("above", "good"): (
        "The gaps are in recording rather than practice: the child is safer and the plan is working.",
        "The flagged answers are recent and already being put right, and the child's progress is clear.",
        "The child's experience has improved since the last review, which the section grades do not capture.",
    ),
    ("above", "requires_improvement"): (
        "The risks are understood and managed, though the record is late; not inadequate for the child.",
        "The weaknesses are real but the child is seen regularly and is not left at risk.",
    ),
    ("below", "good"): (
        "Strong answers, but the plan has not yet made a difference the child would notice.",
        "The practice is sound but the record relies on one worker's notes; not yet outstanding.",
    ),
    ("below", "requires_improvement"): (
        "The answers look good on paper, but the plan has drifted for months without challenge.",
        "Visits happen on time, but the child's voice is missing from the decisions that matter.",
        "Each section passes, but read together the file shows no analysis of what life is like for the child.",
    ),
    ("below", "inadequate"): (
        "The individual answers do not show how long the child was left without a safe plan.",
        "Read together, the file shows risk that nobody acted on; the section grades understate it.",
    ),
}

# (fewest, most) strengths and areas for development an audit of each grade gets.
COUNTS = {
    "outstanding": ((3, 4), (0, 1)),
    "good": ((2, 3), (1, 2)),
    "requires_improvement": ((1, 2), (2, 3)),
    "inadequate": ((1, 1), (3, 4)),
}

EVIDENCE_LEADS = (
    "From the case notes and the plan:", "What the file shows:", "Read across the record:",
    "Checked against the last two visits and the review:", "Seen in the assessment and supervision notes:",
    "From the chronology and the latest review:",
)

# Said when a scale question has no descriptor for the grade (an older snapshot); the same words as the descriptors.
EVIDENCE_PLAIN = {
    "outstanding": "Practice here is consistently strong and makes a visible difference for the child.",
    "good": "Practice here is timely and child-focused, with small gaps.",
    "requires_improvement": "Practice here is partly done or out of date, so it is weaker than it should be.",
    "inadequate": "Practice here is missing or so weak that risk to the child is not understood.",
}

RECORD_READINGS = (
    "They would see a record written with care that explains why decisions were made.",
    "Mostly respectful, though some entries describe the adults' worries more than the child's experience.",
    "They would recognise themselves in the direct-work notes; the older entries are brief.",
    "Some language is professional shorthand the child would not understand; it needs plainer words.",
    "They would find their own views recorded and acted on at each review.",
)


def audit_notes(key: str, grade: str, flagged: Sequence[str] = ()) -> tuple[str, str | None]:
    """(strengths, areas for development) of an audit graded `grade` whose answers to the questions `flagged` (ids)
    were flagged, drawn from a stream seeded by `key` (the audit's own): an audit with a flagged answer always has an
    area, as the finish step asks for one, and its areas name the flagged questions' themes first."""
    rng = random.Random(f"{key}:notes")
    (least, most), (fewest_areas, most_areas) = COUNTS.get(grade, COUNTS[GRADES[-1]])
    strengths = rng.sample(STRENGTHS, rng.randint(least, most))
    count = max(rng.randint(fewest_areas, most_areas), int(bool(flagged)))
    themed = list(dict.fromkeys(area for area in map(themed_area, flagged) if area))
    areas = rng.sample(themed, min(count, len(themed)))
    areas += rng.sample([area for area in AREAS if area not in areas], count - len(areas))
    return " ".join(strengths), " ".join(areas) or None


def themed_area(question_id: str) -> str | None:
    """The area for development that names the theme of a flagged question (THEMED_AREAS), or None."""
    padded = f"-{question_id}-"
    return next((area for words, area in THEMED_AREAS if any(f"-{word}" in padded for word in words)), None)


def grade_reason_text(key: str, grade: str, suggested: str) -> str:
    """The reason given for grading `grade` where the answers suggest `suggested`: one that fits the direction and
    the grade, drawn from the audit's own stream (`key`), so reasons vary across the demo audits."""
    direction = "above" if GRADES.index(grade) < GRADES.index(suggested) else "below"
    return random.Random(f"{key}:grade-reason").choice(GRADE_REASONS[(direction, grade)])


def evidence_note(question: dict[str, Any], value: str, key: str) -> str:
    """The evidence note of a scale answer graded `value`: a lead-in and what the checklist's descriptor says that
    grade looks like for this question, so the note fits the grade and differs from question to question."""
    rng = random.Random(f"{key}:{question['id']}:evidence")
    descriptor = (question.get("descriptors") or {}).get(value) or EVIDENCE_PLAIN.get(value, EVIDENCE_PLAIN["good"])
    return f"{rng.choice(EVIDENCE_LEADS)} {_lowered(descriptor.strip())}"


def typed_answer(question: dict[str, Any], key: str) -> str:
    """A typed answer (the one text question shipped: what the child might think of the record when older)."""
    return random.Random(f"{key}:{question['id']}:typed").choice(RECORD_READINGS)


def _lowered(text: str) -> str:
    """The descriptor's first letter lowered to follow a lead-in, unless it starts an acronym (PEP, LADO)."""
    return text[0].lower() + text[1:] if len(text) > 1 and not text[1].isupper() else text
