"""Defining questionnaires and recording their responses.

A questionnaire changes only through its draft: a published version never changes, edits are made
on a new draft copied from the latest version, and every response keeps the version it answered.
Every function takes the acting user, runs in one transaction and writes its audit entry inside it.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.counselling.choices import QuestionKind, QuestionnaireStatus
from rohnamo.counselling.models import (
    Answer,
    Choice,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Response,
)
from rohnamo.counselling.services.offices import check_can_write

CREATE_PERMISSION = "counselling.add_questionnaire"
DEFINE_PERMISSION = "counselling.change_questionnaire"

# Codes the questionnaire pages use in their own addresses, so no questionnaire may take them.
RESERVED_CODES = frozenset({"new", "import"})
LABELS = ("label_tg", "label_ru", "label_en")
TITLES = ("title_tg", "title_ru", "title_en")
QUESTION_FIELDS = frozenset({"name", "kind", "required", *LABELS})
MAX_TEXT_ANSWER = 5000
# Answer.number holds 12 digits with 2 after the point.
NUMBER_LIMIT = Decimal(10) ** 10
_SPACE = re.compile(r"\s")


# Definitions ---------------------------------------------------------------------------------


def _check_permission(actor, permission):
    if not actor.has_perm(permission):
        raise ValidationError(_("Only a manager can define questionnaires."))


def _locked_draft(version):
    """``version`` locked for the change, refused unless it is still a draft."""
    version = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != QuestionnaireStatus.DRAFT:
        raise ValidationError(
            _(
                "Version %(number)d is %(status)s: a published version never changes. "
                "Start a new version to make changes."
            )
            % {"number": version.number, "status": version.get_status_display().lower()}
        )
    return version


def _strip(obj, names):
    for name in names:
        setattr(obj, name, (getattr(obj, name) or "").strip())


def clean_question(question):
    """Check a question's own fields, before it belongs to a version; ValidationError by field."""
    _strip(question, ("name", *LABELS))
    question.full_clean(exclude=["version", "position"], validate_constraints=False)


def clean_choice(choice):
    """Check a choice's own fields. Its name must have no spaces: XLSForm and the exports list
    the names of a multiple-choice answer separated by spaces."""
    choice.name = str(choice.name or "").strip()
    _strip(choice, LABELS)
    errors = {}
    try:
        choice.full_clean(exclude=["question", "position"], validate_constraints=False)
    except ValidationError as error:
        errors = error.message_dict
    if _SPACE.search(choice.name):
        errors.setdefault("name", []).append(_("A choice name cannot contain spaces."))
    if errors:
        raise ValidationError(errors)


def _check_name_free(question):
    others = Question.objects.filter(version_id=question.version_id, name=question.name)
    if others.exclude(pk=question.pk).exists():
        raise ValidationError(
            {
                "name": _("This version has a question named %(name)s already.")
                % {"name": question.name}
            }
        )


def _choice_problems(specs):
    """Unsaved choices from ``specs`` (dicts of name and labels), with every problem found,
    each naming the choice by its place in the list."""
    choices, problems, seen = [], [], set()
    for number, spec in enumerate(specs, start=1):
        choice = Choice(position=number, **{key: spec.get(key, "") for key in ("name", *LABELS)})
        try:
            clean_choice(choice)
        except ValidationError as error:
            problems += [
                _("Choice %(number)d: %(problem)s") % {"number": number, "problem": message}
                for message in error.messages
            ]
        if choice.name in seen:
            problems.append(
                _("Choice %(number)d: the name %(name)s is used twice.")
                % {"number": number, "name": choice.name}
            )
        seen.add(choice.name)
        choices.append(choice)
    return choices, problems


def _choice_values(question):
    return [
        (choice.name, choice.label_tg, choice.label_ru, choice.label_en)
        for choice in question.choices.all()
    ]


def _save_question(question, choice_specs):
    """Validate and save ``question`` with its choices (replacing any it had)."""
    clean_question(question)
    _check_name_free(question)
    choices, problems = _choice_problems(choice_specs if question.has_choices else ())
    if question.has_choices and not choices:
        problems.append(_("A choice question needs at least one choice."))
    if problems:
        raise ValidationError({"choices": problems})
    question.save()
    question.choices.all().delete()
    for choice in choices:
        choice.question = question
        choice.save()
    return question


def _new_version(questionnaire, *, number, titles, copy_from=None):
    version = QuestionnaireVersion(questionnaire=questionnaire, number=number, **titles)
    _strip(version, TITLES)
    version.full_clean()
    version.save()
    if copy_from is not None:
        for question in copy_from.questions.prefetch_related("choices"):
            choices = list(question.choices.all())
            question.pk, question.version = None, version
            question.save()
            for choice in choices:
                choice.pk, choice.question = None, question
                choice.save()
    return version


def _check_code(code):
    if code in RESERVED_CODES:
        raise ValidationError(
            {"code": _("The code %(code)s is reserved; choose another.") % {"code": code}}
        )


@transaction.atomic
def create_questionnaire(*, actor, code, title_tg, title_ru="", title_en=""):
    """A new questionnaire ``code`` with an empty draft version 1 to add questions to."""
    _check_permission(actor, CREATE_PERMISSION)
    _check_code(code)
    questionnaire = Questionnaire(code=code, created_by=actor)
    questionnaire.full_clean()
    questionnaire.save()
    version = _new_version(
        questionnaire,
        number=1,
        titles={"title_tg": title_tg, "title_ru": title_ru, "title_en": title_en},
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=questionnaire, label=code)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=version, label=str(version))
    return questionnaire


@transaction.atomic
def change_titles(*, actor, version, title_tg, title_ru="", title_en=""):
    """Rename a draft version in the three languages."""
    _check_permission(actor, DEFINE_PERMISSION)
    version = _locked_draft(version)
    before = audit.snapshot(version)
    version.title_tg, version.title_ru, version.title_en = title_tg, title_ru, title_en
    _strip(version, TITLES)
    version.full_clean()
    changed = audit.changed_fields(before, version)
    if changed:
        version.save()
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=version, fields=changed)
    return version


@transaction.atomic
def add_question(
    *, actor, version, name, kind, label_tg, label_ru="", label_en="", required=False, choices=()
):
    """Add a question at the end of a draft. ``choices`` are dicts with ``name`` and
    ``label_tg``/``label_ru``/``label_en``, in order; only choice questions keep them."""
    _check_permission(actor, DEFINE_PERMISSION)
    version = _locked_draft(version)
    last = version.questions.aggregate(Max("position"))["position__max"] or 0
    question = Question(
        version=version,
        position=last + 1,
        name=name,
        kind=kind,
        label_tg=label_tg,
        label_ru=label_ru,
        label_en=label_en,
        required=required,
    )
    _save_question(question, choices)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=question, label=question.name)
    return question


@transaction.atomic
def change_question(*, actor, question, choices=None, **fields):
    """Change a question of a draft: any of name, kind, labels, required; ``choices`` (when
    given) replace its choices in the order given."""
    _check_permission(actor, DEFINE_PERMISSION)
    unknown = set(fields) - QUESTION_FIELDS
    if unknown:
        raise TypeError(f"Not question fields: {sorted(unknown)}")
    question = Question.objects.get(pk=question.pk)
    _locked_draft(question.version)
    before, old_choices = audit.snapshot(question), _choice_values(question)
    for name, value in fields.items():
        setattr(question, name, value)
    if choices is None:
        choices = [dict(zip(("name", *LABELS), values, strict=True)) for values in old_choices]
    _save_question(question, choices)
    changed = audit.changed_fields(before, question)
    if _choice_values(question) != old_choices:
        changed.append("choices")
    if changed:
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=question,
            fields=changed,
            label=question.name,
        )
    return question


def _renumber(version):
    for position, question in enumerate(version.questions.order_by("position", "pk"), start=1):
        if question.position != position:
            question.position = position
            question.save(update_fields=["position"])


@transaction.atomic
def remove_question(*, actor, question):
    """Take a question out of a draft; the ones after it move up."""
    _check_permission(actor, DEFINE_PERMISSION)
    question = Question.objects.get(pk=question.pk)
    version = _locked_draft(question.version)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=question, label=question.name)
    question.delete()
    _renumber(version)


@transaction.atomic
def move_question(*, actor, question, offset):
    """Move a question of a draft ``offset`` places (-1 up, 1 down), within the list."""
    _check_permission(actor, DEFINE_PERMISSION)
    question = Question.objects.get(pk=question.pk)
    version = _locked_draft(question.version)
    _renumber(version)
    questions = list(version.questions.order_by("position"))
    index = next(i for i, item in enumerate(questions) if item.pk == question.pk)
    target = min(max(index + offset, 0), len(questions) - 1)
    if target == index:
        return question
    questions.insert(target, questions.pop(index))
    for position, item in enumerate(questions, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=question,
        fields=["position"],
        label=question.name,
    )
    return Question.objects.get(pk=question.pk)


@transaction.atomic
def publish_version(*, actor, version):
    """Publish a draft so responses can be recorded against it; the version published before
    it is retired (its responses stay with it)."""
    _check_permission(actor, DEFINE_PERMISSION)
    Questionnaire.objects.select_for_update().get(pk=version.questionnaire_id)
    version = _locked_draft(version)
    questions = list(version.questions.prefetch_related("choices"))
    if not questions:
        raise ValidationError(_("A version with no questions cannot be published."))
    for question in questions:
        if question.has_choices and not question.choices.all():
            raise ValidationError(
                _("The question %(name)s has no choices to answer with.") % {"name": question.name}
            )
    for previous in version.questionnaire.versions.filter(status=QuestionnaireStatus.PUBLISHED):
        previous.status = QuestionnaireStatus.RETIRED
        previous.save(update_fields=["status"])
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=previous, fields=["status"])
    version.status = QuestionnaireStatus.PUBLISHED
    version.published_at, version.published_by = timezone.now(), actor
    version.save(update_fields=["status", "published_at", "published_by"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=version,
        fields=["published_at", "published_by", "status"],
        label=str(version),
    )
    return version


def _refuse_second_draft(questionnaire):
    draft = questionnaire.versions.filter(status=QuestionnaireStatus.DRAFT).first()
    if draft is not None:
        raise ValidationError(
            _("Version %(number)d is a draft already: make the changes there.")
            % {"number": draft.number}
        )


@transaction.atomic
def start_new_version(*, actor, questionnaire):
    """A new draft copied from the latest version (questions, choices and titles), to edit."""
    _check_permission(actor, DEFINE_PERMISSION)
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    _refuse_second_draft(questionnaire)
    latest = questionnaire.versions.order_by("-number").first()
    version = _new_version(
        questionnaire,
        number=latest.number + 1,
        titles={name: getattr(latest, name) for name in TITLES},
        copy_from=latest,
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=version, label=str(version))
    return version


@transaction.atomic
def import_definition(*, actor, code, titles, questions):
    """Save a definition read from a file as a draft: of a new questionnaire ``code``, or a new
    draft of the existing one (an open draft has its questions replaced).

    ``titles`` has ``title_tg``/``title_ru``/``title_en`` (empty ones are kept from the latest
    version); ``questions`` are dicts of the arguments of ``add_question``.
    Returns ``(version, outcome)``, outcome being "created", "new_version" or "replaced".
    """
    questionnaire = Questionnaire.objects.select_for_update().filter(code=code).first()
    if questionnaire is None:
        titles = {name: titles.get(name, "") for name in TITLES}
        titles["title_tg"] = titles["title_tg"] or titles["title_ru"] or titles["title_en"] or code
        questionnaire = create_questionnaire(actor=actor, code=code, **titles)
        version, outcome = questionnaire.versions.get(), "created"
    else:
        _check_permission(actor, DEFINE_PERMISSION)
        latest = questionnaire.versions.order_by("-number").first()
        titles = {name: titles.get(name) or getattr(latest, name) for name in TITLES}
        if latest.status == QuestionnaireStatus.DRAFT:
            version, outcome = latest, "replaced"
            audit.record(
                actor=actor,
                action=AuditAction.DELETE,
                obj=version,
                fields=["questions"],
                label=str(version),
            )
            version.questions.all().delete()
        else:
            version = _new_version(questionnaire, number=latest.number + 1, titles=titles)
            audit.record(actor=actor, action=AuditAction.CREATE, obj=version, label=str(version))
            outcome = "new_version"
        change_titles(actor=actor, version=version, **titles)
    for spec in questions:
        add_question(actor=actor, version=version, **spec)
    return version, outcome


# Responses -----------------------------------------------------------------------------------


def _is_empty(value):
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | tuple | set | frozenset) and not value)


def _wrong(question, problem):
    return ValidationError(
        {
            question.name: _("“%(label)s” (%(name)s): %(problem)s")
            % {"label": question.label, "name": question.name, "problem": problem}
        }
    )


def _number(question, value):
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise _wrong(question, _("enter a number."))
    try:
        # A comma is the decimal separator in Tajik and Russian.
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise _wrong(question, _("enter a number."))
    if abs(number) >= NUMBER_LIMIT:
        raise _wrong(question, _("this number is too large."))
    return {"number": number.quantize(Decimal("0.01"))}


def _yes_no(question, value):
    if isinstance(value, bool):
        return {"yes": value}
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return {"yes": value.strip().lower() == "yes"}
    raise _wrong(question, _("answer yes or no."))


def _date(question, value):
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise _wrong(question, _("enter a date as YYYY-MM-DD.")) from None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise _wrong(question, _("enter a date as YYYY-MM-DD."))
    if value > timezone.localdate():
        raise _wrong(question, _("the date cannot be in the future."))
    return {"date": value}


def _text(question, value):
    if not isinstance(value, str):
        raise _wrong(question, _("enter text."))
    if len(value.strip()) > MAX_TEXT_ANSWER:
        raise _wrong(
            question, _("at most %(limit)d characters, please.") % {"limit": MAX_TEXT_ANSWER}
        )
    return {"text": value.strip()}


def _choices(question, value):
    by_name = {choice.name: choice for choice in question.choices.all()}
    if question.kind == QuestionKind.SINGLE:
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise _wrong(question, _("choose one answer."))
        names = [str(value).strip()]
    elif isinstance(value, str):
        names = value.split()
    elif isinstance(value, list | tuple | set | frozenset):
        names = [str(item).strip() for item in value]
    else:
        raise _wrong(question, _("choose one or more answers."))
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise _wrong(
            question,
            _("not among the question's choices: %(values)s.") % {"values": ", ".join(unknown)},
        )
    return {"choices": list(dict.fromkeys(by_name[name] for name in names))}


_CONVERT = {
    QuestionKind.SINGLE: _choices,
    QuestionKind.MULTIPLE: _choices,
    QuestionKind.NUMBER: _number,
    QuestionKind.TEXT: _text,
    QuestionKind.YES_NO: _yes_no,
    QuestionKind.DATE: _date,
}


def _answer_values(questions, answers):
    """``[(question, fields)]`` for the answered questions; the first bad answer raises."""
    names = {question.name for question in questions}
    unknown = sorted(set(answers) - names)
    if unknown:
        raise ValidationError(
            _("This version has no questions with these names: %(names)s.")
            % {"names": ", ".join(unknown)}
        )
    values = []
    for question in questions:
        value = answers.get(question.name)
        if _is_empty(value):
            if question.required:
                raise _wrong(question, _("an answer is required."))
            continue
        values.append((question, _CONVERT[question.kind](question, value)))
    return values


def _check_links(office, visitor, consultation):
    if visitor is not None and (visitor.merged_into_id or visitor.office_id != office.pk):
        raise ValidationError({"visitor": _("This visitor is not a visitor of this office.")})
    if consultation is not None:
        if consultation.office_id != office.pk:
            raise ValidationError(
                {"consultation": _("This consultation was not given at this office.")}
            )
        if visitor is not None and consultation.visitor_id not in (None, visitor.pk):
            raise ValidationError({"visitor": _("The consultation was given to another visitor.")})


@transaction.atomic
def record_response(
    *, actor, office, version, answers, visitor=None, consultation=None, answered_on=None
):
    """Record one filled-in questionnaire of ``version`` (a published one) at ``office``.

    ``answers`` maps question names to values: a choice name (single choice), a list of choice
    names or a space-separated string of them (multiple choice), a number, text, True/False or
    "yes"/"no", a date or ISO date. Unanswered questions are left out or empty. The first answer
    that does not fit its question raises a ValidationError keyed by the question's name, and
    nothing is saved.
    """
    check_can_write(actor, office)
    version = QuestionnaireVersion.objects.select_related("questionnaire").get(pk=version.pk)
    if version.status != QuestionnaireStatus.PUBLISHED:
        raise ValidationError(
            _("Version %(number)d is not published, so it does not take responses.")
            % {"number": version.number}
        )
    answered_on = answered_on or timezone.localdate()
    if answered_on > timezone.localdate():
        raise ValidationError({"answered_on": _("A response cannot be dated in the future.")})
    _check_links(office, visitor, consultation)
    if visitor is None and consultation is not None:
        visitor = consultation.visitor
    questions = list(version.questions.prefetch_related("choices"))
    values = _answer_values(questions, answers)
    response = Response(
        office=office,
        created_by=actor,
        version=version,
        visitor=visitor,
        consultation=consultation,
        answered_on=answered_on,
    )
    response.full_clean()
    response.save()
    for question, fields in values:
        choices = fields.pop("choices", ())
        answer = Answer.objects.create(response=response, question=question, **fields)
        answer.choices.set(choices)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=response)
    return response
