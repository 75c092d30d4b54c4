"""Office small talk and admin that practitioners type into a Slack bot, and the same styles naming a child (fixp41).

Sixty sentences of workplace chat (the rota, the pub, parking, leave, IT, training, birthdays, the weather, football,
the office kitchen) with capitalised places and events, none naming a person; and sixty in the same styles that name
a child ("Kayden's mum rang", 'saw little Amara at school'). Written for this test, from no test set. Before the fix
7 of the sixty were refused ('the Royal Oak', 'Off to Tenerife', 'Marks and Spencer', 'Storm Darragh', 'Red Nose
Day', 'Eid Mubarak', 'Pancake Day') and 2 names passed ('met hope at the park on Saturday', 'Paisley was upset');
after it none is refused and every name is (bot/privacy/occasions.py, high_street.py, detect.py)."""

from __future__ import annotations

import pytest

from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

SMALL_TALK = [
    "Who's on the duty rota for Boxing Day?",
    'Can someone swap my Tuesday on the EDT rota for a Thursday?',
    'Is the January rota up on Teams yet?',
    'Rota for the Easter bank holiday weekend please',
    'Who is covering the front desk over New Year?',
    'Anyone fancy the Crown and Anchor after work on Friday?',
    'Drinks at the Old Bell after the team meeting, 6pm',
    'The Fox and Hounds does a decent Sunday roast',
    'Is the Wheatsheaf still doing the quiz on Wednesdays?',
    'Pub lunch at the White Hart for the away day?',
    'Leaving drinks for the deputy manager at the Royal Oak on Thursday',
    'The Black Horse has a beer garden if the sun is out',
    'Where is everyone parking now the Civic Centre car park is shut?',
    'Can I get a parking permit for the Town Hall car park?',
    'The multi-storey by the station costs a fortune now',
    'Does anyone know if Park and Ride runs on Bank Holiday Monday?',
    'How do I book annual leave in iTrent?',
    'Can I carry over leave into April?',
    'Is Good Friday a bank holiday for us or do we work it?',
    'How many days leave do I get after five years?',
    "Off to Tenerife next week, who's picking up my duty?",
    'My Outlook keeps freezing, who do I ring in IT?',
    'The Wi-Fi in the Lancaster Room is down again',
    'How do I reset my password for Mosaic?',
    "Teams won't let me share my screen on the new laptop",
    'Has anyone else lost the shared drive since the Windows update?',
    'Is the Signs of Safety refresher on the Learning Hub?',
    'When is the next Level 3 safeguarding training?',
    'Who signed up for the Motivational Interviewing course in March?',
    'Does the DBS renewal come through HR or Workforce Development?',
    'Is the Thursday training in the Council Chamber or online?',
    "Cake in the kitchen for the team manager's birthday!",
    "It's the admin officer's 50th on Friday, card going round",
    'Whose birthday is it? There are doughnuts from Greggs by the printer',
    "Collection for the student social worker's leaving present, Amazon voucher",
    'Happy Birthday to our practice lead, cakes from Marks and Spencer in the kitchen',
    'Amber weather warning from the Met Office tomorrow, are visits still on?',
    'Is the A59 flooded again near Preston?',
    'Snow forecast for Wednesday, can we work from home?',
    'Storm Darragh is coming in tonight, take care driving',
    'Too hot in the office again, is the air con broken?',
    'Did anyone watch the Villa game last night?',
    "Who's doing the Euros sweepstake?",
    'Liverpool were robbed on Saturday',
    'Is Newcastle against Spurs on the telly tonight?',
    'England play Wales on Saturday, are we allowed the radio on?',
    'Fantasy Premier League league for the office, code on the board',
    'Whoever keeps taking the milk from the kitchen fridge, please stop',
    'The dishwasher in the staff kitchen is broken again',
    'Can we get a new kettle for the Kitchen on the second floor?',
    'Fridge clear-out on Friday, label your lunch',
    'Who left the Costa cups in the Meeting Room?',
    'Macmillan coffee morning on Friday in the Atrium',
    'Children in Need bake sale, Pudsey cakes in reception',
    'Red Nose Day is on Friday, wear something red',
    'Diwali lunch in the staff room on Thursday, everyone welcome',
    'Eid Mubarak to everyone celebrating!',
    'Pancake Day tomorrow, the canteen is doing them',
    'Are we doing Halloween fancy dress this year?',
    'Bonfire Night fireworks at Victoria Park, anyone going?',
]

NAMING_A_CHILD = [
    "Kayden's mum rang about the visit",
    'saw little Amara at school today',
    "Tyler's nan is on the rota to pick him up from contact",
    'Can someone cover my visit to Jaxon on Friday?',
    "Brooke wasn't at nursery again this morning",
    "Running late, stuck at Harvey's school in traffic",
    "Ellie-Mae's foster carer brought cake for the team",
    'took Oakley to the Christmas party at the family centre',
    'Rhys was in goal for the Sunday league team, so proud of him',
    'little Tianna loved the Christmas do at the contact centre',
    "Leon's dad wants to take him to the Villa game on contact",
    'Grace said she was cold all weekend, heating off again',
    'met hope at the park on Saturday',
    'Jayden Smith missed his birthday party because of the move',
    "Skye's birthday is on Friday, carer is doing a cake",
    "Ruby's school rang about her leave in term time",
    'Mum wants to take Lacey to Tenerife in term time',
    "Dad says Kai can't come to the Easter holiday club",
    'Summer told the teacher she was scared to go home',
    'the boy, Tyrese, was at the football with his uncle',
    'Went to the pub garden with Aaliyah and her carer',
    'Can I take Freddie to the Christmas panto as a treat?',
    "Nevaeh's carers are on annual leave so respite is booked",
    "Who's picking up Archie from school on the rota?",
    'Logan kicked off in the kitchen at the family centre',
    "parking at Callum's school is a nightmare",
    "spoke to kian about the snow day, he's fine",
    "Olly's teacher says he's been late every day",
    'Paisley was upset because the Wi-Fi was off at home',
    "Zainab's brother came to the Eid party at the centre",
    'Riley said his dad took him to watch Liverpool',
    'jack wasnt at home when we called in the snow',
    'Mason Jones is settling in at his new placement',
    'took Lily-Rose to the Macmillan coffee morning',
    "Aiden's grandad picks him up on Fridays",
    "Can someone cover Darcey's LAC review on Boxing Day?",
    'Bailey refused to go to training on Saturday',
    'saw Amelia at the Civic Centre with her mum',
    "Ashton's mum said the Christmas presents were stolen",
    'Isla said she loved the Halloween party at the foster carers',
    'just dropped Deacon off at contact at the Town Hall',
    "Poppy's PEP is booked for Thursday in the Lancaster Room",
    "Harrison wouldn't come out of his room in the heatwave",
    "Theo's social worker is off so I'm covering his birthday visit",
    'Destiny went missing after the Bonfire Night fireworks',
    'Kacey-Leigh is staying with her aunt over Christmas',
    'Mum said Tommy-Lee had been at the pub with her',
    "Jacob's foster carers want a Costa voucher for his birthday",
    'Frankie scored in the cup final, carer sent a photo',
    'I saw lacey at Greggs with her older brother',
    'the girl, Maisie, was at the bake sale with her carer',
    "Spoke to Dexter's mum about the Easter holidays",
    "Roman's dad is taking him to Spain in half term",
    'Kyle told me the Xbox is his birthday present',
    'Our visit to Precious is on the rota for Tuesday',
    'baby Isabella was at the Christmas party with mum',
    "Kayla's school closed for snow, she's at her nan's",
    'Carer says Reggie watched the England game all night',
    'Jaxon and Ellis both came to the Red Nose Day bake sale',
    "Alfie's nursery is closed on Good Friday",
]


def test_the_sets_are_sixty_each() -> None:
    assert len(set(SMALL_TALK)) == 60
    assert len(set(NAMING_A_CHILD)) == 60


@pytest.mark.parametrize("text", SMALL_TALK)
def test_office_small_talk_is_not_refused(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize("text", NAMING_A_CHILD)
def test_a_child_named_in_small_talk_is_refused(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert "name" in [kind for kind, _ in found(council_screen, text)]


# -- each rule's closest sentences that still name a person
@pytest.mark.parametrize(("text", "words"), [
    ("Summer Day was hit", "Summer Day"),  # a census first name before 'Day' is a child and her surname
    ("Kayden Day is at school", "Kayden Day"),
    ("the Grace Brown case", "Grace Brown"),  # a case after two common words: someone's
    ("the Hope Smith family", "Hope Smith"),
    ("we saw Storm Jones at home", "Storm Jones"),  # no weather spoken of
    ("took him to Tunde", "Tunde"),  # 'off to', 'flying to' a place; not 'took him to'
    ("Off to Tunde's", "Tunde's"),
    ("Sainsbury said she was scared", "Sainsbury"),  # a chain's name only where a shop is meant
    ("John Lewis is in foster care", "John Lewis"),
    ("we saw John Lewis at home", "John Lewis"),
    ("Paisley said she was scared", "Paisley"),
    ("Met will at the cafe on Monday", "will"),
    ("going to Tunde for the weekend", "Tunde"),  # only a holiday's time after 'going to' says a place
    ("gave Kayden laptop access", "Kayden"),  # a make before 'laptop', not after a verb of giving
])
def test_names_beside_the_new_rules_are_still_refused(council_screen: Screen, text: str,  # noqa: F811
                                                       words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "Happy Valentine's Day everyone", "World Book Day costumes on Thursday", "the Rose and Crown for the leaving do",
    "Storm Bert brings high winds tomorrow", "Ramadan Kareem to all our colleagues",
    "Mother's Day lunch at the Golden Lion", "Christmas do at the Red Lion this year?",
    "I'm off to Lanzarote on Friday",
    "we're off to Benidorm in June", "got the cake from Sainsbury's on the way in", "Nando's for the team lunch?",
    "the John Lewis voucher for the leaving present", "sandwiches from Pret for the training day",
    "Paisley is the placing authority", "we met may at the Civic Centre",
    # a second batch, written after the fixes to see how they hold on new wording
    "Going to Lanzarote for half term, back on the 4th", "My Dell laptop won't connect to the VPN",
    "Who do I ask about the Microsoft Authenticator app?", "Fish and chips Friday from the Golden Fry?",
])
def test_more_occasions_pubs_places_and_shops_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []
