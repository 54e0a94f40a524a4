"""The core's two hard rules: no Django, and no clock (ARCHITECTURE.md §1; EXEMPLARS §1, §4).

Both checks are themselves tested against code that breaks the rule, so a check that
silently stopped working would fail here rather than pass.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
REPO = PACKAGE.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# Reading the clock by any of these names makes a rule depend on when it runs.
CLOCK_ATTRIBUTES = frozenset({"today", "now", "utcnow", "monotonic", "monotonic_ns", "time_ns", "perf_counter"})
CLOCK_MODULES = frozenset({"time", "datetime"})


def clock_and_django_violations(source: str, filename: str = "<snippet>") -> list[str]:
    """Every clock read or Django import in ``source``, as "file:line: what"."""
    found: list[str] = []

    def report(node: ast.AST, what: str) -> None:
        found.append(f"{filename}:{getattr(node, 'lineno', '?')}: {what}")

    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "django" or alias.name.startswith("django."):
                    report(node, f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module == "django" or module.startswith("django."):
                report(node, f"from {module} import …")
            if module in CLOCK_MODULES:
                for alias in node.names:
                    if alias.name in CLOCK_ATTRIBUTES or (module == "time" and alias.name == "time"):
                        report(node, f"from {module} import {alias.name}")
        elif isinstance(node, ast.Attribute):
            if node.attr in CLOCK_ATTRIBUTES:
                report(node, f".{node.attr}")
            elif node.attr == "time" and isinstance(node.value, ast.Name) and node.value.id == "time":
                report(node, "time.time")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CLOCK_ATTRIBUTES:
            report(node, f"{node.func.id}()")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
            report(node, "__import__()")
    return found


def core_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "tests" not in p.relative_to(PACKAGE).parts)


def test_the_core_never_reads_the_clock_or_imports_django() -> None:
    modules = core_modules()
    assert PACKAGE / "categories.py" in modules and PACKAGE / "calendar.py" in modules
    violations = [
        v for path in modules for v in clock_and_django_violations(path.read_text(), str(path.relative_to(REPO)))
    ]
    assert violations == []


@pytest.mark.parametrize(
    "snippet",
    [
        "from datetime import date\nx = date.today()",
        "import datetime\nx = datetime.datetime.now()",
        "from datetime import datetime\nx = datetime.utcnow()",
        "import time\nx = time.time()",
        "import time\nx = time.monotonic()",
        "from time import monotonic\nx = monotonic()",
        "from time import time\nx = time()",
        "from datetime import datetime\nnow = datetime.now",
        "import django",
        "import django.conf",
        "from django.db import models",
        "from django import forms",
        "settings = __import__('django.conf')",
    ],
)
def test_the_scan_catches_each_kind_of_violation(snippet: str) -> None:
    assert clock_and_django_violations(snippet) != []


def test_the_scan_allows_dates_passed_in() -> None:
    """A parameter called ``today`` is how the date arrives; that is the point."""
    clean = (
        "from datetime import date, timedelta\n"
        "def check(dob: date, today: date) -> bool:\n"
        "    return dob <= today + timedelta(days=1)\n"
    )
    assert clock_and_django_violations(clean) == []


def run_lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", "pyproject.toml"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_import_linter_contract_is_kept() -> None:
    """The [tool.importlinter] contract in pyproject.toml: compliance must not import django."""
    # import-linter is a locked dev dependency: if it is missing the install is broken, so fail.
    assert LINT_IMPORTS.exists(), f"import-linter is not installed at {LINT_IMPORTS}: run scripts/test"
    result = run_lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken" in result.stdout or "0 broken" in result.stdout


def test_import_linter_contract_catches_a_django_import(tmp_path: Path) -> None:
    """The same contract, run on a copy of the package with one Django import added, fails."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    package = tmp_path / "compliance"
    package.mkdir()
    (package / "__init__.py").write_text('"""A core that breaks the rule."""\n')
    (package / "leaky.py").write_text("from django.conf import settings\n")
    result = run_lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
