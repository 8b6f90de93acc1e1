"""The web app: a thin Gradio and FastAPI shell over ``rag.SearchIndex`` (views, filters, the
relations panel, styles and the live index swapped in after an upload). The top stage: it imports
anything in ``rag``, and nothing in ``rag`` imports it but ``rag.cli serve``.
"""
