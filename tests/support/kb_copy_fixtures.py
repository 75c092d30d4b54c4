"""Fixtures for tests that edit a copied knowledge folder: settings that read the copy, and the clock pinned to the
day the content was written (its review dates are then still ahead). Import both into a test module to use them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from bot.settings.config import Settings, load_settings
from tests.support.moved_clock import CONTENT_DAY


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


@pytest.fixture(autouse=True)
def content_day() -> Iterator[None]:
    with time_machine.travel(CONTENT_DAY, tick=True):
        yield
