"""Print how easy each page is to read, as the NHS "How we write" rules measure it.

    .venv/bin/python -m site_tools.readability_report            # builds the site first
    .venv/bin/python -m site_tools.readability_report SITE_DIR   # an already built site

Targets: Flesch-Kincaid grade 8 or lower on every page, a median of 6 or lower, and sentences
of 20 words or fewer. The exit status is 1 when a target is missed.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import textstat
from selectolax.lexbor import LexborHTMLParser

from site_tools.site_files import build, built_page, markdown_pages

MAX_GRADE = 8
MAX_MEDIAN_GRADE = 6
MAX_SENTENCE_WORDS = 20
# Blocks that read as a sentence even without a full stop, such as list items and headings.
BLOCKS = "p, li, h1, h2, h3, h4, td, th, summary, figcaption, .admonition-title"
NOT_READ = ".headerlink, #sources ~ *, #sources, .page-end, script, style"


@dataclass
class Readability:
    page: str
    words: int
    grade: float
    longest_sentence: str

    @property
    def longest_sentence_words(self) -> int:
        return len(self.longest_sentence.split())


def page_text(html: str) -> str:
    """The words a reader reads in the page's main text, one block per line, each ending a sentence."""
    article = LexborHTMLParser(html).css_first("article")
    for node in article.css(NOT_READ):
        node.decompose()
    lines = []
    for block in article.css(BLOCKS):
        if any(inner.mem_id != block.mem_id for inner in block.css("p, li, table")):
            continue  # its inner blocks are read on their own
        text = " ".join(block.text(separator=" ").split())
        if text:
            lines.append(text if text[-1] in ".!?:" else text + ".")
    return "\n".join(lines)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s.strip()]


def measure(page: str, html: str) -> Readability:
    text = page_text(html)
    return Readability(
        page=page,
        words=textstat.lexicon_count(text),
        grade=textstat.flesch_kincaid_grade(text),
        longest_sentence=max(sentences(text), key=lambda s: len(s.split()), default=""),
    )


def problems(results: list[Readability]) -> list[str]:
    found = [
        f"docs/{r.page}: reading grade {r.grade} is above {MAX_GRADE}: use shorter sentences and plainer words"
        for r in results
        if r.grade > MAX_GRADE
    ]
    found += [
        f"docs/{r.page}: a sentence has {r.longest_sentence_words} words, more than {MAX_SENTENCE_WORDS}: "
        f"split it: {r.longest_sentence!r}"
        for r in results
        if r.longest_sentence_words > MAX_SENTENCE_WORDS
    ]
    median = statistics.median(r.grade for r in results)
    if median > MAX_MEDIAN_GRADE:
        found.append(f"the median reading grade {median} is above {MAX_MEDIAN_GRADE}")
    return found


def measure_site(site_dir: Path) -> list[Readability]:
    return [measure(page, built_page(site_dir, page).read_text(encoding="utf-8")) for page in markdown_pages()]


def main(argv: list[str]) -> int:
    if argv:
        results = measure_site(Path(argv[0]))
    else:
        with tempfile.TemporaryDirectory() as site_dir:
            result = build(Path(site_dir))
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
            results = measure_site(Path(site_dir))
    print(f"{'page':<24} {'words':>5} {'grade':>5}  longest sentence (words)")
    for r in results:
        print(f"{r.page:<24} {r.words:>5} {r.grade:>5}  {r.longest_sentence_words}")
    print(f"median grade: {statistics.median(r.grade for r in results)}")
    found = problems(results)
    print("\n".join(found) or "All pages meet the targets.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
