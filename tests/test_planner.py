"""The treatment planner (/treatment-planner/): one date in, the treatments every 12 weeks out, as a
list and as a calendar file that calendar apps read; bad dates refused with a message that says
what to do; usable by keyboard; readable without JavaScript; nothing sent anywhere."""

from __future__ import annotations

import datetime

import icalendar
import pytest

from site_tools.browser import SCHEMES
from site_tools.page_checks import axe_violations, tab_to, wait_for_color_scheme

URL = "treatment-planner/"
DAYS_BETWEEN = 84  # 12 weeks (FDA label; docs/treatment-planner.md)
NEXT_TREATMENTS = 5  # past a year: 5 x 84 = 420 days
TODAY = datetime.date.today()
FIRST = TODAY - datetime.timedelta(days=30)


def show_dates(tab, date: str, treatment: str = "first") -> None:
    tab.fill("#planner-date", date)
    tab.check(f'input[name="treatment-number"][value="{treatment}"]')
    tab.get_by_role("button", name="Show my dates").click()


def calendar_of(tab) -> icalendar.Calendar:
    with tab.expect_download() as download:
        tab.get_by_role("button", name="Add to calendar").click()
    assert download.value.suggested_filename == "botox-treatment-dates.ics"
    raw = open(download.value.path(), "rb").read()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n")), (
        "RFC 5545: CRLF lines of 75 octets at most"
    )
    return icalendar.Calendar.from_ical(raw)


def test_the_calendar_file_has_every_treatment_as_an_all_day_event_with_a_reminder_a_week_before(site_page):
    tab = site_page(URL)
    show_dates(tab, FIRST.isoformat())
    calendar = calendar_of(tab)
    expected = [FIRST + datetime.timedelta(days=DAYS_BETWEEN * n) for n in range(1, NEXT_TREATMENTS + 1)]
    events = calendar.walk("VEVENT")
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    assert [event.decoded("DTSTART") for event in events] == expected
    assert expected[-1] - FIRST > datetime.timedelta(days=365), "the dates must cover at least a year"
    for event, day in zip(events, expected):
        start = event.decoded("DTSTART")
        assert type(start) is datetime.date, "an all-day event: DTSTART;VALUE=DATE, not a time"
        assert event.decoded("DTEND") == day + datetime.timedelta(days=1)
        assert str(event["SUMMARY"]) == "Botox treatment due"
        assert isinstance(event.decoded("DTSTAMP"), datetime.datetime)
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == -datetime.timedelta(days=7)
        assert str(alarms[0]["ACTION"]) == "DISPLAY" and alarms[0].get("DESCRIPTION")
    assert len({str(event["UID"]) for event in events}) == len(events), "every event needs its own UID"


def test_the_page_lists_the_dates_when_relief_may_start_and_the_check_after_two_treatments(site_page):
    tab = site_page(URL)
    show_dates(tab, "2026-11-02")
    dates = tab.locator(".planner__dates li").all_inner_texts()
    assert dates == [
        "Monday, 25 January 2027 (treatment 2)",
        "Monday, 19 April 2027 (treatment 3)",
        "Monday, 12 July 2027 (treatment 4)",
        "Monday, 4 October 2027 (treatment 5)",
        "Monday, 27 December 2027 (treatment 6)",
    ]
    assert "Monday, 16 November 2026, within 14 days" in tab.locator(".planner__effect").inner_text()
    check = tab.locator(".planner__check").inner_text()
    assert "In England and Wales" in check and "before your 3rd on Monday, 19 April 2027" in check
    assert "Monday, 25 January 2027" in tab.locator(".planner__status").inner_text(), (
        "screen readers hear the next date"
    )


def test_after_a_later_treatment_the_dates_count_from_it_without_a_check_date(site_page):
    tab = site_page(URL)
    show_dates(tab, "2026-11-02", treatment="later")
    assert tab.locator(".planner__dates li").first.inner_text() == "Monday, 25 January 2027 (next treatment 1)"
    assert "Monday" not in tab.locator(".planner__check").inner_text()


BAD_DATES = {
    "": "Enter the date of your first or last treatment.",
    "2027-02-30": "That date does not exist. Check the day, month and year.",
    (TODAY - datetime.timedelta(days=3 * 365)).isoformat(): "Enter a date in the last 2 years.",
    (TODAY + datetime.timedelta(days=400)).isoformat(): "Enter a date no more than a year from today.",
}


@pytest.mark.parametrize("bad", BAD_DATES, ids=["no date", "impossible date", "far in the past", "far in the future"])
def test_a_bad_date_gets_a_clear_message_and_changes_nothing(site_page, bad):
    tab = site_page(URL)
    show_dates(tab, "2026-11-02")
    before = tab.locator(".planner__dates").inner_text()
    if bad == "2027-02-30":
        # A browser without a date picker shows a text box, where any day can be typed.
        tab.eval_on_selector("#planner-date", "(input, day) => { input.type = 'text'; input.value = day; }", bad)
    else:
        tab.fill("#planner-date", bad)
    tab.get_by_role("button", name="Show my dates").click()
    error = tab.locator("#planner-date-error")
    assert error.is_visible() and error.inner_text().startswith(BAD_DATES[bad])
    field = tab.locator("#planner-date")
    assert field.get_attribute("aria-invalid") == "true" and "planner-date-error" in field.get_attribute(
        "aria-describedby"
    )
    assert tab.evaluate("document.activeElement.id") == "planner-date"
    assert tab.locator(".planner__status").inner_text().startswith(BAD_DATES[bad])
    assert tab.locator(".planner__dates").inner_text() == before


def test_the_planner_is_used_by_keyboard_alone(site_page):
    tab = site_page(URL, width=1280)
    tab.locator("#planner-date").focus()
    tab.keyboard.type("11022026")  # month, day, year: Chromium's date box in the US English it runs in
    tab_to(tab, 'input[value="first"]')
    tab.keyboard.press("ArrowDown")  # to "A later treatment"
    tab_to(tab, ".planner__form button")
    tab.keyboard.press("Enter")
    assert tab.locator(".planner__dates li").first.inner_text() == "Monday, 25 January 2027 (next treatment 1)"
    tab_to(tab, ".planner__calendar")
    with tab.expect_download() as download:
        tab.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".ics")


def test_without_javascript_the_page_explains_the_dates_and_shows_no_form(site_page):
    tab = site_page(URL, javascript=False)
    assert not tab.locator(".planner").is_visible(), "a form that does nothing without JavaScript must not show"
    by_hand = tab.locator("#by-hand ~ p, #by-hand ~ ol").all_inner_texts()
    assert any("Add 12 weeks" in text for text in by_hand) and tab.get_by_text("every 84 days").is_visible()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_planner_with_its_dates_and_its_error_passes_axe(site_page, scheme):
    tab = site_page(URL, color_scheme=scheme)
    wait_for_color_scheme(tab, SCHEMES[scheme])
    show_dates(tab, "2026-11-02")
    tab.fill("#planner-date", "")
    tab.get_by_role("button", name="Show my dates").click()
    violations = axe_violations(tab)
    if scheme == "light":  # paper is white: Chromium prints no dark background
        tab.emulate_media(media="print")
        violations += axe_violations(tab)
    assert not violations, "\n".join(violations)


def test_printed_the_dates_show_and_the_form_does_not(site_page):
    tab = site_page(URL)
    show_dates(tab, "2026-11-02")
    tab.emulate_media(media="print")
    assert tab.locator(".planner__dates").is_visible() and tab.locator(".planner__check").is_visible()
    assert not tab.locator(".planner__form").is_visible() and not tab.locator(".planner__calendar").is_visible()
    assert not tab.locator("#by-hand").is_visible(), (
        "with the dates worked out, the way to work them out is not printed"
    )


def test_nothing_typed_leaves_the_browser(first_visit):
    load = first_visit(URL)
    stored = "() => JSON.stringify([{...localStorage}, {...sessionStorage}])"
    stored_before = load.page.evaluate(stored)  # Material's own settings
    requests_before = len(load.requests)
    show_dates(load.page, "2026-11-02")
    calendar_of(load.page)
    later = [request.url for request in load.requests[requests_before:] if not request.url.startswith("blob:")]
    assert later == [], f"using the planner made requests: {later}"
    assert load.page.evaluate(stored) == stored_before, "the planner keeps nothing"
    assert not load.errors
