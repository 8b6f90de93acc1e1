"""Draw the passages of facts_report3.jsonl (round 4): per file two passages that hold an
assignment or time word and one that holds none, with random.Random(3003) over the files in
name order. Prints file, line span, section path and text of each drawn passage for labelling
(it never looks at the rules' facts).

    PYTHONPATH=. python bench/data/sample_facts3.py /work/shared/corpus-real > /tmp/sample3.txt
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rag.structure.passages import parse_document  # noqa: E402

FILES = """ext_001_hd_btctu_hn_huongdan ext_011_383_qd_tw ext_015_dieu_le_dang_2011 ext_075_141_nq_cp
ext_077_1661_nq_ubtvqh15 ext_079_20_2025_nq_hdnd ext_083_377_nq_cp ext_087_389_nq_cp ext_089_51_2025_nq_hdnd
ext_091_63_2025_nq_hdnd ext_097_81_2025_nq_hdnd ext_107_032_2025_qd_ubnd ext_109_103_2025_qd_ubnd
ext_111_123_2025_qd_ctubnd ext_113_1383_qd_bnv ext_115_143_2025_qd_ubnd ext_119_1760_qd_ktnn ext_127_2536_qd_ttg
ext_129_2579_qd_ubnd ext_143_38_2025_qd_ubnd ext_147_44_2025_qd_ctubnd ext_149_44_2025_qd_ubnd
ext_153_56_2025_qd_ubnd ext_157_82_2025_qd_ubnd ext_169_11208_bnv_khtc ext_185_5347_ct_cs
ext_195_24_2025_tt_btp""".split()

WORDS = ["chủ trì", "phối hợp", "giao", "trách nhiệm", "thực hiện", "triển khai", "hoàn thành", "trước ngày",
         "thời gian", "thời hạn", "tháng", "quý", "hằng năm", "định kỳ", "thường xuyên", "báo cáo"]
WORD_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in WORDS) + r")(?!\w)")


def has_word(text: str) -> bool:
    return WORD_RE.search(unicodedata.normalize("NFC", text).lower()) is not None


def draw(file: str, text: str, rng: random.Random, with_word: int = 2, without_word: int = 1) -> None:
    """Print ``with_word`` passages of one file that hold an assignment or time word and
    ``without_word`` that hold none, drawn with ``rng`` (the same calls, in the same order, for each file)."""
    passages = list(parse_document(file, text).passages)
    worded = [p for p in passages if has_word(p.text)]
    plain = [p for p in passages if not has_word(p.text)]
    picked = rng.sample(worded, min(with_word, len(worded))) + rng.sample(plain, min(without_word, len(plain)))
    print(f"##### {file}: {len(passages)} passages, {len(worded)} with a word, {len(plain)} without")
    for p in sorted(picked, key=lambda p: (p.line_start, p.line_end)):
        print(json.dumps({"file": file, "line_start": p.line_start, "line_end": p.line_end,
                          "text_head": p.text[:80], "word": has_word(p.text)}, ensure_ascii=False))
        print("PATH:", " › ".join(p.section_path))
        print("TEXT:", p.text)
        print()


def main() -> int:
    corpus = Path(sys.argv[1])
    rng = random.Random(3003)
    for name in sorted(FILES):
        file = name + ".txt"
        draw(file, (corpus / file).read_text(encoding="utf-8"), rng)
    return 0


if __name__ == "__main__":
    sys.exit(main())
