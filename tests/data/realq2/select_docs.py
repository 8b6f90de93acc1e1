"""Deterministic choice of the 24 documents for the realq2 question set.

Drop the 24 files already used by realq (../realq/chosen.txt), sort the rest of
tests/data/real/*.txt, shuffle them with random.Random(2027), then walk the
shuffled list and keep a file while its kind's quota is not full.
"""
import glob, os, random, re

QUOTA = {
    # Party documents (every one left after realq: 2 hd, 1 qd of a Party board, the Điều lệ)
    "hd": 2, "qd_dang": 1, "dieu_le": 1,
    # State documents
    "kh_ubnd": 4, "qd_ubnd": 3, "ct_ubnd": 1, "cd_ttg": 2, "tb_vpcp": 1,
    "nq_cp": 1, "nq_hdnd": 1, "nq_ubtvqh15": 1, "qd_ttg": 1, "nd_cp": 1,
    "qd_bo": 1,                 # Quyết định of a ministry / KTNN (qd_btp, qd_bnv, qd_ktnn)
    "cv_vpcp": 1,               # Công văn of Văn phòng Chính phủ
    "cv_bo": 1,                 # Công văn of a ministry's department (tchq, chq, ct_cs)
    "cv_ubnd": 1,               # Công văn of a provincial People's Committee (ubnd_dt)
}

def kind(name):
    n = name[:-4]
    if re.search(r"_hd_", n) or n.endswith("_huongdan"):
        return "hd"
    if n.endswith("qd_btgdvtw"):
        return "qd_dang"
    if "dieu_le_dang" in n:
        return "dieu_le"
    for k in ("kh_ubnd", "ct_ubnd", "cd_ttg", "tb_vpcp", "nq_cp", "nq_hdnd",
              "nq_ubtvqh15", "qd_ttg", "nd_cp"):
        if n.endswith(k):
            return k
    if n.endswith("qd_ubnd") or n.endswith("qd_ctubnd"):
        return "qd_ubnd"
    if re.search(r"_qd_(btp|bnv|ktnn)$", n):
        return "qd_bo"
    if re.search(r"_vpcp_", n):
        return "cv_vpcp"
    if re.search(r"_(tchq|chq|ct)_(gsql|cs)$", n):
        return "cv_bo"
    if re.search(r"_ubnd_[a-z]+$", n):
        return "cv_ubnd"
    return "other"

def used_by_realq(here):
    path = os.path.join(here, "..", "realq", "chosen.txt")
    return {line.split()[1] for line in open(path, encoding="utf-8") if line.strip()}

def main(root, here):
    skip = used_by_realq(here)
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(root, "*.txt")))
    files = [f for f in files if f not in skip]
    order = files[:]
    random.Random(2027).shuffle(order)
    left = dict(QUOTA)
    chosen = []
    for f in order:
        k = kind(f)
        if left.get(k, 0) > 0:
            left[k] -= 1
            chosen.append((k, f))
    assert not any(left.values()), left
    assert len(chosen) == 24
    return sorted(chosen, key=lambda x: x[1])

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for k, f in main(os.path.join(here, "..", "real"), here):
        print(k, f)
