"""Fixtures shared by the unit tests of the shipped knowledge base's search."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.search import KnowledgeSearch


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per test module (a module defining its own `kb` keeps its own)."""
    return load_knowledge()


@pytest.fixture(scope="module")
def shipped(kb: KnowledgeBase) -> KnowledgeSearch:
    """The search over it, with the shipped fit, as the bot runs it."""
    return KnowledgeSearch(kb)
