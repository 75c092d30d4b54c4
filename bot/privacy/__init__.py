"""The identifier screen: keeping anything that could identify a child out of the bot.

`screen` is the entry point (the `Screen` built once at start, `screen_text`, `check_case_reference`);
`detect` holds the detectors, `lexicon` the name lists, `knowledge_screen` the content mode `kb check` uses,
and `reference_pattern` the check that a configured case-reference pattern cannot match an identifier.
"""
