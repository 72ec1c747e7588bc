"""Restricted cases open only to their worker, their managers and administrators, every view
is audited, and what people told us is encrypted in the database and on disk."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from rohnamo.cases.attachments import add_attachment
from rohnamo.cases.models import Attachment
from rohnamo.cases.services.cases import add_note, assign
from rohnamo.cases.tests.factories import make_case, public_request
from rohnamo.core.choices import AuditAction, Role
from rohnamo.core.models import AuditEntry
from rohnamo.core.tests.factories import make_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a scanned passport page\n"


def raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


@pytest.fixture
def dilnoza(khujand):
    """The case worker in Khujand who is assigned the trafficking case."""
    return make_user("dilnoza", Role.CASE_WORKER, khujand)


@pytest.fixture
def trafficking_case(nigora, khujand, dilnoza):
    case = make_case(nigora, khujand, category="trafficking", narrative="Паспорт отобрали.")
    return assign(actor=nigora, case=case, worker=dilnoza)


def test_a_trafficking_case_is_restricted_from_the_start(trafficking_case):
    assert trafficking_case.is_restricted


def test_only_the_worker_the_managers_and_administrators_open_a_restricted_case(
    client, trafficking_case, nigora, dilnoza, bahrom, farida, umed
):
    url = reverse("cases:case", args=[trafficking_case.pk])
    opened = {}
    for person in (dilnoza, bahrom, farida, nigora, umed):
        client.force_login(person)
        opened[person.username] = client.get(url).status_code

    assert opened == {"dilnoza": 200, "bahrom": 200, "farida": 200, "nigora": 404, "umed": 404}
    views = AuditEntry.objects.filter(action=AuditAction.VIEW, object_id=str(trafficking_case.pk))
    assert sorted(views.values_list("actor_name", flat=True)) == ["bahrom", "dilnoza", "farida"]


def test_a_colleague_does_not_even_see_a_restricted_case_in_the_list(
    client, trafficking_case, nigora
):
    ordinary = make_case(nigora, trafficking_case.office)
    client.force_login(nigora)

    listing = client.get(reverse("cases:cases"))

    assert [case.pk for case in listing.context["page"]] == [ordinary.pk]


def test_narratives_contacts_and_notes_are_not_plain_text_in_the_database(nigora, khujand):
    case, _pin = public_request(narrative="Музди шавҳарам дар Екатеринбург")
    add_note(actor=nigora, case=case, text="Корфармо ҷавоб намедиҳад")

    stored = raw("cases_case", "narrative", case.pk)
    assert "Музди" not in stored and stored.startswith("gAAAA")
    assert "Мадина" not in raw("cases_case", "contact_name", case.pk)
    note = case.entries.get(kind="note")
    assert "Корфармо" not in raw("cases_caseentry", "text", note.pk)
    case.refresh_from_db()
    assert case.narrative == "Музди шавҳарам дар Екатеринбург"


def test_a_document_is_stored_encrypted_and_served_only_to_those_who_open_the_case(
    client, settings, tmp_path, trafficking_case, dilnoza, nigora
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("паспорт.pdf", PDF, content_type="application/pdf")
    attachment = add_attachment(actor=dilnoza, case=trafficking_case, upload=upload)
    url = reverse("cases:attachment", args=[trafficking_case.pk, attachment.pk])

    on_disk = (tmp_path / "cases" / attachment.path).read_bytes()
    assert b"passport" not in on_disk
    client.force_login(dilnoza)
    assert b"".join(client.get(url).streaming_content) == PDF
    client.force_login(nigora)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("script.exe", b"MZ\x90\x00", "Only PDF"),
        ("fake.pdf", b"<html>not a pdf</html>", "Only PDF"),
        ("big.pdf", PDF + b"0" * (10 * 1024 * 1024), "too large"),
    ],
)
def test_a_wrong_type_or_too_large_upload_is_refused_with_a_reason(
    client, settings, tmp_path, nigora, khujand, name, content, reason
):
    settings.MEDIA_ROOT = tmp_path
    case = make_case(nigora, khujand)
    client.force_login(nigora)
    client.cookies["django_language"] = "en"

    response = client.post(
        reverse("cases:case_action", args=[case.pk, "attach"]),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )

    assert reason in response.content.decode()
    assert not Attachment.objects.exists()
    assert not any(tmp_path.glob("cases/*"))
