"""The import page: validate → preview → confirm → history, errors, re-upload, permission."""

from __future__ import annotations

import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from ramme.web.accounts.models import Role
from ramme.web.data.models import ImportRun, Measure, Posting
from ramme.web.data.services.importer import import_folder
from ramme.web.uploads.models import Upload, UploadChunk
from tests.web.personas import make_user
from tests.web.uploads.conftest import EXAMPLE, example_files, sha256

pytestmark = pytest.mark.django_db


@pytest.fixture
def economist(client: Client) -> Client:
    client.force_login(make_user("erik", Role.ECONOMIST))
    return client


def upload(client: Client, files: list[SimpleUploadedFile], profile: str = "") -> Upload:
    response = client.post("/import/", {"upload_files": files, "profile": profile})
    assert response.status_code == 302, response.content.decode()
    return Upload.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))


def ledger() -> list[tuple[str, Decimal]]:
    return list(Posting.objects.order_by("posting_id").values_list("posting_id", "amount"))


def test_upload_is_validated_previewed_and_imported_only_on_confirmation(economist: Client) -> None:
    item = upload(economist, example_files())
    assert item.status == Upload.Status.VALID
    assert Posting.objects.count() == 0 and not ImportRun.objects.exists()  # nothing yet
    page = economist.get(f"/import/{item.pk}/").content.decode()
    postings = sum(1 for _ in (EXAMPLE / "postings.csv").open()) - 1
    preview = {f["contract"]: f for f in item.preview["files"]}
    assert preview["postings"]["created"] == postings
    assert "postings.csv" in page and "Bekræft og importér" in page
    assert "Efter importen" in page and item.preview["frame_after"]["forecast"]

    response = economist.post(f"/import/{item.pk}/bekraeft/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Upload.Status.IMPORTED
    assert Posting.objects.count() == postings
    assert not UploadChunk.objects.filter(file__upload=item).exists()  # bytes dropped
    history = economist.get("/import/historik/").content.decode()
    run = ImportRun.objects.get()
    assert run.origin == "web" and run.username == "erik" and run.succeeded
    assert sha256(EXAMPLE / "postings.csv") in history and "browser" in history
    assert {f["name"] for f in run.files} == {p.name for p in EXAMPLE.glob("*.csv")}


def test_status_json_reports_finished_progress(economist: Client) -> None:
    item = upload(economist, example_files())
    status = economist.get(f"/import/{item.pk}/status.json").json()
    assert status["status"] == "valid" and status["progress"] == 100 and not status["running"]


def test_bad_files_change_nothing_and_show_every_error_as_the_cli_does(
    economist: Client, tmp_path: Path
) -> None:
    assert import_folder(EXAMPLE).ok
    before = ledger()
    folder = tmp_path / "bad"
    shutil.copytree(EXAMPLE, folder)
    lines = (folder / "postings.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    amount, day = header.index("amount"), header.index("date")
    rows = [line.split(",") for line in lines[1:3]]
    rows[0][amount], rows[1][day] = "12,3,4x", "31.02.2024"
    bad_rows = [",".join(r) for r in rows]
    (folder / "postings.csv").write_text("\n".join([lines[0], *bad_rows, *lines[3:]]) + "\n")
    with pytest.raises(CommandError):
        err = io.StringIO()
        call_command("import", str(folder), stderr=err)
    cli_lines = [line for line in err.getvalue().splitlines() if line]
    assert len(cli_lines) >= 2

    item = upload(economist, example_files(folder))
    assert item.status == Upload.Status.REJECTED
    assert [e["text"] for e in item.errors] == cli_lines  # the same messages as the CLI
    page = economist.get(f"/import/{item.pk}/").content.decode()
    for error in item.errors:
        assert error["reason"].replace("«", "&laquo;") in page or error["reason"] in page
        assert f'<td class="num">{error["row"]}</td>' in page
    assert ledger() == before
    assert not ImportRun.objects.filter(origin="web").exists()  # a validation is no import


def test_second_upload_of_the_same_files_changes_nothing(economist: Client) -> None:
    first = upload(economist, example_files())
    economist.post(f"/import/{first.pk}/bekraeft/")
    before, measures = ledger(), list(Measure.objects.values_list("measure_id", "start_date"))
    again = upload(economist, example_files())
    assert all(f["created"] == f["updated"] == 0 for f in again.preview["files"])
    economist.post(f"/import/{again.pk}/bekraeft/")
    run = ImportRun.objects.first()
    assert run is not None and run.succeeded
    assert all(f["created"] == f["updated"] == 0 for f in run.summary["files"].values())
    assert ledger() == before
    assert list(Measure.objects.values_list("measure_id", "start_date")) == measures


def test_a_zip_is_imported_like_its_files(economist: Client) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in EXAMPLE.glob("*.csv"):
            archive.write(path, f"maaned/{path.name}")
    item = upload(economist, [SimpleUploadedFile("maaned.zip", buffer.getvalue())])
    assert item.status == Upload.Status.VALID
    assert set(item.files.values_list("name", flat=True)) == {p.name for p in EXAMPLE.glob("*.csv")}


def test_a_refused_upload_keeps_nothing(economist: Client) -> None:
    response = economist.post(
        "/import/", {"upload_files": [SimpleUploadedFile("noter.pdf", b"%PDF")]}
    )
    assert response.status_code == 200
    assert "kun CSV-, XLSX- og zip-filer kan indlæses" in response.content.decode()
    assert not Upload.objects.exists()


def test_installed_profiles_are_offered_and_others_refused(economist: Client) -> None:
    page = economist.get("/import/").content.decode()
    assert 'value="prisme-example"' in page
    response = economist.post(
        "/import/", {"upload_files": example_files(), "profile": "../../etc/passwd"}
    )
    assert response.status_code == 200 and not Upload.objects.exists()


def test_cli_imports_appear_in_the_history(economist: Client) -> None:
    call_command("import", str(EXAMPLE), user="erik", stdout=io.StringIO())
    page = economist.get("/import/historik/").content.decode()
    assert "kommandolinje" in page and sha256(EXAMPLE / "measures.csv") in page


@pytest.mark.parametrize(
    "url", ["/import/", "/import/historik/", "/import/{id}/", "/import/{id}/status.json"]
)
def test_caseworkers_may_not_import(client: Client, url: str) -> None:
    item = Upload.objects.create(username="erik")
    client.force_login(make_user("alice", Role.CASEWORKER, "Team Nord"))
    assert client.get(url.format(id=item.pk)).status_code == 403
    assert client.post(f"/import/{item.pk}/bekraeft/").status_code == 403
    assert client.post("/import/", {"upload_files": example_files()}).status_code == 403
    assert not Posting.objects.exists()
