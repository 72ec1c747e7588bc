"""The questionnaire pages as managers and counsellors use them, without JavaScript."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_user
from rohnamo.counselling.choices import QuestionnaireStatus
from rohnamo.counselling.models import Questionnaire, QuestionnaireVersion, Response
from rohnamo.counselling.services.questionnaires import start_new_version
from rohnamo.counselling.services.visitors import record_visitor
from rohnamo.counselling.tests.questionnaire_factories import (
    QUESTIONS,
    draft_questionnaire,
    published_questionnaire,
    respond,
)
from rohnamo.counselling.tests.test_xlsform import workbook
from rohnamo.counselling.xlsform import write_xlsform


def english(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def order(version):
    return list(version.questions.values_list("name", flat=True))


def test_a_manager_defines_a_questionnaire_and_a_counsellor_fills_it_in_russian(
    client, bahrom, nigora, khujand
):
    client.force_login(bahrom)
    assert client.get(reverse("counselling:questionnaire_create")).status_code == 200
    created = client.post(
        reverse("counselling:questionnaire_create"),
        {"code": "needs", "title_tg": "Эҳтиёҷот", "title_ru": "Потребности", "title_en": "Needs"},
    )
    editor = reverse("counselling:questionnaire_draft", args=["needs", 1])
    assert created["Location"] == editor
    client.post(
        editor,
        {
            "save": "question",
            "name": "destination",
            "kind": "select_one",
            "label_tg": "Ба кадом кишвар?",
            "label_ru": "В какую страну?",
            "label_en": "Which country?",
            "required": "on",
            "choices": "russia | Русия | Россия | Russia\n\nkazakhstan | Қазоқистон | Казахстан",
        },
    )
    client.post(
        editor,
        {"save": "question", "name": "patent", "kind": "yes_no", "label_tg": "Патент доред?"},
    )
    client.post(reverse("counselling:questionnaire_publish", args=["needs", 1]))
    version = QuestionnaireVersion.objects.get(questionnaire__code="needs")
    assert version.status == QuestionnaireStatus.PUBLISHED
    assert order(version) == ["destination", "patent"]
    kazakhstan = version.questions.get(name="destination").choices.get(name="kazakhstan")
    assert (kazakhstan.label_tg, kazakhstan.label_ru, kazakhstan.label_en) == (
        "Қазоқистон",
        "Казахстан",
        "",
    )

    client.force_login(nigora)
    client.cookies["django_language"] = "ru"
    form_url = reverse("counselling:response_new", args=["needs", 1])
    html = client.get(form_url).content.decode()
    assert "В какую страну?" in html and "Россия" in html
    assert "Патент доред?" in html  # no Russian label: the Tajik one stands in
    saved = client.post(
        form_url,
        {
            "office": khujand.pk,
            "answered_on": "2026-03-02",
            "q_destination": "kazakhstan",
            "q_patent": "no",
        },
    )
    response = Response.objects.get()
    assert saved["Location"] == reverse("counselling:response", args=[response.pk])
    answers = {answer.question.name: answer for answer in response.answers.all()}
    assert answers["destination"].choices.get().name == "kazakhstan"
    assert answers["patent"].yes is False
    detail = client.get(saved["Location"]).content.decode()
    assert "Казахстан" in detail


def test_the_draft_editor_moves_edits_and_removes_questions(client, bahrom):
    version = draft_questionnaire(bahrom)
    client.force_login(bahrom)
    age = version.questions.get(name="age")
    action = "counselling:questionnaire_question_action"
    client.post(reverse(action, args=[age.pk, "up"]))
    assert order(version)[:3] == ["destination", "age", "needs"]
    client.post(reverse(action, args=[age.pk, "remove"]))
    assert "age" not in order(version)
    needs = version.questions.get(name="needs")
    edit = reverse("counselling:questionnaire_question_edit", args=[needs.pk])
    assert "documents | Ҳуҷҷатҳо | Документы | Documents" in client.get(edit).content.decode()
    client.post(
        edit,
        {"name": "needs", "kind": "select_multiple", "label_tg": "Чӣ лозим?",
         "choices": "work | Кор\ndocuments | Ҳуҷҷатҳо"},
    )  # fmt: skip
    needs.refresh_from_db()
    assert needs.label_tg == "Чӣ лозим?"
    assert [c.name for c in needs.choices.all()] == ["work", "documents"]
    page = client.get(reverse("counselling:questionnaire_draft", args=["visitor-needs", 1]))
    assert page.status_code == 200


def test_a_choice_question_without_choices_is_refused_on_the_form(client, bahrom):
    version = draft_questionnaire(bahrom, questions=[])
    english(client, bahrom)
    page = client.post(
        reverse("counselling:questionnaire_draft", args=["visitor-needs", 1]),
        {"save": "question", "name": "work", "kind": "select_one", "label_tg": "Кор"},
    )
    assert (
        "A choice question needs at least one choice."
        in page.context["question_form"].errors["choices"]
    )
    assert not version.questions.exists()


def test_a_published_version_cannot_be_edited_on_the_pages(client, bahrom):
    version = published_questionnaire(bahrom)
    english(client, bahrom)
    editor = client.get(
        reverse("counselling:questionnaire_draft", args=["visitor-needs", 1]), follow=True
    )
    assert "A published version never changes" in editor.content.decode()
    age = version.questions.get(name="age")
    removed = client.post(
        reverse("counselling:questionnaire_question_action", args=[age.pk, "remove"]), follow=True
    )
    assert "a published version never changes" in removed.content.decode()
    assert order(version) == [spec["name"] for spec in QUESTIONS]
    edit = reverse("counselling:questionnaire_question_edit", args=[age.pk])
    assert client.post(edit, {"name": "age", "kind": "text", "label_tg": "Нав"}).status_code == 302
    age.refresh_from_db()
    assert (age.kind, age.label_tg) == ("integer", "Синну соли шумо")
    client.post(reverse("counselling:questionnaire_new_version", args=["visitor-needs"]))
    assert version.questionnaire.versions.get(number=2).status == QuestionnaireStatus.DRAFT


def test_a_wrong_answer_is_shown_beside_its_question_and_nothing_is_saved(
    client, bahrom, nigora, khujand
):
    published_questionnaire(bahrom)
    english(client, nigora)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = client.post(
        reverse("counselling:response_new", args=["visitor-needs", 1]),
        {"office": khujand.pk, "answered_on": "2026-03-02", "q_destination": "russia",
         "q_left_on": tomorrow.isoformat(), "q_age": "many"},
    )  # fmt: skip
    errors = page.context["form"].errors
    assert "q_age" in errors
    page = client.post(
        reverse("counselling:response_new", args=["visitor-needs", 1]),
        {"office": khujand.pk, "answered_on": "2026-03-02", "q_destination": "russia",
         "q_left_on": tomorrow.isoformat()},
    )  # fmt: skip
    errors = page.context["form"].errors
    assert "the date cannot be in the future" in errors["q_left_on"][0]
    assert "(left_on)" in errors["q_left_on"][0]
    assert not Response.objects.exists()


def test_a_response_is_linked_only_to_a_visitor_the_counsellor_may_see(
    client, bahrom, nigora, umed, khujand
):
    published_questionnaire(bahrom)
    visitor = record_visitor(actor=nigora, office=khujand, sex="female")
    url = reverse("counselling:response_new", args=["visitor-needs", 1])
    client.force_login(umed)
    assert client.get(url, {"visitor": visitor.pk}).status_code == 404
    assert client.get(url, {"visitor": "x"}).status_code == 404
    client.force_login(nigora)
    client.post(
        f"{url}?visitor={visitor.pk}",
        {"office": khujand.pk, "answered_on": "2026-03-02", "q_destination": "russia"},
    )
    assert Response.objects.get().visitor == visitor


def test_an_xlsform_is_uploaded_and_downloaded_on_the_pages(client, bahrom):
    english(client, bahrom)
    upload = SimpleUploadedFile(
        "needs.xlsx", workbook([["text", "comment", "Комментарий", "Comment", "", ""],
                                ["start", "start", "", "", "", ""]])
    )  # fmt: skip
    page = client.post(reverse("counselling:questionnaire_import"), {"file": upload}, follow=True)
    html = page.content.decode()
    assert "A new questionnaire was created as a draft from the file." in html
    assert "Rows that are not questions were skipped: 3 (start)." in html
    version = QuestionnaireVersion.objects.get(questionnaire__code="needs")
    assert order(version) == ["comment"]
    download = client.get(reverse("counselling:questionnaire_xlsform", args=["needs", 1]))
    assert download["Content-Disposition"] == 'attachment; filename="needs-v1.xlsx"'
    assert load_workbook(io.BytesIO(download.content))["survey"]["B2"].value == "comment"


def test_an_xlsform_with_an_unknown_type_is_refused_on_the_page_naming_the_row(client, bahrom):
    english(client, bahrom)
    upload = SimpleUploadedFile(
        "places.xlsx", workbook([["text", "village", "Село", "Village", "", ""],
                                 ["geopoint", "where", "Где?", "Where?", "", ""]])
    )  # fmt: skip
    page = client.post(reverse("counselling:questionnaire_import"), {"file": upload})
    assert page.status_code == 200
    assert "Sheet survey, row 3: unknown type geopoint" in page.content.decode()
    assert not Questionnaire.objects.exists()


def test_a_published_version_round_trips_through_the_pages(client, bahrom):
    version = published_questionnaire(bahrom)
    client.force_login(bahrom)
    upload = SimpleUploadedFile("visitor-needs.xlsx", write_xlsform(version))
    client.post(reverse("counselling:questionnaire_import"), {"file": upload})
    second = version.questionnaire.versions.get(number=2)
    assert order(second) == order(version)


@pytest.fixture
def guest(khujand):
    """Someone who works in Khujand but has no role in the counselling desk."""
    return make_user("guest", None, khujand)


READER_PAGES = [
    ("counselling:questionnaires", []),
    ("counselling:questionnaire", ["visitor-needs"]),
    ("counselling:questionnaire_results", ["visitor-needs"]),
    ("counselling:response_export", ["visitor-needs", "csv"]),
    ("counselling:questionnaire_xlsform", ["visitor-needs", 1]),
    ("counselling:response_new", ["visitor-needs", 1]),
]
MANAGER_PAGES = [
    ("counselling:questionnaire_create", []),
    ("counselling:questionnaire_import", []),
    ("counselling:questionnaire_draft", ["visitor-needs", 2]),
    ("counselling:questionnaire_publish", ["visitor-needs", 2]),
    ("counselling:questionnaire_new_version", ["visitor-needs"]),
]


@pytest.mark.parametrize(("name", "args"), READER_PAGES)
def test_people_without_a_counselling_role_get_not_found(client, bahrom, guest, name, args):
    published_questionnaire(bahrom)
    client.force_login(guest)
    assert client.get(reverse(name, args=args)).status_code == 404
    assert client.post(reverse(name, args=args)).status_code in (404, 405)


@pytest.mark.parametrize(("name", "args"), MANAGER_PAGES)
def test_counsellors_cannot_reach_the_definition_pages(client, bahrom, nigora, name, args):
    version = published_questionnaire(bahrom)
    start_new_version(actor=bahrom, questionnaire=version.questionnaire)
    client.force_login(nigora)
    assert client.post(reverse(name, args=args)).status_code == 404
    assert QuestionnaireVersion.objects.get(number=2).status == QuestionnaireStatus.DRAFT


def test_a_statistician_reads_results_but_does_not_fill_in(client, bahrom, centre):
    published_questionnaire(bahrom)
    statistician = make_user("zarina", Role.STATISTICIAN, centre)
    client.force_login(statistician)
    results = reverse("counselling:questionnaire_results", args=["visitor-needs"])
    assert client.get(results).status_code == 200
    new = reverse("counselling:response_new", args=["visitor-needs", 1])
    assert client.get(new).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_questionnaire_list_has_no_n_plus_one(
    client, bahrom, nigora, khujand, count, django_assert_max_num_queries
):
    for index in range(count):
        version = published_questionnaire(bahrom, code=f"form-{index}")
        respond(nigora, khujand, version, destination="russia")
    client.force_login(nigora)
    with django_assert_max_num_queries(9):
        page = client.get(reverse("counselling:questionnaires"))
    assert len(page.context["rows"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_results_page_has_no_n_plus_one(
    client, bahrom, nigora, khujand, count, django_assert_max_num_queries
):
    version = published_questionnaire(bahrom)
    for _index in range(count):
        respond(nigora, khujand, version, destination="russia", needs=["work"], comment="Хуб",
                age=30, has_patent="yes", left_on="2026-01-02")  # fmt: skip
    client.force_login(bahrom)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("counselling:questionnaire_results", args=["visitor-needs"]))
    assert page.context["total"] == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_responses_export_has_no_n_plus_one(
    client, bahrom, nigora, khujand, count, django_assert_max_num_queries
):
    version = published_questionnaire(bahrom)
    for _index in range(count):
        respond(nigora, khujand, version, destination="russia", needs=["work"])
    client.force_login(bahrom)
    with django_assert_max_num_queries(16):
        export = client.get(reverse("counselling:response_export", args=["visitor-needs", "csv"]))
    assert len(export.content.decode("utf-8-sig").splitlines()) == count + 1
