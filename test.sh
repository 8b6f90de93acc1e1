#!/usr/bin/env bash
# Command 2: set up everything the tests need (Python packages, Debian's Chromium and the DejaVu
# fonts the PDF tests draw Vietnamese with) and run them.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then
  (apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) || {
    echo "Installing Debian's chromium and fonts-dejavu-core failed: the browser and PDF tests need them." >&2
    exit 1
  }
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
# constraints.txt pins torch to the CPU wheel; an unpinned torch would pull a multi-GB CUDA build.
.venv/bin/pip install --quiet -c constraints.txt -e ".[app,st,test,milvus]"
export HF_HUB_OFFLINE=1
.venv/bin/ruff check rag tests app.py bench
.venv/bin/python -m pytest -q "$@"
