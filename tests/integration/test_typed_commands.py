"""Commands typed nearly right, through the engine: run or suggested, never a question for the knowledge base and
never on the QA leads' list of unanswered questions (a user trial found `show 136` logged there)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.near_miss import SYNONYMS
from bot.engine.routing import Engine
from tests.integration.test_audit_cancel_restore import AUDITOR, cancel_through_the_engine
from tests.support.typos import ARGS, NAMES, typo_of

MANAGER = "U0MGRN001"
QA_LEAD = "U0QALEAD1"


def asked(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM kb_asks ORDER BY id"))


def said(replies: list) -> str:
    return "\n".join(reply.text for reply in replies)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typo_of(tuple(ARGS)))
def test_a_typo_of_a_command_typed_in_a_dm_is_suggested_and_never_asked(engine: Engine, services: Services,
                                                                          pair: tuple[str, str]) -> None:
    name, typo = pair
    text = said(engine.message(MANAGER, f"{typo} {ARGS[name]}"))
    assert "Did you mean `" in text and "Here a command needs no `/audit`" in text  # a DM: no prefix (trial 30)
    assert "I don't know that yet" not in text and "on the QA leads' list" not in text
    assert asked(services) == []


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typo_of(NAMES))
def test_a_typo_of_a_slash_command_names_the_command_meant_not_the_whole_help(engine: Engine,
                                                                             pair: tuple[str, str]) -> None:
    name, typo = pair
    [reply] = engine.command(MANAGER, f"{typo} 12")
    assert reply.text.startswith(f"I don't know `{typo}`. Did you mean ")
    assert f"`/audit {name} 12`" in reply.text
    assert "Type `/audit help` for all commands." in reply.text
    assert "Here is what I can do" not in reply.text


def test_the_trial_s_near_misses_run_or_are_suggested_and_none_is_logged(engine: Engine,
                                                                        services: Services) -> None:
    assert "I can't find that audit (#136)" in said(engine.message(MANAGER, "show 136"))
    assert "I can't find that audit" in said(engine.message(MANAGER, "resume 136"))
    assert said(engine.message(MANAGER, "view 12")).startswith("Did you mean `show 12`?")
    assert said(engine.message(MANAGER, "open audit 12")).startswith("Did you mean `show 12`?")
    assert asked(services) == []
    assert "No unanswered" in said(engine.command(QA_LEAD, "kb unanswered"))


def test_a_mistyped_slash_command_typed_as_a_message_is_put_right(engine: Engine, services: Services) -> None:
    assert said(engine.message(MANAGER, "/audti show 12")).startswith("Did you mean `/audit show 12`?")
    assert said(engine.message(MANAGER, "/audti shwo 12")).startswith("Did you mean `/audit show 12`?")
    assert "I can't find that audit (#12)" in said(engine.message(MANAGER, "/audit show 12"))
    assert "`/shrug` is not one of my commands" in said(engine.message(MANAGER, "/shrug"))
    assert asked(services) == []


def test_an_unknown_slash_command_points_to_help_without_listing_it(engine: Engine) -> None:
    [reply] = engine.command(MANAGER, "frobnicate now")
    assert reply.text == "I don't know `/audit frobnicate`. Type `/audit help` for all commands."


def test_a_question_that_starts_with_a_command_word_is_still_answered(engine: Engine, services: Services) -> None:
    engine.message(MANAGER, "show me how to grade the plan")
    assert [a["query"] for a in asked(services)] == ["show me how to grade the plan"]


def test_a_qa_lead_s_typed_restore_of_a_learned_wording_is_not_taken_for_restoring_an_audit(
        engine: Engine) -> None:
    text = said(engine.message(QA_LEAD, "restore 12"))
    assert "wording" in text
    assert "cancelled" not in text


ADMIN = "U0ADMIN01"
PRACTITIONER = "U0PRAN001"


def test_away_off_typed_bare_turns_reminders_back_on_and_is_not_a_question(engine: Engine,
                                                                           services: Services) -> None:
    assert said(engine.message(MANAGER, "away until 24/12")).startswith("Reminders paused: they start again on ")
    assert said(engine.message(MANAGER, "away off")) == "Welcome back: reminders are on again."
    assert services.storage.db.execute("SELECT count(*) FROM away").fetchone()[0] == 0
    assert said(engine.message(MANAGER, "away")) == said(engine.command(MANAGER, "away"))
    assert asked(services) == []


def test_restore_typed_bare_after_cancelling_restores_the_audit(engine: Engine, services: Services) -> None:
    [done] = cancel_through_the_engine(engine, services)
    assert "/audit restore 1" in done.text
    listed = engine.message(AUDITOR, "restore")
    assert listed == engine.command(AUDITOR, "restore")
    assert "I don't know that yet" not in said(listed) and "#1" in said(listed)
    assert "Audit #1 is restored as a draft" in said(engine.message(AUDITOR, "restore 1"))
    assert asked(services) == []


@pytest.mark.parametrize(("user", "line"), [
    (QA_LEAD, "moderate page 2"), (ADMIN, "campaign close 1"), (ADMIN, "campaign allocations 2"),
    (ADMIN, "campaign reassign 1 <@U0MGRN001> manager off sick"), (PRACTITIONER, "campaign create name=x"),
    (PRACTITIONER, "moderate page 2"), (MANAGER, "campaign new"), (QA_LEAD, "kb learned"), (MANAGER, "kb learned"),
])
def test_sub_commands_typed_bare_say_what_the_slash_command_says(engine: Engine, services: Services, user: str,
                                                                 line: str) -> None:
    """Their permission checks and messages are the slash command's: a practitioner's `campaign create` is refused
    as `/audit campaign create` is."""
    assert said(engine.message(user, line)) == said(engine.command(user, line))
    assert asked(services) == []


def test_a_typo_offers_the_command_as_typed_where_it_was_typed(engine: Engine, services: Services) -> None:
    """Trial 30: `moderte 70` in a DM was told "Commands start with /audit", though a DM needs no prefix."""
    for surface in ("dm", "terminal"):
        text = said(engine.message(QA_LEAD, "moderte 70", surface=surface))
        assert text.startswith("Did you mean `moderate 70`? Type `yes` to run it. Here a command needs no "
                               "`/audit`"), text
    assert said(engine.message(QA_LEAD, "moderte 70", surface="channel")).startswith(
        "Did you mean `/audit moderate 70`? Type `yes` to run it. Commands start with `/audit`")
    assert asked(services) == []


def test_a_near_miss_of_a_sub_command_is_suggested_and_never_logged(engine: Engine, services: Services) -> None:
    assert said(engine.message(ADMIN, "campain close 1")).startswith("Did you mean `campaign close 1`?")
    assert said(engine.message(MANAGER, "awya off")).startswith("Did you mean `away off`?")
    assert asked(services) == []


def test_questions_that_start_with_a_sub_command_s_word_are_still_asked(engine: Engine, services: Services) -> None:
    engine.message(QA_LEAD, "moderation agreement rate meaning")
    engine.message(MANAGER, "campaigns what are they")
    assert [a["query"] for a in asked(services)] == ["moderation agreement rate meaning", "campaigns what are they"]


# -- trial 8 -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "same_as"), [("show 1234", "show 1234"), ("edit 9999", "edit 9999"),
                                                ("compare 10000", "compare 10000"), ("show me audit 1", "show 1"),
                                                ("show me the audit 12", "show 12"), ("show me 12", "show 12")])
def test_a_command_word_and_an_audit_number_runs_the_command_not_a_case_reference(
        engine: Engine, services: Services, typed: str, same_as: str) -> None:
    """`show 1234` was "SHOW-1234 looks like a case reference" (the reference pattern takes four letters and four
    digits); `show me audit 1` was a knowledge-base question."""
    assert said(engine.message(MANAGER, typed)) == said(engine.command(MANAGER, same_as))
    assert asked(services) == []


def test_a_command_word_run_together_with_digits_or_hyphened_is_still_a_case_reference(engine: Engine) -> None:
    for typed in ("SHOW1234", "show-1234", "LIST-123456", "edit9999"):
        assert "looks like a case reference" in said(engine.message(MANAGER, typed)), typed
    assert "**CR-382070** looks like a case reference" in said(engine.message(MANAGER, "CR 382070"))


@pytest.mark.parametrize(("typed", "usage"), [
    ("show abc", "That isn't how `/audit show` is typed: `/audit show <number>`, like `show 12`."),
    ("show", "That isn't how `/audit show` is typed: `/audit show <number>`, like `show 12`."),
    ("edit my answers", "That isn't how `/audit edit` is typed: `/audit edit <number> [grade|reason|strengths|"
                        "development <text>|action <action> due <date>|action <action> owner <name>|"
                        "note <question> <text>|remove action <action>|case <reference>]`, like `edit 12`."),
    ("list 1234", "That isn't how `/audit list` is typed: `/audit list [mine|team [team id]|case <case reference>] "
                  "[grade] [page N]`."),
    ("compare abc", "That isn't how `/audit compare` is typed: `/audit compare <number> [with <number>]`, like "
                    "`compare 12`."),
    ("help 3", "That isn't how `/audit help` is typed: `/audit help [command]`."),
    ("home 12", "`/audit home` takes nothing after its word: type just `home`."),
])
def test_a_command_word_with_what_it_does_not_take_gets_its_usage_and_is_not_noted(
        engine: Engine, services: Services, typed: str, usage: str) -> None:
    """Trial 8: `show abc` was "I don't know that yet. I've noted your question…", on the QA leads' list."""
    assert said(engine.message(MANAGER, typed)) == usage
    assert asked(services) == []
    assert "No unanswered" in said(engine.command(QA_LEAD, "kb unanswered"))


def test_a_command_only_some_roles_use_typed_wrong_says_whose_it_is(engine: Engine, services: Services) -> None:
    assert said(engine.message(PRACTITIONER, "moderate abc")) == said(engine.command(PRACTITIONER, "moderate"))
    assert asked(services) == []


@pytest.mark.parametrize("question", ["home schooling", "start again syndrome", "edit a bot answer", "compare teams",
                                      "show me how to grade the plan", "list what I need for an ICPC",
                                      "show abc?", "help with what a chronology is"])
def test_a_question_that_starts_with_a_command_word_is_asked_not_told_the_usage(engine: Engine, services: Services,
                                                                               question: str) -> None:
    """The knowledge base answers "home schooling"; a line shaped as a question, or a long one, is asked whatever
    the knowledge base makes of it."""
    text = said(engine.message(MANAGER, question))
    assert "isn't how `/audit" not in text and "takes nothing after its word" not in text
    assert [a["query"] for a in asked(services)] == [question]


def test_no_shipped_wording_that_starts_with_a_command_word_is_told_a_usage(engine: Engine) -> None:
    """Every entry's question and alternatives, as shipped, whose first word is a command's: answered, or asked, but
    never mistaken for the command typed wrong."""
    from tests.unit.test_near_miss import _knowledge_wordings

    starting = [w for w in _knowledge_wordings() if w.split() and w.split()[0].lower() in engine.commands]
    assert len(starting) > 20
    told = [w for w in starting
            if any("isn't how `/audit" in r.text or "after its word" in r.text for r in engine.message(MANAGER, w))]
    assert told == []


# -- trial 9, finding 15 -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "reply"), [
    ("done 9434765919", "I can't find that action; type `/audit actions` to see your open ones."),
    ("done 1234567890", "I can't find that action; type `/audit actions` to see your open ones."),
    ("done 12345678901", "I can't find that action; type `/audit actions` to see your open ones."),
    ("done 99999999999999999999999", "I can't find that action; type `/audit actions` to see your open ones."),
    ("mark 1234567890", "I can't find that action; type `/audit actions` to see your open ones."),
    ("reopen 1234567890", "I can't find that action; type `/audit actions` to see your open ones."),
    ("action 99999999999999999999 due friday", "I can't find that action; type `/audit actions` to see your open "
                                               "ones."),
    ("action 9434765919 owner me", "I can't find that action; type `/audit actions` to see your open ones."),
    ("reflect 1234567890123 I agree with it", "That number is too long for `/audit reflect`: type `/audit reflect "
                                              "<number> [your reflections]`, like `reflect 12`."),
    ("show 9434765919", "That number is too long for `/audit show`: type `/audit show <number>`, like `show 12`."),
    ("edit 12345678901 grade good because it is", "That number is too long for `/audit edit`: type `/audit edit "
                                                  "<number> [grade|reason|strengths|development <text>|action <action> "
                                                  "due <date>|action <action> owner <name>|note <question> <text>|"
                                                  "remove action <action>|case <reference>]`, like `edit 12`."),
    ("digest 9434765919", "That isn't how `/audit digest` is typed: `/audit digest [this week | last week | <month> | "
                          "last month | this quarter | q3] [team]`."),
    ("agree 9434765919", "No audit has that number: type `agree` and the number of the audit you are moderating, like "
                         "`agree 12` (`/audit moderate` lists them)."),
    ("disagree with audit #0", "No audit has that number: type `disagree` and the number of the audit you are "
                               "moderating, like `disagree 12` (`/audit moderate` lists them)."),
])
def test_a_command_word_and_a_long_number_gets_the_command_s_reply_never_a_reference_or_a_note(
        engine: Engine, services: Services, typed: str, reply: str) -> None:
    """Trial 9: `done 9434765919` (an NHS number pasted by mistake) was "DONE-9434765919 looks like a case
    reference… /audit list case DONE-9434765919"; `done 12345678901`, `reflect 1234567890123 I agree with it` and
    `action 9999… due friday` were noted for the QA leads."""
    assert said(engine.message(MANAGER, typed)) == reply
    assert asked(services) == []
    assert "No unanswered" in said(engine.command(QA_LEAD, "kb unanswered"))


# Every word that starts a command typed bare: the commands, the words people use for them, the audit shortcuts
# that take an action's number, and a moderator's decision (`agree 12`).
TYPED_WORDS = sorted({*NAMES, *SYNONYMS, "done", "mark", "complete", "completed", "action", "reopen", "agree",
                      "disagree"})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.sampled_from(TYPED_WORDS), digits=st.text(alphabet="0123456789", min_size=1, max_size=30),
       hashed=st.booleans(), user=st.sampled_from([PRACTITIONER, MANAGER, QA_LEAD]))
def test_any_command_word_and_any_number_is_never_noted_nor_echoed_as_a_reference(
        engine: Engine, services: Services, word: str, digits: str, hashed: bool, user: str) -> None:
    typed = f"{word} {'#' if hashed else ''}{digits}"
    text = said(engine.message(user, typed))
    assert "looks like a case reference" not in text, typed
    assert "on the QA leads' list" not in text and asked(services) == [], typed
    if len(digits) >= 10:  # as long as an NHS number: never said back
        assert digits not in text, typed


@pytest.mark.parametrize("digits", ["9434765919", "12345678901", "99999999999999999999999"])
def test_every_command_word_with_a_number_as_long_as_an_nhs_number_or_longer_never_says_it_back(
        engine: Engine, services: Services, digits: str) -> None:
    """Each word, not only those the property test happens to draw: `compare 9434765919` was "I can't find audit
    #9434765919"."""
    for user in (MANAGER, QA_LEAD):
        for word in TYPED_WORDS:
            text = said(engine.message(user, f"{word} {digits}"))
            assert digits not in text and "looks like a case reference" not in text, (user, word, text)
    assert asked(services) == []


@pytest.mark.parametrize("line", ["show 9434765919", "edit 9434765919 grade good", "reflect 9434765919",
                                  "respond 9434765919 accept", "redact 9434765919", "resume 9434765919",
                                  "restore 9434765919", "moderate 9434765919", "compare 9434765919",
                                  "campaign 9434765919", "campaign close 9434765919",
                                  "campaign reassign 9434765919 <@U0MGRS001> off sick",
                                  "kb answer 9434765919 The drill is on the 20th.", "kb remove 9434765919",
                                  "kb accept 9434765919"])
def test_a_slash_command_with_a_number_as_long_as_an_nhs_number_gets_its_usage_without_it(engine: Engine,
                                                                                           line: str) -> None:
    for user in (MANAGER, QA_LEAD, ADMIN):
        text = said(engine.command(user, line))
        assert "9434765919" not in text, (user, text)


@pytest.mark.parametrize(("line", "meant"), [
    ("close 1", "campaign close 1"), ("allocations 2", "campaign allocations 2"),
    ("swap 1 2 cover for leave", "campaign swap 1 2 cover for leave"),
])
def test_a_campaign_verb_typed_without_campaign_is_suggested_and_never_noted(engine: Engine, services: Services,
                                                                            line: str, meant: str) -> None:
    """Trial 13, F4: `close 1`, meaning the campaign, was "I don't know that yet. I've noted your question…"."""
    text = said(engine.message(QA_LEAD, line))
    assert text.startswith(f"Did you mean `{meant}`?"), text
    assert asked(services) == []
    assert "No unanswered" in said(engine.command(QA_LEAD, "kb unanswered"))
