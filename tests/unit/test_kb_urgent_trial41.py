"""Trial 41: live situations told in a worker's own words (suicide or self-harm talk, a young child alone, a carer too
drunk or high to care, neglect seen, a disclosure) get the steer; near-misses (training, policy, the past, general
questions on the same topics) do not. 40 of each: on main before the fix 3 of the 40 were caught, 0 near-misses."""

from __future__ import annotations

import pytest

from knowledge.urgent import nearest_entries, sounds_urgent

URGENT = [
    # suicide and self-harm talk
    "teen said he wants to kill himself",
    "my 14 year old on my caseload just messaged saying she wants to end it all",
    "young person told me she has been cutting herself and wants to die",
    "he says he is going to hang himself tonight",
    "the girl said everyone would be better off without her",
    "15yo in foster care took an overdose, what now",
    "found a ligature in his bedroom on my visit",
    "yp keeps saying he doesn't want to be alive anymore",
    "she's threatening to jump off the bridge",
    "lad i work with says he is going to kill himself after court",
    # a young child left alone
    "found the baby home alone on my visit",
    "3 year old was left alone while mum went to the shop, what do i do",
    "the kids were left on their own overnight",
    "when i arrived the toddler was by himself in the flat",
    "neighbour rang, mum goes out and leaves the kids alone every night, they are alone right now",
    "there was no adult in the house when i visited, just the 2 little ones",
    "twins aged 4 found alone at home by police",
    "baby left alone in the bath when I got there",
    "mum keeps leaving the children unsupervised while she is at the pub",
    "the 6 yr old has been left alone all day",
    # a carer too intoxicated to care
    "mum was too drunk to look after the kids when i visited",
    "dad turned up drunk at contact, do i need to tell someone",
    "carer smelt of alcohol when she collected the baby from nursery",
    "mum passed out on the sofa with the baby next to her when i got there",
    "dad was off his face when he answered the door, kids were inside",
    "stepdad is drunk and looking after the children right now",
    "mum was slurring and could barely stand at the home visit",
    "foster carer drove the kids to school drunk",
    "nan was intoxicated and in charge of the toddler",
    "parents were injecting in front of the children on my visit",
    # neglect seen
    "theres no food in the house and the kids are filthy",
    "the fridge was empty and the baby hadn't eaten since yesterday",
    "kids sleeping on the floor, dog mess everywhere in the flat",
    "went round and the house was squalid with needles on the floor",
    "there's no heating and no electricity and the children are freezing",
    "baby was in the same nappy all day and has bad nappy rash",
    # a disclosure in everyday words
    "the 9 yr old just told me mums boyfriend hits her",
    "she confided that her uncle touches her at night",
    "boy told me his dad pushed him down the stairs",
    "girl let slip that her brother forced her to do things",
]
NEAR_MISS = [
    "we discussed self-harm in training",
    "how do i record a home alone concern from last year",
    "policy on parental alcohol use",
    "what does the self-harm policy say",
    "how do we support a young person with suicidal thoughts",
    "what is the guidance on children talking about suicide",
    "at what age can a child be left at home alone",
    "is it legal to leave a 12 year old home alone",
    "how old does a child have to be to babysit",
    "what do we do about a child who wants to be seen alone",
    "when should a child be seen alone",
    "how do we assess the impact of parental drug or alcohol use",
    "training on parental alcohol misuse next week",
    "mum used to be drunk a lot but has been sober for two years",
    "what is the toolkit for parental substance misuse",
    "can dad have contact if he drinks",
    "how do i refer a parent to drug and alcohol services",
    "what does the graded care profile measure",
    "how do i use the neglect toolkit",
    "how do i refer a family to the food bank",
    "what is neglect",
    "how do we evidence neglect in a cp plan",
    "the audit said my case records on neglect were poor",
    "when is the icpc due",
    "how often should i visit a child on a cp plan",
    "what is a safety plan",
    "the auditor said the voice of the child is missing from my file",
    "how do i write up a home visit",
    "what should I record after an unannounced visit",
    "can a child in care stay over at a friends house",
    "what is the guidance on physical abuse",
    "how do i refer to camhs",
    "what does good look like for the voice of the child",
    "how long do i have to write up a visit",
    "does the children in care checklist ask about contact",
    "we had a case study on a baby left home alone in the course",
    "historic allegation of a child left alone, how do i record it",
    "how do i recognise signs of neglect",
    "can i see the audit for my case",
    "how many children self-harm in the uk",
]


@pytest.mark.parametrize("question", URGENT)
def test_a_live_situation_in_everyday_words_gets_the_steer(question: str) -> None:
    assert sounds_urgent(question)


@pytest.mark.parametrize("question", NEAR_MISS)
def test_a_general_or_past_question_on_the_same_topics_does_not(question: str) -> None:
    assert not sounds_urgent(question)


def test_all_forty_and_forty_are_counted() -> None:
    assert (len(URGENT), len(NEAR_MISS), len(set(URGENT) & set(NEAR_MISS))) == (40, 40, 0)


@pytest.mark.parametrize(("question", "entry"), [
    ("teen said he wants to kill himself", "self-harm-and-suicidal-thoughts"),
    ("found the baby home alone on my visit", "child-home-alone"),
    ("dad turned up drunk at contact, do i need to tell someone", "parental-substance-misuse"),
    ("theres no food in the house and the kids are filthy", "neglect-graded-care-profile")])
def test_each_situation_names_the_entry_nearest_to_it(question: str, entry: str) -> None:
    assert entry in nearest_entries(question)


@pytest.mark.parametrize("question", [
    "lad in our residential home turns 18 next spring, he wants to live nearby",
    "13 year old says she doesn't want to talk without her mum there, do i still have to see her alone",
    "a 13 year old stayed in police cells overnight because no bed was found"])
def test_the_same_words_meaning_something_else_get_no_steer(question: str) -> None:
    assert not sounds_urgent(question)
