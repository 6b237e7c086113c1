"""The month's texts: written on the text page, carried forward as drafts, safe light
formatting, shown in every format of the report."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import TYPE_CHECKING

from django.test import Client
from docx import Document
from openpyxl import load_workbook
from pytest_django import Settings

from ramme.reports.model import Report
from ramme.reports.renderers import RENDERERS
from ramme.web.accounts.models import User
from ramme.web.reports.builders import BUILDERS
from ramme.web.texts.models import ReportText
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import login

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse  # the test client's response (stubs)

SEPTEMBER = "30.09.2024"
CHALLENGES = "Der er to hovedforklaringer:\n\n- flere **underretninger**\n- stigende priser"


def write(client: Client, dato: str, **texts: str) -> _MonkeyPatchedWSGIResponse:
    return client.post("/tekster/maaned/", {"dato": dato, **texts}, follow=True)


def monthly(day: date = AS_OF) -> Report:
    return BUILDERS["monthly"].build({"as_of": day, "today": date(2024, 10, 5)})


def test_the_months_texts_reach_every_format(example: dict[str, User]) -> None:
    write(login("erik"), SEPTEMBER, **{
        "intro|": "Rammen dækker **forebyggende** og indgribende indsatser.",
        "challenges|": CHALLENGES,
        "conclusion|Kontaktpersoner": "Et samlet fald på 32 forløb siden april.",
        "marked_by|Aflastning": "- Stigning i antal forløb\n- Stigende enhedspriser",
        "budget_notes|": "*Der er ikke disponeret udgifter til opholdsbetaling.",
    })  # fmt: skip
    report = monthly()
    html = RENDERERS["html"].render(report).decode()
    assert "<strong>forebyggende</strong>" in html and "<li>flere <strong>" in html
    assert "Et samlet fald på 32 forløb siden april." in html
    assert "Aflastning har været præget af:" in html
    words = " ".join(
        p.text for p in Document(io.BytesIO(RENDERERS["docx"].render(report))).paragraphs
    )
    assert "Udfordringerne" in words and "Stigende enhedspriser" in words
    bold = [r.text for p in Document(io.BytesIO(RENDERERS["docx"].render(report))).paragraphs
            for r in p.runs if r.bold]  # fmt: skip
    assert "underretninger" in bold
    front = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)))["Rapport"]
    cells = [c.value for c in front["A"] if c.value]
    assert "• stigende priser" in cells
    pdf = RENDERERS["pdf"].render(report)
    assert pdf.startswith(b"%PDF")


def test_last_months_text_is_a_draft_this_month(example: dict[str, User]) -> None:
    client = login("erik")
    write(client, SEPTEMBER, **{"challenges|": CHALLENGES})
    page = client.get("/tekster/maaned/", {"dato": "31.10.2024"}).content.decode()
    assert "Kladde fra september 2024" in page and "flere **underretninger**" in page
    october = RENDERERS["html"].render(monthly(date(2024, 10, 31))).decode()
    assert "flere <strong>underretninger" not in october  # a draft is not yet in the report
    write(client, "31.10.2024", **{"challenges|": CHALLENGES})
    assert ReportText.objects.filter(period=date(2024, 10, 1), element="challenges").exists()


def test_formatting_is_safe(example: dict[str, User]) -> None:
    write(login("erik"), SEPTEMBER, **{"intro|": "<script>alert(1)</script> **fed** <a href=x>"})
    html = RENDERERS["html"].render(monthly()).decode()
    assert "<script>alert" not in html and "<a href" not in html
    assert "<strong>fed</strong>" in html


def test_only_economists_and_heads_write_texts(example: dict[str, User]) -> None:
    response = login("alice").post("/tekster/maaned/", {"dato": SEPTEMBER, "intro|": "x"})
    assert response.status_code == 403 and not ReportText.objects.exists()


def test_annual_texts_and_the_committee_are_in_the_accounts(
    example: dict[str, User], settings: Settings
) -> None:
    settings.COMMITTEE_NAME = "Børne- og Skoleudvalget"
    login("erik").post("/tekster/aar/", {
        "aar": "2024", "tasks|": "Bevillingsrammen omfatter **forebyggende** indsatser.",
        "goals|": "- at styrke den forebyggende indsats",
        "activity_comments|Indgribende foranstaltninger": "Færre på opholdssted.",
    })  # fmt: skip
    report = BUILDERS["annual"].build({"year": 2024, "today": date(2025, 2, 1)})
    html = RENDERERS["html"].render(report).decode()
    for text in ("Beskrivelse af opgaver", "Politiske målsætninger",
                 "at styrke den forebyggende indsats", "Færre på opholdssted.",
                 "Ansvarligt udvalg: Børne- og Skoleudvalget"):  # fmt: skip
        assert text in html, text


def test_word_tables_repeat_headers_and_keep_rows_together(example: dict[str, User]) -> None:
    data = RENDERERS["docx"].render(monthly())
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:tblHeader") >= 3 and "<w:cantSplit" in xml
    header = zipfile.ZipFile(io.BytesIO(data)).read("word/header1.xml").decode()
    assert "Demo Kommune" in header and "Månedsrapport" in header


def test_excel_totals_have_cached_values_and_pointers_name_real_sheets(
    example: dict[str, User],
) -> None:
    data = RENDERERS["xlsx"].render(monthly())
    formulas = load_workbook(io.BytesIO(data))
    values = load_workbook(io.BytesIO(data), data_only=True)
    sheet = formulas["Budgetopfølgning"]
    totals = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=SUM")]
    assert totals
    for cell in totals:
        assert isinstance(values["Budgetopfølgning"][cell.coordinate].value, float)
    pointers = [c.value for c in formulas["Rapport"]["A"] if "se arket «" in str(c.value)]
    assert pointers
    for text in pointers:
        assert text.split("«")[1].rstrip("»") in formulas.sheetnames


def test_every_element_of_every_area_reaches_its_report(example: dict[str, User]) -> None:
    from ramme.web.accounts.models import User
    from ramme.web.texts.elements import ANNUAL, MONTHLY, areas_of, elements
    from ramme.web.texts.services.texts import save_texts

    erik = User.objects.get(username="erik")
    markers: dict[str, dict[tuple[str, str], str]] = {MONTHLY: {}, ANNUAL: {}}
    for report in markers:
        for n, element in enumerate(elements(report)):
            for m, area in enumerate(areas_of(element)):
                markers[report][(element.key, area)] = f"Markør{n}x{m} {element.key}"
    save_texts(erik, MONTHLY, date(2024, 9, 1), markers[MONTHLY])
    save_texts(erik, ANNUAL, date(2024, 1, 1), markers[ANNUAL])
    html = {
        MONTHLY: RENDERERS["html"].render(monthly()).decode(),
        ANNUAL: RENDERERS["html"]
        .render(BUILDERS["annual"].build({"year": 2024, "today": date(2025, 2, 1)}))
        .decode(),
    }
    missing = [(r, k) for r, texts in markers.items() for k, v in texts.items() if v not in html[r]]
    assert not missing
