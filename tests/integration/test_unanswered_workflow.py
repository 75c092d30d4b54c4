"""What QA leads do with unanswered questions: answer, link, new entry, out of scope, dismiss (engine level)."""

from __future__ import annotations

import difflib
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.unanswered import typed_id
from bot.asking.unanswered_input import parse_new_entry
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from knowledge.ask_cli import run_kb_check
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values, link_typed
from tests.support.moved_clock import CONTENT_DAY

QA_LEAD = "U0QALEAD1"
ASKER, OTHER = "U0PRAN001", "U0PRAN002"


def listed(engine: Engine) -> list:
    """The unanswered list's group replies (after the summary)."""
    return engine.command(QA_LEAD, "kb unanswered")[1:]


def only_group(engine: Engine) -> str:
    [group] = listed(engine)
    return button_values([group], "kb.unanswered.answer")[0]


def ask_fire_drill(engine: Engine) -> str:
    engine.message(ASKER, "when is the fire drill held")
    engine.message(OTHER, "When is the fire drill held?")
    return only_group(engine)


def statuses(services: Services) -> list[tuple[str, str | None, str]]:
    rows = services.storage.db.execute("SELECT status, entry_id, closed_by FROM kb_unanswered_status").fetchall()
    return [tuple(row) for row in rows]


def diff_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def link_asked(engine: Engine, kb_dir: Path, question: str) -> tuple[str, str, list]:
    """Ask `question`, then link its group to assessment-timescale as a QA lead: the entries file before and
    after, and the replies."""
    engine.message(ASKER, question)
    key = only_group(engine)
    path = kb_dir / "kb" / "timescales.yaml"
    before = path.read_text(encoding="utf-8")
    replies = link_typed(engine, QA_LEAD, key, "assessment-timescale")
    return before, path.read_text(encoding="utf-8"), replies


def test_an_answer_goes_by_dm_to_everyone_who_asked_and_closes_the_group(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)

    engine.command(QA_LEAD, f"kb answer {key} The fire drill is held on the 20th of each month.")
    replies = engine.message(QA_LEAD, "yes")

    dms = {reply.to_user: reply for reply in replies if reply.to_user}
    assert set(dms) == {ASKER, OTHER}
    assert "The fire drill is held on the 20th" in dms[ASKER].text and "when is the fire drill held" in dms[ASKER].text
    assert "Sent your answer to 2 people" in replies[-1].text
    assert statuses(services) == [("answered", None, QA_LEAD)] * 2
    assert listed(engine) == []
    again = engine.command(QA_LEAD, f"kb answer {key} again")
    assert "already closed (answered)" in all_text(again)
    trail = [row[0] for row in services.storage.db.execute("SELECT action FROM trail").fetchall()]
    assert "kb.unanswered.answered" in trail


def test_an_answer_with_an_identifier_is_not_sent(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)
    replies = engine.command(QA_LEAD, f"kb answer {key} Ask mum Shannon Smith, NHS 943 476 5919.")
    assert replies[0].kind == "error" and "I haven't sent that" in replies[0].text
    assert not any(reply.to_user for reply in replies)
    assert statuses(services) == []


def test_an_answer_giving_a_services_own_line_is_sent(engine: Engine, services: Services) -> None:
    """Trial 17: a QA lead could not give the LADO's number, an ordinary 01 landline, as the answer."""
    key = ask_fire_drill(engine)
    refused = engine.command(QA_LEAD, f"kb answer {key} Ring their mum on 01632 960123.")
    assert refused[0].kind == "error" and not any(reply.to_user for reply in refused)
    engine.command(QA_LEAD, f"kb answer {key} Ask the fire safety team, on 01632 960123, for the dates.")
    replies = engine.message(QA_LEAD, "yes")
    dms = {reply.to_user: reply for reply in replies if reply.to_user}
    assert set(dms) == {ASKER, OTHER} and "01632 960123" in dms[ASKER].text


def test_linking_sends_the_entry_and_adds_the_wording_to_its_alternatives(engine: Engine, services: Services,
                                                                          kb_dir: Path) -> None:
    before, after, replies = link_asked(engine, kb_dir, "what does the mascot colour mean for the fire drill")

    [dm] = [reply for reply in replies if reply.to_user == ASKER]
    assert "45 working days" in dm.text
    assert diff_lines(before, after) == [
        "+      - what does the mascot colour mean for the fire drill"]
    assert "what does the mascot colour mean for the fire drill" in \
        services.knowledge.current.kb.entries["assessment-timescale"].alternatives  # reloaded live
    assert statuses(services) == [("linked", "assessment-timescale", QA_LEAD)]
    assert "kb.alternative" in [row[0] for row in services.storage.db.execute("SELECT action FROM trail")]


def test_linking_leaves_case_references_out_of_the_yaml(engine: Engine, services: Services, kb_dir: Path) -> None:
    """The wording linked becomes an alternative matched against everyone's questions: a case reference in it
    would answer the next person typing that reference, and sit in the knowledge files."""
    before, after, replies = link_asked(engine, kb_dir, "what does the mascot colour mean for CR-123456 fire drill")

    assert diff_lines(before, after) == ["+      - what does the mascot colour mean for fire drill"]
    assert "CR-123456" not in after
    assert [reply.to_user for reply in replies if reply.to_user] == [ASKER]


def test_a_wording_that_is_only_a_case_reference_links_without_writing(engine: Engine, services: Services,
                                                                       kb_dir: Path) -> None:
    before, after, replies = link_asked(engine, kb_dir, "for CR-123456?")

    assert after == before
    assert "nothing to search on once its case reference was left out" in replies[-1].text
    assert statuses(services) == [("linked", "assessment-timescale", QA_LEAD)]


@pytest.mark.parametrize("typed", ["kb link {key}", "kb link {key}   ", "kb link {key} ``"])
def test_linking_with_no_entry_named_asks_for_one(engine: Engine, services: Services, typed: str) -> None:
    """Sweep fix80c: `kb link 1` with no entry said "No entry has the id ``; did you mean" three entries picked by
    nothing (the first in the alphabet): it now says the entry is missing and how to name one."""
    key = ask_fire_drill(engine)
    replies = engine.command(QA_LEAD, typed.format(key=key))
    assert "No entry has the id ``" not in replies[0].text
    assert "Say which entry to link" in replies[0].text and f"/audit kb link {key} <entry id>" in replies[0].text
    assert statuses(services) == []


def test_linking_to_an_unknown_id_suggests_entries_and_changes_nothing(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)
    replies = engine.command(QA_LEAD, f"kb link {key} assessment-timescal")
    assert "No entry has the id `assessment-timescal`" in replies[0].text
    assert "`assessment-timescale` (How long do we have to complete a child and family assessment?)" in replies[0].text
    assert statuses(services) == []
    # words of what it is about, not an id (trial 18: ids only, with no questions shown)
    replies = engine.command(QA_LEAD, f"kb link {key} social media")
    assert "No entry has the id `social media`. Did you mean `" in replies[0].text  # `yes` shows it (trial 39)
    assert "(How" in replies[0].text or "(What" in replies[0].text
    assert statuses(services) == []


def test_a_new_entry_is_written_reloaded_and_sent_to_the_askers(engine: Engine, services: Services,
                                                                kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    path = kb_dir / "kb" / "auditing-here.yaml"
    before = path.read_text(encoding="utf-8")

    replies = engine.command(QA_LEAD, f"kb new {key} When is the fire drill held? | On the 20th of each month. "
                                      "| tags: pay, hr | source: HR handbook | review: 2027-06-30 "
                                      "| file: kb/auditing-here.yaml")

    assert "Added `fire-drill-held` to `kb/auditing-here.yaml`" in replies[-1].text
    assert {reply.to_user for reply in replies if reply.to_user} == {ASKER, OTHER}
    assert diff_lines(before, path.read_text(encoding="utf-8")) == [
        "+", "+  - id: fire-drill-held", "+    question: When is the fire drill held?",
        "+    answer: |", "+      On the 20th of each month.", "+    tags: [pay, hr]", "+    source: HR handbook",
        "+    owner: U0QALEAD1", "+    review_by: 2027-06-30"]  # the owner defaults to the QA lead making it
    assert "as no owner was given" in replies[-1].text
    answer = engine.message("U0PRAS001", "when is the fire drill held")
    assert "On the 20th of each month." in all_text(answer)
    assert statuses(services) == [("new_entry", "fire-drill-held", QA_LEAD)] * 2


def test_a_bad_new_entry_gets_the_kb_check_message_and_nothing_is_written(engine: Engine, services: Services,
                                                                         kb_dir: Path, tmp_path: Path) -> None:
    # a personal email (a name is read as a person since trial 46, F8: tests/integration/test_kb_new_entry_owner.py)
    key = ask_fire_drill(engine)
    path = kb_dir / "kb" / "timescales.yaml"
    before = path.read_bytes()

    replies = engine.command(QA_LEAD, f"kb new {key} When is the fire drill held? | The 20th. | "
                                      "owner: jane.smith@council.gov.uk | file: kb/timescales.yaml")

    assert path.read_bytes() == before
    assert statuses(services) == []
    heading, problem = replies[0].text.splitlines()
    assert heading == "Nothing was written: fix this and send it again."
    assert problem.startswith("• owner: entry 'fire-drill-held' has owner `jane.smith@council.gov.uk`")
    # The same entry typed into the file by hand: `kb check` reports it in the same words (at its line).
    path.write_text(before.decode() + "\n  - id: fire-drill-held\n"
                    "    question: When is the fire drill held?\n"
                    "    answer: The 20th.\n    owner: jane.smith@council.gov.uk\n"
                    "    review_by: 2027-06-30\n", encoding="utf-8")
    out = io.StringIO()
    run_kb_check(kb_dir, out)
    assert any(line.startswith("- kb/timescales.yaml:") and line.endswith(": " + problem.removeprefix("• owner: "))
               for line in out.getvalue().splitlines())


@pytest.mark.parametrize(("word", "status"), [("out-of-scope", "out_of_scope"), ("dismiss", "dismissed")])
def test_out_of_scope_and_dismiss_close_the_group_without_messaging_anyone(engine: Engine, services: Services,
                                                                           word: str, status: str) -> None:
    key = ask_fire_drill(engine)
    replies = engine.command(QA_LEAD, f"kb {word} {key}")
    assert not any(reply.to_user for reply in replies)
    assert statuses(services) == [(status, None, QA_LEAD)] * 2
    assert listed(engine) == []
    button = "kb.unanswered.out_of_scope" if word == "out-of-scope" else "kb.unanswered.dismiss"
    assert "already closed" in all_text(engine.action(QA_LEAD, button, key))


@pytest.mark.parametrize(("word", "decided"), [("out-of-scope", "it is outside what I can help with"),
                                               ("dismiss", "it won't get an answer in the knowledge base for now")])
def test_someone_who_passed_a_question_on_hears_when_it_is_closed_without_an_answer(engine: Engine, word: str,
                                                                                    decided: str) -> None:
    """Trial 15 F14: "They will reply to you" was promised, then Dismiss closed it and the asker never heard."""
    engine.message(OTHER, "When is the fire drill held?")
    [passed_on] = [choice.value for reply in engine.message(ASKER, "when is the fire drill held")
                   for choice in reply.choices if choice.action == "kb.escalate"]
    assert "They will reply to you" in all_text(engine.action(ASKER, "kb.escalate", passed_on))

    replies = engine.command(QA_LEAD, f"kb {word} {only_group(engine)}")

    dms = {reply.to_user: reply.text for reply in replies if reply.to_user}
    assert list(dms) == [ASKER]  # OTHER only asked, was promised nothing, and is not messaged
    assert dms[ASKER].startswith("A QA lead has looked at your question:\n>when is the fire drill held\n\n"
                                 "You passed it on, and ")
    assert decided in dms[ASKER] and "your manager or" in dms[ASKER]
    assert replies[-1].text.endswith("(2 questions). I've told 1 person who passed it on.")


def test_the_buttons_are_for_qa_leads_and_admins_only(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)
    for action in ("answer", "link", "new", "out_of_scope", "dismiss"):
        replies = engine.action(ASKER, f"kb.unanswered.{action}", key)
        assert "kept by QA leads and admins" in replies[0].text
    assert engine.options(ASKER, "kb.entries", "icpc") == []
    assert statuses(services) == []


def test_the_buttons_open_forms_and_a_form_mistake_is_shown_beside_its_field(engine: Engine,
                                                                             services: Services) -> None:
    key = ask_fire_drill(engine)
    [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
    assert opened.form is not None
    assert [field.id for field in opened.form.fields] == ["question", "answer", "tags", "source", "owner",
                                                          "review_by", "file"]
    assert opened.form.fields[0].initial == "When is the fire drill held?"
    submitted = json.dumps({"form": {"question": "When is the fire drill held?", "answer": "x" * 2950,
                                     "file": "kb/timescales.yaml"}, "meta": opened.form.meta})
    [refused] = engine.action(QA_LEAD, opened.form.action, submitted)
    [(field, message)] = refused.form_errors
    assert field == "answer" and "has an answer of 2,950 characters" in message
    assert engine.check_form(QA_LEAD, opened.form.action, submitted) == {"answer": message}  # before Slack's ack
    good = json.dumps({"form": {"question": "When is the fire drill held?", "answer": "The 20th.",
                                "file": "kb/timescales.yaml"}, "meta": opened.form.meta})
    assert engine.check_form(QA_LEAD, opened.form.action, good) == {}
    assert "fire-drill-held" not in services.knowledge.current.kb.entries  # a check writes nothing
    [link] = engine.action(QA_LEAD, "kb.unanswered.link", key)
    assert link.form is not None and link.form.search == "kb.entries"
    options = engine.options(QA_LEAD, "kb.entries", "icpc")
    assert ("When must an initial child protection conference be held? (icpc-timescale)", "icpc-timescale") \
        in options or any(value == "icpc-timescale" for _, value in options)
    assert statuses(services) == []


def test_a_question_now_answered_confidently_leaves_the_list(engine: Engine, services: Services,
                                                            kb_dir: Path) -> None:
    ask_fire_drill(engine)
    (kb_dir / "kb" / "office.yaml").write_text(
        "entries:\n  - id: fire-drill-day\n    question: When is the fire drill held?\n    answer: The 20th.\n",
        encoding="utf-8")
    engine.command(QA_LEAD, "kb reload")
    assert listed(engine) == []
    assert statuses(services) == []  # nobody closed it: it is simply answered now


def test_a_not_helpful_answer_stays_listed_until_its_entry_changes(engine: Engine, services: Services) -> None:
    answered = engine.message(ASKER, "icpc deadline for a baby")  # not a wording of the entry: it may go elsewhere
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    key = only_group(engine)
    engine.message(OTHER, "budget codes for the stationery order")
    other_key = next(v for g in listed(engine) for v in button_values([g], "kb.unanswered.answer") if v != key)
    link_typed(engine, QA_LEAD, other_key, "icpc-timescale")  # the ICPC entry gains a wording: it changed
    assert listed(engine) == []


def test_typed_commands_say_how_to_use_them() -> None:
    with pytest.raises(UserError, match=r"separated by `\|`"):
        parse_new_entry("just a question")
    with pytest.raises(UserError, match="I don't know `colour: red`"):
        parse_new_entry("q | a | colour: red")
    with pytest.raises(UserError, match="I don't know `colour: red`, `size: big`"):  # all of them at once
        parse_new_entry("q | a | colour: red | size: big")
    new, file = parse_new_entry("Q? | A. | tags: a, b | owner: U0QALEAD1 | review-by: 2027-01-01 | file: kb/x.yaml")
    assert (new.tags, new.owner, new.review_by, file) == (("a", "b"), "U0QALEAD1", "2027-01-01", "kb/x.yaml")


@given(st.text(max_size=200))
def test_parsing_a_typed_new_entry_never_fails_with_anything_but_a_clear_message(text: str) -> None:
    try:
        new, _file = parse_new_entry(text)
    except UserError:
        return
    assert new.question.strip() and new.answer.strip()


def test_qa_leads_act_on_the_top_groups_from_their_home_tab(engine: Engine, services: Services) -> None:
    from bot.engine.home import home_sections

    key = ask_fire_drill(engine)
    sections = home_sections(engine, services, QA_LEAD)
    start = next(i for i, section in enumerate(sections) if section.title == "Knowledge base")
    group = sections[start + 1]
    assert "when is the fire drill held" in group.text.lower()
    assert [choice.action for choice in group.choices] == [
        "kb.unanswered.answer", "kb.unanswered.link", "kb.unanswered.new", "kb.unanswered.out_of_scope",
        "kb.unanswered.dismiss", "kb.unanswered.remove"]
    assert all(choice.value == key for choice in group.choices)
    assert not any("kb.unanswered" in c.action for s in home_sections(engine, services, ASKER) for c in s.choices)


def test_where_no_form_can_open_the_reply_says_what_to_type(engine: Engine) -> None:
    key = ask_fire_drill(engine)
    [answer] = engine.action(QA_LEAD, "kb.unanswered.answer", key, surface="terminal")
    assert f"/audit kb answer {key} <your answer>" in answer.text
    [new] = engine.action(QA_LEAD, "kb.unanswered.new", key, surface="terminal")
    assert f"/audit kb new {key} <question> | <answer>" in new.text


def test_what_was_done_with_a_question_is_deleted_with_it(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)
    engine.command(QA_LEAD, f"kb dismiss {key}")
    assert len(statuses(services)) == 2
    with services.storage.write() as db:
        db.execute("DELETE FROM kb_asks")  # what retention does to questions past the cut-off
    assert statuses(services) == []


def test_one_question_is_counted_in_the_singular(engine: Engine) -> None:
    engine.message(ASKER, "when is the fire drill held")
    summary = engine.command(QA_LEAD, "kb unanswered")[0]
    assert ("1 question in the last 30 days got no answer, was marked Not helpful, or got suggestions nobody picked, "
            "in 1 group of") in summary.text


def pass_on_did_you_mean(engine: Engine, user: str, question: str) -> None:
    """Ask something the search is unsure about and press "None of these: ask the QA leads"."""
    [reply] = engine.message(user, question)
    [value] = button_values([reply], "kb.escalate")
    engine.action(user, "kb.escalate", value)


def test_passed_on_questions_are_listed_grouped_by_wording_until_a_qa_lead_answers(engine: Engine) -> None:
    pass_on_did_you_mean(engine, ASKER, "who is the DSL")
    pass_on_did_you_mean(engine, OTHER, "Who is the DSL?")

    [group] = listed(engine)
    assert "— 2 times" in group.text and "passed on to the QA leads" in group.text
    key = button_values([group], "kb.unanswered.answer")[0]
    engine.command(QA_LEAD, f"kb answer {key} Your team's designated safeguarding lead is on the intranet.")
    replies = engine.message(QA_LEAD, "yes")

    assert sorted(reply.to_user for reply in replies if reply.to_user) == [ASKER, OTHER]
    assert listed(engine) == []


@pytest.mark.parametrize("close", ["dismiss", "out-of-scope"])
def test_a_closed_passed_on_question_leaves_the_list(engine: Engine, close: str) -> None:
    pass_on_did_you_mean(engine, ASKER, "who is the DSL")
    key = only_group(engine)
    engine.command(QA_LEAD, f"kb {close} {key}")
    assert listed(engine) == []


def test_a_passed_on_question_stays_listed_past_30_days_until_handled(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY - timedelta(days=45), tick=False):
        pass_on_did_you_mean(engine, ASKER, "who is the DSL")
        engine.message(OTHER, "when is the fire drill held")  # not passed on: it ages off the list
    [group] = listed(engine)
    assert "who is the DSL" in group.text


@pytest.mark.parametrize("typed", ["answer 999 Ask your manager.", "link 999 icpc-timescale", "dismiss 999",
                                   "out-of-scope 999"])
def test_a_number_that_never_was_on_the_list_is_called_unknown(engine: Engine, typed: str) -> None:
    ask_fire_drill(engine)
    said = all_text(engine.command(QA_LEAD, f"kb {typed}"))
    assert "There is no unanswered question #999; type `/audit kb unanswered` to see the list." in said
    assert "any more" not in said


def test_a_question_that_was_answered_straight_away_is_not_an_unanswered_number(engine: Engine,
                                                                                  services: Services) -> None:
    engine.message(ASKER, "when is the ICPC due?")
    [answered] = services.storage.db.execute("SELECT id FROM kb_asks").fetchone()
    said = all_text(engine.command(QA_LEAD, f"kb dismiss {answered}"))
    assert f"There is no unanswered question #{answered};" in said


@pytest.mark.parametrize("typed", ["answer {key} Ask your manager.", "link {key} icpc-timescale", "dismiss {key}",
                                   "out-of-scope {key}"])
def test_a_number_that_aged_off_the_list_still_says_it_is_not_on_it_any_more(engine: Engine, typed: str) -> None:
    with time_machine.travel(CONTENT_DAY - timedelta(days=45), tick=False):
        engine.message(ASKER, "when is the fire drill held")
        key = only_group(engine)
    said = all_text(engine.command(QA_LEAD, "kb " + typed.format(key=key)))
    assert f"#{key} is not on the unanswered list any more" in said


def test_linking_askers_to_the_entry_they_marked_not_helpful_is_refused(engine: Engine, services: Services,
                                                                       kb_dir: Path) -> None:
    answered = engine.message(ASKER, "icpc deadline for a baby")  # not a wording of the entry: it may go elsewhere
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    key = only_group(engine)
    path = next(p for p in (kb_dir / "kb").glob("*.yaml") if "id: icpc-timescale" in p.read_text(encoding="utf-8"))
    before = path.read_bytes()

    replies = engine.command(QA_LEAD, f"kb link {key} icpc-timescale")

    assert replies[0].kind == "error" and "marked `icpc-timescale` Not helpful" in replies[0].text
    assert f"/audit kb answer {key}" in replies[0].text and "link another entry" in replies[0].text
    assert not any(reply.to_user for reply in replies)
    assert path.read_bytes() == before and statuses(services) == []
    [link] = engine.action(QA_LEAD, "kb.unanswered.link", key)  # the form says so beside the field, before Slack's ack
    errors = engine.check_form(QA_LEAD, link.form.action, json.dumps({"form": {"entry": "icpc-timescale"},
                                                                      "meta": link.form.meta}))
    assert "Not helpful" in errors["entry"]
    assert "Linked" in all_text(link_typed(engine, QA_LEAD, key, "assessment-timescale"))  # another is fine


def test_linking_a_wording_another_entry_already_has_is_refused_naming_that_entry(engine: Engine,
                                                                               services: Services,
                                                                               kb_dir: Path) -> None:
    """Trial 8: "when is the ICPC due?" (an alternative of icpc-timescale, without the "?") was linked to the
    strategy discussion silently; a wording two entries share is answered with neither."""
    answered = engine.message(ASKER, "When is the ICPC due?")
    assert answered[0].title == "When must an initial child protection conference be held?"
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    key = only_group(engine)
    before = {path: path.read_bytes() for path in (kb_dir / "kb").glob("*.yaml")}

    replies = engine.command(QA_LEAD, f"kb link {key} strategy-discussion")

    assert replies[0].kind == "error"
    assert replies[0].text == (
        f"The wording of #{key}, “When is the ICPC due?”, already finds `icpc-timescale` (one of its alternatives): "
        "given to `strategy-discussion` too, it would find neither entry. Answer the askers with "
        f"`/audit kb answer {key} <your answer>`, or take the wording out of `icpc-timescale` in "
        "`kb/timescales.yaml` first. Nothing was sent or changed.")
    assert not any(reply.to_user for reply in replies)
    assert {path: path.read_bytes() for path in before} == before and statuses(services) == []
    [link] = engine.action(QA_LEAD, "kb.unanswered.link", key)  # the form says so beside the field
    errors = engine.check_form(QA_LEAD, link.form.action, json.dumps({"form": {"entry": "strategy-discussion"},
                                                                      "meta": link.form.meta}))
    assert "already finds `icpc-timescale`" in errors["entry"]
    assert engine.message(OTHER, "when is the icpc due")[0].title.startswith("When must an initial child protection")


def test_linking_a_wording_that_says_another_entry_s_wording_in_other_words_is_refused(engine: Engine,
                                                                                     services: Services) -> None:
    """"what is the icpc deadline" is "icpc deadline", an alternative of icpc-timescale, to the search (the same
    terms): given to another entry, neither would be answered outright."""
    answered = engine.message(ASKER, "what is the icpc deadline")
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    key = only_group(engine)

    replies = engine.command(QA_LEAD, f"kb link {key} assessment-timescale")

    assert replies[0].kind == "error" and replies[0].text.startswith(
        f"The wording of #{key}, “what is the icpc deadline”, already finds `icpc-timescale` (it says what one of its "
        "wordings says): given to `assessment-timescale` too, it would find neither entry.")
    assert statuses(services) == []
    assert engine.message(OTHER, "icpc deadline")[0].title.startswith("When must an initial child protection")


def test_a_new_entry_with_a_review_date_already_past_is_refused_typed_and_in_the_form(engine: Engine,
                                                                                     services: Services,
                                                                                     kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    today = CONTENT_DAY.date()
    past, ahead = today.replace(year=today.year - 2), today.replace(year=today.year + 1)
    before = {path: path.read_bytes() for path in kb_dir.rglob("*.yaml")}

    replies = engine.command(QA_LEAD, f"kb new {key} When is the fire drill held? | The 20th. | tags: fostering "
                                      f"| review: {past.isoformat()}")

    assert replies[0].kind == "error"
    past_message = (f"The review date {past.isoformat()} is already past: give a date ahead, such as "
                    f"{ahead.isoformat()}.")
    assert replies[0].text == f"Nothing was written: fix this and send it again.\n• review: {past_message}"
    assert not any(reply.to_user for reply in replies) and statuses(services) == []
    assert {path: path.read_bytes() for path in kb_dir.rglob("*.yaml")} == before
    [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
    assert opened.form is not None
    assert dict((field.id, field.initial) for field in opened.form.fields)["review_by"] == ahead.isoformat()
    form = json.dumps({"form": {"question": "When is the fire drill held?", "answer": "The 20th.",
                                "review_by": past.isoformat(), "file": "kb/timescales.yaml"},
                       "meta": opened.form.meta})
    assert engine.check_form(QA_LEAD, opened.form.action, form) == {"review_by": past_message}
    [refused] = engine.action(QA_LEAD, opened.form.action, form)
    assert refused.form_errors == (("review_by", past_message),)


def test_a_new_entry_without_owner_review_or_file_gets_them_and_says_so(engine: Engine, services: Services,
                                                                         kb_dir: Path) -> None:
    """The file follows its tags (or the closest entry), never the first file by name (kb/auditing-here.yaml is
    about using the bot)."""
    key = ask_fire_drill(engine)
    ahead = CONTENT_DAY.date().replace(year=CONTENT_DAY.year + 1)
    tagged = [entry.file for entry in services.knowledge.current.kb.entries.values() if "fostering" in entry.tags]
    assert tagged, "the shipped knowledge base tags fostering entries"
    expected = max(set(tagged), key=tagged.count)

    replies = engine.command(QA_LEAD, f"kb new {key} Who approves a fire drill for foster carers? | The fostering "
                                      "team manager. | tags: fostering")

    done = replies[-1].text
    assert f"to `{expected}` and reloaded" in done and expected != "kb/auditing-here.yaml"
    assert f"where {tagged.count(expected)} of the {len(tagged)} entries tagged fostering are" in done
    assert f"Review by {ahead.day} {ahead:%b %Y}: 12 months ahead, as no review date was given." in done
    assert "as no owner was given" in done
    # the source the askers' DM names is the one written (trial 44: the DM named one the file did not have)
    assert "Source: the QA team's own guidance, as no source was given" in done
    assert {reply.note for reply in replies if reply.to_user} == {"Source: the QA team's own guidance"}
    entry = services.knowledge.current.kb.entries["approves-fire-drill-foster"]
    assert (entry.file, entry.owner, entry.review_by) == (expected, QA_LEAD, ahead)
    assert entry.source == "the QA team's own guidance"
    assert (kb_dir / entry.file).read_text(encoding="utf-8").endswith(
        "    answer: |\n      The fostering team manager.\n    tags: [fostering]\n"
        "    source: the QA team's own guidance\n"
        f"    owner: {QA_LEAD}\n    review_by: {ahead.isoformat()}\n")


def test_tags_typed_with_spaces_are_the_knowledge_base_s_tags_and_the_heading_stays_a_question(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    """Trial 15 F9: `tags: section 20, care leavers` was stored as typed, matched none of the care-leavers entries,
    and the heading lost its question mark."""
    tagged = [entry.file for entry in services.knowledge.current.kb.entries.values() if "care-leavers" in entry.tags]
    assert tagged, "the shipped knowledge base tags care-leavers entries"
    expected = max(set(tagged), key=tagged.count)
    key = ask_fire_drill(engine)

    replies = engine.command(QA_LEAD, f"kb new {key} who signs off section 20 for a 17 year old | A 16 or 17 year "
                                      "old can agree to it themselves. | tags: section 20, Care Leavers")

    done = replies[-1].text
    assert f"to `{expected}` and reloaded" in done and "care leavers" not in done
    [entry] = [e for e in services.knowledge.current.kb.entries.values() if e.question.startswith("Who signs off")]
    assert entry.question == "Who signs off section 20 for a 17 year old?"
    assert entry.tags == ("section-20", "care-leavers") and entry.file == expected


# -- trial 11, finding 7 -----------------------------------------------------------------------------------------

DOG = ("Is there guidance for visiting a home with a dangerous dog? | Ask the family to shut the dog in another room "
       "before you go in, and leave if they will not.")


def test_one_entry_sharing_a_tag_does_not_choose_the_file_and_the_qa_lead_is_told_why(engine: Engine,
                                                                                      services: Services,
                                                                                      kb_dir: Path) -> None:
    """Trial 11: a home-visit safety entry was filed in kb/auditing-here.yaml, the file about using the bot, "where
    most entries tagged lone-working, safety are": no entry had lone-working, and the one tagged safety is the bot's
    own escalation help."""
    tagged = [entry.file for entry in services.knowledge.current.kb.entries.values() if "safety" in entry.tags]
    assert tagged == ["kb/auditing-here.yaml"], "the shipped knowledge base tags one entry safety"
    key = ask_fire_drill(engine)
    before = {path: path.read_bytes() for path in kb_dir.rglob("*.yaml")}

    [asked] = engine.command(QA_LEAD, f"kb new {key} {DOG} | tags: lone-working, safety")

    # fix50f: the file is asked for (by number or name), the rest of the entry kept, and still said why
    assert asked.kind == "question" and asked.text.startswith(f"Which file should the new entry for #{key} go in?")
    # only the tag an entry has is named (trial 51, F23: a new tag was named as if entries had it)
    assert ("I could not tell which file this entry belongs in (only 1 entry is tagged safety (in "
            "`kb/auditing-here.yaml`), too few to go by, and no entry is close to its question)." in asked.text)
    assert {path: path.read_bytes() for path in kb_dir.rglob("*.yaml")} == before and statuses(services) == []

    done = engine.command(QA_LEAD, f"kb new {key} {DOG} | tags: lone-working, safety | file: kb/good-practice.yaml")

    assert "to `kb/good-practice.yaml` and reloaded" in done[-1].text and "Filed in" not in done[-1].text


def test_with_too_few_entries_sharing_its_tags_a_new_entry_goes_where_most_of_its_closest_entries_are(
        engine: Engine, services: Services) -> None:
    question = "How often should a child in foster care be visited over the summer holidays?"
    offered = [services.knowledge.current.kb.entries[match.entry_id].file
               for match in services.knowledge.current.search.uncut(question).suggestions]
    expected = max(set(offered), key=offered.count)
    assert offered.count(expected) >= 2, "the search offers several entries of one file for this question"
    key = ask_fire_drill(engine)

    done = engine.command(QA_LEAD, f"kb new {key} {question} | In the holidays as in term time. | tags: holidays")

    assert (f"Filed in `{expected}`, where {offered.count(expected)} of the {len(offered)} entries closest to its "
            "question are (no entry is tagged holidays); give `| file: …` to choose another.") in done[-1].text


# -- trial 56, finding 15 ----------------------------------------------------------------------------------------

def test_a_new_entry_no_entry_is_close_to_goes_in_the_file_named_for_its_topic(engine: Engine,
                                                                             services: Services) -> None:
    """Trial 56 F15: "Can we refer a child in care to Kooth?" got "I could not tell which file this entry belongs in
    (no entry is close to its question)", though kb/children-in-care.yaml exists."""
    key = ask_fire_drill(engine)

    done = engine.command(QA_LEAD, f"kb new {key} Can we refer a child in care to Kooth? | Yes: Kooth is open to "
                                   "children in care as to any child, and the referral is noted in the care plan.")

    assert ("Filed in `kb/children-in-care.yaml`, the file named for children in care, which its question is about "
            "(no entry is close to it); give `| file: …` to choose another.") in done[-1].text
    [entry] = [e for e in services.knowledge.current.kb.entries.values() if "Kooth" in e.question]
    assert entry.file == "kb/children-in-care.yaml"


# -- trial 11, finding 19 ----------------------------------------------------------------------------------------

ASYE = "how many cases should an asye have"
THIRD = "U0PRAC001"


def marked_not_helpful(engine: Engine, question: str) -> str:
    """`question` answered outright, then marked Not helpful by its asker: the entry's question (its title)."""
    answered = engine.message(ASKER, question)
    assert answered[0].title and button_values(answered, "kb.feedback"), "answered outright"
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    return answered[0].title


def test_a_wording_marked_not_helpful_is_then_offered_and_a_qa_leads_answer_is_given_to_the_next_asker(
        engine: Engine, services: Services) -> None:
    """Trial 11: a wording marked Not helpful and then answered by a QA lead still got the same entry outright, three
    weeks later, for the next person asking in exactly those words."""
    unhelpful = marked_not_helpful(engine, ASYE)

    offered = engine.message(OTHER, ASYE)  # not outright: offered first among the suggestions
    assert "Did you mean" in offered[0].text and not button_values(offered, "kb.feedback")
    assert offered[0].choices[0].label == unhelpful
    # trial 19: the asker is told why a clear answer is only offered
    assert "The first of these would be my answer, but someone asking in these words marked it Not helpful" \
        in offered[0].text
    key = only_group(engine)
    answer = ("Caseloads are a local policy: newly qualified workers in their ASYE year have a protected, reduced "
              "caseload.")
    engine.command(QA_LEAD, f"kb answer {key} {answer}")
    sent = engine.message(QA_LEAD, "yes")
    assert "The next person asking in the same words gets your answer too" in sent[-1].text

    with time_machine.travel(CONTENT_DAY + timedelta(days=21)):
        later = engine.message(THIRD, "How many cases should an ASYE have?")
    assert later[0].title == "A QA lead's answer" and answer in later[0].text
    assert later[0].choices[-1].label == "Not what I need: ask the QA leads"
    assert listed(engine) == []  # answered: not noted again for the QA leads
    assert engine.message(THIRD, "how many cases should an asye have in their first month")[0].title != \
        "A QA lead's answer"  # other words are searched as before


def test_a_wording_marked_not_helpful_and_linked_to_another_entry_gets_that_entry(engine: Engine,
                                                                                   services: Services) -> None:
    unhelpful = marked_not_helpful(engine, ASYE)
    assert "Did you mean" in engine.message(OTHER, ASYE)[0].text
    link_typed(engine, QA_LEAD, only_group(engine), "audit-and-appraisal")
    linked = services.knowledge.current.kb.entries["audit-and-appraisal"].question
    assert unhelpful != linked and engine.message(THIRD, ASYE)[0].title == linked


def test_marked_helpful_later_in_the_same_words_the_entry_is_answered_outright_again(engine: Engine) -> None:
    unhelpful = marked_not_helpful(engine, ASYE)
    offered = engine.message(OTHER, ASYE)
    assert "Did you mean" in offered[0].text
    picked = engine.action(OTHER, "kb.show", button_values(offered, "kb.show")[0])  # offered first
    assert picked[0].title == unhelpful
    engine.action(OTHER, "kb.feedback", button_values(picked, "kb.feedback")[0])  # Helpful
    again = engine.message(THIRD, ASYE)
    assert again[0].title == unhelpful and button_values(again, "kb.feedback")


# -- trial 9, finding 7 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["ok", "yes", "see above", "done.", "  ok thanks "])
def test_an_answer_that_says_nothing_is_refused_as_a_moderation_reason_is_and_nothing_is_sent(
        engine: Engine, services: Services, answer: str) -> None:
    """Trial 9: `kb answer 34 ok` sent "You asked: what is the blue form for — ok" and closed the question for good."""
    key = ask_fire_drill(engine)
    replies = engine.command(QA_LEAD, f"kb answer {key} {answer}")
    [refused] = replies
    assert refused.kind == "error"
    assert refused.text.startswith("Please say in a sentence what answers their question (at least a few words).")
    assert "Nothing was sent" in refused.text
    assert statuses(services) == []
    assert len(listed(engine)) == 1
    engine.command(QA_LEAD, f"kb answer {key} The fire drill is held on the 20th.")
    sent = engine.message(QA_LEAD, "yes")
    assert {reply.to_user for reply in sent if reply.to_user} == {ASKER, OTHER}


def test_the_answer_form_keeps_a_one_word_answer_open_beside_its_field(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)
    [opened] = engine.action(QA_LEAD, "kb.unanswered.answer", key)
    assert opened.form is not None
    submitted = json.dumps({"form": {"answer": "ok"}, "meta": opened.form.meta})
    errors = engine.check_form(QA_LEAD, opened.form.action, submitted)
    assert list(errors) == ["answer"] and errors["answer"].startswith("Please say in a sentence")
    [refused] = engine.action(QA_LEAD, opened.form.action, submitted)
    assert refused.form_errors and not refused.to_user
    assert statuses(services) == []
    good = json.dumps({"form": {"answer": "The fire drill is held on the 20th."}, "meta": opened.form.meta})
    assert engine.check_form(QA_LEAD, opened.form.action, good) == {}


@pytest.mark.parametrize("typed", ["assessment timescale", "Assessment Timescale", "assessment_timescale"])
def test_an_entry_id_typed_as_words_links_that_entry(engine: Engine, services: Services, typed: str) -> None:
    """Trial 13, F10: `kb link 21 direct work tools` was "No entry has the id direct work tools; did you mean
    direct-work-tools…?": words that name exactly one entry's id are that entry."""
    key = ask_fire_drill(engine)
    replies = link_typed(engine, QA_LEAD, key, typed)
    assert replies[-1].text.startswith(f"Linked #{key} to `assessment-timescale`"), replies[-1].text
    assert set(statuses(services)) == {("linked", "assessment-timescale", QA_LEAD)}


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), min_size=1,
                max_size=5), st.sampled_from([" ", "  ", "_", " _ "]), st.booleans())
def test_an_entry_id_typed_with_spaces_or_underscores_in_any_case_reads_as_the_id(
        words: list[str], gap: str, upper: bool) -> None:
    typed = gap.join(words)
    assert typed_id(f" {typed.upper() if upper else typed} ") == "-".join(words)


LIFE_STORY = "do we have a template for a life story book"


def test_out_of_scope_tells_an_asker_promised_a_pass_on_and_the_same_words_again_get_that(engine: Engine) -> None:
    """Trial 53 F4: the entry lacked a template and its asker was told "I've passed your question to the QA leads";
    `kb out-of-scope` then closed it with no word to them, and the same words again were "passed" once more but never
    listed. Now the asker hears once, by DM, with the QA lead's note, and the same words get the decision."""
    assert "I've passed your question to the QA leads" in all_text(engine.message(ASKER, LIFE_STORY))

    replies = engine.command(QA_LEAD, f"kb out-of-scope {only_group(engine)} Ask the adoption team for theirs")

    [dm] = [reply for reply in replies if reply.to_user]
    assert dm.to_user == ASKER and LIFE_STORY in dm.text and "outside what I can help with" in dm.text
    assert "The QA lead's note: Ask the adoption team for theirs" in dm.text
    assert replies[-1].text.endswith("I've told 1 person who passed it on.")
    again = all_text(engine.message(ASKER, LIFE_STORY))
    assert "passed your question" not in again
    assert "A QA lead marked this as outside what the bot covers on " in again
    assert "The QA lead's note: Ask the adoption team for theirs" in again
    assert listed(engine) == []


def test_a_dismissed_question_asked_again_is_listed_again_so_passed_on_is_true(engine: Engine) -> None:
    """`kb dismiss` makes no lasting decision on the words: asked again, the question is on the list as promised."""
    engine.message(ASKER, LIFE_STORY)
    engine.command(QA_LEAD, f"kb dismiss {only_group(engine)}")
    assert "I've passed your question to the QA leads" in all_text(engine.message(OTHER, LIFE_STORY))
    assert LIFE_STORY in all_text(listed(engine))


def test_a_note_that_names_a_child_is_refused_and_the_question_stays_open(engine: Engine) -> None:
    engine.message(ASKER, LIFE_STORY)
    key = only_group(engine)
    refused = all_text(engine.command(QA_LEAD, f"kb out-of-scope {key} Ask Jayden Smith's social worker"))
    assert "I haven't closed it" in refused
    assert listed(engine) != []
