"""Trial 31 (a newly qualified social worker's questions): a child's online disclosure made in secret, a visit where
nobody answers the door, a child asking the worker to keep a secret, small talk, and questions meant for HR, about
contacting a young person or about an ASYE caseload, each reaching the right place, with the safety line where a child
may be at risk now; and a long form in the glossary ("county lines") not said back as an abbreviation."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult
from knowledge.urgent import sounds_urgent
from tests.e2e.test_terminal_chat import drive

WORKER = "U0PRAN001"
QA_LEAD = "U0QALEAD1"
STEER = "If a child may be at risk now"
ONLINE = "How should we respond to online abuse and harmful online contact?"
NO_ACCESS = "What should I do when I can't see the child on a home visit (no access)?"
DISCLOSURE = "What do I do right now if a child discloses harm or is in immediate danger?"


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def _chat(engine: Engine, *lines: str) -> str:
    _, out = drive(engine, list(lines), user=WORKER)
    return " ".join(out.split())


def _listed(engine: Engine) -> str:
    return " ".join(reply.text for reply in engine.command(QA_LEAD, "kb unanswered"))


# -- HIGH 1: a child's disclosure of images sent to a man met online, in secret

def test_the_trials_online_disclosure_gets_the_safety_line_and_the_online_abuse_entry(engine: Engine,
                                                                                      services: Services) -> None:
    reply = _chat(engine, "a 14 yr old told me shes been sending pics to a man she met online, she made me promise "
                          "not to tell")
    assert STEER in reply
    assert f"== {ONLINE} ==" in reply
    assert "I don't know that yet" not in reply


@pytest.mark.parametrize("query", [
    "13 year old said she's been sending photos to an older man she met on snapchat",
    "young person disclosed she has been sending nudes to an adult she met online",
])
def test_images_sent_to_an_adult_met_online_reach_the_online_abuse_entry(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "online-harm"


# harm told in secret or online, and a child unseen again or with someone inside
LIVE = ["a 14 yr old told me shes been sending pics to a man she met online, she made me promise not to tell",
        "15 yo told me a man online keeps asking her for pics",
        "girl says she sent nudes to someone and begged me not to tell her mum",
        "he made me promise not to tell anyone but his stepdad hits him",
        "tried to do a home visit 3 times this week and no one answered, can hear the tv on inside. what do i do",
        "knocked loads no answer but i think theyre in", "no access for 3 wks, what do i do",
        "dad has refused access twice and i haven't seen the kids"]
# asking in general, or a door, an email or the bot not answering
GENERAL = ["what is sextortion", "sharing nudes at school policy", "what do i do if a child asks me to keep a secret",
           "do i need to tell my manager about a no access visit", "how do i record a no access visit on the system",
           "the bot gave no answer again", "i emailed the iro 3 times and no answer",
           "not seen the child alone for weeks", "no answer from the home office for weeks",
           "how many times should i try a visit before escalating"]


@pytest.mark.parametrize("query", LIVE)
def test_harm_told_in_secret_or_online_or_a_child_unseen_reads_as_a_live_concern(query: str) -> None:
    assert sounds_urgent(query)


@pytest.mark.parametrize("query", GENERAL)
def test_asking_in_general_or_an_unanswered_email_does_not(query: str) -> None:
    assert not sounds_urgent(query)


# -- HIGH 2: a door nobody answers

@pytest.mark.parametrize("query", [
    "tried to do a home visit 3 times this week and no one answered, can hear the tv on inside. what do i do",
    "knocked loads no answer but i think theyre in",
    "keep knocking and nobody answers but i can hear the kids inside",
    "went for a cp visit, no one answered the door but the lights were on",
])
def test_a_door_nobody_answers_reaches_the_no_access_entry(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "no-access-visit"



def test_the_trials_no_access_visits_get_the_entry_and_the_safety_line_and_are_not_listed(
        engine: Engine, services: Services) -> None:
    for said in ("tried to do a home visit 3 times this week and no one answered, can hear the tv on inside. what "
                 "do i do", "knocked loads no answer but i think theyre in"):
        reply = _chat(engine, said)
        assert STEER in reply and f"== {NO_ACCESS} ==" in reply, said
    assert [row["outcome"] for row in services.storage.db["kb_asks"].rows] == ["answer", "answer"]


# -- HIGH 3: asked to keep a secret

@pytest.mark.parametrize("query", ["a young person asked me to keep a secret, can i",
                                   "can i promise a child to keep a secret",
                                   "yp wants me to keep what she tells me secret"])
def test_being_asked_to_keep_a_secret_reaches_the_disclosure_entry_not_criminal_exploitation(
        shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "child-at-immediate-risk"


def test_the_trials_secret_question_is_answered_with_the_disclosure_entry(engine: Engine) -> None:
    reply = _chat(engine, "a young person asked me to keep a secret, can i")
    assert f"== {DISCLOSURE} ==" in reply
    assert "don't promise to keep it secret" in reply
    assert "== What is child criminal exploitation and county lines? ==" not in reply


# -- MEDIUM 4: small talk

@pytest.mark.parametrize(("text", "starts"), [
    ("thanks ur a star", "You're welcome"), ("cheers ur a star", "You're welcome"), ("ta", "You're welcome"),
    ("nice one", "You're welcome"), ("Thanks so much, you're a star!", "You're welcome"),
    ("you're a legend", "Thank you!"), ("ur a star", "Thank you!"),
    ("happy friday!! nearly home time", "Thank you, and you!"), ("have a good weekend", "Thank you, and you!"),
    ("cheers mate, have a good weekend", "You're welcome"), ("Merry Christmas!", "Thank you, and you!"),
    ("morning all", "Hello!"), ("how are you", "Hello!"), ("how r u?", "Hello!"),
    ("nearly home time", "I can only help"),
])
def test_small_talk_gets_a_short_reply_and_never_reaches_the_qa_leads(engine: Engine, services: Services, text: str,
                                                                     starts: str) -> None:
    [reply] = engine.message(WORKER, text)
    assert reply.text.startswith(starts), reply.text
    assert not reply.choices
    assert list(services.storage.db["kb_asks"].rows) == []
    assert "No unanswered" in _listed(engine)


def test_a_question_after_a_thank_you_is_still_answered(engine: Engine) -> None:
    assert "15 working days" in engine.message(WORKER, "nice one, when is the icpc due")[0].text


# -- MEDIUM 5: contacting a young person, carer's leave, an ASYE caseload

@pytest.mark.parametrize("query", ["is it ok to text a 15 yr old on my work phone",
                                   "can i whatsapp a 16 year old from my work mobile",
                                   "should i message a teen on my work phone"])
def test_texting_a_young_person_on_a_work_phone_is_not_for_the_it_desk(shipped: KnowledgeSearch, query: str) -> None:
    assert shipped.search(query).topic is None


def test_the_trials_texting_question_is_not_sent_to_the_it_desk(engine: Engine) -> None:
    reply = _chat(engine, "is it ok to text a 15 yr old on my work phone")
    assert "IT service desk" not in reply and "I can't help with that here" not in reply


@pytest.mark.parametrize("query", ["my nan is ill can i take carers leave", "how do i book dependants leave",
                                   "can i get carer's leave to look after my mum"])
def test_carers_leave_for_yourself_is_for_hr(shipped: KnowledgeSearch, query: str) -> None:
    result = shipped.search(query)
    assert result.topic is not None and result.topic.topic == "leave"
    assert result.outcome == "none" and not result.suggestions


def test_the_trials_carers_leave_question_says_where_to_go_and_is_not_listed(engine: Engine,
                                                                            services: Services) -> None:
    reply = _chat(engine, "my nan is ill can i take carers leave")
    assert "I can't help with that here" in reply and "HR leave policy" in reply
    assert "special guardianship" not in reply.lower()
    assert list(services.storage.db["kb_asks"].rows) == []


def test_a_young_carer_or_carers_leaving_are_still_practice_questions(shipped: KnowledgeSearch) -> None:
    assert answered(shipped.search("how do i support a young carer")) == "young-carers"
    for query in ("what happens when foster carers leave the agency", "what if the family leave the country"):
        assert shipped.search(query).topic is None, query


# -- LOW 6: a long form in the glossary

def test_county_lines_is_not_said_to_stand_for_cce(engine: Engine) -> None:
    reply = _chat(engine, "what county lines mean")
    assert "stands for CCE" not in reply
    assert "**county lines**: see also CCE (child criminal exploitation)." in reply or \
        "county lines: see also CCE (child criminal exploitation)." in reply
    assert "== What is child criminal exploitation and county lines? ==" in reply


def test_an_abbreviation_still_stands_for_its_meaning(engine: Engine) -> None:
    assert "PLO stands for Public Law Outline." in _chat(engine, "what does PLO mean")


def test_the_home_alone_entry_names_the_act() -> None:
    answer = load_knowledge().entries["child-home-alone"].answer
    assert "Children and Young Persons Act 1933" in answer and "law of 1933" not in answer


@pytest.mark.parametrize("query", [
    "im so stressed, i've got 24 kids on my caseload and im in my asye, is that allowed?",
    "whats a protected caseload in the asye", "my caseload is too high", "how many cases should i have as an nqsw",
])
def test_an_asye_caseload_reaches_the_entry_on_workload(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "asye-caseload-and-workload"


def test_the_trials_caseload_question_says_to_raise_it_in_supervision_not_the_appraisal_entry(engine: Engine) -> None:
    reply = _chat(engine, "im so stressed, i've got 24 kids on my caseload and im in my asye, is that allowed?")
    assert "== What caseload should I have in my ASYE, and what do I do if my workload feels too much? ==" in reply
    assert "Raise it in supervision" in reply and "protected caseload" in reply
    assert "Will an audit grade affect my appraisal" not in reply


@pytest.mark.parametrize("query", ["how often should i get supervision as an ASYE", "ASYE supervision frequency"])
def test_asye_supervision_still_reaches_the_supervision_entry(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "reflective-supervision"
