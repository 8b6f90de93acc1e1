"""Write a built index into Milvus (full or incremental) and open a Milvus-backed ``SearchIndex``.

A full build fills new collections and only then points the alias at them, so a failure leaves
the previous index searchable and no half-written collection behind. An update inserts the new
rows (their keys are hashes of their content, so unchanged passages are not touched), deletes the
rows that went away, and writes the metadata under a new generation; the manifest, written last,
names the generation readers use. Run again after an interruption: it finishes the job.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import numpy as np

from ...dense.embedders import Embedder
from ...errors import EmbedderMismatchError, IndexDamagedError, IndexNotFoundError
from ...lexical.sparse import SparseBM25
from ...records import DocumentMeta, Facts, Passage, Progress
from ...store.folder import FORMAT_VERSION
from ...text.accents import AccentRestorer
from .backend import (
    BATCH,
    DEFAULT_NAME,
    SCHEMA_VERSION,
    MilvusBackend,
    connect,
    corpus_field_tokens,
    create_collection,
    dense_index_params,
    meta_schema,
    passage_rows,
    passage_schema,
    read_meta,
    with_retry,
    write_meta_value,
)

logger = logging.getLogger(__name__)


def _current(client: Any, name: str) -> tuple[str, dict[str, Any]] | None:
    """The meta collection the alias ``name`` points at, and its manifest; None when there is none."""
    if name not in client.list_aliases().get("aliases", []):
        return None
    meta = client.describe_alias(name)["collection_name"]
    client.load_collection(meta)
    return meta, read_meta(client, meta, "manifest", 1)


def _check(manifest: dict[str, Any], where: str) -> None:
    if manifest.get("format_version") != FORMAT_VERSION or manifest.get("milvus", {}).get("schema") != SCHEMA_VERSION:
        raise IndexDamagedError(
            f"The Milvus index {where} was written by another version (format {manifest.get('format_version')}, "
            f"schema {manifest.get('milvus', {}).get('schema')}); this version needs format {FORMAT_VERSION}, "
            f"schema {SCHEMA_VERSION}. Rebuild it with 'rag index --milvus … --rebuild'."
        )


def sync(
    index: Any, uri: str, *, name: str = DEFAULT_NAME, rebuild: bool = False, token: str = "", progress: Progress | None = None
) -> dict[str, int]:
    """Make the Milvus index ``name`` at ``uri`` hold exactly the passages of ``index``
    (a ``SearchIndex`` fresh from ``SearchIndex.build``). Returns counts of what it did."""
    if index.compounds is None and index.manifest["lexical"].get("pyvi_compounds"):
        raise ValueError("sync() needs an index fresh from SearchIndex.build (it uses the build's compound words).")
    client = connect(uri, token=token)
    current = None if rebuild else _current(client, name)
    where = f"'{name}' at '{uri}'"
    tokens = corpus_field_tokens(index)
    if current is not None:
        meta, manifest = current
        _check(manifest, where)
        if manifest["embedder"]["name"] != index.manifest["embedder"]["name"]:
            raise EmbedderMismatchError(
                f"The Milvus index {where} holds vectors of '{manifest['embedder']['name']}', not "
                f"'{index.manifest['embedder']['name']}'. Rebuild it with 'rag index --milvus {uri} --rebuild'."
            )
        stats = SparseBM25.fit(tokens, avgdl=manifest["milvus"]["avgdl"])  # stored passage vectors stay valid
        return _update(client, meta, manifest, index, passage_rows(index, tokens, stats), stats, progress)
    stats = SparseBM25.fit(tokens)
    return _full(client, uri, name, index, passage_rows(index, tokens, stats), stats, progress)


def _insert(client: Any, collection: str, rows: list[dict[str, Any]], progress: Progress | None) -> None:
    for start in range(0, len(rows), BATCH):
        client.insert(collection, rows[start : start + BATCH])
        if progress:
            progress("milvus", min(start + BATCH, len(rows)), len(rows))


def _full(client: Any, uri: str, name: str, index: Any, rows: list[dict[str, Any]], stats: SparseBM25, progress: Progress | None) -> dict[str, int]:
    old = _current(client, name)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S") + secrets.token_hex(2)
    passages, meta = f"{name}_passages_{stamp}", f"{name}_meta_{stamp}"
    dense_type, dense_params = dense_index_params(uri)
    try:
        create_collection(client, passages, passage_schema(client, index.manifest["embedder"]["dim"]),
                [("dense", dense_type, "IP", dense_params), ("lexical", "SPARSE_INVERTED_INDEX", "IP", {})])
        create_collection(client, meta, meta_schema(client), [("unused", "FLAT", "L2", {})])
        _insert(client, passages, rows, progress)
        manifest = {"milvus": {"schema": SCHEMA_VERSION, "passages": passages, "avgdl": stats.avgdl,
                               "dense_index": {"type": dense_type, **dense_params}}}
        _write_meta(client, meta, manifest, index, stats)
        if old is None:
            client.create_alias(meta, name)
        else:
            client.alter_alias(meta, name)
    except BaseException:
        for collection in (passages, meta):  # leave nothing half-written behind
            try:
                client.drop_collection(collection)
            except Exception as err:
                logger.warning("could not drop %s: %s", collection, err)
        raise
    if old is not None:  # the alias has moved: the previous collections are no longer read
        for collection in (old[1].get("milvus", {}).get("passages"), old[0]):
            if collection:
                client.drop_collection(collection)
    return {"inserted": len(rows), "deleted": 0, "kept": 0}


def _update(client: Any, meta: str, manifest: dict[str, Any], index: Any, rows: list[dict[str, Any]], stats: SparseBM25, progress: Progress | None) -> dict[str, int]:
    passages = manifest["milvus"]["passages"]
    client.load_collection(passages)
    existing = set(_all_keys(client, passages))
    wanted = {row["pk"] for row in rows}
    new = [row for row in rows if row["pk"] not in existing]
    stale = sorted(existing - wanted)
    _insert(client, passages, new, progress)
    for start in range(0, len(stale), BATCH):
        client.delete(passages, filter=f"pk in {stale[start : start + BATCH]}")
    previous = manifest.get("milvus", {}).get("generation")
    _write_meta(client, meta, {"milvus": manifest["milvus"]}, index, stats)
    if previous:
        client.delete(meta, filter=f'key like "{previous}/%"')
    return {"inserted": len(new), "deleted": len(stale), "kept": len(rows) - len(new)}


def _all_keys(client: Any, collection: str) -> list[int]:
    iterator = client.query_iterator(collection, batch_size=5000, output_fields=["pk"])
    keys: list[int] = []
    while batch := iterator.next():
        keys += [int(row["pk"]) for row in batch]
    iterator.close()
    return keys


def _write_meta(client: Any, meta: str, manifest: dict[str, Any], index: Any, stats: SparseBM25) -> None:
    """Everything but the manifest under a new generation, then the manifest that names it."""
    generation = f"g{time.time_ns()}"
    parts = {
        "documents": [m.to_dict() for m in index.documents.values()],
        "restorer": index.restorer.to_dict(),
        "bm25": stats.to_dict(),
        "files": index.manifest["corpus"]["files"],
    }
    chunks = {key: write_meta_value(client, meta, f"{generation}/{key}", value) for key, value in parts.items()}
    local = {k: v for k, v in index.manifest.items() if k not in ("corpus", "dense", "changes")}
    manifest = {**local, "format_version": FORMAT_VERSION, "milvus": {**manifest["milvus"], "generation": generation, "chunks": chunks}}
    if write_meta_value(client, meta, "manifest", manifest) != 1:
        raise ValueError("The Milvus manifest must fit in one row.")


def open_index(uri: str, *, name: str = DEFAULT_NAME, embedder: str | Embedder | None = None, token: str = "") -> Any:
    """A ``SearchIndex`` whose candidates come from the Milvus index ``name`` at ``uri``."""
    from ...search.facade import SearchIndex

    client = connect(uri, token=token)
    current = _current(client, name)
    if current is None:
        raise IndexNotFoundError(f"No index named '{name}' in Milvus at '{uri}'. Build it with 'rag index --milvus {uri}'.")
    meta, manifest = current
    _check(manifest, f"'{name}' at '{uri}'")
    built_with = manifest["embedder"]["name"]
    wanted = embedder if isinstance(embedder, str) or embedder is None else embedder.name
    if wanted is not None and wanted != built_with:
        raise EmbedderMismatchError(f"The Milvus index '{name}' was built with '{built_with}', not '{wanted}'. Search with '{built_with}'.")
    info = manifest["milvus"]
    part = {key: read_meta(client, meta, f"{info['generation']}/{key}", n) for key, n in info["chunks"].items()}
    collection = info["passages"]
    client.load_collection(collection)
    rows: list[dict[str, Any]] = []
    iterator = client.query_iterator(collection, batch_size=2000, output_fields=["pk", "doc_id", "ordinal", "row"])
    while batch := with_retry(iterator.next):
        rows += batch
    iterator.close()
    file_order = {file: i for i, file in enumerate(part["files"])}
    rows.sort(key=lambda r: (file_order.get(r["doc_id"], len(file_order)), r["doc_id"], r["ordinal"]))
    passages = [Passage.from_dict({**r["row"]["passage"], "passage_id": i}) for i, r in enumerate(rows)]
    if {p.doc_id for p in passages} - set(file_order):
        raise IndexDamagedError(f"The Milvus index '{name}' holds passages of unknown documents (an interrupted update?). Run 'rag index --milvus {uri}' again.")
    full_manifest = {**manifest, "corpus": {"files": part["files"], "passages": len(passages)}}
    backend = MilvusBackend(client, collection, SparseBM25.from_dict(part["bm25"]), np.array([int(r["pk"]) for r in rows], dtype=np.int64), uri)
    if passages:
        backend.warm(manifest["embedder"]["dim"])
    return SearchIndex(
        passages=passages,
        facts=[Facts.from_dict(r["row"]["facts"]) for r in rows],
        documents={d["doc_id"]: DocumentMeta.from_dict(d) for d in part["documents"]},
        lexical=None,
        dense=None,
        restorer=AccentRestorer.from_dict(part["restorer"]),
        manifest=full_manifest,
        embedder=embedder if embedder is not None and not isinstance(embedder, str) else None,
        backend=backend,
    )


@dataclass(frozen=True)
class MilvusTarget:
    """Where a deployment keeps its index in Milvus: what the CLI's ``--milvus`` and the app hold."""

    uri: str
    name: str = DEFAULT_NAME
    token: str = ""

    def publish(self, built: Any, *, rebuild: bool = False, progress: Progress | None = None) -> Any:
        """Sync a freshly built local index into Milvus and return the Milvus-backed index."""
        sync(built, self.uri, name=self.name, rebuild=rebuild, token=self.token, progress=progress)
        return self.open(embedder=built.embedder)

    def open(self, *, embedder: str | Embedder | None = None) -> Any:
        return open_index(self.uri, name=self.name, embedder=embedder, token=self.token)
