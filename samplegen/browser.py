"""Debian's headless Chromium, driven through its chromedriver by Selenium: the browser
tests of report.html and the screenshots in docs/. Nothing is downloaded: both binaries
come from Debian's packages (`apt-get install chromium chromium-driver`), and the driver
is given by path, so Selenium never looks for one of its own."""
from __future__ import annotations

import base64
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

CHROMIUM = os.environ.get("ACTIONPLANS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ACTIONPLANS_CHROMEDRIVER", "/usr/bin/chromedriver")
# Flags that let Chromium run headless as root in a container, with no network of its own.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars")


def missing() -> str:
    """Why the browser cannot run here ("" where it can)."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return f"{path} is absent (apt-get install {package})"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return ""


@contextmanager
def chromium() -> Iterator[Any]:
    """A Selenium driver of a fresh headless Chromium, closed on leaving."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="actionplans-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def set_width(driver: Any, width: int, height: int = 900) -> None:
    """The page laid out at ``width`` CSS pixels, as a window that wide shows it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def screenshot(driver: Any, path: Path, width: int, max_height: int = 2000, top: str = "") -> None:
    """A PNG of ``max_height`` pixels of the page at ``width``, in 128 colours: from its
    top, or from the top of the element ``top`` (a CSS selector) names."""
    set_width(driver, width)
    y = float(driver.execute_script(
        "const el = arguments[0] && document.querySelector(arguments[0]);"
        "return el ? el.getBoundingClientRect().top + window.scrollY : 0;", top))
    height = min(int(driver.execute_script("return document.documentElement.scrollHeight")) - y, max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": y, "width": width, "height": height, "scale": 1}})
    image = Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")
    image.quantize(128, method=Image.Quantize.FASTOCTREE).save(path, "PNG", optimize=True)  # small, for the repository


# Every element that runs past the page's edges, or whose content runs out of it (a table
# cell, a card, a section), and every chart label cut by its chart: "tag.class text".
OVERFLOWS = """
const width = document.documentElement.clientWidth, bad = [];
const name = el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
  ? '.' + String(el.className).split(' ')[0] : '') + ' ' + (el.textContent || '').trim().slice(0, 40);
if (document.documentElement.scrollWidth > width + 1) bad.push('page ' + document.documentElement.scrollWidth);
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('[hidden]') || ['SCRIPT', 'STYLE', 'OPTION'].includes(el.tagName)) continue;
  const r = el.getBoundingClientRect();
  if (!r.width && !r.height) continue;
  if (r.right > width + 1 || r.left < -1) bad.push('edge ' + name(el));
  if (['TD', 'TH', 'SECTION', 'NAV'].includes(el.tagName) || el.classList.contains('card')) {
    if (el.scrollWidth > el.clientWidth + 1) bad.push('content ' + name(el));
  }
  const svg = el.ownerSVGElement;
  if (svg && el.tagName.toLowerCase() === 'text') {
    const s = svg.getBoundingClientRect();
    if (r.right > s.right + 1 || r.left < s.left - 1 || r.top < s.top - 1) bad.push('label ' + name(el));
  }
}
return bad;
"""
