"""The DfE's own checks on an SSDA903 return, run by the validator councils already use.

`csc-validator-be-903` (module `lac_validator`) pins old pandas and numpy, so it lives in its
own virtual environment, `.venv-903`, made by scripts/lib/setup.sh from the hashed
`ssda903/validator-requirements.txt`, and runs here as a subprocess.

Why a small driver rather than the package's command lines (read in .venv-903, v0.1.17):
`python -m lac_validator run-offline` imports pytest (not a dependency) and always checks
collection year 2023; `prpc run lac_validate … --app rpc_main:app`, the entry point the
DfE tool's front end calls, takes the year but fails with "No objects to concatenate" when a
return has no errors at all. This file is therefore also the driver: run by the validator's
own Python (`python -I validator.py request.json result.json`) it calls the same functions
rpc_main.lac_validate calls (LacValidator, Report, create_issue_df), and writes the issues,
the rules that could not run and the rules skipped for want of a table as JSON. For XML it
also leaves out the column-less tables the XML reader makes for absent tables, which
otherwise stop the report (see ``_drive``).

The top of the file imports only the standard library, because the driver half runs in the
validator's environment, which has no Django.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

VENV_NAME = ".venv-903"
DEFAULT_TIMEOUT_SECONDS = 300


class ValidatorUnavailable(RuntimeError):
    """The validator's environment is missing or broken: an administrator must set it up."""


class ValidatorFailed(RuntimeError):
    """The validator ran but could not check the files (it says why)."""


@dataclass(frozen=True, slots=True)
class Issue:
    """One failed check: a DfE rule, the child and the field it points at.

    ``row`` is the 0-based row of ``table`` in the file as sent (the validator's RowID);
    ``table`` ends in "_last" when the problem is in the previous year's files.
    """

    rule: str
    message: str
    child: str
    table: str
    field: str
    row: int | None


@dataclass(frozen=True, slots=True)
class Result:
    issues: tuple[Issue, ...]
    failed_rules: tuple[str, ...]  # rules that raised an error on these files: not checked
    skipped_rules: tuple[str, ...]  # rules that need a table we do not send
    rules_in_set: int
    collection_year: int
    seconds: float
    validator_version: str = ""
    messages: dict[str, str] = field(default_factory=dict)  # rule -> message, for failed/skipped rules

    @property
    def error_count(self) -> int:
        return len({(i.rule, i.table, i.row) for i in self.issues})


def venv_python(base: Path | None = None) -> Path:
    """The validator environment's Python (LEAVINGCARE_VALIDATOR_903_PYTHON overrides the place)."""
    override = os.environ.get("LEAVINGCARE_VALIDATOR_903_PYTHON")
    if override:
        return Path(override)
    base = base or Path(__file__).resolve().parent.parent
    return base / VENV_NAME / "bin" / "python"


def run_validator(
    this_year: dict[str, bytes],
    collection_year: int,
    previous_year: dict[str, bytes] | None = None,
    local_authority: str = "",
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    python: Path | None = None,
) -> Result:
    """Check the files (name -> content; all .csv or one .xml per year) with the DfE rules
    for ``collection_year`` (2026 = 2025-26, rule set lac2025_26)."""
    python = python or venv_python()
    if not python.exists():
        raise ValidatorUnavailable(
            f"The DfE validator is not installed ({python} is missing). Run scripts/demo or scripts/test, or "
            "ask an administrator to run the set-up, which creates it from ssda903/validator-requirements.txt."
        )
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ssda903-check-") as folder:
        root = Path(folder)
        request = {
            "this_year": _write(root / "this-year", this_year),
            "prev_year": _write(root / "previous-year", previous_year or {}),
            "collection_year": str(collection_year),
            "local_authority": local_authority,
        }
        (root / "request.json").write_text(json.dumps(request))
        try:
            done = subprocess.run(
                [str(python), "-I", str(Path(__file__).resolve()), str(root / "request.json"),
                 str(root / "result.json")],
                cwd=root, capture_output=True, text=True, timeout=timeout, check=False,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": folder, "LANG": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired:
            raise ValidatorFailed(f"The DfE validator did not finish within {timeout:.0f} seconds.") from None
        except OSError as error:
            raise ValidatorUnavailable(f"The DfE validator could not be started: {error}") from None
        result_file = root / "result.json"
        if done.returncode != 0 or not result_file.exists():
            raise ValidatorFailed(_last_words(done.stderr) or f"The DfE validator stopped (exit {done.returncode}).")
        raw = json.loads(result_file.read_text())
    if raw.get("refused"):
        raise ValidatorFailed(f"The DfE validator could not read the files: {raw['refused']}")
    return Result(
        issues=tuple(
            Issue(rule=str(i["rule_code"]), message=i["rule_description"] or "", child=str(i["child_id"] or ""),
                  table=i["tables_affected"], field=i["columns_affected"] or "",
                  row=None if i["row_id"] is None else int(i["row_id"]))
            for i in raw["issues"]
        ),
        failed_rules=tuple(raw["failed_rules"]),
        skipped_rules=tuple(raw["skipped_rules"]),
        rules_in_set=raw["rules_in_set"],
        collection_year=collection_year,
        seconds=round(time.monotonic() - started, 1),
        validator_version=raw.get("version", ""),
        messages=raw.get("messages", {}),
    )


def _write(folder: Path, files: dict[str, bytes]) -> list[str]:
    folder.mkdir()
    paths = []
    for name, content in sorted(files.items()):
        path = folder / Path(name).name
        path.write_bytes(content)
        paths.append(str(path))
    return paths


def _last_words(stderr: str) -> str:
    """The exception line at the end of a traceback, not the whole log."""
    lines = [line for line in stderr.strip().splitlines() if line and not line.startswith(("INFO:", "WARNING:"))]
    return lines[-1][:500] if lines else ""


# -- the driver: runs inside .venv-903 ---------------------------------------------------------


def _drive(request_path: str, result_path: str) -> None:  # pragma: no cover - runs in the validator's Python
    import logging
    from importlib.metadata import version

    logging.disable(logging.WARNING)  # the validator logs every rule at INFO and pandas warns freely
    from lac_validator import lac_validator as engine
    from lac_validator.report import Report
    from lac_validator.rules.ruleset_utils import get_year_ruleset
    from lac_validator.types import UploadError
    from lac_validator.utils import process_uploaded_files

    # The XML reader makes a table with no columns for every table the file has no rows for
    # (AD1, Reviews, OC2 …); 122 rules then fail on them and the report step stops with a
    # KeyError. Leave such tables out, as the CSV reader does when there is no file for them.
    read = engine.read_from_text

    def read_without_empty_tables(raw_files):  # noqa: ANN001, ANN202
        tables, extras = read(raw_files)
        return {name: table for name, table in tables.items() if len(table.columns)}, extras

    engine.read_from_text = read_without_empty_tables
    request = json.loads(Path(request_path).read_text())
    uploads = {"This year": request["this_year"]}
    if request["prev_year"]:
        uploads["Prev year"] = request["prev_year"]
    registry = get_year_ruleset(request["collection_year"])
    out: dict = {"version": version("csc-validator-be-903"), "rules_in_set": len(registry)}
    try:
        checked = engine.LacValidator(
            metadata={"collectionYear": request["collection_year"], "localAuthority": request["local_authority"]},
            files=process_uploaded_files(uploads),
            registry=registry,
        )
    except UploadError as error:
        out["refused"] = str(error)
        Path(result_path).write_text(json.dumps(out))
        return
    report = Report(checked.ds_results, registry)
    issues = []
    if any(column.startswith("ERR_") for column in report.report.columns):
        frame = engine.create_issue_df(report.report, report.error_report)
        frame = frame.astype(object).where(frame.notna(), None)
        issues = frame.to_dict("records")
    out.update(
        issues=issues,
        failed_rules=sorted(str(code) for code in checked.fails),
        skipped_rules=sorted(str(code) for code in checked.skips),
        messages={str(code): str(registry[code].message) for code in (*checked.fails, *checked.skips)},
    )
    Path(result_path).write_text(json.dumps(out, default=str))


if __name__ == "__main__":  # pragma: no cover
    _drive(sys.argv[1], sys.argv[2])
