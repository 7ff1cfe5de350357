"""The headache diaries: on the phone (/headache-diary/), days tapped in and counted, kept in this
browser only, through a reload, out as a spreadsheet file and a printed summary, and deleted at
the reader's word; a damaged day reported without losing the others. On paper
(/paper-headache-diary/), a month's grid on one A4 sheet."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pypdfium2
import pytest

from site_tools.browser import SCHEMES
from site_tools.page_checks import axe_violations, tab_to, wait_for_color_scheme

URL = "headache-diary/"
PAPER_URL = "paper-headache-diary/"
PREFIX = "headache-diary:"
TODAY = datetime.date.today()
LAST_MONTH_START = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
TWO_MONTHS_AGO = (LAST_MONTH_START - datetime.timedelta(days=1)).replace(day=1)


def day(month_start: datetime.date, number: int) -> str:
    return month_start.replace(day=number).isoformat()


def record(headache=False, migraine=False, painkiller=False, triptan=False, note="") -> str:
    return json.dumps(
        {
            "version": 1,
            "headache": headache,
            "migraine": migraine,
            "painkiller": painkiller,
            "triptan": triptan,
            "note": note,
        }
    )


def seeded(tab, records: dict[str, str]):
    """The diary page as it opens with `records` (key: text) already in this browser's storage."""
    tab.evaluate(
        "records => Object.entries(records).forEach(([key, value]) => localStorage.setItem(key, value))", records
    )
    tab.reload()
    return tab


def fill_in(tab, date: str, *ticked: str, note: str = "") -> None:
    tab.fill("#diary-date", date)
    for name in ("headache", "migraine", "painkiller", "triptan"):
        tab.locator(f'.diary__entry input[name="{name}"]').set_checked(name in ticked)
    tab.fill("#diary-note", note)
    tab.get_by_role("button", name="Save this day").click()


def counts(tab) -> dict[str, str]:
    return dict(
        zip(tab.locator(".diary__counts dt").all_inner_texts(), tab.locator(".diary__counts dd").all_inner_texts())
    )


def stored_days(tab) -> dict[str, str]:
    return tab.evaluate(
        "prefix => Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith(prefix)))", PREFIX
    )


def test_days_filled_in_are_counted_and_kept_after_a_reload(site_page):
    tab = site_page(URL)
    tab.get_by_role("button", name="Previous month").click()
    tab.locator(f'button[data-date="{day(LAST_MONTH_START, 3)}"]').click()  # tapping a day
    assert tab.input_value("#diary-date") == day(LAST_MONTH_START, 3)
    assert tab.evaluate("document.activeElement.classList.contains('diary__entry-title')"), (
        "the focus goes to the day's form"
    )
    tab.locator('.diary__entry input[name="migraine"]').check()
    tab.locator('.diary__entry input[name="triptan"]').check()
    tab.get_by_role("button", name="Save this day").click()
    fill_in(tab, day(LAST_MONTH_START, 4), "headache", "painkiller", note="3 hours")
    fill_in(tab, day(LAST_MONTH_START, 5))  # a day without a headache is a day filled in
    expected = {"Headache days": "2", "Migraine days": "1", "Medicine days": "2"}
    assert {key: counts(tab)[key] for key in expected} == expected
    assert counts(tab)["Days filled in"].startswith("3 of ")
    assert tab.locator(".diary__status").inner_text().startswith("Saved: ")
    marked = tab.locator(f'button[data-date="{day(LAST_MONTH_START, 3)}"]')
    assert "migraine, triptans" in marked.inner_text()
    tab.reload()
    tab.get_by_role("button", name="Previous month").click()
    assert {key: counts(tab)[key] for key in expected} == expected, "the diary must survive a reload"
    assert tab.locator(".diary__table tbody tr").count() == 1


def test_the_spreadsheet_file_holds_every_day_and_cannot_run_a_formula(site_page):
    tab = seeded(
        site_page(URL),
        {
            PREFIX + day(LAST_MONTH_START, 2): record(headache=True, note='=HYPERLINK("x"), said "ow"'),
            PREFIX + day(LAST_MONTH_START, 1): record(migraine=True, triptan=True),
        },
    )
    with tab.expect_download() as download:
        tab.get_by_role("button", name="Download as a spreadsheet (CSV)").click()
    assert download.value.suggested_filename == "headache-diary.csv"
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert rows == [
        ["Date", "Headache", "Migraine", "Painkillers", "Triptans", "Note"],
        [day(LAST_MONTH_START, 1), "no", "yes", "no", "yes", ""],
        [day(LAST_MONTH_START, 2), "yes", "no", "no", "no", '\'=HYPERLINK("x"), said "ow"'],
    ]


def test_the_month_before_treatment_is_compared_with_the_latest_as_a_percentage(site_page):
    before = {PREFIX + day(TWO_MONTHS_AGO, n): record(headache=True) for n in range(1, 21)}
    latest = {PREFIX + day(LAST_MONTH_START, n): record(headache=n <= 14) for n in range(1, 28)}
    tab = seeded(site_page(URL), before | latest)
    change = tab.locator(".diary__change").inner_text()
    assert "That is 6 fewer headache days: 30% fewer." in change, change
    assert "20 in" in change and "14 in" in change
    note = tab.locator(".diary__compare .tool-note").inner_text()
    assert "not a result" in note and "specialist decides" in note


@pytest.mark.parametrize(
    "bad, message",
    [
        ("", "Enter the date of the day you are filling in."),
        (
            (TODAY + datetime.timedelta(days=1)).isoformat(),
            "That day has not happened yet. Choose today or a day before.",
        ),
        ((TODAY - datetime.timedelta(days=3 * 365)).isoformat(), "Enter a date in the last 2 years."),
        ("2026-02-30", "That date does not exist. Check the day, month and year."),
    ],
    ids=["no date", "a future day", "far in the past", "impossible date"],
)
def test_a_bad_date_gets_a_clear_message_and_saves_nothing(site_page, bad, message):
    tab = site_page(URL)
    if bad == "2026-02-30":
        tab.eval_on_selector("#diary-date", "(input, day) => { input.type = 'text'; input.value = day; }", bad)
        tab.locator('.diary__entry input[name="headache"]').check()
        tab.get_by_role("button", name="Save this day").click()
    else:
        fill_in(tab, bad, "headache")
    assert tab.locator("#diary-date-error").inner_text() == message
    assert tab.locator("#diary-date").get_attribute("aria-invalid") == "true"
    assert tab.locator(".diary__status").inner_text() == message
    assert stored_days(tab) == {}


def test_future_days_cannot_be_tapped(site_page):
    tab = site_page(URL)
    tomorrow = TODAY + datetime.timedelta(days=1)
    if tomorrow.month != TODAY.month:
        pytest.skip("today is the last day of the month: no future day is shown")
    assert tab.locator(f'button[data-date="{tomorrow.isoformat()}"]').is_disabled()


def test_a_damaged_or_old_day_is_reported_and_nothing_else_is_lost(site_page):
    good = day(LAST_MONTH_START, 1)
    damaged, old = day(LAST_MONTH_START, 2), day(LAST_MONTH_START, 3)
    records = {PREFIX + good: record(headache=True), PREFIX + damaged: "{not json", PREFIX + old: '{"headache": true}'}
    tab = seeded(site_page(URL), records)
    problem = tab.locator(".diary__problem")
    assert problem.get_attribute("role") == "alert" and problem.is_visible()
    text = problem.inner_text()
    assert "2 saved days could not be read" in text and "(damaged)" in text and "(saved in an older form)" in text
    assert "your other days are safe" in text
    tab.get_by_role("button", name="Previous month").click()
    assert counts(tab)["Headache days"] == "1"
    assert stored_days(tab) == records, "an unreadable day is kept as it was"
    fill_in(tab, damaged, "migraine")
    assert "1 saved day could not be read" in problem.inner_text(), "filling the day in again replaces it"


def test_delete_everything_asks_first_then_deletes_only_the_diary(site_page):
    tab = seeded(site_page(URL), {PREFIX + day(LAST_MONTH_START, 1): record(headache=True), "another-setting": "kept"})
    tab.get_by_role("button", name="Delete everything").click()
    dialog = tab.get_by_role("dialog", name="Delete your whole diary?")
    assert dialog.is_visible()
    assert tab.evaluate("document.activeElement.textContent") == "No, keep my diary", "the safe choice has the focus"
    tab.keyboard.press("Enter")
    assert not dialog.is_visible() and len(stored_days(tab)) == 1
    tab.get_by_role("button", name="Delete everything").click()
    tab.keyboard.press("Escape")
    assert not dialog.is_visible() and len(stored_days(tab)) == 1
    tab.get_by_role("button", name="Delete everything").click()
    tab.get_by_role("button", name="Yes, delete everything").click()
    assert stored_days(tab) == {} and tab.evaluate("localStorage.getItem('another-setting')") == "kept"
    assert tab.locator(".diary__status").inner_text() == "Your diary is deleted from this device."
    assert tab.locator(".diary__empty").is_visible()


def test_the_printed_summary_is_one_page_without_the_form(site_page):
    tab = seeded(site_page(URL), {PREFIX + day(LAST_MONTH_START, n): record(headache=True) for n in range(1, 10)})
    tab.emulate_media(media="print")
    assert tab.locator(".diary__table").is_visible() and tab.locator(".diary__change").is_visible()
    hidden = [
        selector
        for selector in (".diary__entry", ".diary__days", ".diary__files", "#how-to-count")
        if tab.locator(selector).is_visible()
    ]
    assert not hidden, f"on paper the summary needs none of {hidden}"
    assert len(pypdfium2.PdfDocument(tab.pdf(format="A4"))) == 1


def test_the_diary_is_used_by_keyboard_alone(site_page):
    tab = site_page(URL)
    tab.locator(".diary__previous").focus()
    tab.keyboard.press("Enter")
    tab.locator(f'button[data-date="{day(LAST_MONTH_START, 1)}"]').focus()
    tab.keyboard.press("ArrowRight")  # nothing: buttons in a grid are reached with Tab
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.dataset.date") == day(LAST_MONTH_START, 2)
    tab.keyboard.press("Enter")
    assert tab.input_value("#diary-date") == day(LAST_MONTH_START, 2)
    tab_to(tab, '.diary__entry input[name="headache"]')  # past the date's month, day and year
    tab.keyboard.press("Space")
    tab_to(tab, "#diary-note")
    tab.keyboard.press("Enter")  # sends the form
    saved = {key: json.loads(value) for key, value in stored_days(tab).items()}
    assert saved == {PREFIX + day(LAST_MONTH_START, 2): json.loads(record(headache=True))}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_diary_filled_in_with_a_problem_and_asking_to_delete_passes_axe(site_page, scheme):
    tab = seeded(
        site_page(URL, color_scheme=scheme),
        {
            PREFIX + day(TWO_MONTHS_AGO, 1): record(headache=True, painkiller=True),
            PREFIX + day(LAST_MONTH_START, 1): record(migraine=True, note="bad"),
            PREFIX + day(LAST_MONTH_START, 2): "{damaged",
        },
    )
    wait_for_color_scheme(tab, SCHEMES[scheme])
    fill_in(tab, (TODAY + datetime.timedelta(days=1)).isoformat(), "headache")  # the error shown
    violations = axe_violations(tab)
    tab.get_by_role("button", name="Delete everything").click()
    violations += axe_violations(tab)
    tab.keyboard.press("Escape")
    if scheme == "light":  # paper is white: Chromium prints no dark background
        tab.emulate_media(media="print")
        violations += axe_violations(tab)
    assert not violations, "\n".join(violations)


def test_the_diary_sends_nothing(first_visit):
    load = first_visit(URL)
    requests_before = len(load.requests)
    fill_in(load.page, TODAY.isoformat(), "headache", note="private")
    with load.page.expect_download():
        load.page.get_by_role("button", name="Download as a spreadsheet (CSV)").click()
    later = [request.url for request in load.requests[requests_before:] if not request.url.startswith("blob:")]
    assert later == [] and not load.errors, later or load.errors


def test_without_javascript_the_diary_page_says_how_to_count_and_shows_no_form(site_page):
    tab = site_page(URL, javascript=False)
    assert not tab.locator(".diary").is_visible()
    assert (
        tab.locator("#how-to-count").is_visible()
        and tab.get_by_text("A migraine day counts as a headache day too").is_visible()
    )


def test_the_paper_diary_has_a_line_for_each_of_31_days_and_the_totals(site_page):
    tab = site_page(PAPER_URL)
    assert tab.locator(".paper-diary__grid tbody th").all_inner_texts() == [str(n) for n in range(1, 32)]
    assert tab.locator(".paper-diary__grid thead th").all_inner_texts() == [
        "Day",
        "Headache?",
        "Migraine?",
        "How long (hours)",
        "Medicine taken",
    ]
    assert tab.locator(".paper-diary__grid tfoot").inner_text().startswith("Totals")


def test_the_paper_diary_prints_on_one_a4_sheet_with_how_to_count(site_page):
    tab = site_page(PAPER_URL)
    tab.emulate_media(media="print")
    pages = pypdfium2.PdfDocument(tab.pdf(format="A4"))
    first = pages[0].get_textpage().get_text_range()
    for text in (
        "Headache diary to print",
        "Medicine taken",
        "\n31",
        "Totals",
        "How to fill it in",
        "count the days with a yes",
    ):
        assert text in first, (
            f"{text!r} is not on the diary's one sheet: move it onto the first page or make the rows shorter"
        )
    rest = "".join(page.get_textpage().get_text_range() for page in list(pages)[1:])
    assert "yes / no" not in rest, "the grid runs onto a second sheet"
