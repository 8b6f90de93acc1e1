"""Throughput and time to first search at 1,000 and 10,000 real-looking documents.

    .venv/bin/python bench/bench_throughput.py                       # 1,000 and 10,000 documents
    .venv/bin/python bench/bench_throughput.py --docs 1000 --repeat 2

The documents are real ones recombined: each is a file of ``../shared/corpus-real`` or of the
seeds (``corpus/``), header and structure kept, with its provinces, document numbers, dates and
years changed, a few paragraphs spliced in from another document and a few set phrases swapped,
so that almost no two generated documents are the same (996 distinct files in 1,000). Passages with
no name, number or date in them repeat, though: 28% of the 72,939 passage texts at 1,000 documents
are distinct. Nothing in the build deduplicates texts, so that costs the same time; the vocabulary
is smaller than a real corpus's would be.

Each phase runs in its own process, so its peak memory is its own:

    build   ``SearchIndex.build(embed="later")``, its stages timed from the progress callback
            (read = read and parse, tokenise = pyvi and BM25 of both fields, the rest = vectors
            reused or zero, flat vector index, restorer, filter columns, saving)
    search  load the saved index, then a first lexical, filtered and hybrid search
    bm25s   plain bm25s (default tokeniser, ``BM25().index``) over the same passage texts
    embed   ``fill_vectors`` on that index, stopped after about 1,500 passages: the embedding rate

Embedding every passage would take hours here, so the time to full hybrid is EXTRAPOLATED from
the measured rate (plus the HNSW build measured at those sizes by ``bench_scale.py``). Rows are
merged into ``bench/results/throughput.json`` by document count (sizes not run are kept).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results" / "throughput.json"
DEFAULT_SOURCES = [ROOT.parent / "shared" / "corpus-real", ROOT / "corpus"]
EMBED_SAMPLE = 1500  # passages embedded for the rate; the fill stops at the first part boundary past it
HNSW_MS_PER_PASSAGE = 0.31  # bench_scale.py, 1M passages: 311 s (100k: 23 s); below 50k passages the index is flat
PROVINCES = (
    "Hà Nội|Lạng Sơn|Lâm Đồng|Cao Bằng|Hà Giang|Nghệ An|Quảng Ninh|Đắk Lắk|Bình Định|Thái Nguyên|Sơn La|Cà Mau|"
    "Long An|Thanh Hóa|Hải Phòng|Đà Nẵng|Cần Thơ|Huế|Gia Lai|Quảng Trị|Tây Ninh|Đồng Tháp|An Giang|Lào Cai|Tuyên Quang"
).split("|")
PHRASES = [("tăng cường", "đẩy mạnh"), ("triển khai", "tổ chức triển khai"), ("cơ quan, đơn vị", "cơ quan, đơn vị, địa phương"),
           ("kịp thời", "đúng thời hạn"), ("nghiêm túc", "nghiêm túc, hiệu quả"), ("chỉ đạo", "lãnh đạo, chỉ đạo")]  # fmt: skip
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
YEAR = re.compile(r"\bnăm ((?:19|20)\d\d)\b")
NUMBER = re.compile(r"(?<![\d/.])(\d{1,5})((?:-(?:KH|QĐ|HD|CT|KL|NQ|TB|BC|CV|ĐA)|/(?:QĐ|NQ|KH|CT|TB|BC|TTg|NĐ|TT))[-/\w]*)")
BODY_LINE = re.compile(r"^(?:- |\+ )?[A-ZĐa-zđÀ-ỹ]")


# --- the corpus ------------------------------------------------------------------------------


def read_sources(folders: list[Path]) -> list[tuple[str, str]]:
    found = [(p.stem, p.read_text(encoding="utf-8")) for folder in folders for p in sorted(folder.glob("*.txt"))]
    if not found:
        raise SystemExit(f"No .txt files in {', '.join(map(str, folders))}: pass --sources.")
    return found


def body_paragraphs(text: str) -> list[str]:
    """Long lines below the header: the paragraphs that can be spliced into another document."""
    lines = text.splitlines()
    return [line for line in lines[15:] if len(line) >= 120 and BODY_LINE.match(line)]


def vary(text: str, donor: str, rng: random.Random) -> str:
    """A new document from ``text``: other places, numbers and dates, a few paragraphs of ``donor``."""
    places = {p: rng.choice([q for q in PROVINCES if q != p]) for p in PROVINCES if p in text}
    if places:  # in one pass, so a name put in is not replaced again
        text = re.sub("|".join(map(re.escape, places)), lambda m: places[m.group()], text)
    shift = rng.randint(-8, 1)  # years move together, so a plan for 2022 stays after its 2021 basis
    text = DATE.sub(lambda m: f"{rng.randint(1, 28):02d}/{m.group(2)}/{int(m.group(3)) + shift}", text)
    text = YEAR.sub(lambda m: f"năm {int(m.group(1)) + shift}", text)
    numbers: dict[str, str] = {}  # the same document cited twice keeps one number; central (/TW) ones stay

    def renumber(m: re.Match) -> str:
        if m.group(2).endswith("/TW"):
            return m.group()
        return numbers.setdefault(m.group(), f"{rng.randint(1, 2999)}{m.group(2)}")

    text = NUMBER.sub(renumber, text)
    for old, new in PHRASES:
        if rng.random() < 0.5:
            text = text.replace(old, new)
    lines, spliced = text.splitlines(), body_paragraphs(donor)
    hosts = [i for i, line in enumerate(lines) if i >= 15 and len(line) >= 120 and BODY_LINE.match(line)]
    for at in sorted(rng.sample(hosts, min(len(hosts), rng.randint(1, 4))) if spliced else [], reverse=True):
        paragraph = rng.choice(spliced)
        lines.insert(at + 1, paragraph if paragraph.startswith(("- ", "+ ")) else f"- {paragraph}")
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, docs: int, sources: list[tuple[str, str]], seed: int = 11) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(docs):
        stem, text = sources[i % len(sources)]
        donor = sources[rng.randrange(len(sources))][1]
        (folder / f"{i:05d}_{stem}.txt").write_text(vary(text, donor, rng), encoding="utf-8")


# --- the phases, each in its own process -------------------------------------------------------


def peak_mb(self_only: bool = True) -> float:
    """Peak resident memory so far, in MB (of this process, or of its largest finished child)."""
    who = resource.RUSAGE_SELF if self_only else resource.RUSAGE_CHILDREN
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def cpu_s(self_only: bool = True) -> float:
    """CPU seconds used so far (user + system): on a shared machine, less noisy than the clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF if self_only else resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def phase_build(corpus: Path, index: Path) -> dict:
    from rag import SearchIndex, get_embedder

    stages: list[dict] = []  # stage name, end time, count, peak memory when it ended

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter() - started
        if not stages or stages[-1]["stage"] != stage:
            stages.append({"stage": stage})
        stages[-1].update(end_s=now, end_cpu=cpu_s(), done=done, total=total, peak_rss_mb=peak_mb())

    started = time.perf_counter()
    get_embedder()  # the build loads it (for its name and size) though it embeds nothing: timed apart
    embedder_s = time.perf_counter() - started
    started, cpu_start = time.perf_counter(), cpu_s()
    built = SearchIndex.build(corpus, index, embed="later", progress=progress)
    total = time.perf_counter() - started
    previous, previous_cpu = 0.0, cpu_start
    for row in stages:
        row["seconds"] = round(row["end_s"] - previous, 2)
        row["cpu_s"] = round(row["end_cpu"] - previous_cpu, 2)  # this process only (tokenising forks workers)
        row["per_s"] = round(row["done"] / row["seconds"], 1) if row["seconds"] else None
        previous, previous_cpu = row.pop("end_s"), row.pop("end_cpu")
    rest = {"seconds": round(total - previous, 2), "cpu_s": round(cpu_s() - previous_cpu, 2), "peak_rss_mb": peak_mb()}
    stages.append({"stage": "rest (restorer, columns, save)", **rest})
    return {
        "embedder_load_s": round(embedder_s, 2),
        "build_s": round(total, 2),
        "build_cpu_s": round(cpu_s() - cpu_start, 1),
        "tokenise_workers_cpu_s": round(cpu_s(self_only=False), 1),
        "documents": len(built.documents),
        "rejected": len(built.rejected),
        "passages": len(built.passages),
        "stages": stages,
        "build_peak_rss_mb": peak_mb(),
        "tokenise_worker_peak_rss_mb": peak_mb(self_only=False),
        "index_disk_mb": round(sum(f.stat().st_size for f in index.rglob("*") if f.is_file()) / 2**20, 1),
    }


def phase_search(index: Path) -> dict:
    from rag import SearchIndex
    from rag.search.filters import SearchFilter

    started = time.perf_counter()
    loaded = SearchIndex.load(index)
    load_s = time.perf_counter() - started
    query = "trách nhiệm tổ chức thực hiện và thời hạn báo cáo kết quả"
    started = time.perf_counter()
    hits = loaded.search(query, mode="lexical")
    first_s = time.perf_counter() - started
    top = loaded.documents[hits[0].doc_id]
    where = SearchFilter(doc_type=top.doc_type, year=top.year)
    started = time.perf_counter()
    filtered = loaded.search(query, mode="lexical", where=where)
    filtered_s = time.perf_counter() - started
    assert filtered and all(loaded.documents[h.doc_id].year == top.year for h in filtered), "the filter let other years through"
    started = time.perf_counter()
    hybrid = loaded.search(query)  # loads the embedder for the question; the dense side has no vectors yet
    hybrid_s = time.perf_counter() - started
    return {
        "load_s": round(load_s, 2),
        "first_lexical_s": round(first_s, 3),
        "filtered_lexical_s": round(filtered_s, 3),
        "filter": {"doc_type": top.doc_type, "year": top.year, "hits": len(filtered)},
        "first_hybrid_s": round(hybrid_s, 2),
        "hits": len(hits),
        "top_citation": f"{hits[0].citation.file} · {hits[0].citation.number} · {hits[0].citation.section} "
        f"(lines {hits[0].citation.line_start}–{hits[0].citation.line_end})",
        "hits_with_facts": sum(bool(h.facts.lead or h.facts.deadlines or h.facts.citations) for h in hits),
        "hybrid_hits": len(hybrid),
        "status": loaded.status().describe(),
        "search_peak_rss_mb": peak_mb(),
    }


def passage_texts(index: Path) -> list[str]:
    from rag.records import Passage
    from rag.store.folder import read_jsonl
    from rag.structure.passages import passage_index_text

    return [passage_index_text(Passage.from_dict(row)) for row in read_jsonl(index / "passages.jsonl")]


def phase_bm25s(index: Path) -> dict:
    import bm25s

    texts = passage_texts(index)
    before = peak_mb()
    started = time.perf_counter()
    tokens = bm25s.tokenize(texts, show_progress=False)
    tokenised = time.perf_counter() - started
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    total = time.perf_counter() - started
    return {
        "passages": len(texts),
        "tokenize_s": round(tokenised, 2),
        "index_s": round(total - tokenised, 2),
        "total_s": round(total, 2),
        "per_s": round(len(texts) / total, 1),
        "peak_rss_mb": peak_mb(),
        "peak_rss_before_mb": before,
    }


def phase_embed(index: Path, sample: int = EMBED_SAMPLE) -> dict:
    from rag.search.backfill import FillInterrupted, fill_vectors

    stop, marks = threading.Event(), []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "embed":
            marks.append((time.perf_counter(), done))
            if done >= sample:
                stop.set()

    started = time.perf_counter()
    try:
        fill_vectors(index, progress=progress, stop=stop)
    except FillInterrupted:
        pass
    (t_first, first), (t_last, last) = marks[0], marks[-1]
    return {
        "embedded": last,
        "setup_s": round(t_first - started, 2),  # model load, pending texts read, first batch
        "seconds": round(t_last - t_first, 2),
        "per_s": round((last - first) / (t_last - t_first), 2),
        "pending": json.loads((index / "manifest.json").read_text(encoding="utf-8"))["dense"]["filling"]["pending"],
        "peak_rss_mb": peak_mb(),
    }


def run_phase(name: str, *args: Path | int) -> dict:
    """One phase in a fresh process; its result (a JSON line) with the load average around it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    load_start, started = os.getloadavg(), time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--phase", name, *map(str, args)], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"phase {name} failed:\n{done.stderr[-3000:]}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    row["process_s"] = round(time.perf_counter() - started, 2)  # with the interpreter's start and imports
    row["load_avg"] = [round(x, 2) for x in load_start] + [round(x, 2) for x in os.getloadavg()]
    return row


# --- the run -------------------------------------------------------------------------------------


def measure(docs: int, sources: list[tuple[str, str]], repeat: int, work: Path, embed_sample: int, save: Callable[[dict], None]) -> dict:
    """One size's row; ``save`` is called with it after every phase, so a stopped run keeps what it measured."""
    corpus = work / f"corpus-{docs}"
    started = time.perf_counter()
    make_corpus(corpus, docs, sources)
    row: dict = {"documents": docs, "generate_s": round(time.perf_counter() - started, 1), "runs": []}
    row["corpus_mb"] = round(sum(f.stat().st_size for f in corpus.iterdir()) / 2**20, 1)
    for run in range(repeat):
        index = work / f"index-{docs}-{run}"
        build, search = run_phase("build", corpus, index), run_phase("search", index)
        first = build["embedder_load_s"] + build["build_s"] + search["load_s"] + search["first_lexical_s"]
        row["runs"].append({"build": build, "search": search, "time_to_first_search_s": round(first, 1)})
        print(f"  {docs} documents, run {run + 1}: first search after {first:.1f} s", flush=True)
        save(row)
        if run < repeat - 1:
            shutil.rmtree(index)
    row["bm25s"] = run_phase("bm25s", index)
    save(row)
    row["embed"] = run_phase("embed", index, embed_sample)
    last = row["runs"][-1]
    passages = last["build"]["passages"]
    hnsw_s = passages * HNSW_MS_PER_PASSAGE / 1000 if passages >= 50_000 else 0.0
    best_first = min(r["time_to_first_search_s"] for r in row["runs"])
    row["full_hybrid_extrapolated_s"] = round(best_first + row["embed"]["pending"] / row["embed"]["per_s"] + hnsw_s)
    row["full_hybrid_note"] = (
        "EXTRAPOLATED: time to first search + pending passages / measured embedding rate"
        + (f" + HNSW build estimated at {HNSW_MS_PER_PASSAGE} ms/passage (bench_scale.py)" if hnsw_s else "")
    )
    return row


def print_table(rows: list[dict]) -> None:
    print(f"\n{'documents':>9} {'passages':>9} {'read+parse':>14} {'tokenise':>16} {'first search':>13} "
          f"{'bm25s':>8} {'embed':>9} {'full hybrid (extrapolated)':>27}")  # fmt: skip
    for row in rows:
        for run in row["runs"]:
            stages = {s["stage"]: s for s in run["build"]["stages"]}
            read, tok = stages["read"], stages["tokenise"]
            print(
                f"{row['documents']:>9,} {run['build']['passages']:>9,} {read['per_s']:>8,.0f} doc/s {tok['per_s']:>10,.0f} p/s "
                f"{run['time_to_first_search_s']:>11.1f} s {row['bm25s']['total_s']:>6.1f} s {row['embed']['per_s']:>5.1f} p/s "
                f"{row['full_hybrid_extrapolated_s'] / 3600:>25.1f} h"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="build and search this many times per size")
    parser.add_argument("--sources", type=Path, nargs="+", default=DEFAULT_SOURCES, help="folders of real .txt documents")
    parser.add_argument("--embed-sample", type=int, default=EMBED_SAMPLE, help="passages embedded to measure the rate")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)  # internal: one phase in this process
    args = parser.parse_args()
    if args.phase:
        name, *paths = args.phase
        phases = {"build": phase_build, "search": phase_search, "bm25s": phase_bm25s, "embed": phase_embed}
        values = [int(p) if p.isdigit() else Path(p) for p in paths]
        print(json.dumps(phases[name](*values), ensure_ascii=False))
        return
    sources = read_sources(args.sources)
    old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"rows": []}
    rows = {row["documents"]: row for row in old["rows"]}
    work = Path(tempfile.mkdtemp(prefix="bench-throughput-"))
    try:
        def save(row: dict) -> None:
            rows[row["documents"]] = row
            result = {
                "machine": {"cpus": os.cpu_count(), "memory_mb": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20,
                            "note": "shared machine: every phase records the load average (1, 5, 15 min) at its start and end"},
                "sources": [str(s) for s in args.sources],
                "source_documents": len(sources),
                "rows": [rows[k] for k in sorted(rows)],
            }  # fmt: skip
            RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")

        for docs in args.docs:
            save(measure(docs, sources, args.repeat, work, args.embed_sample, save))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table([rows[k] for k in args.docs])


if __name__ == "__main__":
    main()
