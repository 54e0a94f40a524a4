"""What the benchmarks share: a scratch environment and a generated demo council to measure."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_env(name: str, **extra: str) -> dict[str, str]:
    """The environment for manage.py, gunicorn or django.setup(): its own var/bench/<name>."""
    var = ROOT / "var" / "bench" / name
    var.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="leavingcare.settings.base",
        LEAVINGCARE_VAR_DIR=str(var),
        LEAVINGCARE_SECRET_KEY="bench-" + "x" * 40,
        LEAVINGCARE_COUNCIL_NAME="Benchmark council",
        LEAVINGCARE_ALLOWED_HOSTS="127.0.0.1",
        **extra,
    )
    return env


def manage(env: dict[str, str], *args: str, quiet: bool = False) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def generate_council(env: dict[str, str], size: int, today: str | None = None) -> None:
    """A demo council of `size` young people in the service (plus a tenth again approaching 16),
    with full casework histories and the duty ledger filled, replacing whatever was there."""
    started = time.perf_counter()
    manage(
        env, "generate_demo", "--young-people", str(size), "--approaching-16", str(size // 10), "--reset",
        *(["--today", today] if today else []), quiet=True,
    )
    print(f"built a council of {size:,} young people in {time.perf_counter() - started:.0f} s", flush=True)
