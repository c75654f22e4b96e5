"""Headless Chromium for tests of the HTML pages (views, reports), offline and without downloads.

Use in a test module::

    from browser import browser, open_page, outside_requests  # noqa: F401  (browser is a fixture)

    def test_page(browser, tmp_path):
        page = tmp_path / "page.html"
        page.write_text(html, encoding="utf-8")
        open_page(browser, page)
        assert outside_requests(browser) == []

Selenium talks to Debian's ``/usr/bin/chromedriver`` through an explicit
``Service``, so selenium-manager never runs (it would download a driver).
The browser resolves no host name (``--host-resolver-rules``): a page that
tried to reach the network would fail rather than leave the machine, and
:func:`outside_requests` reports the attempt.

The tests skip with a reason when Chromium or chromedriver is missing,
unless ``COLLABNET_REQUIRE_BROWSER=1`` (CI), where they fail instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from collabnet.devtools.chromium import CHROMEDRIVER, CHROMIUM, open_page, start_chromium, wait_for

__all__ = ["CHROMEDRIVER", "CHROMIUM", "browser", "console_errors", "open_page", "outside_requests", "start_chromium", "wait_for"]

_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.is_file():
            return f"{path} not found (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by selenium, shared by the whole test session."""
    reason = _missing()
    if reason:
        if os.environ.get("COLLABNET_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required (COLLABNET_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    profile = tempfile.mkdtemp(prefix="collabnet-chromium-")
    driver = start_chromium(profile)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def outside_requests(driver) -> list[str]:
    """Every resource the page requested that is not local (file:, data:, blob:)."""
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    return [name for name in names if name and not name.startswith(_LOCAL_SCHEMES)]


def console_errors(driver) -> list[str]:
    """Console messages of level SEVERE since the last call (script errors, CSP violations)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
