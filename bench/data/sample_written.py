"""Draw the passages of tests/data/written/facts_written.jsonl: for each document written for the
blind facts test (tests/data/written/w*.txt, not real documents), four passages that hold an
assignment or time word and one that holds none, with random.Random(4004) over the files in name
order (fewer when a file has too few). Same word list as sample_facts3.py. Prints file, line span,
section path and text of each drawn passage for labelling (it never looks at the rules' facts).

    PYTHONPATH=. python bench/data/sample_written.py tests/data/written > /tmp/sample_written.txt
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.data.sample_facts3 import draw  # noqa: E402

SEED = 4004
WITH_WORD = 4
WITHOUT_WORD = 1


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "tests/data/written"
    rng = random.Random(SEED)
    for path in sorted(folder.glob("w*.txt")):
        draw(path.name, path.read_text(encoding="utf-8"), rng, WITH_WORD, WITHOUT_WORD)
    return 0


if __name__ == "__main__":
    sys.exit(main())
