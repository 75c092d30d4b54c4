"""Names typed in lower case where the words around them say a person is meant (user trial: 'a girl called ruby',
"grace brown's mum", 'the boy jack is safe' were stored, though 'a girl called Ruby' was refused).

People type in Slack without capitals, so a lower-case word that is also an English word ('ruby', 'jack', 'grace',
'daisy') is a name only in a strong person context. Three contexts are strong enough, each anchored on words that
only a person takes:
- after a naming cue: 'called', 'named', 'known as', 'goes by', 'nicknamed', 'calls herself', 'her name is' ('a
  boy named jack', 'a lad called tunde'); not the words that follow these cues in practice ('called the police',
  'called back', 'the named person', 'named on the plan', 'known as a quiet boy'). After a person ('a girl called',
  'mum called') a common word that is a name counts too ('a girl called hope'); after 'called' alone only a given
  name that is no everyday word does ('i called ruby', not 'called will').
  Made after an eighth trial ('how do i handle a child called ocean refusing visits' was stored), the word after a
  cue is judged by how surely the cue names the person before it (tests/unit/test_privacy_naming_cues.py):
  * where it only names (a person brought in with 'a': 'a girl called', 'a lad at school known as'; 'mum is
    called', 'the baby will be called', 'nicknamed'), the word is a name whatever it is ('ocean', 'spider');
  * where it may name or be a verb ('the girl called', 'her son named', 'she is known as', 'he was called'), a first
    name in any list is, the baby names that are also English words too ('ocean', 'blue', 'saint', 'blessing');
  * after a person as its subject ('mum called', 'she called'), where it is most likely a verb, as before; but after a
    family word ('mum called ocean', 'nan called blessing yesterday') a baby name that is also an English word is the
    child's name, since one cannot phone an ocean, unless it is a firm, a service or a trade one phones ('dad called
    uber', 'dad called boots pharmacy', 'mum called virgin media'; detect.PHONED).
  Trial 35 (H3: 'mum called ocean told the sw the plan works' was stored) made the word's judging independent of what
  follows it, but for name-calling ('called racist names'); and 'known as', 'goes by' after any person only name
  ('baby known as bear'), 'called' or 'named' after a child with no article may name ('girl named ocean').
  Never a word that cannot be a name there: a function word, a time, a number, a person, a role or a service, how a
  caller was or what someone is like, name-calling, an adverb or a verb's form ('called out', 'called back', 'called
  the police', 'called today', 'called upset', 'known as vulnerable', 'called names', 'called crying', 'named
  above'); nor after a piece of work, which the cue names ('a campaign called spring refresh', 'a programme called
  hope');
- a possessive before a family word, a school or a teacher: "ruby's dad", "jack's nan", "grace brown's mum", "jack's
  teacher"; never a role or common noun ("child's mum", "carer's", "worker's", "school's"), nor a council's ("kent's
  schools"); typed without its apostrophe, detect.NameFinder judges it ('jacks mum', 'no, aarons dad');
- a given name right after a person ('the boy jack', 'sister ruby', 'child daisy') with a person's verb or a pause
  after it ('the boy jack is safe', 'sister ruby said'), so 'the child may be' and 'mum rose early' stay words; or
  set off by commas after one ('the boy, reece, ran off'), not 'the boy, however, ran off'. A season, a month or a
  day after a word for any child ('the child', 'young person', 'children') is when, as campaign names and actions say
  it ('Voice of the child winter', trial 9), unless a person's verb, 'who' or a meeting says the child is meant
  ('child summer said', 'spoke to the child summer'; detect.NameFinder._calendar_after_child).
Made after a second trial ('record that olivia said she was scared', 'grace brown said', 'spoke to grace brown' were
stored), three more, anchored the same way:
- a given name after 'that' or 'this' with a person's verb after it ('said that olivia was hit', 'so that ruby can be
  seen alone', 'concerned this noah is at risk'): 'that' there joins a clause, it is no determiner as in 'that mason
  did the wall'. A name that is also an everyday word ('that mark was left', 'that will is') stays a word, and one
  that is a common word ('jack', 'ruby') needs what is said only of a person ('was hit', 'said', 'was not at home');
- a given name and a surname from the lists, typed in lower case ('grace brown said', 'spoke to amber smith today'):
  a given name that is also a common word ('grace period', 'amber rating', 'faith groups') only with a surname that
  is no everyday word (or a colour, 'brown') and a person's predicate after it or a meeting before it ('saw', 'spoke
  to'), never as a verb ('i hope', 'will smith review it?').
Made after a third trial ('jack was not at home', '. ruby was not at home' were stored, though 'Jack was not at home'
was refused), one more, anchored on where a sentence's subject stands:
- a given name at the start of the text or of a sentence (after . ! ? ; : or a new line, or after an answer's 'yes,'
  or 'no,') with a person's verb after it, judged by how common an English word it is (wordfreq's Zipf scale, the
  lexicon's tiers; tests/unit/test_privacy_sentence_start.py):
  * a given name that is no common word (below Zipf 3.7, or a name English counts rate frequent only because so
    many people have it: 'olivia', 'leo', 'mia') takes any person's verb: 'olivia has', 'leo was';
  * one that is also a common word but no everyday one (Zipf 3.7 to 5: 'jack' 4.8, 'grace' 4.6, 'faith' 4.8,
    'rose' 4.8, 'ruby' 4.0) only with what is said of a person alone, as after 'that': 'jack was not at home', 'ruby
    was hit', 'rose said'; never 'grace was shown', 'rose was in the vase', 'jack was used to lift the car'. A bare
    'was' or 'has' after such a word says nothing: that would refuse 'faith was important to her';
  * an everyday word (Zipf 5 or more: 'will' 6.5, 'may' 6.0, 'hope' 5.4, 'summer' 5.2, 'bill' 5.2, 'mark' 5.1) is
    the word whatever the verb of being ('mark was left', 'will was discussed', 'may was busy', 'summer was hard');
    only a given name that QA list as an everyday word (data/everyday_word_names.txt) and that is then told of
    telling, which no plan, bill or will does ('hope told the teacher', 'summer disclosed', 'mark said he was
    scared'), is a name;
  * a name that is a place or an English word first (detect.NameFinder._word_first: a place that is also a census
    first name, 'chelsea', 'kent', 'devon'; a common word that only the international first-name dictionary has as a
    name, 'gun', 'file', 'storm') only with what is said of a person alone, never of a thing or a council ('chelsea was
    not at home', 'storm said she was scared'; not 'gun was found', 'kent said they would fund it'). A place that is no
    census name ('london') stays a place, as it does with a capital. The same holds for detect.py's lower-case
    'X said' rule and for a capitalised word at a sentence's start ('Gun was found'). Faith leaders are roles, as a
    doctor is ('pastor said', 'Pastor Jones').
Made after a tenth trial ('jack wasnt at home', "ruby wasn't at home", 'jacks mum wont engage' and, at "Why this
grade?", 'yes, ruby drew a picture of her family' were stored; 'harper didnt go to school' was refused quoting
“harper didnt”; tests/unit/test_privacy_contractions.py):
- a contraction says what its spelled-out form says, with its apostrophe, a curly one or none ("wasn't", 'wasnt',
  "wasn’t" as 'was not'); a name that is also an English word takes what a person alone does not do ('jack didnt
  go to school', "faith won't engage", 'ruby cant say why'; detect.NOT_DOING_PERSON), never what a thing fails to do
  ('faith didnt help her', 'jack didnt work'); a place or a word first only what a child alone does not do
  ('chelsea didnt go to school'; not 'kent didnt attend the meeting'); and what a child does that an idea does not
  ('ruby drew a picture', 'jack played with his brother'; not 'faith drew her to the church');
- what the person did is never taken for the rest of their name (detect.NameFinder.what_a_person_did): a refusal
  quotes 'harper', not 'harper didnt', and 'mrs begum', not 'mrs begum rang'.
Then taken to the middle of a sentence ('i think jack wasnt at home' and 'we were told ruby isnt eating' were stored;
tests/unit/test_privacy_mid_sentence.py):
- the rule after a joining 'that' holds after any word opening a clause (_CLAUSE_OPENERS): a reporting verb ('i
  think', 'we were told', 'mum said', 'the sw noted'), a conjunction ('because', 'when', 'and', 'but', 'so', 'if'),
  the end of the words setting the scene ('on the visit', 'last week'), or a comma ('as discussed, ruby ...'). The
  name is judged as after 'that': a common word only with what is said of a person alone ('i think jack wasnt at
  home'; not 'i think faith didnt help her', 'because grace wasnt given'), an everyday word never ('i think will
  wasnt sure', 'so may cant be right');
- what a person alone is doing is said only of a person, here and at a sentence's start: 'ruby isnt eating', 'jack is
  not sleeping', 'grace wasnt coping' (not 'rent is eating into the budget').
Lower-case initials in the same places ('child ab', 'a lad called tj', 'js said') are bot/privacy/initials.py's;
they share PERSON_NOUNS and NAMING_CUE from here. Each rule is tested in tests/unit/test_privacy_lower_case.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import (
    _ADVERB,
    _BOUNDARY_AFTER,
    _CLOSE_TO_A_CHILD,
    _MEETING_BEFORE,
    _ONLY_A_PERSON,
    _PASSIVE_AFTER,
    _PERSON_PASSIVES,
    _PETS,
    _SPEECH_AFTER,
    _THING_IS,
    DETERMINERS,
    NEGATED,
    NEGATED_BEING,
    NICKNAME_CUES,
    NOT_DOING_PERSON,
    NOT_PEOPLE,
    OUT_OF_SCHOOL,
    PARTICLES,
    PEOPLES,
    PERSON_AFTER,
    PHONED,
    RELATIONS,
    ROLES,
    TITLES,
    WITH_OWN_FAMILY,
    WORK_BEFORE_CUE,
    Hit,
    NameFinder,
    Token,
)
from bot.privacy.family_names import (
    NOT_NAMES_AFTER_RELATIVE,
    RELATIVE_TITLES,
    family_name_spans,
    relative_name_spans,
)
from bot.privacy.lexicon import INFORMAL_PEOPLE, _split
from bot.privacy.public_cases import cited_spans

# Words for a person that a name may follow, or that may come just before a naming cue ('a girl called').
PERSON_NOUNS = frozenset(_split("""
child children kid kids boy boys girl girls lad lads lass baby babies toddler teenager teen son daughter brother
sister sibling siblings twin twins cousin nephew niece grandson granddaughter stepson stepdaughter yp cyp
man woman guy bloke fella friend mate boyfriend girlfriend partner someone somebody person pupil student
mum mother dad father nan nana gran granny grandma grandad aunt auntie uncle carer stepdad stepmum
"""))
# Words after which a name is given. 'called' and 'named' also mean phoning and naming in a plan, so the word after
# them is judged more strictly unless a person comes just before ('a boy named', 'mum called').
NAMING_CUE = (rf"{NICKNAME_CUES}|called|named|(?:likes|prefers|wants)\s+to\s+be\s+called|"
              r"(?:his|her|their)\s+(?:first\s+|real\s+|middle\s+|nick)?name\s+is")
_CUE = re.compile(rf"\b(?P<cue>{NAMING_CUE})\s+(?P<word>[^\W\d_][\w'’-]*)", re.IGNORECASE)
# Cues that only a person takes: whatever word follows is judged as after a person.
_PERSONAL_CUE = re.compile(r"^(?:nicknamed|calls|likes|prefers|wants|his|her|their)\b", re.IGNORECASE)
# A person just before the cue, perhaps with a few words between: 'a looked after child called', 'a lad at school
# called', 'she goes by', 'he is known as'.
_PERSON_BEFORE_CUE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(PERSON_NOUNS))})(?:\s+[\w'’-]+){{0,3}}|"
    r"\b(?:he|she|they|who)(?:\s+(?:is|was|are|were|also|now|still|often|usually))*)\s+$", re.IGNORECASE)
# Family words after a possessive, perhaps with one word between: "ruby's dad", "jack's older sister".
_KIN = RELATIONS | frozenset(_split("foster birth social"))
_KIN_BETWEEN = frozenset(_split("older younger elder big little baby twin half step real biological new late foster"
                                " birth"))
# What follows a person's name: a person's verb, a pause, or 'who'.
_NAME_ENDS = re.compile(r"^(?:\s*(?:[,.;:!?)]|$)|\s+who\b)")
_PRONOUNS = frozenset(_split("i me you he him she her it we us they them himself herself themselves itself"
                             " myself yourself someone somebody everyone anyone"))
# Said of a child by others, not a name: 'he was called gay at school', 'a child called names'.
_NAME_CALLING = frozenset(_split("gay names fat stupid ugly thick lazy weird dumb liar idiot freak loser nerd geek"
                                 " smelly skinny"))
# How surely a naming cue names the person before it (see PersonContextFinder._cue_grammar):
# - it only names them ('a girl called ocean'): a person brought in with 'a' ('another', 'one'), perhaps described
#   before ('a looked after child', 'a 15 year old girl') or placed after ('a lad at school'), before 'called',
#   'named' or 'known as'; a present or future 'is called' or 'is named' after a person ('mum is called destiny',
#   'the baby will be called sky'); and 'nicknamed' or 'likes to be called' after anyone;
# - it names them or is a verb ('the girl called ocean said', 'her son called back', 'he was called names'): a person
#   with a determiner before ('the', 'her', 'my') or a person or pronoun with 'is' or 'was' ('she is known as');
# - it is most likely a verb: a person or pronoun as its subject ('mum called the police', 'she called back').
_PERSON_WORDS = "|".join(sorted(PERSON_NOUNS | {"eldest", "youngest", "oldest"}))  # 'the eldest is called ocean'
# A child, with no article, just before 'called' or 'named', as notes are typed ('girl named ocean refuses visits',
# 'boy called storm said'): the cue may name as after 'the girl'; a child who phones ('child called police') is judged
# by the word after it as there.
_CHILD_CALLED = re.compile(r"\b(?:child|boy|girl|lad|lass|kid|baby|toddler|teenager|teen|yp|cyp|son|daughter|twin|"
                           r"pupil|student|eldest|youngest|oldest)\s+$", re.IGNORECASE)
_INTRODUCED = re.compile(
    rf"\b(?:a|an|another|one|two|three|four)\s+(?:[\w'’-]+\s+){{0,3}}(?:{_PERSON_WORDS})"
    r"(?:\s+(?:at|in|from|on|of|with)(?:\s+[\w'’-]+){1,2})?\s+$", re.IGNORECASE)
_NAMED_BY_BEING = re.compile(
    rf"\b(?:{_PERSON_WORDS}|he|she|they|who)(?:\s+(?:is|are)|['’]s|\s+(?:will|would|shall|should|may|might|to)\s+be)"
    r"(?:\s+(?:also|now|still|often|usually|actually|really|just))*\s+$", re.IGNORECASE)
_DETERMINED = re.compile(
    rf"(?:\b(?:a|an|another|one|the|this|that|his|her|their|my|our|your)\s+(?:[\w'’-]+\s+){{0,3}}"
    rf"(?:{_PERSON_WORDS})(?:\s+[\w'’-]+){{0,3}}|\b(?:{_PERSON_WORDS}|he|she|they|who)"
    r"(?:\s+(?:is|are|was|were)|['’]s)(?:\s+(?:also|now|still|often|usually|actually|really|just))*)\s+$",
    re.IGNORECASE)
_ONLY_NAMES, _MAY_NAME, _AFTER_PERSON = 3, 2, 1
# A comma setting off what follows a person ('the baby, known as Peanut, is born': trial 38, H2).
_APPOSITIVE_COMMA = re.compile(r"\s*,\s*$")
_NAMING_ALWAYS = re.compile(r"^(?:nicknamed|(?:likes|prefers|wants)\s+to\s+be\s+called)$", re.IGNORECASE)
# Cues that never mean phoning or naming in a plan, so that after any person they only name (trial 35, H3: 'baby
# known as bear', 'he goes by star' were stored): 'known as', 'goes by', 'calls herself'.
_NICKNAMING = re.compile(r"^(?:known\s+as|goes\s+by|calls\s+(?:him|her|them)sel(?:f|ves))$", re.IGNORECASE)
# What can follow such a cue and be no name, whatever the cue's grammar: the cue is then a verb (phoning, calling
# out, naming in a plan: 'called back', 'called today', 'named on the plan', 'called three times') or is followed by
# how the caller was ('called upset'). Function words, people and services, 'names', words ending -ly, -ing or -ed
# that no list has as a first name ('called urgently', 'called crying', 'called worried') are judged in
# _cannot_be_named with these.
_NOT_NAMED = frozenset(_split("""
about above across after against along among around as at before behind below beside between beyond by during
except for from inside into like near of off on onto out outside over past since through till to towards under
until up upon via with within without and or but nor so yet then than because if unless when whenever while
whilst though although whether where why how what which whose is was are were be been being am do does did has
have had shall would can could should might must not never also just only even still
today tonight tomorrow yesterday once twice thrice earlier later late early first last next soon already ahead
now afterwards back home straight again morning afternoon evening night weekend
one two three four five six seven eight nine ten eleven twelve twenty hundred several many few both all most half
police ambulance paramedics emergency security reception switchboard helpline hotline office work hospital duty
kooth samaritans refuge shelter uber lyft taxi taxis cab cabs minicab
nobody noone everybody anybody nothing something everything anything
upset drunk angry anxious calm tearful distraught hysterical frantic irate abusive aggressive hostile emotional
scared afraid sick difficult quiet loud naughty rude polite mature immature smart cheeky chatty bossy sneaky
shy kind nice good bad funny clever popular bright sweet gentle wild tough trouble well such
bus buses train trains car cars coach tram tube bike bicycle foot boat ferry plane
"""))  # the last two lines: what someone is known as ('known as shy', 'known as well'), how one goes ('goes by bus')
# How a word describing someone ends ('known as vulnerable', 'aggressive', 'dangerous', 'careless'): such a word is no
# name unless a list has it as one ('precious').
_DESCRIBING_ENDS = ("ive", "ous", "able", "ible", "ent", "ant", "ful", "less", "ish", "some")
_NAMES_AFTER = re.compile(r"^\s+(?:names|things)\b", re.IGNORECASE)  # 'called racist names', 'called horrible things'
# What names are called: before 'names' or 'things' these (and English words ending as a describing word does, '-ist',
# '-ic', '-ive', that no list has as a first name: 'racist', 'homophobic', 'offensive') are name-calling; any other
# word there is a name, 'names' its verb ('a girl called ocean names her abuser': trial 35, H3).
_CALLED_NAMES = frozenset(_split("""
nasty horrible horrid awful vile cruel mean bad evil wicked rude silly dirty filthy hurtful unkind rubbish
racist sexist homophobic transphobic racial sexual offensive abusive derogatory insulting vulgar
"""))
_NAME_CALLING_ENDS = ("ist", "ic", "ive", "ous", "ful", "ible", "ial", "ory")
# Everyday surnames that still continue a name already found: 'a girl called grace brown'.
_EVERYDAY_SURNAMES = frozenset(_split("brown white green black young king hill wood long little"))
# What is said only of a person: 'said', 'felt', 'was hit', 'was not at home', 'can be seen alone', 'is scared'.
_BEING = (r"(?:was|is|were|ha[sd]\s+(?:not\s+)?been|(?:can|could|will|would|should|must|may|might|needs\s+to|has\s+to)"
          rf"(?:\s+not)?\s+be|{NEGATED_BEING}|(?:ca|could|wo|would|should|must)n['’]?t\s+be)(?:\s+not)?(?:\s+both)?"
          r"(?:\s+being)?\s+")
# What a child does and a thing or an idea does not: 'ruby drew a picture of her family', 'jack played with his
# brother' (not 'faith drew her to the church', 'kent drew up a plan', 'faith played a part').
_CHILD_DOING = (r"(?:drew|draws)\s+(?!up\b|(?:her|him|them|it)\s+(?:to|towards|into|in|closer|back|away)\b)"
                r"(?:a|an|some|me|us|pictures?|(?:his|her|their)\s+(?!own\s+conclusions))|played\s+(?:with|outside|"
                r"football)|smiled|laughed|giggled|sobbed|hugged|waved|nodded|shrugged|whispered|"
                r"(?:ate|eats|slept|sleeps)\s+(?:well|badly|little|nothing|all|some|at|in|on|through|rough)")
_AT_SCHOOL = (r"(?:doing|getting\s+on|settling|settled|struggling|thriving|behaving)(?:\s+(?:really|very|so|quite))?"
              r"(?:\s+(?:well|badly|ok|okay|better|worse|in))?\s+(?:at|in)\s+(?:school|nursery|college)")
# Off sick, or staying with family: 'ruby was off sick all week', 'rose was at nans' (trial 41, H1).
_UNWELL_OR_AT_FAMILY = (r"off\s+(?:sick|school|nursery)|at\s+(?:(?:her|his|their|my)\s+)?(?:nan|nana|nanna|gran|granny|"
                        r"grandma|grandad|aunt|auntie|aunty|uncle|mum|dad|dads|mums)(?:['’]?s)?")
_AGED = r"is\s+(?:only\s+|just\s+|now\s+)?\d{1,2}(?:\s+(?:and|years?|yrs?|yo)\b|\s*[,.;!?]|\s*$)"
PERSON_PREDICATE = re.compile(
    rf"^{_ADVERB}\s+(?:(?:said|says|told|tells|disclosed|discloses|felt|feels|wants|wanted|cried|refused|refuses|"
    r"absconded|stated|lives|lived|likes|loves|hates|misses|missed|ran\s+(?:off|away)|went\s+missing|"
    rf"{_CHILD_DOING})\b|{NOT_DOING_PERSON}|"
    rf"{_BEING}(?:{_PERSON_PASSIVES}|at\s+(?:home|school|nursery|college)|(?:in|to)\s+(?:school|nursery|college)|home|"
    r"afraid|happy|sad|hungry|poorly|ill|in\s+care|absent|anxious|asleep|clingy|in\s+year\s+\d|"
    # where a person was or was not: 'on the visit jack wasnt there' (trial 12; not 'faith wasnt there for her')
    r"(?:there|here)(?!\s+(?:for|to|as)\b)|"
    # what a person alone is doing: 'ruby isnt eating', 'jack is not sleeping', 'grace wasnt coping' (not 'rent is
    # eating into the budget')
    r"eating(?!\s+(?:into|away))|sleeping|attending|coping|crying|"
    r"(?:going|coming)\s+(?:home|to\s+(?:school|nursery|college|bed))|"
    # how a child is getting on at school: 'hope is doing well at school now' (trial 41, H1; no idea is at school)
    rf"{_AT_SCHOOL}|{_UNWELL_OR_AT_FAMILY}|{OUT_OF_SCHOOL})\b|{WITH_OWN_FAMILY}|"
    # how someone was, then what only a person does not do: 'patience was quiet at school and didnt want to talk'
    rf"(?:was|is)\s+[a-z]+(?:\s+(?:at|on|in|during)\s+(?:the\s+)?[a-z]+)?,?\s+and\s+{NOT_DOING_PERSON}|"
    # a child's age, and being seen alone without a verb, as notes are typed ('river is 7 and was seen alone',
    # 'visit done, ruby seen alone': trial 41, H1)
    rf"{_AGED}|seen\s+alone\b)",
    re.IGNORECASE)
# Said of a person and of a thing too ('the plan is at risk'): enough only after a full name.
_STATE_AFTER = re.compile(rf"^{_ADVERB}\s+{_BEING}(?:at\s+risk|safe|unsafe|ok|okay|fine|alone|well)\b", re.IGNORECASE)
# A person's verb of any kind, after a given name that is no English word ('that olivia has', 'this noah can').
_ANY_PERSON_VERB = re.compile(
    rf"^{_ADVERB}\s+(?:said|says|told|tells|disclosed|was|is|has|had|did|does|can|could|will|would|should|must|may|might|"
    rf"felt|feels|wants|wanted|needs|needed|{NEGATED}|ran|runs|went|goes|cried|refused|refuses|likes|liked|loves|"
    r"hates|misses|missed|drew|draws|"
    r"seems|seemed|appeared|appears|lives|lived|stays|stayed|attends|attended|asked|shared|reported|stated|keeps|"
    r"kept)\b", re.IGNORECASE)
# Words after which a clause begins with its subject: a reporting verb ('i think', 'we were told', 'mum said', 'the sw
# noted'), a word joining clauses ('that', 'because', 'when', 'and', 'but', 'so', 'if') or one ending the words that
# set the scene ('on the visit', 'last week', 'on monday'). A comma ends such words too ('as discussed, ruby ...').
_CLAUSE_OPENERS = frozenset(_split("""
that this
think thinks thought believe believes believed reckon reckons guess suspect suspects suspected know knew knows feel
feels felt worried concerned hope hoped hear heard
said says told tells noted notes reported reports stated states explained explains mentioned confirmed disclosed
discloses shared claimed claims alleged recorded observed advised informed found realised realized understand
understood agreed wrote
because cos coz cause when whenever while whilst as since if unless until although though and but so or once before
after where whether
visit visits meeting call session today yesterday tonight morning afternoon evening night weekend week
monday tuesday wednesday thursday friday saturday sunday apparently unfortunately sadly also then now again later
earlier
"""))
_CLAUSE_GAP = re.compile(r"^\s*,?\s*$")
# A question about someone, ended there: 'what about ruby smith', 'advice for amber jones?', 'worried about grace
# brown's plan' (trial: a full name in lower case after 'about' was stored).
_ASKING_ABOUT = re.compile(r"\b(?:about|for|regarding|re|concerning)\s+$", re.IGNORECASE)
# Words for a person that take a person's verb whatever follows: 'that guy said' is no name.
_PERSON_WORD_NAMES = frozenset(_split("guy king queen prince princess major judge lady duke earl charity"))
# Colours that are given names, before a colour that is a surname: 'olive green', 'jade green', 'ruby red'.
_COLOUR_NAMES = frozenset(_split("olive jade ruby amber rose ginger coral cherry violet scarlet hazel pearl ivory sage"
                                 " lime navy sky"))
_COLOUR_SURNAMES = frozenset(_split("brown white green black grey gray"))
# Before these a given name that is also a word is that word: 'i hope', 'to grace', 'in good faith', 'rated amber'.
_WORD_BEFORE = _PRONOUNS | DETERMINERS | frozenset(_split(
    "to not will would can could should must may might good bad rated was is be been were are as of in"))
# A person set off by commas after a person word: 'the boy, reece, ran off', 'sister, ruby, who'.
_APPOSITIVE_ENDS = re.compile(r"^\s*(?:,|\s[-–]\s|\()")
# Where a sentence ends: . ! ? ; : or a new line, perhaps with quotes, brackets or a bullet after ('. "jack said',
# '\n- ruby was'); not a decimal point or a time ('at 3.30 jack'), where a digit follows.
_SENTENCE_END = re.compile(r"(?:[.!?;:]|\n)[\s\"'“”‘’()\[\]*•·>–-]*$")
# Words for more than one child, and how the names set off after them end: 'the twins, river and sky, were'.
_GROUPS = frozenset(_split("twins siblings children kids boys girls brothers sisters triplets"))
_GROUP_ENDS = re.compile(r"^\s*(?:,|[-–]|\()")
# The family words a name may stand before as its owner: 'Jade the mum said', 'Precious the baby has a bruise'.
_OWNED_PEOPLE = frozenset(_split("mum mother dad father baby child boy girl toddler son daughter brother sister nan"
                                 " nana gran granny grandma grandad stepdad stepmum carer eldest youngest twin"
                                 " sibling"))
# Words that start a sentence before 'the mum said' in ordinary English though no everyday word or clause opener
# ('Overall the mum was', 'Afterwards the dad said', 'Upstairs the baby was'); with the words ending as adverbs and
# verbs do ('Initially', 'Noticed', 'Meeting the dad was hard'), the only dictionary words capitalised there that are
# not a name ('Peanut the mum said', fixp38).
_SENTENCE_OPENING_WORDS = frozenset(_split("""
overall meanwhile beforehand upstairs downstairs overnight plus furthermore moreover nevertheless nonetheless therefore
hence thus besides whereas whilst although though despite during throughout per via anyway anyhow also apart beside
nearby elsewhere neither either regardless thereafter later earlier again still yet even only just perhaps maybe
next first second third last prior twice once incl
christmas easter halloween weekend weekends tonight tomorrow today yesterday morning mornings evening evenings night
nights afternoon afternoons mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
assume gather doubt wonder worry reckon suspect guess spoke rang sat met saw told felt took gave came went sent left
kept brought thought found heard knew aware glad sure sad
hello hi hey cheers nope yep yeah hmm btw fyi asap tbh imo query recap feedback update outcome summary note
"""))
# Adverbs, verbs and adjectives by their endings ('Initially', 'Noticed', 'Meeting the dad was hard', 'Doubtful the
# dad was', 'Whoever', 'Likewise', 'Unsure the mum was'), which no nickname of a child has.
_ADVERB_OR_VERB_ENDING = re.compile(r"(?:ly|ed|ing|wards?|ful|ous|ent|ant|ive|able|ible|less|ever|wise)$|^un")
# What is said of a small child, and of no thing, person's role or animal that a sentence may start with ('peanut was
# asleep in the cot', 'bean was crying in the pram'), and the words that are no nickname there.
_SMALL_CHILD_STATE = re.compile(
    rf"^{_ADVERB}\s+(?:was|is|has\s+been|had\s+been)(?:\s+not)?\s+(?:(?:very|really|so|quite|a\s+bit)\s+)?"
    r"(?:asleep|crying|upset|tearful|clingy|grizzly|teething|hungry|distressed|frightened|scared|seen\s+alone|"
    r"(?:in|on)\s+(?:the\s+|her\s+|his\s+)?(?:cot|pram|buggy|high\s+chair|moses\s+basket|car\s+seat|bouncer))\b",
    re.IGNORECASE)
_NOT_NICKNAMES = frozenset(_split("""
dog dogs puppy puppies kitten kittens cat cats rabbit hamster horse pony bird budgie parrot fish snake tortoise guinea
neighbour neighbours neighbor victim victims witness suspect colleague colleagues newborn infant host guest patient
family household crowd staff team class group public everything everybody nobody nothing something anyone anything
"""))
_PERSON_WORD_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")
# An answer's first word before a comma starts the sentence again: 'no, jack was not at home'.
_ANSWER_WORDS = frozenset(_split("yes no yeah yep nope"))
_ANSWER_GAP = re.compile(r"^\s*[,:;.!–-]+\s*$")
# A family word just before 'called' or 'named': the family member as the subject ('mum called', 'her brother called').
_FAMILY_CALLED = re.compile(rf"\b(?:{'|'.join(sorted(RELATIONS))})\s+(?:called|named)$", re.IGNORECASE)
# Telling, which no plan, bill or will does: 'hope told the teacher', 'summer disclosed', 'mark said he was scared'
# (but 'the bill said £50', 'the will says the house is hers' are a document's words).
# The eldest, youngest or middle child, before a name set off by commas: 'the eldest, ruby, is doing well' (trial 41).
_BY_AGE = frozenset(_split("eldest youngest oldest middle"))
# What only a child or a person is or does, enough even after a QA-listed everyday word that is a name ('hope',
# 'summer', 'will'): 'hope is doing well at school now', 'summer was upset about contact', 'hope cried at school', "hope
# wont talk to me" (trial 41, H1); never 'summer was busy', 'hope was raised', 'will was discussed'.
_ONLY_A_CHILD_DOES = re.compile(
    rf"^{_ADVERB}\s+(?:(?:cried|sobbed|wept|giggled)\b|{NOT_DOING_PERSON}|{_BEING}(?:{_AT_SCHOOL}|{_UNWELL_OR_AT_FAMILY}|"
    r"(?:very\s+|really\s+|so\s+|quite\s+|a\s+bit\s+)?(?:upset|scared|frightened|tearful|distressed|withdrawn|"
    rf"poorly|unwell|clingy|seen\s+alone|{OUT_OF_SCHOOL}))\b|{_AGED})", re.IGNORECASE)
# A passive a thing takes too, after 'little': 'little faith was placed in the plan'; 'seen alone' is a child's.
_THING_PASSIVE = re.compile(rf"^{_ADVERB}\s+{_BEING}(?!seen\s+alone\b)(?:{_PERSON_PASSIVES})\b", re.IGNORECASE)
# Meeting a family: 'SW met with mum and grace', 'saw dad and ruby today' (trial 41, H1).
_MET_BEFORE = re.compile(r"\b(?:met(?:\s+with)?|saw|seen|visited|spoke\s+(?:to|with)|spoken\s+(?:to|with)|"
                         r"talked\s+(?:to|with))\s+(?:the\s+|her\s+|his\s+)?$", re.IGNORECASE)
# What may follow the people met: a pause, or when and where ('saw mum and ruby today', 'met dad and jack at home').
_MET_ENDS = re.compile(r"^(?:\s*(?:[,.;:!?)]|$)|\s+(?:who|today|yesterday|this|last|at|in|on|together|alone|both)\b)",
                       re.IGNORECASE)
_TELLING = re.compile(
    rf"^{_ADVERB}\s+(?:told|tells|disclosed|discloses|(?:said|says)(?:\s+that)?\s+(?:she|he|they|i)\b)", re.IGNORECASE)


class PersonContextFinder(NameFinder):
    """The name finder with the lower-case person contexts above, and the word after a naming cue in any case."""

    def hits(self, text: str) -> list[Hit]:
        found = super().hits(text)
        tokens, mode = self._read(text)
        spans = self._cued(text, tokens, mode)
        spans += family_name_spans(self, text, tokens, mode) + relative_name_spans(self, text, tokens, mode)
        if mode != "upper":
            spans += self._possessor_spans(text, tokens) + self._after_person_spans(text, tokens)
            spans += self._clause_subject_spans(text, tokens, mode) + self._full_name_spans(text, tokens)
            spans += self._sentence_start_spans(text, tokens)
            spans += self._group_apposition_spans(text, tokens) + self._name_then_person_spans(text, tokens)
            spans += self._little_one_spans(text, tokens) + self._with_family_spans(text, tokens)
        cited = cited_spans([(t.text, t.start, t.end) for t in tokens], self.lexicon.public_cases)
        for i, j in sorted(set(spans)):
            words = text[tokens[i].start:tokens[j].end]
            if any(start <= tokens[i].start and tokens[j].end <= end for start, end in cited):
                continue  # "star hobson's brother": a public case, cited
            if any(words in hit.words for hit in found if hit.kind == "name"):
                continue
            # the whole name quoted: 'hope taylor', not only the 'taylor' found before
            found = [hit for hit in found if hit.kind != "name" or hit.words not in words]
            found.append(Hit("name", words))
        return found

    def _cued(self, text: str, tokens: list[Token], mode: str) -> list[tuple[int, int]]:
        """The word after a naming cue: 'a boy named jack', 'a child called ocean', 'known as Bobby to his friends',
        'called tunde'."""
        starts = {tok.start: k for k, tok in enumerate(tokens)}
        spans: list[tuple[int, int]] = []
        for m in _CUE.finditer(text):
            k = starts.get(m.start("word"))
            if k is None:
                continue
            word, cue = tokens[k].text, m.group("cue")
            before, after = text[max(0, m.start() - 60):m.start()], text[tokens[k].end:tokens[k].end + 40]
            grammar = self._cue_grammar(cue, before)
            if mode == "upper" or (mode == "mixed" and word[0].isupper()):
                named = (cue.casefold() not in ("called", "named") and self._capital_nickname(word, mode)) or (
                    grammar >= _MAY_NAME and self._named_there(word, after, grammar if (
                        mode == "mixed" and word[1:].islower()) else _MAY_NAME))
            elif word[0].isupper():
                named = False  # in text without capitals, an abbreviation: 'known as CIN'
            elif grammar:
                named = self._named_there(word, after, grammar)
            else:  # no person before: 'called ruby', but 'a campaign called spring refresh' names the campaign
                named = not WORK_BEFORE_CUE.search(before) and self._person_word(word, strong=False)
            if not named and grammar == _AFTER_PERSON and _FAMILY_CALLED.search(before + m.group("cue")) \
                    and (word.islower() or (mode == "mixed" and word[1:].islower())):
                named = self._family_called(word, after)  # 'mum called ocean', not 'dad called uber'
            if named:
                spans.append((k, self.surname_after(text, tokens, k)))
                spans += self._named_with(text, tokens, spans[-1][1])
        return spans

    def _named_with(self, text: str, tokens: list[Token], end: int) -> list[tuple[int, int]]:
        """A second first name given with the first after 'and': 'twins called ocean and storm' (not 'a boy called
        jack and told', 'called ruby and then')."""
        k = end + 2
        if k >= len(tokens) or tokens[end + 1].text.casefold() != "and" or not tokens[k].text.islower() \
                or not (self._touching(text, tokens, end, end + 1) and self._touching(text, tokens, end + 1, k)):
            return []
        bare, after = tokens[k].text.casefold(), text[tokens[k].end:tokens[k].end + 12]
        if not self._cannot_be_named(bare, after) and self._first_name(bare):
            return [(k, self.surname_after(text, tokens, k))]
        return []

    @staticmethod
    def _cue_grammar(cue: str, before: str) -> int:
        """How surely the cue names the person before it (see _INTRODUCED): _ONLY_NAMES ('a girl called', 'a lad at
        school known as', 'mum is called', 'nicknamed'), _MAY_NAME ('the girl called', 'her son named', 'she is known
        as', 'he was called'), _AFTER_PERSON ('mum called', 'she called', 'her name is') or 0 (no person before)."""
        folded = " ".join(cue.casefold().split())
        before = _APPOSITIVE_COMMA.sub(" ", before)  # 'the baby, known as Peanut,' as 'the baby known as Peanut'
        if _NAMING_ALWAYS.match(folded) or (folded in ("called", "named", "known as") and _INTRODUCED.search(before)) \
                or (folded in ("called", "named") and _NAMED_BY_BEING.search(before)) \
                or (_NICKNAMING.match(folded)
                    and (_DETERMINED.search(before) or _PERSON_BEFORE_CUE.search(before[-40:]))):
            return _ONLY_NAMES
        if _DETERMINED.search(before) or (folded in ("called", "named") and _CHILD_CALLED.search(before)):
            return _MAY_NAME
        return _AFTER_PERSON if _PERSONAL_CUE.match(cue) or _PERSON_BEFORE_CUE.search(before[-40:]) else 0

    def _named_there(self, word: str, after: str, grammar: int) -> bool:
        """A word after a naming cue that follows a person, by how surely the cue names them: a name whatever it is
        where the cue only names ('a child called ocean', 'a lad known as spider'); where it may name, a first name in
        any list, the baby names that are also English words too ('her son called storm', 'the girl called blue'); after
        a person as the cue's subject, a given name as before ('mum called ruby', not 'mum called boots'); and where it
        may name or follows a person, a word in no list ('a lad called tunde') or a surname that is no English word
        ('the boy called buba', 'mum called nowak'). Never a word that cannot be a name
        there ('a child called out', 'mum called the police', 'called upset')."""
        bare = re.sub(r"['’]s$", "", word.casefold().replace("’", "'"))
        if self._cannot_be_named(bare, after):
            return False
        if grammar == _ONLY_NAMES:
            return True
        if grammar == _MAY_NAME and self._first_name(bare):
            return True
        if word.islower() and self._surname(bare) and bare not in self.lexicon.known_words:
            return True  # a surname that is no English word: 'the boy called buba', 'mum called nowak'
        return word.islower() and self._person_word(word, strong=True)

    def _family_called(self, word: str, after: str) -> bool:
        """The word after a family word and 'called' ('mum called ocean', 'nan called blessing yesterday'): a baby name
        that is also an English word is the child's name, since one cannot phone an ocean, whatever follows it ('mum
        called ocean told the sw the plan works': trial 35, H3, where a verb after the name let it through); a firm,
        a shop, a service or a trade ('dad called uber', 'dad called boots pharmacy', 'mum called virgin media'), an
        everyday word unless a person's verb follows ('mum called star said'), a far place that is no census name
        ('nan called london') and what 'called' takes as a verb ('called back', 'called upset', 'called the police')
        stay words. Given names are judged as before ('mum called jayden')."""
        lex = self.lexicon
        bare = re.sub(r"['’]s$", "", word.casefold().replace("’", "'"))
        if bare not in lex.word_names or bare in PHONED or bare in NOT_PEOPLE \
                or (bare in lex.far_places and bare not in lex.census_given) or self._cannot_be_named(bare, after):
            return False
        # an everyday word ('star', 'blue') only as the subject of what a person does: 'mum called star said' (the name
        # finder takes 'mum called star' and 'mum called star at home' as someone phoned, detect._MEETING_BEFORE)
        return bare not in lex.everyday_words or bool(PERSON_PREDICATE.match(after) or _SPEECH_AFTER.match(after))

    def _first_name(self, bare: str) -> bool:
        """A first name in any list: the census, the international dictionary, the baby names (those that are also
        English words too: 'ocean', 'blue') or the council's own."""
        return bare in self.lexicon.word_names or self.is_given(bare)

    def _cannot_be_named(self, bare: str, after: str) -> bool:
        """A word that is no name after a naming cue: a function word, a time, a number, a person, a role or a
        service ('called back', 'called today', 'called mum', 'called police'), how the caller was ('called upset'),
        what someone is like ('known as vulnerable', 'known as difficult'), name-calling ('called names', 'called
        racist names'), a day, a month or a people that is no census name ('known as black british', not 'a boy
        called christian'), and an adverb or a verb's form that no list has as a name ('called urgently', 'called
        crying', 'named above', 'known as looked after'; not 'blessing', 'king', 'ted'). A council's own name is a
        name ('a girl called white' where the names file lists it)."""
        lex = self.lexicon
        if bare in self.listed and not (bare in _PRONOUNS or bare in DETERMINERS or bare in PARTICLES):
            return False  # the council's own names: 'a girl called white'
        if len(bare) < 3 or bare in _NOT_NAMED or bare in _NAME_CALLING or bare in _PRONOUNS or bare in DETERMINERS \
                or bare in PARTICLES or bare in RELATIONS or bare in PERSON_NOUNS or bare in TITLES \
                or bare in lex.never_names or (bare in ROLES and bare not in lex.everyday_names) \
                or (bare in NOT_PEOPLE and bare not in lex.census_given and bare not in lex.everyday_names) \
                or (_NAMES_AFTER.match(after) and self._calls_names(bare)):
            return True  # two letters are judged as initials (bot/privacy/initials.py)
        if bare.endswith(("ly", "ing", "ed")) or (bare.endswith(_DESCRIBING_ENDS) and bare in lex.known_words):
            return not self._first_name(bare)
        return False

    def _calls_names(self, bare: str) -> bool:
        """Whether the word before 'names' or 'things' after a naming cue says what names someone was called ('called
        racist names', 'called horrible things'), so the cue is name-calling; otherwise 'names' is a verb after a name
        ('a girl called ocean names her abuser')."""
        return bare in _CALLED_NAMES or (bare.endswith(_NAME_CALLING_ENDS) and bare in self.lexicon.known_words
                                         and not self._first_name(bare))

    def _capital_nickname(self, word: str, mode: str) -> bool:
        """A capitalised word after 'known as', 'goes by', 'calls herself' ('known as Bobby to his friends'), or any
        word there in shouted text: a name unless a role or a thing. ('called' and 'named' before a capital are left
        to the name finder's own rules: 'called Kooth' is a service.)"""
        folded = word.casefold()
        if folded in NOT_PEOPLE or folded in self.lexicon.never_names or folded in ROLES or folded in DETERMINERS:
            return False
        return self.is_given(word) or self._unknown_capital(word, mode) or self._unknown_plain(word, mode)

    def _person_word(self, word: str, strong: bool) -> bool:
        """A lower-case word in a person context that is a name: a given name (or, after a person, a common word
        that is also one, 'hope'), a council's listed name, or after a person a word in no list ('tunde')."""
        lex = self.lexicon
        bare = re.sub(r"['’]s$", "", word.casefold().replace("’", "'"))
        if len(bare) < 3 or not word.islower() or bare in lex.never_names or bare in ROLES or bare in RELATIONS \
                or bare in TITLES or bare in PERSON_NOUNS or bare in _PRONOUNS or bare in DETERMINERS \
                or bare in PARTICLES or bare in _NAME_CALLING or (bare in NOT_PEOPLE and not strong):
            return False  # two or three letters are judged as initials (bot/privacy/initials.py)
        if bare in self.listed:
            return True
        if bare in lex.everyday_names:
            return strong or bare not in lex.everyday_words  # 'a girl called hope'; 'called ruby', not 'called will'
        if bare in lex.everyday_words or bare in lex.places:
            return False  # 'called in', 'named as', 'called london'
        if self.is_given(bare):
            return bare not in lex.common_words or bare in lex.census_given or bare in lex.name_words
        return strong and self._unknown_plain(bare, "lower")

    def surname_after(self, text: str, tokens: list[Token], k: int) -> int:
        """Where a name found at token k ends: with a lower-case surname after it ('ruby smith', 'grace brown')."""
        if k + 1 >= len(tokens) or not self._touching(text, tokens, k, k + 1) or re.search(r"['’]s$", tokens[k].text):
            return k
        nxt = tokens[k + 1].text
        folded = nxt.casefold()
        if nxt.islower() and not self.what_a_person_did(nxt) and self._surname(nxt) and (
                folded not in self.lexicon.everyday_words or folded in _EVERYDAY_SURNAMES):  # not 'ruby disclosed'
            return k + 1
        return k

    def _possessor_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """A lower-case possessive before a family word, a school or a teacher: "ruby's dad", "jack's older sister",
        "grace brown's mum", "jack's teacher"; not "child's mum", "the boy's dad", "her friend's mum" nor "kent's
        schools"."""
        spans: list[tuple[int, int]] = []
        for i, tok in enumerate(tokens[:-1]):
            if not tok.text.islower() or not re.search(r"['’]s$", tok.text):
                continue
            k = i + 1
            if tokens[k].text.casefold() in _KIN_BETWEEN and k + 1 < len(tokens) \
                    and tokens[k + 1].text.casefold() in _KIN:
                k += 1
            after = re.sub(r"['’]s$", "", tokens[k].text.casefold())  # "abbey's auntie's mum" (trial 46, F5)
            close = after in _CLOSE_TO_A_CHILD or after in INFORMAL_PEOPLE  # "ruby's mate"
            if not close or (i and tokens[i - 1].text.casefold() in DETERMINERS
                             and self._touching(text, tokens, i - 1, i)):
                continue  # not "the boy's dad"; but "no, ruby's dad" is an answer's 'no'
            bare = re.sub(r"['’]s$", "", tok.text)
            if after not in _KIN and bare in self.lexicon.places:
                continue  # "kent's schools": a council's
            given = tokens[i - 1].text if i else ""
            starts = i == 1 or re.search(r"[.!?:;]\s*$", text[tokens[i - 2].end:tokens[i - 1].start])
            if given[:1].isupper() and starts:
                given = given.lower()  # "Grace brown's mum": only the sentence's first word has a capital
            first = i - 1 if given and self._touching(text, tokens, i - 1, i) \
                and self._person_word(given, strong=True) and self._surname(bare) else None
            if first is not None:
                spans.append((first, i))  # 'grace brown's mum'
            elif self._person_word(tok.text, strong=True) or (
                    self._surname(bare) and bare not in self.lexicon.common_words and bare not in PERSON_NOUNS
                    and bare not in self.lexicon.never_names and bare not in ROLES):
                spans.append((i, i))  # "ruby's dad", "okafor's mum"
        return spans

    def _after_person_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """A given name right after a person, with a person's verb or a pause after: 'the boy jack is safe',
        'sister ruby said', 'baby daisy, who'."""
        spans: list[tuple[int, int]] = []
        for i in range(1, len(tokens)):
            word = tokens[i].text
            if tokens[i - 1].text.casefold() not in PERSON_NOUNS and tokens[i - 1].text.casefold() not in _BY_AGE:
                continue
            after = text[tokens[i].end:tokens[i].end + 40]
            gap = text[tokens[i - 1].end:tokens[i].start]
            if gap.strip() == "," and len(gap) <= 3:  # 'the boy, reece, ran off': set off by commas
                if not _APPOSITIVE_ENDS.match(after):
                    continue
            elif not self._touching(text, tokens, i - 1, i) or not (
                    PERSON_AFTER.match(after) or _NAME_ENDS.match(after)) \
                    or (word.islower() and self._calendar_after_child(text, tokens, i)):
                continue  # 'voice of the child winter': a season ends a title
            bare = re.sub(r"['’]s$", "", word.casefold())
            if tokens[i - 1].text.casefold() in RELATIVE_TITLES and (
                    bare in NOT_NAMES_AFTER_RELATIVE or bare in PEOPLES):
                continue  # 'she hopes mum will.', 'not sure dad may', 'religion: dad christian'
            set_off = gap.strip() == "," and (bare in self.lexicon.virtue_names or (  # 'the eldest, testimony, is'
                word[:1].isupper() and word[1:].islower() and self._named_in_apposition(word)))  # ', Grace,' (fix43c)
            if (self._person_word(word, strong=True) and (self.is_given(bare) or bare in self.listed)) or set_off:
                spans.append((i, self.surname_after(text, tokens, i)))
        return spans

    def _little_one_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """A given name after 'little', told of as only a child is: 'little grace was happy', 'little jack hasnt been
        seen alone' (trial 41, H1), 'little hope was upset at contact' (fix43c: what only a child is, whatever the
        passive); not 'little hope of change', 'little faith in services', 'little faith was placed in the plan'."""
        spans: list[tuple[int, int]] = []
        for i in range(1, len(tokens)):
            word = tokens[i].text
            if tokens[i - 1].text.casefold() != "little" or not self._touching(text, tokens, i - 1, i) \
                    or not self._person_word(word, strong=True):
                continue
            after = text[tokens[i].end:tokens[i].end + 60]
            if (PERSON_PREDICATE.match(after) and not _THING_PASSIVE.match(after)) or _ONLY_A_CHILD_DOES.match(after) \
                    or _ONLY_A_PERSON.match(after):  # 'little hope was upset at contact': no idea is upset
                spans.append((i, self.surname_after(text, tokens, i)))
        return spans

    def _with_family_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """A given name joined to a family word by 'and': doing what a person does ('mum and grace were both at
        home'), or met with them ('SW met with mum and grace'); not 'mum and faith leaders', 'mum and hope for the
        future', 'we discussed mum and faith'."""
        spans: list[tuple[int, int]] = []
        for i in range(2, len(tokens)):
            word = tokens[i].text
            if tokens[i - 1].text.casefold() not in ("and", "&") or tokens[i - 2].text.casefold() not in RELATIONS \
                    or not (self._touching(text, tokens, i - 2, i - 1) and self._touching(text, tokens, i - 1, i)) \
                    or not self._person_word(word, strong=True):
                continue
            after = text[tokens[i].end:tokens[i].end + 60]
            met = _MET_BEFORE.search(text[max(0, tokens[i - 2].start - 40):tokens[i - 2].start])
            if PERSON_PREDICATE.match(after) or (met and _MET_ENDS.match(after)):
                spans.append((i, self.surname_after(text, tokens, i)))
        return spans

    def _group_apposition_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """Two first names set off by commas after a word for more than one child: 'the twins, river and sky, were
        discussed', 'the siblings, Ty and Bo, were seen' (trial 38, H2); not 'the children, mum and dad, were seen',
        'the twins, older and younger, ...'."""
        spans: list[tuple[int, int]] = []
        for i in range(len(tokens) - 4):
            if tokens[i].text.casefold() not in _GROUPS or text[tokens[i].end:tokens[i + 1].start].strip() != "," \
                    or tokens[i + 2].text.casefold() not in ("and", "&") \
                    or not _GROUP_ENDS.match(text[tokens[i + 3].end:tokens[i + 3].end + 3]):
                continue
            pair = [tokens[i + 1].text, tokens[i + 3].text]
            named = [self._named_in_apposition(word) for word in pair]
            # one a first name, the other capitalised mid-sentence: 'the twins, Peanut and Kai,'
            if all(named) or (any(named) and all(named[k] or (word[:1].isupper() and word[1:].islower() and not (
                    word.casefold() in self.lexicon.never_names or word.casefold() in ROLES
                    or word.casefold() in RELATIONS)) for k, word in enumerate(pair))):
                spans += [(i + 1, i + 1), (i + 3, i + 3)]
        return spans

    def _named_in_apposition(self, word: str) -> bool:
        """A word set off after a person that is a first name: in any list, or the council's ('river', 'Ty'); never
        a person, a role or a word that cannot be named ('mum', 'older')."""
        bare = re.sub(r"['’]s$", "", word.casefold())
        if bare in self.listed:
            return True
        if bare in RELATIONS or bare in ROLES or bare in PERSON_NOUNS or bare in _PRONOUNS or bare in TITLES \
                or bare in self.lexicon.never_names or (len(bare) > 2 and self._cannot_be_named(bare, "")):
            return False
        return self._first_name(bare) or (len(bare) == 2 and bare in self.lexicon.census_given)

    def _name_then_person_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """A first name before 'the' and a family word, the name's owner, as a clause's subject: 'Jade the mum said the
        baby fell', 'Precious the baby has a bruise' (trial 38, H2); not a professional beside their role ('Mason
        the IRO'), an everyday word ('Hope the baby is ok', 'Will the mum come'), nor a word opening a clause ('then
        the mum said', 'when the baby was seen')."""
        spans: list[tuple[int, int]] = []
        for i in range(len(tokens) - 2):
            word, bare = tokens[i].text, tokens[i].text.casefold()
            if tokens[i + 1].text.casefold() != "the" or tokens[i + 2].text.casefold() not in _OWNED_PEOPLE \
                    or not (self._touching(text, tokens, i, i + 1) and self._touching(text, tokens, i + 1, i + 2)):
                continue
            if not (self._starts_sentence(text, tokens, i) or tokens[i - 1].text.casefold() in _CLAUSE_OPENERS) \
                    or bare in self.lexicon.everyday_words or bare in _CLAUSE_OPENERS or re.search(r"['’]s$", word):
                continue
            after = text[tokens[i + 2].end:tokens[i + 2].end + 60]
            named = self._named_in_apposition(word) or (bare.isalpha() and (
                bare not in self.lexicon.known_words or (word[:1].isupper() and self._nameable_word(bare))))
            if named and len(bare) > 2 and (PERSON_PREDICATE.match(after) or _ANY_PERSON_VERB.match(after)):
                spans.append((i, i))
        return spans

    def _nameable_word(self, bare: str) -> bool:
        """A dictionary word that may be a nickname capitalised before 'the mum said' ('Peanut', 'Bubba'): none that
        opens a sentence there ('Overall', 'Afterwards', 'Initially', 'Meeting'), a person or a role ('Mum', 'IRO'),
        nor a word of the work ('Strategy the dad was')."""
        return not (bare in _SENTENCE_OPENING_WORDS or _ADVERB_OR_VERB_ENDING.search(bare) or bare in RELATIONS
                    or bare in ROLES or bare in PERSON_NOUNS or bare in TITLES or bare in self.lexicon.never_names
                    or bare in self.lexicon.work_words or bare in self.lexicon.practice_words)

    def _clause_subject_spans(self, text: str, tokens: list[Token], mode: str) -> list[tuple[int, int]]:
        """A given name as the subject of a clause in mid-sentence, with a person's verb after it: after 'that' or
        'this' ('said that olivia was hit', 'so that ruby can be seen alone'), a reporting verb ('i think jack wasnt
        at home', 'we were told ruby isnt eating'), a joining word ('because jack wasnt at school') or the words
        setting the scene ('on the visit, ruby wasnt at home'); not 'that mark was left', 'that guy said', 'i think
        will wasnt sure' nor 'i think faith didnt help her'."""
        spans: list[tuple[int, int]] = []
        for i in range(1, len(tokens)):
            word = tokens[i].text
            if tokens[i - 1].text.casefold() not in _CLAUSE_OPENERS \
                    and not text[tokens[i - 1].end:tokens[i].start].strip().startswith(","):
                continue
            if not _CLAUSE_GAP.match(text[tokens[i - 1].end:tokens[i].start]) \
                    or not (word.islower() or (mode == "mixed" and word[:1].isupper() and word[1:].islower())):
                continue
            if tokens[i - 1].text.casefold() in ("this", "that") and self._starts_sentence(text, tokens, i - 1):
                continue  # 'this jack was found': a determiner, joining no clause
            if self._subject_name(word, text[tokens[i].end:tokens[i].end + 60], sentence_start=False):
                spans.append((i, self.surname_after(text, tokens, i)))
        return spans

    def _sentence_start_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """A lower-case given name starting the text or a sentence, with a person's verb after it: 'jack was not at
        home', 'seen at school. ruby said she was scared', 'no, olivia was not seen'; not 'mark was left', 'will was
        discussed', 'grace was shown'. A capital there says nothing (every sentence has one): the name finder judges
        'Jack was not at home' by its own rules."""
        spans: list[tuple[int, int]] = []
        for i, tok in enumerate(tokens):
            word = tok.text
            if re.search(r"['’]s$", word) or not self._starts_sentence(text, tokens, i):
                continue  # "ruby's dad" is the possessive rule's
            after = text[tok.end:tok.end + 60]
            if (word.islower() and self._subject_name(word, after, sentence_start=True)) \
                    or self._nickname_subject(word, after):
                spans.append((i, self.surname_after(text, tokens, i)))
        return spans

    def _nickname_subject(self, word: str, after: str) -> bool:
        """An English word (in a name list or not), starting a sentence with no article, told of as only a small
        child is: a nickname ('peanut was asleep in the cot', 'Bean was crying in the pram'; fix43c). Never a person,
        a role, an animal, a group or anyone ('baby was asleep', 'dog was asleep', 'neighbour was upset', 'everyone
        was upset'), nor a word that starts sentences or ends as a person's word does ('visitor', 'patient')."""
        lex, bare = self.lexicon, word.casefold()
        if not (word.islower() or (word[:1].isupper() and word[1:].islower())) or len(bare) < 3 \
                or bare not in lex.known_words or bare in lex.everyday_words \
                or bare in lex.never_names or bare in ROLES or bare in RELATIONS or bare in PERSON_NOUNS \
                or bare in _PRONOUNS or bare in DETERMINERS or bare in TITLES or bare in NOT_PEOPLE or bare in PHONED \
                or bare in _NOT_NAMED or bare in _NOT_NICKNAMES or bare in _SENTENCE_OPENING_WORDS \
                or _ADVERB_OR_VERB_ENDING.search(bare) or bare.endswith(_PERSON_WORD_ENDINGS):
            return False
        return bool(_SMALL_CHILD_STATE.match(after))

    @staticmethod
    def _starts_sentence(text: str, tokens: list[Token], i: int) -> bool:
        """Token i is the first word of the text or of a sentence: after . ! ? ; : or a new line, or after an answer's
        'yes,' or 'no,'; not after a title's or a role's full stop ('dr. rose said' names a professional)."""
        if i == 0:
            return True
        gap = text[tokens[i - 1].end:tokens[i].start]
        before = tokens[i - 1].text.casefold()
        if _SENTENCE_END.search(gap):
            return not (gap.startswith(".") and (before in TITLES or before in ROLES or before in ("st", "saint")))
        return i == 1 and before in _ANSWER_WORDS and bool(_ANSWER_GAP.match(gap))

    def _subject_name(self, word: str, after: str, *, sentence_start: bool) -> bool:
        """A given name standing as a clause's subject (after a joining 'that', or starting a sentence), judged by
        how common an English word it is and by what follows (see the module's docstring): a name that is no
        common word with any person's verb ('olivia has', 'leo was'), a common word with what is said only of a
        person ('jack was not at home'), an everyday word never, but at a sentence's start a QA-listed everyday
        name told of telling ('hope told the teacher')."""
        lex = self.lexicon
        bare = word.casefold()
        if len(bare) < 3 or bare in lex.never_names or bare in _PETS \
                or bare in _PERSON_WORD_NAMES or bare in NOT_PEOPLE or bare in ROLES or bare in RELATIONS \
                or bare in PERSON_NOUNS or bare in _PRONOUNS:
            return False
        if not self.is_given(bare):  # a baby name that is an English word: 'blessing was not brought' (trial 38, H2)
            return bare in lex.word_names and bare not in lex.everyday_words and bool(PERSON_PREDICATE.match(after))
        if self._word_first(bare):  # 'chelsea was not at home', 'storm said she was scared'; not 'gun was found'
            return bool(_ONLY_A_PERSON.match(after))
        if bare in lex.far_places or (bare in lex.context_given and bare not in lex.everyday_names):
            return False
        if bare in lex.everyday_words:
            return bare in lex.everyday_names and bool(
                (sentence_start and _TELLING.match(after)) or _ONLY_A_CHILD_DOES.match(after))
        common = bare in lex.common_words or (
            bare in lex.known_words and bare not in lex.name_words and bare not in lex.census_given)
        if common:
            return bool(PERSON_PREDICATE.match(after))
        return bool(_ANY_PERSON_VERB.match(after) and not _PASSIVE_AFTER.match(after) and not _THING_IS.match(after))

    def _full_name_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """A given name and a surname typed in lower case, doing what a person does or met: 'grace brown said',
        'spoke to amber smith today'; not 'grace period', 'amber rating', 'hope this helps', 'will smith review it?'."""
        spans: list[tuple[int, int]] = []
        lex = self.lexicon
        for i in range(len(tokens) - 1):
            first, second = tokens[i].text, tokens[i + 1].text
            surname = second[:-2] if second.endswith(("'s", "’s")) else second
            if surname not in lex.surnames and surname not in self.listed:
                continue  # most pairs end here: only the lists' surnames are looked at further
            if not (first.islower() and second.islower()) or not self._touching(text, tokens, i, i + 1) \
                    or re.search(r"['’]s$", first):
                continue
            given = first.casefold()
            if not self._person_word(given, strong=True) or not self.is_given(given) or given in lex.far_places \
                    or (given in _COLOUR_NAMES and surname in _COLOUR_SURNAMES) \
                    or surname in PERSON_NOUNS or surname in ROLES or surname in NOT_PEOPLE or surname in _PRONOUNS \
                    or surname in DETERMINERS \
                    or (surname in lex.everyday_words and surname not in _EVERYDAY_SURNAMES):
                continue
            after = text[tokens[i + 1].end:tokens[i + 1].end + 60]
            before = text[max(0, tokens[i].start - 40):tokens[i].start]
            if (_MEETING_BEFORE.search(before) or _ASKING_ABOUT.search(before)) \
                    and (_BOUNDARY_AFTER.match(after) or surname != second):
                spans.append((i, i + 1))  # 'spoke to grace brown today', 'what about ruby smith?'
            elif i and tokens[i - 1].text.casefold() in _WORD_BEFORE and self._touching(text, tokens, i - 1, i):
                continue  # 'i hope smith ...', 'in good faith', 'rated amber'
            elif PERSON_PREDICATE.match(after) or _STATE_AFTER.match(after) or (
                    PERSON_AFTER.match(after) and not self._common(given)):
                spans.append((i, i + 1))
        return spans
