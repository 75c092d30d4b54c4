"""Fixtures shared by the integration tests: a second bot process on the same database (tests.support.second_process),
which takes the requesting module's own `settings` fixture."""

from tests.support.second_process import other, other_services  # noqa: F401 (fixtures used by name)
