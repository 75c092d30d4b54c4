"""What a database file holds outside its rows: the bytes SQLite no longer uses but has not zeroed.

With `PRAGMA secure_delete` on (bot.storage.db) SQLite zeroes a row it deletes or overwrites and every page it frees,
but not everything: when it rebalances a page it copies the cells it keeps and leaves the rest of the page as it
was, so the unused space between the cell pointers and the cells can still hold an old copy of a row, often cut
short by the cells written over its end since (bench/redaction_bench.py counts how often). A database written before
secure_delete was on also keeps deleted rows in free pages and free blocks. A removal (bot.storage.redaction) looks
for its text in these bytes only: a copy inside a live row is another stored text that says the same, not a
leftover, and reading only the unused space is what lets the search tell the two apart.

The layout read here is SQLite's file format (https://www.sqlite.org/fileformat2.html), stable since 2004: the
freelist from the database header, and each b-tree page's header, cell pointer array and chain of free blocks.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Collection
from pathlib import Path

BTREE_PAGES = {2: 12, 5: 12, 10: 8, 13: 8}  # page type -> header size: interior index/table, leaf index/table
FILE_HEADER = 100  # page 1 starts with the database header


def unused_bytes(path: Path) -> list[bytes]:
    """Every run of the file's unused space: free pages, and on each b-tree page the space between its cell pointers
    and its cells, and its free blocks (15 MB of a 190 MB file in bench/redaction_bench.py, mostly zeros). Overflow
    pages are left out: SQLite frees (and so zeroes) a row's overflow pages with it. The file must be still
    meanwhile (the caller holds writers off). ValueError for a file whose pages cannot be read as SQLite's."""
    with open(path, "rb") as file:
        if not file.seek(0, 2):
            return []
        with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as content:
            try:
                return _pieces(content)
            except (struct.error, IndexError) as exc:
                raise ValueError(f"{path.name}: a page does not read as SQLite's file format") from exc


def _pieces(content: mmap.mmap) -> list[bytes]:
    page_size = struct.unpack_from(">H", content, 16)[0]
    page_size = 65536 if page_size == 1 else page_size
    usable = page_size - content[20]  # less the bytes reserved at each page's end (none, unless an extension)
    pages = len(content) // page_size
    pieces: list[bytes] = []
    free: set[int] = set()
    trunks: set[int] = set()
    trunk = struct.unpack_from(">I", content, 32)[0]
    while 0 < trunk <= pages and trunk not in trunks:  # the freelist: trunk pages, each listing leaf pages
        trunks.add(trunk)
        start = (trunk - 1) * page_size
        following, count = struct.unpack_from(">II", content, start)
        count = min(count, (usable - 8) // 4)
        free.update(struct.unpack_from(f">{count}I", content, start + 8))
        pieces.append(content[start + 8 + 4 * count:start + usable])
        trunk = following
    for number in range(1, pages + 1):
        start = (number - 1) * page_size
        if number in free:
            pieces.append(content[start:start + usable])
        elif number not in trunks:
            pieces += _page_pieces(content, start, start + (FILE_HEADER if number == 1 else 0), usable)
    return pieces


def _page_pieces(content: mmap.mmap, start: int, header: int, usable: int) -> list[bytes]:
    """A b-tree page's unused space; nothing for any other page (an overflow page, the lock-byte page)."""
    header_size = BTREE_PAGES.get(content[header])
    if header_size is None:
        return []
    block, cells, cells_start = struct.unpack_from(">HHH", content, header + 1)
    pointers_end = header + header_size + 2 * cells
    cells_start = start + (cells_start or 65536)
    pieces = [content[pointers_end:cells_start]] if cells_start > pointers_end else []
    for _ in range(usable // 4):  # free blocks, each at least 4 bytes: a longer chain is a damaged page
        if not block or block + 4 > usable:
            break
        following, size = struct.unpack_from(">HH", content, start + block)
        pieces.append(content[start + block + 4:start + min(block + size, usable)])
        block = following
    return pieces


def holds_any(pieces: list[bytes], needles: Collection[bytes]) -> bool:
    """Whether any needle is in any piece (joined by a zero byte, which no stored text holds)."""
    joined = b"\0".join(pieces)
    return any(needle and needle in joined for needle in needles)
