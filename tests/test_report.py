"""The meeting pack: open every file the code makes and look inside."""

import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from dashboard import report
from dashboard.periods import must_parse
from dashboard.store import open_store


@pytest.fixture(scope="module")
def pack(demo_file, tmp_path_factory):
    import shutil

    db = str(tmp_path_factory.mktemp("pack") / "demo.duckdb")
    shutil.copy(demo_file, db)
    from dashboard.store import close_store

    built = report.build(open_store(db).cursor(), must_parse("2022-H1"), "DONGBANG")
    close_store(db)
    return built


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("2022-H1", "Sơ kết 6 tháng đầu năm 2022"),
        ("2022-Q2", "Tiến độ quý II/2022"),
        ("2022-06", "Tiến độ tháng 6/2022"),
        ("2022", "Tổng kết năm 2022"),
        ("2022-H2", "Tiến độ 6 tháng cuối năm 2022"),
    ],
)
def test_period_words(period, words):
    assert report.heading(must_parse(period)) == words


def test_content(pack):
    assert pack.title == "Sơ kết 6 tháng đầu năm 2022 — Cụm thi đua đồng bằng"
    assert pack.subtitle.startswith("Ngày ") and "Dữ liệu mẫu" in pack.subtitle
    assert pack.footer == ("Số liệu cập nhật đến 08/07/2022 11:18 · Nguồn: báo cáo của các đơn vị")
    titles = [s.title for s in pack.slides]
    assert (
        titles[0] == "Mức đạt kế hoạch theo đơn vị — Cụm thi đua đồng bằng — 6 tháng đầu năm 2022"
    )
    assert sum(t.startswith("Nhóm ") for t in titles) == 7  # one per indicator group
    assert any(t.startswith("Xếp hạng thi đua") for t in titles)
    behind = [s for s in pack.slides if s.title.startswith("Đơn vị chậm tiến độ")]
    assert behind and set(behind[0].table["Đánh giá"]) <= {
        "Nguy cơ không đạt",
        "Chậm tiến độ",
        "Chưa báo cáo",
    }
    assert "Núi Thành" in set(behind[0].table["Đơn vị"])


def test_pptx(pack):
    deck = Presentation(io.BytesIO(report.to_pptx(pack)))
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    assert len(deck.slides) == len(pack.slides) + 1
    texts = [
        [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        for slide in deck.slides
    ]
    assert texts[0][0] == pack.title
    for slide_texts in texts:
        assert pack.footer in slide_texts  # every slide says its source and data-as-of
    pictures = sum(1 for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13)
    assert pictures == sum(1 for s in pack.slides if s.image is not None)
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    ranking = tables[0]
    assert ranking.cell(0, 1).text == "Hạng" and ranking.cell(1, 1).text == "1"
    assert len(tables) == sum(1 for s in pack.slides if s.table is not None and not s.table.empty)


def test_pdf(pack):
    pdf = PdfReader(io.BytesIO(report.to_pdf(pack)))
    assert len(pdf.pages) == len(pack.slides) + 1
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert width > height and abs(width - 841.9) < 1  # A4 landscape
    first = pdf.pages[0].extract_text()
    assert "Sơ kết 6 tháng đầu năm 2022" in first and "Cụm thi đua\nđồng bằng" in first
    for page in pdf.pages:
        assert "Nguồn: báo cáo của các đơn vị" in page.extract_text()
    assert "Xếp hạng thi đua" in " ".join(p.extract_text() for p in pdf.pages)


def test_png_is_wide_and_not_blank(pack):
    image = Image.open(io.BytesIO(report.to_png(pack))).convert("RGB")
    assert image.width >= 1600
    colours = image.resize((64, 64)).getcolors(64 * 64)
    assert len(colours) > 10  # status colours, text: not a blank canvas


def test_unknown_format(pack):
    with pytest.raises(ValueError, match=".pptx, .pdf hoặc .png"):
        report.render(pack, ".docx")
