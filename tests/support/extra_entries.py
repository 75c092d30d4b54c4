"""Settings on a copied knowledge folder with the test-only extra entries added (the audit mascot's and the rest of
tests.support.kb_helpers.add_extra_entries), for the tests of searching, learning and follow-ups that ask of them.
Import `settings` into a test module to use it in place of the shared conftest's."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings.config import Settings, load_settings
from tests.support.kb_helpers import add_extra_entries


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    add_extra_entries(kb_dir)  # the audit mascot's entries
    return load_settings(environ)
