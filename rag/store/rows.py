"""Passages and facts of a large index, read from their JSON-lines files only when asked for.

Parsing a million JSON rows into objects takes tens of seconds and gigabytes; a search needs a
few hundred of them. ``write_rows`` writes a file and its byte-offset table (``NAME.offsets.npy``);
``JsonlRows`` memory-maps the file and parses row ``i`` on access, keeping recently used rows.
It is a read-only sequence: ``len``, ``rows[i]``, slices and iteration work as on a list.
"""

from __future__ import annotations

import json
import mmap
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

import numpy as np

from ..errors import IndexDamagedError
from .folder import read_jsonl

T = TypeVar("T")
KEPT = 8192  # parsed rows kept: a query touches a few hundred


def offsets_path(path: Path) -> Path:
    return path.with_name(path.stem + ".offsets.npy")


def write_rows(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """JSON lines (``ensure_ascii=False``) plus the byte offset where each line starts."""
    offsets = [0]
    with path.open("wb") as out:
        for row in rows:
            line = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
            out.write(line)
            offsets.append(offsets[-1] + len(line))
    np.save(offsets_path(path), np.array(offsets, dtype=np.int64))


def read_rows(path: Path, parse: Callable[[dict[str, Any]], T], *, lazy: bool) -> Sequence[T]:
    """Every row parsed now (a list), or ``JsonlRows`` that parse on access."""
    return JsonlRows(path, parse) if lazy else [parse(row) for row in read_jsonl(path)]


class JsonlRows(Sequence[T], Generic[T]):
    """Rows of a JSON-lines file, parsed by ``parse`` on access."""

    def __init__(self, path: Path, parse: Callable[[dict[str, Any]], T]) -> None:
        try:
            self._offsets = np.load(offsets_path(path), mmap_mode="r")
            with path.open("rb") as handle:
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if path.stat().st_size else b""
        except (OSError, ValueError) as err:
            raise IndexDamagedError(f"'{path}' or its offsets are missing or damaged ({err}). Rebuild the index with 'rag index'.") from err
        if len(self._map) != int(self._offsets[-1]):
            raise IndexDamagedError(f"'{path}' does not match its offsets (an interrupted copy?). Rebuild the index with 'rag index'.")
        self._path = path
        self._parse = parse
        self._kept: OrderedDict[int, T] = OrderedDict()

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _row(self, i: int) -> T:
        row = self._kept.get(i)
        if row is None:
            start, end = int(self._offsets[i]), int(self._offsets[i + 1])
            try:
                row = self._parse(json.loads(self._map[start:end]))
            except (ValueError, TypeError, KeyError) as err:
                raise IndexDamagedError(f"Row {i} of '{self._path}' is damaged ({err}). Rebuild the index with 'rag index'.") from err
            self._kept[i] = row
            if len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(i)
        return row

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self._row(j) for j in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._row(i)

    def __iter__(self) -> Iterator[T]:
        """Every row in order, without filling the kept rows."""
        for i in range(len(self)):
            start, end = int(self._offsets[i]), int(self._offsets[i + 1])
            yield self._kept.get(i) or self._parse(json.loads(self._map[start:end]))
