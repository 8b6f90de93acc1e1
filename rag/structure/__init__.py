"""From text to records: the header and signature blocks, the section tree, one passage per leaf
item with its heading path, and the facts of each passage (lead and coordinating bodies,
deadlines, cited documents). Imports ``rag.documents``, ``rag.text`` and the records.
"""
