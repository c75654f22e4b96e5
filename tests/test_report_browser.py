"""Reports in headless Chromium: opened from disk, offline, nothing injected runs."""

from __future__ import annotations

import pytest
from browser import browser, console_errors, open_page, outside_requests  # noqa: F401  (browser is a fixture)
from test_report import AT, XSS, write_dataset

import collabnet
from collabnet.analyses import analyse
from collabnet.render.report import render_reports

# More payloads, each of which would set window.pwned if the page ran it.
PAYLOADS = ("<script>window.pwned=1</script>", "<img src=x onerror=window.pwned=2>",
            "<svg onload=window.pwned=3>", "</td></tr></table><b onmouseover=window.pwned=4>x</b>")
EXTRA = "".join(f"evil{i},{name},organisation,medical,1,south,,fr,,\n" for i, name in enumerate(PAYLOADS))
SECTIONS = ["glance", "matrix", "isolation", "isolated", "brokers", "gaps", "actions", "howto"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    ds = collabnet.load(write_dataset(folder / "tiny", EXTRA), at=AT)
    written = render_reports(analyse(ds), folder / "out", "fr")
    return {p.name: p for p in written if p.suffix == ".html"}


@pytest.mark.parametrize("name", ["report-south.fr.html", "report-region.fr.html"])
def test_report_renders_offline_and_runs_nothing(browser, pages, name):
    from selenium.common.exceptions import NoAlertPresentException

    console_errors(browser)  # forget messages of earlier pages
    open_page(browser, pages[name])
    assert browser.execute_script("return Array.from(document.querySelectorAll('main > section')).map(s => s.id)") \
        == SECTIONS
    assert browser.title.startswith("Rapport de collaboration")
    text = browser.execute_script("return document.body.innerText")
    assert XSS in text and "Chiffres clés" in text and "Comment lire ce rapport ?" in text
    for payload in PAYLOADS[:3]:
        assert payload in text
    # the heatmap and both charts are drawn, numbers visible
    assert browser.execute_script("return document.querySelectorAll('table.matrix td').length") > 0
    assert browser.execute_script("return document.querySelectorAll('svg.bars rect').length") > 0
    # nothing injected became an element, nothing ran, nothing left the machine
    assert browser.execute_script("return document.querySelectorAll('script, img, b').length") == 0
    assert browser.execute_script("return document.querySelectorAll('svg').length") == browser.execute_script(
        "return document.querySelectorAll('svg.bars, svg.network, ul.legend svg').length")
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        _ = browser.switch_to.alert  # raises: no alert ever opened
    assert outside_requests(browser) == []
    assert console_errors(browser) == []


def test_report_fits_a4_when_printed(browser, pages):
    open_page(browser, pages["report-region.fr.html"])
    browser.set_window_size(794, 1123)  # A4 at 96 dpi
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert browser.execute_script("return getComputedStyle(document.querySelector('nav')).display") == "none"
        assert browser.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.set_window_size(1280, 900)
