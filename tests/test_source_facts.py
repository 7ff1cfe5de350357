"""Every sentence of both source articles is on the site, or deliberately left out with a reason.

tests/data/source_facts.yml maps each sentence to the page that carries the fact and to phrases
that prove it is there.
"""

import re
from pathlib import Path

import pytest
import yaml

from site_tools.site_files import ROOT, parsed_page

SOURCES_DIR = ROOT.parent / "shared" / "sources"
ARTICLES = {
    "article-general": "000_ab01b9d456ee48e3.txt",
    "article-clinic": "004_7849305074878b56.txt",
}
FACTS = yaml.safe_load((Path(__file__).parent / "data" / "source_facts.yml").read_text(encoding="utf-8"))


def article_sentences(text: str) -> list[str]:
    pieces = re.split(r"(?<=[.?!])\s+|\n+", text)
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason="the source articles live in ../shared/sources/")
@pytest.mark.parametrize("source", ARTICLES)
def test_every_sentence_of_the_article_is_mapped(source):
    mapped = {normalise(fact["sentence"]) for fact in FACTS if fact["source"] == source}
    text = (SOURCES_DIR / ARTICLES[source]).read_text(encoding="utf-8")
    unmapped = [s for s in article_sentences(text) if normalise(s) not in mapped]
    assert not unmapped, f"add these sentences of {source} to tests/data/source_facts.yml: {unmapped}"


@pytest.mark.parametrize("fact", [f for f in FACTS if f.get("page")], ids=lambda f: f"{f['page']}:{f['sentence'][:40]}")
def test_every_fact_of_the_articles_is_on_its_page(site_dir, fact):
    article = parsed_page(site_dir, fact["page"]).css_first("article")
    text = normalise(article.text(separator=" "))
    missing = [phrase for phrase in fact["must_contain"] if normalise(phrase) not in text]
    assert not missing, f"docs/{fact['page']} no longer says {missing} (from: {fact['sentence']!r})"


def test_every_left_out_sentence_says_why():
    for fact in FACTS:
        assert fact.get("page") or fact.get("excluded"), fact["sentence"]
