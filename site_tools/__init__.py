"""Code that the build's hooks, the tests and the command-line tools share.

The hooks (overrides/hooks/, importable as `site_hooks`) import their shared names from here and
never from each other; the tests and tools import from both. Each tool runs as
`python -m site_tools.<name>` (README.md lists them).
"""
