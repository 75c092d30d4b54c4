"""Knowledge-base content trial 58 found wanting: how the moderation sample is chosen answered with the managers'
monthly audit sample (F3), what share of audits is moderated answered with the agreement rate (F4), a case drifting
for months with no "what now" (F9), a new team manager with nowhere to start (F12), what good recording of
reflective supervision shows (F13), a re-audit graded RI again (F15), and the voice and lived experience of the
child offered as a choice of two entries (F16)."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

KB = load_knowledge()
SEARCH = KnowledgeSearch(KB)


def answered(question: str) -> str | None:
    """The entry the bot answers the question with outright, or None when it only offers or declines."""
    result = SEARCH.search(question)
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize("question", ["how is the moderation sample chosen", "what percentage of audits get moderated"])
def test_which_audits_are_moderated_is_answered_with_the_moderation_entry(question: str) -> None:
    """F3, F4: the managers' monthly audit sample, and the agreement rate, were answered outright instead."""
    assert answered(question) == "moderation-agreement"


def test_the_moderation_entry_says_how_audits_reach_moderation_and_where_the_share_is_seen() -> None:
    answer = KB.entries["moderation-agreement"].answer
    assert "every submitted audit waits in the moderation queue" in answer
    assert "`/audit campaign sample 3` draws that share at random" in answer and "every Inadequate one" in answer
    assert "how many of the week's grades are after moderation" in answer


def test_a_drifting_case_is_answered_with_what_the_manager_does_once_drift_is_found() -> None:
    """F9: "case has drifted for 6 months, what should the manager do" only offered Did you mean, and the drift
    entry said how to spot drift, not what to do about it."""
    assert answered("case has drifted for 6 months, what should the manager do") == "drift-and-delay"
    answer = KB.entries["drift-and-delay"].answer
    assert "*Once drift is found (what the manager does):*" in answer and "*dated plan*" in answer
    assert "*legal planning meeting*" in answer and "(PLO)" in answer
    assert "*IRO*" in answer and "dispute resolution" in answer and "*conference chair*" in answer


def test_a_new_team_manager_is_answered_with_the_audit_loop_here() -> None:
    """F12: "what is expected of me as a new team manager" offered monthly audits, CIC visits and the National
    Framework; the entry gives the figures in config (target 2 a month, moderation nudge at 3 working days)."""
    assert answered("what is expected of me as a new team manager") == "new-team-manager"
    answer = KB.entries["new-team-manager"].answer
    assert "2 cases a month" in answer and "`/audit moderate`" in answer and "3 working days" in answer
    assert "type `home`" in answer and "*The weekly digest*" in answer and "`/audit actions team`" in answer
    assert "*Reflective supervision:*" in answer


def test_good_supervision_recording_is_described_in_the_supervision_entry() -> None:
    """F13: recording was one bullet ("a summary, the reflection, the decision and actions, and a date")."""
    assert answered("what does good reflective supervision recording look like on the file") == "reflective-supervision"
    answer = KB.entries["reflective-supervision"].answer
    assert "*What a supervision record should include* (on the child's file):" in answer
    assert "the *child's experience* now" in answer
    assert "the *hypotheses* considered and what was weighed" in answer
    assert "the *decision* and its *rationale*" in answer and "who does what and by when" in answer
    assert "a *date to review* them" in answer


def test_a_re_audit_graded_ri_again_is_answered_with_what_a_repeat_grade_means() -> None:
    """F15: "re-audit came back RI again, what happens now" offered two entries, neither saying what a repeat RI
    means; the bot sets another re-audit by the same rule (settings: 12 weeks for RI, 6 for Inadequate)."""
    assert answered("re-audit came back RI again, what happens now") == "re-audits"
    answer = KB.entries["re-audits"].answer
    assert "*Graded RI or Inadequate again:*" in answer
    assert "another re-audit falls due (12 weeks after it for RI, 6 for Inadequate)" in answer
    assert "The bot does not escalate a repeat grade by itself" in answer and "`/audit reaudits outcomes`" in answer
    assert "drift-and-delay" in KB.entries["re-audits"].related


def test_the_voice_and_lived_experience_of_the_child_is_answered_by_the_voice_entry() -> None:
    """F16: the question was offered as a choice between two entries that both fit; the voice entry now says how
    the voice goes with lived experience and lists that entry as related."""
    assert answered("how do we capture the voice and lived experience of the child") == "voice-of-the-child-good"
    entry = KB.entries["voice-of-the-child-good"]
    assert "The voice goes with the child's *lived experience*" in entry.answer
    assert entry.related[0] == "lived-experience"
    assert answered("what is meant by lived experience") == "lived-experience"
