"""Printing: the South report of the bundled dataset on A4 in Chromium, and the workbooks through LibreOffice.

The report is printed with Chrome DevTools' ``Page.printToPDF`` (what "Print > Save as PDF" does) and the
PDF read back with pypdf: at most 6 pages, none nearly empty (each page's text reaches at least a quarter
of the page down). The workbooks are converted with ``soffice --headless --convert-to pdf`` where
LibreOffice is installed (the test says skipped elsewhere).
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from browser import browser, open_page  # noqa: F401  (browser is a fixture)
from click.testing import CliRunner

from collabnet.cli import cli

ROOT = Path(__file__).parents[1]
BRUSSELS = ROOT / "datasets" / "brussels"
AT = "2024-06-30"
A4_HEIGHT = 841.89  # points


def pdf_pages(data: bytes) -> list[tuple[int, float]]:
    """Per page: characters of text, and how far down the page the lowest text goes (0 top .. 1 bottom)."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        lows: list[float] = []

        def visit(text, cm, tm, font, size, lows=lows):
            if text.strip():
                lows.append(tm[5] * cm[3] + cm[5])

        chars = len(page.extract_text(visitor_text=visit).strip())
        depth = max((1 - y / height for y in lows if 0 <= y <= height), default=0.0)
        pages.append((chars, depth))
    return pages


@pytest.fixture(scope="module")
def south(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("print")
    for lang in ("nl", "fr"):
        result = CliRunner().invoke(cli, ["report", str(BRUSSELS), "--zone", "Zuid", "--lang", lang, "--at", AT,
                                          "--out", str(out), "-q"])
        assert result.exit_code == 0, result.output
    return {lang: out / f"report-south.{lang}.html" for lang in ("nl", "fr")}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_south_report_prints_on_at_most_six_full_a4_pages(browser, south, lang):
    pytest.importorskip("pypdf", reason="pypdf is a test dependency (pip install -e '.[test]')")
    open_page(browser, south[lang])
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                          "preferCSSPageSize": True, "printBackground": True})
    pages = pdf_pages(base64.b64decode(printed["data"]))
    assert 2 <= len(pages) <= 6
    for number, (chars, depth) in enumerate(pages, start=1):
        assert chars >= 300 and depth >= 0.25, f"page {number} of {len(pages)} is nearly empty: {chars} characters"


def test_the_first_page_is_the_zone_at_a_glance_with_its_picture(browser, south):
    open_page(browser, south["nl"])
    first = browser.execute_script("return document.querySelector('main > section').id")
    marked = browser.execute_script("return document.querySelectorAll('svg.network circle[stroke=\"#b2182b\"]').length")
    names = browser.execute_script("return Array.from(document.querySelectorAll('svg.network text')).map(t => t.textContent)")
    assert first == "glance" and marked == 1  # Zoom Seniors, the South zone's one isolated organisation
    assert "Zoom Seniors" in names
    assert browser.execute_script("return document.querySelectorAll('ol.first-actions li').length") == 3


# ----------------------------------------------------------------------------- workbooks through LibreOffice
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("books")
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--lang", "nl", "--at", AT, "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("name", ["actions.xlsx", "analysis.xlsx"])
def test_no_formula_cell_in_the_workbooks(workbooks, name):
    with zipfile.ZipFile(workbooks / name) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in book.read(n) or b"<f " in book.read(n) for n in sheets)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: workbooks not printed")
@pytest.mark.parametrize("name, most", [("actions.xlsx", 12), ("analysis.xlsx", 20)])
def test_workbooks_print_landscape_one_page_wide(workbooks, tmp_path, name, most):
    from pypdf import PdfReader

    profile = tmp_path / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(workbooks / name)], check=True, capture_output=True, timeout=180)
    reader = PdfReader(tmp_path / name.replace(".xlsx", ".pdf"))
    # one page wide: every sheet's columns on its pages (no page of left-over columns), landscape A4
    assert 1 <= len(reader.pages) <= most
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width > height and abs(height - 595.3) < 2
