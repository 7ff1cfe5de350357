"""Addresses that staff have sent to patients keep working: pages, sections and redirects."""

import pytest

from site_tools.link_check import read_site
from site_tools.published_urls import (
    PUBLISHED_URLS,
    check_published_urls,
    read_published_urls,
    redirect_maps,
    redirect_target,
    site_addresses,
)
from site_tools.site_files import ROOT, built_page, load_config, parsed_page

SITE_URL = load_config()["site_url"]
LISTING = PUBLISHED_URLS.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def site(site_dir):
    return read_site(site_dir, SITE_URL)[0]


def test_every_published_url_still_resolves(site):
    listed = read_published_urls()
    assert listed, f"{LISTING} is empty: run `.venv/bin/python -m site_tools.published_urls`"
    problems = check_published_urls(site, listed, LISTING)
    assert not problems, "\n".join(problems)


def test_every_page_and_section_is_in_the_published_url_list(site_dir):
    listed = {address for _, address in read_published_urls()}
    unlisted = [address for address in site_addresses(site_dir) if address not in listed]
    assert not unlisted, (
        f"new addresses that are not in {LISTING} yet: {unlisted}; run "
        "`.venv/bin/python -m site_tools.published_urls`, review the change with `git diff` and commit it"
    )


@pytest.mark.parametrize(
    "address, fix",
    [
        (
            "/treatment/",
            "if the page was renamed or removed, add `old-name.md: new-name.md` under `redirects: redirect_maps:` in mkdocs.yml",
        ),
        (
            "/side-effects/#common-effects",
            "put `{#common-effects}` back on the heading in the page at /side-effects/, or on the heading that now holds that section",
        ),
    ],
    ids=["removed-page", "removed-anchor"],
)
def test_a_removed_published_url_fails_naming_the_line_and_the_fix(site, address, fix):
    assert check_published_urls(site, [(7, address)], LISTING) == [
        f"{LISTING}:7: {address} no longer works, and staff may have sent it to patients: {fix}"
    ]


def test_mkdocs_yml_has_at_least_one_redirect():
    assert redirect_maps(), "keep the `redirects` plugin with its map in mkdocs.yml"


@pytest.mark.parametrize("old, new", redirect_maps().items())
def test_every_redirect_lands_on_an_existing_page(site, site_dir, old, new):
    old_file = built_page(site_dir, old).relative_to(site_dir).as_posix()
    new_file = built_page(site_dir, new).relative_to(site_dir).as_posix()
    assert new_file in site.ids, f"mkdocs.yml redirects {old} to {new}, which is not a page: fix the map"
    assert redirect_target(site, old_file) == new_file


@pytest.mark.parametrize("old, new", redirect_maps().items())
def test_a_fragment_survives_a_redirect(site, site_dir, old, new):
    script = parsed_page(site_dir, old).css_first("script").text()
    assert "window.location.hash" in script, f"the redirect page for {old} drops the #section of the address"
    old_url = site.url_of(built_page(site_dir, old).relative_to(site_dir).as_posix())
    new_page = built_page(site_dir, new).relative_to(site_dir).as_posix()
    sections = sorted(site.ids[new_page] & {address.partition("#")[2] for _, address in read_published_urls()})
    assert sections, f"{new} has no published sections to test the redirect with"
    through_redirect = [(number, f"{old_url}#{section}") for number, section in enumerate(sections, start=1)]
    assert check_published_urls(site, through_redirect, LISTING) == []
    assert check_published_urls(site, [(1, f"{old_url}#no-such-section")], LISTING) == [
        f"{LISTING}:1: {old_url}#no-such-section no longer works, and staff may have sent it to patients: put "
        f"`{{#no-such-section}}` back on the heading in the page at {site.url_of(new_page)}, or on the heading "
        "that now holds that section"
    ]
