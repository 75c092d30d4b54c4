"""Trial 41 (a South manager and a South social worker): children's names that are also everyday words, typed in lower
case, were stored and sent on: 'little grace was happy and showed me her room', 'mum and grace were both at home', 'the
eldest, ruby, is doing well at school', 'hope is doing well at school now', 'SW met with mum and grace', 'summer was
upset about contact', 'hope cried at school', 'river is 7 and was seen alone', 'mum said rose was at nans', 'done 142 -
ruby seen alone, summer was upset'; 'is it ok that little grace hasnt been seen alone for 3 visits?' went onto the QA
leads' list. Now each is refused with the name alone quoted, where the words around it say only a child is meant:
after 'little' with what is said of a child, joined to a family word by 'and', set off by commas after 'the eldest',
or as the subject of being off sick, upset, at nan's, seen alone, aged 7 or getting on at school. Beside them, the
everyday sentences closest to them that must still pass ('little hope of change', 'mum and faith leaders met', 'we
discussed mum and faith', 'summer was busy for the team')."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import Screen
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
WORKER, AUDITOR = "U0PRAS001", "U0MGRS001"

REFUSED = [
    # the trial's own
    ("home visit went well, little grace was happy and showed me her room", "grace"),
    ("mum and grace were both at home", "grace"),
    ("the eldest, ruby, is doing well at school", "ruby"),
    ("hope is doing well at school now", "hope"),
    ("faith is doing well at school now", "faith"),
    ("SW met with mum and grace", "grace"),
    ("is it ok that little grace hasnt been seen alone for 3 visits?", "grace"),
    ("ruby was off sick all week", "ruby"),
    ("summer was upset about contact", "summer"),
    ("hope cried at school", "hope"),
    ("river is 7 and was seen alone", "river"),
    ("mum said rose was at nans", "rose"),
    ("hope wont talk to me on visits what can i try", "hope"),
    # the same shapes with other names
    ("little jack was happy", "jack"),
    ("little ruby was happy to see me", "ruby"),
    ("the youngest, jack, is settled", "jack"),
    ("the middle, grace, is in year 3", "grace"),
    ("saw mum and ruby today", "ruby"),
    ("mum and ruby were seen at home", "ruby"),
    ("will was upset", "will"),
]

PASSED = [
    "there is little hope of change",
    "little faith in services",
    "there is little hope.",
    "little hope remains",
    "mum has little hope that things will change",
    "there is little grace in how the letter was written",
    "little will to change was shown",
    "little will be gained from another meeting",
    "little mark was seen on his arm",
    "little progress was made",
    "mum and faith leaders met",
    "we discussed mum and faith.",
    "mum and faith are important to him",
    "mum and hope for the future",
    "mum and grant funding were discussed",
    "mum and dad were at home",
    "met with mum and the school",
    "met with mum and sister",
    "met with mum and agreed the plan",
    "met with mum and chase the referral",
    "spoke with mum and will call back tomorrow",
    "spoke with dad and may call again",
    "spoke with mum and frank discussion followed",
    "grace period for the plan",
    "hope is that the plan works",
    "faith is important to the family",
    "the eldest is doing well at school",
    "the eldest, however, is doing well",
    "summer was busy for the team",
    "hope was raised at the meeting",
    "river is high after the rain",
    "rose was at the top of the list",
]


@pytest.mark.parametrize(("text", "name"), REFUSED)
def test_an_everyday_word_named_as_a_child_is_refused_with_the_name_quoted(
        council_screen: Screen, text: str, name: str) -> None:  # noqa: F811
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", PASSED)
def test_the_everyday_sentences_beside_them_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@given(st.sampled_from(["hope", "grace", "faith", "summer", "ruby", "rose", "jack"]),
       st.sampled_from(["was off sick all week", "was upset about contact", "cried at school",
                        "is 7 and was seen alone", "is doing well at school", "was at her nans"]),
       st.sampled_from(["", "visit done. ", "yes, ", "on the visit, "]))
def test_a_child_told_of_so_is_refused_at_any_clause_start(identifier_screen: Screen, name: str, said: str,
                                                           lead: str) -> None:
    """Whatever the name and however the sentence opens, a name told of as only a child is refused."""
    assert ("name", name) in found(identifier_screen, f"{lead}{name} {said}")


def test_the_trials_question_is_refused_and_never_reaches_the_qa_leads(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        [refused] = engine.message(WORKER, "is it ok that little grace hasnt been seen alone for 3 visits?",
                                   surface="terminal")
    assert refused.kind == "error" and "grace" not in refused.text.lower()
    assert asked_the_knowledge_base(services) == 0


def test_a_done_note_naming_two_children_is_refused_and_nothing_is_kept(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-123456", NOW, auditor=AUDITOR)
    action_id = action_store.add_action(services.storage, audit_id, "Visit and see the children alone", WORKER,
                                        "2026-12-08", AUDITOR, NOW)
    with time_machine.travel(NOW, tick=False):
        [refused] = engine.message(WORKER, f"done {action_id} - ruby seen alone, summer was upset", surface="terminal")
    assert refused.kind == "error" and "Nothing was saved" in refused.text
    action = action_store.get_action(services.storage, action_id)
    assert action is not None and action.done_at is None
    dumped = "\n".join(str(row) for table in services.storage.db.table_names()
                       for row in services.storage.db.execute(f"SELECT * FROM [{table}]").fetchall())
    assert "ruby" not in dumped.lower() and "summer was upset" not in dumped.lower()
