"""The words of a request for more time on an action, shared by the request itself (bot.audits.more_time) and by
what must leave such a request to it: a statement of leave with a request after it ("i am on annual leave next week,
can i have more time on action 93", fix81e: the leave was booked and the request said "not kept or sent",
bot.reminders.away_worded). Pure: no storage."""

from __future__ import annotations

import re

ACTION_NUMBER = re.compile(r"\baction\s+#?(?P<id>\d+)\b", re.IGNORECASE)
# Words asking for time: "more time", "extend", "an extension", "another week", "can i hav til 11/12" (trial 34).
# Days only with how many ("another 3 days"): "i'll do action 12 another day" asks for nothing.
LATER_WORDS = (r"(?:another|an?\s+extra|one\s+more|a\s+further|extra)\s+(?:(?P<count>\d|two|three|couple\s+of)\s+)?"
               r"(?P<unit>weeks?|(?:(?<=\d\s)|(?<=two\s)|(?<=three\s)|(?<=of\s))days)")
HAVE_IT = r"(?:can|could|may)\s+i\s+(?:please\s+|pls\s+)?(?:have|hav|get|keep)\s+(?:it\s+|this\s+|that\s+)?"
ASKS = re.compile(rf"\b(?:more|extra)\s+time\b|\bextend\b|\bextension\b|\b{LATER_WORDS}\b|\b{HAVE_IT}(?:until|till|"
                  r"til)\b", re.IGNORECASE)
# An action named by its number alone after the words asking ("an extension on 106", "more time on 147").
ASKED_ON = rf"(?:more\s+time|extra\s+time|extension|extend|{LATER_WORDS})"
BARE_NUMBER = re.compile(rf"{ASKED_ON}\s+(?:on|for)\s+#?(?P<id>\d+)\b", re.IGNORECASE)


def asks_on_a_numbered_action(text: str) -> bool:
    """Whether the text asks for more time on an action it names by number ("can i have more time on action 93",
    "an extension on 93"): the request's, whatever else the line says."""
    return ASKS.search(text) is not None and (ACTION_NUMBER.search(text) is not None
                                              or BARE_NUMBER.search(text) is not None)
