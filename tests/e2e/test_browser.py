"""The rendered HTML in a real browser (Debian's chromium): no console errors, no network,
and every chart drawn."""

import shutil

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (make test installs it with apt-get where it can)",
)
def test_report_loads_offline_and_draws_every_chart(built_project):
    from playwright.sync_api import sync_playwright

    page_url = (built_project.report_output_dir / "report.html").as_uri()
    errors, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_url)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.vega-chart')].every(e => e.dataset.rendered)",
            timeout=60_000,
        )
        states = page.eval_on_selector_all(
            ".vega-chart",
            "els => els.map(e => [e.id, e.dataset.rendered, "
            "e.querySelectorAll('svg path, svg rect, svg line').length])",
        )
        browser.close()
    assert len(states) >= 6
    for chart_id, rendered, marks in states:
        assert rendered == "true", chart_id
        assert marks > 0, chart_id
    assert errors == []
    assert [u for u in requests if not u.startswith(("file://", "data:", "about:"))] == []
