"""Engines beside the local files that serve the same ``Backend`` contract when a corpus outgrows one
machine. Each may import ``rag.search`` and everything below it.
"""
