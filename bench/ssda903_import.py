"""Benchmark: importing a whole SSDA903 return (issue 5 §1).

Generates (once, cached under var/bench/ssda903-import/return-<children>) a synthetic
return as the four CSV files the DfE accepts: Header, Episodes (2 or 3 each), UASC (about
1 in 20) and OC3 (about 2 in 5), for the 2025 to 2026 collection year. Then, in a fresh
scratch SQLite database, measures the import as the pages run it:

- parse + validate: reading and checking every row, no database;
- check: parse + validate + compare with the (empty) records + store the preview;
- import: read again, compare and write everything in one transaction;
- check again: the same files over the imported records (everything unchanged);
- peak memory (RSS) of this process, and Python's own peak while parsing (tracemalloc).

Usage: uv run python bench/ssda903_import.py [--children 100000] [--regenerate]
Prints its figures; paste them into docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, bench_env, manage  # noqa: E402

YEAR_START = dt.date(2025, 4, 1)
YEAR_END = dt.date(2026, 3, 31)
PLACES = ("U1", "U3", "U4", "U6", "K2", "R1", "P1", "S1")
PROVIDERS = ("PR1", "PR2", "PR4", "PR5")
EXITS = ("E4A", "E5", "E6", "E8", "E13", "E17", "E45")
ETHNIC = ("WBRI", "WOTH", "MWBC", "AIND", "BAFR", "BCRB", "OOTH")
ACTIV = ("F1", "F2", "P2", "F4", "F5", "G4", "G5", "G6")
ACCOM = ("B1", "D1", "E1", "K1", "U1", "U2", "Z1", "T1", "S2")


def _day(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def generate(folder: Path, children: int) -> None:
    """Write header.csv, episodes.csv, uasc.csv and oc3.csv for `children` children."""
    rng = random.Random(903)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "header.csv").open("w") as header, (folder / "episodes.csv").open("w") as episodes, \
            (folder / "uasc.csv").open("w") as uasc, (folder / "oc3.csv").open("w") as oc3:
        header.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")
        episodes.write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n")
        uasc.write("CHILD,SEX,DOB,DUC\n")
        oc3.write("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n")
        for n in range(children):
            child = f"B{n:07d}"
            sex = rng.choice("MF")
            dob = _between(rng, dt.date(2004, 4, 1), dt.date(2013, 3, 31))
            header.write(f"{child},{sex},{_day(dob)},{rng.choice(ETHNIC)},,{'0' if sex == 'F' else ''},\n")
            start = max(dob + dt.timedelta(days=400), _between(rng, dt.date(2021, 1, 1), dt.date(2024, 12, 31)))
            ends = sorted(_between(rng, YEAR_START, YEAR_END - dt.timedelta(days=2)) for _ in range(rng.choice((1, 2))))
            if len(ends) == 2 and ends[0] == ends[1]:
                ends = ends[:1]
            legal = rng.choice(("C2", "V2", "C1"))
            stops: list[dt.date | None] = [*ends, None if rng.random() < 0.5 else YEAR_END]
            for index, stop in enumerate(stops):
                last = index == len(stops) - 1
                rec = "" if stop is None else (rng.choice(EXITS) if last else "X1")
                episodes.write(
                    f"{child},{_day(start)},{'S' if index == 0 else 'P'},{legal},N{rng.randint(1, 8)},"
                    f"{rng.choice(PLACES)},{rng.choice(PROVIDERS)},{_day(stop) if stop else ''},{rec},"
                    f"{'' if index == 0 else 'CARPL'},NE1 4,NE{rng.randint(1, 9)} 2,\n"
                )
                if stop is not None:
                    start = stop
            if rng.random() < 0.05:
                uasc.write(f"{child},{sex},{_day(dob)},{_day(dob.replace(year=dob.year + 18) if dob.month != 2 or dob.day != 29 else dob.replace(year=dob.year + 18, day=28))}\n")
            if rng.random() < 0.4:
                oc3.write(f"{child},{_day(dob)},YES,{rng.choice(ACTIV)},{rng.choice(ACCOM)}\n")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(folder: Path) -> None:
    env = bench_env("ssda903-import")
    var = Path(env["LEAVINGCARE_VAR_DIR"])
    for leftover in ("leavingcare.sqlite3", "leavingcare.sqlite3-wal", "leavingcare.sqlite3-shm", "documents"):
        target = var / leftover
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    manage(env, "migrate", "--no-input", "-v", "0")
    os.environ.update(env)
    import django

    django.setup()
    from django.core.files.storage import default_storage
    from django.db import connection

    from accounts.models import Role, Team, User
    from people.models import CareEpisode, YoungPerson
    from ssda903 import importing_run, spec
    from ssda903.importing import Upload, check_return, read_return
    from ssda903.models import ImportRun
    from ssda903.parse import Problems

    team = Team.objects.create(name="Benchmark team")
    admin = User.objects.create(username="bench-admin", role=Role.ADMINISTRATOR)
    names = ("header.csv", "episodes.csv", "uasc.csv", "oc3.csv")
    uploads = [Upload(name, lambda name=name: (folder / name).open("rb")) for name in names]
    size_mb = sum((folder / name).stat().st_size for name in names) / 1e6

    def parse() -> int:
        problems = Problems()
        data = read_return(uploads, spec.CollectionYear(2026), problems)
        check_return(data, problems)
        assert not problems, problems.kept[:5]
        return data.rows_read

    started, started_cpu = time.perf_counter(), time.process_time()
    with importing_run._without_gc():  # as the import's tasks run it
        rows = parse()
    parse_seconds = time.perf_counter() - started
    parse_cpu = time.process_time() - started_cpu

    stored = []
    for name in names:
        with (folder / name).open("rb") as source:
            stored.append({"name": name, "stored": default_storage.save(f"ssda903/bench/{name}", source)})
    run = ImportRun.objects.create(key="bench", collection_year=2026, file_format="csv", files=stored, team=team,
                                   uploaded_by=admin)

    peaks = {"parse": _peak_mb()}

    cpu: dict[str, float] = {}

    def step(task, status: str, name: str) -> float:  # noqa: ANN001
        began, began_cpu = time.perf_counter(), time.process_time()
        outcome = task.call(run.pk)
        assert outcome == status, (outcome, ImportRun.objects.get(pk=run.pk).message)
        peaks[name] = _peak_mb()
        cpu[name] = time.process_time() - began_cpu
        return time.perf_counter() - began

    check_seconds = step(importing_run.check_import, ImportRun.Status.CHECKED, "check")
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CONFIRMED, confirmed_by=admin)
    import_seconds = step(importing_run.import_return, ImportRun.Status.IMPORTED, "import")
    counts = ImportRun.objects.get(pk=run.pk).counts
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CHECKING)
    again_seconds = step(importing_run.check_import, ImportRun.Status.CHECKED, "check again")
    again = ImportRun.objects.get(pk=run.pk).counts
    written = sum(counts[k] for k in counts if k.endswith(("_new", "_changed")))

    print(f"database: {connection.vendor}; files: {size_mb:,.1f} MB; rows: {rows:,} "
          f"({len(YoungPerson.objects.all()):,} children, {CareEpisode.objects.count():,} episodes)")
    def rate(seconds: float, cpu_seconds: float) -> str:
        return (f"{seconds:.1f} s, {rows / seconds:,.0f} rows/s "
                f"(CPU time of this process {cpu_seconds:.1f} s, {rows / cpu_seconds:,.0f} rows/s)")

    print("parse + validate (no database): " + rate(parse_seconds, parse_cpu))
    print("check (parse, validate, compare with the records, store the preview): " + rate(check_seconds, cpu["check"]))
    print(f"import (read again, compare, write {written:,} records + audit in one transaction): "
          + rate(import_seconds, cpu["import"]))
    print("total, upload to imported (check + import): "
          + rate(check_seconds + import_seconds, cpu["check"] + cpu["import"]) + "; target 20,000 rows/s")
    print("check again over the imported records: " + rate(again_seconds, cpu["check again"])
          + f"; unchanged: {again['people_unchanged']:,} people, {again['episodes_unchanged']:,} episodes; "
          f"changes: {again['children_with_changes']}")
    print("peak memory (RSS) of this process, after each step: "
          + "; ".join(f"{name} {mb:,.0f} MB" for name, mb in peaks.items()))
    tracemalloc.start()  # last, as tracing slows Python down and costs memory of its own
    parse()
    _, parse_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"of which the parsed return held by Python (tracemalloc peak while parsing): {parse_peak / 2**20:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    folder = ROOT / "var" / "bench" / "ssda903-import" / f"return-{args.children}"
    if args.regenerate or not (folder / "oc3.csv").exists():
        started = time.perf_counter()
        generate(folder, args.children)
        print(f"generated a return of {args.children:,} children in {time.perf_counter() - started:.0f} s")
    measure(folder)


if __name__ == "__main__":
    main()
