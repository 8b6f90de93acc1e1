"""From text to records: the header (``header.py``, read from its words in any layout), the
closing and what is attached after it (``closing.py``), the section tree, one passage per leaf
item with its heading path, and the facts of each passage (lead and coordinating bodies,
deadlines, cited documents). Imports ``rag.documents``, ``rag.text`` and the records.
"""
