"""The detectors behind the identifier screen: structured identifiers by pattern, names by list and context.

Each detector returns `Hit`s: the kind of identifier and the exact words of the text that made it, so a
refusal can say which words to change. The rules (issue #12):
- a date counts only as a date of birth (born, DOB, d.o.b., date of birth, birthday, 'b.' before it);
- NHS numbers in any separator style, valid by modulus 11, or any 10 digits labelled NHS;
- UK phone numbers (+44, 0044, (0)) except service lines (03xx, 08xx, 116 xxx, 101, 111, 999);
- a name: a listed given name that is not a common word; any name in a person context (a title, a
  relation such as 'mum' before it, a given name beside a surname, capitalised mid-sentence, 'X was seen',
  'X (12)'); professionals named beside their role (Dr X, X the IRO, SW X Y, Head of Service, X Y) are allowed.
- person contexts that generalise beyond the lists (made with a second, independently written tuning corpus):
  verbs people take ('X needs', 'X finally said'), cues only people take even for common words ('X is in
  Year 10', "X's foster carer"), meeting someone ('met X at'), 'the X family', nicknames in quotes; and what
  is NOT a person: words built from English ones ('Graded', 'Helpline', 'Chronology'), languages ('speaks X',
  'an X interpreter'), organisations ('X Voice', 'X Trust'), things acted on ('X was mentioned').
- made with a third independently written tuning corpus and the weak spots of a review: places are not people
  ('Croydon has agreed', lexicon.places), nor services, employers, pets, title-case headings and things named
  after people ('referred to Kooth', 'works at Asda', 'Rocky the dog', 'the Munro review'); lower-case and
  all-capital names by their context ('worried about tunde', 'mum sharon and', 'kieran was excluded'); family
  plurals ('the Okonkwos have'); and structured identifiers in more layouts (dates of birth named earlier in the
  clause or after the date, a postcode's first half used as a place, spelt-out emails, more case systems).
- made with a fourth independently written tuning corpus (names that are also places or words, lists of siblings,
  loose dates, partial addresses, schools named without 'school'; staff, services, tools and theories): what the
  words around a name-like word say it is NOT (a place travelled to, a saint's agency, a hospital admitted to, an
  author drawn on, a colleague with a role in brackets or a team, praise addressed to a worker, a public review);
  lists of given names with a name or relation found; capitals used only for abbreviations read as lower case;
  schools by their cue ('Year 5 at', 'the head at', 'attends', 'school:', 'her nursery is', 'goes to St');
  dates of birth by day, by named day, by month and year after a label, and an unborn baby's due date; named
  estates and streets with lower-case types.
Each rule is tested with examples of its own in tests/unit/test_privacy_context_rules.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.privacy.lexicon import INFORMAL_FRIENDS, Lexicon, _split
from bot.privacy.occasions import occasion_words
from bot.privacy.practice_spelling import misspelt_practice_word
from bot.privacy.public_cases import cited_spans
from bot.privacy.school_actions import opens_an_action


@dataclass(frozen=True)
class Hit:
    kind: str
    words: str


# ---------------------------------------------------------------- numbers and patterns

_DIGIT_RUN = re.compile(r"(?<![\w.])\(?\+?\d[\d .()\-]{5,20}\d(?![\w])")
_NHS_LABEL = re.compile(r"\bnhs\b(?:\s*(?:no\.?|num(?:ber)?\.?|number\s+is|#|:|-))*[\s:#.-]*$", re.IGNORECASE)
_PHONE_LABEL = re.compile(r"\b(?:mob(?:ile)?|tel|phone|number|no|call|ring|text|whats\s?app)\b[\s:.#-]*$",
                          re.IGNORECASE)
# NHS or health named earlier in the clause: 'NHS number for the baby is ...', 'health number ... on the red book'.
_HEALTH_LABEL = re.compile(r"(?:\b(?:health|chi|nhs|hcn)\b|\bh\s?&\s?c\b)(?:\s*no\.)?[^.;!?\n\d]{0,45}$", re.IGNORECASE)
# A UPN is a letter, 11 digits and a check character, however the digits are grouped ('E883 2012 4567 8').
_UPN = re.compile(r"(?<![\w])[A-Z][ -]?\d(?:[ -]?\d){10}[ -]?[\dA-Z](?![\w])", re.IGNORECASE)
# A National Insurance number: two letters, six digits (often in pairs) and a letter A to D ('QQ 12 34 56 C',
# 'QQ123456C'). Without its last letter it is shaped like a case reference ('CR382070'), so then only in pairs ('AB 12
# 34 56'); after an NI label ('ni number is', 'NINO:') any spacing and either case is one.
_NINO = re.compile(r"(?<![\w-])[A-Z]{2}(?:[ -]?\d\d){3}[ -]?[A-D](?![\w-])|(?<![\w-])[A-Z]{2}(?: \d\d){3}(?![\w-])")
_NINO_LOOSE = re.compile(r"(?<![\w-])[A-Z]{2}(?:[ .-]?\d){6}(?:[ .-]?[A-D])?(?![\w-])", re.IGNORECASE)
_NINO_LABEL = re.compile(r"\b(?:ni|nino|n\.i\.|national\s+insurance)(?:\s*(?:no\.?|num(?:ber)?|#))?"
                         r"(?:\s+(?:is|was))?[\s:#.-]*$", re.IGNORECASE)
# Children's case-record systems, named before a record number or after one ('Mosaic no. 882019', '882019 on Mosaic').
_CMS_SYSTEMS = (r"lcs|mosaic|liquid\s?logic|ehm|early\s+help\s+module|carefirst|eclipse|azeus|framework-?\s?i|"
                r"childview|capita\s+one|synergy|wcccis|servelec|care\s?director|controcc|systm\s?one|emis")
# Names that are everyday words or a place too ('CMS', 'ICS', Paris, Protocol): a system only before its number, never
# after ('2,000 in Paris').
_CMS_BEFORE_ONLY = r"cms|ics|paris|protocol"
_CMS = re.compile(
    rf"\b(?:(?:{_CMS_SYSTEMS}|{_CMS_BEFORE_ONLY})"
    r"(?:\s*(?:person\s+)?(?:id|ref(?:erence)?|no|number|#)\b)?"
    # the system's name, then a few linking words before the number: 'on mosaic as 882019', 'LCS ref is 123456',
    # 'EHM case 0099887', 'on EHM (ref 204418)'
    r"(?:\s*\(?\s*(?:as|is|under|with|number|no|ref|reference|id|case|record)\b\.?){0,2}|person\s+id|\bid)"
    # the number, perhaps with a letter or two before it: 'ICS ID: A123456', 'Mosaic no. P-12345'
    r"\s*[:#=.(-]?\s*(?:no\.?\s*)?(?:(?<![\w-])[A-Z]{1,3}[- ]?)?(?!(?:19|20)\d\d\b)\d(?:\s?\d){3,}|"
    r"\bpid\s*[:#=.-]?\s*\d{4,}|"
    # the number, then the system: 'case number 123456 on Liquid Logic'
    r"(?<![\w.])(?!(?:19|20)\d\d\b)\d{4,}\s+(?:on|in)\s+(?:the\s+)?"
    rf"(?:{_CMS_SYSTEMS})\b",
    re.IGNORECASE)
_POSTCODE = re.compile(r"(?<![\w-])(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? {0,2}\d[A-Z]{2})(?![\w-])", re.IGNORECASE)
# The first half of a postcode alone (LS11, BS5, WF1 2), with the UK's postcode areas.
_POSTCODE_AREAS = _split(
    "AB AL BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY EC EH EN EX FK FY "
    "GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY LA LD LE LL LN LS LU ME MK ML NE NG NN NP NR NW OL "
    "OX PA PE PH PL PO PR RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB WA WC WD WF "
    "WN WR WS WV YO ZE B E G L M N S W")
_OUTWARD = re.compile(rf"(?<![\w/-])({'|'.join(_POSTCODE_AREAS)})\d[A-Z\d]?(\s\d(?![\w/.,]\d))?(?![\w/-])")
_SECTION = re.compile(r"s\d{1,3}[A-Z]{1,2}", re.IGNORECASE)  # 's17ZA' is a section of the Children Act
_AREA_AFTER = re.compile(r"^\s+(?:area|postcode|district)\b", re.IGNORECASE)
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|around|nr|from|to|towards)\s+(?:the\s+)?$", re.IGNORECASE)
# An email spelt out so it is not a link: 'jane dot doe at gmail dot com', 'jdoe85 [at] hotmail.co.uk'.
_SPELT_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<user>[\w+-]{1,40}(?:(?:\.|\s+dot\s+)[\w+-]{1,40}){0,3})(?:\s+at\s+|\s*[\[(]at[\])]\s*)"
    r"(?P<domain>[a-z0-9-]{1,40})(?:(?:\.|\s+dot\s+)[a-z0-9-]{1,40}){0,3}"
    r"(?:\.|\s+dot\s+)(?:com|co\.uk|co\s+dot\s+uk|org|net|uk|gov|io|ie|me|info)\b", re.IGNORECASE)
_MAIL_PROVIDERS = frozenset(_split("gmail googlemail hotmail outlook yahoo icloud live aol btinternet sky msn me mail"
                                   " protonmail virginmedia talktalk"))
_MAIL_ENDING = re.compile(r"\.(?:com|co\.uk|org|net|uk|gov|io|ie|me|info)$", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+(?:@|\s@\s?|@\s)[\w-]+(?:\.[\w-]+)+")
# An email without its ending ('sarahjones84@gmail', 'sarahjones84 at gmail') still names the person's account:
# after '@' with a mail provider's name or a name part holding a digit, dot or underscore; spelt 'at', only with
# a provider (not 'looked at outlook': the name part needs a digit, dot or underscore, or an email word before).
_MAIL_NAMES = ("gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|aol|btinternet|protonmail|proton|rocketmail|"
               "virginmedia|talktalk|live|msn|sky")
_MAIL_NAME_SET = frozenset(_MAIL_NAMES.split("|"))
_BARE_EMAIL = re.compile(r"(?<![\w.+@<-])(?P<user>[\w+-]+(?:\.[\w+-]+)*)\s?@\s?(?P<domain>[A-Za-z][\w-]*)\b(?!\.\w)")
_SPELT_BARE_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<user>[\w+-]{{2,40}}(?:(?:\.|\s+dot\s+)[\w+-]{{1,40}}){{0,3}})(?:\s+at\s+|\s*[\[(]at[\])]\s*)"
    rf"(?P<domain>{_MAIL_NAMES})\b(?!\.\w|\s+dot\s)", re.IGNORECASE)
_EMAIL_WORD_BEFORE = re.compile(r"\b(?:e-?mails?|e-?mailed|e-?mailing|mail|address|inbox|contact(?:ed|able)?)\b"
                                r"[^.;!?\n]{0,40}$", re.IGNORECASE)
_NOT_MAIL_USERS = frozenset(_split("mum mom mam dad her him his them their me us you she he they it we i nan gran "
                                   "carer carers parent parents family email emails address account inbox"))
# Social media: a handle after '@' ('@sarahjones84'), or a user name with a digit, dot or underscore beside a
# platform ('sarahj84 on snapchat', 'facebook: sarah.jones'); a platform mentioned without one passes ('on facebook
# there were concerning posts'), as do Slack's own '@here', '@channel' and '@everyone'.
_PLATFORMS = (r"facebook|fb|messenger|instagram|insta|ig|snapchat|snap|tik\s?tok|twitter|whats\s?app|telegram|"
              r"youtube|discord|twitch|reddit|kik|roblox|xbox|playstation|psn|steam|threads|onlyfans|linkedin|"
              r"pinterest|tumblr|signal|viber|wechat|tinder|grindr|bumble|hinge|yubo|wink|bereal")
_HANDLE = r"@?[A-Za-z][\w.]{1,29}[A-Za-z0-9_]"
_HANDLE_ON = re.compile(rf"(?<![\w.@<-])(?P<handle>{_HANDLE})\s+(?:on|via|from)\s+(?:the\s+)?(?:{_PLATFORMS}|x)\b",
                        re.IGNORECASE)  # 'x' (Twitter) only after 'on': alone it is a letter
_PLATFORM_HANDLE = re.compile(
    rf"\b(?:{_PLATFORMS})\s*(?:(?:user\s?name|name|handle|account|acc|profile|page|id|tag)\s*)?"
    rf"(?:(?:is|was|as|called|named)\s+|[:=]\s*|-\s+)?(?P<handle>(?<![\w.@<-]){_HANDLE})(?![\w@-])", re.IGNORECASE)
_AT_HANDLE = re.compile(r"(?<![\w.@<&/:+-])@(?P<handle>[A-Za-z_][\w.]{0,29}[A-Za-z0-9_]|[A-Za-z_])(?![\w@-])")
_PLATFORM_WORD = re.compile(rf"\b(?:{_PLATFORMS})\b", re.IGNORECASE)


def _led(alternatives: str) -> str:
    """A lookahead for the first letters of `alternatives` (words joined by '|'), to put before them: it changes
    no match, but the regex engine then skips most places at once instead of trying every word there (half the
    time of the two gates below, which every text goes through)."""
    firsts = sorted({alternative[0] for alternative in alternatives.split("|")})
    return f"(?=[{''.join(firsts)}])" if all(first.isalpha() for first in firsts) else ""


# Gates of `_accounts`: a platform's or a mail provider's name is in the text.
_PLATFORM_OR_X = re.compile(rf"\b{_led(_PLATFORMS + '|x')}(?:{_PLATFORMS}|x)\b", re.IGNORECASE)
_MAIL_WORD = re.compile(rf"\b{_led(_MAIL_NAMES)}(?:{_MAIL_NAMES})\b", re.IGNORECASE)
_SLACK_MENTIONS = frozenset(_split("here channel everyone"))
_SLACK_ID = re.compile(r"[UWB][A-Z0-9]{6,}")  # '@U0ABC123': a colleague's Slack member id, not an account
_PLAIN_STREET_TYPES = (r"road|rd|street|st|avenue|ave|lane|ln|drive|dr|close|cl|crescent|cres|gardens|gdns|terrace|"
                       r"terr|tce|grove|mews|way|court|ct|place|square|sq")
_STREET_TYPES = (r"road|rd|street|st|avenue|ave|av|lane|ln|drive|dr|close|cl|court|ct|crescent|cres|gardens|gdns|"
                 r"terrace|terr|tce|grove|gr|mews|square|sq|place|pl|way|walk|rise|row|hill|parade|vale|side|"
                 r"green|park|view|approach|gate|wharf|yard|croft|fold|heights|meadows?|fields|chase|circus|broadway|"
                 r"bank|mount|quay|embankment|boulevard|crossing|glade|dale|hollow|cottages|paddocks?|orchard|"
                 r"buildings|lodge|mansions|house|flats")
_STREET_WORD = r"(?!(?:in|the|of|a|an|to|at|on|for|with|and|from|by|or|per|weeks?|days?|months?|years?)\b)"
_ADDRESS = (
    re.compile(rf"\b\d{{1,4}}[a-z]?,?\s+(?:{_STREET_WORD}[^\W\d_][\w'’-]*\s+){{1,3}}(?:{_PLAIN_STREET_TYPES})\b\.?",
               re.IGNORECASE),
    re.compile(rf"\b\d{{1,4}}[a-z]?,?\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{_STREET_TYPES.title()})\b\.?"),
    re.compile(r"\b(?:flat|apt|apartment|no\.)\s*\d{1,4}[a-z]?\b", re.IGNORECASE),
    # one word for the street: 'at 101 Kingsway', 'moved to 12 Broadway'
    re.compile(r"(?:(?<=\bat\s)|(?<=\bto\s)|(?<=\bis\s)|(?<=\baddress\s))\d{1,4}[a-z]?,?\s+[A-Z][a-z]+(?:way|gate|row)\b"),
    # a named street with its type in lower case: 'on Milton avenue', 'off the Bishops road' (not 'the high street')
    re.compile(r"(?:(?<=\bon\s)|(?<=\bin\s)|(?<=\boff\s)|(?<=\balong\s)|(?<=\bthe\s))"
               r"(?!(?:High|Main|Ring|Old|New|Back|Front|Top|Bottom|Same|Next|Wrong|Busy)\b)"
               r"[A-Z][a-z'’-]+\s+(?:road|street|avenue|lane|drive|close|crescent|grove|terrace|gardens|mews|"
               r"st|rd|ave|ln|cres|gdns|tce)\b(?!['’])"),
    # a house number, then 'the' and a street's type: 'at 12b the grove', 'number 5 the cottages'
    re.compile(rf"(?:(?<=\bat\s)|(?<=\bis\s)|(?<=\bno\s)|(?<=\bno\.\s)|(?<=\bnumber\s)|(?<=\bto\s))\d{{1,4}}[a-z]?,?"
               rf"\s+the\s+(?:{_STREET_TYPES})\b", re.IGNORECASE),
    # a named estate one lives on: 'on the Broadwater estate', 'moved to the Meadows Estate'
    re.compile(r"(?:(?<=\bon\sthe\s)|(?<=\bto\sthe\s)|(?<=\bfrom\sthe\s)|(?<=\boff\sthe\s))"
               r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+[Ee]state\b"),
    # a house number right after an address label: 'address is no 5 the cottages', 'lives at 7, the mews'
    re.compile(r"\b(?:address\s*(?:is|:)|lives\s+at|living\s+at|staying\s+at)\s*(?:no\.?\s*)?\d{1,4}[a-z]?\b"
               r"(?:,?\s+(?!(?:in|on|at|with|and|for|since|until|but|off|near|so|which)\b)[\w'’-]+){0,3}",
               re.IGNORECASE),
    # a room in a named hotel or hostel: 'room 12 at the Travelodge'
    re.compile(r"\broom\s+\d{1,4}\s+(?:at|in)\s+(?:the\s+)?[A-Z][\w'’-]+"),
    re.compile(r"\b(?:[A-Z][a-z'’-]+\s+){1,2}(?:Road|Street|Avenue|Lane|Drive|Crescent|Gardens|Grove|Terrace|Close|"
               r"Mews|Court|House)\b(?!\s+(?:hearing|order|proceedings|team|school|primary|academy|appointment|clinic|"
               r"hospital|letter|referral|consultant|outpatients?)\b)"
               # 'Lancaster Road Family Centre', 'Hope Street Youth Project': a place named after its street
               r"(?!(?:\s+[\w'’]+){0,2}\s+(?i:centre|center|project|clinic|surgery|practice|hospital|library|"
               r"church|mosque|temple|gurdwara|station|hub|unit|club|hall|nursery|pharmacy|health)\b)"),
)
# A GP's surgery or a health centre narrows where a family lives as a school does, and is found the same way ('the GP
# at Elm Tree Surgery', 'Oakwood Health Centre'), so its words are among a school's kinds (_SCHOOL_TYPE); it is
# reported as its own kind (_HEALTH_PLACE), so the advice fits.
_HEALTH_PLACE_TYPES = r"surgery|(?:health|medical)\s(?:centre|center|practice)"
# A known word's forms that the word lists may not hold ('lapsed', 'attended'): no school is named with one.
_WORD_ENDINGS = ("d", "ed", "ly", "ing")
_SCHOOL_TYPE = re.compile(r"^(?:primary|academy|school|college|infants?|juniors?|nursery|secondary|pru|pre-?school|"
                          rf"rc|ce|high school|referral unit|sixth form|{_HEALTH_PLACE_TYPES})$", re.IGNORECASE)
_OPERATIONS = frozenset(_split("heart eye dental cosmetic plastic brain keyhole knee hip spinal cardiac day minor major"
                               " emergency elective oral laser ear cleft palate"))  # 'had Heart Surgery'
_HEALTH_PLACE = re.compile(rf"\b(?:{_HEALTH_PLACE_TYPES})$", re.IGNORECASE)
# The word for school that Welsh, Irish and Scottish Gaelic schools' names begin with ('Ysgol Gymraeg Aberystwyth',
# 'Gaelscoil Mhuire'), and the Welsh articles that may follow it ('Ysgol y Wern').
_SCHOOL_FIRST = frozenset(_split("ysgol gaelscoil bunscoil sgoil"))
_WELSH_ARTICLES = frozenset(_split("y yr"))
# A school named without 'school', known by what is said around it: 'Year 5 at Holy Trinity', 'the head at
# Meadowbank', 'started at Oakwood in Sept', 'attends Busy Bees', 'the DSL from Sacred Heart', 'school: St Aidan's',
# 'the child's school is St Johns', 'her nursery is Little Acorns', 'her school, St Johns,', 'goes to St Johns',
# 'the school Brookfield' and "Kayla's school Brookfield" (trial 53, F3).
_SCHOOL_CUE = re.compile(
    r"(?:(?:\byear\s*\d{1,2}|\breception|\bhead(?:teacher)?|\bdsl|\bsenco|\bteachers?|\bclass|\bpupil|\bstarted|"
    r"\bstarts|\benrolled|\bon\s+roll)\s+(?:at|from)|\battend(?:s|ing)|\bschool\s*[:=]|"
    r"\b(?:goes|going|moved|moving|transferred|transition(?:ed|ing)?)\s+(?:to|from)|"
    r"\b(?:school|nursery|college)(?:\s+(?:is|was)|\s*,)|\b(?:the|his|her|their)\s+school|['’]s\s+school)\s+"
    r"(?P<name>(?-i:(?:St\.?\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|&))*)|(?:st|saint)\.?\s+[^\W\d_][\w'’-]*)",
    re.IGNORECASE)
_NOT_SCHOOL_WORDS = frozenset(_split("hospital clinic court centre center surgery council team teams service services"
                                     " police station hub unit ward office church mosque temple anonymous club gym"
                                     " group groups"))
# In all-lower text a school is named only with a saint or a church's mark: 'st anne's', 'holy trinity c of e'.
_FAITH_SCHOOL = re.compile(r"\b(?:st|saint|c\s*of\s*e|cofe|ce|rc)\b", re.IGNORECASE)
_FAITH_WORDS = frozenset(_split("holy all saints sacred heart lady blessed trinity cross christ church"))
_GENERIC_BEFORE_SCHOOL = frozenset(_split(
    "the a an this that his her their its our your my new old same local previous current virtual special primary"
    " secondary high junior infant grammar state independent boarding mainstream free sixth form catholic faith"
    " church village at to from in of and or by for no any every each another school's"
    " welsh welsh-medium english-medium gaelic-medium bilingual"  # 'a Welsh-medium school' is no school's name
    " sunday saturday"))  # 'goes to Sunday school' (trial 53)
# What a school is said to be that is no name ('the school is Roman Catholic', 'the school is Requires Improvement').
_SCHOOL_DESCRIPTIONS = frozenset(_split("roman outstanding good requires improvement inadequate special measures"
                                        " rated registered")) | _GENERIC_BEFORE_SCHOOL

_UNITS = _split("first second third fourth fifth sixth seventh eighth ninth")
_ORDINAL_WORD = "(?:" + "|".join([
    *_UNITS, *_split("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                     "nineteenth twentieth thirtieth"), *(f"twenty[- ]?{u}" for u in _UNITS), "thirty[- ]?first"]) + ")"
_DATE = re.compile(
    r"(?=[\dtfsenjmaod])"  # what every date starts with (a digit, 'the', an ordinal, a month): a quick skip elsewhere
    r"(?<![\w/-])(?<!\d\.)(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{8}|"
    r"\d{1,2}[-/]MONTH[-/](?:\d{4}|\d{2})|"
    r"(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|ORDINAL)(?:\s+of)?\s+MONTH\.?,?(?:\s+\d{4})?|MONTH\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|"
    r"MONTH\.?\s+\d{4})(?![\w/])".replace("ORDINAL", _ORDINAL_WORD).replace(
        "MONTH", "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                 "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"),
    re.IGNORECASE)
# The label after the date: '12/03/2015 (DOB)', '12.03.2015 - date of birth'.
_BIRTH_AFTER = re.compile(r"^\s*[(\[–-]\s*(?:dob|d\.\s?o\.\s?b|date\s+of\s+birth|birth\s*date)\b", re.IGNORECASE)
# Day, month and year with spaces, only right after a birth label: 'DOB: 12 03 2015', 'dob 12 3 15'.
_SPACED_DATE = re.compile(
    r"(?<![\w/.-])\d{1,2}(?:\s|\s?[/.-]\s)\d{1,2}(?:\s|\s?[/.-]\s)(?:\d{4}|\d{2})(?![\w/.-]|\s\d)")
# Turning an age, before the day it happens: 'turns 8 on', 'she'll be 12 on'.
_TURNING_AGE = r"(?:turns?|turned|turning|(?:he|she|they)(?:['’]ll|\s+will)\s+be)\s+\d{1,2}"
_BIRTH_BEFORE = re.compile(
    r"(?:\bborn\b(?:\s+[a-z]+ly)?(?:\s+(?:on|in))?|\bb\.|(?<![\w.'’])b(?=\s)|\bdob\b|\bd\.\s?o\.\s?b\.?|\bbirthday\b|\bbirth\s*date\b|"
    r"\bb['’-]?day\b|\bedd\b|\bbaby(?:\s+is)?\s+due(?:\s+on)?|\bexpected\s+(?:date\s+of\s+)?delivery(?:\s+date)?|\bdue\s+date\b|"
    rf"\bdate\s+born\b|date\s+of\s+birth|\b{_TURNING_AGE}\s+on|"
    # 'born in Lagos on 1 May 2011', 'born at home on the 3rd of June'
    r"\bborn\s+(?:in|at)\s+(?:[\w'’-]+\s+){1,3}on)"
    # 'date of birth is 13.05.2019', 'gives her date of birth as 16/02/2019', 'DOB recorded as ...'
    r"(?:\s+(?:is|was|as|of|given\s+as|recorded\s+as|shown\s+as))?(?:\s+on)?[\s:=(-]*"
    # a form's 'Age/DOB: 13, 05/11/2012': the age, then the date
    r"(?:\d{1,2}\s*(?:y(?:rs?|ears?)?(?:\s*old)?)?\s*[,;/]\s*)?(?:the\s+)?$", re.IGNORECASE)
# A date of birth named earlier in the clause: 'DOB recorded wrongly on the referral as 12/05/2013', 'date of birth
# given by the young person is 1 May 2009'; not when the clause is about a meeting or a visit.
_BIRTH_CLAUSE = re.compile(
    r"(?:\bdob\b|\bd\.\s?o\.\s?b\b\.?|date\s+of\s+birth|\bbirth\s*date\b)(?P<gap>[^.;!?\n]{1,50}?)"
    r"(?:\b(?:is|was|as|be|to)\s*:?\s*(?:the\s+)?|\s\()$", re.IGNORECASE)
_NOT_BIRTH = re.compile(r"\b(?:meeting|review|conference|visit|visited|held|seen|appointment|due|until|court|"
                        r"hearing|panel|plan|\d)", re.IGNORECASE)
# A day without its month, or a named day, right after a birth label: 'born on the 3rd', 'birthday is on christmas eve'.
_BIRTH_DAY = re.compile(
    rf"(?=[bdths])\b(?:born|birthday(?:['’]s)?|b['’-]?day|dob|{_TURNING_AGE})\s+(?:is\s+|was\s+)?"
    r"(?:on\s+)?(?:the\s+)?"
    r"(\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}[/.]\d{1,2}(?![/.]?\d)|christmas\s+(?:eve|day)|new\s+year['’]?s\s+(?:eve|day)|boxing\s+day|"
    r"valentine['’]?s\s+day|hallowe['’]?en|bonfire\s+night|st\s+patrick['’]?s\s+day)", re.IGNORECASE)
# A year alone is a date of birth only right after 'born' or 'b.': 'born 2011', 'born in 2011', 'b. 2011'.
# Also a month and year, or a year, after a birth label: 'DOB 03/2017', 'YOB 2012', 'year of birth: 2012'.
# 'b.' is 'born' before a year, as before a date: '(b. 2016)', 'b.2016', 'b 03/2016', '(b 2016)'; a bare 'b' before a
# year alone only in brackets (not 'plan b 2016', 'plan B. 2016 onwards', 'got a b. 2016 was hard').
_BIRTH_YEAR = re.compile(r"\b(?:born\s+(?:in\s+)?|(?:dob|d\.\s?o\.\s?b\.?|yob|year\s+of\s+birth|date\s+of\s+birth)"
                         r"\s*(?:is\s+)?[:=-]?\s*(?:\d{1,2}\s?[/.-]\s?)?|"
                         r"(?<![\w.'’&])(?<!plan\s)(?<!grade\s)(?<!\ba\s)b\.\s*(?:\d{1,2}\s?[/.-]\s?)?|(?<=\()b\s+|(?<![\w.'’&])b\s+\d{1,2}\s?[/.-]\s?)"
                         r"((?:19|20)\d{2})\b(?![/.-]\d)", re.IGNORECASE)

# A place one travels to or from: 'moved to Paris', 'relocated from Kent', 'taking the kids to Brooklyn'.
_TRAVEL_BEFORE = re.compile(
    r"\b(?:moved|moving|move|moves|relocated|relocating|relocate|emigrated|travel(?:l)?ed|travel(?:l)?ing|travels?|"
    r"flew|flying|fly|flies|trips?|holidays?|holidaying|originally|comes|came|returned|returning|deported|fled|"

    r"(?:went|go|goes|going)\s+back|(?:taking|take|takes|took)(?:\s+[\w'’]+){1,3}|lives|lived|living|based|born|"
    # 'mum is from Jordan', "dad's originally from Kent"; not 'the referral is from Ellie'
    r"(?:he|she|they|family|parents|mum|mother|dad|father|carers?|grandparents|nan|gran)(?:\s+(?:is|are|was|were)|['’]s)"
    r"(?:\s+originally)?(?=\s+from))"
    r"\s+(?:back\s+)?(?:to|from|in)\s+$", re.IGNORECASE)
# Going away on holiday: 'Off to Tenerife next week', "we're flying to Lanzarote", 'a week in Benidorm'. A capitalised
# word in no name list after these is a place, as a listed far place is after _TRAVEL_BEFORE; not after 'took him
# to', 'came from' or 'lives with', which may name a person ('took him to Tunde').
_HOLIDAY_BEFORE = re.compile(
    r"(?:\b(?:flew|flying|fly|flies|flights?|holidays?|holidaying|trips?|breaks?|weeks?|fortnight|jetting\s+off|"
    r"(?:i['’]m|we['’]re|i\s+am|we\s+are|heading)\s+(?:off|away))|^\s*(?:off|away))"
    r"\s+(?:to|in)\s+$", re.IGNORECASE)
# Going somewhere on holiday: 'Going to Lanzarote for half term', 'went to Majorca on holiday'; not 'going to Tunde
# for the weekend', which may be a person.
_GOING_BEFORE = re.compile(r"\b(?:go|goes|going|gone|went)\s+to\s+$", re.IGNORECASE)
_HOLIDAY_AFTER = re.compile(r"^\s+(?:for\s+(?:the\s+|a\s+)?(?:half[- ]?term|holidays?)|on\s+holiday)\b", re.IGNORECASE)
# Admitted to a hospital: "admitted to Guy's", 'transferred to Great Ormond Street'.
_ADMITTED = r"\b(?:admitted|transferred|rushed|blue[- ]lighted|discharged)\s+(?:to|from|into|at)\s+"
_CARE_PLACE_BEFORE = re.compile(rf"{_ADMITTED}(?:the\s+)?$", re.IGNORECASE)
# Admitted to a hospital earlier in the clause: "admitted to Guy's and St Thomas'".
_CARE_CLAUSE = re.compile(rf"{_ADMITTED}[^.;:!?]*$", re.IGNORECASE)
# Drawing on an author: 'draw on Maslow', 'citing Bowlby'; "using Munro's point".
_SOURCE_BEFORE = re.compile(r"\b(?:draws?|drawing|drew|drawn)\s+on\s+(?:the\s+)?$|\b(?:cite|cites|cited|citing)\s+$|"
                            r"\b(?:with\s+)?reference\s+to\s+$", re.IGNORECASE)
# Praise or thanks addressed to a colleague: 'Great work Jess,', 'Well done Sam.'
_VOCATIVE_BEFORE = re.compile(r"\b(?:thanks|thank\s+you|well\s+done|(?:great|good|nice|brilliant|excellent|lovely)\s+"
                              r"(?:work|job|practice|analysis|recording)|kudos|cheers|hi|hello|dear)[,!]?\s+$",
                              re.IGNORECASE)
_HOSPITAL_VISIT = frozenset(_split("appointment appointments visit visits stay admission admissions notes records bed"
                                   " letter letters passport"))  # "Kai's Hospital appointment"
_CONDITIONS = frozenset(_split("syndrome disease palsy sarcoma effect"))
_USING_BEFORE = re.compile(r"\b(?:use|uses|used|using|apply|applies|applied|applying)\s+$", re.IGNORECASE)
# What a saint's name may stand for that is not a school: "St Christopher's fostering agency", "St Luke's hospice".
_SAINT_INSTITUTIONS = frozenset(_split("agency fostering adoption hospice hospital church cathedral parish trust"
                                       " foundation centre center clinic ward day charity"))
# Departments colleagues work in: 'Tom in performance for pulling the data', 'Sue from legal said'.
_DEPARTMENTS = frozenset(_split("performance finance legal hr admin commissioning payroll comms communications it ict "
                                "data business training workforce procurement insight intelligence"))
_TEAM_AFTER = re.compile(r"^(?:\s+from\s+(?:the\s+)?(?-i:[A-Z]{2,6}s?)\b(?!\s+(?-i:[A-Z]))|\s+(?:in|from)\s+(?:the\s+)?"
                         r"(?:early\s+help\b|front\s+door\b|(?:[\w'’-]+\s+){1,3}(?:team|panel)\b(?!\s+around)))",
                         re.IGNORECASE)
_SCHOLARLY = frozenset(_split("point points argument arguments idea ideas concept concepts research findings work "
                              "theory thinking approach"))
_NOT_PLACES = frozenset(_split("family crown county magistrates youth supreme appeal high children's the a"))
_COURTS = frozenset(_split("family crown county magistrates magistrates' youth coroner's coroners"))
SERVICE_PREFIXES = ("03", "08", "116", "101", "111", "999", "112", "0500")
# A council's own lines are often ordinary 01 or 02 numbers ('our LADO team is on 01632 960123', 'the emergency duty
# team: 01632 960000'; trial 17: a QA lead could not give the LADO's number). A landline whose clause names the
# service it rings is the service's, unless the clause is about a person or a home; a mobile never is.
_LINE_OWNER_BEFORE = re.compile(
    r"\b(?:lado|mash|front door|duty (?:team|desk|line|service)|emergency duty|edt|out of hours|helpline|help line|"
    r"advice line|switchboard|contact cent(?:re|er)|hub|service|team|office)(?:'s)?"
    r"(?:,?\s+(?:team|service|desk|line|number|tel|phone|telephone|is|are|can|be|reached|called|rung|on|at|via))*"
    r"\s*[:\-–—(,]?\s*$", re.IGNORECASE)
_PERSONAL_BEFORE = re.compile(
    r"\b(?:mum|mom|mother|dad|father|parents?|carers?|step\w*|grand\w*|nan|nana|aunt\w*|uncle|family|home|his|her|"
    r"their|child(?:'s)?|boy|girl|baby|son|daughter|brother|sister|partner|boyfriend|girlfriend|neighbour|friend|"
    r"mobile|mob|personal|private|whats\s?app|text|school|nursery|college|academy|rang|phoned|called|texted|"
    r"spoke)\b", re.IGNORECASE)


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit: 10 digits whose weighted sum gives the last one."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# Speed: every text people type, and every knowledge-base text at each `kb check` and first start (74,000 at
# 20,000 entries), is scanned with the patterns above, and a scan costs as much when nothing matches, which is
# nearly always. So a pattern is tried only on a text holding what it cannot match without: a digit, '@', a birth
# word, an ordinal or a street's type. Each anchor is a necessary condition of its pattern, so the findings are
# exactly those of scanning every text (tests/unit/test_privacy_speed_exact.py compares both on the tuning corpora
# and the knowledge base). At 20,000 entries this took `kb check`'s scan of the structured kinds from 28 s of CPU
# to 12 s, and with content_names' share, the whole screen from 54 s to 26 s.
_DIGIT = re.compile(r"\d")
_ANCHORS: dict[re.Pattern[str], tuple[re.Pattern[str], ...]] = {  # each pattern: what it needs, all of them
    _UPN: (_DIGIT, re.compile(r"\d(?:[ -]?\d){10}")),  # eleven digits
    _NINO: (_DIGIT, re.compile(r"\d\d[ -]?\d\d[ -]?\d\d")),
    _NINO_LOOSE: (_DIGIT, re.compile(r"\d\d[ -]?\d\d[ -]?\d\d")),
    _CMS: (_DIGIT, re.compile(r"\d\s?\d\s?\d\s?\d")),  # four digits, as every way of writing a record id has
    _SPACED_DATE: (_DIGIT,),
    _BIRTH_YEAR: (_DIGIT, re.compile(r"(?:19|20)\d\d")),
    _DIGIT_RUN: (_DIGIT, re.compile(r"\d[\d .()\-]{5,20}\d")),
    _POSTCODE: (_DIGIT, re.compile(r"\d[A-Z]{2}", re.IGNORECASE)),  # the inward half: '4AB', 'GIR 0AA'
    _OUTWARD: (_DIGIT, re.compile(r"[A-Z]\d")),  # a postcode area's last letter, then its district
    _EMAIL: (re.compile("@"),),
    _SPELT_EMAIL: (re.compile(r"(?:\.|\sdot\s+)(?:com|co|org|net|uk|gov|io|ie|me|info)", re.IGNORECASE),),
    # a number, or a day written as an ordinal ('the first of May')
    _DATE: (re.compile(r"(?=[\dfsten])(?:\d|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                       r"eleventh|twelfth|teenth|twentieth|thirtieth)", re.IGNORECASE),),
    _BIRTH_DAY: (re.compile(r"(?=[\dbd])(?:born|birthday|b['’-]?day|dob|\d)", re.IGNORECASE),),
    **dict.fromkeys(_ADDRESS[:3], (_DIGIT,)),
    # patterns led by lookbehinds: what must follow them (a scan for it skips most places at once)
    _ADDRESS[3]: (_DIGIT, re.compile(r"\d[a-z]?,?\s+[A-Z][a-z]+(?:way|gate|row)\b")),
    _ADDRESS[4]: (re.compile(r"\s(?:road|street|avenue|lane|drive|close|crescent|grove|terrace|gardens|mews|st|rd|"
                             r"ave|ln|cres|gdns|tce)\b"),),
    _ADDRESS[5]: (_DIGIT, re.compile(r"\d[a-z]?,?\s+the\s", re.IGNORECASE)),
    _ADDRESS[6]: (re.compile(r"[Ee]state\b"),),
    _ADDRESS[7]: (_DIGIT, re.compile(r"address|lives|living|staying", re.IGNORECASE)),
    _ADDRESS[8]: (_DIGIT, re.compile(r"room\s+\d")),
    _ADDRESS[9]: (re.compile(r"\s(?=[RSALDCGTMH])(?:Road|Street|Avenue|Lane|Drive|Crescent|Gardens|Grove|Terrace|"
                             r"Close|Mews|Court|House)\b"),),
}
ANCHORED = True  # tests turn it off to show the anchors change no finding


class _Scans:
    """One text's scans, each pattern only where its anchors are (see _ANCHORS); each anchor is looked for once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._present: dict[re.Pattern[str], bool] = {}

    def finditer(self, pattern: re.Pattern[str]) -> Iterable[re.Match[str]]:
        for anchor in _ANCHORS.get(pattern, ()) if ANCHORED else ():
            present = self._present.get(anchor)
            if present is None:
                present = self._present[anchor] = anchor.search(self.text) is not None
            if not present:
                return ()
        return pattern.finditer(self.text)


def structured_hits(text: str) -> list[Hit]:
    """NHS and National Insurance numbers, UPNs, case-system ids, phones, emails, postcodes, addresses and dates of
    birth."""
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    scans = _Scans(text)

    def add(kind: str, start: int, end: int) -> None:
        hits.append(Hit(kind, text[start:end].strip(" ,.;:")))
        taken.append((start, end))

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in scans.finditer(_EMAIL):
        if " " not in m.group(0) or _MAIL_ENDING.search(m.group(0)):  # 'jo85 @ live.co.uk', not 'mum @ home.she'
            add("email", m.start(), m.end())
    for m in scans.finditer(_SPELT_EMAIL):
        if free(m.start(), m.end()) and _spelt_email(m):
            add("email", m.start(), m.end())
    _accounts(text, add, free)
    _national_insurance(text, scans, add, free)
    for m in scans.finditer(_UPN):
        if free(m.start(), m.end()):
            add("upn", m.start(), m.end())
    for m in scans.finditer(_CMS):
        if free(m.start(), m.end()):
            add("cms_id", m.start(), m.end())
    for m in scans.finditer(_DATE):
        if free(m.start(), m.end()) and (_birth_date_before(text[max(0, m.start() - 70):m.start()])
                                         or _BIRTH_AFTER.match(text[m.end():m.end() + 20])):
            add("dob", m.start(), m.end())
    for m in scans.finditer(_SPACED_DATE):
        if free(m.start(), m.end()) and _BIRTH_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            add("dob", m.start(), m.end())  # 'DOB: 12 03 2015'
    for m in scans.finditer(_BIRTH_DAY):
        if free(m.start(1), m.end(1)):
            add("dob", m.start(), m.end())
    for m in scans.finditer(_BIRTH_YEAR):
        if free(m.start(1), m.end(1)):
            add("dob", m.start(), m.end())
    for m in scans.finditer(_DIGIT_RUN):
        if free(m.start(), m.end()):
            kind = _number_kind(m.group(0), text[max(0, m.start() - 60):m.start()])
            if kind:
                add(kind, m.start(), m.end())
    for m in scans.finditer(_POSTCODE):
        if free(m.start(), m.end()) and _looks_like_postcode(m.group(0)) and not _SECTION.fullmatch(m.group(0)):
            add("postcode", m.start(), m.end())
    for m in scans.finditer(_OUTWARD):
        if free(m.start(), m.end()) and _is_postcode_district(text, m):
            add("postcode", m.start(), m.end())
    _addresses(text, scans, add, free)
    return hits


def _addresses(text: str, scans: _Scans, add: Callable[[str, int, int], None],
               free: Callable[[int, int], bool]) -> None:
    """Addresses (_ADDRESS), added as `structured_hits` adds its own; a street-like name without a house number is
    none where it is a court, a landmark or venue, or a building no one is said to live in."""
    for pattern in _ADDRESS:
        for m in scans.finditer(pattern):
            words = [w.casefold() for w in m.group(0).split()]
            if free(m.start(), m.end()) and words[0] not in _NOT_PLACES and not (
                    pattern is _ADDRESS[-1] and (any(w in _COURTS for w in words)  # 'Bromley Family Court'
                                                 or _landmark(text[max(0, m.start() - 60):m.start()])
                                                 or _building(words, text[max(0, m.start() - 60):m.start()]))):
                add("address", m.start(), m.end())


def _national_insurance(text: str, scans: _Scans, add: Callable[[str, int, int], None],
                        free: Callable[[int, int], bool]) -> None:
    """National Insurance numbers (see _NINO): in their own shape anywhere, in a looser one after an NI label ('mum's
    ni number is qq 123456 c'). A benefits claim needs one, so people copy it from a letter into a question."""
    for m in scans.finditer(_NINO):
        if free(m.start(), m.end()):
            add("nino", m.start(), m.end())
    for m in scans.finditer(_NINO_LOOSE):
        if free(m.start(), m.end()) and _NINO_LABEL.search(text[max(0, m.start() - 40):m.start()]):
            add("nino", m.start(), m.end())


def _accounts(text: str, add: Callable[[str, int, int], None], free: Callable[[int, int], bool]) -> None:
    """Emails without their ending and social-media account names, added as `structured_hits` adds its own. Each
    pattern is tried only where its anchor is in the text ('@', a mail provider, a platform): most texts have none."""
    at = "@" in text
    for m in _BARE_EMAIL.finditer(text) if at else ():
        if free(m.start(), m.end()) and (m.group("domain").casefold() in _MAIL_NAME_SET
                                         or _account_like(m.group("user"))):
            add("email", m.start(), m.end())  # 'sarahjones84@gmail'
    for m in _SPELT_BARE_EMAIL.finditer(text) if _MAIL_WORD.search(text) else ():
        user = m.group("user")
        if free(m.start(), m.end()) and user.casefold() not in _NOT_MAIL_USERS and (
                _account_like(user) or " dot " in user.casefold()
                or _EMAIL_WORD_BEFORE.search(text[max(0, m.start() - 60):m.start()])):
            add("email", m.start(), m.end())  # 'sarahjones84 at gmail', 'emails from sarahjones at hotmail'
    for pattern in (_HANDLE_ON, _PLATFORM_HANDLE) if _PLATFORM_OR_X.search(text) else ():
        for m in pattern.finditer(text):
            handle = m.group("handle")
            if free(m.start("handle"), m.end("handle")) and (handle.startswith("@") or _account_like(handle)) \
                    and not _version(handle):
                add("handle", m.start("handle"), m.end("handle"))  # 'sarahj84 on snapchat', 'insta: sj_2011'
    for m in _AT_HANDLE.finditer(text) if at else ():
        handle = m.group("handle")
        if free(m.start(), m.end()) and handle.casefold() not in _SLACK_MENTIONS and not _SLACK_ID.fullmatch(
                handle) and (_account_like(handle) or _PLATFORM_WORD.search(text[max(0, m.start() - 60):m.end() + 60])):
            add("handle", m.start(), m.end())  # 'on facebook as @sarahjones84', '@sarahjones84'


def _landmark(before: str) -> bool:
    """A street-like name without a house number that is a building or a hospital, not a home: 'the Sydney
    Opera House', 'transferred to Great Ormond Street', a venue where work happens ('book a room at Oakfield House',
    'family time is held at Oakfield House'; trial 15, F8; 'the hall on King Street', not 'they live near the church
    on King Street'), or the end of a longer title joined by 'and' ('the Family Drug and Alcohol Court')."""
    return bool(re.search(r"\bthe\s+$", before, re.IGNORECASE) or _CARE_PLACE_BEFORE.search(before)
                or (_VENUE_BEFORE.search(before) and not _HOME_BEFORE.search(before))
                or _TITLE_AND_BEFORE.search(before))


def _building(words: list[str], before: str) -> bool:
    """A named building with no house number ('Horizon House') where nothing before it says someone lives there: an
    office, a resource or contact centre, a children's home, where work happens ('contact is at Horizon House';
    fix43c). 'mum lives at Oakfield House', 'moved to Whitfield House', 'her flat is in Jubilee House' are homes."""
    return words[-1] in _BUILDINGS and (not _HOME_BEFORE.search(before) or bool(_WORK_MOVED_BEFORE.search(before)))


# The types of a named building that is more often a workplace than a home ('Horizon House'); a street's are homes.
_BUILDINGS = frozenset(_split("house"))
# Words saying that someone lives in the building named after them, a few words before it: 'lives at', 'moved into',
# 'staying with nan at', 'her new flat is in', 'address is', 'Flat 7,'.
_HOME_BEFORE = re.compile(r"\b(?:lives?|lived|living|resides?|resided|residing|stay(?:s|ed|ing)?|moved|moving|move|"
                          r"housed|rehoused|address|flat|apartment|apt|tenancy|bedsit|home\s+visits?)\b"
                          r"(?:[\s,:]+[\w'’-]+){0,4}?[\s,:]+$", re.IGNORECASE)
# A workplace or a piece of work that moved, not a family: 'our office has moved to Civic House', 'contact moved to'.
_WORK_MOVED_BEFORE = re.compile(r"\b(?:office|offices|team|service|contact|meeting|session|review|conference|base|hub|"
                                r"clinic|centre|panel|training)s?\s+(?:(?:has|have|had|is|was|are|were|will)\s+)?"
                                r"(?:been\s+|be\s+)?(?:moved|moving|move)\s+(?:to|into)\s+$", re.IGNORECASE)
# A capitalised word that is no street's type, then 'and': the name after it ends a title ('Drug and Alcohol Court'),
# not an address ('Elm House and Mill Court' is two).
_TITLE_AND_BEFORE = re.compile(rf"\b(?!(?i:{_STREET_TYPES})\b)[A-Z][\w'’-]*\s+and\s+$")
# Words saying that a building is where work happens: 'a room at', 'held at', 'the session at', 'offices in'.
_VENUE_BEFORE = re.compile(r"\b(?:rooms?|held|booked|based|meetings?|sessions?|offices?|venue|reception|halls?|"
                           r"centres?|centers?|clinics?|hubs?|library|church|mosque|temple|gurdwara)\s+"
                           r"(?:at|in|on)\s+$", re.IGNORECASE)


def _spelt_email(m: re.Match[str]) -> bool:
    """A spelt-out email, not 'looked at bbc.co.uk': the name part has a dot, digit or underscore, or the
    domain is a mail provider's."""
    user = m.group("user")
    return bool(re.search(r"[._\d]|\sdot\s", user)) or m.group("domain").casefold() in _MAIL_PROVIDERS


def _account_like(name: str) -> bool:
    """A user name as people make them, not a word: letters with a digit, an underscore or a dot between parts
    ('sarahjones84', 'sj_2011', 'sarah.jones'); a number alone or a word is none."""
    bare = name.lstrip("@")
    return sum(c.isalpha() for c in bare) >= 2 and bool(re.search(r"\d|_|[^\W\d_]\.[^\W\d_]", bare))


def _version(name: str) -> bool:
    """A version, a product or a school year, not an account: 'v2.3', 'iOS17', 'PS4', 'Year10', 'KS2'."""
    numbered = re.fullmatch(r"([A-Za-z]+)\d+(?:\.\d+)*[a-z]?", name)
    return numbered is not None and numbered.group(1).casefold() in _NUMBERED_THINGS


_NUMBERED_THINGS = frozenset(_split("v ver version ios android windows win mac macos ps psn xbox switch iphone galaxy "
                                    "ks year yr y covid mp gcse level tier stage step phase part page form room flat "
                                    "ward unit bus route section s a b c"))


def _birth_date_before(before: str) -> bool:
    """The words before a date make it a date of birth: 'born', 'DOB:', or a clause about the date of birth."""
    if _BIRTH_BEFORE.search(before[-30:]):
        return True
    clause = _BIRTH_CLAUSE.search(before)
    return clause is not None and not _NOT_BIRTH.search(clause.group("gap"))


def _number_kind(candidate: str, before: str) -> str | None:
    digits = re.sub(r"\D", "", candidate)
    labelled_nhs = bool(_NHS_LABEL.search(before))
    health_clause = not digits.startswith("0") and bool(_HEALTH_LABEL.search(before))
    if len(digits) == 10 and (labelled_nhs or health_clause or (not digits.startswith("0")
                                                                and nhs_number_is_valid(digits))):
        return "nhs"
    if labelled_nhs and len(digits) >= 9:
        return "nhs"
    if len(digits) == 10 and digits.startswith("7") and _PHONE_LABEL.search(before):
        return "phone"  # 'mob: 7700 900123': a mobile without its 0, labelled
    if not _is_private_phone(candidate, digits):
        return None
    return None if _is_service_line(digits, before) else "phone"


def _is_service_line(digits: str, before: str) -> bool:
    """A landline the words before it give to a service ('the LADO team on 01632 960123'), in the same clause and
    with no person or home in it ('mum's home number', 'the family's landline')."""
    national = "0" + digits.removeprefix("44").removeprefix("0") if digits.startswith("44") else digits
    if not national.startswith(("01", "02")):
        return False
    clause = re.split(r"[.;!?\n]", before)[-1]
    return bool(_LINE_OWNER_BEFORE.search(clause)) and not _PERSONAL_BEFORE.search(clause)


def _is_private_phone(candidate: str, digits: str) -> bool:
    """UK numbers: 10 or 11 digits from the leading 0, or +44/0044 then 9 or 10; service lines are fine."""
    compact = candidate.lstrip("(").replace(" ", "")
    if compact.startswith("+44") or compact.startswith("0044"):
        national = digits[2:] if compact.startswith("+") else digits[4:]
        national = "0" + national.removeprefix("0")
        if national.startswith("00"):
            return False
        digits = national
    if not digits.startswith("0") or len(digits) not in (10, 11):
        return False
    return not digits.startswith(SERVICE_PREFIXES)


def _is_postcode_district(text: str, m: re.Match[str]) -> bool:
    """'lives in LS11', 'near BS5', 'the WF1 2 area': a postcode's first half where a place is meant. Single-letter
    areas and Sheffield's S17, S47 (sections of the Children Act) count only with 'area' or a sector digit."""
    area_after = bool(_AREA_AFTER.match(text[m.end():m.end() + 12])) or bool(m.group(2)) or bool(
        re.search(r"\bpost\s?code\s*(?:is\s*)?[:=-]?\s*$", text[max(0, m.start() - 20):m.start()], re.IGNORECASE))
    if area_after:
        return True
    return len(m.group(1)) > 1 and bool(_PLACE_PREPOSITION.search(text[max(0, m.start() - 25):m.start()]))


def _looks_like_postcode(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    return 5 <= len(compact) <= 7 and compact[-3].isdigit() and compact[-2:].isalpha()


# ---------------------------------------------------------------- names and schools

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")
TITLES = frozenset({"mr", "mrs", "ms", "miss", "master", "mx"})
# Professionals may be named beside their role: 'Dr Patel', 'Mason the IRO', 'SW Hannah Price'.
ROLES = frozenset(_split("""
dr doctor sw ssw tm iro dsl hv gp pc ds dc sgt inspector judge magistrate guardian cafcass nurse midwife
paediatrician consultant psychologist psychiatrist therapist teacher head headteacher senco dslo lado ap pa
worker practitioner manager officer visitor solicitor barrister counsel advocate chair chaired interpreter
councillor cllr director lead supervisor assessor mentor coordinator co-ordinator caseworker keyworker
professor prof dsp am asye nqsw social police health reviewing independent service team advanced senior
auditor auditors moderator moderated reviewer atm hos qa chairperson tutor coach educator
justice lj hhj dj qc kc lord lady dame sir baroness mp
pastor vicar priest imam rabbi chaplain reverend rev doc
"""))  # the last line: faith leaders and a doctor as people write them ('pastor said', 'doc said it was a sprain')
RELATIONS = frozenset(_split("""
mum mother mom mam dad father stepdad stepfather stepmum stepmother nan nana nanny gran granny grandma
grandmother grandad grandfather grandpa aunt auntie aunty uncle brother sister sibling siblings cousin
partner boyfriend girlfriend husband wife son daughter baby child yp niece nephew twin twins carer carers
step-dad step-mum half-brother half-sister
nanna nannie mummy daddy mammy mommy grandmum granddad grampa gramps grampy stepmom step-mom
"""))  # the last line: more spellings people type before a name ('nanna pat', 'Grampa Joe'; trial 11)
# Verbs that follow a person far more often than a thing: 'Gabija needs', 'Destiny ran off', 'Jack absconded'.
_SPEAKING_VERBS = """
was is has had said says told tells disclosed presented reported stated feels felt wants wanted likes liked
attended attends lives lived moved went seen wasn't isn't hasn't hadn't
"""
# Verbs a thing can take too ('Contact got moved', 'Bill arrived'): after an everyday word they are no cue.
_DOING_VERBS = """
needs needed ran runs got gets absconded refused refuses cried shouted screamed laughed smiled enjoys enjoyed loves
loved hates hated keeps kept misses missed struggles struggled spoke talked asked asks engaged arrived returned
denies denied prefers preferred seems seemed appears appeared continues continued became remains remained began
started would could should can't cannot won't wouldn't couldn't must didn't doesn't
talks speaks explains explained describes described shares shared drew draws wrote writes plays played
goes went comes came sleeps slept eats ate sits sat walks walked
"""
_PERSON_VERBS = _SPEAKING_VERBS + _DOING_VERBS
# With or without the apostrophe people leave out on phones: "didn't", "didn’t" and "didnt" are one word.
_PERSON_VERB_WORDS = frozenset(word.replace("'", apostrophe) for word in _split(_PERSON_VERBS + " disclosed discloses")
                               for apostrophe in ("'", "’", ""))
# Past tenses that the name lists also hold as surnames: after a name they say what the person did ('mrs begum rang').
_PAST_TENSES = frozenset(_split("rang rung sang fell grew stole rode fought hung stuck struck shook swam lay"))
_AUXILIARIES = frozenset(_split("can could will would shall should must may might do does did are were be been being"))
# An adverb may stand between the name and its verb: 'Ruby finally said', 'Jack also went'.
_ADVERB = (r"(?:\s+(?:also|then|still|now|never|always|just|often|sometimes|again|later|(?!(?:family|early|only|"
           r"july|holy|italy|reply|supply|apply|weekly|daily|monthly)\b)[a-z]{3,}ly))?")


def _alternatives(words: str) -> str:
    """The words of a list as a pattern's alternatives, each contraction with its apostrophe typed or left out."""
    return "|".join(word.replace("'", "['’]?") for word in _split(words))


# A negated auxiliary as people type it, apostrophe or none: "wasn't", 'wasnt', "didn’t", 'cant', 'wont'; and of
# those, the ones negating what someone does ('didnt', 'cant'), not what they are ('wasnt').
_NOT_DO_WORD = r"(?:(?:do|does|did|could|would|should|must|ca|wo)n['’]?t|cannot)"
NEGATED = rf"(?:(?:is|was|were|are|has|have|had)n['’]?t|{_NOT_DO_WORD})"
# The negated forms of 'was' and 'has been': "wasn't at home" says what 'was not at home' says.
NEGATED_BEING = r"(?:(?:is|was|were|are)n['’]?t|(?:has|had|have)n['’]?t\s+been)"
# What only a person does not do ('didnt go to school', "won't come home", 'cant sleep', "doesn't want to see dad"):
# enough even for a name that is a place or an English word first ('chelsea didnt go to school', not 'kent wont fund
# it' or 'kent didnt attend the meeting').
_NOT_DOING_ALONE = (r"(?:go\s+(?:to\s+(?:school|nursery|college|bed|sleep)|home|missing)|come\s+(?:back\s+)?home|"
                    r"return\s+home|sleep|eat|cry|feel\s+(?:safe|happy|loved|listened\s+to)|"
                    r"want\s+to\s+(?:go\s+(?:home|to\s+school)|live\s+with|see\s+(?:mum|dad|nan|her|him|them)))\b")
_NOT_DO = rf"(?:{NEGATED}|(?:did|does|do|will|would|could|can)\s+not)\s+"
NOT_DOING = rf"{_NOT_DO}{_NOT_DOING_ALONE}"
# What a person does not do, enough for a name that is also an English word ('jack didnt attend', "faith won't engage",
# 'ruby cant say why'); not what a thing fails to do ('faith didnt help her', 'jack didnt work', 'penny didnt drop').
NOT_DOING_PERSON = (rf"{_NOT_DO}(?:want\s+to\s+)?(?:{_NOT_DOING_ALONE}|(?:attend|engage|speak|talk|say|tell|disclose|"
                    r"answer|open\s+the\s+door|turn\s+up|show\s+up|get\s+up|settle|cope|listen|understand|remember|"
                    r"feel|like|love|want|see|know|go|come|agree|trust|respond|reply|behave|wake\s+up)\b)")
_NOT_DOING_AFTER = re.compile(rf"^{_ADVERB}\s+{_NOT_DO_WORD}\b", re.IGNORECASE)
NOT_DOING_PERSON_AFTER = re.compile(rf"^{_ADVERB}\s+{NOT_DOING_PERSON}", re.IGNORECASE)
# Before a friend's word that is no name: a greeting or a word describing the friend ('cheers Mate', 'best Mate').
_FRIEND_BEFORE = frozenset(_split("cheers thanks ta hi hiya hello hey alright oi best old good little big new me ya "
                                  "yer"))
PERSON_AFTER = re.compile(
    r"^(?:'s\b|’s\b|\s*\((?:aged?\s*)?\d{1,2}\)|\s*,\s*(?:aged?\s*)?\d{1,2}\b|\s+aged?\s*\d{1,2}\b(?!\s*(?:%|weeks|days|months))|"
    r"\s+\((?:mother|father|mum|dad|child|yp|brother|sister|aged?)\b|"
    rf"{_ADVERB}\s+(?:{_alternatives(_PERSON_VERBS)})\b|\s+and\s+(?:his|her)\b|"
    r"\s*[-–,(]?\s*(?:known\s+as|nicknamed|short\s+for)\b|"
    # a plan for someone: 'Paris to continue with CAMHS', 'Kofi to stay with his aunt'
    r"\s+to\s+(?:continue|attend|engage|stay|remain|live|spend|return|keep|move|start|join|access)\b)",
    re.IGNORECASE)
# Cues that only a person takes, strong enough for a word that is also common or only a surname:
# 'Blessing is in Year 10', 'Rose is 15 and', 'Summer (8)', 'Harvey - known as'.
_DOING_AFTER = re.compile(rf"^{_ADVERB}\s+(?:{_alternatives(_DOING_VERBS)})\b", re.IGNORECASE)
# 'Frank (maternal grandfather)', 'Mo (dad)': a relation in brackets after a name.
_RELATION_BRACKET = re.compile(rf"^\s*\((?:(?:maternal|paternal|birth|step|older|younger|half|great|big|little)[\s-]+)*"
                               rf"(?:{'|'.join(sorted(RELATIONS))})\b", re.IGNORECASE)
PERSON_STRONG = re.compile(
    r"^(?:\s+[-–]\s+\d{1,2}(?:\s*(?:yrs?|years?(?:\s+old)?|y/?o))?\s*(?:[,;]|$)|"  # 'Amber - 11, in foster care'
    rf"{_RELATION_BRACKET.pattern[1:]}|"
    r"\s*\((?:aged?\s*)?\d{1,2}\)|\s*,\s*aged?\s*\d{1,2}\b|\s+aged\s*\d{1,2}\b(?!\s*(?:%|weeks|days|months))|"
    r"\s+(?:is|was)\s+(?:now\s+)?(?:in\s+year\s+\d{1,2}\b|\d{1,2}\s*(?:and\b|,|years?\b|yrs?\b|yo\b|now\b|\.|$))|"
    r"\s*[-–,(]?\s*(?:known\s+as|nicknamed)\b)",
    re.IGNORECASE)
# Late for school, or kept out of it: only a child is ('mercy has been late to school', 'storm was excluded for a day';
# fix43c).
OUT_OF_SCHOOL = (r"(?:late|absent)\s+(?:to|for|from)\s+(?:school|nursery|college|class|lessons|registration)|"
                 r"excluded\s+(?:from\s+(?:school|nursery|college|class|lessons)|for\s+(?:a|the|one|two|three|\d+)\s+"
                 r"(?:day|days|week|weeks)\b)")
# What is said only of a person, never of a thing, a place or a council: 'was not at home',
# 'is at school', 'was hit', 'ran off', 'said she was', 'lives with nan'. Enough for a word that is a name second and a
# place or an English word first ('chelsea was not at home', not 'kent said they would fund it'; 'storm said she was
# scared', not 'gun was found'): see NameFinder._word_first.
_ONLY_A_PERSON = re.compile(
    rf"^{_ADVERB}\s+(?:(?:cried|absconded|disclosed|discloses|ran\s+(?:off|away)|went\s+missing|"
    r"(?:lives|lived|living|stays|stayed|staying)\s+with|"
    # a plan for a child: 'Paris to continue with CAMHS', 'chelsea to attend school daily'
    r"to\s+(?:attend|engage|continue\s+(?:with|at|to\s+attend)|stay\s+with|live\s+with|remain\s+(?:with|at\s+home)|"
    r"return\s+home)|"
    r"(?:said|says|told|tells)(?:\s+that)?\s+(?:she|he|her|him|me|us|mum|dad|nan|the\s+(?:teacher|sw|worker|police))"
    rf")\b|{NOT_DOING}|(?:(?:was|is|were|ha[sd]\s+(?:not\s+)?been)(?:\s+not)?|{NEGATED_BEING})\s+"
    r"(?:at\s+(?:home|school|nursery|college)|(?:in|to)\s+(?:school|nursery|college)|home\s+alone|"
    r"asleep|hungry|poorly|afraid|scared|frightened|upset|tearful|distressed|crying|hit|hurt|injured|bruised|smacked|"
    r"slapped|kicked|punched|assaulted|abused|bullied|in\s+care|absent|in\s+year\s+\d{1,2}|"
    r"(?:reported\s+)?missing\s+from\s+(?:care|home|school|placement|(?:her|his|their)\s+placement)|reported\s+missing|"
    rf"seen\s+(?:alone|at\s+(?:home|school|nursery))|{OUT_OF_SCHOOL}|arrested|remanded|cautioned)\b)", re.IGNORECASE)
# One's own family after 'and', perhaps with a word for which one: 'and her sister', 'and her little sister'.
WITH_OWN_FAMILY = (r"and\s+(?:his|her|their)\s+(?:(?:little|big|older|younger|elder|baby|twin|half|step)[\s-]+)?"
                   rf"(?:{'|'.join(sorted(RELATIONS))})\b")
# Seasons, months, days and holidays: when a round of audits or an action falls ('Voice of the child winter',
# 'Young person spring', 'plan for the child summer'). Several are given names too ('summer', 'april', 'autumn').
SEASONS = frozenset(_split("spring summer autumn winter midsummer midwinter"))
CALENDAR_WORDS = SEASONS | frozenset(_split("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday christmas xmas easter halloween
"""))
# Words for any child or young person, not for one of a family ('the child', 'young person', 'children'): in a title a
# season or a month after one is when ('Voice of the child winter'); after a family word it is a name ('sister april',
# 'baby summer').
CHILD_IN_GENERAL = frozenset(_split("child children kid kids yp cyp person pupil pupils student students teen teens"
                                    " teenager teenagers toddler toddlers babies siblings"))
# After a season or a month, what says the child is meant: 'who' ('the child summer, who is 8'); a person's verb is
# PERSON_AFTER ('child summer said').
_WHO_AFTER = re.compile(r"^,?\s+who\b", re.IGNORECASE)
# A piece of work just before 'called' or 'named': the cue names the work, not a child, and 'called' is no phoning
# ('a campaign called spring refresh', 'an audit named winter review', 'a programme called hope'). Not 'review', 'plan',
# 'report' or 'referral', which name the people in them ('the referral named jayden').
_WORK = (r"\b(?:campaign|audit|round|checklist|project|programme|program|theme|initiative|scheme|course|training|"
         r"workshop|module|tool|toolkit|app|framework)s?\s+")
WORK_BEFORE_CUE = re.compile(rf"{_WORK}$", re.IGNORECASE)
_WORK_CALLED = re.compile(rf"{_WORK}(?:called|named)\s+$", re.IGNORECASE)
# Asked to meet someone, as an action says it, or worried about them: 'see the child summer', 'phone the young person
# april', 'worried about the child summer'.
_TO_MEET_BEFORE = re.compile(r"\b(?:see|visit|meet|phone|call|ring|text|email|contact|ask|tell|about|"
                             r"(?:speak|talk|chat)\s+(?:to|with))\s+$", re.IGNORECASE)
# Words that may stand between a meeting and the child it names: 'spoke to the young person summer'.
_CHILD_DESCRIBED = re.compile(r"(?:\b(?:the|this|that|a|an|my|our|your|his|her|their|young|little|older|younger)\s+)*$",
                              re.IGNORECASE)
# Words measuring what cannot be counted ('little faith', 'much hope', 'more trust'), and the abstract words that are
# given names too which they measure (a child is counted, never measured: 'little jack' is a small boy).
MEASURES = frozenset(_split("little much more less enough"))
ABSTRACT_WORD_NAMES = frozenset(_split("""
faith hope joy grace charity patience mercy love peace harmony justice trust comfort honour honor glory liberty unity
wisdom courage truth fortune favour favor bliss serenity felicity prudence temperance chance luck goodness kindness
praise success sunshine
"""))
# Animals people keep: 'cat was hit by a car' is the family's pet, whatever the dictionary of first names says.
_PETS = frozenset(_split("cat cats kitten puppy pony"))
# Peoples and faiths, said of a person or a family ('the polish family', 'dad christian, mum muslim', 'the only
# Eritrean twins': trial 53, F12): never a name wherever they stand (NOT_PEOPLE), and words used of a family
# (family_names.ORDINARY_BEFORE_FAMILY).
PEOPLES_AND_FAITHS = frozenset(_split("""
white black asian british english irish scottish welsh african caribbean mixed roma gypsy traveller
polish romanian somali nigerian ghanaian
eritrean ethiopian sudanese kurdish afghan syrian iraqi iranian ukrainian pakistani bangladeshi lithuanian latvian
bulgarian slovak czech hungarian albanian kosovan turkish congolese zimbabwean kenyan ugandan jamaican vietnamese
chinese portuguese
muslim christian jewish hindu sikh catholic
jehovah jehovah's rastafarian buddhist pentecostal baptist methodist mormon quaker adventist orthodox
"""))
NOT_PEOPLE = frozenset(_split("""
january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday christmas easter ramadan eid diwali
mon tue tues wed weds thu thur thurs fri sat
bday b'day birthday dob yob edd
god lord court family children service services council act
""")) | PEOPLES_AND_FAITHS
_AFTER_ORG = frozenset(_split("team family service services centre center court hub unit house road street plan "
                              "voice trust online helpline line network partnership alliance society aid action "
                              "panel group project trust foundation programme school primary academy council borough "
                              "county constabulary police station island river airport fc united"))


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


class NameFinder:
    """Names and school names, judged with the lexicon and the words around them."""

    def __init__(self, lexicon: Lexicon, listed: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.listed = listed
        self._seen_given: dict[str, bool] = {}  # this finder's answers, for one text
        self._seen_surname: dict[str, bool] = {}

    @staticmethod
    def _read(text: str) -> tuple[list[Token], str]:
        """The words of `text` and how it is written: 'upper' (shouted), 'lower' (no capitals but abbreviations)
        or 'mixed' (ordinary case, where a capital says something)."""
        tokens = [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        return tokens, written_as(text, (token.text for token in tokens))

    def hits(self, text: str) -> list[Hit]:
        tokens, mode = self._read(text)
        found: list[tuple[int, int]] = []
        spans = self._name_spans(text, tokens, mode)
        spans += self._listed_with(text, tokens, spans, mode)
        reached = -1  # where the last name's words ran to: a span inside it needs no second look (linear time)
        for i, j in sorted(spans):
            if i <= reached and j <= reached:
                found.append((tokens[i].start, tokens[reached].end))
                continue
            while j + 1 < len(tokens) and self._touching(text, tokens, j, j + 1) and self._continues(
                    tokens[j + 1].text, mode) and not re.search(r"['’]s$", tokens[j].text):  # not "keeley's records"
                j += 1
            reached = j
            while i >= 2 and tokens[i - 1].text.casefold() in _NAME_PARTICLES and self.is_given(tokens[i - 2].text) \
                    and self._touching(text, tokens, i - 2, i - 1) and self._touching(text, tokens, i - 1, i) \
                    and (mode != "mixed" or tokens[i - 2].text[0].isupper()):
                i -= 2  # 'Kai de Souza': the given name before a surname's particle
            found.append((tokens[i].start, tokens[j].end))
        cited = cited_spans([(t.text, t.start, t.end) for t in tokens], self.lexicon.public_cases)
        hits = [Hit("name", text[s:e]) for s, e in _merge(found)  # not 'the Star Hobson review': a public case
                if not any(c_start <= s and e <= c_end for c_start, c_end in cited)]
        hits += [Hit("name", m.group(1)) for m in _NICKNAME.finditer(text)
                 if any(w[0].isupper() or self.is_given(w) for w in m.group(1).split())]  # not 'known as "the hub"'
        hits += [Hit("surgery" if _HEALTH_PLACE.search(words) else "school", words)
                 for words in self._schools(text, tokens, mode)]
        hits += [Hit("school", words) for words in self._schools_by_cue(text, mode)
                 if not any(words in hit.words or hit.words in words for hit in hits if hit.kind == "school")]
        schools = [hit.words for hit in hits if hit.kind == "school"]
        hits = [hit for hit in hits if hit.kind != "name" or not any(hit.words in school for school in schools)]
        return hits

    # -- word classes
    def _parts(self, word: str) -> list[str]:
        folded = word.casefold().replace("’", "'")
        folded = re.sub(r"'s$", "", folded)
        parts = [folded, *re.split(r"[-']", folded)]
        return [p for p in parts if p]

    def is_given(self, word: str) -> bool:
        """A given name the lists hold (or the council's own), remembered per word: the name finder's rules and
        family_names ask it of the same words again and again."""
        known = self._seen_given.get(word)
        if known is None:
            known = self._seen_given[word] = self._given_uncached(word)
        return known

    def _surname(self, word: str) -> bool:
        known = self._seen_surname.get(word)
        if known is None:
            known = self._seen_surname[word] = self._surname_uncached(word)
        return known

    def _given_uncached(self, word: str) -> bool:
        lex = self.lexicon

        def listed(part: str) -> bool:
            return part in lex.given or strip_accents(part) in lex.given or part in self.listed

        folded = re.sub(r"['’]s$", "", word.casefold().replace("’", "'"))
        if "-" in folded and not listed(folded):  # 'Amelia-Rose', 'Kerry-Ann', not 'non-verbal'
            parts = [p for p in folded.split("-") if len(p) > 1]
            return bool(parts) and all(listed(p) or self._surname(p) for p in parts) and listed(parts[0]) \
                and folded not in lex.never_names
        return any(listed(p) for p in self._parts(word)) and word.casefold() not in lex.never_names

    def _possessive_without_apostrophe(self, folded: str, listed: Callable[[str], bool], family: bool = False) -> bool:
        """'jaydens mum', 'Amelias nan': a given name's possessive typed without its apostrophe, as people type
        on phones; the caller has seen something of a person's follow it ('mum', 'plan'). Only where the word with
        its s is no English word ('marks', 'hopes', 'wills' are words), unless the name is one English counts
        rate common only because so many people have it ('masons dad', 'connors plan'), or a family word, a school or
        a teacher follows (`family`) a census first name that is no everyday word nor a rank ('jacks mum', 'graces
        teacher'; still 'she hopes mum will', 'bite marks mum saw', 'mates mum', 'queens school')."""
        lex = self.lexicon
        base = folded[:-1]
        if len(folded) < 4 or not folded.endswith("s") or base in lex.never_names or folded in NOT_PEOPLE:
            return False
        if "-" in base:  # 'tyler-jays mum'
            parts = [p for p in base.split("-") if len(p) > 1]
            return bool(parts) and listed(parts[0]) and all(listed(p) or self._surname(p) for p in parts)
        if not listed(base):
            return False
        return (folded not in lex.known_words and folded not in lex.common_words) or base in lex.name_words or (
            family and base in lex.census_given and base not in lex.everyday_words and base not in _RANKS
            and folded not in lex.everyday_words)

    def _surname_uncached(self, word: str) -> bool:
        lex = self.lexicon
        folded = word.casefold().replace("’", "'")
        if folded in lex.never_names:
            return False
        parts = self._parts(word)
        if re.match(r"^(mc|mac|o'|al-|el-|van|de|di|le|la)", folded) and len(folded) > 4:
            return True
        return any(p in lex.surnames or strip_accents(p) in lex.surnames or p in self.listed for p in parts)

    def _common(self, word: str) -> bool:
        folded = re.sub(r"'s$", "", word.casefold().replace("’", "'"))  # "can’t" is "can't", a common word
        return folded in self.lexicon.common_words or folded in NOT_PEOPLE or folded in self.lexicon.never_names

    def _continues(self, word: str, mode: str) -> bool:
        """The next word of a name already found: 'jayden smith', 'Liam O'Brien', not 'Kayden about'."""
        folded = word.casefold()
        if folded in ROLES or folded in self.lexicon.never_names or folded in NOT_PEOPLE or _abbreviation(word) \
                or (mode != "mixed" and self.what_a_person_did(word)):
            return False  # 'ruby disclosed', 'harper didnt', 'mrs begum rang': what the person did is no surname
        if not (self._surname(word) or self.is_given(word) or self._unknown_capital(word, mode)):
            return False
        if mode == "mixed":
            return word[0].isupper()
        return not self._common(word) or (self._surname(word) and folded not in self.lexicon.everyday_words)

    def what_a_person_did(self, word: str) -> bool:
        """A word after a name typed in lower case that says what the person did, not the rest of their name (the
        name lists hold many verbs as surnames): a person's verb ('disclosed', 'didnt', "wasn’t"), any negation
        ('cant', "hasn't"), a past tense the lists hold ('rang', 'fell') or one made from an English word
        ('declined', 'phoned', 'discussed', 'spotted'; not 'ahmed', 'alfred', 'reed')."""
        folded = word.casefold()
        if folded in _PERSON_VERB_WORDS or folded in _PAST_TENSES or re.fullmatch(NEGATED, folded):
            return True
        stem, known = folded.removesuffix("ed"), self.lexicon.known_words
        return stem != folded and len(stem) >= 4 and (
            stem in known or stem + "e" in known or (stem[-1] == stem[-2] and stem[:-1] in known))

    def _not_doing_as_a_thing(self, word: str, after: str) -> bool:
        """A name that is also a common word, then what it does not do, and nothing only a person does: 'faith didnt
        help her', "Joy didn't last long", "Chase won't happen" are the words, as 'Joy did not last long' is; "jack
        didnt go to school", "Ruby can't say why" are children. ("Hope isn't enough" is judged as 'Hope is not
        enough' is.)"""
        return self._common(word) and bool(_NOT_DOING_AFTER.match(after)) \
            and not NOT_DOING_PERSON_AFTER.match(after) and not _ONLY_A_PERSON.match(after)

    def _listed(self, word: str, mode: str) -> bool:
        """In the council's names file: written with a capital, or in all-lower/upper text not a common word."""
        if not self.listed or not any(p in self.listed for p in self._parts(word)):
            return False
        if self._common(word) or word.casefold() in _COMMON_FALLBACK:
            return False  # 'Young', 'Day' in a names file: a name only in a person context, like any other
        return word[0].isupper() if mode == "mixed" else True

    def _unknown_capital(self, word: str, mode: str) -> bool:
        """A capitalised word in no name list and rare in English (Tunde, Amaan): possibly a name."""
        if mode != "mixed" or not self.lexicon.has_lists or len(word) < 3 or not word[0].isupper():
            return False
        if word.isupper() or word.casefold() in self.lexicon.never_names:
            return False
        parts = [p for p in re.split(r"[-'’]", re.sub(r"['’]s$", "", word.casefold())) if len(p) > 1]
        return bool(parts) and all(p not in self.lexicon.known_words and p not in NOT_PEOPLE for p in parts) \
            and not self.english_form(word)

    def english_form(self, word: str) -> bool:
        """An unlisted word built from English ones, so not a name: 'Graded' (grade), 'Helpline' (help+line)."""
        folded = re.sub(r"['’]s$", "", word.casefold())
        if len(folded) > 24:
            return False  # no name is that long, nor needs the search below
        known = self.lexicon.known_words
        if "-" in folded:  # 'Pre-proceedings', 'non-verbal', 'Multi-Agency': a prefix or words joined
            parts = folded.split("-")
            return all(p in known or p in _PREFIXES for p in parts[:-1]) and (
                parts[-1] in known or self.english_form(parts[-1]))
        for suffix in _SUFFIXES:
            stem = folded.removesuffix(suffix)
            if stem != folded and len(stem) >= 4 and (
                    stem in known or stem + "e" in known or (stem[-1] == stem[-2] and stem[:-1] in known)):
                return True
        if folded.endswith(_NOUN_ENDINGS):
            return True  # 'Chronology', 'Supervision': names do not end like abstract nouns
        return self._compound(folded)

    def _compound(self, folded: str) -> bool:
        """'Helpline', 'Caseload', 'YoungMinds', 'Moorside': two English words, one of them everyday."""
        known, everyday = self.lexicon.known_words, self.lexicon.everyday_words
        return any((folded[:k] in everyday or folded[k:] in everyday or len(folded) >= 10)
                   and folded[:k] in known and folded[k:] in known
                   for k in range(4, len(folded) - 3)) or (  # 'payslip': a short everyday word first
            len(folded) > 6 and folded[:3] in everyday and folded[3:] in known)

    def _unknown_plain(self, word: str, mode: str) -> bool:
        """In all-lower or all-upper text, a word in no list and rare in English (chidi, TUNDE); not a practice word
        typed with a slip ('is a chronolgy needed', trial 27)."""
        if mode == "mixed" or not self.lexicon.has_lists or len(word) < 3:
            return False
        folded = word.casefold()
        return folded not in self.lexicon.known_words and folded not in self.lexicon.never_names \
            and not self.contraction(folded) \
            and folded not in NOT_PEOPLE and not self.is_given(word) and not self._surname(word) \
            and not self.english_form(word) \
            and not (word.islower() and misspelt_practice_word(folded, self.lexicon.practice_words))

    def contraction(self, folded: str) -> bool:
        """A contraction typed without its apostrophe ('arent', 'wasnt', 'theyre', 'youve') or with the curly one
        phones type ("wasn’t" is "wasn't")."""
        known = self.lexicon.known_words
        if re.fullmatch(r"[a-z]+’(?:t|re|ve|ll|d|m|s)", folded):  # not 'o’neill', 'd’arcy'
            return folded.replace("’", "'") in known
        return any(folded.endswith(end) and folded[:-len(end)] + "'" + end in known
                   for end in ("t", "re", "ve", "ll", "d", "m", "s") if len(folded) > len(end) + 1) or (
            folded.endswith("nt") and folded[:-2] + "n't" in known)

    def _noun_modified(self, text: str, tokens: list[Token], i: int) -> bool:
        """The word at token i heads a noun phrase, a determiner and one or two ordinary words before it ('the car
        jack', 'a hydraulic jack', 'the old car jack'; trial 12): a noun, as after an article alone. Never after a
        person, a role or the words setting the scene ('the boy jack said', 'told the school jack was hit', 'on the
        visit jack wasnt there'), which a name follows."""
        k = i - 1
        while k >= 0 and i - k <= 3 and text[tokens[k].end:tokens[k + 1].start] == " ":
            word = tokens[k].text
            folded = word.casefold()
            if folded in _NOUN_DETERMINERS:
                return k < i - 1
            if not word.islower() or folded not in self.lexicon.known_words or folded in _NOT_MODIFIERS \
                    or folded in RELATIONS or folded in ROLES or folded in TITLES or folded in NOT_PEOPLE \
                    or (self.is_given(folded) and not self._common(folded)):
                return False
            k -= 1
        return False

    def _used_as_word(self, text: str, tokens: list[Token], i: int) -> bool:
        """A common given name that is also a word (mostly a trade) used as the word: after an article or a
        possessive ('the mason did the wall', 'a harper'), said to be a thing ('mason is a job'), or a saint's
        name after St ("Guy's and St Thomas'"); without such words ('mason needs a plan') it is a child."""
        if _bare(tokens[i].text.casefold()) not in self.lexicon.name_words:
            return False
        article = i > 0 and tokens[i - 1].text.casefold() in _ARTICLE_OR_SAINT \
            and self._touching(text, tokens, i - 1, i)  # not an answer's 'no, ada did not attend'
        return article or bool(_THING_IS.match(text[tokens[i].end:tokens[i].end + 40]))

    def _measured(self, text: str, tokens: list[Token], i: int, after: str) -> bool:
        """An abstract word that is also a given name after a word measuring it, as after 'no' or 'some': 'little
        faith was placed in the plan', 'much hope', 'more trust in the school' (fix43c). Not where what follows is said
        only of a person ('little faith said she was scared', 'little hope was upset'): 'little' is then how carers
        speak of a small child (person_context's 'little' rule judges 'little grace was happy')."""
        return i > 0 and tokens[i - 1].text.casefold() in MEASURES and self._touching(text, tokens, i - 1, i) \
            and _bare(tokens[i].text.casefold()) in ABSTRACT_WORD_NAMES and not _ONLY_A_PERSON.match(after)

    def _word_name_met(self, word: str, capital: bool | None, sentence_start: bool, before: str, after: str) -> bool:
        """A baby name that is an English word and in no list of given names (Blessing, Favour, Gift, Treasure) as the
        person visited, seen, met or spoken to, then a pause or when and where: 'Our visit to Blessing', 'met Gift and
        mum', 'spoke to favour after school' (fix43c). With a capital mid-sentence; typed in lower case, a virtue name
        (data/virtue_names.txt: 'saw blessing at school'; not 'saw snow at the weekend'), among capitals only after a
        meeting no thing has ('visited', 'spoke to'). Never an everyday word ('seen tomorrow'), nor 'a blessing in
        disguise', 'the gift of time', 'visited the gift shop', 'visit to Treasure Island'."""
        lex, folded = self.lexicon, _bare(word.casefold())
        if folded not in lex.word_names or folded in lex.everyday_words or folded in NOT_PEOPLE \
                or folded in CALENDAR_WORDS or folded in PHONED or folded in _BOUNDARY_WORDS or len(folded) < 3 \
                or self._feeling_seen(folded, after) or not _PERSON_MET_BEFORE.search(before) \
                or not _met_ends(before, after):
            return False
        if capital is True:
            return not sentence_start
        return (folded in lex.virtue_names or bool(_ALONE_AFTER.match(after))) and (
            capital is None or bool(_MET_BEFORE.search(before)))

    def _role_word_met(self, text: str, tokens: list[Token], i: int, mode: str) -> bool:
        """A role's word that is a given name, capitalised mid-sentence as the person met, with no name after it:
        'Spoke to Justice about school' (fix43c); not 'Justice Munby said', 'Mr Justice Cobb', 'the justice system'."""
        word = tokens[i].text
        if mode != "mixed" or not word[0].isupper() or not self.is_given(word) or i == 0 \
                or re.search(r"[.!?:;]\s*$", text[tokens[i - 1].end:tokens[i].start]):
            return False
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        before, after = text[max(0, tokens[i].start - 40):tokens[i].start], text[tokens[i].end:tokens[i].end + 40]
        return not nxt[:1].isupper() and bool(_PERSON_MET_BEFORE.search(before)) and bool(_BOUNDARY_AFTER.match(after))

    @staticmethod
    def _initial_before(text: str, tokens: list[Token], i: int, mode: str) -> bool:
        """A capital initial, dotted or not, just before the capitalised word at token i, as a surname is written with
        one ('J. Kowalczyk', 'T Mensah'): not 'A' or 'I' undotted (an article, a pronoun), nor a label's letter ('Plan
        B', 'Grade A', 'Section C'), nor after a title (the title rule's: 'Mr J Smith')."""
        word = tokens[i].text
        if i == 0 or mode == "lower" or not word[0].isupper() or (word.isupper() and mode == "mixed"):
            return False
        initial, gap = tokens[i - 1].text, text[tokens[i - 1].end:tokens[i].start]
        if len(initial) != 1 or not initial.isupper() or gap not in (" ", ". ", "."):
            return False
        if initial in "AI" and not gap.startswith("."):
            return False
        label = tokens[i - 2].text.casefold().rstrip(".") if i >= 2 else ""
        return label not in _LETTER_LABELS and label not in TITLES

    @staticmethod
    def _feeling_seen(folded: str, after: str) -> bool:
        """An abstract word seen in someone, not a person seen: 'we saw joy on his face', 'saw hope in the plan'."""
        return _bare(folded) in ABSTRACT_WORD_NAMES and bool(_FEELING_SHOWN_AFTER.match(after))

    def _rare_given(self, word: str) -> bool:
        """A given name that is not also an everyday word: a name wherever it stands."""
        if len(word) < 3 or (word.isupper() and len(word) <= 5 and not word.istitle()):
            return False
        if self._common(word) or any(self._common(p) for p in re.split(r"[-'’]", word) if len(p) > 2):
            return False
        if word.casefold() in self.lexicon.context_given:
            return False  # 'Bentley', 'Alfie': a baby name that is also a word is a name only in context
        if word.islower() and self.contraction(word.casefold()):
            return False  # 'arent', 'wont': a contraction without its apostrophe
        return self.is_given(word)

    def _word_first(self, word: str) -> bool:
        """A given name that is first a place or an English word, so only what is said of a person alone
        (_ONLY_A_PERSON) makes it a child: a place that is also a census first name ('chelsea', 'kent', 'devon'), and a
        common English word (below the everyday tier) that only the international first-name dictionary has as a name
        ('gun', 'file', 'storm'; not a census name, a common given name or a QA-listed everyday name: 'jack', 'ruby').
        The council's own names and the common given names ('barry', 'jordan') are names first."""
        lex = self.lexicon
        folded = _bare(word.casefold().replace("’", "'"))
        if folded in self.listed or folded in lex.name_words or folded in lex.everyday_words:
            return False  # an everyday word ('will', 'just', 'india') has stricter rules of its own
        if folded in lex.far_places:
            return folded in lex.census_given  # 'london' (no census name) stays a place wherever it stands
        return folded in lex.common_words and folded not in lex.census_given and folded not in lex.everyday_names

    # -- spans
    def _places(self, tokens: list[Token], mode: str) -> set[int]:
        """Tokens that are part of a place's name ('Croydon', 'Milton Keynes', 'St Helens'), longest first."""
        places = self.lexicon.places
        found: set[int] = set()
        if not places:
            return found
        folded = [t.text.casefold().replace("’", "'") for t in tokens]
        starts = self.lexicon.place_starts
        for i in range(len(tokens)):
            if i in found or (mode == "mixed" and not tokens[i].text[0].isupper()):
                continue
            first = "st" if folded[i] == "saint" else folded[i].rstrip(".")
            if first not in starts and re.sub(r"'s?$", "", first) not in starts:
                continue
            for length in (4, 3, 2, 1):
                words = [w.rstrip(".") for w in folded[i:i + length]]
                words = ["st" if w == "saint" else w for w in words]
                if len(words) == length and (" ".join(words) in places
                                             or re.sub(r"'s?$", "", " ".join(words)) in places):
                    found.update(range(i, i + length))
                    break
        return found

    def _english(self, word: str) -> bool:
        """An English word (common, or known to the word list): 'Assessment', 'Psychotherapy', 'Children's'."""
        return self._common(word) or re.sub(r"['’]s$", "", word.casefold()) in self.lexicon.known_words

    def _named_after(self, text: str, tokens: list[Token], i: int) -> bool:
        """One or two capitalised words, then a capitalised Review, Inquiry, Award (or a hospital or clinic, or a
        surname's review or report): a thing named after someone or something ('Alder Hey clinic'); after 'the', a
        building in lower case too ('the Anna Freud centre'). Not a given name and a surname that is a building's
        word, told of as a person ('Jenny Hall said she was scared', 'Tyler House was seen alone'; fix43c)."""
        # 'the Josh MacAlister review', 'the Arthur Labinjo-Hughes national review': a public review named by the
        # person's full name with 'the' before it, or with a qualifier such as 'national' between
        the_before = i > 0 and tokens[i - 1].text.casefold() == "the"
        named_end = None  # where the capitalised name stops, before a lower-case qualifier
        for j in range(i + 1, i + 5):
            if j >= len(tokens):
                return False
            folded = tokens[j].text.casefold()
            possessive = any(re.search(r"['’]s$", tokens[k].text) for k in range(i, j))
            if folded in _INSTITUTION_AFTER and possessive and any(self.is_given(tokens[k].text) for k in range(i, j)):
                return False  # "Amber's hospital appointment"
            if folded in _AUTHORED_FRAMEWORKS and not possessive and any(
                    self.is_given(tokens[k].text) and not self._surname(tokens[k].text) for k in range(i, j)):
                return False  # an author is known by a surname: 'the Lundy model', not 'the Kayden model'
            if folded in _INSTITUTION_AFTER or (folded in _AUTHORED | _AUTHORED_FRAMEWORKS and not possessive and (
                    the_before or named_end is not None  # not "Oliver's review"
                    or not any(tokens[k].text.casefold() in self.lexicon.census_given for k in range(i, j)))):
                end = j if named_end is None else named_end
                return all(tokens[k].text[0].isupper() for k in range(i, end)) and end - i <= 2
            if not tokens[j].text[0].isupper():
                if the_before and folded in _BUILDING_WORDS and j > i + 1 and named_end is None:
                    return all(tokens[k].text[0].isupper() for k in range(i, j))  # 'the Anna Freud centre'
                if folded in _REVIEW_QUALIFIERS and j > i:
                    named_end = j if named_end is None else named_end
                    continue
                return False
            if folded in _NAMED_AFTER:
                return not (j == i + 1 and folded in _SURNAME_BUILDINGS and self.is_given(tokens[i].text)
                            and _told_of_a_person(text[tokens[j].end:tokens[j].end + 60]))
            if j > i + 1 and folded not in _REVIEW_QUALIFIERS:
                return False  # 'the Daniel Pelka Serious Case Review', not 'Jayden Smith Attended Review'
        return False

    def _review_of_child(self, tokens: list[Token], i: int) -> int | None:
        """Where a child's name ends (its last word) when tokens from i name a child before 'review', 'inquiry' or
        'report' (with 'national', 'serious case', 'Practice' and such between): a given name and a surname or a rare
        capitalised word ('the Kayden Smith review', 'the Marcus Tate Practice Review', 'the Tunde Smith serious case
        review'), or a given name alone that is neither a surname nor a common word ('the Kayden review'). Local child
        safeguarding practice reviews are known by the child's name, so the words are a name whatever else holds
        ('the' before, a title-case heading); an author's surname ('the Munro review') is none, and a public review
        on the list (public_cases.py) passes anyway. None otherwise."""
        if not tokens[i].text[0].isupper() or not any(
                token.text.casefold() in _REVIEW_WORDS for token in tokens[i + 1:i + 6]):
            return None  # most words: no capital, or no review after them
        words = [token.text for token in tokens[i:i + 3]]
        if words[0].casefold() in ROLES \
                or words[0].casefold().rstrip(".") in TITLES or re.search(r"['’]s$", words[0]):
            return None  # "Oliver's review" is judged as a possessive; 'the Lord Laming report' by its role
        first = words[0]
        two = len(words) > 1 and words[1][0].isupper() and not re.search(r"['’]s$", words[1]) \
            and words[1].casefold() not in _NOT_A_SURNAME_HERE
        after = i + (2 if two else 1)
        while after < len(tokens) and tokens[after].text.casefold() in _REVIEW_QUALIFIERS:
            after += 1  # 'national', 'serious case', 'Child Safeguarding Practice'
        if after >= len(tokens) or tokens[after].text.casefold() not in _REVIEW_WORDS:
            return None
        if two:
            second = words[1]
            named = (self.is_given(first) or self._unknown_capital(first, "mixed")) and (
                self._surname(second) or self.is_given(second) or self._unknown_capital(second, "mixed"))
            return i + 1 if named and first.casefold() not in NOT_PEOPLE else None
        return i if self.is_given(first) and not self._surname(first) and not self._common(first) else None

    def _heading_words(self, text: str, tokens: list[Token], mode: str) -> set[int]:
        """The common words in a run of three or more capitalised words, two of them plain words that are not
        names (Voice, Child, Dive, Centre): a heading or an organisation's name in title case, not a person's."""
        found: set[int] = set()
        if mode != "mixed":
            return found
        i, n = 0, len(tokens)
        while i < n:
            if not tokens[i].text[0].isupper():
                i += 1
                continue
            run = [i]
            k = i + 1
            while k < n and text[tokens[k - 1].end:tokens[k].start] == " " and (
                    tokens[k].text[0].isupper() or (tokens[k].text in _TITLE_CONNECTORS and k + 1 < n
                                                     and tokens[k + 1].text[0].isupper())):
                run.append(k)
                k += 1
            capitalised = [j for j in run if tokens[j].text[0].isupper()]
            plain = [j for j in capitalised if not self.is_given(tokens[j].text) and self._english(tokens[j].text)]
            if len(capitalised) >= 3 and len(plain) >= 2 and not any(
                    tokens[j].text.casefold().rstrip(".") in TITLES for j in run):
                # every word but a given name ('Multi-Agency Risk Assessment Conference', 'Update On Poppy')
                found.update(j for j in capitalised
                             if self._common(tokens[j].text) or not self.is_given(tokens[j].text))
                if _institution(tokens[run[-1]].text):  # 'Primrose Hill Children's Centre': named after a place
                    found.update(j for j in run[:-1] if tokens[j + 1].text.casefold() in _LANDSCAPE
                                 or not re.search(r"['’]s$", tokens[j].text))  # 'Willow Tree Family Centre'
            i = k
        return found

    def _name_spans(self, text: str, tokens: list[Token], mode: str) -> list[tuple[int, int]]:
        # Long because each word passes the context rules in a fixed order (abbreviation, role, lists, neighbours) and
        # the order is the rule: split up, it would be read out of order.
        spans: list[tuple[int, int]] = []
        n = len(tokens)
        places = self._places(tokens, mode)
        headings = self._heading_words(text, tokens, mode)
        occasions = occasion_words(text, tokens, self.lexicon, self._common) if mode == "mixed" else set()
        for i, tok in enumerate(tokens):
            word = tok.text
            if mode == "mixed" and (last := self._review_of_child(tokens, i)) is not None:
                spans.append((i, last))  # 'the Kayden Smith review': a local review is known by the child's name
                continue
            if i in occasions:
                continue  # 'Pancake Day', 'the Royal Oak', 'Storm Darragh', 'Eid Mubarak' (bot/privacy/occasions.py)
            if i in headings and not _HEADING_PERSON.match(text[tok.end:tok.end + 12]):
                continue  # 'Voice of the Child Deep Dive', 'Rose Hill Children's Centre': a title, not a person
            if mode == "mixed" and (self._named_after(text, tokens, i) or (
                    i + 1 < n and tokens[i + 1].text.casefold() in _STREET_WORDS | _PLACE_AFTER
                    and (tokens[i + 1].text[0].isupper() or tokens[i + 1].text in _STREET_WORDS))):
                continue  # 'the Carmen Lewis Practice Review', 'the Climbie Inquiry': named after a person
            if _PET_AFTER.match(text[tok.end:tok.end + 30]):
                continue  # 'Lola the dog', 'Bella, the family dog': a pet

            if _SERVICE_BEFORE.search(text[max(0, tok.start - 30):tok.start]) and not (
                    i and tokens[i - 1].text.casefold() in TITLES):
                continue  # 'referred to Kooth', 'mum works at Asda': a service or an employer, not a person
            if i in places and (re.sub(r"['’]s?$", "", word.casefold()) in self.lexicon.census_given or (
                    self.is_given(word) and _ONLY_A_PERSON.match(text[tok.end:tok.end + 60]))) \
                    and not _PLACE_PREDICATE.match(text[tok.end:tok.end + 40]) and i + 1 not in places:
                places.discard(i)  # 'Barry was upset', 'Paisley was upset' are people; 'Preston is the placing
                # authority' a place
            if i in places:  # 'Croydon has agreed', 'York's local offer', 'Milton Keynes took the case'
                before_word = tokens[i - 1].text.casefold() if i and self._touching(text, tokens, i - 1, i) else ""
                if before_word in TITLES:
                    spans.append((i - 1, i))  # 'Mrs Rochdale': a title makes a person of any word
                if before_word not in RELATIONS and not (
                        i + 1 not in places and PERSON_STRONG.match(text[tok.end:tok.end + 40])):
                    continue  # but 'London is 12 and in foster care', 'Chester (9)' are children
            if (mode == "mixed" and _abbreviation(word)) or (mode == "lower" and word.isupper()):
                continue  # SW, DSL, PEP, HoS, RHIs: abbreviations in ordinary text
            if mode == "mixed" and self._friend_word_as_name(text, tokens, i):
                spans.append((i, i))  # 'at school Mate said he was hit': a friend's word capitalised as a name
                continue
            if (word.casefold() in ROLES and not self._role_word_met(text, tokens, i, mode)) \
                    or word.casefold().replace("’", "'") in self.lexicon.never_names:
                continue
            capital = word[0].isupper() if mode == "mixed" else None
            if len(word) < 3 and not self._listed(word, mode) and not (
                    word[0].isupper() and _RELATION_BRACKET.match(text[tok.end:tok.end + 30])):
                continue
            if i + 1 < n and tokens[i + 1].text.casefold() in _POSSESSED and self._touching(text, tokens, i, i + 1) \
                    and not (i and tokens[i - 1].text.casefold() in _COUNTING
                             and self._touching(text, tokens, i - 1, i)) \
                    and self._possessive_without_apostrophe(
                        word.casefold(), lambda part: part in self.lexicon.given or part in self.listed,
                        family=tokens[i + 1].text.casefold() in _CLOSE_TO_A_CHILD):
                spans.append((i, i))  # 'noahs dad', 'masons plan', 'no, jacks mum': a possessive without its apostrophe
                continue
            unknown = self._unknown_capital(word, mode)
            given = self.is_given(word) or unknown
            surname = self._surname(word) or unknown
            uncommon_capital = bool(capital) and not self._common(word) and self.lexicon.has_lists
            if not (given or surname or uncommon_capital or word.casefold() in self.listed
                    or self._unknown_plain(word, mode) or _bare(word.casefold()) in self.lexicon.word_names):
                continue
            if self._role_adjacent(text, tokens, i):
                continue
            if self._not_a_person_here(text, tokens, i) or (
                    self._used_as_word(text, tokens, i) and tokens[i - 1].text.casefold() in ("st", "saint")
                    and _CARE_CLAUSE.search(text[max(0, tok.start - 60):tok.start])):
                # 'moved to Paris', 'St Christopher's', 'admitted to Guy's', 'drawing on Maslow'; "admitted to Guy's and
                # St Thomas'" is a hospital, but a bare 'at St Anne's' may be a school
                continue
            if self._listed(word, mode) and not self._used_as_word(text, tokens, i):
                spans.append((i, i))  # the council's own list: a name wherever it stands
                continue
            prev = tokens[i - 1].text.casefold() if i else ""
            nxt = tokens[i + 1] if i + 1 < n else None
            after = text[tok.end:tok.end + 40]
            sentence_start = i == 0 or bool(re.search(r"[.!?:;(\-–]\s*$", text[tokens[i - 1].end:tok.start]))
            folded = word.casefold()
            listed_given = self.is_given(word)
            possessive = bool(re.search(r"['’]s$", word))
            before = text[max(0, tok.start - 40):tok.start]
            if self._language_context(before, nxt):
                continue  # 'speaks Sylheti', 'first language is Tigrinya', 'a Tigrinya interpreter'
            if possessive and nxt is not None and not (i and prev in TITLES) and (
                    nxt.text.casefold() in _EPONYM_THINGS or (nxt.text.casefold() in _EPONYM_PLACES
                                                             and not self.is_given(word))):
                continue  # "Maslow's hierarchy", "Brooke's traffic light tool", "Guy's hospital"
            if nxt is not None and (re.sub(r"['’]s?$", "", folded), nxt.text.casefold()) in _AUTHORS_WORKS:
                continue  # "Ainsworth's strange situation", 'the Johari window'
            person_thing_next = possessive and nxt is not None and nxt.text.casefold() in _POSSESSED
            # 'the jack', not 'no, jack said' (an answer's 'yes,' or 'no,' is no article)
            article = prev in DETERMINERS and self._touching(text, tokens, i - 1, i)
            # 'the car jack was found', 'a hydraulic jack was used': the head of a noun phrase is a noun, unless what
            # follows is said only of a person ('told the school jack was hit' is a name: 'school' is no modifier)
            article = article or (self._noun_modified(text, tokens, i) and not _ONLY_A_PERSON.match(after)) \
                or self._measured(text, tokens, i, after)
            if (capital or mode != "mixed") and folded not in NOT_PEOPLE and not article and not (
                    mode == "lower" and (folded in self.lexicon.everyday_words or not listed_given)) and (
                    PERSON_STRONG.match(after) or person_thing_next):
                spans.append((i, i))  # 'Blessing is in Year 10', "Kwame's foster carer", 'Rose is 15 and'
                continue
            if not listed_given and self._word_name_met(word, capital, sentence_start, before, after):
                spans.append((i, i))  # 'Our visit to Blessing', 'spoke to favour after school' (fix43c)
                continue
            if folded in self.lexicon.virtue_names and capital is not False and not article \
                    and _ONLY_A_PERSON.match(after):
                spans.append((i, i))  # 'Goodness told the teacher', 'Testimony said she was scared' (fix43c)
                continue
            if (surname or unknown) and self._initial_before(text, tokens, i, mode) and not self._common(word):
                spans.append((i - 1, i))  # 'J. Kowalczyk declined', 'T Mensah missed contact' (fix43c)
                continue
            if (listed_given or self._unknown_plain(word, mode)) and (capital or mode != "mixed" or (
                    folded not in self.lexicon.everyday_words) or (  # 'met hope at the park on Saturday'
                    _MET_BEFORE.search(before) and folded not in CALENDAR_WORDS)) \
                    and folded not in NOT_PEOPLE and _MEETING_BEFORE.search(before) and _met_ends(before, after) \
                    and not (folded in self.lexicon.everyday_words and _TOOK_BEFORE.search(before)) \
                    and not (folded in _SEEN_ON_A_BODY and capital is not True) \
                    and not (folded in PHONED and _PHONING_BEFORE.search(before)) \
                    and not _WORK_CALLED.search(before) and not self._feeling_seen(folded, after):
                # 'took hope from', 'rang pastor', 'a programme called hope', 'saw joy on his face'
                spans.append((i, i))  # 'met will at the cafe', 'spoke to faith on the phone'
                continue
            if (mode == "lower" or capital is False) and listed_given and folded not in self.lexicon.everyday_words \
                    and not article and folded not in NOT_PEOPLE and _SPEECH_AFTER.match(after) \
                    and not (self._word_first(word) and (_bare(folded) in _PETS or not _ONLY_A_PERSON.match(after))) \
                    and not self._not_doing_as_a_thing(word, after):
                spans.append((i, i))  # 'jack said he ...': a person's verb, no article before (not 'gun was found',
                continue  # 'jack didnt work')
            if mode == "lower" and listed_given and sentence_start and _PERFECT_PASSIVE_AFTER.match(after) \
                    and not (self._word_first(word) and (_bare(folded) in _PETS or not _ONLY_A_PERSON.match(after))):
                spans.append((i, i))  # 'will has been excluded': an everyday word cannot be that subject
                continue
            if capital is not True and listed_given and prev in FAMILY_BEFORE_NAME \
                    and self._touching(text, tokens, i - 1, i) and _RELATION_NAME_AFTER.match(after):
                spans.append((i, i))  # 'mum hope was more engaged', 'dad will said'
                continue
            if prev == "the" and (capital or mode == "upper") and self._family_plural(word) \
                    and _PLURAL_PERSON_AFTER.match(after):
                spans.append((i, i))  # 'the Okonkwos have moved', 'the Joneses were seen'
                continue
            if uncommon_capital and not (given or surname) and not self.english_form(word) \
                    and prev not in DETERMINERS and prev not in _PLACE_BEFORE \
                    and (nxt is None or nxt.text.casefold() not in _AFTER_ORG) \
                    and ((PERSON_AFTER.match(after) and not _PASSIVE_AFTER.match(after)) or prev in RELATIONS):
                spans.append((i, i))  # 'Alfie was full of beans': a rare word in no list, doing what people do
                continue
            if self._unknown_plain(word, mode) and not self.is_given(word) and not self._surname(word):
                if PERSON_AFTER.match(after) or prev in FAMILY_BEFORE_NAME or (
                        prev in _ABOUT_SOMEONE and self._touching(text, tokens, i - 1, i)
                        and _BOUNDARY_AFTER.match(after)
                        and (nxt is None or nxt.text.casefold() in _BOUNDARY_WORDS)):
                    spans.append((i, i))  # 'worried about tunde', 'CONCERNS FOR TUNDE AT HOME'; not 'for 9 wks'
                continue
            if unknown and not self.is_given(word) and not self._surname(word):
                if prev in ("the", "a", "an") or (nxt is not None and nxt.text.casefold() in _AFTER_ORG):
                    continue
                paired = nxt is not None and self._touching(text, tokens, i, i + 1) and nxt.text[0].isupper() \
                    and not nxt.text.isupper() and nxt.text.casefold() not in NOT_PEOPLE \
                    and (self.is_given(nxt.text) or self._surname(nxt.text) or self._unknown_capital(nxt.text, mode))
                acts = PERSON_AFTER.match(after) and not _PASSIVE_AFTER.match(after)  # not 'Kooth was suggested'
                if not sentence_start or paired or acts or prev in RELATIONS:
                    spans.append((i, i + 1) if paired else (i, i))
                continue
            if i >= 2 and tokens[i - 2].text.casefold().rstrip(".") in TITLES and len(tokens[i - 1].text) == 1 \
                    and tokens[i - 1].text.isupper() and self._touching(text, tokens, i - 2, i - 1) \
                    and self._touching(text, tokens, i - 1, i) and (capital or mode != "mixed"):
                spans.append((i - 2, i))  # 'Mr J Smith', 'Mrs S. Begum'
                continue
            miss_verb = prev == "miss" and (capital is False or bool(
                _VERB_BEFORE.search(text[max(0, tok.start - 30):tokens[i - 1].start])))
            if prev in TITLES and self._touching(text, tokens, i - 1, i) and not miss_verb \
                    and not (capital is not True and self.what_a_person_did(word)):
                spans.append((i - 1, i))  # 'Mrs Begum', 'miss jones'; not 'she doesn't miss lessons', nor what a
                continue  # teacher called miss did ('he said miss cant help', 'miss didnt listen', 'miss said no')
            if prev in RELATIONS and (capital or (mode != "mixed" and (not self._common(word) or (
                    folded in self.lexicon.census_given and folded not in self.lexicon.everyday_words)))) \
                    and (given or surname) \
                    and re.fullmatch(r"\s*[(,]\s*", text[tokens[i - 1].end:tok.start]):
                spans.append((i, i))  # 'Mum (Kerry-Ann) was drunk', 'dad, Jerome,'
                continue
            if (prev in RELATIONS and self._touching(text, tokens, i - 1, i) and given
                    and (capital or not self._common(word) or self._lower_given_after_relation(folded, prev, nxt))
                    and not ((capital is not True or tokens[i - 1].text[0].isupper() or folded not in SEASONS)
                             and self._calendar_after_child(text, tokens, i))):  # 'Voice of the Child Winter'
                spans.append((i, i))
                continue
            if self._rare_given(word) and not (surname and capital is False and self._common(word)) \
                    and not self._used_as_word(text, tokens, i) \
                    and not (capital is not True  # 'his train fares', and in all-lower text 'time off in lieu'
                             and folded in self.lexicon.known_words
                             and _bare(folded) not in self.lexicon.census_given
                             and _bare(folded) not in self.lexicon.name_words):
                spans.append((i, i))
                continue
            if (nxt is not None and self._touching(text, tokens, i, i + 1)
                    and (given or uncommon_capital)
                    and self._full_name(word, nxt.text, mode)):
                spans.append((i, i + 1))
                continue
            if given and (capital or mode == "upper") and not self._common_only_context(word):
                possessive = bool(re.search(r"['’]s$", word))
                if prev in ("the", "a", "an") or (
                        not possessive and nxt is not None and nxt.text.casefold() in _AFTER_ORG):
                    continue
                person_word_next = nxt is not None and nxt.text.casefold() in ("person", "people")
                thing_passive = self._common(word) and (_PASSIVE_AFTER.match(after) or _THING_IS.match(after) or (
                    # 'Hope was expressed', 'Hope is a theme in his drawings'
                    folded in self.lexicon.everyday_words and _DOING_AFTER.match(after))  # 'Justice needs'
                    or self._not_doing_as_a_thing(word, after))  # "Hope isn't enough", "Joy didn't last"
                if sentence_start and not possessive and self._word_first(word) and (
                        _bare(folded) in _PETS or not _ONLY_A_PERSON.match(after)):
                    thing_passive = True  # 'Gun was found', 'Kent said they would': a capital there says nothing
                if (PERSON_AFTER.match(after) or possessive) and not person_word_next and not thing_passive:
                    spans.append((i, i))
                    continue
                if capital and not sentence_start and not self._common(word):
                    spans.append((i, i))
                    continue
                if capital and not sentence_start and word.casefold() not in NOT_PEOPLE and (
                        nxt is None or not nxt.text[0].isupper()) and (prev in _PERSON_PREPOSITIONS or (
                        prev == "on" and i >= 2 and tokens[i - 2].text.casefold() in _FOCUS)):  # 'the focus on Sydney'
                    spans.append((i, i))
                    continue
                if capital and not sentence_start and self._before_a_bare_verb(text, tokens, i):
                    spans.append((i, i))  # 'help Grace feel safe', 'should Hope be seen alone'
        return spans

    def _before_a_bare_verb(self, text: str, tokens: list[Token], i: int) -> bool:
        """Token i, a capitalised given name that is also a word, is a person's: the object of 'help', 'make' or 'let'
        before a bare verb ('help Grace feel safe', 'let Faith go'), or the subject after a modal in a question
        ('should Hope be seen alone', 'can Grace go home'; trial 22). Not a season or a month ('will Summer be a
        risky time', 'should May be the deadline'), nor a word said to be a thing ('can Will be the one')."""
        if i == 0 or not self._touching(text, tokens, i - 1, i) or tokens[i].text.casefold() in CALENDAR_WORDS:
            return False
        prev, after = tokens[i - 1].text.casefold(), text[tokens[i].end:tokens[i].end + 40]
        if prev in _CAUSATIVES:
            return bool(_CAUSED_VERB_AFTER.match(after))
        return prev in _MODALS and bool(_MODAL_VERB_AFTER.match(after))

    def _far_place(self, tokens: list[Token], i: int) -> bool:
        """A town, country, big city or US state: 'Paris', 'Georgia', 'New York' (from its first word)."""
        folded = tokens[i].text.casefold()
        two = f"{folded} {tokens[i + 1].text.casefold()}" if i + 1 < len(tokens) else ""
        return folded in self.lexicon.far_places or two in self.lexicon.far_places

    @staticmethod
    def _department(text: str, tokens: list[Token], k: int) -> bool:
        """'Tom in performance', 'Sue from legal': a colleague named with the department they work in."""
        if tokens[k].text.casefold() not in ("in", "from") or k + 1 >= len(tokens):
            return False
        if _TEAM_AFTER.match(text[tokens[k - 1].end:tokens[k - 1].end + 40]):
            return True  # 'Gemma in the MASH team', 'Raj from Early Help', 'Jo from the YOT'
        if tokens[k + 1].text.casefold() not in _DEPARTMENTS:
            return False
        after = text[tokens[k + 1].end:tokens[k + 1].end + 8]
        return bool(re.match(r"^(?:\s*[,.;:!?)]|\s*$|\s+(?:team|for|to|who|said|says|has|had)\b)", after))

    def _listed_with(self, text: str, tokens: list[Token], spans: list[tuple[int, int]], mode: str
                     ) -> list[tuple[int, int]]:
        """Given names in one list with a name already found or with a relation: 'Tyler, Madison and Harper',
        'saw jayden, mia and lily-mae', 'with austin and dad' (siblings are listed together)."""
        found = {k for i, j in spans for k in range(i, j + 1)}
        added: list[tuple[int, int]] = []
        todo = sorted(found)
        for i, tok in enumerate(tokens):
            if tok.text.casefold() in RELATIONS and i not in found:
                around = (self._list_neighbour(text, tokens, i, -1), self._list_neighbour(text, tokens, i, 1))
                todo += [k for k in around
                         if k is not None and k not in found and self._list_name(tokens[k].text, mode, strict=True)]
        for i, tok in enumerate(tokens):  # 'kids (Mia, Leo)', 'siblings: Ava and Noah', 'mum of Mia'
            if i not in found and _GROUP_BEFORE.search(text[max(0, tok.start - 20):tok.start]) \
                    and self._list_name(tok.text, mode, strict=False):
                todo.append(i)
        while todo:
            i = todo.pop()
            if i not in found:
                found.add(i)
                added.append((i, i))
            for step in (-1, 1):
                k = self._list_neighbour(text, tokens, i, step)
                if k is not None and k not in found and self._list_name(tokens[k].text, mode, strict=False):
                    todo.append(k)
        return added

    @staticmethod
    def _list_neighbour(text: str, tokens: list[Token], i: int, step: int) -> int | None:
        """The next item of a list ('X, Y and Z') from token i, forwards or backwards."""
        k = i + step
        if not 0 <= k < len(tokens):
            return None
        lo, hi = (k, i) if step < 0 else (i, k)
        gap = text[tokens[lo].end:tokens[hi].start]
        if gap.strip() == "," and len(gap) <= 3:
            return k
        if gap.strip() == "" and tokens[k].text.casefold() in ("and", "or", "&"):
            k2 = k + step
            if 0 <= k2 < len(tokens):
                lo, hi = (k2, k) if step < 0 else (k, k2)
                if text[tokens[lo].end:tokens[hi].start].strip() == "":
                    return k2
        if gap.strip() in ("&", "+"):
            return k
        return None

    def _list_name(self, word: str, mode: str, strict: bool) -> bool:
        """A word that is a person's given name in a list of people (strict: beside a relation, not a name
        found, so also rare in English)."""
        folded = re.sub(r"['’]s$", "", word.casefold())
        if len(word) < 3 or folded in self.lexicon.never_names or folded in NOT_PEOPLE or folded in ROLES \
                or folded in RELATIONS or folded in self.lexicon.everyday_words or _abbreviation(word):
            return False
        if mode == "mixed" and not word[0].isupper():
            return False
        if strict and (self._common(word) or folded in self.lexicon.places):
            return False
        return self.is_given(word)

    def _not_a_person_here(self, text: str, tokens: list[Token], i: int) -> bool:
        """What the words around a name-like word say it is not a person: a place one travels to or from
        ('moved to Paris', 'originally from Georgia'), a saint's name ('St Christopher's fostering agency'), a
        hospital one is admitted to ("admitted to Guy's"), an author drawn on ('drawing on Maslow', "using
        Munro's point"), a tool named after someone ("Brooke's traffic light tool")."""
        tok = tokens[i]
        word = tok.text
        before = text[max(0, tok.start - 40):tok.start]
        possessive = bool(re.search(r"['’]s$", word))
        nxt = tokens[i + 1].text.casefold() if i + 1 < len(tokens) else ""
        if i and tokens[i - 1].text.casefold().rstrip(".") in ("st", "saint") and word[0].isupper() \
                and self._touching(text, tokens, i - 1, i) and any(
                    t.text.casefold() in _SAINT_INSTITUTIONS for t in tokens[i + 1:i + 4]):
            return True  # "St Christopher's fostering agency"; a bare "at St Joseph's" may be a school
        if not possessive and _TRAVEL_BEFORE.search(before) and self._far_place(tokens, i):
            return True
        holiday = _HOLIDAY_BEFORE.search(before) or (
            _GOING_BEFORE.search(before) and _HOLIDAY_AFTER.match(text[tok.end:tok.end + 30]))
        if not possessive and holiday and word[0].isupper() and not self.is_given(word) \
                and word.casefold() not in self.lexicon.surnames and word.casefold() not in self.listed:
            return True  # 'off to Tenerife', 'off to Lanzarote': a capitalised word in no name list ('La-' as a
            # surname's prefix says nothing there)
        if _CARE_PLACE_BEFORE.search(before) and word[0].isupper() and nxt not in _POSSESSED:
            return True
        if _SOURCE_BEFORE.search(before) and word[0].isupper() and not (possessive and nxt in _POSSESSED):
            return True
        if possessive and _USING_BEFORE.search(before) and nxt in _SCHOLARLY:
            return True
        if self._imperative(text, tokens, i):
            return True  # 'Redo the CIN plan with the family'
        if _VOCATIVE_BEFORE.search(before) and re.match(r"^\s*(?:[,.!]|$)", text[tok.end:tok.end + 3]):
            return True  # 'Great work Jess, the voice of the child is clear': the auditor addresses the worker
        if possessive and i + 1 < len(tokens) and tokens[i + 1].text in ("Hospital", "Hospice", "Clinic") and not (
                i + 2 < len(tokens) and tokens[i + 2].text.casefold() in _HOSPITAL_VISIT):
            return True  # "Wilson's Hospital"
        if word[0].isupper() and not possessive and any(
                t.text.casefold() in _CONDITIONS for t in tokens[i + 1:i + 3]) and all(
                t.text[0].isupper() for t in tokens[i + 1:i + 3] if t.text.casefold() not in _CONDITIONS):
            return True  # 'Peter Pan syndrome', 'Tourette syndrome'
        if possessive:
            for k in range(i + 1, min(i + 4, len(tokens))):
                if text[tokens[k - 1].end:tokens[k].start] != " " or tokens[k].text.casefold() in _POSSESSED:
                    break
                if tokens[k].text.casefold() in _EPONYM_THINGS:
                    return True
        return False

    def _imperative(self, text: str, tokens: list[Token], i: int) -> bool:
        """An English verb opening a sentence with its object after it ('Redo the CIN plan', 'Recheck her file'):
        an instruction, not a person, when the word is no common given name ('Mason the IRO' is judged by role)."""
        if i + 1 >= len(tokens) or tokens[i + 1].text.casefold() not in _OBJECT_DETERMINERS:
            return False
        if i and not re.search(r"[.!?:;\n]\s*$", text[tokens[i - 1].end:tokens[i].start]):
            return False
        folded = tokens[i].text.casefold()
        lex = self.lexicon
        return folded in lex.known_words and folded not in lex.census_given and folded not in lex.name_words \
            and not re.search(r"['’]s$", folded)

    def _family_plural(self, word: str) -> bool:
        """A family called by its surname in the plural: Okonkwos, Joneses, Browns (not the Services, the Lords, the
        Greens)."""
        folded = word.casefold()
        if folded in NOT_PEOPLE:
            return False  # 'the Christmas do': a feast or a day ending in s is no family
        stems = [folded[:-2]] if folded.endswith("es") else []
        stems += [folded[:-1]] if folded.endswith("s") else []
        lex = self.lexicon
        return any(len(stem) > 2 and (stem in lex.surnames or stem in self.listed or (
            len(stem) > 3 and stem not in lex.known_words and folded not in lex.known_words and lex.has_lists))
                   and stem not in NOT_PEOPLE
                   and stem not in self.lexicon.never_names and stem not in _NOT_FAMILY_PLURALS
                   and (stem not in self.lexicon.everyday_words or stem in lex.surnames)
                   and stem not in self.lexicon.places for stem in stems)

    @staticmethod
    def _calendar_after_child(text: str, tokens: list[Token], i: int) -> bool:
        """Token i is a season, month, day or holiday right after a word for any child, with nothing after it that
        says a person is meant and no meeting before: when, as campaign names and action texts say it ('Voice of the
        child winter', 'Young person spring', 'plan for the child summer'; trial 9, finding 5), not the child's name
        ('child summer said she was scared', 'the child summer, who is 8', "child april's mum", 'spoke to the child
        summer'). After a family word it stays a name ('sister april', 'baby summer'). A season written with a capital
        is when only in a title, where the word for the child has one too ('Voice of the Child Winter', not 'the child
        Summer'); months and days always have one ('Voice of the child April'). The callers check that."""
        if i == 0 or _bare(tokens[i].text.casefold()) not in CALENDAR_WORDS \
                or tokens[i - 1].text.casefold() not in CHILD_IN_GENERAL:
            return False
        after = text[tokens[i].end:tokens[i].end + 40]
        if PERSON_AFTER.match(after) or _WHO_AFTER.match(after):
            return False
        before = _CHILD_DESCRIBED.sub("", text[max(0, tokens[i - 1].start - 80):tokens[i - 1].start], count=1)
        return not (_MEETING_BEFORE.search(before) or _TO_MEET_BEFORE.search(before))

    def _lower_given_after_relation(self, folded: str, prev: str, nxt: Token | None) -> bool:
        """'mum sharon and her partner': a census first name after a family word, not a verb ('mum drew a
        picture', 'mum rang', 'mum pat him on the back'), an everyday word ('mum will') nor a people or a faith ('dad
        christian', 'mum irish')."""
        return prev in FAMILY_BEFORE_NAME and folded in self.lexicon.census_given \
            and folded not in self.lexicon.everyday_words and folded not in PEOPLES \
            and (nxt is None or nxt.text.casefold() not in DETERMINERS | PARTICLES | OBJECT_PRONOUNS)

    @staticmethod
    def _language_context(before: str, nxt: Token | None) -> bool:
        return bool(_LANGUAGE_BEFORE.search(before)) or (
            nxt is not None and nxt.text.casefold() in _LANGUAGE_AFTER)

    def _common_only_context(self, word: str) -> bool:
        return word.casefold() in NOT_PEOPLE

    def _full_name(self, first: str, second: str, mode: str) -> bool:
        if not (self._surname(second) or self.is_given(second)):
            return False
        if second.casefold() in NOT_PEOPLE or first.casefold() in NOT_PEOPLE or second.casefold() in _AFTER_ORG:
            return False  # 'Coram Voice', 'Abbey Trust': an organisation's name
        if second.casefold() in _STREET_WORDS:
            return False  # 'Ormond Street', 'Cromwell Road': a street, named or not
        if mode != "mixed" and (self.what_a_person_did(second) or second.casefold() in _AUXILIARIES):
            return False  # 'that aaron said', 'aaron can be': in lower case a verb is no surname ('Said', 'Can' are)
        if not (self.is_given(first) or self._surname(first)) and self.english_form(first):
            return False  # 'Graded Good': an English word's form, capitalised as a heading
        if mode == "mixed":
            if not (first[0].isupper() and second[0].isupper()):
                return False
            return not (first.isupper() and len(first) <= 5)
        if re.match(r"^(mc|mac|o')", second.casefold()):
            return True
        lex, first_folded, second_folded = self.lexicon, first.casefold(), second.casefold()
        if first_folded in lex.everyday_words or (first_folded in lex.known_words and second_folded in lex.known_words
                                                  and first_folded not in lex.census_given):
            return False  # lower case: 'just banter', 'analyse risk' are words; 'tyler smith' is a name
        return not self._common(first) or not self._common(second)

    @staticmethod
    def _touching(text: str, tokens: list[Token], i: int, j: int) -> bool:
        gap = text[tokens[i].end:tokens[j].start]
        return gap.strip(" .") == "" and len(gap) <= 3

    @staticmethod
    def _friend_word_as_name(text: str, tokens: list[Token], i: int) -> bool:
        """Whether a friend's word ('mate', 'pal', 'bruv'; lexicon.INFORMAL_FRIENDS), an ordinary word since trial 46
        ("mate's mum says she can stay"), is capitalised as a name: 'Mate' in mid-sentence with no 'my', 'his' or
        'the' before it ('at school Mate said he was hit', "spoke to Mate's mum"); not 'cheers Mate', 'my Mate', nor
        at a sentence's start, where a phone capitalises any word ('Mate said she can stay'). Written in lower case,
        a child called Mate passes: the trade-off accepted for the word (fix48f)."""
        word = re.sub(r"['’]s$", "", tokens[i].text)
        if word.casefold() not in INFORMAL_FRIENDS or not (word[0].isupper() and word[1:].islower()):
            return False
        prev = tokens[i - 1].text.casefold() if i else ""
        if prev in DETERMINERS or prev in _FRIEND_BEFORE:
            return False  # 'my Mate', 'his best Mate', 'cheers Mate'
        if i == 0 or re.search(r"[.!?:;(\-–\n]\s*$", text[tokens[i - 1].end:tokens[i].start]):
            return False
        after = text[tokens[i].end:tokens[i].end + 60]
        return not re.match(r"\s*(?:[,.!?]|$)", after) or not re.search(r",\s*$", text[:tokens[i].start])

    def _role_adjacent(self, text: str, tokens: list[Token], i: int) -> bool:
        """A role word just before the name (allowing a title, a given name, 'the', a comma) or just after."""
        k = i - 1
        steps = 0
        while k >= 0 and steps < 4:
            word = re.sub(r"['’]s$", "", tokens[k].text.casefold())  # 'Munby LJ's comments'
            if word in ROLES:
                return True
            capitalised_run = tokens[k].text[0].isupper() or (  # 'Dame Rachel de Souza'
                word in ("of", "for", *_NAME_PARTICLES) and tokens[k + 1].text[0].isupper())
            if word in TITLES or word == "the" or capitalised_run:  # 'Head of Safeguarding, Kwesi Boateng'

                k -= 1
                steps += 1
                continue
            break
        k = i + 1
        if k < len(tokens) and re.search(r"['’]s$", tokens[i].text) and tokens[k].text.casefold() in _CHILDS_WORKERS:
            return False  # "Aaron's teacher", "Aaron's social worker": the child's, not Aaron's role
        steps = 0
        bracketed = False  # 'Priya (SW)', 'Mrs Okonkwo (Head of Service)', 'Kev (service manager)'
        while k < len(tokens) and steps < 5:
            gap = text[tokens[k - 1].end:tokens[k].start]
            opens = gap.strip() == "(" and not bracketed
            if not opens and (any(c in gap for c in ".;:!?()–") or " - " in gap):
                break
            bracketed = bracketed or opens
            if re.search(r"['’]s$", tokens[k - 1].text) and (tokens[k].text.casefold() in _CHILDS_WORKERS or (
                    _bare(tokens[k].text.casefold()) in ROLES - _STAFF_LINE)):
                return False  # "Tyler Brown's worker", "Kayla's lead practitioner": the child's (trials 21, 53)
            word = re.sub(r"['’]s$", "", tokens[k].text.casefold())  # 'Munby LJ's comments'
            if word in ROLES or (k == i + 1 and tokens[k].text in ("J", "J's")) or (  # 'Keehan J' is a judge
                    word in ("from", "at") and k + 1 < len(tokens) and tokens[k + 1].text.isupper()
                                 and len(tokens[k + 1].text) > 2) or (
                    self._department(text, tokens, k) and not self._in_full_name(text, tokens, i, k)):
                return True
            if bracketed and steps < 3:
                k += 1
                steps += 1
                continue
            if word in ("the", "a", "our", "community", "named", "allocated") or (
                    self._surname(tokens[k].text) and tokens[k].text[:1].isupper() and steps == 0):
                k += 1
                steps += 1
                continue
            break
        return False

    def _in_full_name(self, text: str, tokens: list[Token], i: int, k: int) -> bool:
        """Whether the name before a team (token k) has two words: 'Gemma in the MASH team' is how a colleague is
        named, but 'Kayleigh Price in the leaving care team' may be a care leaver the team works with, so a full
        name is refused whatever follows it (a colleague is written by their role)."""
        if k > i + 1:
            return True  # 'Darren Price in ...': a surname stands between the name and the team
        if i == 0 or not self._touching(text, tokens, i - 1, i):
            return False
        before = tokens[i - 1].text
        return before[:1].isupper() and before.casefold() not in DETERMINERS and (
            self.is_given(before) or self._surname(before))

    def _schools_by_cue(self, text: str, mode: str) -> list[str]:
        """A school named without 'school' where the sentence says it is one (see _SCHOOL_CUE)."""
        found: list[str] = []
        for m in _SCHOOL_CUE.finditer(text):
            name = m.group("name")
            if mode == "lower" and re.match(r"(?:st|saint)\.?\s", name):
                found.append(name)  # 'year 4 at st johns'
                continue
            if mode != "mixed" or not name[0].isupper():
                continue
            name = re.sub(r"(?:\s+(?:of|&))+$", "", name)
            words = [w.casefold() for w in name.split()]
            first = re.sub(r"['’]s$", "", words[0])
            loose_cue = re.match(r"(?i)(?:attend|start|enrol|go|mov|transf|transi)", m.group(0))
            following = re.match(r"\s+(\w+)", text[m.end():])
            saint = first in ("st", "st.", "saint") and not (following and following.group(1).casefold() in (
                _SAINT_INSTITUTIONS | _NOT_SCHOOL_WORDS))  # 'goes to St Thomas hospital', 'St Luke's hospice'
            if re.match(r"(?i)(?:go|mov|transf|transi)", m.group(0)) and (
                    not saint or " ".join(words) in self.lexicon.places) and (
                    len(words) > 1 or self._far_place(*self._one_token(name))):
                continue  # 'goes to Hillside', 'moved from St Helens' (a town); not 'goes to St Johns', 'to Stockport'
            if re.match(r"(?i)\S*\s+school\s+[A-Z]", m.group(0)) and not saint and (not any(
                    self._school_name_word(w) for w in words) or any(_bare(w) in ROLES for w in words)):
                continue  # 'the school Nurse', 'the school Safeguarding Lead'; not 'the school Brookfield'
            if re.match(r"(?i)(?:school|nursery|college)", m.group(0)) and not saint and (
                    all(w in _SCHOOL_DESCRIPTIONS for w in words) or (not any(
                        self._school_name_word(w) for w in words) and ("," in m.group(0) or len(words) == 1))):
                continue  # 'the school is Catholic', 'school, Early Help and police'; not 'her nursery is Busy Bees'
            if loose_cue and len(words) == 1 and not (self._compound(first) or re.match(
                    r"(?i)\s+in\s+(?:sept|september|reception|year|nursery)\b", text[m.end():m.end() + 20])):
                continue  # 'started at Tesco': one word that is not built like a school's name ('Oakwood')
            if first in NOT_PEOPLE or first in self.lexicon.never_names or first in ROLES or _abbreviation(
                    name.split()[0]) or any(w in _NOT_SCHOOL_WORDS or w in _COURTS for w in words) \
                    or (m.group(0).casefold().startswith("attend") and len(words) == 1 and self._english(name)):
                continue  # 'attends CAMHS', 'attended Family Court', 'started at Easter', 'attends Brownies'
            found.append(name)
        return found

    @staticmethod
    def _one_token(word: str) -> tuple[list[Token], int]:
        return [Token(word, 0, len(word))], 0

    def _school_name_word(self, word: str) -> bool:
        """A word that names a school rather than describes one: rare ('Kingsmead'), built like a place name
        from two English words ('Moorside', 'hillside'), or a place ('Croydon')."""
        folded = word.casefold()
        if folded in self.lexicon.common_words or folded in self.lexicon.never_names:
            return False
        known = self.lexicon.known_words
        if folded not in known and any(folded.endswith(end) and folded[:-len(end)] in known
                                       for end in _WORD_ENDINGS):
            return folded in self.lexicon.places  # 'lapsed school attendance': a known word's form, no name
        if folded.endswith("ly") and folded in known:
            return False  # 'fortnightly school visits': an adverb, not built like 'Moorside'
        return folded not in known or self._compound(folded) or folded in self.lexicon.places

    def _schools(self, text: str, tokens: list[Token], mode: str) -> list[str]:
        found: list[str] = []
        for i, tok in enumerate(tokens):
            word = tok.text
            two = f"{word} {tokens[i + 1].text}" if i + 1 < len(tokens) else ""
            if not (_SCHOOL_TYPE.match(word) or _SCHOOL_TYPE.match(two) or word.casefold() == "high"):
                continue
            high_alone = word.casefold() == "high" and not _SCHOOL_TYPE.match(two)
            if high_alone and (i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper() and mode == "mixed"):
                continue  # 'High Street', 'High Court'
            start = self._school_name_start(text, tokens, i, mode)
            named = [t.text for t in tokens[start:i] if t.text.casefold() not in (
                "of", "st", "saint", "c", "e", "ce", "rc", "cofe", "and", "&", "the")]
            if word.casefold() in ("rc", "ce") and not any(
                    t.text.casefold() in _FAITH_WORDS | {"st", "saint"} for t in tokens[start:i]):
                continue  # 'Holy Family RC', 'St Bede's CE'; not 'Criminal Exploitation (CE)'
            if high_alone and not (named and (all(self._school_name_word(w) for w in named) or (
                    mode == "mixed" and word[0].isupper() and all(w[0].isupper() for w in named)
                    and any(self._surname(w) or w.casefold() in self.lexicon.places for w in named)))):
                continue  # 'Moorside High', 'hillside high', not 'Very High' nor 'the risk is high'
            if mode == "lower" and not _FAITH_SCHOOL.search(text[tokens[start].start:tok.start]) and (not (
                    named and any(self._school_name_word(w) for w in named))
                    or (start and tokens[start - 1].text.casefold() in ("a", "an"))):
                continue  # lower case: 'oakfield primary', not 'forest school' nor 'an immobile infant'
            if mode == "upper" and not named:
                continue
            if start == i - 1 and len(named) == 1 and re.search(r"['’]s$", named[0]) and self.is_given(named[0]) \
                    and _bare(named[0].casefold()) not in _RANKS:
                continue  # "Poppy's school attendance": the child's (trial 22); "St Mary's", "Queen's School" are names
            if _HEALTH_PLACE.search(two if _SCHOOL_TYPE.match(two) else word) and (any(
                    t.text.casefold() in ROLES or t.text.casefold().rstrip(".") in TITLES for t in tokens[start:i])
                    or all(w.casefold() in _OPERATIONS for w in named)):
                continue  # "Dr Patel's surgery": a doctor named with the role, as professionals may be; 'Heart Surgery'
            end = i + 1 if _SCHOOL_TYPE.match(two) and not _SCHOOL_TYPE.match(word) else i  # 'Referral Unit'
            while end + 1 < len(tokens) and _SCHOOL_TYPE.match(tokens[end + 1].text) \
                    and text[tokens[end].end:tokens[end + 1].start] == " ":
                end += 1  # 'Grange Park Primary School'
            if named or (start < i and mode == "upper"):
                found.append(text[tokens[start].start:tokens[end].end])
        return found + self._schools_named_first(text, tokens, mode)

    def _school_name_start(self, text: str, tokens: list[Token], i: int, mode: str) -> int:
        """Where the name before the school word at token i starts (i itself when no word before it is part of it):
        up to five capitalised words or connectors ('St', 'of', 'C of E'), never across punctuation or 'the'."""
        start = i
        k = i - 1
        while k >= 0 and k >= i - 5:
            prev = tokens[k].text
            low = prev.casefold()
            connector = low in ("of", "st", "saint", "c", "e", "ce", "rc", "cofe", "and", "&", "the")
            if _punctuation_between(text, tokens[k], tokens[k + 1], low):
                break  # 'lapsed in Oct; school not invited', 'fortnightly, school attending': no name across
            if k == i - 1 and low == "the":
                break  # 'chase the school'
            if opens_an_action(prev, k == 0 or _punctuation_between(text, tokens[k - 1], tokens[k], ""),
                               tokens[i].text, self.is_given(prev)):
                break  # 'Invite school to all core groups': an action's verb (bot/privacy/school_actions.py)
            if mode == "mixed" and not (prev[0].isupper() or connector):
                break
            if low in _GENERIC_BEFORE_SCHOOL and not connector and not (
                    mode != "lower" and prev[0].isupper() and k > 0 and tokens[k - 1].text[:1].isupper()
                    and tokens[k - 1].text.casefold() not in _GENERIC_BEFORE_SCHOOL):
                break  # 'a catholic college', not 'Bishop Challoner Catholic College'
            if low in self.lexicon.never_names and not connector and mode != "upper":
                break
            if mode == "lower" and not (connector or low in _FAITH_WORDS or self._school_name_word(prev)
                                        or self.is_given(prev) or self._surname(prev)):
                break  # 'attends oakbrook primary': the name starts after 'attends'
            start = k
            k -= 1
        return start

    def _schools_named_first(self, text: str, tokens: list[Token], mode: str) -> list[str]:
        """A school named after the word for school, as Welsh and Gaelic schools are ('Ysgol Gymraeg Aberystwyth',
        'Ysgol y Wern', 'Gaelscoil Mhuire'): the capitalised words after it, or in one case the words that are not
        English ('ysgol gymraeg aberystwyth said')."""
        found: list[str] = []
        for i, tok in enumerate(tokens):
            if tok.text.casefold() not in _SCHOOL_FIRST:
                continue
            end = i
            for j in range(i + 1, min(i + 5, len(tokens))):
                word = tokens[j].text
                if text[tokens[j - 1].end:tokens[j].start] != " ":
                    break
                if word.casefold() in _WELSH_ARTICLES:
                    continue  # 'Ysgol y Wern', 'Ysgol yr Hendre'
                if (mode == "mixed" and not word[0].isupper()) or (mode != "mixed" and self._common(word)):
                    break
                end = j
            if end > i:
                found.append(text[tok.start:tokens[end].end])
        return found


def _punctuation_between(text: str, left: Token, right: Token, word: str) -> bool:
    """Whether a comma, a semicolon or a sentence's end parts two words (`word` is the left one, folded), so they are
    no one name; a name's own marks do not ('St. Mary's', 'C. of E.', 'Bishop-Challoner', 'Ss Peter & Paul')."""
    raw = text[left.end:right.start]
    gap = raw.strip()
    return bool(gap) and not (gap == "." and word in ("st", "c", "e")) and gap != "&" and raw != "-"


# Without the word lists (knowledge-base content mode) these everyday words in a names file stay words.
_COMMON_FALLBACK = frozenset(_split("will mark may june grace hope faith joy rose amber summer young white green"
                                    " brown"))
# A word for a relative that may stand before their name: 'mum sharon', 'brother Jack', 'Nan Pat'.
FAMILY_BEFORE_NAME = RELATIONS - frozenset(_split("child baby yp carer carers partner twins siblings son daughter"))
# After these a lower-case word describes: 'dad was jolly', 'she seemed bubbly'.
_COPULAS = frozenset(_split("was is were are be been seemed seems looked looks felt feels appeared appears very so"
                            " quite really too more less feeling looking seeming being getting became become"))
_FOCUS = frozenset(_split("focus focused focussed focusing centred centered"))
_NAME_PARTICLES = frozenset(_split("de da di del della van von der den le la du bin al el ter ten"))
_PERSON_PREPOSITIONS = frozenset(_split("with to and met saw visited by for from asked told about"))
# Before a person and a bare verb ('help Grace feel safe', 'let Faith go'), and the modals of a question about a person
# ('should Hope be seen alone'): NameFinder._before_a_bare_verb.
_CAUSATIVES = frozenset(_split("help helps helped helping make makes made making let lets letting"))
_MODALS = frozenset(_split("should can could will would must may might shall"))
_CAUSED_VERB_AFTER = re.compile(r"^\s+(?:feel|be|go|stay|get|settle|cope|understand|talk|speak|open\s+up|say|tell|"
                                r"know|return|live|move|attend|engage|sleep|eat|see|come)\b", re.IGNORECASE)
_MODAL_VERB_AFTER = re.compile(r"^\s+(?:(?:still\s+)?be\s+(?!(?:a|an|the|used|part|key|important|enough)\b)|"
                               r"go|stay|live|return|move|attend|see|come|speak|talk)\b", re.IGNORECASE)
# Words after which a person's name or nickname is given: 'known as', 'goes by', 'calls herself'. The word after
# them unquoted is judged in bot/privacy/person_context.py (with 'called' and 'named', which need more care).
NICKNAME_CUES = r"known\s+as|nicknamed|goes\s+by|calls\s+(?:him|her|them)sel(?:f|ves)"
# A nickname in quotes is a name however it is spelt: "known as 'Big Dave'".
_NICKNAME = re.compile(rf"\b(?:{NICKNAME_CUES})\s+['‘\"“]([^'’\"”\n]{{1,30}}?)['’\"”]", re.IGNORECASE)
DETERMINERS = frozenset(_split("the a an his her their my our your its this that these those some any no every each"
                                " young"))
# A noun phrase's determiners, and the words between one and a name that make no noun of it: a person, a place one
# tells, the words setting the scene, a verb's form ('the boy jack said', 'told the school jack was hit', 'on the visit
# jack wasnt there', 'the one who saw jack').
_NOUN_DETERMINERS = frozenset(_split("the a an this that these those his her their my our your its some any no every"
                                     " each another"))
_NOT_MODIFIERS = frozenset(_split("""
boy boys girl girls child children kid kids baby lad lass son daughter brother sister sibling siblings twin man
woman guy bloke friend mate person pupil student teenager teen toddler family
school nursery college police hospital gp court council team office class group unit ward home house
visit visits meeting call session day morning afternoon evening night weekend week time today yesterday end start
while moment minute one who which that what when where and or but so because if as than then there here
is was are were be been being has had have do did does said told saw seen met asked
"""))
_OBJECT_DETERMINERS = frozenset(_split("the a an this that these those his her their all any every each our your my"))
_ARTICLE_OR_SAINT = DETERMINERS | frozenset(_split("st saint"))
_HEADING_PERSON = re.compile(r"^(?:['’]s\b|\s+and\s+(?:his|her|their)\b|\s*\(\d)", re.IGNORECASE)  # 'Kai And His Mum'
# 'miss' after these is the verb: 'doesn't want to miss lessons', 'she will miss contact'.
_VERB_BEFORE = re.compile(r"(?:\b(?:to|not|will|would|could|might|should|can|did|do|does|i|you|he|she|we|they|never|"
                          r"often|always|usually|also|won't|don't|doesn't|didn't|can't)|n['’]t)\s+$", re.IGNORECASE)
_INSTITUTIONS = frozenset(_split("centre centres center project clinic surgery hospital library church mosque temple"
                                 " club hall trust foundation hub nursery academy school college primary"))
_LANDSCAPE = frozenset(_split("hill hills park green lane road street vale valley wood woods field fields grove bridge"
                              " gate cross moor heath common farm"))
_PLURAL_PERSON_AFTER = re.compile(
    r"^(?:['’](?=\s)|\s+(?:have|had|are|were|moved|left|said|say|agreed|refused|declined|attended|live|lived|came|went|want|wanted|"
    r"did|do|don'?t|didn'?t|both|themselves|and\s+their|were\s+seen|"
    # what a family is to do: 'the threshold for the Smiths to go into PLO' (trial 22)
    r"to\s+(?:go|move|attend|engage|stay|return|come|keep|get|be\s+(?:seen|told|assessed|offered|referred|supported)))"
    r"\b)", re.IGNORECASE)  # "the Smiths' house"
# Everyday words that are surnames too, whose plural after 'the' is a party, a team, a chamber or people by colour,
# not a family: 'the Greens have', 'the Lords agreed', 'the Blues'. Other everyday surnames are a family there ('the
# Browns have refused the plan'; trial 22).
_NOT_FAMILY_PLURALS = frozenset(_split("green red blue black white lord common king queen royal saint angel liberal"
                                       " democrat tory labour conservative spur wolf ranger rover city united"))
_TITLE_CONNECTORS = frozenset(_split("of the and for & in on"))
PARTICLES = frozenset(_split("up down out back on off in over round around away to into"))
OBJECT_PRONOUNS = frozenset(_split("him her them it me us you himself herself themselves myself yourself"))
# The peoples and faiths that are census first names too, said of a parent ('dad christian, mum muslim', 'mum irish'):
# not their name there. Fewer than PEOPLES_AND_FAITHS: after a relative 'white' and 'roma' are a name ('nan white').
PEOPLES = frozenset(_split("christian roman irish english german french scottish welsh british muslim catholic"))
_PLACE_BEFORE = frozenset(_split("in from to at into near via of on"))
# What follows a person's possessive: "Kwame's foster carer", "Amber's nursery" (not "Bishop's letter").
_POSSESSED = RELATIONS | frozenset(_split(
    "foster social sw worker key teacher school nursery college class attendance views wishes feelings needs "
    "behaviour bedroom room phone friends friend birthday placement plan health asylum mental file files record "
    "records voice story journey review reviews progress safety chronology referral assessment contact statement"
    " words account disclosure medical injuries injury bruise bruises allegation interview medication appointment"
    " appointments"))
# Ranks and titles the census lists as first names: 'queens school', 'princes trust' are no possessives.
_RANKS = frozenset(_split("king queen prince princess duke earl lady lord major judge guy baron count"))
# Professionals a child has: after a possessive they are the child's ("Aaron's teacher"), not the person's role.
# Roles after a name's possessive that are a colleague's line, not a child's professional ("Priya's manager agreed");
# any other role after one is the child's or family's ("Kayla's lead practitioner", trial 53, F1).
_STAFF_LINE = frozenset(_split("manager supervisor director tm atm hos auditor auditors moderator moderated reviewer qa"
                               " assessor asye nqsw"))
_CHILDS_WORKERS = frozenset(_split("teacher headteacher head senco sw ssw social worker keyworker iro gp hv nurse"
                                   " paediatrician therapist guardian advocate tutor mentor"))
# Before a plural, never a possessive: 'the jacks', 'different faiths mum and dad follow', 'both roses'.
_COUNTING = DETERMINERS | frozenset(_split("different other many both all various several few two three four"))
# Who and what a child has, after a possessive even of a name that is also a word ('jacks mum', "ruby's teacher").
_CLOSE_TO_A_CHILD = RELATIONS | frozenset(_split("social foster birth school nursery college teacher teachers class"
                                                  " birthday bday bedroom"))  # "jaden's bday" (trial 38, M1)
_FAMILY_GROUP = frozenset(_split("family family's families children kids household siblings boys girls brothers sisters"
                                 " twins"))
# What may be named after a person: 'the Victoria Climbie Inquiry', 'a Duke of Edinburgh Award'.
_NAMED_AFTER = frozenset(_split("review reviews practice inquiry inquiries report act award fund foundation trust"
                                " memorial lecture centre center unit ward wing building hall house lodge"))
# Buildings named after someone, written in lower case after their name ('the Anna Freud centre'), and those that
# are surnames too ('Jenny Hall', 'Tyler House', 'Amy Lodge': a person where a person's verb follows).
_BUILDING_WORDS = frozenset(_split("centre center unit ward wing building hall house lodge clinic"))
_SURNAME_BUILDINGS = frozenset(_split("hall house lodge"))
# What is named after someone in the possessive: theories and tools anyway, hospitals unless it is a given name.
_EPONYM_THINGS = frozenset(_split("syndrome disease law hierarchy model tool triangle scale principles principle"
                                  " criteria theory test rule rules framework guidelines palsy sarcoma cycle cycles"
                                  " pyramid ladder wheel matrix curve"))
_EPONYM_PLACES = frozenset(_split("hospital hospitals clinic ward"))
_INSTITUTION_AFTER = frozenset(_split("hospital clinic hospice infirmary"))
_AUTHORED = frozenset(_split("review report inquiry recommendations judgment"))  # 'the Munro review'
# A framework of practice named after its author, as a review is: 'the Lundy model', 'the Fahlberg model'.
_AUTHORED_FRAMEWORKS = frozenset(_split("model framework"))
# Authors of practice whose surnames the name lists hold as given names, with the first word of the work they are cited
# for that no general rule reads as theirs ("Ainsworth's strange situation", "Turnell's signs of safety", "Schön's
# reflective practice", 'the Johari window').
_AUTHORS_WORKS = frozenset({("ainsworth", "strange"), ("turnell", "signs"), ("schon", "reflective"),
                            ("schön", "reflective"), ("johari", "window"), ("lundy", "voice"), ("lundy", "model")})
# What a case review is called, capitalised: 'the Marcus Tate Practice Review' names a child, as 'review' does.
_CASE_REVIEWS = frozenset(_split("review reviews practice inquiry inquiries report"))
_REVIEW_WORDS = _CASE_REVIEWS | _AUTHORED
# A service or an employer follows these: 'referred to Kooth', 'signposted to Shout', 'works at Asda'.
_SERVICE_BEFORE = re.compile(r"\b(?:(?:referrals?|referred|refer|signposted|sign-posted|signposting)\s+(?:on\s+)?to|"
                             r"(?:works|worked|working|job|jobs|shifts?|employed|employment)\s+(?:at|for|by))\s+"
                             r"(?:the\s+)?(?:\w+\s+(?:and|&)\s+)?$", re.IGNORECASE)
# A place's or club's name: 'Dudley Council', 'Barry Island', 'Victoria Station', 'Chelsea FC'.
_PLACE_AFTER = frozenset(_split("council borough county constabulary police station island river airport fc united city"
                                " town village estate park night eve"))
_PET_AFTER = re.compile(r"^,?\s+(?:the|our|their|his|her)\s+(?:family\s+|pet\s+)?(?:dog|cat|puppy|kitten|rabbit|"
                        r"hamster|guinea\s+pig|horse|pony|pet|parrot|snake)s?\b", re.IGNORECASE)
# What is said only of a place: 'Preston is the placing authority', 'Chester was where he was found'.
_PLACE_PREDICATE = re.compile(r"^\s+(?:is|was|has\s+been)\s+(?:where|the\s+(?:\w+\s+){0,2}?(?:authority|town|"
                              r"city|area|borough|council|county|region|place|la)\b)", re.IGNORECASE)
_STREET_WORDS = frozenset(_split("street road avenue drive crescent terrace gardens mews"))
_REVIEW_QUALIFIERS = frozenset(_split("serious case child safeguarding practice learning local memorial national"
                                      " rapid"))
_NOT_A_SURNAME_HERE = _REVIEW_WORDS | _REVIEW_QUALIFIERS | NOT_PEOPLE | _AFTER_ORG  # 'Kayden Serious Case Review'
# 'Croydon was contacted', 'Eritrea was mentioned': a passive says a thing was acted on, not that a person acted.
# Passives that people undergo in case notes ('was seen', 'was excluded') say nothing of the kind.
_PERSON_PASSIVES = ("seen|placed|excluded|arrested|found|taken|moved|accommodated|interviewed|born|collected|"
                    "returned|admitted|discharged|assessed|bullied|assaulted|hurt|injured|examined|adopted|removed|"
                    "released|sentenced|charged|cautioned|picked|dropped|brought|reported|observed|spoken|visited|"
                    "abused|groomed|exploited|hit|punched|kicked|smacked|slapped|threatened|scared|frightened|upset|"
                    "allocated|referred|suspended|remanded|convicted|stopped|missing|diagnosed|prescribed|tested|settled|unsettled|"
                    "distressed|worried|withdrawn|isolated|attached|bonded|exhausted|depressed|overwhelmed|tired|"
                    "frustrated|confused|dressed|fed|bathed|bruised|neglected|unkempt|"
                    "medicated|sedated|fostered|grounded|restrained|detained")
_PASSIVE_AFTER = re.compile(rf"^\s+(?:was|is|has\s+been|had\s+been)\s+(?!(?:{_PERSON_PASSIVES})\b)[a-z]+(?:ed|en|wn)\b",
                            re.IGNORECASE)
# 'Hope is a theme', not 'Hope is a bright girl': a common word said to be something that is not a person.
_PERSON_NOUNS = ("girl|boy|child|children|young|baby|toddler|teenager|teen|pupil|student|man|woman|lad|lass|son|"
                 "daughter|sister|brother|sibling|twin|kid|looked|care|carer|mother|father|mum|dad|parent|member|"
                 "person|friend|victim|witness|survivor|year|yp|cla|cin|cp|child's|boy's|girl's|\\d+")
_THING_IS = re.compile(rf"^\s+(?:is|was)\s+(?:not\s+)?(?:a|an)\s+"
                       rf"(?!(?:(?!(?:in|of|for|with|to|at|on)\b)[\w'-]+\s+){{0,3}}(?:{_PERSON_NOUNS})\b)",
                       re.IGNORECASE)
# Visiting, seeing, meeting or speaking to someone as practice writes it, in a noun or a verb's other forms: 'our visit
# to', 'home visit to see', 'visiting', 'seeing', 'meeting with', 'speaking to', 'went to see' (fix43c).
_VISITS = (r"visits?\s+to(?:\s+see)?|visiting|seeing|(?:to|go|goes|went|going|come|came|coming)\s+see|"
           r"meet(?:ing)?(?:\s+with)?|(?:speak|speaking|talk|talking)\s+(?:to|with)|catch(?:ing)?\s+up\s+with|"
           r"check(?:ing)?\s+in\s+with")
# Seeing or speaking to someone, then their name and a pause: 'met will at the cafe', 'seen mia at home'.
_MEETING_BEFORE = re.compile(r"\b(?:seen|saw|met|visited|spoke\s+(?:to|with|w/)|spoken\s+(?:to|with)|"
                             r"talked\s+(?:to|with)|called|phoned|rang|texted|asked|told|emailed|messaged|discussed|"
                             # the nouns and forms practice writes them in: 'our visit to Blessing', 'home visit to see
                             # Favour', 'meeting with Gift', 'speaking to Precious' (fix43c)
                             rf"{_VISITS}|"
                             # caring for someone: 'took river to the dentist', 'picked up storm from school'
                             r"took|picked\s+up|collected|reminded|dropped\s+off|brought|drove|accompanied|"
                             r"reassured|praised|comforted|thanked|woke|"
                             r"(?:chat(?:ted)?|met|sat|worked|played|caught\s+up|checked\s+in)\s+(?:with|w/))\s+$",
                             re.IGNORECASE)
_GROUP_BEFORE = re.compile(r"(?:\b(?:kids|children|siblings|twins|brothers|sisters|boys|girls)\s*[(:]\s*|"
                           r"\b(?:mum|mother|dad|father|carer|sister|brother|nan|gran|aunt|uncle)\s+of\s+)$",
                           re.IGNORECASE)
# Seen on one's own, which only a person is: 'we need to see legend alone', 'saw bear on his own' (fix43c).
_ALONE_AFTER = re.compile(r"^\s+(?:alone|on\s+(?:his|her|their)\s+own|by\s+(?:him|her|them)sel(?:f|ves))\b",
                          re.IGNORECASE)
# Words a letter labels, not a person's initial: 'Plan B', 'Grade A Jones' is no name (_initial_before).
_LETTER_LABELS = frozenset(_split("plan grade section part form year class block vitamin category tier level type"
                                  " option appendix annex schedule room flat unit apartment floor wing ward bay stage"
                                  " step phase group team key"))
# A visit named as a noun, and what it did after the person visited: 'our visit to blessing went well'.
_VISIT_NOUN_BEFORE = re.compile(r"\bvisits?\s+to(?:\s+see)?\s+$", re.IGNORECASE)
_VISIT_ENDS_AFTER = re.compile(r"^\s+(?:went|goes|was|were|is|are|has|had|took|takes|lasted|happened|will|would|got|"
                               r"needs|needed|did|didn['’]?t|wasn['’]?t)\b", re.IGNORECASE)
# Seeing, meeting or speaking to a person, which a gift or a blessing is not: after these a baby name that is an English
# word is the person ('saw Blessing at school', 'our visit to Gift'; NameFinder._word_name_met).
_PERSON_MET_BEFORE = re.compile(rf"\b(?:seen|saw|met|visited|(?:spoke|spoken|talked)\s+(?:to|with|w/)|{_VISITS}|"
                                r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!be\s)(?<!is\s)(?<!are\s)(?<!being\s)"
                                # not 'the plan was met with praise'
                                r"(?<!got\s)(?<!get\s)(?<!gets\s)met\s+(?:with|w/)|"
                                r"(?:chat(?:ted)?|sat|worked|played|caught\s+up|checked\s+in)\s+(?:with|w/))\s+$",
                                re.IGNORECASE)
# A feeling seen in someone or something: 'saw joy on his face', 'real hope in the plan', 'see faith in her eyes'.
_FEELING_SHOWN_AFTER = re.compile(
    r"^\s+(?:in|on|from|within)\s+(?:(?:his|her|their|its|my|our|your|the|this|that|mum['’]?s|dad['’]?s)\s+)"
    r"(?:[\w'’-]+\s+)?(?:face|faces|eyes|voice|smile|expression|words|plan|future|room|family|home|relationship|"
    r"work|progress|changes?|situation|approach|manner|drawings?|play)\b", re.IGNORECASE)
# Firms, shops, services and places one phones, and people phoned for their trade or rank ('dad called uber', 'mum
# called shell about the gas', 'nan rang boots', 'mum called parish', 'dad called bishop'): never a name after a phoning
# verb, though the baby-name lists have them all.
PHONED = frozenset(_split("""
uber lyft bolt taxi taxis cab cabs minicab virgin orange apple boots costa tesco asda argos amazon vodafone ee bt
talktalk plusnet shell sony disney espn linux tesla ferrari cola dodge ford nike
shelter council court crew press media metro channel parish chapel church temple villa everton farm dairy bar bank
banks garage
boss landlord landlady neighbour neighbours plumber builder locksmith bishop captain colonel lieutenant general governor
chancellor marshal sheriff pope priest pastor prophet poet author artist lawyer farmer baker butler shepherd sailor
pilot scout ranger knight emperor duchess chief mama papa babe dude gal pal champ champion winner warrior hero
striker shooter rider elder
"""))
_PHONING_BEFORE = re.compile(r"\b(?:called|calling|phoned|phoning|rang|ringing|texted|emailed|messaged|contacted)\s+$",
                             re.IGNORECASE)
# Meeting a person, which no idea or thing is met: an everyday word that is a given name ('hope', 'will') after these
# is the person met, in lower case among capitals too ('met hope at the park on Saturday'; fixp41). Not 'saw' or
# 'seen' ('saw mark on his arm'), nor a month or a season ('met may at').
_MET_BEFORE = re.compile(
    r"\b(?:met|meeting|visited|visiting|visits?\s+to(?:\s+see)?|(?:to|go|went|come|came)\s+see|"
    r"(?:spoke|spoken|speaking|talked|talking)\s+(?:to|with))\s+$", re.IGNORECASE)
_TOOK_BEFORE = re.compile(r"\b(?:took|brought)\s+$", re.IGNORECASE)
# What a teacher or nurse sees on a child's body: after 'seen' or 'saw' these are never the person seen, though
# 'Marks' is on the name lists ('school has seen marks on her arm').
_SEEN_ON_A_BODY = frozenset(_split("marks scars bites welts grazes"))
_ABOUT_SOMEONE = frozenset(_split("about for with"))
_BOUNDARY_WORDS = frozenset(_split("at on in about after before with and who what how why whether if today yesterday"
                                   " tonight alone again"
                                   " earlier twice once outside together separately briefly"))
_BOUNDARY_AFTER = re.compile(r"^(?:\s*(?:[,.;:!?)–+&'’\"]|\s-\s|$)|"
                             r"\s+(?:at|on|in|about|after|before|with|and|who|what|how|why|whether|if|today|to|from|for|"
                             r"home|into|"
                             r"yesterday|tonight|alone|again|earlier|twice|once|outside|together|separately|briefly)\b)",
                             re.IGNORECASE)
_SPEECH_AFTER = re.compile(
    rf"^(?:\s+{WITH_OWN_FAMILY}|"  # 'grace and her sister', 'reign and her little sister'
    rf"\s+(?:was|is|has\s+been|had\s+been)\s+(?:{_PERSON_PASSIVES})\b|"  # 'tyler was seen at home'
    rf"{_ADVERB}\s+(?:said|says|told|tells|disclosed|wants|wanted|feels|felt|absconded|refused|cried|shouted|"
    r"screamed|misses|likes|loves|hates|doesn['’]?t|didn['’]?t|won['’]?t|can['’]?t|showed|shows|asked|hit|hits|ran|"
    r"went|came)\b)",
    re.IGNORECASE)
_PERFECT_PASSIVE_AFTER = re.compile(rf"^\s+(?:has|had)\s+been\s+(?:{_PERSON_PASSIVES})\b", re.IGNORECASE)
_RELATION_NAME_AFTER = re.compile(r"^\s+(?:was|is|has|had|said|says|and\s+(?:his|her))\b", re.IGNORECASE)
_LANGUAGE_BEFORE = re.compile(r"\b(?:speaks?|speaking|spoken|languages?(?:\s+\w+){0,2}|dialect|fluent\s+in)\s+$",
                              re.IGNORECASE)
_LANGUAGE_AFTER = frozenset(_split("interpreter interpreters speaker speakers speaking language dialect heritage"
                                   " origin community"))
_PREFIXES = frozenset(_split("pre post non multi anti co re sub inter over under self semi ex mid cross out"))
_NOUN_ENDINGS = ("ology", "tion", "sion", "ness", "ment", "ship", "hood", "ism", "ity", "ance", "ence")
_SUFFIXES = ("ing", "ed", "es", "s", "ly", "er", "ers", "ness", "ment", "ments", "ful", "less", "able", "ity",
             "ised", "ized", "ise", "ize", "ation", "ations", "al")


def _told_of_a_person(after: str) -> bool:
    """What follows is said of a person: a person's verb (not a thing's passive), or what only a person does."""
    return bool((PERSON_AFTER.match(after) and not _PASSIVE_AFTER.match(after)) or _SPEECH_AFTER.match(after)
                or _ONLY_A_PERSON.match(after))


def _met_ends(before: str, after: str) -> bool:
    """What may follow the person met: a pause, or when and where ('met will at the cafe'); after a visit named as a
    noun, what the visit did too ('our visit to blessing went well', 'the visit to Gift was cancelled')."""
    return bool(_BOUNDARY_AFTER.match(after) or (_VISIT_NOUN_BEFORE.search(before) and _VISIT_ENDS_AFTER.match(after)))


def written_as(text: str, words: Iterable[str]) -> str:
    """How `text` (whose words, as `_TOKEN` reads them, are `words`) is written: 'upper' (shouted), 'lower' (no
    capitals but abbreviations) or 'mixed' (ordinary case, where a capital says something)."""
    letters = "".join(filter(str.isalpha, text))  # built-ins, not a Python loop: kb check reads 74,000 texts
    upper = sum(map(str.isupper, letters))
    return "upper" if letters and upper / len(letters) > 0.7 else (
        "lower" if upper == 0 or _only_abbreviations_capitalised(words) else "mixed")


def _only_abbreviations_capitalised(words: Iterable[str]) -> bool:
    """'chloe disclosed ... ABE interview', 'seen by a PCSO': the writer does not use capitals, only for
    abbreviations, so the text is read as all lower case. So is the pronoun 'I', which phones capitalise for the
    writer ('summer has been missing 3 times, when do I need a return home interview'; trial 22)."""
    capitalised = False
    for word in words:  # stops at the first capitalised word that is no abbreviation, most often the first word
        if _has_capital(word):
            if (len(word) < 2 or not word.isupper()) and word.replace("’", "'") not in _PRONOUN_I:
                return False
            capitalised = True
    return capitalised


_PRONOUN_I = frozenset(_split("I I'm I've I'd I'll"))


def _has_capital(word: str) -> bool:
    # an ASCII word has a capital exactly when lower case changes it: one call instead of a loop per letter
    return word != word.lower() if word.isascii() else any(c.isupper() for c in word)


def _bare(folded: str) -> str:
    """A folded word without its possessive: "noah's" is judged as 'noah'."""
    return re.sub(r"['’]s$", "", folded)


def _institution(word: str) -> bool:
    return re.sub(r"['’]s$", "", word.casefold()) in _INSTITUTIONS


def _abbreviation(word: str) -> bool:
    """SW, DSL, HoS, RHIs, MACPTs: short words with two or more capitals, or capitals and a plural s (DeShawn is
    longer and has small letters)."""
    return (len(word) <= 5 and sum(c.isupper() for c in word) >= 2) or (
        len(word) > 2 and word[:-1].isupper() and word[-1] == "s")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
