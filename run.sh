#!/usr/bin/env bash
# Command 1: set up, build index/ from corpus/ (when missing or stale), start the web app.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -c constraints.txt -e ".[app]"
export HF_HUB_OFFLINE=1
exec .venv/bin/rag serve "$@"
