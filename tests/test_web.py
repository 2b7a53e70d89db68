"""The web page in a real browser: Debian's Chromium, headless, driven by Playwright against the real service.

`make test` installs Chromium (and CJK fonts for readable screenshots). Screenshots go to
`build/screenshots/` (or SUANLI_SCREENSHOTS). No request may leave loopback: the page works offline.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from tests.conftest import start_service, stop, suanli

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
    yield from _page(browser, site)


def _page(browser, site: str):
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


EDITOR = "#panel-query .cm-content"  # the SPARQL editor (CodeMirror); the textarea #editor stays hidden and in step


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
    page.fill(EDITOR, "SELECT ?x WHERE { ?x ")
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
    page.wait_for_selector("#chart svg rect[data-stage]")
    assert page.locator("#chart rect[data-stage=actual]").count() >= 1
    assert page.locator("#chart rect[data-stage=planned]").count() >= 1
    assert "Qingyang data center cluster" in page.inner_text("#chart")
    assert page.locator("#list-Hub li").count() == 8
    shot(page, "chart-en")
    page.click(".langs button[data-lang=zh-Hant]")
    page.wait_for_selector("#chart svg[data-lang=zh-Hant]")
    assert "慶陽數據中心集群" in page.inner_text("#chart")
    assert page.inner_text("#tab-ask") == "問答"
    assert "lang=zh-Hant" in page.url
    shot(page, "chart-zh-Hant")


def test_every_readme_question_renders_its_answer_in_the_page(page, site) -> None:
    import httpx

    from tests.conftest import readme_questions

    questions = readme_questions()
    assert len(questions) >= 25  # the README's table of question types, every example of it
    open_app(page, site, "?lang=en")
    for number, question in enumerate(questions, 1):
        expected = httpx.get(site + "/ask", params={"q": question}, timeout=30).json()
        assert expected["answers"] or expected["boolean"] is not None, question  # the README promises an answer
        page.evaluate("document.getElementById('answer').innerHTML = ''")
        page.fill("#question", question)
        page.press("#question", "Enter")
        page.wait_for_selector("#answer .card")
        shown = page.inner_text("#answer")
        if expected["boolean"] is not None:
            assert page.locator("#answer .boolean").count() == 1
        for answer in expected["answers"]:
            assert answer["display"] in shown, question
        SHOTS.mkdir(parents=True, exist_ok=True)  # each question's answer as the page shows it
        page.locator("#answer").screenshot(path=str(SHOTS / f"readme-question-{number:02d}.png"))
    shot(page, "readme-questions-last")


# ---------------------------------------------------------------- the SPARQL editor


def test_the_editor_highlights_sparql_and_runs_on_ctrl_enter(page, site) -> None:
    open_app(page, site, "?lang=en#tab=query")
    page.select_option("#examples", "hubs_renewable")
    keywords = page.locator(f"{EDITOR} .tok-keyword")
    assert keywords.count() >= 3
    assert {"PREFIX", "SELECT", "WHERE"} <= {text.upper() for text in keywords.all_inner_texts()}
    assert page.locator(f"{EDITOR} .tok-variableName").count() >= 1
    assert "sl:" in " ".join(page.locator(f"{EDITOR} .tok-atom").all_inner_texts())
    page.click(EDITOR)
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#results table tbody tr")
    assert "query=" in page.url
    shot(page, "editor-highlight")


def test_the_editor_completes_a_class_and_declares_its_prefix(page, site) -> None:
    open_app(page, site, "?lang=en#tab=query")
    page.fill(EDITOR, "SELECT ?hub WHERE {\n  ?hub a ")
    page.keyboard.type("sl:Hu")
    page.wait_for_selector(".cm-tooltip-autocomplete li")
    options = page.locator(".cm-tooltip-autocomplete li").all_inner_texts()
    assert any(option.startswith("sl:Hub") for option in options), options
    shot(page, "editor-completion")
    page.wait_for_selector(".cm-tooltip-autocomplete li[aria-selected]")
    page.wait_for_timeout(300)  # CodeMirror takes no Enter for a moment after the list (re)opens (interactionDelay)
    page.keyboard.press("Enter")
    page.keyboard.type(" }")
    text = page.input_value("#editor")
    assert text.startswith("PREFIX sl: <https://w3id.org/suanli/ontology#>\n")
    assert "?hub a sl:Hub }" in text
    page.click("#run")
    page.wait_for_selector("#results table tbody tr")
    assert page.locator("#results tbody tr").count() == 8


def test_the_editor_completes_an_entity_by_its_label_once_typing_pauses(page, site) -> None:
    asked = []
    page.on("request", lambda request: asked.append(request.post_data or "") if request.url.endswith("/sparql") else None)
    open_app(page, site, "?lang=zh-Hans#tab=query")
    page.fill(EDITOR, "SELECT ?p ?o WHERE {\n  ")
    page.keyboard.type("res:庆阳数据", delay=40)
    page.wait_for_selector(".cm-tooltip-autocomplete li >> text=res:qingyang-data-center-cluster")
    assert "庆阳数据中心集群" in page.inner_text(".cm-tooltip-autocomplete")
    assert sum("LIMIT+15" in body for body in asked) <= 2  # one query once typing paused, not one a key
    shot(page, "editor-entity")
    page.keyboard.press("Enter")
    page.keyboard.type(" ?p ?o }")
    text = page.input_value("#editor")
    assert text.startswith("PREFIX res: <https://w3id.org/suanli/resource/>\n")
    assert "res:qingyang-data-center-cluster ?p ?o }" in text


def test_a_run_shows_the_query_time(page, site) -> None:
    open_app(page, site, "?lang=en#example=computing_power_by_entity")
    page.wait_for_selector("#results table tbody tr")
    assert re.search(r"\d+ rows · query time \d+ ms", page.inner_text("#status"))
    page.click(".langs button[data-lang=zh-Hans]")
    assert re.search(r"查询用时 \d+ 毫秒", page.inner_text("#status"))


def test_a_bad_query_shows_its_line_and_column_and_marks_the_line(page, site) -> None:
    open_app(page, site, "?lang=en#tab=query")
    page.fill(EDITOR, "PREFIX sl: <https://w3id.org/suanli/ontology#>\nSELECT ?x WHERE {\n  ?x a sl:Hub . FILTER(?x = ) }")
    page.click("#run")
    page.wait_for_selector("#results .error")
    reason = page.inner_text("#results .error")
    assert re.search(r"^400: bad query: at 3:\d+: .+", reason), reason
    assert "query time" in page.inner_text("#status")
    page.wait_for_selector(f"{EDITOR} .cm-line:nth-child(3) .cm-lintRange-error")
    assert page.locator(".cm-gutter-lint .cm-lint-marker-error").count() == 1
    shot(page, "editor-error")
    page.keyboard.type(" ")  # an edit clears the mark until the next run
    page.wait_for_selector(f"{EDITOR} .cm-lintRange-error", state="detached")


@pytest.mark.parametrize(("folder", "name", "first"), [("editor", "sparql-editor", "@codemirror/"),
                                                      ("charts", "charts", "@observablehq/plot")])
def test_a_bundle_is_built_from_its_sources(folder: str, name: str, first: str) -> None:
    """`make editor` / `make charts` write the bundle and the hashes of what it was built from; a change there needs a rebuild."""
    root = Path(__file__).resolve().parents[1]
    stamp = json.loads((root / f"kg/web/static/vendor/{name}.stamp.json").read_text())
    bundle = (root / f"kg/web/static/vendor/{name}.js").read_bytes()
    assert hashlib.sha256(bundle).hexdigest() == stamp["bundle"], f"the bundle was edited by hand: run `make {folder}`"
    for source_name, digest in stamp["inputs"].items():
        source = (root / f"web/{folder}" / source_name).read_bytes()
        assert hashlib.sha256(source).hexdigest() == digest, f"web/{folder}/{source_name} changed: run `make {folder}`"
    assert (root / f"kg/web/static/vendor/{name}.LICENSES.txt").read_text().startswith(first)


def test_the_validation_report_in_three_scripts_is_linked_from_the_page(page, site) -> None:
    open_app(page, site, "?lang=zh-Hant")
    page.click("footer a[href^='/validation']")
    page.wait_for_selector("h1#title")
    assert page.inner_text("h1#title") == "校驗報告" and "lang=zh-Hant" in page.url
    shot(page, "validation-zh-Hant")
    for lang, title in (("en", "Validation report"), ("zh-Hans", "校验报告")):
        page.goto(f"{site}/validation?lang={lang}")
        assert page.inner_text("h1#title") == title
        shot(page, f"validation-{lang}")


def _texts(page, selector: str) -> list[str]:
    """The words of SVG text elements (their tooltip left out)."""
    return page.locator(selector).evaluate_all(
        "(els) => els.map((e) => [...e.childNodes].filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join(''))")


def _bar_widths(page, entity: str) -> dict[str, float]:
    """The width of each bar of one entity in the chart, by stage."""
    return page.evaluate("""(entity) => Object.fromEntries([...document.querySelectorAll('#chart rect[data-stage]')]
        .filter((r) => (r.querySelector('title') || {}).textContent?.startsWith(entity + ':'))
        .map((r) => [r.dataset.stage, r.getBBox().width]))""", entity)


def test_the_chart_covers_every_hub_and_cluster_rolls_hubs_up_and_draws_bounds(page, site) -> None:
    open_app(page, site, "?lang=en#tab=browse")
    page.wait_for_selector("#chart svg rect[data-stage]")
    assert page.locator("#chart g.cluster-name text").count() == 10
    assert page.locator("#chart g.hub-name text").count() == 8
    hubs = _texts(page, "#chart g.hub-name text")
    assert "Gansu hub Σ" in hubs and "Inner Mongolia hub" in hubs  # rolled up from Qingyang; no cluster figure to roll
    assert page.locator("#chart rect[data-rollup=true]").count() >= 3
    assert "rolled up from its clusters" in page.inner_text("#chart-legend")
    # ">150,000" is a bound: an arrow past the bar's end and its sign in the label, not a plain bar
    assert page.locator("#chart g.bound path").count() >= 4
    labels = _texts(page, "#chart g.value-label text")
    # the presenter's words, with the bound, the stage and the kind: never "150,000" drawn as if exact
    assert any(label.startswith("more than 150,000 PFLOPS · planned or target · ") for label in labels), labels
    assert any(label.startswith("about 8,000 PFLOPS · actual · ") for label in labels), labels
    assert any(label.endswith(" · AI") for label in labels) and any(label.endswith(" · total") for label in labels)
    assert "150,000" in _texts(page, "#chart svg g[aria-label='x-axis tick label'] text")
    # a linear axis: Gui'an's 8,000 actual is 2/5 of its 20,000 target, not nearly the same as on a log axis
    widths = _bar_widths(page, "Gui'an data center cluster")
    assert 0.35 < widths["actual"] / widths["planned"] < 0.45
    # the kind shows: AI and total bars differ in colour
    fills = {page.get_attribute(f"#chart rect[data-stage=actual] >> nth={i}", "fill") for i in range(4)}
    assert len(fills) >= 2
    shot(page, "chart-computing-power-en")
    page.click(".langs button[data-lang=zh-Hans]")
    page.wait_for_selector("#chart svg[data-lang=zh-Hans]")
    assert "庆阳数据中心集群" in page.inner_text("#chart")
    labels = _texts(page, "#chart g.value-label text")  # as Chinese writes them: 万, 超过, 约
    assert any(label.startswith("超过15万P · 规划或目标 · ") for label in labels), labels
    assert any(label.startswith("约8000P · 现状 · ") for label in labels), labels
    assert not any("," in label for label in labels)
    assert "15万" in _texts(page, "#chart svg g[aria-label='x-axis tick label'] text")
    assert "由所属集群汇总" in page.inner_text("#chart-legend")
    assert "甘肃枢纽 Σ" in _texts(page, "#chart g.hub-name text")
    assert page.locator("#chart-metric option:checked").inner_text() == "算力"
    page.select_option("#chart-metric", "rack_count")
    page.wait_for_function("document.querySelector('#chart svg').getAttribute('aria-label').includes('机架数')")
    assert "50万架 · 规划或目标" in _texts(page, "#chart g.value-label text")
    racks = page.locator("#chart rect[data-stage]")  # a figure whose kind is not stated is drawn, in the grey of its legend
    assert racks.count() >= 10 and all(racks.nth(i).get_attribute("fill") not in (None, "none") for i in range(racks.count()))
    assert page.locator("#chart g.cluster-name text").count() == 10
    shot(page, "chart-racks-zh-Hans")


def test_an_entity_page_with_dated_figures_shows_their_timeline(page, site) -> None:
    page.goto(site + "/resource/guian-data-center-cluster?lang=zh-Hans")
    page.wait_for_selector("#timelines figure[data-metric=computing_power] svg")
    assert page.locator("#timelines > figure").count() == 1  # racks and PUE have one figure each: no timeline
    assert page.inner_text("#timelines > figure > figcaption") == "算力"
    assert page.locator("#timelines g.timeline-dot > *").count() == 2
    legend = page.inner_text("#timelines figure")
    assert "现状" in legend and "规划或目标" in legend
    shot(page, "entity-timeline-zh-Hans")
    page.goto(site + "/resource/qingyang-data-center-cluster?lang=en")
    page.wait_for_selector("h1#title")
    assert page.locator("#timelines").count() == 0


def test_the_map_places_and_sizes_every_hub_and_cluster(page, site) -> None:
    open_app(page, site, "?lang=en#tab=browse")
    page.wait_for_selector("#map svg g.map-cluster")
    assert page.locator("#map g[aria-label=geo] path").count() >= 1  # the outline, shipped in the bundle
    assert page.locator("#map g.map-hub a").count() == 8
    assert page.locator("#map g.map-cluster a").count() == 10
    radius = lambda name: page.evaluate(  # noqa: E731
        """(name) => [...document.querySelectorAll('#map g.map-cluster a')].find((a) => a.querySelector('title')
            .textContent.startsWith(name)).firstElementChild.getAttribute('r')""", name)
    assert float(radius("Qingyang")) > float(radius("Chongqing"))
    shot(page, "map-computing-power-en")
    page.select_option("#map-metric", "rack_count")
    page.wait_for_function("document.querySelector('#map svg').getAttribute('aria-label').includes('Racks')")
    assert float(radius("Shaoguan")) > float(radius("Qingyang"))
    assert page.locator("#map g.map-cluster a").count() == 10
    page.click(".langs button[data-lang=zh-Hant]")
    page.wait_for_selector("#map svg[data-lang=zh-Hant]")
    assert "慶陽數據中心集群" in page.inner_text("#map")
    shot(page, "map-racks-zh-Hant")


# ---------------------------------------------------------------- conflicts and corrections on an entity page


@pytest.fixture(scope="module")
def disputed_site(tmp_path_factory):
    """A service over two sources that disagree on Qingyang's racks, one of them with a PUE an analyst corrected."""
    root = tmp_path_factory.mktemp("disputed")
    (root / "docs").mkdir()
    (root / "docs" / "a.txt").write_text("庆阳数据中心集群PUE为0.8,已建成标准机架3万架。\n", encoding="utf-8")
    (root / "docs" / "b.txt").write_text("庆阳数据中心集群已建成标准机架4万架。\n", encoding="utf-8")
    store = root / "store"
    suanli("ingest", str(root / "docs"), "--store", str(store), check=True)
    [held] = json.loads(suanli("quarantine", "list", "--store", str(store), "--format", "json", check=True).stdout)
    suanli("quarantine", "readmit", held["focus"], "--set", "value=1.05", "--by", "Li Wei", "--store", str(store), check=True)
    url, proc = start_service(store)
    yield url
    stop(proc)


@pytest.fixture
def disputed_page(browser, disputed_site):
    yield from _page(browser, disputed_site)


@pytest.mark.parametrize(("lang", "corrected", "conflict", "other"), [
    ("zh-Hans", "✎ 已更正", "由Li Wei于20", "另一来源为"),
    ("zh-Hant", "✎ 已更正", "由Li Wei於20", "另一來源為"),
    ("en", "✎ corrected", "corrected by Li Wei on 20", "Another source says"),
])
def test_an_entity_page_marks_a_corrected_figure_and_shows_conflicting_sources_side_by_side(
        disputed_page, disputed_site, lang, corrected, conflict, other) -> None:
    page = disputed_page
    page.goto(f"{disputed_site}/resource/qingyang-data-center-cluster?lang={lang}")
    page.wait_for_selector("h1#title")
    fixed = page.locator("tr.figure.corrected")
    assert fixed.count() == 1 and fixed.get_attribute("data-metric") == "pue"
    assert corrected in fixed.inner_text() and "1.05" in fixed.inner_text()
    note = page.inner_text("tr.figure.corrected + tr.evidence .correction")
    assert conflict in note and note.rstrip().endswith("0.8"), note  # who, when, and the value the source gave
    assert "0.8" in page.inner_text("tr.figure.corrected + tr.evidence q")  # the quote stays as the source wrote it
    disputed = page.locator("tr.figure.conflict")
    assert disputed.count() == 2 and {disputed.nth(i).get_attribute("data-metric") for i in range(2)} == {"rack_count"}
    for i in range(2):  # each figure names its own source and the other one's figure and source beside it
        evidence = page.locator("tr.figure.conflict + tr.evidence").nth(i)
        assert evidence.locator(".src a").count() == 2
        assert other.lower() in evidence.locator(".conflict-other").inner_text().lower()
    shot(page, f"entity-conflict-correction-{lang}")


@pytest.mark.parametrize(("lang", "figure", "amount"), [
    ("zh-Hans", "超过15万P", "5万"), ("zh-Hant", "超過15萬P", "5萬"), ("en", "more than 150,000 PFLOPS", "50,000")])
def test_the_charts_take_their_words_from_the_presenter(site, lang: str, figure: str, amount: str) -> None:
    import httpx

    words = httpx.post(site + "/figure-words", json={"lang": lang, "amounts": [50000], "figures": [
        {"value": 150000, "unit": "PFLOPS", "comparator": "gt", "metric": "computing_power"}]}, timeout=30)
    assert words.status_code == 200 and words.json() == {"figures": [figure], "amounts": [amount]}


@pytest.mark.parametrize(("body", "reason"), [
    (b"{", "send a JSON object"),
    (json.dumps({"lang": "fr", "figures": []}).encode(), "'lang' must be one of"),
    (json.dumps({"lang": "en", "figures": [{"value": "many"}]}).encode(), "each figure is"),
    (json.dumps({"lang": "en", "figures": [{"value": 1, "unit": "parsecs"}]}).encode(), "each figure is"),
    (json.dumps({"lang": "en", "amounts": [True]}).encode(), "each amount is a number"),
    (json.dumps({"lang": "en", "amounts": list(range(5001))}).encode(), "at most 5000"),
])
def test_bad_figure_words_requests_get_400_with_one_line(site, body: bytes, reason: str) -> None:
    import httpx

    refused = httpx.post(site + "/figure-words", content=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert refused.status_code == 400 and reason in refused.json()["error"] and "\n" not in refused.json()["error"]
