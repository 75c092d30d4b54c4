"""Run an `audit-bot` sub-command in-process with captured output, as the composition root would."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TextIO

from bot.cli import build_parser
from bot.cli.runtime import Runtime


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


class TypedAtTerminal(io.StringIO):
    """Standard input as a person at a terminal types it (isatty is true), with these lines typed."""

    def isatty(self) -> bool:
        return True


def run_cli(environ: dict[str, str], *argv: str, stdin: TextIO | None = None) -> CliResult:
    """Run it with nothing on standard input (not a terminal, as in a script) unless `stdin` is given."""
    args = build_parser().parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    runtime = Runtime(environ=environ, stdin=stdin or io.StringIO(), stdout=out, stderr=err)
    try:
        code = int(args.func(args, runtime) or 0)
    finally:
        runtime.close()
    return CliResult(code, out.getvalue(), err.getvalue())
