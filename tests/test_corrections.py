"""The corrections a review found stay made, and the safety facts a patient needs stay on the site.

Each rule names what must never be said again on a patient page (checked in the Markdown, so the
message names the line) and what its page must go on saying (checked in the built page, as the
reader reads it). The Sources page is exempt from the first half: it quotes what the articles got
wrong, beside what we found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from site_tools.site_files import DOCS, markdown_pages, parsed_page

SOURCES_PAGE = "sources.md"
PATIENT_PAGES = [page for page in markdown_pages() if page != SOURCES_PAGE]


@dataclass
class Correction:
    name: str
    fix: str
    never: list[str] = field(default_factory=list)  # regular expressions, on every patient page
    page: str | None = None
    always: list[str] = field(default_factory=list)  # phrases that `page` must contain


CORRECTIONS = [
    Correction(
        "pain messages travel to the brain",
        "pain messages travel from nerves in the head and neck to the brain; Botox is thought to stop nerve "
        "endings releasing the chemicals that carry them (CGRP, substance P, glutamate); the exact way is not fully known",
        never=[r"(?:signals|messages) from the brain"],
        page="how-it-works.md",
        always=["to your brain", "CGRP, substance P and glutamate", "not enough to explain", "not fully known"],
    ),
    Correction(
        "injections, not surgery",
        "Botox is best known for smoothing wrinkles; for migraine it is injections, not surgery",
        never=[r"cosmetic surgery", r"calls Botox"],
        page="what-it-is.md",
        always=["not surgery", "small injections with a needle"],
    ),
    Correction(
        "the spread warning and the migraine dose are both true",
        "the warning covers all uses of all botulinum toxins; at the chronic migraine dose there has been no "
        "confirmed serious case (FDA label); give both, the signs and what to do",
        never=[r"\b(?:go by|trust) the FDA"],
        page="side-effects.md",
        always=["Every botulinum toxin medicine, for every use", "no proven serious case", "Deaths have been reported"],
    ),
    Correction(
        "a drooping eyelid on its own is not an emergency",
        "droop and neck weakness or stiffness are common, come from the medicine acting near where it went in, "
        "and wear off (about 11 in 100); droop with trouble swallowing, speaking or breathing is urgent",
        never=[r"see double \(double vision\), or your eyelids droop"],
        page="side-effects.md",
        always=[
            "a drooping eyelid: about 11",
            "a stiff neck: about 15",
            "wear off as the medicine wears off",
            "not an emergency. Tell your clinic",
            "With trouble swallowing, speaking or breathing: this is urgent",
        ],
    ),
    Correction(
        "set sites for everyone, extra sites for some",
        "everyone has the 31 set sites (155 units); some people also have up to 8 more where they have the "
        "most pain, up to 195 units at 39 sites",
        never=[
            r"Your pain or the standard plan",
            r"the standard 31 sites, or where",
            r"the sources (?:disagree|do not agree)",
        ],
        page="injection-sites.md",
        always=["Everyone has the 31 set sites", "up to 8 more injections", "up to 195 units at 39 sites"],
    ),
    Correction(
        "what to do about driving",
        "do not drive, use machinery or do dangerous things with muscle weakness, vision problems or dizziness (FDA)",
        never=[r"(?:do not|don't) say anything about driving"],
        page="questions.md",
        always=["do not drive", "Do not use machines"],
    ),
    Correction(
        "a serious allergic reaction is urgent",
        "the urgent-help boxes cover itching, rash, red itchy welts, wheezing, asthma symptoms, dizziness or feeling faint",
        page="side-effects.md",
        always=["wheezing, have asthma symptoms, or feel dizzy or faint", "itching, a rash or red itchy welts"],
    ),
    Correction(
        "who should not have Botox, and what to tell the doctor first",
        "give who should not have it, the conditions and medicines to mention, pregnancy and breastfeeding (FDA label)",
        page="before-you-have-botox.md",
        always=[
            "allergic to anything in Botox",
            "skin infection where the injections would go",
            "myasthenia gravis or Lambert-Eaton syndrome",
            "bleeding problems",
            "surgery on your face",
            "not known if Botox can harm an unborn baby",
            "not known if Botox passes into breast milk",
            "another botulinum toxin medicine in the last 4 months",
            "an antibiotic given by injection",
            "muscle relaxants",
            "sleeping medicines",
            "blood thinners",
            "Swallowing problems can last for several months",
        ],
    ),
    Correction(
        "how to keep a headache diary, and why",
        "how to count headache and migraine days, why the clinic needs them (15 and 8 days; 30% after 2 rounds), "
        "and what to write down each day",
        page="keeping-a-headache-diary.md",
        always=[
            "Headache days:",
            "Migraine days:",
            "15 days a month",
            "At least 8",
            "at least 30%",
            "What to write down each day",
        ],
    ),
    Correction(
        "other treatments if Botox does not work",
        "say that NICE recommends CGRP treatments, and that the specialist decides; no comparing, no advice",
        page="if-botox-does-not-work.md",
        always=["CGRP treatments", "Galcanezumab", "Fremanezumab", "Atogepant", "Your specialist decides"],
    ),
    Correction(
        "the questions patients ask first",
        "answer: does it hurt and how long; driving and work; a drooping eyelid; if it works; if it does not",
        page="questions.md",
        always=[
            "Does it hurt, and how long does it take?",
            "Can I go to work or drive afterwards?",
            "What if my eyelid droops?",
            "What happens if it works?",
            "What if it does not work?",
        ],
    ),
]


def page_text(site_dir, page: str) -> str:
    article = parsed_page(site_dir, page).css_first("article")
    for node in article.css("#sources, #sources ~ *, .page-end, .headerlink"):
        node.decompose()
    # Each tag's text is joined with a space, so that words do not run together; then "CGRP ," is "CGRP,".
    return re.sub(r" ([,.;:)])", r"\1", " ".join(article.text(separator=" ").split()))


def said_again(correction: Correction, page: str, markdown: str) -> list[str]:
    """A message, with its line, for each place `markdown`, docs/`page`, says again what was corrected."""
    return [
        f"docs/{page}:{number}: {match[0]!r} is wrong ({correction.name}): {correction.fix}"
        for number, line in enumerate(markdown.splitlines(), start=1)
        for pattern in correction.never
        for match in re.finditer(pattern, line, re.IGNORECASE)
    ]


def no_longer_said(correction: Correction, text: str) -> list[str]:
    return [
        f"docs/{correction.page} no longer says {phrase!r} ({correction.name}): {correction.fix}"
        for phrase in correction.always
        if phrase.lower() not in text.lower()
    ]


@pytest.mark.parametrize("page", PATIENT_PAGES)
def test_no_patient_page_says_again_what_was_corrected(page):
    markdown = (DOCS / page).read_text(encoding="utf-8")
    problems = [problem for correction in CORRECTIONS for problem in said_again(correction, page, markdown)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("correction", CORRECTIONS, ids=lambda correction: correction.name)
def test_each_corrected_page_still_says_what_is_true(site_dir, correction):
    problems = no_longer_said(correction, page_text(site_dir, correction.page))
    assert not problems, "\n".join(problems)


def test_a_corrected_error_that_comes_back_is_reported_with_its_file_and_line():
    correction = CORRECTIONS[0]
    markdown = "## Blocking pain signals {#nerve-signals}\n\nThe chemicals carry pain signals from the brain.\n"
    assert said_again(correction, "how-it-works.md", markdown) == [
        f"docs/how-it-works.md:3: 'signals from the brain' is wrong (pain messages travel to the brain): {correction.fix}"
    ]
    assert no_longer_said(correction, "Botox blocks pain.") == [
        f"docs/how-it-works.md no longer says {phrase!r} (pain messages travel to the brain): {correction.fix}"
        for phrase in correction.always
    ]


def test_results_explain_placebo_and_lead_with_what_botox_adds(site_dir):
    text = page_text(site_dir, "results.md")
    placebo, adds, trial_figure = (
        text.find(p) for p in ("no medicine in them", "about 2 fewer headache days", "8 to 9")
    )
    assert -1 not in (placebo, adds, trial_figure) and placebo < adds < trial_figure, (
        "docs/results.md must say what dummy injections (placebo) are, then that Botox adds about 2 fewer "
        "headache days a month over them, before the trials' 8 to 9 days"
    )


def nice_without_its_place(page: str, text: str) -> list[str]:
    """NICE's rules apply in England and Wales: a page that gives them says so, and what to do elsewhere."""
    if "NICE" not in text:
        return []
    return [
        f"docs/{page} gives NICE's rules without saying {needed!r}: NICE applies in England and Wales; "
        "tell readers in Scotland and Northern Ireland to ask their GP or specialist"
        for needed in ("England and Wales", "Scotland and Northern Ireland")
        if needed not in text
    ]


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_that_gives_nice_rules_says_where_they_apply(site_dir, page):
    problems = nice_without_its_place(page, page_text(site_dir, page))
    assert not problems, "\n".join(problems)


def test_nice_rules_without_their_place_are_reported_with_the_fix():
    assert nice_without_its_place("timeline.md", "On the NHS, NICE says to check after 2 rounds.") == [
        "docs/timeline.md gives NICE's rules without saying 'England and Wales': NICE applies in England and "
        "Wales; tell readers in Scotland and Northern Ireland to ask their GP or specialist",
        "docs/timeline.md gives NICE's rules without saying 'Scotland and Northern Ireland': NICE applies in "
        "England and Wales; tell readers in Scotland and Northern Ireland to ask their GP or specialist",
    ]
    assert nice_without_its_place("side-effects.md", "Neck pain is common.") == []


def test_every_urgent_help_box_covers_a_serious_allergic_reaction(site_dir):
    missing = [
        page
        for page in markdown_pages()
        for box in parsed_page(site_dir, page).css("article .admonition.danger")
        if "serious allergic reaction" not in box.text()
    ]
    assert not missing, f"the 999 boxes of these pages do not cover a serious allergic reaction: {missing}"
