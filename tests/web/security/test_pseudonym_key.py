"""The pseudonym key in production: only from the environment or a file outside the data
folders, readable by its owner only; dev mode keeps generating it under var/."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from ramme.web.production import KEY_FILE, pseudonym_key

KEY = "a" * 16 + "b" * 16 + "c" * 16


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("RAMME_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv(KEY_FILE, raising=False)
    return monkeypatch


def _key_file(path: Path, mode: int = 0o600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(KEY + "\n")
    path.chmod(mode)
    return path


def test_production_reads_the_key_from_a_file_outside_the_data_folder(
    no_key: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_key.setenv(KEY_FILE, str(_key_file(tmp_path / "etc" / "pseudonym.key")))
    assert pseudonym_key(True, [tmp_path / "var"]) == KEY


def test_production_refuses_a_key_file_in_the_data_folder(
    no_key: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_key.setenv(KEY_FILE, str(_key_file(tmp_path / "var" / "ramme_pseudonym_key.key")))
    with pytest.raises(ImproperlyConfigured, match="ligger i datamappen"):
        pseudonym_key(True, [tmp_path / "var"])


def test_production_refuses_a_key_file_others_can_read(
    no_key: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_key.setenv(KEY_FILE, str(_key_file(tmp_path / "etc" / "k", mode=0o644)))
    with pytest.raises(ImproperlyConfigured, match="chmod 600"):
        pseudonym_key(True, [tmp_path / "var"])


def test_production_refuses_to_start_without_a_key_and_never_generates_one(
    no_key: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_key.setenv("RAMME_VAR", str(tmp_path))
    with pytest.raises(ImproperlyConfigured):
        pseudonym_key(True, [tmp_path])
    assert not list(tmp_path.iterdir())
    no_key.setenv("RAMME_PSEUDONYM_KEY", "kort")
    with pytest.raises(ImproperlyConfigured, match="for kort"):
        pseudonym_key(True, [tmp_path])


def test_dev_mode_generates_an_owner_only_key_once(
    no_key: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_key.setenv("RAMME_VAR", str(tmp_path))
    first = pseudonym_key(False, [tmp_path])
    assert pseudonym_key(False, [tmp_path]) == first
    (key,) = tmp_path.glob("*.key")
    assert key.stat().st_mode & 0o777 == 0o600
