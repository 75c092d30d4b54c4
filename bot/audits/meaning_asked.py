""""What does this question mean?" typed at an audit question: the question's own *What good looks like*.

Trial 26 (a social worker) asked it mid-audit in three ways: `what does this q mean?` was read as a follow-up to a
knowledge-base question from an earlier session, `what does that mean` got "Sorry, I didn't follow that", and `what
does this mean - does it have to be education too? …` went to the knowledge base, which did not know. Only "what am
i looking for here" (bot.audits.questions.GUIDANCE_WORDS) showed the guidance. 'this', 'that' or 'it' is the
question on screen; 'what does s47 mean' names its own subject and is still asked of the knowledge base, and so is
'what does that mean for the child', which goes on without a break.
"""

from __future__ import annotations

import re

_OPENING = r"(?:(?:so|and|ok|okay|but|sorry|hmm+|um+|err*)[,\s]+)?(?:sorry[,\s]+)?"
_THE_QUESTION = r"(?:this|that|it)(?:\s+(?:q|qu|qn|question|one|bit|part))?"
_MEANING = (rf"(?:what|wat|wot)(?:\s+(?:does|do|dose|is)|'s|s)\s+{_THE_QUESTION}\s+(?:mean|means|meaning)"
            rf"|(?:what|wat|wot)(?:\s+is|'s|s)\s+{_THE_QUESTION}\s+(?:asking|after|getting\s+at)(?:\s+for)?"
            r"|what\s+do\s+(?:you|u|they)\s+mean\s+by\s+(?:this|that)(?:\s+(?:q|question))?")
# The line ends there, or goes on after a break: 'what does this mean? does it have to be education too', 'what does
# this mean - does it…', 'what does that mean: who has to be there'.
_END = r"\s*(?:[?!.…]*\s*$|(?:\?+|\.{3}|…|\s[-–—]+|[-–—]+\s|[:;,])\s*\S.*$)"
MEANING_WORDS = re.compile(rf"^\s*{_OPENING}(?:{_MEANING})(?:\s+here)?{_END}", re.IGNORECASE | re.DOTALL)


def asks_what_it_means(text: str) -> bool:
    """Whether typed text asks what the question on screen means, which its *What good looks like* answers."""
    return MEANING_WORDS.match(text.replace("\u2019", "'")) is not None
