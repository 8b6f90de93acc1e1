"""What filters need, in columns: each passage's document, body names and deadline ends.

``SearchFilter.matches`` is a Python call per passage; over a million passages that is seconds
and needs every passage parsed. Here the document part is decided once per document, the body
part once per distinct body name, the deadline part with numpy over all deadline ends, and the
answer is the same set of passages (``tests/test_columns.py`` checks it against ``matches``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from ..errors import IndexDamagedError
from ..records import DocumentMeta, Facts, Passage
from ..text.normalize import loose
from .filters import SearchFilter

FILE = "filters.npz"
NAMES = "filters.json"


class DocNames:
    """``doc_names[i]`` is passage i's document, read from the columns (no passage parsed)."""

    def __init__(self, names: list[str], doc_of: np.ndarray) -> None:
        self._names, self._doc_of = names, doc_of

    def __getitem__(self, i: int) -> str:
        return self._names[int(self._doc_of[i])]

    def __len__(self) -> int:
        return len(self._doc_of)


class FilterColumns:
    def __init__(self, docs: list[str], bodies: list[str], arrays: dict[str, np.ndarray], spellings: list[str]) -> None:
        self.docs = docs  # document names, in order of first passage
        self.bodies = bodies  # distinct body names in ``loose`` form
        self.spellings = spellings  # each one's commonest spelling as written, for display
        self.doc_of = arrays["doc_of"]  # int32 per passage → docs
        self.body_rows, self.body_ids = arrays["body_rows"], arrays["body_ids"]  # one entry per (passage, body)
        self.due_rows, self.due_end = arrays["due_rows"], arrays["due_end"]  # one entry per dated deadline

    @classmethod
    def from_records(cls, passages: Iterable[Passage], facts: Iterable[Facts]) -> FilterColumns:
        docs: dict[str, int] = {}
        bodies: dict[str, int] = {}
        spellings: Counter[str] = Counter()
        doc_of: list[int] = []
        body_rows: list[int] = []
        body_ids: list[int] = []
        due_rows: list[int] = []
        due_end: list[str] = []
        for i, (passage, fact) in enumerate(zip(passages, facts)):
            doc_of.append(docs.setdefault(passage.doc_id, len(docs)))
            names = sorted({*fact.lead, *fact.coordinating})  # sorted: the same corpus writes the same files
            spellings.update(names)
            for name in sorted({loose(n) for n in names}):
                body_rows.append(i)
                body_ids.append(bodies.setdefault(name, len(bodies)))
            for deadline in fact.deadlines:
                if deadline.end is not None:
                    due_rows.append(i)
                    due_end.append(deadline.end)
        arrays = {
            "doc_of": np.array(doc_of, dtype=np.int32),
            "body_rows": np.array(body_rows, dtype=np.int32),
            "body_ids": np.array(body_ids, dtype=np.int32),
            "due_rows": np.array(due_rows, dtype=np.int32),
            "due_end": np.array(due_end, dtype=str) if due_end else np.zeros(0, dtype="<U10"),
        }
        shown = {loose(name): name for name, _ in reversed(spellings.most_common())}  # the commonest wins
        return cls(list(docs), list(bodies), arrays, [shown[name] for name in bodies])

    def save(self, folder: Path) -> None:
        arrays = {"doc_of": self.doc_of, "body_rows": self.body_rows, "body_ids": self.body_ids,
                  "due_rows": self.due_rows, "due_end": self.due_end}
        np.savez(folder / FILE, **arrays)
        names = {"docs": self.docs, "bodies": self.bodies, "spellings": self.spellings}
        (folder / NAMES).write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> FilterColumns | None:
        """The saved columns, or None for an index written before they existed."""
        if not (folder / FILE).exists():
            return None
        try:
            names = json.loads((folder / NAMES).read_text(encoding="utf-8"))
            with np.load(folder / FILE) as data:
                arrays = {key: data[key] for key in data.files}
            if "spellings" not in names:  # written before the facets read them: rebuilt from the records
                return None
            return cls(names["docs"], names["bodies"], arrays, names["spellings"])
        except (OSError, ValueError, KeyError) as err:
            raise IndexDamagedError(f"The filter columns in '{folder}' are damaged ({err}). Rebuild the index with 'rag index'.") from err

    def facets(self) -> tuple[Counter[str], Counter[str]]:
        """Passages per body (commonest spelling) and per deadline year and quarter ("2022",
        "Q1 2022"), counted from the columns: no passage is parsed, so it stays quick at 1M."""
        per_body = np.bincount(self.body_ids, minlength=len(self.bodies)) if len(self.body_ids) else np.zeros(0, dtype=int)
        bodies = Counter({self.spellings[i]: int(n) for i, n in enumerate(per_body) if n})
        keys: set[tuple[int, str]] = set()  # a passage counts once per year and per quarter
        for row, end in zip(self.due_rows.tolist(), self.due_end.tolist()):
            keys.update({(row, end[:4]), (row, f"Q{(int(end[5:7]) - 1) // 3 + 1} {end[:4]}")})
        return bodies, Counter(key for _, key in keys)

    def doc_names(self) -> DocNames:
        return DocNames(self.docs, self.doc_of)

    def allowed(self, where: SearchFilter, documents: dict[str, DocumentMeta]) -> np.ndarray:
        """Ids of the passages that satisfy ``where``, ascending: exactly those ``where.matches`` accepts."""
        doc_ok = np.array([where.matches_document(d, documents.get(d) or DocumentMeta(d)) for d in self.docs], dtype=bool)
        keep = doc_ok[self.doc_of] if len(self.docs) else np.zeros(len(self.doc_of), dtype=bool)
        if where.body:
            name_ok = np.array([where.body_matches(name) for name in self.bodies], dtype=bool)
            has_body = np.zeros(len(keep), dtype=bool)
            if len(name_ok):
                has_body[self.body_rows[name_ok[self.body_ids]]] = True
            keep &= has_body
        if where.due_from or where.due_to:
            low, high = where.due_range()
            due = np.zeros(len(keep), dtype=bool)
            due[self.due_rows[(self.due_end >= low) & (self.due_end <= high)]] = True
            keep &= due
        return np.flatnonzero(keep).astype(np.int64)
