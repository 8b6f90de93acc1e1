"""Draw the passages to label in tests/data/written4 (w33-w42).

Standalone: splits each file into blank-line-separated paragraphs with the rules below and
draws, with random.Random(8008) over the files in name order, four paragraphs that hold an
assignment or time word and two that hold none.  It does not import or run the parser.

Usage: python tests/data/written4/sample_written4.py tests/data/written4 [--list]
"""
import pathlib
import random
import re
import sys

TITLES = {"KẾ HOẠCH", "CHỈ THỊ", "QUYẾT ĐỊNH", "THÔNG BÁO", "NGHỊ QUYẾT", "HƯỚNG DẪN",
          "CÔNG ĐIỆN", "QUY CHẾ",
          # added for written3's kinds
          "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH", "BÁO CÁO", "QUY CHẾ PHỐI HỢP",
          # added for written4's kinds: an Đề án summary; a phụ lục after the signature
          "TÓM TẮT ĐỀ ÁN", "PHỤ LỤC"}
ASSIGN = re.compile(r"chủ trì|phối hợp|(?<!bàn )\bgiao\b(?! thông| dịch)|đề nghị|trách nhiệm|yêu cầu|"
                    r"tham mưu|chỉ đạo|đôn đốc|thực hiện|triển khai|báo cáo|hướng dẫn|kiểm tra",
                    re.IGNORECASE)
TIME = re.compile(r"\d{1,2}/\d{4}|\d{1,2}/\d{1,2}(/\d{4})?|\bquý\b|hằng (năm|tháng|quý|tuần)|"
                  r"thường xuyên|trước ngày|chậm nhất|kể từ|tháng \d|năm 20\d\d|định kỳ|ngày \d",
                  re.IGNORECASE)
NUM_HEAD = re.compile(r"^([IVX]+\.|\d+(\.\d+)*\.|[a-zđ]\)|Điều \d+\.|Chương [IVX]+)\s*")


def blocks(lines):
    """(first line index, last line index, lines) of each blank-line-separated block."""
    out, cur, start = [], [], None
    for i, ln in enumerate(lines + [""]):
        if ln.strip():
            if not cur:
                start = i
            cur.append(ln)
        elif cur:
            out.append((start, i - 1, cur))
            cur = []
    return out


def plain(text):
    return text.replace("*", "").strip()


def is_heading(blk):
    text = " ".join(blk)
    p = plain(text)
    if not any(c.islower() for c in p):                      # all capitals
        return True
    if text.startswith("**") and text.endswith("**") and "**" not in text[2:-2]:
        return True                                           # fully bold
    if len(blk) == 1 and NUM_HEAD.match(p) and not p.endswith((".", ";")):
        return True                                           # numbered heading, no sentence
    if len(blk) == 1 and p.endswith(":") and len(p) < 70:
        return True                                           # short lead-in heading
    if len(blk) == 1 and p.startswith("Phần thứ ") and len(p) < 30:
        return True                                           # "Phần thứ nhất" (added for written3)
    return False


def paragraphs(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    out, state = [], "header"          # header -> title -> body -> closing
    for s, e, blk in blocks(lines):
        text = " ".join(blk)
        p = plain(text)
        if p in TITLES:
            state = "title"
            continue
        if state == "title":           # the trích yếu under the title
            state = "body"
            continue
        if p.startswith("Kính gửi"):
            state = "body"
            continue
        if state == "header":
            continue
        if "Nơi nhận" in p:
            state = "closing"
            continue
        if state == "closing":
            continue
        if all(ln.startswith("|") for ln in blk):
            rows = [i for i, ln in zip(range(s, e + 1), blk) if not re.match(r"^\|\s*-", ln)]
            rows = rows[1:]            # first row is the column header
            if rows and blk[0].count("|") > 3:
                # written3: the word test reads all data rows (written2 read the first row only;
                # here a group row "| I | NHIỆM VỤ VỀ … | | | |" may come first)
                out.append((rows[0] + 1, rows[-1] + 1, " ".join(lines[i] for i in rows)))
            continue
        if re.fullmatch(r"\d+", p) or is_heading(blk):
            continue
        if sum(ln.startswith("- ") for ln in blk) > 1:
            continue                   # a list of addressees
        out.append((s + 1, e + 1, text))
    return out


def has_word(text):
    return bool(ASSIGN.search(text)) or bool(TIME.search(text))


def main():
    folder = pathlib.Path(sys.argv[1])
    rng = random.Random(8008)
    for path in sorted(folder.glob("w*.txt")):
        paras = paragraphs(path)
        if "--list" in sys.argv:
            for s, e, t in paras:
                print(path.name, s, e, "W" if has_word(t) else "-", t[:70])
            continue
        word = [x for x in paras if has_word(x[2])]
        other = [x for x in paras if not has_word(x[2])]
        picked = rng.sample(word, 4) + rng.sample(other, 2)
        for s, e, t in sorted(picked):
            print(f"{path.name}\t{s}\t{e}\t{t[:80]}")


if __name__ == "__main__":
    main()
