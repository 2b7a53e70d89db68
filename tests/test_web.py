"""The web page in a real browser: Debian's Chromium, headless, driven by Playwright against the real service.

`make test` installs Chromium (and CJK fonts for readable screenshots). Screenshots go to
`build/screenshots/` (or SUANLI_SCREENSHOTS). No request may leave loopback: the page works offline.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from tests.conftest import start_service, stop

CHROMIUM = Path(os.environ.get("SUANLI_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(os.environ.get("SUANLI_SCREENSHOTS", Path(__file__).resolve().parents[1] / "build" / "screenshots"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(corpus_store):
    url, proc = start_service(corpus_store)
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site):
    """A fresh page that records any request leaving the service and any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.outside, page.errors = [], []
    host = urlparse(site).netloc

    def route(route):
        if urlparse(route.request.url).netloc == host or route.request.url.startswith("data:"):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.outside == [], "the page fetched from outside the service"
    assert page.errors == [], "the page raised script errors"
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert (SHOTS / f"{name}.png").stat().st_size > 10_000


def open_app(page, site: str, suffix: str = "") -> None:
    page.goto(site + "/" + suffix)
    page.wait_for_selector("body[data-ready=true]")


def test_ask_a_question_in_chinese_by_typing_it(page, site) -> None:
    open_app(page, site, "?lang=zh-Hans")
    page.fill("#question", "哪些枢纽可再生能源占比超过90%?")
    page.press("#question", "Enter")
    page.wait_for_selector("#answer ol.answers li")
    answers = page.inner_text("#answer ol.answers")
    assert "庆阳" in answers
    assert "ask=" in page.url  # the address is a permalink to this answer
    assert page.locator("#answer details pre").text_content().lstrip().startswith(("#", "PREFIX", "SELECT"))
    shot(page, "ask-zh")


def test_ask_in_english_from_an_example_and_open_its_sparql_in_the_editor(page, site) -> None:
    open_app(page, site, "?lang=en")
    page.click("#ask-examples button >> nth=0")
    page.wait_for_selector("#answer ol.answers li")
    assert "Qingyang" in page.inner_text("#answer ol.answers")
    page.click("#answer details summary")
    page.click("#open-in-editor")
    page.wait_for_selector("#results table tbody tr")
    assert "query=" in page.url


def test_run_an_example_query_and_download_its_results(page, site) -> None:
    open_app(page, site, "?lang=en#tab=query")
    page.select_option("#examples", "computing_power_by_entity")
    assert "computing_power" in page.input_value("#editor")
    page.click("#run")
    page.wait_for_selector("#results table tbody tr")
    assert page.locator("#results tbody tr").count() >= 5
    assert "rows" in page.inner_text("#status")
    for link, media in (("#download-csv", "text/csv"), ("#download-json", "application/sparql-results+json")):
        response = page.request.get(site + page.get_attribute(link, "href"))
        assert response.ok and response.headers["content-type"].startswith(media)
    with page.expect_download() as download:
        page.click("#download-csv")
    assert download.value.suggested_filename == "suanli-results.csv"
    shot(page, "query-en")


def test_a_permalink_reruns_its_query(page, site) -> None:
    query = "PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT ?hub WHERE { ?hub a sl:Hub }"
    open_app(page, site, "?lang=en#query=" + quote(query))
    page.wait_for_selector("#results table tbody tr")
    assert page.locator("#results tbody tr").count() == 8
    assert page.input_value("#editor") == query


def test_a_bad_query_shows_the_endpoint_reason(page, site) -> None:
    open_app(page, site, "?lang=en#tab=query")
    page.fill("#editor", "SELECT ?x WHERE { ?x ")
    page.click("#run")
    page.wait_for_selector("#results .error")
    assert "400" in page.inner_text("#results .error")


def test_open_an_entity_page_from_the_results_and_switch_its_language(page, site) -> None:
    open_app(page, site, "?lang=zh-Hans#example=computing_power_by_entity")
    page.wait_for_selector("#results table tbody tr")
    page.click("#results a[href*='/resource/qingyang-data-center-cluster']")
    page.wait_for_selector("h1#title")
    assert page.inner_text("h1#title") == "庆阳数据中心集群"
    assert page.locator("table.figures tr.figure").count() >= 2
    assert page.locator("ul.sources li").count() >= 1
    shot(page, "entity-zh-Hans")
    page.click(".langs a[data-lang=zh-Hant]")
    page.wait_for_selector("h1#title")
    assert page.inner_text("h1#title") == "慶陽數據中心集群"
    page.click(".langs a[data-lang=en]")
    assert page.inner_text("h1#title") == "Qingyang data center cluster"
    shot(page, "entity-en")
    turtle = page.request.get(page.url.split("?")[0] + "?format=ttl")
    assert turtle.ok and turtle.headers["content-type"].startswith("text/turtle")


def test_the_chart_shows_actual_against_planned_and_follows_the_language_switch(page, site) -> None:
    open_app(page, site, "?lang=en#tab=browse")
    page.wait_for_selector("#chart svg rect")
    assert page.locator("#chart rect[data-stage=actual]").count() >= 1
    assert page.locator("#chart rect[data-stage=planned]").count() >= 1
    assert "Qingyang data center cluster" in page.inner_text("#chart")
    assert page.locator("#list-Hub li").count() == 8
    shot(page, "chart-en")
    page.click(".langs button[data-lang=zh-Hant]")
    assert "慶陽數據中心集群" in page.inner_text("#chart")
    assert page.inner_text("#tab-ask") == "問答"
    assert "lang=zh-Hant" in page.url
    shot(page, "chart-zh-Hant")


def test_every_readme_question_renders_its_answer_in_the_page(page, site) -> None:
    import httpx

    from tests.conftest import readme_questions

    open_app(page, site, "?lang=en")
    for question in readme_questions():
        expected = httpx.get(site + "/ask", params={"q": question}, timeout=30).json()
        page.evaluate("document.getElementById('answer').innerHTML = ''")
        page.fill("#question", question)
        page.press("#question", "Enter")
        page.wait_for_selector("#answer .card")
        shown = page.inner_text("#answer")
        if expected["boolean"] is not None:
            assert page.locator("#answer .boolean").count() == 1
        for answer in expected["answers"]:
            assert answer["display"] in shown, question
    shot(page, "readme-questions-last")
