"""Benchmark: the oversight pages under concurrent load (issue 4, "Speed").

Builds a demo council (`generate_demo`, which also fills the duty ledger), serves it with
gunicorn on 127.0.0.1 with production settings (DEBUG off, collected and hashed static files),
signs in over HTTP as the demo's staff, then drives each page with concurrent keep-alive
clients and measures, in the same run:
- a static file (the service's CSS, served by WhiteNoise) and the sign-in page (a page with
  the full layout and no data), as the floor;
- a personal adviser's worklist; a team manager's dashboard, one duty's overdue list, the
  exception report and caseloads; the head of service's whole-service dashboard; and any
  other page in the `oversight` namespace that takes no arguments (the scorecard, once built).

Client times are measured here; server times come from gunicorn's access log (%(D)s, from
reading the request to writing the response, so without the wait in the listen queue), and
the workers' CPU time per request from /proc (which, unlike wall time, hardly moves when other
work shares the cores). Each page is also fetched once in this process with Django's test
client to count its queries. The target is a median server time under 150 ms per dashboard
page. The figures print as a Markdown table for docs/performance.md.

Each run builds the council afresh (var/bench/dashboard-N/) unless --keep finds the one the
last run built; a kept council gets the daily sweep so its ledger is current.

Usage: uv run python bench/dashboard_load.py [--young-people 2500] [--clients 8] [--requests 200]
       [--workers 2] [--database PATH | --database postgres://…] [--keep] [--profile PAGE]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import hashlib
import http.client
import math
import os
import platform
import pstats
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, bench_env, generate_council, manage  # noqa: E402

TARGET_MS = 150.0
KNOWN = {"worklist", "dashboard", "caseloads", "exceptions", "duty-exceptions"}


@dataclass
class Page:
    key: str  # sent as the X-Bench-Page header, to find its lines in the access log
    label: str
    user: str | None  # a demo sign-in; None for anonymous
    path: str
    heading: str | None  # a regular expression the page's <h1> must match; None: any <h1>
    dashboard: bool = True  # held to the target
    found: bool = False  # discovered in the URL conf: driven only if some demo user gets it

    def check(self, body: bytes, encoding: str | None) -> bool:
        if not self.dashboard and self.heading is None:
            return bool(body)
        if encoding == "gzip":
            body = gzip.decompress(body)
        found = re.search(rb"<h1[^>]*>\s*(.*?)</h1>", body, re.S)
        return bool(found) and (self.heading is None or re.match(self.heading, found.group(1).decode()) is not None)


@dataclass
class Result:
    page: Page
    latencies: list[float] = field(default_factory=list)  # ms, successful requests only
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    size: int = 0
    server: list[float] = field(default_factory=list)  # ms, from the access log
    cpu_ms: float = 0.0  # gunicorn workers' CPU time (user + system) per request
    queries: int | None = None
    sql_ms: float | None = None

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())


class Client:
    """One keep-alive connection, reopened when the server closes it (gunicorn's sync workers
    close after every response, as they do behind a proxy)."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None) -> None:
        self.port, self.cookies, self.conn = port, dict(cookies or {}), None

    def request(self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None):  # noqa: ANN201
        headers = {"Accept-Encoding": "gzip", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt == 2 or not reused:
                    raise
                continue
            if response.will_close:
                self.conn.close()
                self.conn = None
            for value in response.headers.get_all("Set-Cookie") or []:
                self.cookies.update({k: m.value for k, m in SimpleCookie(value).items()})
            return response.status, response.headers, data
        raise AssertionError("unreachable")


def sign_in(port: int, username: str, password: str) -> dict[str, str]:
    client = Client(port)
    _, _, page = client.request("GET", "/sign-in")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        raise SystemExit("The sign-in page has no CSRF token.")
    form = urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "username": username, "password": password})
    status, headers, _ = client.request(
        "POST", "/sign-in", form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    if status != 302 or "sessionid" not in client.cookies:
        raise SystemExit(f"Could not sign in as {username}: HTTP {status} (to {headers.get('Location')}).")
    return client.cookies


def drive(port: int, page: Page, cookies: dict[str, str], count: int, clients: int, phase: str) -> Result:
    """`count` requests for the page from `clients` threads at once, each on its own connection."""
    result, lock, issued = Result(page), threading.Lock(), [0]

    def one_client() -> None:
        client = Client(port, cookies)
        while True:
            with lock:
                if issued[0] >= count:
                    return
                issued[0] += 1
            started = time.perf_counter()
            try:
                status, headers, body = client.request("GET", page.path, headers={"X-Bench-Page": f"{page.key}:{phase}"})
            except (OSError, http.client.HTTPException) as problem:
                with lock:
                    result.errors[f"{type(problem).__name__}: {problem}"] += 1
                continue
            ms = (time.perf_counter() - started) * 1000
            with lock:
                if status != 200:
                    result.errors[f"HTTP {status} {headers.get('Location') or ''}".strip()] += 1
                elif not page.check(body, headers.get("Content-Encoding")):
                    result.errors[f"HTTP 200 without the expected heading ({page.heading or 'any'})"] += 1
                else:
                    result.latencies.append(ms)
                    result.size = len(body)

    threads = [threading.Thread(target=one_client) for _ in range(min(clients, count))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


# -- the council, the server and the pages -------------------------------------------------------


def prepare(args: argparse.Namespace) -> dict[str, str]:
    extra = {"LEAVINGCARE_DEBUG": "false", "LEAVINGCARE_SECURE_COOKIES": "false", "LEAVINGCARE_LOG_LEVEL": "WARNING"}
    database = args.database or os.environ.get("DATABASE_URL")
    if database:
        extra["DATABASE_URL"] = database if "://" in database else f"sqlite:///{Path(database).resolve()}"
    # Each database has its own folder (sign-in file, static files, logs), named by a digest so
    # that a PostgreSQL password is not written to disk.
    where = "-" + hashlib.sha256(extra["DATABASE_URL"].encode()).hexdigest()[:12] if database else ""
    env = bench_env(f"dashboard-{args.young_people}{where}", **extra)
    var = Path(env["LEAVINGCARE_VAR_DIR"])
    marker, wanted = var / "built", f"{args.young_people} {where or 'var'}"
    keep = args.keep and marker.exists() and marker.read_text() == wanted and (var / "demo-sign-in.txt").exists()
    if not keep and not database:  # the scratch file starts empty, whatever migrations it saw before
        for suffix in ("", "-wal", "-shm"):
            (var / f"leavingcare.sqlite3{suffix}").unlink(missing_ok=True)
    manage(env, "migrate", "--no-input", "-v", "0")
    if keep:
        print("reusing the council built earlier; bringing its ledger up to today (the daily sweep)", flush=True)
        manage(env, "recompute_duties", "--sweep", quiet=True)
    else:
        marker.unlink(missing_ok=True)
        generate_council(env, args.young_people)
        marker.write_text(wanted)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], args: argparse.Namespace, access_log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    access_log.unlink(missing_ok=True)
    command = [
        sys.executable, "-m", "gunicorn", "leavingcare.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", str(args.workers), "--worker-class", args.worker_class, "--log-level", "warning",
        "--access-logfile", str(access_log), "--access-logformat", "%({x-bench-page}i)s %(s)s %(D)s",
    ]
    if args.worker_class == "gthread":
        command += ["--threads", str(args.threads)]
    error_log = open(access_log.with_name("gunicorn-errors.log"), "w")  # noqa: SIM115 - outlives this call
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=error_log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {server.returncode}); see {error_log.name}")
        try:
            if Client(port).request("GET", "/sign-in")[0] == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def discover(env: dict[str, str]) -> tuple[str, list[Page]]:
    """The demo's password and the pages to drive, found in the database and the URL conf."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db.models import Count
    from django.urls import get_resolver, reverse
    from django.utils import timezone
    from markupsafe import escape

    from accounts.models import User
    from duties.ledger import DUTIES_BY_CODE
    from duties.models import DutyLedgerRow
    from people.access import visible_young_people

    sign_in_file = Path(env["LEAVINGCARE_VAR_DIR"]) / "demo-sign-in.txt"
    password = next(line.split(": ", 1)[1] for line in sign_in_file.read_text().splitlines() if line.startswith("Password: "))
    manager = User.objects.get(username="manager.demo")
    overseen = visible_young_people(manager, timezone.localdate()).filter(closed_on__isnull=True)
    busiest = (
        DutyLedgerRow.objects.filter(young_person__in=overseen, state="overdue")
        .values("duty_code").annotate(n=Count("id")).order_by("-n").first()
    )
    pages = [Page("worklist", "My worklist (personal adviser)", "pa.demo", reverse("oversight:worklist"), "My worklist")]
    pages.append(Page("dashboard-team", "Dashboard (team manager)", "manager.demo", reverse("oversight:dashboard"), "Dashboard"))
    if busiest:
        duty = DUTIES_BY_CODE[busiest["duty_code"]]
        path = reverse("oversight:duty-exceptions", args=[duty.code]) + "?state=overdue"
        label = f"Duty drill-down: {duty.code}, overdue ({busiest['n']} rows)"
        pages.append(Page("duty-overdue", label, "manager.demo", path, re.escape(str(escape(duty.title)))))
    pages.append(Page("exceptions", "Exception report (team manager)", "manager.demo", reverse("oversight:exceptions"),
                      "Exception report"))
    pages.append(Page("caseloads", "Caseloads (team manager)", "manager.demo", reverse("oversight:caseloads"), "Caseloads"))
    pages.append(Page("dashboard-service", "Dashboard (head of service)", "head.demo", reverse("oversight:dashboard"),
                      "Dashboard"))
    oversight = get_resolver().namespace_dict["oversight"][1]
    for name in sorted(n for n in oversight.reverse_dict if isinstance(n, str) and n not in KNOWN):
        try:
            path = reverse(f"oversight:{name}")
        except Exception:  # noqa: BLE001 - a page that needs arguments is not one we can drive blind
            continue
        if "-" not in name and "export" not in name:  # leaves out forms and actions: absence-new, scorecard-rebuild
            pages.append(Page(name, name.capitalize(), "head.demo", path, None, found=True))
    if not any(p.key == "scorecard" for p in pages):
        print("note: oversight:scorecard does not resolve yet, so the scorecard is not measured", flush=True)
    return password, pages


def count_queries(pages: list[Page], profile: str | None) -> tuple[list[Page], dict[str, tuple[int, float]]]:
    """One request per page through Django's test client: how many queries, and their time.
    A page found in the URL conf is tried as the head of service, then as the team manager,
    and left out if neither gets it."""
    from django.db import connection
    from django.test import Client as TestClient

    from accounts.models import User

    found, driven = {}, []
    for page in pages:
        for user in [page.user, "manager.demo"] if page.found else [page.user]:
            client = TestClient(HTTP_HOST="127.0.0.1", raise_request_exception=False)
            if user:
                client.force_login(User.objects.get(username=user))
            first = client.get(page.path)  # the first request pays for imports and compiling templates
            if first.status_code == 200:
                page.user = user
                break
        if page.found:
            if first.status_code != 200:
                print(f"note: {page.path} (oversight:{page.key}) answered HTTP {first.status_code}; not measured")
                continue
            page.label += f" ({user})"
        driven.append(page)
        if first.status_code != 200:
            print(f"note: {page.label} answered HTTP {first.status_code} in this process; queries not counted")
            continue
        timed: list[tuple[float, str]] = []

        def timer(execute, sql, params, many, context):  # noqa: ANN001, ANN202
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                timed.append(((time.perf_counter() - started) * 1000, sql))

        profiler = cProfile.Profile() if profile == page.key else None
        with connection.execute_wrapper(timer):
            if profiler:
                profiler.enable()
            client.get(page.path)
            if profiler:
                profiler.disable()
        found[page.key] = (len(timed), sum(ms for ms, _ in timed))
        if profiler:
            print(f"\nProfile of one request for {page.label} ({len(timed)} queries):")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            for ms, sql in sorted(timed, reverse=True)[:5]:
                print(f"  {ms:7.1f} ms  {sql[:400]}")
    connection.close()  # the server has the database to itself while it is measured
    return driven, found


def workers_cpu_seconds(master: int) -> float:
    """CPU time the gunicorn workers have used: unlike their wall time, it hardly grows when
    other work on the machine competes for the cores."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def server_times(access_log: Path) -> dict[str, list[float]]:
    times = defaultdict(list)
    for line in access_log.read_text().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].endswith(":measure") and parts[1] == "200":
            times[parts[0].removesuffix(":measure")].append(int(parts[2]) / 1000)
    return times


# -- reporting -----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else float("nan")


def machine() -> str:
    from django.db import connection

    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.machine())
    with connection.cursor() as cursor:
        cursor.execute("select sqlite_version()" if connection.vendor == "sqlite" else "show server_version")
        version = cursor.fetchone()[0]
    return (f"{os.cpu_count()} cores ({model}); Python {platform.python_version()}; "
            f"{connection.vendor} {version}; DEBUG off")


def report(results: list[Result], floor: Result) -> bool:
    floor_p50 = statistics.median(floor.latencies)
    print("\n| Page | Requests | Errors | Req/s | p50 ms | p95 ms | Max ms | Server median ms | "
          "Server CPU ms | p50 ÷ sign-in p50 | KB | Queries (SQL ms) | Under 150 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    passed = True
    for r in results:
        if not r.latencies:
            print(f"| {r.page.label} | {r.requests} | {sum(r.errors.values())} | – | – | – | – | – | – | – | – | – | **no answer** |")
            passed = passed and not r.page.dashboard
            continue
        p50 = statistics.median(r.latencies)
        server = statistics.median(r.server) if r.server else float("nan")
        verdict = ""
        if r.page.dashboard:
            met = server < TARGET_MS and not r.errors
            passed = passed and met
            verdict = "met" if met else "**not met**"
        queries = f"{r.queries} ({r.sql_ms:.1f})" if r.queries is not None else ""
        print(f"| {r.page.label} | {r.requests} | {sum(r.errors.values())} | {r.requests / r.seconds:.1f} | "
              f"{p50:.1f} | {percentile(r.latencies, 0.95):.1f} | {max(r.latencies):.1f} | {server:.1f} | {r.cpu_ms:.1f} | "
              f"{p50 / floor_p50:.1f} | {r.size / 1024:.0f} | {queries} | {verdict} |")
    for r in results:
        for problem, n in r.errors.most_common(5):
            print(f"errors on {r.page.label}: {n} × {problem}")
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--young-people", type=int, default=2500)
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients per page (default 8)")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per page first (default 20)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--worker-class", default="sync", choices=("sync", "gthread"))
    parser.add_argument("--threads", type=int, default=4, help="threads per worker with --worker-class gthread")
    parser.add_argument("--database", help="SQLite file or DATABASE_URL (default: var/bench/dashboard-N/)")
    parser.add_argument("--keep", action="store_true", help="reuse the council this benchmark built before")
    parser.add_argument("--profile", metavar="PAGE", help="print a cProfile of one request for this page key (worklist, dashboard-team, "
                        "duty-overdue, exceptions, caseloads, dashboard-service …), then stop")
    args = parser.parse_args()

    env = prepare(args)
    password, pages = discover(env)
    print(f"machine: {machine()}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    pages, queries = count_queries(pages, args.profile)
    if args.profile:
        return
    access_log = Path(env["LEAVINGCARE_VAR_DIR"]) / "gunicorn-access.log"
    server, port = start_server(env, args, access_log)
    try:
        sessions = {user: sign_in(port, user, password) for user in {p.user for p in pages if p.user}}
        _, _, sign_in_page = Client(port).request("GET", "/sign-in")
        css = re.search(rb'href="(/static/[^"]+\.css)"', sign_in_page)
        floor = [Page("sign-in", "Sign-in page (no data; the floor)", None, "/sign-in", "Sign in", dashboard=False)]
        if css:
            floor.insert(0, Page("css", f"Static CSS ({css.group(1).decode()})", None, css.group(1).decode(), None,
                                 dashboard=False))
        print(f"gunicorn: {args.workers} {args.worker_class} workers on 127.0.0.1:{port}; {args.clients} clients; "
              f"{args.requests} requests per page after {args.warmup} to warm up", flush=True)
        results = []
        for page in floor + pages:
            cookies = sessions.get(page.user, {})
            drive(port, page, cookies, args.warmup, args.clients, "warmup")
            cpu = workers_cpu_seconds(server.pid)
            last = drive(port, page, cookies, args.requests, args.clients, "measure")
            last.cpu_ms = (workers_cpu_seconds(server.pid) - cpu) * 1000 / args.requests
            results.append(last)
            print(f"  {page.label}: {len(last.latencies)} answered, {sum(last.errors.values())} errors, "
                  f"{last.seconds:.1f} s; load average {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    timed = server_times(access_log)
    for r in results:
        r.server = timed.get(r.page.key, [])
        r.queries, r.sql_ms = queries.get(r.page.key, (None, None))
    passed = report(results, next(r for r in results if r.page.key == "sign-in"))
    print(f"\nTarget (median server time under {TARGET_MS:.0f} ms on every dashboard page): "
          f"{'met' if passed else 'NOT met'}")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
