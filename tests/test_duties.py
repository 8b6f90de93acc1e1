import csv

from openpyxl import load_workbook

from rag import SearchFilter
from rag.search.duties import COLUMNS, write_csv, write_xlsx


def test_duty_table_lists_assigned_tasks(corpus_index):
    duties = corpus_index.duties()
    assert len(duties) > 40
    assert all(d.lead for d in duties)
    bdg = corpus_index.duties(SearchFilter(body="Ban Tuyên giáo Thị ủy"))
    assert bdg and all(any("Tuyên giáo Thị ủy" in b for b in d.lead + d.coordinating) for d in bdg)
    flagged = [d for d in corpus_index.duties() if d.deadline_flag]
    assert any("15/3/2021" in d.deadline for d in flagged)  # the typo in seed 003, shown as written


def test_exports_keep_vietnamese(tmp_path, corpus_index):
    duties = corpus_index.duties(SearchFilter(doc="000_c37cd78077fd11a0.txt"))
    write_csv(duties, tmp_path / "duties.csv")
    with (tmp_path / "duties.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS and len(rows) == len(duties) + 1
    assert any("Ban Tuyên giáo Tỉnh ủy" in row[1] for row in rows[1:])

    write_xlsx(duties, tmp_path / "duties.xlsx")
    sheet = load_workbook(tmp_path / "duties.xlsx").active
    assert sheet["A1"].value == "Nhiệm vụ" and sheet.max_row == len(duties) + 1
    assert any("Tuyên giáo" in (cell.value or "") for cell in sheet["B"])


def test_extractive_answers_point_at_their_passages(corpus_index):
    answer, hits = corpus_index.answer("Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?")
    assert answer is not None and answer.text == "Tỉnh ủy"
    part = answer.parts[0]
    cited = hits[part.rank - 1]
    assert part.text in cited.text and part.doc == cited.doc_id

    when, hits = corpus_index.answer("Khi nào phải hoàn thành đăng ký nội dung đột phá, mô hình mới ở Đảng ủy Khối?")
    assert when is not None and "31/3/2022" in when.text
    assert when.parts and all(p.text in hits[p.rank - 1].facts.deadlines[0].text or p.text in hits[p.rank - 1].text for p in when.parts)
    assert corpus_index.answer("mẫu câu về nêu gương")[0] is None  # not a who/when question
