"""A grade change typed whole is read back for a yes, as one whose reason is asked for (session 38).

`edit 131 grade good` then the reason was asked back before anything was stored (trial 36), but `edit 131 grade good
<why>` on one line (or `/audit edit 131 grade good <why>`) was stored and the worker told at once: the two ways of
changing a grade behaved differently. Both now read the change back with the same words, the same yes and no and the
same screening."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_grade_change_in_own_words import WORKER, submitted  # noqa: F401 (fixture)

AUDITOR = "U0MGRN001"
CHANGED_AT = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)
REASON = "the plan is now reviewed monthly"
ASKED_BACK = ("Change audit #{n} from **Good** to **Outstanding** because “" + REASON
              + "”? Nothing is changed until you say yes")


def _texts(replies: list) -> str:
    return " ".join(r.text for r in replies)


def _grade(services: Services, audit_id: int) -> tuple[str | None, str | None]:
    audit = store.get_audit(services.storage, audit_id)
    return audit.overall_grade, audit.grade_reason


def test_a_slash_edit_with_its_reason_is_read_back_and_stored_at_yes(engine: Engine, services: Services,
                                                                     submitted: int) -> None:  # noqa: F811
    before = _grade(services, submitted)
    with time_machine.travel(CHANGED_AT, tick=False):
        asked = engine.command(AUDITOR, f"edit {submitted} grade outstanding {REASON}", surface="terminal")
        assert ASKED_BACK.format(n=submitted) in _texts(asked)
        assert [c.label for c in asked[-1].choices] == ["Yes, change it", "No, leave it"]
        assert not any(r.to_user == WORKER for r in asked)  # nobody told yet
        assert _grade(services, submitted) == before and not store.revisions_of(services.storage, submitted)
        replies = engine.message(AUDITOR, "yes")
    assert f"Audit #{submitted}: grade changed from Good to Outstanding, with your reason." in _texts(replies)
    assert any(r.to_user == WORKER and "was changed from Good to Outstanding" in r.text for r in replies)
    assert _grade(services, submitted) == ("outstanding", REASON)


def test_the_same_line_in_the_conversation_is_read_back_and_no_changes_nothing(engine: Engine, services: Services,
                                                                               submitted: int) -> None:  # noqa: F811
    before = _grade(services, submitted)
    with time_machine.travel(CHANGED_AT, tick=False):
        asked = engine.message(AUDITOR, f"edit {submitted} grade outstanding {REASON}")
        assert ASKED_BACK.format(n=submitted) in _texts(asked)
        kept = engine.message(AUDITOR, "no")
    assert (f"OK, the grade was not changed: audit #{submitted} is still graded **Good**, and nobody was told."
            in _texts(kept))
    assert not any(r.to_user == WORKER for r in kept)
    assert _grade(services, submitted) == before and not store.revisions_of(services.storage, submitted)


def test_a_reason_with_a_name_typed_whole_is_refused_before_it_is_read_back(engine: Engine, services: Services,
                                                                            submitted: int) -> None:  # noqa: F811
    with time_machine.travel(CHANGED_AT, tick=False):
        refused = engine.command(AUDITOR, f"edit {submitted} grade outstanding Jayden Smith is now seen weekly",
                                 surface="terminal")
    assert "I can't store that reason" in _texts(refused) and "Change audit" not in _texts(refused)
    assert _grade(services, submitted)[0] == "good" and not store.revisions_of(services.storage, submitted)
