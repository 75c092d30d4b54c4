"""Trial 57: `redact` left the same words stored as a question asked of the knowledge base (F1, `kb find greenbank`
still found them), left a grade with no evidence and no way back (F15), and said nothing about the worker's summary
already sent in Slack (F16)."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import asks as ask_store
from tests.integration.test_redaction import (
    AUDITOR,
    CORRECTED,
    QA,
    REDACTED_AT,
    at,
    every_text,
    leaked,  # noqa: F401  (the fixture)
    press,
)


def _ask_the_kb(services: Services, text: str) -> int:
    """The note typed where no audit waited: asked of the knowledge base and stored as a question (F1)."""
    return ask_store.record_ask(services.storage, REDACTED_AT, AUDITOR, text, "answer", None, None, "terminal")


def test_redact_removes_the_same_words_asked_of_the_knowledge_base(engine: Engine, services: Services,
                                                                   leaked: int) -> None:  # noqa: F811
    first, second = _ask_the_kb(services, CORRECTED), _ask_the_kb(services, f"  {CORRECTED.upper()} ")
    other = _ask_the_kb(services, "what is a child in need plan")
    [asked] = at(REDACTED_AT, engine, QA, f"redact {leaked} q7 names the school")
    done, _told_auditor = press(REDACTED_AT, engine, QA, asked, "Yes")
    assert (f"The same words were also asked of the knowledge base (questions #{first} and #{second}): removed "
            "there too, so `kb find` and the QA leads' list no longer hold them.") in done.text
    assert CORRECTED.casefold() not in every_text(services).casefold()
    assert ask_store.get_ask(services.storage, other).query == "what is a child in need plan"


def test_the_auditor_is_told_which_questions_a_qa_lead_should_remove(engine: Engine, services: Services,
                                                                      leaked: int) -> None:  # noqa: F811
    first = _ask_the_kb(services, CORRECTED)
    [asked] = at(REDACTED_AT, engine, AUDITOR, f"redact {leaked} q7")
    [done] = press(REDACTED_AT, engine, AUDITOR, asked, "Yes")
    assert (f"The same words were also asked of the knowledge base (question #{first}) and are still stored "
            f"there: ask a QA lead to type `/audit kb remove {first}`.") in done.text


def test_a_removed_evidence_note_says_how_to_write_it_again_and_what_slack_still_shows(
        engine: Engine, services: Services, leaked: int) -> None:  # noqa: F811
    [asked] = at(REDACTED_AT, engine, QA, f"redact {leaked} q7 names the school")
    done, told = press(REDACTED_AT, engine, QA, asked, "Yes")
    # Trial 58 F14: only the auditor may write it again, so the QA lead is told to ask them, and they are told
    assert (f"Q7 now has no evidence note: ask Team manager (North), its auditor, to write it again: `/audit edit "
            f"{leaked} note 7 <text>` (I've told them).") in done.text
    assert told.to_user == AUDITOR and (f"QA lead (practice) removed the evidence note of Q7 of audit #{leaked}, as "
                                        "it could identify someone") in told.text
    assert f"`/audit edit {leaked} note 7 <text>`" in told.text
    assert ("Messages already sent in Slack were not changed, such as the summary of this audit sent to the case's "
            "worker (and their manager's copy) when it was submitted: the bot keeps no copy of them to update, so "
            "ask whoever received them to delete them in Slack if they hold the text.") in done.text
    assert "also asked of the knowledge base" not in done.text


def test_an_auditor_who_removes_their_own_note_is_told_to_type_it_again(engine: Engine, services: Services,
                                                                        leaked: int) -> None:  # noqa: F811
    [asked] = at(REDACTED_AT, engine, AUDITOR, f"redact {leaked} q7")
    [done] = press(REDACTED_AT, engine, AUDITOR, asked, "Yes")
    assert (f"Q7 now has no evidence note: type `/audit edit {leaked} note 7 <text>` to write it again without the "
            "identifier.") in done.text
