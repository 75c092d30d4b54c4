"""Domain errors that carry the message a person should see."""


class UserError(Exception):
    """Something the person asked for cannot be done; `str(error)` says why and what to do instead."""


class AccessDenied(UserError):
    """The person's role does not allow this; the message says who can."""


class StaleAction(UserError):
    """A button from an older message no longer matches where the conversation stands."""
