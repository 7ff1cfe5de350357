from pathlib import Path

import pytest

from site_files import build


def pytest_addoption(parser):
    parser.addoption(
        "--check-external-links",
        action="store_true",
        help="also fetch every external link (needs the internet; successes are cached in .cache/ for a week)",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "external_links: fetches external links; runs only with --check-external-links")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--check-external-links"):
        return
    skip = pytest.mark.skip(reason="needs the internet: run pytest with --check-external-links")
    for item in items:
        if "external_links" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    """The site built once per test session with the production config, strictly."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(site_dir)
    result.site_dir = site_dir
    return result


@pytest.fixture(scope="session")
def site_dir(build_result) -> Path:
    if build_result.returncode != 0:
        pytest.fail(f"the site does not build:\n{build_result.stderr}", pytrace=False)
    return build_result.site_dir
