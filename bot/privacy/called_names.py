"""The name a person is called by, after a verb of calling or naming them (twelfth user trial, F11: 'yes, seen alone,
she asked me to call her princess' and 'reflect 1 she asked me to call her princess and I will use that name on
visits' were stored, while 'she likes to be called sunny', 'goes by smiley', 'known as tink' were refused).

The word after these is a name whatever it is, an English word ('princess', 'tiger', 'spud') or none:
- 'call', 'calls', 'called', 'calling' with the person after it, a pronoun ('call her', 'we call him', 'asked me to
  call her', 'they call them', 'you can call me') or a child of the family ('we call the baby', 'mum calls her
  son');
- being called so, liked or asked for: 'likes being called', 'asked to be called', 'would rather be known as',
  'prefers to be named';
- a name given as such: 'prefers the name', 'goes by the name of', 'nickname is', 'his nickname at school is', 'the
  child's name is', "her name's".
'prefers' alone is no cue: 'she prefers pasta', 'he prefers texts'.
A called-name of one or two letters is a name too, or an initial, which identifies as surely (session 13: 'call her
jo', 'we call him al', 'known as ty' were stored): after these cues and after 'known as', 'goes by', 'nicknamed' and
'calls herself', whose longer words person_context judges. Never the short words that go on with the sentence
(_SHORT_WORDS: 'call her in', 'call her re contact', 'known as a child in need', 'goes by the book').

Never the ordinary continuations of calling someone, where 'call her' is phoning her or 'her' is a possessive: a
particle, a time or a day, how often, a place or a thing one phones ('call her back', 'call them in', 'call her
later', 'call her today', 'call her on monday', 'call her mobile', 'call her school'); a person, a role or a relative
('call her mum', 'call her social worker', 'call him a taxi'); name-calling ('called her a liar', 'called him fat',
'called her names', 'called him racist'); the terms of address every carer uses, which name nobody ('call him mate',
'call her love', 'call her darling'); how someone is described or a name is spoken of ('I would call her quite
vulnerable', 'her name is spelt wrong'); and what the name finder already rules out after a naming cue
(person_context.PersonContextFinder._cannot_be_named: function words, services, adverbs, verbs' forms). A
word in capitals that is a known acronym ('call her CAMHS worker', 'call her GP', 'also known as CP') is a service or
a term of practice; other capitals ('call her JJ') are the name, a role's too ('call him DJ', 'we call her KC': no
one phones a disc jockey by 'call him'), which typed small stays the role ('call her dj', as 'call her sw').
Said of a person ('the child is known as KB', 'mum calls her KB'), only a practice term is spared ('she was known as
CIN', 'call her GP'), not the bot's own words (KB, the knowledge base): the letters are the person's initials.
Tested in tests/unit/test_privacy_called_names.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import NICKNAME_CUES, RELATIONS, ROLES, TITLES, Hit
from bot.privacy.initials import MOSTLY_CAPITALS, practice_terms
from bot.privacy.lexicon import _split
from bot.privacy.person_context import PERSON_NOUNS, PersonContextFinder

# The word itself, perhaps in quotes: 'call her princess', 'call her "princess"'.
_WORD = r"[\"'‘“]?(?P<word>[^\W\d_](?:[\w'’-]*\w)?(?:['’]s)?)"
# A pronoun, or a child of the family ('the baby', 'her son'): not any person, as 'call the child protection team'
# and 'called partner agencies' are no naming.
_CALLING = (r"\b(?:call|calls|called|calling)\s+(?:(?:the|his|her|their|my|our)\s+"
            r"(?:baby|son|daughter|youngest|eldest|oldest)|him|her|them|me|us|you)")
_BEING_CALLED = (r"\b(?:likes?|liked|loves?|loved|hates?|hated|prefers?|preferred|wants?|wanted|asks?|asked|"
                 r"chose|chooses|would\s+(?:like|rather|prefer)|['’]d\s+(?:like|rather|prefer))\s+"
                 r"(?:(?:to\s+)?be|being)\s+(?:called|known\s+as|named)")
_THE_NAME = (r"\b(?:prefers?|preferred|uses|used|chose|chooses|picked|goes\s+by|went\s+by|answers\s+to|"
             r"by|likes|wants)\s+the\s+(?:nick)?name(?:\s+of)?")
_NAME_IS = (r"(?:\bnick-?\s?name(?:\s+(?:at|in|for|from|with|among)(?:\s+[\w'’]+){1,2})?|"
            r"(?:['’]s|\b(?:his|her|their|my|your|our))\s+(?:first\s+|real\s+|middle\s+|full\s+|pet\s+|preferred\s+|"
            r"new\s+|school\s+|sur|last\s+)?name)(?:\s+(?:is|was)|['’]s|\s*[:=])")
_CUE = re.compile(rf"(?:{_CALLING}|{_BEING_CALLED}|{_THE_NAME}|{_NAME_IS})\s+{_WORD}", re.IGNORECASE)
# 'known as', 'goes by', 'nicknamed', 'calls herself': the name finder judges the longer words after these
# (person_context), here only the one or two letters it leaves to initials ('known as ty', 'goes by mo').
_NICKNAMED = re.compile(rf"\b(?:{NICKNAME_CUES}|went\s+by)\s+{_WORD}", re.IGNORECASE)
# A person before 'known as' or 'goes by' ('the child is known as', "she's also known as", 'he goes by'), whose
# letters after it are their initials; not 'also known as CP', 'this is known as CP', 'the meeting is known as'.
_PERSON_BEFORE = re.compile(
    rf"\b(?:he|she|they|who|(?:the|this|that|a|an|his|her|their|our|my)\s+(?:young\s+person|{'|'.join(PERSON_NOUNS)}))"
    r"(?:\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been)|['’]s|['’]re)?"
    r"(?:\s+(?:also|still|now|often|usually|sometimes|always|mostly|only))?\s+$", re.IGNORECASE)
_SHORT = 2  # letters: a called-name this short is judged here whatever the case, as a name or an initial
# What follows 'call her' when it is phoning her, or when 'her' owns what follows: when, how, where, and what.
_CONTINUATIONS = frozenset(_split("""
in out up down back over round around across away off through together forward along aside ahead
asap please pls plz thanks instead too anyway anyways direct either yet tho though tbh
later tomorrow tmrw tmr today tonight soon sometime whenever every each weekly daily monthly
mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
mobile phone landline number mob cell line voicemail home house flat work job office school college nursery
placement provider surgery ward unit hospital landlord employer agency bluff attention contact contacts
whatever what something anything nothing names there here anytime anywhere everywhere
ourselves yourselves
"""))
# How someone is described ('I would call her quite vulnerable', 'I'd call them hard to reach') and what is said of a
# name rather than given as one ('her name is spelt wrong on the plan', 'the child's name: unknown').
_DESCRIBING = frozenset(_split("""
quite very really fairly pretty rather extremely too so
hard safe unsafe happy sad shy clever bright kind brave strong sweet settled resilient vulnerable resourceful
wrong right correct incorrect spelt misspelt unknown unclear known different same blank withheld confidential
private hidden secret long short common unusual important sensitive protected legal official
"""))
# Name-calling, not a name: 'called her a liar' is 'a', these are what is said instead.
_INSULTS = frozenset(_split("""
crazy mad mental psycho nutter slag slut bitch whore cow pig retard rubbish useless horrible nasty evil bad wicked
spoilt spoiled brat selfish pathetic disgusting worthless racist sexist homophobic
"""))  # with person_context's own ('liar', 'fat', 'stupid'), which _cannot_be_named reads
# What every carer calls a child or a friend: no one's name.
_TERMS_OF_ADDRESS = frozenset(_split("""
love darling dear sweetheart sweetie babe honey hun hon pet mate buddy pal bro sis kiddo champ duck petal chick
little big young old
"""))
# Describing words that start a nickname ('little bee', 'big man'), and the nouns after them that address anyone.
_SIZES = frozenset(_split("little big young old baby"))
_ADDRESSED = frozenset(_split("one ones un man lady miss mister madam fella fellow guy chap thing monster bit bits"
                                " while more less enough"))
# The words of one or two letters that go on with a sentence after a calling phrase, never a name: function words
# ('call her in', 'known as a child in need', 'call her so she knows'), what is said in chat ('call her n ask',
# 'call her rn', 'call her ta'), the time of day ('call her am') and the family ('call her ma').
_SHORT_WORDS = frozenset(_split("""
a i n u x w am an as at be by do go he hi if in is it me my no of on or so to up us we
oh ah eh er uh um ha ok kk xx rn ta np bc eg ie nb ps pm re vs tv ur im ma da
"""))
# Abbreviations written with stops, whose first letter is no initial: 'call her e.g. on her mobile', 'call him p.m.'
_DOTTED = re.compile(r"(?:e\.g|i\.e|a\.m|p\.m|n\.b|p\.s)\.?(?!\w)", re.IGNORECASE)
_STOPPED = re.compile(r"(?:\.\s?[^\W\d_](?![\w'’]))+\.?")  # the rest of initials with stops: 'J' + '.B.'
_NEXT_WORD = re.compile(r"^\s+([^\W\d_][\w'’-]*)")


def called_name_hits(text: str, finder: PersonContextFinder, acronyms: frozenset[str]) -> list[Hit]:
    """The name given after a verb of calling or naming someone ('asked me to call her princess', "his nickname is
    spud"): a child's nickname identifies them to anyone who knows the family, whatever word it is. `acronyms` (in
    capitals, initials.load_acronyms) are services where the text is not all in capitals ('call her CAMHS worker')."""
    hits: list[Hit] = []
    letters = [c for c in text if c.isalpha()]
    shouted = sum(c.isupper() for c in letters) > MOSTLY_CAPITALS * len(letters)
    short = [m for m in _NICKNAMED.finditer(text) if len(m.group("word")) <= _SHORT]
    for m in [*_CUE.finditer(text), *short]:
        word = m.group("word")
        after = text[m.end("word"):m.end("word") + 40]
        capitals = not shouted and len(word) > 1 and word.isupper()
        if capitals and word in acronyms and (not _of_a_person(text, m) or word in practice_terms()
                                              or word.casefold() in RELATIONS):
            continue  # 'call her CAMHS worker', 'call her ASAP', 'also known as KB'; not 'the child is known as KB'
        described = _described_name(word, after, finder)
        if described:
            if Hit("name", described) not in hits:
                hits.append(Hit("name", described))  # 'we call her little bee'
        elif (capitals and len(word) <= 3 and word != "OK") or not _continuation(word, after, finder):
            stops = _STOPPED.match(after) if len(word) == 1 else None  # 'call her J.B.'
            hit = Hit("name", word + stops.group(0) if stops else word)  # 'call her JJ': initials given as the name
            if hit not in hits:
                hits.append(hit)
    return hits


def _described_name(word: str, after: str, finder: PersonContextFinder) -> str | None:
    """A nickname of a describing word and a noun after a calling cue, 'little bee', 'big man' (trial 38, H2: 'we
    call her little bee in the notes' was stored, 'little' being how every carer addresses a child): the two words,
    unless the second is a term of address, a person or goes on with the sentence ('call her little one', 'call him
    little man', 'call her little sister')."""
    following = _NEXT_WORD.match(after)
    if word.casefold() not in _SIZES or not following:
        return None
    noun = following.group(1)
    bare = noun.casefold()
    if bare in _TERMS_OF_ADDRESS or bare in _ADDRESSED or bare in _CONTINUATIONS or bare in ROLES \
            or bare in RELATIONS or bare in PERSON_NOUNS or finder._cannot_be_named(bare, ""):
        return None
    return f"{word} {noun}"


def _of_a_person(text: str, cue: re.Match[str]) -> bool:
    """Whether the cue is said of a person, so that the letters after it are their initials whatever else they spell
    (trial 14, F14: 'the child is known as KB', 'mum calls her KB'; KB is the bot's knowledge base): every calling or
    naming cue is, 'known as' and 'goes by' only after a person ('the child is', 'she's also')."""
    return cue.re is _CUE or bool(_PERSON_BEFORE.search(text, 0, cue.start()))


def _continuation(word: str, after: str, finder: PersonContextFinder) -> bool:
    """Whether the word after the cue goes on with calling someone rather than naming them (see the module's
    docstring): 'call her back', 'call her mum', 'called her fat', 'call him mate', 'call her social worker'."""
    bare = re.sub(r"['’]s$", "", word.casefold().replace("’", "'"))
    if bare in _CONTINUATIONS or bare in _DESCRIBING or bare in _INSULTS or bare in _TERMS_OF_ADDRESS \
            or bare in ROLES or bare in RELATIONS or bare == "ok":
        return True
    if len(bare) <= _SHORT and bare.isalpha():
        return bare in _SHORT_WORDS or bare in TITLES or bool(_DOTTED.match(word + after))  # 'call her jo'
    following = _NEXT_WORD.match(after)
    if following and following.group(1).casefold() in ROLES | RELATIONS | PERSON_NOUNS:
        return True  # 'call her key worker', 'call her birth mum': a person, owned
    return finder._cannot_be_named(bare, after)
