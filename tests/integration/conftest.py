"""Fixtures shared by the integration tests: a second bot process on the same database (tests.support.second_process),
which takes the requesting module's own `settings` fixture; and trial 63's South with two managers
(tests.support.co_managers)."""

from tests.support.co_managers import co_managed  # noqa: F401 (fixture used by name)
from tests.support.second_process import other, other_services  # noqa: F401 (fixtures used by name)
