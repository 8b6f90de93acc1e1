"""BM25 as sparse vectors, so that an engine with sparse inner-product search (Milvus) ranks
lexically exactly as the local bm25s index does.

bm25s (method "lucene") scores a passage d for query tokens q as

    Σ_t∈q  idf(t) · tf(t,d) / (tf(t,d) + k1 · (1 − b + b · |d| / avgdl)),
    idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5)).

The passage side (the fraction) goes into the stored vector and the idf into the query vector,
so adding passages only changes the small document-frequency table, never stored vectors. Only
``avgdl`` is fixed when a collection is created; later updates keep it (a full rebuild resets it).
Both fields (accented, folded) share one vector space: each key is a hash of field and token.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field

from ..text.query import LexicalTerms

MAX_KEY = 2**32 - 1  # Milvus sparse indices are uint32 below this


def term_key(field_name: str, token: str) -> int:
    """A stable 32-bit id for (field, token): no vocabulary has to be shared between processes."""
    digest = hashlib.blake2b(f"{field_name}\x1f{token}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "little") % MAX_KEY


@dataclass
class SparseBM25:
    """Document frequencies per (field, token key) and the length statistics of each field."""

    k1: float = 1.2
    b: float = 0.75
    n_docs: int = 0
    avgdl: dict[str, float] = field(default_factory=dict)  # field → mean passage length in tokens
    df: dict[int, int] = field(default_factory=dict)  # term key → passages containing it

    @classmethod
    def fit(cls, tokens: dict[str, list[list[str]]], *, k1: float = 1.2, b: float = 0.75, avgdl: dict[str, float] | None = None) -> SparseBM25:
        """Statistics of the passages' tokens per field; ``avgdl`` given keeps a collection's own."""
        df: Counter[int] = Counter()
        lengths = {}
        n_docs = 0
        for name, lists in tokens.items():
            n_docs = len(lists)
            lengths[name] = sum(len(t) for t in lists) / max(len(lists), 1)
            for toks in lists:
                df.update({term_key(name, t) for t in toks})
        return cls(k1=k1, b=b, n_docs=n_docs, avgdl=avgdl or lengths, df=dict(df))

    def passage_vector(self, tokens: dict[str, list[str]]) -> dict[int, float]:
        """The stored side: for each token of each field, its saturated, length-normalised tf."""
        vector: dict[int, float] = {}
        for name, toks in tokens.items():
            norm = self.k1 * (1 - self.b + self.b * len(toks) / max(self.avgdl.get(name, 1.0), 1e-9))
            for token, tf in Counter(toks).items():
                key = term_key(name, token)
                vector[key] = vector.get(key, 0.0) + tf / (tf + norm)
        return vector

    def idf(self, key: int) -> float:
        df = self.df.get(key, 0)
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def query_vector(self, terms: list[LexicalTerms]) -> dict[int, float]:
        """The query side: Σ weight × idf per token (a repeated token counts again, as in bm25s)."""
        vector: dict[int, float] = {}
        for name, tokens, weight in terms:
            for token in tokens:
                key = term_key(name, token)
                if key in self.df:  # unknown tokens are ignored, as bm25s does
                    vector[key] = vector.get(key, 0.0) + weight * self.idf(key)
        return vector

    def to_dict(self) -> dict[str, object]:
        return {"k1": self.k1, "b": self.b, "n_docs": self.n_docs, "avgdl": self.avgdl, "df": [[k, v] for k, v in self.df.items()]}

    @classmethod
    def from_dict(cls, data: dict) -> SparseBM25:
        return cls(k1=data["k1"], b=data["b"], n_docs=data["n_docs"], avgdl=data["avgdl"], df={int(k): int(v) for k, v in data["df"]})
