"""A bounded load test of the production server: N logged-in users for T seconds over the
follow-up page, a line, a case and the review list, against the login page as reference.

    .venv/bin/python bench/load_test.py --var DIR [--database URL] [--users 5]
        [--seconds 10] [--workers 2] [--port 8765]

Issue 12's run: ``--users 20 --seconds 120`` on the Copenhagen-size database of
``bench/followup_stored.py --population 650000`` (same ``--var``/``--database``). The
script starts ``ramme serve --production`` itself on 127.0.0.1 only (never another host),
creates the bench users, stops the server at the end, and prints per page: requests,
errors, p50, p95 and p95 as a ratio to the login page's p95 in the same run.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path
from statistics import median
from urllib.parse import urlencode

HOST = "127.0.0.1"  # the only host this script talks to
PASSWORD = "bench-kode-123"


def _pages(database: str, var: Path, users: int) -> list[tuple[str, str]]:
    """The bench users, and the pages to request (name, path), from the database."""
    os.environ["RAMME_VAR"], os.environ["DATABASE_URL"] = str(var), database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django

    django.setup()
    from ramme.web.accounts.models import User

    for i in range(users):
        if not User.objects.filter(username=f"last{i}").exists():
            user = User.objects.create_user(f"last{i}", password=PASSWORD)
            user.role = "economist"
            user.save()
    return pages()


def pages() -> list[tuple[str, str]]:
    """The pages every page bench requests (name, path): login, follow-up, the first line,
    the first case and the review lists (Django set up, data imported)."""
    from ramme.web.data.models import ActivityLine, Measure

    line = ActivityLine.objects.order_by("position").first()
    measure = Measure.objects.order_by("measure_id").first()
    assert line is not None and measure is not None, "import data first"
    return [
        ("login", "/login/"),
        ("follow-up", "/prognose/"),
        ("line", f"/prognose/linje/{line.pk}/"),
        ("case", f"/prognose/indsats/{measure.measure_id}/"),
        ("reviews", "/handleplaner/opfoelgning/"),
    ]


class Session:
    """One user's cookies over plain HTTP to 127.0.0.1 (the server's cookies are 'secure',
    so a browser-like cookie jar would drop them; this one keeps them by hand)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=120)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        answer = conn.getresponse()
        text = answer.read().decode("utf-8", "replace")
        for value in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        conn.close()
        return answer.status, text

    def login(self, username: str) -> None:
        _, page = self.request("GET", "/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "no login form"
        form = {"csrfmiddlewaretoken": token.group(1), "username": username, "password": PASSWORD}
        status, _ = self.request("POST", "/login/", urlencode(form))
        assert status == 302, f"login of {username} answered {status}"


def _user(
    session: Session, pages: list[tuple[str, str]], until: float, out: list[tuple[str, float, bool]]
) -> None:
    i = 0
    while time.monotonic() < until:
        page, path = pages[i % len(pages)]
        start = time.perf_counter()
        try:
            status, _ = session.request("GET", path)
        except OSError:
            status = 0
        out.append((page, time.perf_counter() - start, status == 200))
        i += 1


def _server(port: int, workers: int, database: str, var: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "RAMME_VAR": str(var),
        "DATABASE_URL": database,
        "RAMME_SECRET_KEY": secrets.token_urlsafe(40),
        "RAMME_PSEUDONYM_KEY": secrets.token_urlsafe(40),  # nothing is imported by the test
        "RAMME_ALLOWED_HOSTS": HOST,
        "RAMME_SSL_REDIRECT": "0",
        "RAMME_LOG_LEVEL": "ERROR",
    }
    argv = [sys.executable, "-m", "ramme.cli", "serve", "--production"]
    argv += ["--host", HOST, "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    start = time.monotonic()
    while time.monotonic() - start < 300:  # collectstatic compresses the static files first
        if server.poll() is not None:
            raise SystemExit(f"the server stopped with code {server.returncode}")
        try:
            http.client.HTTPConnection(HOST, port, timeout=2).request("GET", "/login/")
            print(f"server started in {time.monotonic() - start:.1f} s", flush=True)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not start")


def _p95(values: list[float]) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _report(results: list[tuple[str, float, bool]], pages: list[tuple[str, str]]) -> None:
    by_page = {name: [r for r in results if r[0] == name] for name, _ in pages}
    login_p95 = _p95([s for _, s, _ in by_page["login"]]) or 1e-9
    print(f"{'page':<10} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'× login':>8}")
    for name, rows in by_page.items():
        seconds = [s for _, s, _ in rows] or [0.0]
        errors = sum(1 for *_, ok in rows if not ok)
        p50, p95 = median(seconds), _p95(seconds)
        print(
            f"{name:<10} {len(rows):>8} {errors:>6} {1000 * p50:>8.0f} {1000 * p95:>8.0f} "
            f"{p95 / login_p95:>8.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, required=True)
    parser.add_argument("--database", default=None, help="DATABASE_URL (default SQLite)")
    parser.add_argument("--users", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    var = args.var.resolve()
    database = args.database or f"sqlite:///{var / 'ramme.sqlite3'}"
    pages = _pages(database, var, args.users)
    server = _server(args.port, args.workers, database, var)
    results: list[tuple[str, float, bool]] = []
    try:
        # Every user logs in before the clock starts: on a busy machine the logins of 20
        # users on 2 freshly started workers took longer than a short run, which then
        # measured nothing.
        sessions = [Session(args.port) for _ in range(args.users)]
        for i, session in enumerate(sessions):
            session.login(f"last{i}")
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=_user, args=(session, pages, until, results))
            for session in sessions
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(f"{args.users} users for {args.seconds:.0f} s on {args.workers} workers ({database}):")
    _report(results, pages)


if __name__ == "__main__":
    main()
