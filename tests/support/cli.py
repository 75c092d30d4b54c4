"""Run an `audit-bot` sub-command in-process with captured output, as the composition root would."""

from __future__ import annotations

import io
from dataclasses import dataclass

from bot.cli import build_parser
from bot.cli.runtime import Runtime


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def run_cli(environ: dict[str, str], *argv: str) -> CliResult:
    args = build_parser().parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    runtime = Runtime(environ=environ, stdin=io.StringIO(), stdout=out, stderr=err)
    try:
        code = int(args.func(args, runtime) or 0)
    finally:
        runtime.close()
    return CliResult(code, out.getvalue(), err.getvalue())
