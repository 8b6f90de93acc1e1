"""The Milvus backend (Milvus Lite file or a server): a collection with the dense vector, BM25 as a
sparse vector and the filter fields, and the sync that publishes a local index to it.
"""
