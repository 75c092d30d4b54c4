"""What a CLI command needs, built lazily: settings, services and the engine."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TextIO

from bot.composition import build_services
from bot.core.services import Services, utc_now
from bot.engine.routing import Engine
from bot.settings.config import Settings, load_settings


@dataclass
class Runtime:
    """Created by the composition root; commands take only what they use."""

    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    stdin: TextIO | None = None
    stdout: TextIO | None = None
    stderr: TextIO | None = None
    clock: Callable[[], datetime] = utc_now  # the one clock every service, job and reply reads

    @cached_property
    def settings(self) -> Settings:
        return load_settings(self.environ)

    @cached_property
    def services(self) -> Services:
        return build_services(self.settings, clock=self.clock)

    @cached_property
    def engine(self) -> Engine:
        from bot.composition import build_engine

        return build_engine(self.services)

    def close(self) -> None:
        if "services" in self.__dict__:
            self.services.storage.close()
