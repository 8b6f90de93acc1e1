"""Giao diện web tra cứu văn bản chỉ đạo — the web app's entry point; everything it runs is ``rag.ui``.

    python app.py [--index index] [--corpus corpus] [--host 127.0.0.1] [--port 7860] [--share-network]

Serves the page at ``/`` and a JSON endpoint at
``GET /api/search?q=…&k=…[&doc=…&issuer=…&year=…&body=…&due_from=…&due_to=…]``.
"""

from rag.ui.server import main

if __name__ == "__main__":
    main()
