"""Text primitives every later stage shares: Unicode and tone-mark normalisation, diacritics
folding, syllables and pyvi compound words, document-number keys (``#kl1``), the accent restorer and
the analysis of a question into its lexical and dense parts. The lowest stage: it imports only
``rag.errors`` and ``rag.records``.
"""
