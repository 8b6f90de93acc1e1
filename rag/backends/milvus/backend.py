"""The Milvus backend: passages, facts, dense vectors and BM25 sparse vectors in Milvus.

    rag index --milvus index/milvus.db       # Milvus Lite: a local file, no server
    rag index --milvus http://host:19530     # a Milvus server or cluster
    rag serve --milvus http://host:19530     # any number of app servers share it

The local index folder is still built first: it is the cache of vectors and compound words, so
an update embeds only new text. ``sync`` then makes the Milvus collections match it.

What lives in Milvus (``name`` defaults to "rag"):

    alias <name> → <name>_meta_<stamp>    key/value rows: manifest, document metadata,
                                           accent-restorer counts, BM25 statistics (chunked)
    <name>_passages_<stamp>               one row per passage, see ``passage_schema``

Ranking is the same code as the default backend (``SearchIndex._rank``): this module only
finds candidates, with filters run in the engine, and returns both scores for each.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import BackendUnavailableError, IndexDamagedError
from ...lexical.build import field_tokens
from ...lexical.sparse import SparseBM25
from ...records import DocumentMeta, Facts
from ...search.backend import Candidates, QueryVector
from ...search.filters import SearchFilter, iso_day
from ...structure.names import normalise_body
from ...structure.passages import passage_index_text
from ...text.normalize import loose
from ...text.query import LexicalTerms

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DEFAULT_NAME = "rag"
BATCH = 500  # rows per insert: well under gRPC's message limit with 384-dim vectors
CHUNK = 16_000  # characters per meta value (Milvus VARCHAR holds 65,535 bytes; Vietnamese is ≤ 3 per character)
NO_DATE_LOW, NO_DATE_HIGH = "9999-12-31", "0000-01-01"  # due range of a passage without dated deadlines
HNSW = {"M": 32, "efConstruction": 80}
HNSW_EF = 96


def is_milvus_uri(text: str | Path) -> bool:
    """A Milvus Lite file (``*.db``) or a server address (``http://host:19530``)."""
    text = str(text)
    return text.endswith(".db") or text.startswith(("http://", "https://", "tcp://", "grpc://"))


def connect(uri: str, *, token: str = "", attempts: int = 3) -> Any:
    """A client for ``uri``; a server gets a few tries with back-off before a clear error."""
    if "grpc" not in sys.modules:  # gRPC's C core logs keep-alive chatter with the local server to stderr
        os.environ.setdefault("GRPC_VERBOSITY", "NONE")
    try:
        from pymilvus import MilvusClient
    except ImportError as err:
        raise BackendUnavailableError(
            "The Milvus backend needs pymilvus (and milvus-lite for a .db file): pip install -e '.[milvus]'."
        ) from err
    local = str(uri).endswith(".db")
    if local:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
        # Milvus Lite's in-process server logs every call it lacks (a timestamp the query iterator
        # asks for, then does without) as an error with a traceback: noise, not a failure.
        logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
        logging.getLogger("pymilvus.client.iterator.query_iterator").setLevel(logging.ERROR)
    delay, problem = 0.5, ""
    for attempt in range(1 if local else attempts):
        try:
            return MilvusClient(uri=str(uri), token=token, timeout=10)
        except Exception as err:  # pymilvus raises several kinds for an unreachable server
            problem = str(getattr(err, "message", "") or err).splitlines()[0] or type(err).__name__
            logger.info("Milvus at %s not reachable (try %d): %s", uri, attempt + 1, problem)
            if attempt + 1 < attempts:
                time.sleep(delay)
                delay *= 2
    hint = "Is milvus-lite installed and the folder writable?" if local else "Is the server running and the address right?"
    raise BackendUnavailableError(f"Cannot open Milvus at '{uri}' ({problem}). {hint}")


# --- schema ---------------------------------------------------------------------------------


def passage_schema(client: Any, dim: int) -> Any:
    from pymilvus import DataType

    schema = client.create_schema(auto_id=False, description=f"rag passages, schema {SCHEMA_VERSION}")
    schema.add_field("pk", DataType.INT64, is_primary=True)  # hash of the row: unchanged passages keep it
    schema.add_field("doc_id", DataType.VARCHAR, max_length=1024)
    schema.add_field("ordinal", DataType.INT64)  # position within its document
    schema.add_field("issuer", DataType.VARCHAR, max_length=4096)  # loose form (see filters.loose)
    schema.add_field("doc_type", DataType.VARCHAR, max_length=1024)
    schema.add_field("year", DataType.INT64)  # 0 when unknown
    schema.add_field("bodies", DataType.VARCHAR, max_length=65_535)  # "|lead|coordinating|", loose forms
    schema.add_field("due_min", DataType.VARCHAR, max_length=10)  # earliest and latest dated deadline (ISO)
    schema.add_field("due_max", DataType.VARCHAR, max_length=10)
    schema.add_field("row", DataType.JSON)  # the passage and its facts, as in passages.jsonl / facts.jsonl
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field("lexical", DataType.SPARSE_FLOAT_VECTOR)  # BM25, passage side (rag.lexical.sparse)
    return schema


def meta_schema(client: Any) -> Any:
    from pymilvus import DataType

    schema = client.create_schema(auto_id=False, description=f"rag metadata, schema {SCHEMA_VERSION}")
    schema.add_field("key", DataType.VARCHAR, max_length=512, is_primary=True)
    schema.add_field("value", DataType.VARCHAR, max_length=65_535)
    schema.add_field("unused", DataType.FLOAT_VECTOR, dim=2)  # Milvus requires a vector field
    return schema


def create_collection(client: Any, name: str, schema: Any, indexes: list[tuple[str, str, str, dict]]) -> None:
    params = client.prepare_index_params()
    for field_name, index_type, metric, extra in indexes:
        params.add_index(field_name, index_type=index_type, metric_type=metric, params=extra)
    client.create_collection(name, schema=schema, index_params=params)


def dense_index_params(uri: str) -> tuple[str, dict]:
    """Milvus Lite searches exactly (FLAT); a server gets HNSW with the local backend's parameters."""
    return ("FLAT", {}) if str(uri).endswith(".db") else ("HNSW", dict(HNSW))


# --- rows -----------------------------------------------------------------------------------


def _filter_fields(meta: DocumentMeta, facts: Facts) -> dict[str, Any]:
    names = [loose(name) for name in (*facts.lead, *facts.coordinating)]
    ends = sorted(d.end for d in facts.deadlines if d.end)
    return {
        "issuer": loose(meta.issuer or "")[:4000],
        "doc_type": loose(meta.doc_type or "")[:1000],
        "year": int(meta.year or 0),
        "bodies": ("|" + "|".join(names) + "|")[:65_000],
        "due_min": ends[0] if ends else NO_DATE_LOW,
        "due_max": ends[-1] if ends else NO_DATE_HIGH,
    }


def corpus_field_tokens(index: Any) -> dict[str, list[list[str]]]:
    """The lexical tokens of every passage of a freshly built ``SearchIndex``, per field."""
    compounds = index.compounds if index.compounds is not None else ["" for _ in index.passages]
    fields = [field_tokens(passage_index_text(p, index.documents.get(p.doc_id)), row) for p, row in zip(index.passages, compounds)]
    return {"accented": [accented for accented, _ in fields], "folded": [folded for _, folded in fields]}


def passage_rows(index: Any, tokens: dict[str, list[list[str]]], stats: SparseBM25) -> list[dict[str, Any]]:
    """One Milvus row per passage of a locally built ``SearchIndex``."""
    embedder = index.manifest["embedder"]["name"]
    ordinal: dict[str, int] = {}
    rows = []
    for i, passage in enumerate(index.passages):
        meta = index.documents.get(passage.doc_id) or DocumentMeta(passage.doc_id)
        record = {k: v for k, v in passage.to_dict().items() if k != "passage_id"}
        row = {
            "doc_id": passage.doc_id,
            "ordinal": ordinal.setdefault(passage.doc_id, 0),
            **_filter_fields(meta, index.facts[i]),
            "row": {"passage": record, "facts": index.facts[i].to_dict()},
        }
        ordinal[passage.doc_id] += 1
        identity = json.dumps([embedder, stats.avgdl, row], ensure_ascii=False, sort_keys=True)
        row["pk"] = int.from_bytes(hashlib.blake2b(identity.encode(), digest_size=8).digest(), "little", signed=True)
        row["dense"] = np.asarray(index.dense.vectors[i], dtype=np.float32).tolist()
        row["lexical"] = stats.passage_vector({name: tokens[name][i] for name in tokens}) or {0: 0.0}
        rows.append(row)
    return rows


def filter_expression(where: SearchFilter | None) -> str:
    """A Milvus boolean expression that every passage satisfying ``where`` satisfies.

    It may let a few more through (a LIKE wildcard in a name, a passage with two deadlines around
    the range); ``SearchIndex`` checks the filter exactly on what comes back.
    """
    if where is None or not where.active:
        return ""

    def text(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a quoted, escaped string literal

    parts = []
    if where.doc:
        parts.append(f"doc_id == {text(where.doc)}")
    if where.exclude_doc:
        parts.append(f"doc_id != {text(where.exclude_doc)}")
    if where.issuer:
        parts.append(f"issuer like {text('%' + loose(where.issuer) + '%')}")
    if where.doc_type:
        parts.append(f"doc_type == {text(loose(where.doc_type))}")
    if where.year is not None:
        parts.append(f"year == {int(where.year)}")
    if where.body:
        wanted = loose(normalise_body(where.body))
        parts.append(f"bodies like {text(f'%|{wanted}|%' if where.body_exact else f'%{wanted}%')}")
    if where.due_from or where.due_to:
        low = iso_day(where.due_from, end=False) if where.due_from else "0000-01-01"
        high = iso_day(where.due_to, end=True) if where.due_to else "9999-12-31"
        parts.append(f'due_max >= "{low}" and due_min <= "{high}"')
    return " and ".join(f"({p})" for p in parts)


# --- the backend ----------------------------------------------------------------------------


class MilvusBackend:
    """Candidates from a Milvus passages collection; positions are those of ``SearchIndex.passages``."""

    def __init__(self, client: Any, collection: str, stats: SparseBM25, pks: np.ndarray, uri: str) -> None:
        self.client = client
        self.collection = collection
        self.stats = stats
        self.pks = pks  # position → primary key
        self.position = {int(pk): i for i, pk in enumerate(pks)}
        self.uri = uri

    def _search(self, field: str, data: Any, n: int, expr: str) -> dict[int, float]:
        params = {"metric_type": "IP", "params": {"ef": max(HNSW_EF, n)} if field == "dense" else {"drop_ratio_search": 0.0}}
        found = with_retry(lambda: self.client.search(self.collection, data=[data], anns_field=field, limit=n, filter=expr, search_params=params, output_fields=["pk"]))
        return {int(hit["pk"]): float(hit["distance"]) for hit in found[0]}

    def lexical_top(self, terms: list[LexicalTerms], n: int, expr: str) -> dict[int, float]:
        """Primary key → BM25 score of the ``n`` best passages within ``expr`` (one sparse search)."""
        query = self.stats.query_vector(terms)
        found = self._search("lexical", query, n, expr) if query else {}
        return {pk: score for pk, score in found.items() if score > 0}

    def complete_scores(
        self, terms: list[LexicalTerms], vector: np.ndarray | None, need_lexical: list[int], need_dense: list[int],
        lexical: dict[int, float], dense: dict[int, float],
    ) -> None:
        """The score each candidate lacks (found by one retriever only), from one fetch of their rows."""
        wanted = sorted(set(need_lexical) | set(need_dense))
        rows = with_retry(lambda: self.client.query(self.collection, filter=f"pk in {wanted}", output_fields=["pk", "dense", "lexical"]))
        query = self.stats.query_vector(terms) if need_lexical else {}
        for row in rows:
            pk = int(row["pk"])
            if pk in need_dense and vector is not None:
                dense[pk] = float(np.dot(np.asarray(row["dense"], dtype=np.float32), vector))
            if pk in need_lexical:
                stored = {int(key): weight for key, weight in row["lexical"].items()}
                lexical[pk] = float(sum(weight * stored.get(key, 0.0) for key, weight in query.items()))

    def candidates(
        self, terms: list[LexicalTerms], vector: QueryVector, mode: str, where: SearchFilter | None, n: int
    ) -> Candidates:
        vector = vector() if callable(vector) else vector
        expr = filter_expression(where)
        lexical = self.lexical_top(terms, n, expr) if mode != "dense" else {}
        dense = self._search("dense", np.asarray(vector, dtype=np.float32).tolist(), n, expr) if vector is not None else {}
        need_dense = [pk for pk in lexical if pk not in dense] if vector is not None else []
        need_lexical = [pk for pk in dense if pk not in lexical] if mode != "dense" else []
        if need_dense or need_lexical:
            self.complete_scores(terms, vector, need_lexical, need_dense, lexical, dense)
        pks = [pk for pk in sorted(set(lexical) | set(dense)) if pk in self.position]
        if not pks:
            return Candidates.empty()
        ids = np.array([self.position[pk] for pk in pks], dtype=np.int64)
        order = np.argsort(ids)
        return Candidates(
            ids[order],
            np.array([lexical.get(pk, 0.0) for pk in pks], dtype=np.float32)[order],
            np.array([dense.get(pk, 0.0) for pk in pks], dtype=np.float32)[order],
        )

    def warm(self, dim: int) -> None:
        """One search of each field: Milvus Lite builds a field's index on its first search (3 s at
        20,000 passages), which is better paid when the index opens than by the first question."""
        self._search("lexical", {0: 1.0}, 1, "")
        self._search("dense", [1.0] + [0.0] * (dim - 1), 1, "")

    def describe(self) -> dict[str, object]:
        return {"kind": "milvus", "uri": self.uri, "collection": self.collection, "passages": len(self.pks)}


def with_retry(call: Any, attempts: int = 3) -> Any:
    """Reads are retried on a lost connection (a server restarting, a network blip)."""
    from pymilvus.exceptions import MilvusException, MilvusUnavailableException

    delay = 0.2
    for attempt in range(attempts):
        try:
            return call()
        except MilvusUnavailableException:
            if attempt + 1 == attempts:
                raise
        except MilvusException as err:
            if "unavailable" not in str(err).lower() or attempt + 1 == attempts:
                raise
        time.sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")


# --- metadata -------------------------------------------------------------------------------


def write_meta_value(client: Any, collection: str, key: str, value: Any) -> int:
    """Store ``value`` as JSON in chunks ``key#0``, ``key#1`` …; returns the number of chunks."""
    text = json.dumps(value, ensure_ascii=False)
    chunks = [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    rows = [{"key": f"{key}#{i}", "value": chunk, "unused": [0.0, 0.0]} for i, chunk in enumerate(chunks)]
    for start in range(0, len(rows), BATCH):
        client.upsert(collection, rows[start : start + BATCH])
    return len(chunks)


def read_meta(client: Any, collection: str, key: str, chunks: int) -> Any:
    names = [f"{key}#{i}" for i in range(chunks)]
    found: dict[str, str] = {}
    for start in range(0, len(names), BATCH):
        expr = f"key in {json.dumps(names[start : start + BATCH], ensure_ascii=False)}"
        rows = with_retry(lambda expr=expr: client.query(collection, filter=expr, output_fields=["key", "value"]))
        found.update({r["key"]: r["value"] for r in rows})
    if len(found) != len(names):
        raise IndexDamagedError(f"Milvus collection '{collection}' lacks parts of '{key}'. Rebuild with 'rag index --milvus … --rebuild'.")
    return json.loads("".join(found[n] for n in names))
