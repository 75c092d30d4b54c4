"""Trial 54: `kb check` on a knowledge copy: an answer line left unindented is named on its own line with the fix
(F9), and words that look like links but are not are warned of (F10)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from knowledge.ask_cli import run_kb_check
from knowledge.folded_items import folder_warnings
from knowledge.link_words import broken_links
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

ANSWER = "    answer: |\n"


def _timescales(kb_dir: Path) -> Path:
    return kb_dir / "kb" / "timescales.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _check(kb_dir: Path) -> tuple[int, str]:
    out = io.StringIO()
    return run_kb_check(kb_dir, out), out.getvalue()


def test_an_answer_line_moved_to_column_0_is_named_on_its_own_line_with_indent_it(kb_dir: Path) -> None:
    path = _timescales(kb_dir)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines.index(ANSWER) + 1  # 0-based index of the answer's first line
    lines[first] = lines[first].lstrip(" ")
    path.write_text("".join(lines), encoding="utf-8")
    code, out = _check(kb_dir)
    assert code == 1
    assert (f"kb/timescales.yaml:{first + 1}: YAML syntax error: this line is not indented under `answer:`: "
            "indent it like the lines around it.") in out


def test_a_middle_answer_line_less_indented_is_named_too(kb_dir: Path) -> None:
    path = _timescales(kb_dir)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    middle = lines.index(ANSWER) + 3
    lines[middle] = "  " + lines[middle].lstrip(" ")
    path.write_text("".join(lines), encoding="utf-8")
    code, out = _check(kb_dir)
    assert code == 1 and f"kb/timescales.yaml:{middle + 1}: YAML syntax error: this line is not indented" in out


def test_links_that_are_not_links_are_warned_of_and_the_folder_still_loads(kb_dir: Path) -> None:
    path = _timescales(kb_dir)
    _edit(path, "    source: Working Together to Safeguard Children 2023",
          "    source: www.gov.uk/government/publications/working-together htp:/broken link")
    _edit(path, "Feed back to the referrer on what will happen next.",
          "Feed back to the referrer on what will happen next. See htps//proceduresonline/referrals for the form.")
    warnings = [str(warning) for warning in folder_warnings(kb_dir)]
    assert len(warnings) == 2
    assert ("'htps//proceduresonline/referrals' looks like a link but is not one: write https://… with the whole "
            "address") in warnings[0] and warnings[0].startswith("kb/timescales.yaml:")
    assert "'htp:/broken' looks like a link but is not one" in warnings[1]
    assert "www.gov.uk" not in " ".join(warnings)  # a bare www. address is left as written
    assert _check(kb_dir)[0] == 0  # a warning, not a problem


_HOST = st.from_regex(r"[a-z][a-z0-9-]{0,12}(\.[a-z]{2,6}){1,3}", fullmatch=True)
_PATH = st.from_regex(r"(/[A-Za-z0-9_~%-]{1,12}){0,4}/?(\?[a-z]{1,5}=[a-z0-9]{1,5})?", fullmatch=True)


@given(scheme=st.sampled_from(["http", "https", "HTTPS"]), host=_HOST, path=_PATH,
       end=st.sampled_from(["", ".", ",", ")", ";"]))
def test_well_formed_addresses_are_never_warned_of(scheme: str, host: str, path: str, end: str) -> None:
    address = f"{scheme}://{host}{path}"
    assert broken_links(f"See ({address}{end} for the form, and/or s17/s47 at www.{host}{path}.") == []


@given(slip=st.sampled_from(["htps//", "htp:/", "https//", "http:/", "ttps://", "https:", "hhtp://", "htpp://"]),
       host=_HOST, path=_PATH)
def test_a_mistyped_start_is_always_warned_of(slip: str, host: str, path: str) -> None:
    assert broken_links(f"See {slip}{host}{path} for the form.") == [f"{slip}{host}{path}"]
