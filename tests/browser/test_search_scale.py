"""Search on the synthetic corpus: the real cases stay findable among 1,000 others."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from browser.conftest import Held
from playwright.sync_api import expect
from samples import ROOT

from support import build_and_serve
from tools.corpus import generate

QUERIES = [
    ("lean startup", "/cas/pau-lean-startup-directeurs/"),
    ("comptoir des services", "/cas/strasbourg-transfo-labo-et-comptoir-des-services/"),
    ("assistance numérique", "/cas/alpes-maritimes-barcamp-innovation-publique/"),
    ("barcamps", "/cas/alpes-maritimes-barcamp-innovation-publique/"),  # plural -> singular
]


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus") / "retex"
    counts = generate(corpus, 1000, seed=1)
    assert counts["cases"] == 1000
    server = build_and_serve(corpus, tmp_path_factory.mktemp("served-1000"))
    yield server
    server.close()


@pytest.mark.parametrize("query, expected", QUERIES)
def test_real_case_in_the_top_three_case_results(big_site, page, query, expected):
    page.goto(f"{big_site.url}recherche/?q={quote(query)}&type=cas")
    results = page.locator("[data-rx-results] > li")
    expect(results.first).to_be_visible(timeout=20_000)  # a larger index, a busy machine
    top = [
        urlsplit(a.get_attribute("href")).path
        for a in page.locator("[data-rx-results] .rx-result__title a").all()[:3]
    ]
    assert expected in top, top
    # Every listed result is a case: the filter holds on a large index too.
    assert all(m.startswith("Cas") for m in page.locator(".rx-result__meta").all_inner_texts())


def test_facet_counts_on_a_large_index(big_site, page):
    page.goto(f"{big_site.url}recherche/?type=cas")
    status = page.locator("[data-rx-status]")
    real = len([p for p in (ROOT / "cases").glob("*.md") if not p.name.startswith("_")])
    expect(status).to_contain_text(f"{1000 + real} résultats", timeout=20_000)
    box = page.get_by_role("checkbox", name="Inclusion numérique", exact=False).first
    label = page.locator(f'label[for="{box.get_attribute("id")}"]').inner_text()
    expected = int(label.rsplit("(", 1)[1].rstrip(")"))
    box.check()
    expect(status).to_contain_text(f"{expected} résultat")


def test_next_batch_of_results(big_site, page):
    page.goto(f"{big_site.url}recherche/?type=cas")
    results = page.locator("[data-rx-results] > li")
    expect(results).to_have_count(20, timeout=20_000)
    page.get_by_role("button", name="Afficher plus de résultats").click()
    expect(results).to_have_count(40)
    expect(results.nth(20).locator("a").first).to_be_focused()


def test_a_late_batch_never_joins_a_newer_search(big_site, page):
    page.goto(f"{big_site.url}recherche/?type=cas")
    results = page.locator("[data-rx-results] > li")
    expect(results).to_have_count(20, timeout=20_000)
    held = Held(page, "**/pagefind/fragment/*")
    page.get_by_role("button", name="Afficher plus de résultats").click()
    held.wait_for(20)  # the next batch is on its way…
    held.stop_holding()
    page.locator("#rx-search-q").fill("lean startup")  # …when the reader searches again
    expect(page.locator("[data-rx-status]")).to_contain_text("lean startup")
    expect(results.first.locator("mark").first).to_be_visible()
    finished = []
    page.on("requestfinished", lambda r: finished.append(r) if "/fragment/" in r.url else None)
    held.release()  # the older batch arrives after the newer search is on screen
    for _ in range(200):  # until its files are in, and the page had a turn to show them
        if len(finished) >= 20:
            break
        page.wait_for_timeout(20)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))")
    # Only the newer search's results: each shows where the words matched.
    count = results.count()
    assert 0 < count <= 20, count
    assert results.filter(has=page.locator("mark")).count() == count
