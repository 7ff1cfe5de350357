from pathlib import Path

import pytest

from site_files import build


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
