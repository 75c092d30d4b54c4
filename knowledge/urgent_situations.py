"""Situations a worker describes in their own words that mean a child may be at risk now, with no harm word in them.

Trial 41: "teen said he wants to kill himself", "found the baby home alone on my visit", "mum was too drunk to look
after the kids when i visited", "dad turned up drunk at contact" and "theres no food in the house and the kids are
filthy" got a menu or "I don't know that yet", without the steer to talk to a manager or the duty team now. Each
situation is data: the parts of what a worker says (a young child, alone, found on a visit), every part needed, so
the words of one part alone ("at what age can a child be left home alone", "policy on parental alcohol use") are not
enough. A question that is plainly general or about the past ("we discussed self-harm in training", "a home alone
concern from last year") is not a live situation. Each names the entry nearest to it, offered with the steer.

Trial 44: "kid went awol again from resi what do i do" got "Did you mean…" and no steer. A child missing now (gone
missing, awol, run off or not come back, said as happening now: again, still, since, tonight, what do I do) is a live
situation with a steer of its own: report them missing under their missing plan. A question on missing in general
("what is a return home interview", "what happens when a child goes missing") or on a child already back is not.

Trial 51: "11yo girl from sudan, mum talked about a cutting ceremony over summer hols" (a girl at risk of FGM: cutting,
circumcision or "sunna" said of a girl with a trip, a ceremony or a plan) and "kid being sextorted on snapchat, sent
nudes, now being blackmailed" (a child blackmailed over images) are live situations with steers of their own: a
strategy discussion with the police now for FGM risk; the police and CEOP, evidence kept, images never viewed or
forwarded, for sextortion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SELVES = ("himself", "herself", "themselves", "themself", "myself", "yourself")
CARERS = ("mum", "mom", "mam", "mother", "dad", "father", "parent", "parents", "carer", "carers", "foster carer",
          "stepdad", "step-dad", "step dad", "stepmum", "step-mum", "step mum", "boyfriend", "girlfriend", "partner",
          "nan", "nana", "gran", "grandma", "grandad", "grandparents", "aunt", "auntie", "uncle", "the adults")
CHILDREN = ("baby", "babies", "toddler", "toddlers", "infant", "infants", "newborn", "child", "children", "kid", "kids",
            "little one", "little ones", "youngest", "siblings", "year old", "yr old", "yo", "month old", "boy",
            "girl", "boys", "girls", "son", "daughter", "twins")
ON_A_VISIT = ("on my visit", "on the visit", "at my visit", "at the visit", "on a visit", "when i visited",
              "when we visited", "when i arrived", "when we arrived", "when i got there", "when we got there",
              "home visit", "unannounced visit", "i visited", "we visited", "i went round", "i called round")
NOW = ("right now", "tonight", "overnight", "all night", "all day", "at the moment", "currently", "still", "today",
       "this morning", "this afternoon", "again")
HARMING_ONESELF = tuple(f"{verb} {self}" for verb in (
    "kill", "killing", "kills", "killed", "harm", "harming", "harms", "cut", "cutting", "cuts", "hang", "hanging",
    "strangle", "burn", "burning") for self in SELVES)
# "doesn't want to be here anymore"; never "wants to live nearby"
NOT_WANTING_TO_LIVE = tuple(f"{no} {want} to {live}" for no in (
    "doesn't", "does not", "don't", "do not", "didn't", "did not", "not", "no longer", "never") for want in (
    "want", "wants", "wanting") for live in ("live", "be alive", "be here", "wake up"))
# "alone" said of seeing a child alone, which is good practice, not a child left alone
SEEN_ALONE = (*(f"{verb} {whom} alone" for verb in ("see", "seen", "seeing", "saw", "speak to", "spoke to", "talk to",
                                                    "talked to", "meet", "met")
                for whom in ("her", "him", "them", "the child", "the children", "the kids", "children")),
              "seen alone", "seeing alone")
GENERAL = ("training", "policy", "policies", "guidance", "toolkit", "research", "statistics", "leaflet", "course",
           "scenario", "hypothetical", "hypothetically", "in general", "generally", "case study", "last year",
           "years ago", "year ago", "months ago", "last month", "historic", "historical", "in the past", "used to",
           "previously", "closed case", "what age", "legal age", "how old")


# a child gone missing, awol or not come back; "missing" alone is also said of contact, school or a document, and
# "keeps going missing" of a pattern, not of a child missing now
MISSING = ("gone missing", "went missing", "is missing", "are missing",
           "still missing", "missing again", "missing since", "missing overnight", "missing from home",
           "missing from care", "missing from placement", "missing from the home", "missing from resi",
           "missing from foster", "reported missing", "been missing", "he's missing", "she's missing",
           "they're missing", "mfh", "mfc", "awol", "absconded", "ran away", "run away",
           "ran off", "run off", "done a runner", "did a runner", "hasn't come back", "hasn't come home",
           "hasn't returned", "haven't come back", "not come back", "not come home", "not returned",
           "didn't come back", "didn't come home", "didn't return", "not back", "whereabouts unknown",
           *(f"{who} where {whom}" for who in ("don't know", "no one knows", "nobody knows")
             for whom in ("he is", "she is", "they are", "he's gone", "she's gone", "they've gone")))
# said as happening now, or asked as what to do now
MISSING_LIVE = ("again", "still", "now", "tonight", "last night", "overnight", "all night", "this morning",
                "this afternoon", "this evening", "today", "since", "yet", "hasn't", "haven't", "has gone", "have gone",
                "he's gone", "she's gone", "they've gone", "is missing", "are missing", "he's missing", "she's missing",
                "they're missing", "is awol", "went awol", "gone awol", "has absconded", "has run", "what do i do",
                "what should i do", "what do we do", "what should we do", "what now", "who do i tell",
                "who do i call", "who do i ring", "do i call the police", "do i ring the police")
# a question in general, a child already back, or "missing" said of something else
MISSING_UNLESS = (
    # a question in general
    "when a child", "if a child", "when children", "if children", "when a young person", "if a young person",
    "when young people", "if young people", "when a yp", "if a yp", "when a kid", "if a kid", "children who",
    "young people who", "is missing when", "counts as missing", "classed as missing", "treated as missing",
    # a child already back, or a pattern of going and coming back
    "came back", "came home", "comes back", "gets back", "was found", "were found", "been found", "found safe",
    "is back", "he's back", "she's back", "they're back", "back now", "now back", "return home interview",
    "return interview", "rhi", "each time", "every time", "times this month",
    # missing said of school, contact, meetings, a record, or returning calls and forms
    "missing contact", "missing school", "missing loads of school", "missing lots of school",
    "missing a lot of school", "missing so much school", "missing education", "missing from education",
    "missing appointments", "missing sessions", "missing lessons", "missing meetings", "missing visits",
    "missing from the file", "missing from the record", "missing from the chronology", "missing information",
    "missing out", "what is missing", "what's missing", "anything missing", "something missing",
    "missing from the plan", "missing from this", "missing from my", "returned the", "returned my", "returned our",
    "returned any", "returned a", "return the", "return my", "return our", "return any", "return a", "calls",
    "emails", "messages")
MISSING_STEER = ("A child missing now: report them missing to the police as their missing plan or the missing "
                 "protocol says, and tell your manager, or the emergency duty team out of hours.")

# female genital mutilation in the words families and workers use; "cut" alone is also said of self-harm, hair, contact
# and budgets (FGM_UNLESS), so it counts only said of a girl with a trip, ceremony or plan
FGM = ("fgm", "female genital mutilation", "genital mutilation", "genital cutting", "female circumcision",
       "circumcision", "circumcised", "circumcise", "sunna", "sunnah", "khitan", "tahara", "cutting ceremony",
       "cutting", "cut", "be cut", "get cut", "getting cut", "cutter", "the procedure", "special procedure")
FEMALE = ("girl", "girls", "daughter", "daughters", "niece", "sister", "sisters", "she", "her", "baby girl", "female")
# a trip, a ceremony, an older relative or a plan: what makes it a risk now, not a question on the law
FGM_PLANNED = ("ceremony", "celebration", "initiation", "become a woman", "becoming a woman", "trip", "holiday",
               "holidays", "hols", "summer", "half term", "abroad", "back home", "going home", "go home", "visit",
               "visiting", "taken to", "taking her", "take her", "sent to", "send her", "sending her", "flight",
               "flying", "tickets", "booked", "passport", "grandmother", "grandma", "gran", "nan", "elders", "aunt",
               "planned", "planning", "plans", "arranged", "arranging", "going to be", "will be", "wants her",
               "talked about", "talking about", "spoke about", "mentioned")
FGM_UNLESS = (*HARMING_ONESELF, "cut off", "cut her off", "cut him off", "cut them off", "cut contact", "cut down",
              "cut back", "cuts", "cut ties", "cut short", "cut out", "cut her hair", "cut his hair", "haircut",
              "hair cut", "cut the cord", "cut her finger", "cut her hand", "cut her leg", "cut her arm", "cut herself",
              "cutting herself", "male circumcision", "his circumcision", "baby boy")
FGM_STEER = ("A girl who may be cut (FGM): this is child protection now; refer for a strategy discussion with the "
             "police straight away, do not warn the family, and ask about an FGM protection order if travel is "
             "planned. If she tells you it has been done or you see signs, you must report it to the police (101) "
             "yourself.")
# honour-based abuse (trial 57 F13: "HBV - dad threatening 15yo daughter over her boyfriend" got no steer): abuse in the
# name of a family's "honour" said together with a threat or harm to a child, which is a risk now
HONOUR = ("hbv", "hba", "honour based", "honour-based", "honour violence", "honour abuse", "so-called honour",
          "so called honour", "honour killing", "family honour", "family's honour", "dishonour", "dishonoured",
          "shamed the family", "shaming the family", "brought shame", "bringing shame", "shame on the family")
HONOUR_THREAT = ("threatening", "threatened", "threatens", "threat", "threats", "kill", "going to hurt", "hurt",
                 "beat", "beaten", "beating", "hit", "hitting", "hits", "locked in", "locking her", "locking him",
                 "took her passport", "taken her passport", "taken abroad", "take her abroad", "send her abroad",
                 "sent abroad", "scared", "frightened", "afraid", "attacked", "assaulted", "punished", "watching her",
                 "following her", "controlling")
HONOUR_STEER = ("Honour-based abuse with a child threatened now: this is child protection now; refer for a strategy "
                "discussion with the police straight away, see the child alone and safely, and do not contact the "
                "family, community leaders or mediators first, which can raise the danger (one chance).")
# a child made to send or pay more under threat of images being shared (sextortion)
SEXTORTION = ("sextorted", "sextortion", "sextorting", "sex extortion", "blackmailed", "blackmail", "blackmailing",
              "being threatened", "threatening to share", "threatening to post", "threatening to send",
              "threatened to share", "threatened to post", "threatened to send", "wants money", "asking for money",
              "demanding money", "pay or", "or he will share", "or they will share", "or he'll share",
              "or they'll share")
IMAGES = ("sextorted", "sextortion", "sextorting", "nudes", "nude", "naked", "pics", "pictures", "photos", "photo",
          "picture", "images", "image", "video", "videos", "selfies", "selfie", "intimate", "webcam", "snapchat",
          "sexting")
# said as happening to a child now, not asked as a topic ("what is sextortion", "sextortion of a teenage boy")
SEXTORTION_LIVE = ("being", "now", "has been", "have been", "is being", "been sent", "sent", "got", "again", "keeps",
                   "what do i do", "what should i do", "what do we do", "who do i", *NOW)
SEXTORTION_STEER = ("A child blackmailed over images (sextortion): call the police (999 if in danger now) and report "
                    "it to CEOP; keep the messages, usernames and evidence, do not delete them or tell the child to; "
                    "do not view, copy or forward the images yourself; the child should not pay or send more.")


@dataclass(frozen=True)
class Situation:
    """One kind of live situation: every part must be said (each part a list of ways of saying it) and none of
    `unless` (the same words meaning something else: "see her alone"); `entry` is the entry nearest to it, `steer`
    what to do now in this situation, said with the steer (trial 44), when there is more to say than the steer."""

    name: str
    entry: str
    parts: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...] = ()
    steer: str = ""

    def said_in(self, lowered: str) -> bool:
        """Whether every part of the situation is said in `lowered` (lower-cased text)."""
        if self.unless and _pattern(self.unless).search(lowered):
            return False
        return all(_pattern(part).search(lowered) for part in self.parts)


SITUATIONS = (
    # a child or young person talking of ending their life or of harming themselves
    Situation("suicide-or-self-harm", "self-harm-and-suicidal-thoughts", (
        (*HARMING_ONESELF, "end it all", "end his life", "end her life", "end their life", "end my life",
         "take his own life", "take her own life", "take their own life", "take my own life", "wants to die",
         "want to die", "wanted to die", "wanting to die", "wish he was dead", "wish she was dead",
         "wishes he was dead", "wishes she was dead", "wish i was dead", "better off dead", "better off without him",
         "better off without her", "better off without me", *NOT_WANTING_TO_LIVE, "took an overdose",
         "taken an overdose", "has overdosed", "ligature", "suicide note", "attempted suicide",
         "tried to commit suicide", "suicide attempt", "jump off", "jump in front of", "step in front of"),)),
    # a young child left with no adult, found so on a visit, or left so now
    Situation("young-child-alone", "child-home-alone", (
        CHILDREN,
        ("alone", "on their own", "on his own", "on her own", "by themselves", "by himself", "by herself",
         "unsupervised", "no adult", "no adults", "no one looking after", "nobody looking after",
         "no one with them", "nobody with them", "no one in charge", "nobody in charge"),
        ("found", "find", "finding", "was left", "were left", "been left", "is left", "are left", "got left",
         "keeps leaving", "keep leaving", "left them", "left him", "left her", "left the", "went out", "gone out",
         "goes out", "at the pub", "baby left", "kids left", "children left", "child left", "toddler left",
         "old left", "arrived", "answered the door", "came to the door", *ON_A_VISIT, *NOW),
    ), unless=SEEN_ALONE),
    # a carer too drunk or high to look after a child, at home, at contact or collecting them
    Situation("carer-intoxicated", "parental-substance-misuse", (
        CARERS,
        ("drunk", "intoxicated", "under the influence", "high on", "off his face", "off her face", "off their face",
         "out of it", "high as a kite", "wasted", "passed out", "smelt of alcohol", "smelled of alcohol",
         "smelling of alcohol", "stank of alcohol", "stinking of alcohol", "smelt of drink", "smelled of drink",
         "smelt of cannabis", "smelled of cannabis", "stoned", "slurring", "unconscious", "using in front",
         "injecting", "drinking"),
        ("too drunk", "too high", "too intoxicated", "too out of it", "look after", "looking after", "care for",
         "caring for", "in charge", "with the kids", "with the children", "with the baby", "at contact",
         "for contact", "to contact", "turned up", "arrived", "collect", "collected", "collecting", "pick up",
         "picked up", "school run", "driving", "drove", "at home", "in the house", "answered the door",
         "came to the door", *ON_A_VISIT, *NOW),
    )),
    # neglect seen: no food, a home too dirty or cold to live in, a child unfed or unwashed
    Situation("neglect-seen", "neglect-graded-care-profile", (
        ("no food", "nothing to eat", "not enough food", "no milk", "no formula", "empty fridge",
         "fridge was empty", "fridge is empty", "fridge empty", "cupboards were empty", "cupboards are empty",
         "cupboards empty", "filthy", "squalid", "squalor", "soiled", "faeces", "dog mess", "dog poo",
         "human waste", "smelt of urine", "smelled of urine", "stank of urine", "no heating", "no electricity",
         "no electric", "no gas", "sleeping on the floor", "mattress on the floor",
         "infested", "cockroaches", "rats", "starving", "malnourished", "not been fed", "not fed",
         "hasn't eaten", "hasnt eaten", "hadn't eaten", "hadnt eaten", "haven't eaten", "havent eaten",
         "not eaten", "no clean clothes", "unwashed", "rotting", "mouldy food", "needles", "syringes",
         "same nappy", "nappy rash"),
        ("house", "home", "flat", "fridge", "cupboards", "kitchen", "bedroom", "visit", "visited", *CHILDREN, *NOW),
    )),
    # a child missing now: gone missing, awol or not come back, said as now (trial 44)
    Situation("child-missing-now", "missing-from-home-and-care", (MISSING, MISSING_LIVE), unless=MISSING_UNLESS,
              steer=MISSING_STEER),
    # a girl at risk of FGM: cutting said of a girl with a trip, ceremony or plan (trial 51)
    Situation("fgm-risk", "fgm-mandatory-reporting", (FGM, FEMALE, FGM_PLANNED), unless=FGM_UNLESS, steer=FGM_STEER),
    # honour-based abuse said with a threat or harm (trial 57 F13)
    Situation("honour-based-abuse", "forced-marriage", (HONOUR, HONOUR_THREAT), steer=HONOUR_STEER),
    # a child blackmailed over images now (trial 51)
    Situation("sextortion", "online-harm", (SEXTORTION, IMAGES, SEXTORTION_LIVE), steer=SEXTORTION_STEER),
)
_GENERAL = re.compile(r"\b(?:" + "|".join(re.escape(phrase) for phrase in GENERAL) + r")\b")


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `phrases` as whole words, spaces matching any run of spaces, an apostrophe optional."""
    return _COMPILED.setdefault(phrases, re.compile(r"\b(?:" + "|".join(
        re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "'?") for phrase in phrases) + r")\b"))


_COMPILED: dict[tuple[str, ...], re.Pattern[str]] = {}


def situations_in(lowered: str) -> tuple[Situation, ...]:
    """The live situations `lowered` (lower-cased, plain apostrophes) describes: none when it reads as a general
    question or one about the past, where no child is at risk now."""
    if _GENERAL.search(lowered):
        return ()
    return tuple(situation for situation in SITUATIONS if situation.said_in(lowered))
