def test_the_strict_build_passes_without_warnings(build_result):
    log = build_result.stderr
    assert build_result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)
