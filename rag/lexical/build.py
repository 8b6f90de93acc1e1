"""Building the lexical index fast and in little memory, on every core.

Tokenising (syllables, pyvi compound words, folded syllables, document-number keys) is the slow,
pure-Python part: it runs in worker processes, one chunk of passages at a time. A worker sends back
its chunk as arrays — a small vocabulary and (token, passage, count) triples — never lists of
strings, so the parent holds no per-token Python objects. The BM25 matrix is then computed with
numpy from those triples (the same Lucene-variant scores bm25s computes passage by passage; a test
checks they are equal) and handed to a ``bm25s.BM25`` object, which saves, loads and scores as usual.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..text.doc_numbers import doc_number_keys
from ..text.normalize import fold_diacritics
from ..text.segment import compounds_of
from ..text.tokens import _WORD

CHUNK = 4000  # passages per worker task
PARALLEL_ABOVE = 20_000  # fewer passages are tokenised in this process: starting workers costs ~2 s

Progress = Callable[[str, int, int], None]


@dataclass
class FieldChunk:
    """One field of one chunk: local vocabulary, (token, passage, count) triples, passage lengths."""

    vocab: list[str]
    tokens: np.ndarray  # int32, ids into vocab
    docs: np.ndarray  # uint16, passage position within the chunk (CHUNK < 65,536)
    counts: np.ndarray  # uint16, term frequency
    lengths: np.ndarray  # int32, tokens per passage


def _field_chunk(token_lists: list[list[str]]) -> FieldChunk:
    local: dict[str, int] = {}
    ids = np.fromiter((local.setdefault(t, len(local)) for tokens in token_lists for t in tokens), dtype=np.int64)
    lengths = np.fromiter((len(tokens) for tokens in token_lists), dtype=np.int32, count=len(token_lists))
    docs = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
    keys, counts = np.unique(ids * len(token_lists) + docs, return_counts=True)  # sorted by token, then passage
    return FieldChunk(
        list(local),
        (keys // len(token_lists)).astype(np.int32),
        (keys % len(token_lists)).astype(np.uint16),
        counts.astype(np.uint16),
        lengths,
    )


# The texts of the build in progress, for forked workers: they inherit the list, and a job names
# a range of it. Pickling the texts instead would leave a cached UTF-8 copy inside every parent
# str (CPython keeps what PyUnicode_AsUTF8 made): 0.2 GB at 1M passages, held as long as the texts.
_FORKED_TEXTS: list[str] = []


def tokenise_chunk(job: tuple[list[str] | range, list[str | None], bool]) -> tuple[dict[str, FieldChunk], list[str]]:
    """Fields of a chunk of index texts (``passage_index_text``), and each passage's compound words joined by spaces.

    The chunk is a list of texts, or a range of ``_FORKED_TEXTS`` in a forked worker. ``cached``
    holds compound words already known for a text (from the index being replaced).
    """
    chunk, cached, compounds = job
    texts = _FORKED_TEXTS[chunk.start : chunk.stop] if isinstance(chunk, range) else chunk
    accented, folded, compound_rows = [], [], []
    fold_cache: dict[str, str] = {}
    for text, known in zip(texts, cached):
        row = known if known is not None else (" ".join(compounds_of(text)) if compounds else "")
        compound_rows.append(row)
        words, folded_words = field_tokens(text, row, fold_cache)
        accented.append(words)
        folded.append(folded_words)
    return {"accented": _field_chunk(accented), "folded": _field_chunk(folded)}, compound_rows


def field_tokens(text: str, compound_row: str, fold_cache: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """A passage's tokens in each field: syllables, document-number keys and its pyvi compounds
    (``compound_row``, joined by spaces) for "accented"; the same syllables and keys folded for
    "folded". The one definition of the fields: the bm25s build and the Milvus sparse vectors use it.
    ``text`` is an index text (``passage_index_text``), normalised already."""
    fold_cache = {} if fold_cache is None else fold_cache
    syllables = _WORD.findall(text.lower())
    keys = doc_number_keys(text)
    folded = [fold_cache.get(s) or fold_cache.setdefault(s, fold_diacritics(s)) for s in syllables] + [fold_diacritics(k) for k in keys]
    return syllables + keys + compound_row.split(), folded


class _Merger:
    """Chunks in passage order → one vocabulary and global triples per field."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.tokens: list[np.ndarray] = []
        self.docs: list[np.ndarray] = []
        self.firsts: list[int] = []  # the first passage of each chunk
        self.counts: list[np.ndarray] = []
        self.lengths: list[np.ndarray] = []
        self.passages = 0

    def add(self, chunk: FieldChunk) -> None:
        mapping = np.fromiter((self.vocab.setdefault(t, len(self.vocab)) for t in chunk.vocab), dtype=np.int32, count=len(chunk.vocab))
        self.tokens.append(mapping[chunk.tokens])
        self.docs.append(chunk.docs)
        self.firsts.append(self.passages)
        self.counts.append(chunk.counts)
        self.lengths.append(chunk.lengths)
        self.passages += len(chunk.lengths)

    def retriever(self, k1: float, b: float) -> object:
        """The bm25s matrix (columns = tokens), filled chunk by chunk so no temporary is corpus-sized."""
        import bm25s

        lengths = np.concatenate(self.lengths) if self.lengths else np.zeros(0, dtype=np.int32)
        n_docs, n_vocab = len(lengths), len(self.vocab)
        df = np.zeros(n_vocab, dtype=np.int64)
        for tokens in self.tokens:
            df += np.bincount(tokens, minlength=n_vocab)
        idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        average = float(lengths.mean()) if n_docs else 1.0
        norm = k1 * ((1 - b) + b * lengths / average)  # float64, as bm25s computes it
        indptr = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        data = np.empty(int(indptr[-1]), dtype=np.float32)
        indices = np.empty(int(indptr[-1]), dtype=np.int32)
        filled = np.zeros(n_vocab, dtype=np.int64)  # entries already placed in each column
        for i in range(len(self.tokens)):
            tokens, counts = self.tokens[i], self.counts[i].astype(np.float32)
            docs = self.docs[i].astype(np.int32) + np.int32(self.firsts[i])
            self.tokens[i] = self.docs[i] = self.counts[i] = np.zeros(0)  # freed as we go
            # A chunk holds each token's entries together, passages ascending: a run per token.
            starts = np.flatnonzero(np.r_[True, tokens[1:] != tokens[:-1]])
            runs = np.diff(np.r_[starts, len(tokens)])
            place = indptr[tokens] + filled[tokens] + (np.arange(len(tokens)) - np.repeat(starts, runs))
            filled[tokens[starts]] += runs
            data[place] = idf[tokens] * (counts / (norm[docs] + counts))
            indices[place] = docs
        self.tokens, self.docs, self.counts = [], [], []
        retriever = bm25s.BM25(k1=k1, b=b)
        retriever.scores = {"data": data, "indices": indices, "indptr": indptr, "num_docs": n_docs}
        retriever.vocab_dict = self.vocab
        retriever.unique_token_ids_set = set(self.vocab.values())
        retriever.nonoccurrence_array = None
        return retriever


def build_fields(
    texts: list[str],
    *,
    compounds: bool = True,
    cache: dict[str, str] | None = None,
    k1: float = 1.2,
    b: float = 0.75,
    workers: int | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, object], list[str]]:
    """bm25s retrievers for the "accented" and "folded" fields, and the compound words of each text.

    Args:
        texts: passage index texts, in passage order.
        compounds: add pyvi compound words to the accented field.
        cache: compound words already known for a text ("a_b c_d"), reused instead of pyvi.
        workers: processes for tokenising; default: every core when there are many texts.
    """
    global _FORKED_TEXTS
    cache = cache or {}
    workers = workers or ((os.cpu_count() or 1) if len(texts) >= PARALLEL_ABOVE else 1)
    # fork: workers only tokenise (no OpenMP, no BLAS), and unlike spawn it works from any script
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    forked = workers > 1 and method == "fork"
    jobs = [
        (range(i, min(i + CHUNK, len(texts))) if forked else texts[i : i + CHUNK], [cache.get(t) for t in texts[i : i + CHUNK]], compounds)
        for i in range(0, len(texts), CHUNK)
    ]
    merged = {"accented": _Merger(), "folded": _Merger()}
    compound_rows: list[str] = []
    gc.freeze()  # forked workers' garbage collector leaves the parent's objects (and pages) alone
    try:
        _FORKED_TEXTS = texts if forked else []
        pool = multiprocessing.get_context(method).Pool(workers) if workers > 1 else None
    except BaseException:
        _FORKED_TEXTS = []
        raise
    finally:
        gc.unfreeze()
    try:
        results = pool.imap(tokenise_chunk, jobs) if pool else map(tokenise_chunk, jobs)
        for fields, rows in results:
            for name, chunk in fields.items():
                merged[name].add(chunk)
            compound_rows += rows
            if progress:
                progress("tokenise", len(compound_rows), len(texts))
    finally:
        _FORKED_TEXTS = []
        if pool:
            pool.close()
            pool.join()
    fields = {name: m.retriever(k1, b) for name, m in merged.items()}
    _give_back_memory()
    return fields, compound_rows


def _give_back_memory() -> None:
    """Return freed heap pages to the system (glibc keeps them after many mid-sized arrays, and
    the vector index built next would then sit on top of them)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # another libc: nothing to give back this way
            pass
