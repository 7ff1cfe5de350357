import re

from site_tools.site_files import ROOT


def readme_commands():
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_ci_runs_the_readmes_test_command_word_for_word():
    test_command = next(command for command in readme_commands() if "pytest" in command)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


# tests/test_preview.py shows that `mkdocs serve` serves every page; this, that the README says to run it.
def test_the_readmes_preview_command_is_mkdocs_serve():
    assert any(command.endswith("mkdocs serve") for command in readme_commands()), (
        "README.md: no ```sh block ends with `mkdocs serve`: keep the preview command under "
        '"Set-up: two commands" ending with `.venv/bin/mkdocs serve`'
    )
