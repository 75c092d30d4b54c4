"""A large (re)load is handed out of the garbage collector's sight, so no later pass rescans it (a pause the
bot's users would feel on the next question); a small one is left to the collector as usual."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import knowledge.loader
from knowledge.loader import bulk_build


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.collect()
    gc.enable()
    yield
    gc.unfreeze()  # what a test froze goes back to the collector
    if not was_enabled:
        gc.disable()


def test_a_large_build_is_frozen_and_still_freed_when_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(knowledge.loader, "FREEZE_FROM_OBJECTS", 50_000)
    frozen_before = gc.get_freeze_count()
    with bulk_build():
        built = [[number] for number in range(60_000)]
    frozen = gc.get_freeze_count()
    assert gc.isenabled() and frozen >= frozen_before + 60_000
    del built
    assert gc.get_freeze_count() <= frozen - 60_000  # reference counting freed them all the same


def test_a_small_build_is_left_to_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(knowledge.loader, "FREEZE_FROM_OBJECTS", 50_000)
    frozen_before = gc.get_freeze_count()
    with bulk_build():
        built = [[number] for number in range(1_000)]
    assert gc.isenabled() and gc.get_freeze_count() == frozen_before and len(built) == 1_000


def test_a_build_inside_another_leaves_the_collector_off_until_the_outer_one_ends() -> None:
    with bulk_build():
        with bulk_build():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
