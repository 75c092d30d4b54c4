"""An action that opens with a verb said to a school is no school's name (new-user trial 24, MEDIUM 1).

An action plan's lines start with a capitalised verb: 'Invite school to all core groups', 'Ask school to attend CIN
reviews', 'Contact school re attendance', 'Chase nursery for their report'. The screen takes a capitalised word
before 'school' or 'nursery' as the start of a school's name ('Oakfield School', 'Hillside Academy'), and the word
lists cannot tell 'Monitor' (a verb) from 'Beacon' or 'Springfield' (real schools' first words), so the verbs people
write at the start of an action are listed here. Only at a sentence's start: 'Ask Oakfield School to attend' is still
refused, for 'Oakfield School'. Tested in tests/unit/test_privacy_trial24.py.
"""

from __future__ import annotations

from bot.privacy.lexicon import _split

# Base forms only: an action is an instruction ('Invite school', not 'Invited school').
SAID_TO_A_SCHOOL = frozenset(_split("""
ask invite reinvite re-invite contact chase email e-mail ring call phone text message tell inform remind update notify
visit request advise involve consult support meet liaise check monitor improve attend obtain review seek gather
encourage get escalate refer include share send copy confirm arrange book alert brief prompt challenge discuss explore
agree ensure increase maintain record track follow continue provide complete engage approach write thank help join
offer secure clarify query identify feed collect gain expect
"""))


def opens_an_action(word: str, sentence_start: bool, school_word: str, word_is_a_name: bool) -> bool:
    """Whether `word`, before a school word, is the verb an action opens with ('Chase nursery for their report')
    rather than a school's first word: a listed verb at the sentence's start. A verb that is also a given name
    ('Chase') before a capitalised school word ('Chase School') stays a possible name."""
    if not sentence_start or word.casefold() not in SAID_TO_A_SCHOOL:
        return False
    return not (word_is_a_name and school_word[:1].isupper())
