"""Headless Chromium through selenium, for the browser tests and the view benchmark (developers only).

Selenium talks to Debian's ``/usr/bin/chromedriver`` through an explicit
``Service``, so selenium-manager never runs (it would download a driver).
The browser resolves no host name (``--host-resolver-rules``): a page that
tried to reach the network would fail rather than leave the machine.
Selenium is a test dependency (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["CHROMEDRIVER", "CHROMIUM", "open_page", "start_chromium", "wait_for"]

CHROMIUM = Path(os.environ.get("COLLABNET_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("COLLABNET_CHROMEDRIVER", "/usr/bin/chromedriver"))


def start_chromium(profile: str | os.PathLike):
    """Start headless Chromium with the profile folder ``profile``; the caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-default-apps", "--disable-extensions", "--no-first-run",
                     "--no-default-browser-check", "--metrics-recording-only", "--window-size=1280,900",
                     "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                     f"--user-data-dir={profile}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    return driver


def open_page(driver, path: str | os.PathLike) -> None:
    """Load a local file and wait until its document has finished loading."""
    driver.get(Path(path).resolve().as_uri())
    wait_for(driver, "return document.readyState === 'complete'")


def wait_for(driver, script: str, timeout: float = 30.0) -> object:
    """Run ``script`` until it returns a truthy value; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {script}")
        time.sleep(0.05)
