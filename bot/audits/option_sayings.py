"""How people say an option of a choice question in their own words: the data bot.audits.option_words reads with.

A trial's manager typed `step down to EH` at "What does the child need now?" and `still delayed, actions rolled over`
at "Is there evidence of drift or delay?", and both were told to pick an option, though each says one plainly ("Step
down to early help", "Delay that is still continuing"). Two tables, not rules in code, so a new way of saying
something is a new row:

- `SAYINGS`: a shorthand or a phrase, and the words of an option's label it stands for (`EH` is "early help";
  actions `rolled over` from one review to the next are a delay still continuing, as the checklists' guidance says).
  Read in the typed text only, before its words are compared with the labels.
- `FORMS`: the forms of one word, read as that word in the typed text and in the labels alike (`delayed` is `delay`,
  `stepped` is `step`), so a label written one way and an answer typed another still meet.

Pure data: no imports, nothing read from outside.
"""

from __future__ import annotations

SAYINGS: tuple[tuple[str, str], ...] = (
    # shorthand practitioners write for a service or a meeting
    (r"\beh\b", "early help"),
    (r"\bcsc\b", "children's social care"),
    (r"\bs\.?\s?47\b", "strategy discussion"),
    (r"\bstrat(?:egy)?\s+(?:meeting|disc)\b", "strategy discussion"),
    # what a delay looks like on the file, as the drift questions' guidance describes it ("actions carried over from
    # one review to the next")
    (r"\b(?:roll|carr)\w*\s+(?:over|forward)\b", "still continuing"),
    (r"\bnot\s+(?:yet\s+|been\s+)?(?:done|completed|happened|started)\b", "still continuing"),
    (r"\bslipp(?:ed|ing)\b", "delay"),
)

FORMS: dict[str, str] = {
    "delayed": "delay", "delays": "delay", "delaying": "delay",
    "drifting": "drift", "drifted": "drift", "drifts": "drift",
    "ongoing": "continuing", "continues": "continuing",  # never `continue`: typed alone, that is "go on"
    "stepped": "step", "stepping": "step", "steps": "step",
    "closed": "close", "closing": "close", "closure": "close",
    "referral": "refer", "referred": "refer", "referring": "refer",
    "resolving": "resolved",
}
