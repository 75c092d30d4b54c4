"""The New entry form's check (`kb unanswered`, *New entry*), timed as Slack waits for it: the handler gives the
engine 2 s (handlers/views.py) before closing the form and telling any mistake by DM instead.

Timed end to end through the engine (`check_form`, what the handler calls), at the shipped knowledge base and at
20,000 entries (the real ones and kb_bench's synthetic ones, written as the shipped files are). Two cases: the
folder unchanged since it was loaded (the entry is checked against what is loaded: the first check after a load
also builds the wording table), and a file edited by hand since (touched here), when the whole folder is read
and checked again, which is what every check did before. Figures depend on the machine; nothing is asserted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import tempfile
from pathlib import Path

import yaml

from bench.kb_bench import synthetic_folder
from bench.measure import timed
from bot.composition import build_engine, build_services
from bot.core.knowledge import KnowledgeService
from bot.engine.routing import Engine
from bot.settings.config import PROJECT_DIR, load_settings
from knowledge.loader import load_knowledge

QA_LEAD, ASKER = "U0QALEAD1", "U0PRAN001"
ASKED = "when is the fire drill held"
QUICK_RUNS, WHOLE_RUNS = 20, 3


class _IndentedDumper(yaml.SafeDumper):
    """Lists indented under their key (`  - id:`), as the shipped files and the bot's writer write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _folder(scratch: Path, entries: int | None) -> Path:
    """A copy of the shipped knowledge folder; with `entries`, its files of entries replaced by that many."""
    folder = scratch / "knowledge"
    shutil.copytree(PROJECT_DIR / "knowledge", folder, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.json"))
    if entries is not None:
        kb = load_knowledge(folder)
        for file in {entry.file for entry in kb.entries.values()}:
            (folder / file).unlink()
        synthetic_folder(kb, folder / "kb", entries, dumper=_IndentedDumper)
    return folder


def _engine(scratch: Path, folder: Path) -> Engine:
    config = scratch / "config"
    shutil.copytree(PROJECT_DIR / "config", config)
    settings_file = config / "settings.yaml"
    settings_file.write_text(re.sub(r"(?m)^knowledge_dir:.*$", f"knowledge_dir: '{folder}'",
                                    settings_file.read_text(encoding="utf-8")), encoding="utf-8")
    settings = load_settings({"AUDITBOT_CONFIG": str(config), "AUDITBOT_DB": str(scratch / "bench.db")})
    return build_engine(build_services(settings, knowledge=KnowledgeService.load(folder)))


def _form(engine: Engine, file: str) -> tuple[str, str, str]:
    """(form action, a good entry's submission, one repeating a question already asked) for the asked group."""
    engine.message(ASKER, ASKED)
    [key] = [choice.value for reply in engine.command(QA_LEAD, "kb unanswered") for choice in reply.choices
             if choice.action == "kb.unanswered.new"][:1]
    [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
    assert opened.form is not None
    form = opened.form

    def submitted(question: str) -> str:
        return json.dumps({"form": {"question": question, "answer": "The first Monday of each month, at ten.",
                                    "tags": "", "owner": "", "review_by": "", "file": file},
                           "meta": form.meta})
    repeated = "When must an initial child protection conference be held?"
    return form.action, submitted("When is the fire drill held?"), submitted(repeated)


def _row(label: str, scratch: Path, entries: int | None, file: str) -> None:
    folder = _folder(scratch, entries)
    engine = _engine(scratch, folder)
    action, good, repeated = _form(engine, file)
    assert engine.check_form(QA_LEAD, action, repeated), "a repeated question must be told"
    quick = timed(lambda: engine.check_form(QA_LEAD, action, good), QUICK_RUNS)
    told = timed(lambda: engine.check_form(QA_LEAD, action, repeated), QUICK_RUNS)
    edited = folder / file
    os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 1_000_000))  # "a hand edit"
    whole = timed(lambda: engine.check_form(QA_LEAD, action, good), WHOLE_RUNS)
    print(f"{label:26} {quick[0]:8.0f} ms {statistics.median(quick[1:]):8.1f} ms {max(quick[1:]):7.1f} ms "
          f"{statistics.median(told):10.1f} ms {statistics.median(whole):11.0f} ms {max(whole):7.0f} ms", flush=True)


def main() -> None:
    print(f"New entry form check (engine.check_form; Slack's budget in the handler is 2 s). Folder unchanged "
          f"since loading: first check, then median and max of {QUICK_RUNS - 1} more, and the median with a "
          f"question repeated; after a hand edit (the whole folder checked, as before): median and max of "
          f"{WHOLE_RUNS}.")
    print(f"{'':26} {'first':>11} {'median':>11} {'max':>10} {'repeated':>13} {'hand edit':>14} {'max':>10}")
    with tempfile.TemporaryDirectory() as scratch:
        _row(f"shipped ({len(load_knowledge().entries)} entries)", Path(scratch), None, "kb/timescales.yaml")
    with tempfile.TemporaryDirectory() as scratch:
        _row("20,000 entries", Path(scratch), 20_000, "kb/part-020.yaml")


if __name__ == "__main__":
    main()
