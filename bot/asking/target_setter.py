"""Who can set a person's monthly audit target, said to someone who has none (trial 26: the head of service was told
to "ask your QA lead to set it", though QA leads cannot, and as an admin she decides targets herself), and to someone
asking whether theirs is less over the bank holidays (trial 60 F17: it is not).

Targets are `audit_target` beside a team member in the bot's team list (the teams file loaded, `config/teams.yaml`
unless AUDITBOT_CONFIG names another folder; bot.core.targets reads them; one under `people:` is not counted), which
whoever runs the bot edits and the bot reads when it starts.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.settings.people import Person, Role


def where(services: Services) -> str:
    """Where targets are set, naming the teams file the bot loaded as it was given (fix80b: always
    `config/teams.yaml`, though AUDITBOT_CONFIG may name another folder)."""
    return (f"targets are set as `audit_target` beside a team member in the bot's team list "
            f"(`{services.settings.teams_file_shown}`), which whoever runs the bot edits; it is read when the bot "
            "starts")


def no_target_said(services: Services, person: Person) -> str:
    """What a person with no monthly target is told: an admin that they decide it and where it is set; anyone else
    which admins to ask, by name."""
    if person.role is Role.ADMIN:
        return (f" You have no monthly audit target in the bot's team list. As an admin you can set one for yourself "
                f"(or anyone): {where(services)}.")
    return (f" You have no monthly audit target in the bot's team list: if you should have one, ask "
            f"{_admins_said(services)}: {where(services)}.")


def _admins_said(services: Services) -> str:
    admins = [services.directory.label(uid) for uid in services.directory.ids_with_role(Role.ADMIN)]
    return f"an admin ({', '.join(admins)})" if admins else "whoever runs the bot"


def not_reduced_said(services: Services, person: Person, target: int) -> str:
    """That a target is for the month, whatever its bank holidays, and who changes it: an admin (the asker, when
    they are one)."""
    said = (f"Targets are monthly and are not reduced for bank holidays or leave: yours is {target} this month, as in "
            "any month.")
    if person.role is Role.ADMIN:
        return f"{said} As an admin you can change it: {where(services)}."
    return f"{said} Only {_admins_said(services)} can change it: {where(services)}."
