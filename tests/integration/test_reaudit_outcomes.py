"""Are re-audits showing improvement? `/audit reaudits outcomes` and the question in words count the re-audits
submitted in the last 3 months (an audit whose case's audit before it had a grade of record asking for one):
improved, same, worse (each with its `/audit compare`) or can't say, overall and by team, by `/audit compare`'s rule,
for the cases the reader may list re-audits of. Trial 26's head of service asked and got only the re-audit rule.

The clock is pinned (time_machine, tick=False), so the suite passes on any day, including under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.reaudit_outcomes import asked_team, months_back
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_reaudits import (
    CARE_WORKER,
    LONDON,
    NORTH_MANAGER,
    NORTH_WORKER,
    QA,
    SOUTH_MANAGER,
    SOUTH_WORKER,
    Cases,
    at,
    text,
)

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=LONDON)  # the last 3 months: 5 Sep to 5 Dec 2026
JULY, AUGUST = datetime(2026, 7, 6, 10, 0, tzinfo=LONDON), datetime(2026, 8, 3, 10, 0, tzinfo=LONDON)
# trial 60 F19: a re-audit no moderator has decided counts at its auditor's grade, and the improved say so
ONE, ALL_2 = "(on the auditor's grade, not yet moderated)", "(all 2 on the auditor's grade, not yet moderated)"
OCTOBER, NOVEMBER = datetime(2026, 10, 5, 10, 0, tzinfo=LONDON), datetime(2026, 11, 2, 10, 0, tzinfo=LONDON)


@pytest.fixture
def cases(services: Services) -> Cases:
    return Cases(services)


def outcomes(engine: Engine, user: str = QA, args: str = "") -> str:
    with at(NOW):
        return text(engine.command(user, f"reaudits outcomes {args}".strip(), surface="terminal"))


def asked(engine: Engine, words: str, user: str = QA) -> str:
    with at(NOW):
        return text(engine.message(user, words, surface="terminal"))


def north_and_south(cases: Cases) -> dict[str, int]:
    """North: one improved, one the same, one worse; South: one improved. Not re-audits: a Good audit's next audit,
    and a re-audit submitted before the period."""
    south = {"team": "south-cin-cp", "auditor": SOUTH_MANAGER, "worker": SOUTH_WORKER}
    cases.audit("CR-200001", "inadequate", AUGUST)
    cases.audit("CR-200002", "requires_improvement", AUGUST)
    cases.audit("CR-200003", "requires_improvement", AUGUST)
    cases.audit("CR-200004", "good", AUGUST)
    cases.audit("CR-200005", "inadequate", JULY)
    cases.audit("CR-200006", "inadequate", AUGUST, **south)
    return {"improved": cases.audit("CR-200001", "good", OCTOBER),
            "same": cases.audit("CR-200002", "requires_improvement", OCTOBER),
            "worse": cases.audit("CR-200003", "inadequate", NOVEMBER),
            "good_then_inadequate": cases.audit("CR-200004", "inadequate", OCTOBER),
            "before_the_period": cases.audit("CR-200005", "good", AUGUST),
            "south": cases.audit("CR-200006", "requires_improvement", OCTOBER, **south)}


def test_improved_same_and_worse_are_counted_with_the_worse_ones_to_compare(engine: Engine, cases: Cases) -> None:
    ids = north_and_south(cases)
    said = outcomes(engine)
    worse = ids["worse"]
    assert (f"Re-audits submitted 5 Sep to 5 Dec 2026** (every team's cases): 4. Improved 2 {ALL_2} · same 1 · worse 1 "
            f"(#{worse}: `/audit compare {worse}`) · can't say 0") in said
    assert f"• North Assessment Team: 3. Improved 1 {ONE} · same 1 · worse 1 · can't say 0" in said
    assert f"• South Child in Need and Protection: 1. Improved 1 {ONE} · same 0 · worse 0 · can't say 0" in said
    assert f"#{ids['good_then_inadequate']}" not in said and f"#{ids['before_the_period']}" not in said


def test_an_earlier_audit_moderated_down_is_not_counted_as_improvement(engine: Engine, cases: Cases) -> None:
    """The auditor said Good, the moderator Inadequate (so a re-audit was due); the re-audit's auditor says Requires
    improvement, not moderated yet: the grades of record rise only because of the moderation, so `/audit compare`
    says "not like for like" and the count says can't say."""
    cases.audit("CR-200010", "good", AUGUST, moderated="inadequate")
    reaudit = cases.audit("CR-200010", "requires_improvement", OCTOBER)
    said = outcomes(engine)
    assert "(every team's cases): 1. Improved 0 · same 0 · worse 0 · can't say 1" in said
    with at(NOW):
        compared = text(engine.command(QA, f"compare {reaudit}", surface="terminal"))
    assert "not like for like" in compared


def test_each_reader_counts_only_the_re_audits_they_may_list(engine: Engine, cases: Cases) -> None:
    north_and_south(cases)
    assert f"(your teams' cases, your audits and your cases): 3. Improved 1 {ONE} · same 1 · worse 1" in outcomes(
        engine, NORTH_MANAGER)
    assert f"(your teams' cases, your audits and your cases): 1. Improved 1 {ONE} · same 0 · worse 0" in outcomes(
        engine, SOUTH_MANAGER)
    assert "(your audits and your cases): 3." in outcomes(engine, NORTH_WORKER)  # the worker of North's cases
    care = outcomes(engine, CARE_WORKER)
    assert "No re-audits were submitted 5 Sep to 5 Dec 2026 in your audits and your cases" in care
    assert "Improved" not in care
    south = outcomes(engine, SOUTH_MANAGER, "team north")
    assert south == "You can see the re-audits of your own teams only: `south-cin-cp`."


def test_a_manager_names_a_team(engine: Engine, cases: Cases) -> None:
    north_and_south(cases)
    said = outcomes(engine, QA, "team south")
    assert "(South Child in Need and Protection's cases): 1. Improved 1" in said
    assert "North Assessment Team" not in said


def test_outcomes_is_one_reply_so_a_page_after_it_gets_the_usage(engine: Engine, cases: Cases) -> None:
    north_and_south(cases)
    said = outcomes(engine, QA, "page 2")
    assert "Improved" not in said and "`/audit reaudits outcomes` says whether the re-audits" in said


def test_the_question_in_words_gets_the_count_not_the_rule(engine: Engine, cases: Cases) -> None:
    north_and_south(cases)
    for words in ("are re-audits showing improvement?", "Did the re-audits improve", "re-audit outcomes",
                  "are reaudits showing any improvement in practice?", "show me the re-audit results.",
                  "are re-audits showing improvment", "did the reaudits improve things"):  # trial 27's own
        said = asked(engine, words)
        assert f"(every team's cases): 4. Improved 2 {ALL_2} · same 1 · worse 1" in said, words
    assert "Re-audits submitted" not in asked(engine, "what is a re-audit?")
    assert "(South Child in Need and Protection's cases): 1. Improved 1" in asked(
        engine, "have the re-audits improved practice in south?")
    assert "9434765919" not in asked(engine, "re-audit results for 9434765919")  # a number is no team's name


def test_an_empty_period_says_so_and_how_re_audits_become_due(engine: Engine, cases: Cases) -> None:
    cases.audit("CR-200020", "inadequate", JULY)
    cases.audit("CR-200020", "good", AUGUST)  # a re-audit, but before the last 3 months
    said = asked(engine, "are re-audits showing improvement", NORTH_MANAGER)
    assert said.startswith("No re-audits were submitted 5 Sep to 5 Dec 2026 in your teams' cases")
    assert "A case is due for re-audit 6 weeks after Inadequate" in said and "`/audit reaudits`" in said


def test_the_period_starts_the_same_day_3_months_back_or_that_month_s_last_day() -> None:
    assert months_back(NOW.date(), 3).isoformat() == "2026-09-05"
    assert months_back(datetime(2027, 5, 31).date(), 3).isoformat() == "2027-02-28"
    assert months_back(datetime(2027, 2, 15).date(), 3).isoformat() == "2026-11-15"


@given(st.text(max_size=80) | st.sampled_from(["re-audit outcomes", "are re-audits showing improvement?!",
                                               "did reaudits improve" + " " * 40 + "x", "re-audits " * 20]))
def test_the_words_matcher_never_raises(words: str) -> None:
    assert asked_team(words) is None or isinstance(asked_team(words), list)
