"""Draft, translate, review, publish: only reviewers publish, and never their own text."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from rohnamo.core.choices import AuditAction, Role
from rohnamo.core.models import AuditEntry
from rohnamo.core.tests.factories import make_user
from rohnamo.knowledge import services
from rohnamo.knowledge.choices import VersionStatus
from rohnamo.knowledge.models import Sheet
from rohnamo.knowledge.queries import missing_languages, overdue_versions, public_sheet
from rohnamo.knowledge.tests.factories import (
    draft_sheet,
    language,
    published_translation,
    published_version,
)


@pytest.fixture(autouse=True)
def in_english():
    """Reasons are matched in English here; the pages show them in the reader's language."""
    with translation.override("en"):
        yield


@pytest.fixture
def draft(nigora):
    return draft_sheet(nigora)


def test_a_counsellor_drafts_and_a_manager_publishes(nigora, bahrom, draft):
    services.submit_for_review(actor=nigora, version=draft)
    version = services.publish(actor=bahrom, version=draft)
    assert (version.status, version.is_current, version.reviewer) == (
        VersionStatus.PUBLISHED,
        True,
        bahrom,
    )
    assert version.checked_on == timezone.localdate()
    assert version.check_by > version.checked_on
    sheet, shown, is_fallback = public_sheet("registration-russia", "ru")
    assert (shown, is_fallback) == (version, False)


def test_publishing_is_audited_with_the_reviewer(nigora, bahrom, draft):
    services.submit_for_review(actor=nigora, version=draft)
    services.publish(actor=bahrom, version=draft)
    entry = AuditEntry.objects.filter(actor=bahrom, action=AuditAction.UPDATE).get()
    assert "published_at" in entry.fields


def test_a_counsellor_cannot_publish(nigora, khujand, draft):
    colleague = make_user("colleague", Role.COUNSELLOR, khujand)
    services.submit_for_review(actor=nigora, version=draft)
    with pytest.raises(services.WorkflowError, match="reviewer"):
        services.publish(actor=colleague, version=draft)
    draft.refresh_from_db()
    assert draft.status == VersionStatus.IN_REVIEW
    assert not draft.is_current


def test_a_reviewer_cannot_approve_her_own_text(bahrom):
    own = draft_sheet(bahrom, code="own")
    services.submit_for_review(actor=bahrom, version=own)
    with pytest.raises(services.WorkflowError, match="someone else"):
        services.publish(actor=bahrom, version=own)


def test_a_draft_must_be_sent_for_review_before_publishing(bahrom, draft):
    with pytest.raises(services.WorkflowError, match="review"):
        services.publish(actor=bahrom, version=draft)


def test_a_translation_is_reviewed_on_its_own(nigora, bahrom, khujand):
    russian = published_version(nigora, bahrom)
    translator = make_user("translator", Role.COUNSELLOR, khujand)
    tajik, _cleaned = services.start_version(
        actor=translator,
        sheet=russian.sheet,
        language=language("tg"),
        title="Бақайдгирӣ дар Русия",
        body="Дар давоми **15 рӯз** ба қайд гиред.",
    )
    _sheet, shown, is_fallback = public_sheet(russian.sheet.code, "tg")
    assert (shown, is_fallback) == (russian, True)
    services.submit_for_review(actor=translator, version=tajik)
    services.publish(actor=bahrom, version=tajik)
    _sheet, shown, is_fallback = public_sheet(russian.sheet.code, "tg")
    assert (shown, is_fallback) == (tajik, False)


def test_a_new_version_replaces_the_published_one_and_keeps_the_history(nigora, bahrom):
    first = published_version(nigora, bahrom)
    second, _cleaned = services.start_version(
        actor=nigora,
        sheet=first.sheet,
        language=first.language,
        title=first.title,
        body=first.body + "\n\nНовое правило.",
    )
    services.submit_for_review(actor=nigora, version=second)
    second = services.publish(actor=bahrom, version=second)
    first.refresh_from_db()
    assert (first.number, first.is_current, first.status) == (1, False, VersionStatus.PUBLISHED)
    assert (second.number, second.is_current) == (2, True)


def test_only_one_open_version_per_language(nigora, draft):
    with pytest.raises(services.WorkflowError, match="open"):
        services.start_version(
            actor=nigora, sheet=draft.sheet, language=draft.language, title="Again", body="x"
        )


def test_a_reviewer_sends_a_version_back_with_a_reason(nigora, bahrom, draft):
    services.submit_for_review(actor=nigora, version=draft)
    with pytest.raises(services.WorkflowError):
        services.return_to_draft(actor=bahrom, version=draft, note="  ")
    version = services.return_to_draft(actor=bahrom, version=draft, note="Проверьте срок.")
    assert (version.status, version.review_note) == (VersionStatus.DRAFT, "Проверьте срок.")


def test_a_published_version_cannot_be_edited_in_place(nigora, bahrom):
    version = published_version(nigora, bahrom)
    with pytest.raises(services.WorkflowError, match="draft"):
        services.edit_draft(actor=nigora, version=version, title="Changed", summary="", body="x")


def test_a_withdrawn_sheet_disappears_and_another_language_takes_its_place(nigora, bahrom):
    russian = published_version(nigora, bahrom)
    tajik = published_translation(
        nigora, bahrom, russian.sheet, "tg", title="Бақайдгирӣ", body="Матн."
    )
    services.withdraw(actor=bahrom, version=tajik, reason="Қоида тағйир ёфт")
    _sheet, shown, is_fallback = public_sheet(russian.sheet.code, "tg")
    assert (shown, is_fallback) == (russian, True)


def test_scripts_and_event_handlers_are_removed_and_reported(nigora):
    version, cleaned = services.create_sheet(
        actor=nigora,
        code="unsafe",
        topic=draft_sheet(nigora).sheet.topic,
        stage="before",
        language=language("ru"),
        title="Опасный текст",
        body='Текст <script>alert(1)</script> <img src="http://evil.example/x.png" onerror="x()">'
        "\n\n[ссылка](javascript:alert(1)) и телефон +992 37 221 00 00",
    )
    assert cleaned
    assert "<script" not in version.body_html
    assert "onerror" not in version.body_html
    assert "<img" not in version.body_html
    assert "javascript:" not in version.body_html
    assert '<a href="tel:+992372210000">+992 37 221 00 00</a>' in version.body_html


def test_an_oversized_text_is_refused_and_nothing_is_saved(nigora):
    with pytest.raises(ValidationError, match="too long"):
        draft_sheet(nigora, code="huge", body="слово " * 10_000)
    assert not Sheet.objects.filter(code="huge").exists()


def test_the_review_dashboard_lists_overdue_checks_and_missing_languages(nigora, bahrom):
    version = published_version(nigora, bahrom)
    later = timezone.localdate() + datetime.timedelta(days=400)
    assert list(overdue_versions(today=later)) == [version]
    assert list(overdue_versions()) == []
    gaps = dict(missing_languages())
    assert {lang.code for lang in gaps[version.sheet]} == {"tg", "en"}
