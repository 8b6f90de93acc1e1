"""top_k's sampled bound on large score arrays selects scores exactly as a full partition does."""

from __future__ import annotations

import numpy as np
import pytest

from rag.search import ranking


@pytest.mark.parametrize("case", ["distinct", "half-zero", "few-nonzero", "all-equal", "three-values"])
def test_sampled_top_k_keeps_the_best_scores(case, monkeypatch):
    rng = np.random.default_rng(1)
    scores = rng.random(300_000).astype(np.float32)
    if case == "half-zero":
        scores *= rng.integers(0, 2, len(scores))
    elif case == "few-nonzero":
        scores[:] = 0
        scores[rng.integers(0, len(scores), 40)] = rng.random(40)
    elif case == "all-equal":
        scores[:] = 0.5
    elif case == "three-values":
        scores = np.round(scores * 3)
    sampled = ranking.top_k(scores, 100)
    monkeypatch.setattr(ranking, "SAMPLED_ABOVE", 10**9)
    plain = ranking.top_k(scores, 100)
    assert len(set(sampled.tolist())) == 100
    np.testing.assert_array_equal(scores[sampled], scores[plain])
