"""Articles (Điều) of real decrees and regulations: each clause's index text carries its article's
number and title and its document's type and title, and hits group under their article.

The documents are copied in tests/data/real/: Nghị định 304/2025/NĐ-CP (articles in the body) and
Quyết định 143/2025/QĐ-UBND with the Quy chế it issues (the Quy chế's first articles written
"**Điều" with "1. Phạm vi điều chỉnh …**" on the next line).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from rag.search.articles import group_by_article
from rag.search.facade import SearchIndex
from rag.store.caches import previous_texts
from rag.structure.articles import article_of
from rag.structure.passages import parse_document, passage_index_text

REAL = Path(__file__).resolve().parent / "data" / "real"
DECREE = REAL / "ext_193_304_2025_nd_cp.txt"  # Nghị định 304/2025/NĐ-CP, eight articles
RULES = REAL / "ext_115_143_2025_qd_ubnd.txt"  # a decision of three articles, then its Quy chế of seventeen
PLAN = REAL / "ext_019_0130_kh_ubnd.txt"  # a plan: no articles


def parse(path: Path):
    return parse_document(path.name, path.read_text(encoding="utf-8"))


def clause(parsed, starts: str):
    return next(p for p in parsed.passages if p.text.startswith(starts))


def test_a_clause_index_text_carries_its_article_and_its_document():
    decree = parse(DECREE)
    passage = clause(decree, "1. Tài sản bảo đảm của khoản nợ xấu là chỗ ở duy nhất")
    text = passage_index_text(passage, decree.meta)
    assert "Điều 4. Điều kiện tài sản bảo đảm của khoản nợ xấu được thu giữ" in text
    assert text.startswith("NGHỊ ĐỊNH QUY ĐỊNH ĐIỀU KIỆN TÀI SẢN BẢO ĐẢM CỦA KHOẢN NỢ XẤU ĐƯỢC THU GIỮ. ")
    assert article_of(passage)[1] == "4"


def test_an_article_heading_wrapped_after_the_word_dieu_still_heads_its_clauses():
    rules = parse(RULES)
    passage = clause(rules, "3. Quy chế này không áp dụng đối với viên chức")
    assert passage.section_path[-2:] == ("Chương I QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng")
    assert "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng" in passage_index_text(passage, rules.meta)


def test_a_long_article_title_is_kept_whole_in_the_path():
    rules = parse(RULES)
    passage = clause(rules, "1. Việc cấp mới, thay đổi và thu hồi hộp thư điện tử")
    assert passage.section_path[-1] == "Điều 8. Thẩm quyền, quy trình cấp mới, thay đổi, cấp lại mật khẩu, thu hồi hộp thư điện tử công vụ"
    assert not any(p.text.startswith("**Điều 8.") for p in rules.passages)  # the title is in the path, not a passage alone


def test_passages_outside_articles_keep_their_index_text():
    plan = parse(PLAN)
    assert plan.passages and all(article_of(p) is None for p in plan.passages)
    assert [passage_index_text(p, plan.meta) for p in plan.passages] == [passage_index_text(p) for p in plan.passages]


def test_lexical_search_for_an_article_title_finds_a_clause_of_that_article_first(tmp_path, fake_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in (DECREE, RULES, PLAN):
        shutil.copy(path, corpus / path.name)
    index = SearchIndex.build(corpus, None, embedder=fake_embedder)
    for query, doc, number in (
        ("tạm khóa và khôi phục hộp thư điện tử công vụ", RULES.name, "9"),
        ("hiệu lực và trách nhiệm thi hành", DECREE.name, "7"),
        ("phạm vi điều chỉnh và đối tượng áp dụng của quy chế thư điện tử công vụ", RULES.name, "1"),
    ):
        hits = index.search(query, k=20, mode="lexical")
        assert hits[0].doc_id == doc and article_of(hits[0].passage)[1] == number, (query, hits[0].passage.section_path)
        groups = group_by_article(hits)
        assert groups[0].doc_id == doc and groups[0].number == number
        assert all(article_of(h.passage)[1] == number for h in groups[0].hits)
        assert len(groups) < len(hits)  # clauses of one article share one place


def test_a_decisions_article_and_its_regulations_article_of_one_number_stay_apart(tmp_path, fake_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(RULES, corpus / RULES.name)
    index = SearchIndex.build(corpus, None, embedder=fake_embedder)
    hits = index.search("Điều 1 ban hành kèm theo quy chế phạm vi điều chỉnh", k=60, mode="lexical")
    ones = [h for h in hits if (found := article_of(h.passage)) and found[1] == "1"]
    groups = {(g.article, len(g.hits)) for g in group_by_article(ones)}
    assert len(groups) == 2, groups  # "Điều 1" of the decision, "Điều 1. Phạm vi …" of the Quy chế


def test_an_index_built_by_other_index_text_rules_gives_no_cache(tmp_path, fake_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DECREE, corpus / DECREE.name)
    index_dir = tmp_path / "index"
    SearchIndex.build(corpus, index_dir, embedder=fake_embedder)
    assert previous_texts(index_dir)
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    del manifest["chunking"]["index_text"]  # built before the rules were numbered
    (index_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert previous_texts(index_dir) == []


def _rules_index(tmp_path, fake_embedder) -> tuple[Path, Path]:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for path in (RULES, PLAN):
        shutil.copy(path, corpus / path.name)
    SearchIndex.build(corpus, index_dir, embedder=fake_embedder)
    return corpus, index_dir


ARTICLE_9 = "Điều 9. "
ASKED = "tạm khóa và khôi phục hộp thư điện tử công vụ"


def test_the_cli_shows_the_clauses_of_one_article_under_its_title(tmp_path, fake_embedder, monkeypatch):
    from click.testing import CliRunner

    from rag.cli.group import main

    corpus, index_dir = _rules_index(tmp_path, fake_embedder)
    monkeypatch.setattr("rag.cli.query.open_index", lambda *a, **kw: SearchIndex.load(index_dir, embedder=fake_embedder))
    args = ["search", ASKED, "--mode", "lexical", "-k", "8", "--corpus", str(corpus), "--index", str(index_dir)]
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith(ARTICLE_9))
    assert "đoạn" in lines[head] and lines[head + 1].startswith("   1. [")  # the best clause first, indented under it
    as_json = [json.loads(line) for line in CliRunner().invoke(main, [*args, "--json"]).output.splitlines()]
    assert as_json[0]["article"].startswith(ARTICLE_9)
    assert sum(row["article"] == as_json[0]["article"] for row in as_json) >= 2


def test_the_app_wraps_the_clauses_of_one_article_in_one_group(tmp_path, fake_embedder):
    from rag.ui.views import render_results

    _, index_dir = _rules_index(tmp_path, fake_embedder)
    hits = SearchIndex.load(index_dir, embedder=fake_embedder).search(ASKED, k=8, mode="lexical")
    page = render_results(hits, ASKED)
    first = page.index('<section class="article-group">')
    assert page.index(ARTICLE_9) > first and page.index('id="hit-1"') > first
    assert page.count('class="card"') == len(hits)  # grouping hides no hit
    groups = [g.to_dict() for g in group_by_article(hits) if g.article]
    assert groups[0]["ranks"][0] == 1 and len(groups[0]["ranks"]) >= 2
