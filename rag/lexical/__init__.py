"""The BM25 side: the parallel build of the accented and folded fields (bm25s), the scoring loop
(numpy or numba), and BM25 as sparse vectors for engines that store them. Imports ``rag.text``
and the records; knows nothing of the dense side, the index folder or ranking.
"""
