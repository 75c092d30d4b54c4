"""Questions that read as a live safeguarding concern, so the bot says who to turn to now before anything else.

A practitioner who types "child disclosed dad hit her this morning, who do I call" needs a person, not a search
result or a note that the QA leads will reply within weeks. The test is deliberately simple and errs towards
showing the steer: harm words together with words of a disclosure or of urgency. Showing the steer to someone
asking a general question ("what do I do when a child discloses abuse?") costs one line; missing a live concern
costs far more. Nothing here changes what the search answers.

Trial 31 added two shapes a newly qualified worker typed without any of those words. A child told the worker of
sexual contact online ("she's been sending pics to a man she met online, she made me promise not to tell"): images
and meeting adults online are harm words, and a child's request for secrecy is as much a disclosure as "told". And a
child who may be inside but unseen ("tried to visit 3 times and no one answered, can hear the tv on inside",
"knocked loads no answer but i think theyre in"): a door not answered at a visit, again or with someone heard inside.

Trial 37: a child left where the risk is, now, with no harm word at all ("the child is still at home with dad who is
the alleged perpetrator", "is it safe to leave the kids with dad until police can visit next week"). So a situation
of present risk is read in general: words of the risk (an alleged perpetrator or abuser, "not safe", "is it safe",
"at risk", or a harm word) together with words that the child is with it now or must wait (still at home with, left
with, going home to, tonight, until the police can…, can't wait). Words of risk alone ("what is a safety plan", "who
is the alleged perpetrator in a strategy discussion") are not enough.

Trial 41: situations described with no harm word ("teen said he wants to kill himself", "found the baby home alone on
my visit", "mum was too drunk to look after the kids", "theres no food in the house") are read from
knowledge.urgent_situations; and a disclosure in other words ("confided", "let slip"; "touches her", "pushed him").
"""

from __future__ import annotations

import re

from knowledge.urgent_situations import situations_in

WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HARM = frozenset((
    "abuse", "abused", "abusing", "afraid", "assault", "assaulted", "beat", "beaten", "beating", "belt",
    "bleeding", "broken", "bruise", "bruised", "bruises", "bruising", "burn", "burned", "burns", "burnt",
    "choked", "choking", "cutting", "drunk", "exploited", "fracture", "fractured", "frightened", "gone-missing",
    "groomed", "grooming", "gun", "hit", "hits", "hitting", "homeless", "hurt", "hurting", "hurts", "injured",
    "injuries", "injury", "kicked", "kicked-out", "kicking", "knife", "overdose", "overdosed", "pregnant",
    "punch", "punched", "rape", "raped", "scared", "self-harm", "self-harming", "selfharm", "sexual",
    "sexually", "slap", "slapped", "smack", "smacked", "stabbed", "starving", "still-missing", "strangled",
    "suicidal", "suicide", "terrified", "threatened", "threatening", "unsafe", "violence", "violent", "weapon",
    "went-missing",
    # a disclosure of harm in everyday words (trial 41)
    "beats", "forced", "forces", "forcing", "grabbed", "kicks", "molested", "pushed", "punches", "shoved",
    "slaps", "threw", "throttled", "touched", "touches", "touching",
    # sexual harm online: images, and adults met online (trial 31)
    "asked-for-pics", "blackmail", "blackmailed", "blackmailing", "indecent", "man-online", "met-online", "naked",
    "nude", "nudes", "sending-photos", "sending-pics", "sending-pictures", "sent-photos", "sent-pics",
    "sent-pictures", "sexting", "sextortion",
))
DISCLOSURE = frozenset((
    "admitted", "confided", "confides", "disclosed", "discloses", "disclosing", "disclosure", "let-slip",
    "opened-up", "said", "saying", "says", "telling", "tells", "told",
))
URGENT = frozenset((
    "asap", "currently", "emergency", "immediate", "immediately", "right-now", "this-afternoon", "this-evening",
    "this-morning", "today", "tonight", "urgent", "urgently",
))
# a child asking the worker to keep what they said to themselves: a disclosure as much as "told" (trial 31)
SECRECY = re.compile(r"\b(?:promised? (?:me )?not to tell|(?:asked|begged|wants|made) me (?:to )?(?:promise )?"
                     r"(?:not to tell|to keep (?:it|this|that) (?:a )?secret)|keep (?:it|this|that) (?:a )?secret|"
                     r"(?:don'?t|not to) tell (?:anyone|anybody|her mum|his mum|her parents|his parents|mum|dad))\b")
# a child not seen at a visit (trial 31): a door not answered, or no access, which is a child unseen when it happens
# again, goes on for weeks or someone is heard or thought to be inside
UNANSWERED = re.compile(r"\b(?:no answer|(?:no ?one|nobody) (?:answered|answers|answering|came to the door|"
                        r"opened the door)|(?:not|didn'?t|won'?t|wouldn'?t) (?:answer|open)(?:ing)? the door)\b")
AT_THE_DOOR = re.compile(r"\b(?:door|visit(?:s|ed|ing)?|knock(?:s|ed|ing)?|house|flat|property|at (?:the )?home)\b")
UNSEEN = re.compile(r"\b(?:no access|refused (?:us |me )?(?:access|entry)|(?:haven'?t|hasn'?t|not) (?:been )?seen "
                    r"(?:the |her |his )?(?:child|children|kids|baby|her|him|them)(?! alone))\b")
UNSEEN_AGAIN = re.compile(r"\b(?:again|times|twice|repeated(?:ly)?|several|loads|weeks?|wks|fortnight|month|days|"
                          r"knocked and knocked|(?:kept|keep) knocking|(?:can|could) hear|heard|tv|telly|"
                          r"lights? (?:on|were on)|someone (?:in|inside)|inside|"
                          r"(?:think|know|sure|reckon)\b(?:\W+\w+){0,3}?\W+(?:in|inside|home|there))\b")
PHRASES = re.compile(r"\b(?:in danger|at risk now|immediate (?:danger|risk)|999|police now|call the police|"
                     r"not safe to go home|(?:is|are) not safe|won'?t go home|can'?t go home)\b")


# trial 37: who or what the risk is, in words that are not harm words
RISK = re.compile(r"\b(?:alleged (?:perpetrator|abuser|offender)|perpetrator|abuser|(?:the )?person (?:who|that) "
                  r"(?:hurt|harmed|abused|assaulted)|not safe|unsafe|(?:is|are|was) (?:it|she|he|they) "
                  r"(?:safe|ok|okay)|safe to (?:leave|stay|wait|go|keep|send|return)|at risk|risk of (?:significant )?"
                  r"harm|significant harm|(?:is|are) (?:a )?(?:risk|danger) to|dangerous|"
                  r"police (?:\w+ ){0,3}(?:can'?t|cannot|won'?t|unable|not able|not until|not till?))\b")
# trial 37: the child is with the risk now, or is left waiting: "still at home with", "left with", "until police can"
NOW_OR_WAITING = re.compile(
    r"\b(?:still (?:at home|at the house|living|lives|in the (?:house|home|flat)|staying|there|with|home)|"
    r"(?:at home|living|lives|staying|left|alone|back) with|leave (?:\w+ ){0,2}with|"
    r"(?:go(?:ing|es)?|sent|send|return(?:ing|ed|s)?|went) (?:back )?home|tonight|"
    r"(?:until|till?|before) (?:the )?(?:police|next|monday|tuesday|wednesday|thursday|friday|the weekend|tomorrow|"
    r"they can|we can|someone can)|(?:can'?t|cannot|won'?t) wait|(?:can'?t|cannot|not) (?:\w+ ){0,3}(?:til|till|until)|"
    r"wait (?:for|until|til|till) (?:the )?police|(?:there|home|in the house) (?:right )?now|moved? (?:back )?in)\b")


def sounds_urgent(text: str) -> bool:
    """Whether a question reads as a child at risk now: a harm word with a disclosure, a request for secrecy or
    urgency; a phrase such as "in danger" or "not safe to go home"; a door not answered at a visit, again or with
    someone inside; words of a risk with words that the child is with it now or must wait (trial 37); or a live
    situation described in other words (knowledge.urgent_situations, trial 41)."""
    lowered = text.lower().replace("’", "'")
    if PHRASES.search(lowered) or _unseen(lowered) or situations_in(lowered):
        return True
    words = WORD.findall(lowered)
    said = set(words) | {"-".join(words[at:at + size]) for size in (2, 3) for at in range(len(words) - size + 1)}
    harm = bool(said & HARM)
    if (harm or RISK.search(lowered)) and NOW_OR_WAITING.search(lowered):
        return True
    return harm and (bool(said & (DISCLOSURE | URGENT)) or bool(SECRECY.search(lowered)))


def nearest_entries(text: str) -> tuple[str, ...]:
    """The knowledge-base entries nearest to the live situations `text` describes (trial 41: the self-harm entry for
    "he wants to kill himself"), offered with the steer; none when it describes none of them."""
    return tuple(situation.entry for situation in situations_in(text.lower().replace("’", "'")))


def situation_steers(text: str) -> tuple[str, ...]:
    """What to do now in the live situations `text` describes, said with the steer (trial 44: report a child missing
    now to the police under their missing plan); none for a situation with nothing to add to the steer."""
    return tuple(situation.steer for situation in situations_in(text.lower().replace("’", "'")) if situation.steer)


def _unseen(lowered: str) -> bool:
    """A child not seen at a visit (no access, or a door not answered) again, for weeks, or with someone heard or
    thought to be inside: a child who may be unseen and at risk."""
    not_seen = bool(UNSEEN.search(lowered)) or (bool(UNANSWERED.search(lowered)) and bool(AT_THE_DOOR.search(lowered)))
    return not_seen and bool(UNSEEN_AGAIN.search(lowered))
