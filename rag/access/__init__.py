"""Who may use a shared app: accounts and tokens (``users.json``), roles and what each may do,
sign-in sessions and the throttle on failed sign-ins, and the audit log (``audit.jsonl``) of who
changed the corpus. Used by ``rag.ui`` (the server checks every request) and ``rag.cli``
(``rag user``, ``rag token``, ``rag audit``); it may import ``rag.ingest`` and what lies below.
"""
