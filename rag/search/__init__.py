"""Answering questions: the ``SearchIndex`` facade, the backend interface and the local backend,
fusion and diversity, question intents, filters and their columns, short answers, the duty table
and the relations between documents. Imports every stage below it; nothing below imports it.
"""
