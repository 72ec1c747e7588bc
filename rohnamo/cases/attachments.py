"""Case documents: checked by size and by their first bytes, stored encrypted outside the web
root (``MEDIA_ROOT/cases``, never served by the web server), read back only after a permission
check in the view."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rohnamo.cases.choices import EntryKind
from rohnamo.cases.models import Attachment
from rohnamo.cases.services.cases import _entry
from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.lib.encryption import decrypt, encrypt

MAX_BYTES = 10 * 1024 * 1024
# What people attach: scans and photos of documents, letters, contracts. The type is decided by
# the file's first bytes, never by its name or by what the browser claims.
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
]
ALLOWED_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".docx"}


def _storage_dir():
    return Path(settings.MEDIA_ROOT) / "cases"


def sniff_type(head, name):
    """The content type of a file from its first bytes, or None when it is not allowed."""
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        return None
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


@transaction.atomic
def add_attachment(*, actor, case, upload):
    """Store ``upload`` (a Django UploadedFile) encrypted with the case."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            {"file": _("The file is too large: at most %(size)d MB.") % {"size": MAX_BYTES >> 20}}
        )
    data = upload.read()
    content_type = sniff_type(data[:16], upload.name)
    if content_type is None:
        raise ValidationError(
            {"file": _("Only PDF, JPEG, PNG and Word (.docx) files can be attached.")}
        )
    directory = _storage_dir()
    directory.mkdir(parents=True, exist_ok=True)
    stored = directory / uuid.uuid4().hex
    # The file is written first: a failure below removes it; a rollback of a caller's larger
    # transaction could leave an orphan, but only as ciphertext nobody can reach.
    stored.write_bytes(encrypt(data))
    try:
        attachment = Attachment.objects.create(
            case=case,
            name=Path(upload.name).name[:200],
            content_type=content_type,
            size=len(data),
            path=stored.name,
            uploaded_by=actor,
        )
    except Exception:
        stored.unlink(missing_ok=True)
        raise
    audit.record(actor=actor, action=AuditAction.CREATE, obj=attachment, office=case.office)
    _entry(case, actor=actor, kind=EntryKind.ATTACHMENT, text=attachment.name)
    return attachment


def read_attachment(attachment):
    """The plain bytes of an attachment; call only after the permission check."""
    return decrypt((_storage_dir() / attachment.path).read_bytes())
