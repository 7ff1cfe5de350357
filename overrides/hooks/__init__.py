"""The site's MkDocs hooks. mkdocs.yml loads each file by its path, in the order overrides/hooks/README.md
explains; the tests import them as `site_hooks` (pyproject.toml maps the name to this folder)."""
