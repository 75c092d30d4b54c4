"""Polite endings people type after a command (`, thanks!`, ` please`, ` - cheers`), for the tests of commands read
without them (bot/engine/politeness.py). Written here from the trial and the brief, not taken from the code."""

from __future__ import annotations

from hypothesis import strategies as st

POLITE = ["thanks", "Thanks", "THANKS", "thank you", "Thank you", "thank you very much", "thanks a lot",
          "many thanks", "please", "Please", "pls", "cheers", "Cheers", "ta", "Ta", "thx"]
SEPARATORS = [" ", ", ", ". ", " - ", " \u2013 ", "! ", ",  "]
CLOSES = ["", ".", "!", "!!", " "]


@st.composite
def _endings(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(POLITE)), min_size=1, max_size=2))
    return "".join(separator + word for separator, word in words) + draw(st.sampled_from(CLOSES))


ENDINGS: st.SearchStrategy[str] = _endings()  # `, thanks!`, ` please`, ` - cheers`, `. Thank you, ta`…
