"""Real-browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium, installed by
.ci/run).

Every test here is marked ``slow`` and ``browser``; skip them locally with ``-m "not slow"``. They
need the ``live_server`` of pytest-django, so they run against the same database engine as the
suite.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("SOLIDATA_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.browser)


def _wait_for_request_threads(timeout: float = 10.0) -> None:
    """Join the live server's request threads (daemons it does not wait for when it stops)."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and "process_request_thread" in thread.name:
            thread.join(timeout)


@pytest.fixture(scope="session")
def browser(live_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """One Chromium per worker. It asks for ``live_server`` so that it closes, and the server's
    request threads finish, before the server stops: Chromium keeps its connections alive, and a
    request thread that ended after the server had stopped failed on the SQLite connection the
    server had shared with it (five warnings at the end of a CI run)."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run must install it")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
    _wait_for_request_threads()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    """A fresh phone-sized page (360x740), English unless the test switches.

    It asks for ``live_server`` so that it is closed before the test's database is flushed,
    whatever order a test names the two in."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
