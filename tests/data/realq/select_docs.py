"""Deterministic choice of the 24 documents for the realq question set.

Shuffle the sorted list of tests/data/real/*.txt with random.Random(2026),
then walk the shuffled list and keep a file while its kind's quota is not full.
"""
import glob, os, random, re

QUOTA = {
    "hd": 1, "kl": 1, "qd_tw": 1, "tb_vptw": 1,      # Party documents
    "kh_ubnd": 4, "ct_ubnd": 1, "cd_ttg": 2, "tb_vpcp": 2,
    "nq_cp": 1, "nq_hdnd": 1, "qd_ttg": 2, "qd_ubnd": 2,
    "vpcp": 1, "bnv": 1, "sgddt": 1,   # Công văn
    "nd_cp": 1, "tt_btp": 1,
}

def kind(name):
    n = name[:-4]
    if re.search(r"_hd_", n) or n.endswith("_huongdan"):
        return "hd"
    for k in ("kl_tw", "qd_tw", "tb_vptw", "kh_ubnd", "ct_ubnd", "cd_ttg", "tb_vpcp",
              "nq_cp", "nq_hdnd", "qd_ttg", "nd_cp", "tt_btp"):
        if n.endswith(k):
            return "kl" if k == "kl_tw" else k
    if n.endswith("qd_ubnd") or n.endswith("qd_ctubnd"):
        return "qd_ubnd"
    m = re.search(r"_(vpcp|bnv|sgddt)_", n)
    if m:
        return m.group(1)
    return "other"

def main(root):
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(root, "*.txt")))
    order = files[:]
    random.Random(2026).shuffle(order)
    left = dict(QUOTA)
    chosen = []
    for f in order:
        k = kind(f)
        if left.get(k, 0) > 0:
            left[k] -= 1
            chosen.append((k, f))
    assert not any(left.values()), left
    return sorted(chosen, key=lambda x: x[1])

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for k, f in main(os.path.join(here, "..", "real")):
        print(k, f)
