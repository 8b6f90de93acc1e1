"""The index folder and the corpus as the index sees it: the manifest, JSON-lines files, atomic
swaps and the update lock; rows read on demand; which corpus files are parsed again and what a
rebuild reuses from the index it replaces. Imports the stages that parse and embed
(``rag.documents``, ``rag.structure``, ``rag.dense``), never ``rag.search``.
"""
