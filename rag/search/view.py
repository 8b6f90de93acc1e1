"""What the duty table and the relation graph read of an index, as a protocol.

``SearchIndex`` satisfies it; ``rag.search.duties`` and ``rag.search.relations`` depend on this
instead of the facade, so the facade can use them without an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from ..records import Citation, DocumentMeta, Facts, Passage
from .filters import SearchFilter


class IndexView(Protocol):
    passages: Sequence[Passage]
    facts: Sequence[Facts]  # one per passage
    documents: dict[str, DocumentMeta]  # by file name

    def citation(self, passage: Passage) -> Citation:
        """How staff cite the passage: document, number, issuer, section, lines."""
        ...

    def allowed(self, where: SearchFilter) -> np.ndarray:
        """Ids of the passages that satisfy ``where``, ascending."""
        ...
