"""Production mode: it refuses to start without its environment, passes Django's deploy
check, and gunicorn (two workers) serves the login page and its stylesheet."""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from django.core.exceptions import ImproperlyConfigured

from ramme.web.front.management.commands.serve import Command, gunicorn_argv
from ramme.web.production import REQUIRED, proxy_ssl_header

BEHIND_PROXY = {"X-Forwarded-Proto": "https"}  # what nginx sends (docs/deploy.md)


def ramme(*args: str) -> list[str]:
    return [sys.executable, "-m", "ramme.cli", *args]


def clean_environment(var: Path) -> dict[str, str]:
    """This process's environment without ramme's or Django's settings, and a fresh RAMME_VAR.

    (The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses.)
    """
    own = ("RAMME_", "DATABASE_URL", "DJANGO_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    return {**env, "RAMME_VAR": str(var)}


def production_environment(var: Path) -> dict[str, str]:
    return {
        **clean_environment(var),
        "RAMME_SECRET_KEY": secrets.token_urlsafe(50),
        "RAMME_PSEUDONYM_KEY": secrets.token_hex(32),
        "RAMME_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{var / 'ramme.sqlite3'}",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_production_refuses_to_start_without_its_environment(tmp_path: Path) -> None:
    result = subprocess.run(
        ramme("serve", "--production"), env=clean_environment(tmp_path),
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "kan ikke starte i driftstilstand" in result.stderr
    assert all(name in result.stderr for name in REQUIRED)
    assert not list(tmp_path.glob("*.key"))  # no secret generated as dev mode would


def test_production_refuses_a_short_secret_key(tmp_path: Path) -> None:
    env = {**production_environment(tmp_path), "RAMME_SECRET_KEY": "kort"}
    result = subprocess.run(ramme("serve", "--production"), env=env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2 and "RAMME_SECRET_KEY er for kort" in result.stderr


def test_deploy_check_reports_nothing_in_production(tmp_path: Path) -> None:
    env = {**production_environment(tmp_path), "RAMME_PRODUCTION": "1"}
    result = subprocess.run(ramme("check", "--deploy", "--fail-level", "WARNING"), env=env,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_local_login_off_without_single_sign_on_is_refused(tmp_path: Path) -> None:
    env = {**clean_environment(tmp_path), "RAMME_LOCAL_LOGIN": "0"}
    result = subprocess.run(ramme("check"), env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "RAMME_LOCAL_LOGIN=0 kræver single sign-on" in result.stderr


@pytest.fixture(scope="module")
def production_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``ramme serve --production --workers 2`` on a free port; its address once it answers."""
    tmp_path = tmp_path_factory.mktemp("production")
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        ramme("serve", "--production", "--workers", "2", "--port", str(port)),
        env=production_environment(tmp_path), stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_it_answers(url, server, tmp_path / "server.log")
        yield url
        assert not list(tmp_path.glob("*.key"))  # every secret came from the environment
    finally:
        server.send_signal(signal.SIGTERM)  # as systemd stops it
        assert server.wait(timeout=60) == 0, (tmp_path / "server.log").read_text()
        log.close()


def _wait_until_it_answers(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120  # migrating a fresh database takes a while
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text()
        try:
            requests.get(f"{url}/login/", timeout=5, allow_redirects=False)
            return
        except (requests.ConnectionError, requests.Timeout):  # not up yet, or still starting
            time.sleep(0.5)
    raise AssertionError("the production server did not answer:\n" + log.read_text())


@pytest.mark.slow
def test_gunicorn_serves_the_login_page_and_its_stylesheet(production_server: str) -> None:
    page = requests.get(f"{production_server}/login/", headers=BEHIND_PROXY, timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "Log ind" in page.text and page.headers["Server"] == "gunicorn"
    assert "max-age=31536000" in page.headers["Strict-Transport-Security"]
    sheet = re.search(r'<link rel="stylesheet" href="(/static/front/ramme\.\w+\.css)"', page.text)
    assert sheet, page.text  # the hashed name whitenoise may cache for ever
    css = requests.get(production_server + sheet.group(1), headers=BEHIND_PROXY, timeout=10)
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css")
    assert ".login" in css.text and "immutable" in css.headers["Cache-Control"]


@pytest.mark.slow
def test_production_redirects_plain_http_to_https(production_server: str) -> None:
    response = requests.get(f"{production_server}/login/", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://127.0.0.1")


def test_serve_builds_gunicorn_with_the_workers_of_ramme_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RAMME_WORKERS", "3")
    options = Command().create_parser("ramme", "serve").parse_args(["--production"])
    argv = gunicorn_argv(options.host, options.port, options.workers)
    assert argv[argv.index("--workers") + 1] == "3"
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8000"
    assert gunicorn_argv("::1", 8000, 2)[argv.index("--bind") + 1] == "[::1]:8000"


def test_the_proxy_header_is_configurable() -> None:
    assert proxy_ssl_header("X-Forwarded-Proto: https") == ("HTTP_X_FORWARDED_PROTO", "https")
    assert proxy_ssl_header("X-Forwarded-SSL:on") == ("HTTP_X_FORWARDED_SSL", "on")
    assert proxy_ssl_header("") is None  # no proxy in front
    with pytest.raises(ImproperlyConfigured, match="skal have formen"):
        proxy_ssl_header("X-Forwarded-Proto")
