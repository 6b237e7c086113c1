"""Probe: the figures of issue 13's probe, measured again on a scratch SQLite database.

Usage: .venv/bin/python bench/security_probe.py [--kills N] [--readers N] [--rows N]

1. every URL of the app fetched by every persona on hostile but valid data: 500s and
   unescaped markup (the same check as tests/web/security/test_hostile_data.py);
2. CPR hits: CPR numbers in every spelling in ids, names and free text; how many digits of
   them survive anywhere (every table, the log, the messages);
3. bad inputs: each one imported; handled = refused with file and reason, data unchanged;
4. kill -9 during a large import: the database intact and the import lock free afterwards;
5. readers during a large import: page errors, and what a second import is told.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="ramme-probe-"))
os.environ.update(
    RAMME_VAR=str(SCRATCH / "var"),
    DATABASE_URL=f"sqlite:///{SCRATCH / 'var' / 'ramme.sqlite3'}",
    DJANGO_SETTINGS_MODULE="ramme.web.settings",
)

SPELLINGS = ["010203 1236", "01.02.03-1237", "010203\u20101236", "111111\u00a01118",
             "121212-1212", "0101801234"]  # fmt: skip
BAD_INPUTS: list[tuple[str, str, str]] = [
    ("postings.csv", "19801.45", "99999999999999999999.99"),
    ("postings.csv", "19801.45", "1e400"),
    ("postings.csv", "19801.45", "12,34,56"),
    ("postings.csv", "2024-01-12", "9999-12-31"),
    ("postings.csv", "2024-01-12", "0001-01-01"),
    ("postings.csv", "2024-01-12", "31.02.2024"),
    ("postings.csv", "B2,", "010203-1236,"),
    ("postings.csv", ",1,FB,", ",7,FB,"),
    ("postings.csv", "B3,", "B2,"),
    ("postings.csv", ",M1,,P2", ",M9,,P2"),
    ("measures.csv", "2024-06-30", "9999-12-31"),
    ("measures.csv", "2023-05-01", "1899-12-31"),
    ("measures.csv", "M2,C2", "121212-1212-01,C2"),
    ("measures.csv", "M2,C2", "M2,C9"),
    ("measures.csv", ",OPH,", ",XYZ,"),
    ("children.csv", "C2,,", "111111-1118,,"),
    ("children.csv", "2012-06-01", "2012-13-01"),
    ("children.csv", ",150310-4123,", ",320310-4123,"),
    ("prices.csv", '"2.650,00"', '"1.000.000.000.000,00"'),
    ("prices.csv", ",day,", ",fortnight,"),
    ("prices.csv", "450,hour,6", "450,hour,"),
    ("prices.csv", "450,hour,6", "450,hour,99999"),
    ("price_index.csv", "2024,3.9", "2024,39999"),
    ("price_index.csv", "2024,3.9", "99999999999999,3.9"),
    ("budget.csv", "1000000", "99999999999999999999"),
    ("events.csv", "E2,", "01.02.03-1237,"),
    ("activities.csv", ",forebyggende,", ",ukendt,"),
    ("providers.csv", ",intern,", ",halvintern,"),
]


def _setup() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _dump() -> str:
    from django.apps import apps

    return repr([list(model._default_manager.order_by("pk").values()) for model in apps.get_models()
                 if model._meta.db_table not in ("accounts_auditevent", "data_importrun",
                                                 "django_session")])  # fmt: skip


def personas_and_urls() -> dict[str, int]:
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from ramme.web.data.services.importer import import_folder
    from tests.web.security import test_hostile_data as hostile
    from tests.web.test_import import write_folder

    assert import_folder(write_folder(SCRATCH / "hostile", hostile.HOSTILE)).ok
    urls, requests, bad = hostile._urls(), 0, 0
    for name in hostile.PERSONAS:
        client = hostile._client(name)
        for url in urls + (hostile._admin_urls() if name in ("erik", "root") else []):
            for query in hostile.QUERIES if "/hent/" not in url else hostile.QUERIES[:2]:
                response = client.get(url, query)
                requests += 1
                html = response["Content-Type"].startswith("text/html")
                bad += response.status_code >= 500 or (
                    html and hostile.MARKUP in response.content.decode(errors="replace")
                )
    return {"personas": len(hostile.PERSONAS), "urls": len(urls), "requests": requests,
            "500_or_unescaped": bad}  # fmt: skip


def cpr_hits() -> dict[str, int]:
    from ramme.web.data.services.importer import import_folder
    from tests.web.test_import import FILES, write_folder

    files = dict(FILES)
    files["prices.csv"] = files["prices.csv"].replace("ekstra støtte til 150310-4123",
                                                      " / ".join(SPELLINGS))  # fmt: skip
    files["postings.csv"] = files["postings.csv"].replace("FB 01/2024", SPELLINGS[2])
    outputs = []
    for folder, variant in (("cpr-text", files),
                            ("export_151515-1515", FILES)):  # fmt: skip
        result = import_folder(write_folder(SCRATCH / folder, variant))
        outputs += [repr(result), *map(str, result.errors), *result.warnings]
    log = SCRATCH / "var" / "probe.log"
    everything = _dump() + "".join(outputs) + (log.read_text() if log.exists() else "")
    from ramme.web.accounts.models import AuditEvent
    from ramme.web.data.models import ImportRun

    everything += repr(list(AuditEvent.objects.values())) + repr(list(ImportRun.objects.values()))
    digits = "".join(ch for ch in everything if ch.isdigit())
    hits = sum(digits.count("".join(c for c in cpr if c.isdigit())) for cpr in SPELLINGS)
    hits += digits.count("1515151515")
    return {"cpr_numbers_planted": len(SPELLINGS) + 1, "cpr_hits": hits}


def bad_inputs() -> dict[str, int]:
    from ramme.web.data.services.importer import import_folder
    from tests.web.test_import import FILES, write_folder

    handled = crashed = 0
    for i, (file, old, new) in enumerate(BAD_INPUTS):
        assert old in FILES[file], (file, old)
        files = dict(FILES) | {file: FILES[file].replace(old, new, 1)}
        before = _dump()
        try:
            result = import_folder(write_folder(SCRATCH / f"bad{i}", files))
        except Exception:
            crashed += 1
            continue
        named = all(e.file and e.reason for e in result.errors)
        handled += (not result.ok) and named and _dump() == before
    return {"bad_inputs": len(BAD_INPUTS), "handled": handled, "exceptions": crashed}


def _ramme(*args: str, stdout: int, stderr: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ramme.cli", *args],
        cwd=ROOT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=stdout,
        stderr=stderr,
    )


def _big(rows: int) -> Path:
    from tests.web.security.test_concurrency import _big_ledger

    return _big_ledger(SCRATCH / f"big{rows}", rows)


def kills(runs: int, rows: int) -> dict[str, int]:
    from tests.web.security.test_concurrency import _import_lock_held

    var, intact = SCRATCH / "var", 0
    big = _big(rows)
    for _ in range(runs):
        process = _ramme("import", str(big), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0.5, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        with sqlite3.connect(var / "ramme.sqlite3") as db:
            ok = db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            count = db.execute("SELECT count(*) FROM data_posting WHERE posting_id LIKE 'L%'")
            whole = count.fetchone()[0] in (0, rows)
        intact += ok and whole and not _import_lock_held(var)
    return {"kill9_runs": runs, "intact": intact}


def readers(count: int, rows: int) -> dict[str, object]:
    from ramme.web.accounts.services import create_user
    from tests.web.test_import import write_folder

    create_user("erik", "economist", "lang-kode-123")
    clients = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.web.security.concurrent_client",
                "erik",
                str(write_folder(SCRATCH / f"second{i}")),
            ],
            cwd=ROOT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        for i in range(count)
    ]
    for client in clients:
        assert client.stdout is not None and client.stdout.readline().strip() == "ready"
    from tests.web.security.test_concurrency import _import_lock_held

    big = _ramme("import", str(_big(rows)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while not _import_lock_held(SCRATCH / "var") and big.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)
    for client in clients:
        assert client.stdin is not None
        client.stdin.write("go\n")
        client.stdin.flush()
    seen = [json.loads(client.stdout.readline()) for client in clients if client.stdout]
    big.wait()
    pages = [p for s in seen for p in s["pages"]]
    return {"readers": count, "pages_during_import": len(pages),
            "page_errors": sum(p["status"] != 200 for p in pages),
            "slowest_page_s": round(max(p["seconds"] for p in pages), 2),
            "second_imports_told": sum(any("kører allerede" in e for e in s["second_import"])
                                       for s in seen),
            "big_import_ok": big.returncode == 0}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    _setup()
    figures: dict[str, object] = {}
    for step in (personas_and_urls, cpr_hits, bad_inputs):
        started = time.monotonic()
        figures |= step()
        print(f"{step.__name__}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    figures |= readers(args.readers, args.rows)
    figures |= kills(args.kills, args.rows)
    print(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
