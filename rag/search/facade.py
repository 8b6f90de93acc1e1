"""The facade: ``SearchIndex.build / load / save / search / search_batch``.

The CLI, the web app and other tools all go through this class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..dense.embedders import DEFAULT_EMBEDDER, Embedder, embed_queries, get_embedder
from ..dense.faiss_index import DenseIndex
from ..errors import QueryError
from ..lexical.index import LexicalIndex
from ..records import Citation, DocumentMeta, Facts, Hit, IndexStatus, Passage, Progress, Rejection
from ..store.folder import update_lock
from ..text.accents import AccentRestorer
from ..text.doc_numbers import doc_number_keys
from ..text.query import LexicalTerms, QueryAnalysis, analyse, lexical_terms
from .answers import DOCUMENT_KINDS, Answer, extract_answer, gives_document_answer
from .asks import Asks, question_asks
from .backend import Backend, Candidates, LocalBackend, QueryVector, embedded_once
from .building import IndexParts, build_parts, load_parts, save_parts
from .columns import FilterColumns
from .document_prior import DocumentPrior
from .duties import Duty, list_duties
from .fields import answers_as_field, asked_labels, passage_labels
from .filters import SearchFilter
from .intents import answers_basis, frames_document, intent_matches, question_intents
from .own_numbers import OwnNumbers, asked_article
from .ranking import diversify, rrf_fusion, weighted_fusion
from .relations import Mention, RelationGraph, Relations
from .settings import SearchSettings

MAX_OWN = 3  # documents named by number whose passages are fetched (a loose "KH 12" may name several)
OWN_CANDIDATES = 20  # passages fetched from each
OWN_BOOST = 0.1  # the named document ranks first, by this much over the best other passage


class SearchIndex:
    """Passages of a corpus with their lexical and dense indexes."""

    def __init__(
        self,
        *,
        passages: Sequence[Passage],
        facts: Sequence[Facts],
        documents: dict[str, DocumentMeta],
        lexical: LexicalIndex | None,
        dense: DenseIndex | None,
        restorer: AccentRestorer,
        manifest: dict,
        embedder: Embedder | None = None,
        settings: SearchSettings | None = None,
        backend: Backend | None = None,
        columns: FilterColumns | None = None,
    ) -> None:
        self.passages = passages
        self.facts = facts  # one per passage: bodies, deadlines, cited documents
        self.documents = documents
        self.lexical = lexical  # the local files; None when another backend holds the collection
        self.dense = dense
        if backend is None:
            if lexical is None or dense is None:
                raise ValueError("SearchIndex needs either lexical and dense indexes or a backend.")
            backend = LocalBackend(lexical, dense, self.allowed)
        self.backend: Backend = backend
        self.restorer = restorer
        self.manifest = manifest
        self._embedder = embedder
        self.settings = settings or SearchSettings()
        self._columns = columns  # what filters read; built on first use when not loaded
        self._doc_of = columns.doc_names() if columns is not None else [p.doc_id for p in passages]
        self._graph: RelationGraph | None = None  # built on first use
        self._compounds: list[str] | None = None  # each passage's compound words, kept by a build for the next one
        self.rejected: list[Rejection] = []  # corpus files left out of the index, and why
        self._embedded: np.ndarray | None = None  # which passages have vectors; None: all of them
        self._own_numbers: OwnNumbers | None = None
        self._document_prior: DocumentPrior | None = None
        self._field_labels: list[str] | None = None  # each passage's field label ("dia diem"), read on first use

    # --- building ------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        corpus_dir: str | Path,
        index_dir: str | Path | None = None,
        *,
        embedder: str | Embedder = DEFAULT_EMBEDDER,
        progress: Progress | None = None,
        compounds: bool = True,
        strict: bool = False,
        embed: str = "now",
    ) -> SearchIndex:
        """Read every file of ``corpus_dir``, index it, and save to ``index_dir`` when given.

        With ``embed="later"`` no passage is embedded: the index is saved as soon as the lexical
        side is ready, with the vectors it could reuse, and ``fill_vectors`` (``rag embed``)
        embeds the rest in resumable parts. Hybrid search then uses the vectors there are
        (``status()``); once filled, the index is the one ``embed="now"`` builds.

        A file that cannot be read is left out and listed in ``rejected`` with its reason (and in
        the index folder's ``rejected.json``); with ``strict`` its ``DocumentReadError`` is raised
        and nothing is written. Vectors of passages already embedded in an existing index at
        ``index_dir`` (same embedder, same text) are reused, so a rebuild after a small change is quick.
        """
        if embed not in ("now", "later"):
            raise ValueError(f"embed must be 'now' or 'later', not {embed!r}.")
        folder = None if index_dir is None else Path(index_dir)

        def build_and_save() -> SearchIndex:
            parts = build_parts(corpus_dir, folder, embedder, progress, compounds=compounds, strict=strict, later=embed == "later")
            index = cls._from_parts(parts)
            if folder is not None:
                index.save(folder)
            return index

        if folder is None:
            return build_and_save()
        with update_lock(folder):
            return build_and_save()

    @classmethod
    def _from_parts(cls, parts: IndexParts) -> SearchIndex:
        index = cls(
            passages=parts.passages,
            facts=parts.facts,
            documents=parts.documents,
            lexical=parts.lexical,
            dense=parts.dense,
            restorer=parts.restorer,
            manifest=parts.manifest,
            embedder=parts.embedder,
            columns=parts.columns,
        )
        index._compounds = parts.compounds
        index.rejected = parts.rejected
        index._embedded = parts.embedded
        return index

    # --- persistence ---------------------------------------------------------------------

    def save(self, index_dir: str | Path) -> None:
        """Write every file into a scratch folder, then swap it in: a crash leaves the old index."""
        parts = IndexParts(
            self.passages, self.facts, self.documents, self.lexical, self.dense, self.restorer, self.manifest,
            embedder=self._embedder, columns=self.columns, compounds=self._compounds, rejected=self.rejected, embedded=self._embedded,
        )  # fmt: skip
        save_parts(parts, Path(index_dir))

    @classmethod
    def load(
        cls,
        index_dir: str | Path,
        *,
        corpus_dir: str | Path | None = None,
        embedder: str | Embedder | None = None,
    ) -> SearchIndex:
        """Open a built index. With ``corpus_dir``, refuse an index older than the corpus."""
        return cls._from_parts(load_parts(Path(index_dir), corpus_dir=corpus_dir, embedder=embedder))

    def status(self) -> IndexStatus:
        """How many passages the dense side covers (all, unless the vectors are being filled in)."""
        total = len(self.passages)
        return IndexStatus(total, total if self._embedded is None else int(self._embedded.sum()))

    @property
    def compounds(self) -> list[str] | None:
        """pyvi compound words of each passage joined by spaces, kept by a build (None for a loaded index)."""
        return self._compounds

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.manifest["embedder"]["name"])
        return self._embedder

    # --- searching -----------------------------------------------------------------------

    def search(self, query: str, k: int = 10, *, mode: str = "hybrid", where: SearchFilter | None = None) -> list[Hit]:
        """The ``k`` best passages for ``query``.

        Args:
            query: a question or words, with or without diacritics.
            k: how many hits.
            mode: "hybrid" (default), "lexical" or "dense".
            where: only passages that satisfy this filter (document, issuer, type, year, body, deadline).
        """
        return self.search_batch([query], k=k, mode=mode, where=where)[0]

    def search_batch(
        self, queries: list[str], k: int = 10, *, mode: str = "hybrid", where: SearchFilter | None = None
    ) -> list[list[Hit]]:
        if mode not in ("hybrid", "lexical", "dense"):
            raise QueryError(f"Unknown search mode '{mode}'. Choose hybrid, lexical or dense.")
        if k < 1:
            raise QueryError("k must be at least 1.")
        self.settings.check()
        analyses = []
        for query in queries:
            if not query or not query.strip():
                raise QueryError("The query is empty. Type a question or a few words.")
            analyses.append(analyse(query, self.restorer))
        if mode != "lexical" and len(analyses) == 1:  # one question: embedded after its BM25 sums (see QueryVector)
            only = analyses[0]
            return [self._rank(only, lambda: embed_queries(self.embedder, [only.dense_text])[0], k, mode, where)]
        query_vectors = None
        if mode != "lexical":
            query_vectors = embed_queries(self.embedder, [a.dense_text for a in analyses])
        return [
            self._rank(analysis, None if query_vectors is None else query_vectors[i], k, mode, where)
            for i, analysis in enumerate(analyses)
        ]

    def answer(self, query: str, k: int = 5, *, where: SearchFilter | None = None) -> tuple[Answer | None, list[Hit]]:
        """Hits for ``query`` and its short answer, or None when no hit says exactly what was asked
        (see ``rag.search.answers``)."""
        hits = self.search(query, k=k, where=where)
        return self.short_answer(query, hits), hits

    def short_answer(self, query: str, hits: list[Hit]) -> Answer | None:
        """The short answer to ``query`` taken from ``hits`` (its search results), or None."""
        return extract_answer(query, hits)

    def similar(self, text: str, k: int = 5, *, exclude_doc: str | None = None, where: SearchFilter | None = None) -> list[Hit]:
        """Precedent wording: the passages closest to a drafted paragraph, best first.

        Args:
            text: a paragraph of a draft, or a hit's text.
            exclude_doc: leave out this document (the one the paragraph comes from).
        """
        return self.search(text, k=k, where=replace(where or SearchFilter(), exclude_doc=exclude_doc))

    def related(self, what: str) -> Relations:
        """What a document (file name, or number typed loosely: "KL 01") is based on, cites, and
        is implemented or cited by, with the chain of documents above it (see ``rag.search.relations``)."""
        if self._graph is None:
            self._graph = RelationGraph(self)
        return self._graph.relations(what)

    def draft_basis(self, documents: list[str], issuer: str) -> tuple[str, list[Mention]]:
        """An opening "Thực hiện …" paragraph built only from how the corpus cites ``documents``."""
        if self._graph is None:
            self._graph = RelationGraph(self)
        return self._graph.draft_basis(documents, issuer)

    def duties(self, where: SearchFilter | None = None) -> list[Duty]:
        """The duty table: every passage that assigns a task to a body (see ``rag.search.duties``)."""
        return list_duties(self, where)

    def lexical_terms(self, analysis: QueryAnalysis) -> list[LexicalTerms]:
        """BM25 on the accented field (restored query) plus the folded field and the expansions."""
        s = self.settings
        return lexical_terms(analysis, self.restorer, folded_weight=s.folded_weight, expansion_weight=s.expansion_weight, paraphrase_weight=s.paraphrase_weight)

    def allowed(self, where: SearchFilter) -> np.ndarray:
        """Ids of the passages that satisfy ``where``, ascending (see ``rag.search.columns``)."""
        return self.columns.allowed(where, self.documents)

    @property
    def own_numbers(self) -> OwnNumbers:
        """Which document has which own number (built on first use)."""
        if self._own_numbers is None:
            self._own_numbers = OwnNumbers(self.documents)
        return self._own_numbers

    @property
    def document_prior(self) -> DocumentPrior:
        """How much of a question names each document (built on first use)."""
        if self._document_prior is None:
            self._document_prior = DocumentPrior(self.documents)
        return self._document_prior

    @property
    def columns(self) -> FilterColumns:
        if self._columns is None:
            self._columns = FilterColumns.from_records(self.passages, self.facts)
        return self._columns

    def _matches(self, where: SearchFilter, i: int) -> bool:
        passage = self.passages[i]
        return where.matches(passage, self.documents.get(passage.doc_id) or DocumentMeta(passage.doc_id), self.facts[i])

    def _rank(self, analysis: QueryAnalysis, vector: QueryVector, k: int, mode: str, where: SearchFilter | None) -> list[Hit]:
        s = self.settings
        terms, vector = self.lexical_terms(analysis), embedded_once(vector)
        found = self.backend.candidates(terms, vector, mode, where, s.candidates)
        own = [] if where is not None and where.doc else self.own_numbers.named(analysis.original)[:MAX_OWN]
        for doc in own:  # a document named by its own number: its best passages compete too (rag.search.own_numbers)
            inside = replace(where or SearchFilter(), doc=doc)
            extra = self.backend.candidates(terms, vector, mode, inside, OWN_CANDIDATES)
            if len(extra.ids) == 0:  # no word of the question in it ("NĐ 302" alone): its opening passages
                first = self.allowed(inside)[:OWN_CANDIDATES].astype(np.int64)
                extra = Candidates(first, np.zeros(len(first), dtype=np.float32), np.zeros(len(first), dtype=np.float32))
            found = found.union(extra)
        if where is not None and where.active:  # whatever the backend, never return a passage that fails the filter
            keep = np.array([self._matches(where, int(i)) for i in found.ids], dtype=bool)
            found = Candidates(found.ids[keep], found.lexical[keep], found.dense[keep])
        if len(found.ids) == 0:
            return []
        ids, lex, dense = found.ids, found.lexical, found.dense
        if mode == "hybrid" and self._embedded is not None:
            dense = self._stand_in_scores(ids, dense)
        intents = question_intents(analysis.original)
        if mode == "lexical":
            fused = lex
        elif mode == "dense":
            fused = dense
        elif s.fusion == "rrf":
            fused = rrf_fusion(lex, dense)
        else:
            fused = weighted_fusion(lex, dense, s.dense_weight)
        if intents and s.intent_boost:
            fused = fused + s.intent_boost * np.array(
                [intent_matches(intents, self.passages[i].text, self.facts[i]) for i in ids], dtype=np.float32
            )
        asks = question_asks(analysis.original)
        if s.field_boost and (labels := asked_labels(asks, analysis.original)):  # "tổ chức ở đâu?": the event's "Địa điểm:" item
            self._field_labels = self._field_labels or passage_labels(self.passages)
            fused = fused + s.field_boost * np.array([answers_as_field(labels, self._field_labels[i]) for i in ids], dtype=np.float32)
        if s.intent_boost and DOCUMENT_KINDS & set(asks.kinds):  # "thực hiện theo KH nào?": passages that cite one
            fused = fused + s.intent_boost * np.array([self._gives_document_answer(asks, analysis.original, i) for i in ids], dtype=np.float32)
        if "basis" in intents:  # the plans that implement the document asked about: their basis first
            keys = set(doc_number_keys(analysis.original))
            fused = fused + 3 * s.intent_boost * np.array([answers_basis(keys, self.passages[i]) for i in ids], dtype=np.float32)
        if s.frame_penalty and not intents & {"cites", "basis"}:
            scale = float(fused.max() - fused.min()) if mode == "lexical" else 1.0
            fused = fused - s.frame_penalty * scale * np.array([frames_document(self.passages[i]) for i in ids], dtype=np.float32)
        doc_of = [self._doc_of[i] for i in ids]
        if s.document_weight and "across" not in intents:  # "… của Thị ủy": passages of the document the question names
            scale = float(fused.max() - fused.min()) if mode == "lexical" else 1.0
            named = self.document_prior.scores(" ".join((analysis.text, *analysis.expansions)))
            fused = fused + s.document_weight * scale * np.array([named.get(doc, 0.0) for doc in doc_of], dtype=np.float32)
        if own:  # the document asked for comes first; the question's other words order its passages
            lift = float(fused.max() - fused.min()) + OWN_BOOST  # above every other passage, whatever the scale (raw BM25 in lexical mode)
            fused = fused + lift * np.isin(np.array(doc_of, dtype=object), own).astype(np.float32)
            if article := asked_article(analysis.original):  # "… điều 2": that article of it first
                fused = fused + lift * np.array([self._in_article(i, article, own) for i in ids], dtype=np.float32)
        order = list(np.argsort(-fused, kind="stable"))
        # Only a question across plans wants one passage per plan first; elsewhere it would
        # push a document's second-best passage below other documents' weaker ones.
        ranked = diversify(order, fused, doc_of, s.diversity if "across" in intents else 0.0)[:k]
        return [
            Hit(rank, score, self.passages[ids[j]], self.citation(self.passages[ids[j]]), float(lex[j]), float(dense[j]), self.facts[ids[j]])
            for rank, (j, score) in enumerate(ranked, 1)
        ]

    def _gives_document_answer(self, asks: Asks, query: str, i: int) -> bool:
        passage = self.passages[i]
        return gives_document_answer(asks, query, Hit(0, 0.0, passage, self.citation(passage), facts=self.facts[i]))

    def _in_article(self, i: int, article: str, docs: list[str]) -> bool:
        passage = self.passages[i]
        return passage.doc_id in docs and any(heading.startswith(article) for heading in passage.section_path)

    def _stand_in_scores(self, ids: np.ndarray, dense: np.ndarray) -> np.ndarray:
        """While vectors are filled in, a candidate without one gets the median dense score of the
        candidates that have one: neither pushed down for lacking a vector nor lifted."""
        missing = ~self._embedded[ids]
        if not missing.any():
            return dense
        known = dense[~missing]
        dense = dense.copy()
        dense[missing] = np.median(known) if len(known) else 0.0
        return dense

    def facets(self) -> dict[str, Counter[str]]:
        """What the corpus holds (for filter choices): documents per issuer and per year, passages
        per responsible body and per deadline year and quarter — the counts the matching
        ``SearchFilter`` keeps (``FilterColumns.facets``)."""
        issuers: Counter[str] = Counter(meta.issuer for meta in self.documents.values() if meta.issuer)
        years: Counter[str] = Counter(str(meta.year) for meta in self.documents.values() if meta.year)
        bodies, periods = self.columns.facets()
        return {"issuers": issuers, "years": years, "bodies": bodies, "periods": periods}

    def citation(self, passage: Passage) -> Citation:
        meta = self.documents.get(passage.doc_id) or DocumentMeta(passage.doc_id)
        return Citation(
            file=passage.doc_id,
            doc_type=meta.doc_type,
            number=meta.number,
            title=meta.title,
            issuer=meta.issuer,
            date=meta.date,
            section=passage.section_label,
            line_start=passage.line_start,
            line_end=passage.line_end,
        )

