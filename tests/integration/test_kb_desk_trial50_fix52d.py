"""Trial 50 findings on the QA lead's `kb` desk (fix52d), walked as a QA lead types them.

- #9: after `kb new` and `send`, one asker of two groups got the new entry twice (one DM per wording): one DM a
  person, naming each of their questions.
- #10: `tags: court, care-proceedings` was queried "did you mean 'pre-proceedings'?", a different stage: only a
  slip within a word is queried; a new tag gets a heads-up naming the tags entries on its words use.
- #12: `kb link 20 <entry>` on a long situational wording that also names SGO was read back with no word of it: the
  read-back now names the entries the wording points to as strongly, and the `| <shorter wording>` way.
- #20: after `kb new`, the change report said "'what does SWET stand for' was Did you mean (…)" though the chat had
  answered it from the glossary: the report says what the chat gives, the glossary's meaning included.
- #11: `review: yesterday` was refused as "not a date I can read"; date words are read as elsewhere, a past one is
  "already past", and one ahead is read back as the date written.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_desk_follow_ups50f import NEW
from tests.integration.test_kb_desk_wording_number50 import two_wordings
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, listed
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values

FILED = " | file: kb/good-practice.yaml"


def test_review_yesterday_is_said_to_be_past_not_unreadable(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, NEW.format(key=listed_as) + FILED + " | review: yesterday"))

    assert "The review date yesterday is already past: give a date ahead" in said
    assert "not a date I can read" not in said


def test_review_as_a_date_word_ahead_is_written_as_its_date(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, NEW.format(key=listed_as) + FILED + " | review: in 6 months"))

    assert "(from `in 6 months`), written as 20" in said and "day before month" not in said
    assert "to `kb/good-practice.yaml` and reloaded" in said


def test_an_asker_of_two_wordings_a_new_entry_answers_gets_it_once_naming_both(engine: Engine,
                                                                               services: Services) -> None:
    engine.message(ASKER, "when is the fire drill held")
    engine.message(ASKER, "fire evacuation practice dates")
    engine.message(OTHER, "fire evacuation practice dates")
    groups = engine.command(QA_LEAD, "kb unanswered")[1:]
    [drill, practice] = [int(button_values([group], "kb.unanswered.answer")[0]) for group in sorted(
        groups, key=lambda group: "practice" in group.text)]

    replies = engine.command(QA_LEAD, f"kb new {drill} When is the fire drill and evacuation practice held? | The "
                                      "fire drill and evacuation practice is held on the 20th of each month. | "
                                      "file: auditing-here")
    [dm] = [reply for reply in replies if reply.to_user]
    assert dm.to_user == ASKER
    assert "your questions:\n>when is the fire drill held\n>fire evacuation practice dates" in dm.text
    assert f"#{practice} “fire evacuation practice dates” is answered by your new entry too: 2 people" \
        in all_text(replies)

    sent = engine.message(QA_LEAD, "send")

    assert [reply.to_user for reply in sent if reply.to_user] == [OTHER]
    assert f"to 1 person of #{practice} (1 person had it already); it is closed" in sent[-1].text


def test_a_new_tag_a_whole_word_off_another_is_not_guessed_at(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, f"kb new {listed_as} When is the fire drill held? | The first Monday of "
                                            "each quarter. | tags: court, care-proceedings" + FILED))

    assert "did you mean 'pre-proceedings'" not in said and "to `kb/good-practice.yaml` and reloaded" in said
    assert "New tag 'care-proceedings': no entry has it yet, so check it is meant" in said
    assert "entries asking about 'care proceedings' are tagged `court` (" in said


def test_a_tag_a_letter_off_a_used_one_is_still_queried(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, f"kb new {listed_as} When is the fire drill held? | The first Monday of "
                                            "each quarter. | tags: court, pre-procedings" + FILED))

    assert "new tag 'pre-procedings': did you mean 'pre-proceedings'?" in said and "Added" not in said


def test_the_change_report_says_a_glossary_answer_as_the_chat_gave_it(engine: Engine, services: Services) -> None:
    asked = all_text(engine.message(OTHER, "what does PEP stand for"))
    assert "**PEP** stands for personal education plan" in asked
    engine.message(ASKER, "when is the fire drill held")
    [listed_as] = [button_values([group], "kb.unanswered.answer")[0] for group in listed(engine)
                   if "fire drill" in group.text]

    said = all_text(engine.message(QA_LEAD, f"kb new {listed_as} What is a PEP (personal education plan)? | A PEP "
                                            "is the personal education plan of a child in care, part of the care "
                                            "plan. | tags: education" + FILED))

    assert ("'what does PEP stand for' (asked recently) was answered from the glossary (“PEP stands for personal "
            "education plan.”), then Did you mean (") in said
    assert "'what does PEP stand for' (asked recently) was Did you mean" not in said


SITUATION = ("nan wants to look after the kids long term, connected person assessment or sgo? whats the timescale "
             "for a reg 24")


def test_a_link_read_back_names_the_other_entries_a_long_wording_points_to(engine: Engine) -> None:
    engine.message(ASKER, SITUATION)
    [listed_as] = [button_values([group], "kb.unanswered.answer")[0] for group in listed(engine)]

    said = all_text(engine.message(QA_LEAD, f"kb link {listed_as} connected-person-temporary-approval"))

    assert f"Link #{listed_as} to `connected-person-temporary-approval`?" in said
    assert "This wording also points to `sgo`" in said
    assert (f"type `/audit kb link {listed_as} connected-person-temporary-approval | <shorter wording>`") in said


def test_a_link_whose_wording_points_nowhere_else_has_no_heads_up(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, f"kb link {listed_as} connected-person-temporary-approval"))

    assert "Link #" in said and "also points to" not in said


def test_a_new_tag_is_not_named_among_the_tags_the_file_was_chosen_by(engine: Engine, services: Services) -> None:
    """Trial 51 (F23): "Filed in …, where 7 of the 15 entries tagged care-proceedings or court are", then "New tag
    'care-proceedings': no entry has it yet": the file's reason names only the tags entries have."""
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, f"kb new {listed_as} When is the fire drill held? | The first Monday of "
                                            "each quarter. | tags: court, care-proceedings"))

    assert "entries tagged court are" in said
    assert "tagged care-proceedings" not in said and "court or care-proceedings" not in said
    assert "New tag 'care-proceedings': no entry has it yet" in said


def test_one_question_asked_twice_is_called_your_question(engine: Engine, services: Services) -> None:
    """Trial 51 (F23): one question, asked twice in the same words, got "found the answer to your questions:"."""
    engine.message(ASKER, "when is the fire drill held")
    engine.message(ASKER, "when is the fire drill held")
    [listed_as] = [button_values([group], "kb.unanswered.answer")[0] for group in listed(engine)
                   if "fire drill" in group.text]

    replies = engine.command(QA_LEAD, f"kb new {listed_as} When is the fire drill held? | The fire drill is held on "
                                      "the 20th of each month. | file: auditing-here")

    [dm] = [reply for reply in replies if reply.to_user]
    assert "A QA lead found the answer to your question:\n>when is the fire drill held" in dm.text
    assert "your questions" not in dm.text
