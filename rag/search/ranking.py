"""Fusion of lexical and dense scores, and the per-document diversity of a result list."""

from __future__ import annotations

import numpy as np

FUSION_METHODS = ("weighted", "rrf")
SAMPLED_ABOVE = 200_000  # top_k bounds the selection with a sample above this many scores


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` highest scores, best first, without sorting all of them.

    Partitioning on the negated scores keeps the selection linear (DESIGN.md measured the tail
    latency of ``argpartition(s, -k)`` on a million scores; ``-s`` with ``k`` avoids it).
    """
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    if len(scores) >= SAMPLED_ABOVE:
        # The k-th best of every 64th score is at most the k-th best of all: the top k are the
        # scores above that bound, topped up with scores equal to it. One vectorised comparison
        # leaves a few thousand to partition instead of a million.
        bound = np.partition(scores[::64], -k)[-k] if len(scores[::64]) > k else scores.min()
        above = np.flatnonzero(scores > bound)
        if len(above) < k:
            part = np.concatenate([above, np.flatnonzero(scores == bound)[: k - len(above)]])
            return part[np.argsort(-scores[part], kind="stable")]
        if len(above) < len(scores) // 8:
            part = above[np.argpartition(-scores[above], k)[:k]]
            return part[np.argsort(-scores[part], kind="stable")]
    part = np.argpartition(-scores, k)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def min_max(scores: np.ndarray) -> np.ndarray:
    low, high = float(scores.min()), float(scores.max())
    if high - low < 1e-12:
        return np.zeros_like(scores)
    return (scores - low) / (high - low)


def weighted_fusion(lexical: np.ndarray, dense: np.ndarray, dense_weight: float) -> np.ndarray:
    """Min-max normalise each list over the candidates, then mix: dense adds, lexical leads."""
    return (1 - dense_weight) * min_max(lexical) + dense_weight * min_max(dense)


def rrf_fusion(lexical: np.ndarray, dense: np.ndarray, k: int = 60) -> np.ndarray:
    """Reciprocal-rank fusion over the same candidates (kept for comparison; it measured worse)."""
    fused = np.zeros_like(lexical, dtype=np.float64)
    for scores in (lexical, dense):
        ranks = np.empty(len(scores), dtype=np.int64)
        ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
        fused += 1.0 / (k + ranks)
    return fused.astype(np.float32)


def diversify(order: list[int], scores: np.ndarray, doc_of: list[str], penalty: float) -> list[tuple[int, float]]:
    """Re-rank so that a document's second, third… passage must beat other documents' best.

    Each further passage of an already-listed document has its score multiplied by
    ``(1 - penalty) ** n``; questions across plans then see one passage per plan first.
    Returns (position, adjusted score) pairs, best first.
    """
    if penalty <= 0:
        return [(position, float(scores[position])) for position in order]
    seen: dict[str, int] = {}
    adjusted = []
    for position in order:
        doc = doc_of[position]
        n = seen.get(doc, 0)
        seen[doc] = n + 1
        adjusted.append((scores[position] * (1 - penalty) ** n, position))
    adjusted.sort(key=lambda item: -item[0])
    return [(position, float(score)) for score, position in adjusted]
