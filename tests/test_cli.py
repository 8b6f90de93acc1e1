import json

from click.testing import CliRunner

from rag.cli.group import main

from .conftest import CORPUS, DEV_QUERIES


def test_search_readable_and_json(corpus_index_dir):
    runner = CliRunner()
    args = ["search", "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?", "-k", "3", "--index", str(corpus_index_dir), "--corpus", str(CORPUS)]
    readable = runner.invoke(main, args)
    assert readable.exit_code == 0, readable.output
    assert readable.output.startswith("Trả lời: Tỉnh ủy  (theo kết quả #1)")
    assert "\n1. [" in readable.output and "[chủ trì: Tỉnh ủy]" in readable.output
    assert "000_c37cd78077fd11a0.txt" in readable.output and "mục II.1.1" in readable.output

    as_json = runner.invoke(main, [*args, "--json"])
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert len(rows) == 3 and rows[0]["rank"] == 1
    assert {"doc", "text", "score", "section", "lines", "citation"} <= set(rows[0])


def test_eval_writes_the_contract_format(tmp_path, corpus_index_dir):
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(main, ["eval", str(DEV_QUERIES), "--out", str(out), "--index", str(corpus_index_dir), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 25 and len(lines[0]["results"]) == 10
    assert {"doc", "text"} <= set(lines[0]["results"][0])
    assert "ALL" in result.output and "R@5" in result.output


def test_index_command_and_errors_without_traceback(tmp_path, tiny_corpus):
    runner = CliRunner()
    missing = runner.invoke(main, ["search", "x", "--index", str(tmp_path / "none"), "--corpus", str(tiny_corpus)])
    assert missing.exit_code == 1
    assert "Error: No index" in missing.output and "Traceback" not in missing.output

    built = runner.invoke(main, ["index", "--corpus", str(tiny_corpus), "--index", str(tmp_path / "idx")])
    assert built.exit_code == 0, built.output
    assert "Indexed 2 documents" in built.output

    (tiny_corpus / "b_chithi.md").write_text("**CHỈ THỊ**\n\nđã sửa\n", encoding="utf-8")
    stale = runner.invoke(main, ["search", "x", "--index", str(tmp_path / "idx"), "--corpus", str(tiny_corpus)])
    assert stale.exit_code == 1 and "older than the corpus" in stale.output

    no_corpus = runner.invoke(main, ["index", "--corpus", str(tmp_path / "nope"), "--index", str(tmp_path / "idx2")])
    assert no_corpus.exit_code == 1 and "does not exist" in no_corpus.output


def test_filters_and_duty_table(tmp_path, corpus_index_dir):
    runner = CliRunner()
    where = ["--index", str(corpus_index_dir), "--corpus", str(CORPUS)]
    filtered = runner.invoke(main, ["search", "kiểm tra, giám sát", "--json", "--body", "UBKT", *where])
    rows = [json.loads(line) for line in filtered.output.splitlines()]
    assert rows and all(any("Ủy ban Kiểm tra" in b for b in r["facts"]["lead"] + r["facts"]["coordinating"]) for r in rows)

    out = tmp_path / "q1.xlsx"
    table = runner.invoke(main, ["duties", "--due-from", "Q1 2022", "--due-to", "Q1 2022", "--xlsx", str(out), *where])
    assert table.exit_code == 0 and out.exists() and "duties to" in table.output

    bad = runner.invoke(main, ["duties", "--due-from", "31/3", *where])
    assert bad.exit_code == 1 and "not a date" in bad.output


def test_help_shows_examples():
    result = CliRunner().invoke(main, ["search", "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output and "--json" in result.output


def test_the_web_app_runs_as_a_module_of_the_package():
    """``rag serve`` starts ``python -m rag.ui.server``: the app runs from an installed package,
    not only from a clone with app.py beside it."""
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-m", "rag.ui.server", "--help"], capture_output=True, text=True, check=True).stdout
    assert "--index" in shown and "--share-network" in shown


def test_build_progress_is_a_bar_per_stage_with_count_rate_and_time_left():
    import io

    from rag.ui.progress import Bars

    out = io.StringIO()
    bars = Bars(stream=out)
    for done in range(0, 33, 16):
        bars("embed", min(done, 32), 32)
    bars("read", 5, 5)
    shown = out.getvalue()
    assert "Embedding passages" in shown and "32/32" in shown and "Reading documents" in shown and "5/5" in shown
    assert "/s" in shown  # the rate
    assert not bars._bars  # every finished stage closed its bar
