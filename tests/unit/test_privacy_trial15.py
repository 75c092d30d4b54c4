"""Trial 15's privacy findings (session 15).

F10. 'Kayleigh Price in the leaving care team moved to her own flat in May' was saved as a reflection (and shown to
     the manager, and exported): a name followed by 'in the … team' was read as a colleague named with their team.
     Only a name of one word is read so ('Gemma in the MASH team said', 'Tom in performance'); a full name is refused
     whatever follows it, as the refusal says: for a colleague, write their role.
F1.  `campaign create name="Neglect deep dive CR-445566" …` made the campaign and DMed its name to the auditors: a
     campaign's name and theme are read by every auditor, QA lead and the report channel, so a case reference there
     is refused as in the knowledge base (the cases go in the campaign's case list).
F2, F6, F8, F11, F18. Everyday services and venues were refused with advice that made no sense for them: 'attends
     Forest School', 'no threshold for Kooth', 'a room at Oakfield House', a team mailbox in a kb answer, 'goes to
     Brook', 'Freedom Programme sessions', 'attends Young Carers', 'the Family Drug and Alcohol Court'. National
     services are data (bot/privacy/data/named_services.txt; a given name among them only where it is used as one),
     a named building where work happens and a title's end after 'and' are no address, and a shared team mailbox
     (as `owner:` allows) is no one's email address.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import Screen, masked
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from tests.integration.test_owner_typed_as_action import THURSDAY, texts
from tests.integration.test_wording import submitted_audit
from tests.support.text import repeated
from tests.unit.test_privacy_leftovers14 import _asked
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

# -- F10. a full name before 'in the … team'


@pytest.mark.parametrize(("text", "name"), [
    ("Kayleigh Price in the leaving care team moved to her own flat in May", "Kayleigh Price"),
    ("I will ask Darren Price in the leaving care team to raise it", "Darren Price"),
    ("should I ask Darren Price in the leaving care team about the setting up home allowance?", "Darren Price"),
    ("Ask Darren Price in the leaving care team to raise it.", "Darren Price"),
    ("Darren Price from the YOT said he would come", "Darren Price"),
    ("Tyler Jones from Early Help came to the meeting", "Tyler Jones"),
    ("Mia Khan in the MASH team was discussed", "Mia Khan"),
])
def test_a_full_name_before_a_team_is_refused(council_screen: Screen, text: str, name: str) -> None:  # noqa: F811
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "Gemma in the MASH team said she would call", "Raj from Early Help came to the meeting",
    "Jo from the YOT will attend", "thanks to Tom in performance for pulling the data", "Sue from legal said no",
    "social worker Darren Price said the plan was agreed", "ask the leaving care team to raise it",
])
def test_a_colleague_named_by_their_team_or_role_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


def test_a_reflection_naming_a_care_leaver_before_their_team_is_refused(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        worker = store.get_audit(services.storage, audit_id).worker_id
        replies = texts(engine.message(
            worker, f"reflect {audit_id} Kayleigh Price in the leaving care team moved to her own flat in May"))
    assert "“K… P…” looks like a child's or family member's name" in replies
    assert "your reflections are saved" not in replies
    assert store.reflections_of(services.storage, audit_id) == []


def test_a_question_naming_someone_before_their_team_is_not_stored(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "should I ask Darren Price in the leaving care team about the setting up home allowance?")
    assert "“D… P…” looks like a child's or family member's name" in reply
    assert services.storage.db["kb_asks"].count == 0


# -- F1. a case reference in a campaign's name

CAMPAIGN = ("campaign create name=\"{name}\" theme=\"{theme}\" checklist=neglect teams=north start=26/04/2027 "
            "deadline=28/05/2027 per-worker=1 auditors=managers moderate=20")


@pytest.mark.parametrize(("name", "theme", "reference"), [
    ("Neglect deep dive CR-445566", "neglect", "CR-445566"), ("Neglect deep dive", "neglect cr445566", "cr445566"),
])
def test_a_case_reference_in_a_campaigns_name_or_theme_is_refused(engine: Engine, services: Services, name: str,
                                                                  theme: str, reference: str) -> None:
    with time_machine.travel(datetime(2027, 4, 26, 10, 7, tzinfo=ZoneInfo("Europe/London")), tick=False):
        [reply] = engine.command("U0QALEAD1", CAMPAIGN.format(name=name, theme=theme), surface="terminal")
    assert reply.kind == "error"
    assert f"“{masked(reference)}” looks like a case reference" in reply.text
    assert repeated(reference, reply.text) == []
    assert "every auditor, QA lead and the report channel read it" in reply.text
    assert campaign_store.list_campaigns(services.storage) == []


def test_a_campaign_named_with_a_number_that_is_no_case_reference_is_created(engine: Engine,
                                                                             services: Services) -> None:
    with time_machine.travel(datetime(2027, 4, 26, 10, 7, tzinfo=ZoneInfo("Europe/London")), tick=False):
        [reply, *_] = engine.command("U0QALEAD1", CAMPAIGN.format(name="Neglect 2027 round 2", theme="neglect"),
                                     surface="terminal")
    assert reply.kind != "error", reply.text
    assert [c.name for c in campaign_store.list_campaigns(services.storage)] == ["Neglect 2027 round 2"]


def test_a_phone_number_in_a_campaigns_name_is_refused_as_a_phone_number_only(engine: Engine,
                                                                             services: Services) -> None:
    """Trial 17: "call 07700 900123" was refused as a phone number and as the case reference "call 07700" (a word,
    a space and digits). It is one phone number; the number is one of Ofcom's drama numbers."""
    with time_machine.travel(datetime(2027, 4, 26, 10, 7, tzinfo=ZoneInfo("Europe/London")), tick=False):
        [reply] = engine.command("U0QALEAD1", CAMPAIGN.format(name="Neglect queries call 07700 900123",
                                                              theme="neglect"), surface="terminal")
    assert reply.kind == "error"
    assert "looks like a phone number" in reply.text and "case reference" not in reply.text
    assert campaign_store.list_campaigns(services.storage) == []


# -- F2, F6, F8, F11, F18. services, venues and team mailboxes

SERVICES = [
    "good, Grace Tree and Wellbeing Hub sessions are evidenced and the child attends Forest School",
    "There is no threshold for Kooth: young people aged 11 to 18 sign up online themselves, and you can help them "
    "do it on a visit.",
    "Young people sign up to Kooth online themselves, so there is no threshold and no referral.",
    "how do I book a room at Oakfield House for a family time session?",
    "family time is held at Oakfield House on Tuesdays",
    "Payments are made by the leaving care team, or email leavingcare.payments@council.gov.uk.",
    "the young person now goes to Brook and the Youth Justice Service",
    "she was referred to Brook for sexual health advice",
    "the mother attends Freedom Programme sessions and the child attends Young Carers",
    "the Family Drug and Alcohol Court and the Staying Put arrangement were discussed",
]


@pytest.mark.parametrize("text", SERVICES)
def test_national_services_venues_and_team_mailboxes_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("Brook said she was fine after the visit", "name", "Brook"), ("a girl called Brook", "name", "Brook"),
    ("mum lives at Oakfield House now", "address", "Oakfield House"),
    ("she moved to Whitfield House and Mill Court", "address", "Mill Court"),
    ("email jane.smith@council.gov.uk about it", "email", "jane.smith@council.gov.uk"),
    ("the child attends Oakwood School", "school", "Oakwood School"),
])
def test_a_person_a_home_a_personal_address_and_a_school_are_still_refused(council_screen: Screen,  # noqa: F811
                                                                         text: str, kind: str, words: str) -> None:
    assert (kind, words) in found(council_screen, text)


def test_a_reflection_naming_national_services_is_saved(engine: Engine, services: Services) -> None:
    reflection = "the young person now goes to Brook and the mother attends Freedom Programme sessions"
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        worker = store.get_audit(services.storage, audit_id).worker_id
        replies = texts(engine.message(worker, f"reflect {audit_id} {reflection}"))
    assert "looks like" not in replies
    assert [r["text"] for r in store.reflections_of(services.storage, audit_id)] == [reflection]


def test_a_question_about_booking_a_council_venue_is_asked_not_refused(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "how do I book a room at Oakfield House for a family time session?")
    assert "looks like" not in reply and "can't store" not in reply  # whatever the search makes of it


def test_kb_check_passes_a_team_mailbox_in_an_answer(council_screen: Screen) -> None:  # noqa: F811
    answer = "Ask the leaving care team to raise it, or email leavingcare.payments@council.gov.uk."
    assert council_screen.find(answer, mode="content") == []
    assert council_screen.find("or email jane.smith@council.gov.uk", mode="content") != []
