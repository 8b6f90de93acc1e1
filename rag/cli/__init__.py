"""Command line: the ``rag`` group and its commands, thin shells over ``SearchIndex``.

``group`` holds the group (``rag = "rag.cli.group:main"``) and registers every command: building
the index (``build``), asking it (``query``), the web app (``serve``), and the accounts, tokens,
audit log and backups of ``rag.access.commands``. ``shared`` holds what several commands use: the
corpus and index options, the filter options, the progress bars and ``open_index``. The top stage:
it may import every other stage, and nothing imports it but ``rag.__main__``.
"""
