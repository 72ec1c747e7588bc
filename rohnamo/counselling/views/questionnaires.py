"""Questionnaire pages: definitions and their drafts, XLSForm in and out, responses, results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.queries import offices_of, offices_visible_to
from rohnamo.core.views.access import staff_with
from rohnamo.counselling import queries, questionnaire_exports, xlsform
from rohnamo.counselling.choices import QuestionnaireStatus
from rohnamo.counselling.forms.questionnaires import (
    QuestionForm,
    QuestionnaireCreateForm,
    ResponseForm,
    ResultsFilterForm,
    TitlesForm,
    XLSFormUploadForm,
    choice_lines,
    field_name,
)
from rohnamo.counselling.models import Answer, Question, QuestionnaireVersion
from rohnamo.counselling.questionnaire_results import (
    filter_responses,
    result_table,
    version_results,
)
from rohnamo.counselling.services import questionnaires as services
from rohnamo.lib.collation import sorted_by
from rohnamo.lib.forms import add_service_errors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _questionnaire(request, code):
    return get_object_or_404(queries.questionnaires_visible_to(request.user), code=code)


def _version(request, code, number):
    return get_object_or_404(
        queries.questionnaire_versions_visible_to(request.user),
        questionnaire__code=code,
        number=number,
    )


def _refusal(request, error):
    messages.error(request, " ".join(error.messages))


# Definitions ---------------------------------------------------------------------------------


@staff_with("counselling.view_questionnaire")
def questionnaire_list(request):
    questionnaires = queries.questionnaires_visible_to(request.user).prefetch_related(
        Prefetch("versions", queryset=QuestionnaireVersion.objects.order_by("-number"))
    )
    counts = dict(
        queries.responses_visible_to(request.user)
        .values_list("version_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = []
    for questionnaire in questionnaires:
        versions = list(questionnaire.versions.all())
        current = next((v for v in versions if v.status == QuestionnaireStatus.PUBLISHED), None)
        rows.append(
            {
                "questionnaire": questionnaire,
                "title": (current or versions[0]).title if versions else questionnaire.code,
                "current": current,
                "versions": [(version, counts.get(version.pk, 0)) for version in versions],
            }
        )
    return render(request, "counselling/questionnaire_list.html", {"rows": rows})


@staff_with("counselling.add_questionnaire")
def questionnaire_create(request):
    form = QuestionnaireCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            questionnaire = services.create_questionnaire(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Questionnaire created. Add its questions."))
            return redirect("counselling:questionnaire_draft", code=questionnaire.code, number=1)
    return render(request, "counselling/questionnaire_form.html", {"form": form})


@staff_with("counselling.view_questionnaire")
def questionnaire_detail(request, code):
    questionnaire = _questionnaire(request, code)
    versions = questionnaire.versions.order_by("-number").prefetch_related(
        Prefetch("questions", queryset=Question.objects.prefetch_related("choices"))
    )
    versions = list(versions)
    return render(
        request,
        "counselling/questionnaire_detail.html",
        {
            "questionnaire": questionnaire,
            "versions": versions,
            "has_draft": any(v.status == QuestionnaireStatus.DRAFT for v in versions),
        },
    )


@require_POST
@staff_with("counselling.change_questionnaire")
def questionnaire_new_version(request, code):
    questionnaire = _questionnaire(request, code)
    try:
        version = services.start_new_version(actor=request.user, questionnaire=questionnaire)
    except ValidationError as error:
        _refusal(request, error)
        return redirect("counselling:questionnaire", code=code)
    messages.success(
        request,
        _("Version %(number)d is a copy of the latest one: make the changes, then publish it.")
        % {"number": version.number},
    )
    return redirect("counselling:questionnaire_draft", code=code, number=version.number)


@staff_with("counselling.change_questionnaire")
def questionnaire_draft(request, code, number):
    """The draft editor: titles, questions in order, a form to add one, publishing."""
    version = _version(request, code, number)
    if version.status != QuestionnaireStatus.DRAFT:
        messages.error(request, _("A published version never changes: start a new version."))
        return redirect("counselling:questionnaire", code=code)
    save = request.POST.get("save") if request.method == "POST" else None
    titles = TitlesForm(
        request.POST if save == "titles" else None,
        initial={name: getattr(version, name) for name in services.TITLES},
    )
    question_form = QuestionForm(request.POST if save == "question" else None)
    form, write = {
        "titles": (titles, lambda data: services.change_titles(**data)),
        "question": (question_form, lambda data: services.add_question(**data)),
    }.get(save, (None, None))
    if form is not None and form.is_valid():
        try:
            write({"actor": request.user, "version": version, **form.cleaned_data})
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("counselling:questionnaire_draft", code=code, number=number)
    questions = version.questions.prefetch_related("choices")
    return render(
        request,
        "counselling/questionnaire_draft.html",
        {
            "version": version,
            "questions": questions,
            "titles_form": titles,
            "question_form": question_form,
        },
    )


def _draft_question(request, pk):
    return get_object_or_404(
        Question.objects.select_related("version__questionnaire").filter(
            version__in=queries.questionnaire_versions_visible_to(request.user)
        ),
        pk=pk,
    )


@staff_with("counselling.change_questionnaire")
def question_edit(request, pk):
    question = _draft_question(request, pk)
    version = question.version
    if version.status != QuestionnaireStatus.DRAFT:
        messages.error(request, _("A published version never changes: start a new version."))
        return redirect("counselling:questionnaire", code=version.questionnaire.code)
    initial = {
        "name": question.name,
        "kind": question.kind,
        "label_tg": question.label_tg,
        "label_ru": question.label_ru,
        "label_en": question.label_en,
        "required": question.required,
        "choices": choice_lines(question),
    }
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_question(actor=request.user, question=question, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question was saved."))
            return redirect(
                "counselling:questionnaire_draft",
                code=version.questionnaire.code,
                number=version.number,
            )
    return render(
        request,
        "counselling/questionnaire_question_form.html",
        {"form": form, "question": question, "version": version},
    )


QUESTION_ACTIONS = {
    "remove": lambda user, question: services.remove_question(actor=user, question=question),
    "up": lambda user, question: services.move_question(actor=user, question=question, offset=-1),
    "down": lambda user, question: services.move_question(actor=user, question=question, offset=1),
}


@require_POST
@staff_with("counselling.change_questionnaire")
def question_action(request, pk, action):
    question = _draft_question(request, pk)
    if action not in QUESTION_ACTIONS:
        raise Http404
    version = question.version
    try:
        QUESTION_ACTIONS[action](request.user, question)
    except ValidationError as error:
        _refusal(request, error)
    return redirect(
        "counselling:questionnaire_draft", code=version.questionnaire.code, number=version.number
    )


@require_POST
@staff_with("counselling.change_questionnaire")
def questionnaire_publish(request, code, number):
    version = _version(request, code, number)
    try:
        services.publish_version(actor=request.user, version=version)
    except ValidationError as error:
        _refusal(request, error)
        if version.status == QuestionnaireStatus.DRAFT:
            return redirect("counselling:questionnaire_draft", code=code, number=number)
    else:
        messages.success(
            request,
            _("Version %(number)d is published: responses can be recorded.") % {"number": number},
        )
    return redirect("counselling:questionnaire", code=code)


# XLSForm -------------------------------------------------------------------------------------

OUTCOMES = {
    "created": gettext_lazy("A new questionnaire was created as a draft from the file."),
    "new_version": gettext_lazy("The file became a new draft version."),
    "replaced": gettext_lazy("The questions of the open draft were replaced by those in the file."),
}


@staff_with("counselling.change_questionnaire")
def questionnaire_import(request):
    form = XLSFormUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = xlsform.import_xlsform(
                actor=request.user, data=upload.read(), filename=upload.name
            )
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, str(OUTCOMES[result.outcome]))
            if result.skipped:
                messages.info(
                    request,
                    _("Rows that are not questions were skipped: %(rows)s.")
                    % {"rows": ", ".join(f"{row} ({kind})" for row, kind in result.skipped)},
                )
            for note in result.notes:
                messages.warning(request, note)
            version = result.version
            return redirect(
                "counselling:questionnaire_draft",
                code=version.questionnaire.code,
                number=version.number,
            )
    return render(request, "counselling/questionnaire_import.html", {"form": form})


@staff_with("counselling.view_questionnaire")
def questionnaire_xlsform(request, code, number):
    version = _version(request, code, number)
    return _download(xlsform.write_xlsform(version), XLSX, f"{code}-v{number}.xlsx")


# Responses -----------------------------------------------------------------------------------


def _linked(request, name, records):
    """The visitor or consultation named in the address, if the person may see it."""
    value = request.GET.get(name, "")
    if not value:
        return None
    if not value.isdigit():
        raise Http404
    return get_object_or_404(records, pk=value)


@staff_with("counselling.add_response")
def response_new(request, code, number):
    version = _version(request, code, number)
    if version.status != QuestionnaireStatus.PUBLISHED:
        messages.error(request, _("Only the published version of a questionnaire takes responses."))
        return redirect("counselling:questionnaire", code=code)
    visitor = _linked(request, "visitor", queries.visitors_visible_to(request.user))
    consultation = _linked(request, "consultation", queries.consultations_visible_to(request.user))
    linked = consultation or visitor
    form = ResponseForm(
        request.POST or None,
        version=version,
        offices=offices_of(request.user),
        initial={"office": linked.office_id if linked else None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            response = services.record_response(
                actor=request.user,
                office=data["office"],
                version=version,
                answers=form.answers(),
                visitor=visitor,
                consultation=consultation,
                answered_on=data["answered_on"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The answers were saved."))
            return redirect("counselling:response", pk=response.pk)
    # Radio buttons and check boxes show as chips, quick to tap on a phone.
    fields = [
        (form[name], getattr(form.fields[name].widget, "input_type", "") in ("radio", "checkbox"))
        for name in map(field_name, form.questions)
    ]
    return render(
        request,
        "counselling/response_form.html",
        {
            "version": version,
            "form": form,
            "fields": fields,
            "visitor": visitor,
            "consultation": consultation,
        },
    )


@staff_with("counselling.view_response")
def response_detail(request, pk):
    response = get_object_or_404(
        queries.responses_visible_to(request.user).select_related(
            "version__questionnaire", "visitor", "consultation", "created_by"
        ),
        pk=pk,
    )
    answers = {
        answer.question_id: answer
        for answer in Answer.objects.filter(response=response).prefetch_related("choices")
    }
    rows = [
        (question, answers.get(question.pk))
        for question in response.version.questions.prefetch_related("choices")
    ]
    return render(request, "counselling/response_detail.html", {"response": response, "rows": rows})


# Results -------------------------------------------------------------------------------------


def _results_scope(request, code):
    """The questionnaire, its versions that took responses, the filter form, the chosen
    version and the responses it counts (only those the person may see)."""
    questionnaire = _questionnaire(request, code)
    versions = list(questionnaire.versions.exclude(status=QuestionnaireStatus.DRAFT))
    versions.sort(key=lambda version: -version.number)
    if not versions:
        raise Http404
    offices = sorted_by(offices_visible_to(request.user), "name")
    form = ResultsFilterForm(request.GET or None, versions=versions, offices=offices)
    data = form.cleaned_data if form.is_valid() else getattr(form, "cleaned_data", {})
    version = next((v for v in versions if v.number == data.get("version")), versions[0])
    responses = filter_responses(
        queries.responses_visible_to(request.user),
        version=version,
        office=data.get("office"),
        start=data.get("start"),
        end=data.get("end"),
    )
    return questionnaire, version, form, responses


@staff_with("counselling.view_response")
def questionnaire_results(request, code):
    questionnaire, version, form, responses = _results_scope(request, code)
    total, results = version_results(version, responses)
    if request.GET.get("format") == "xlsx":
        data = form.cleaned_data if form.is_bound else {}
        filters = [
            (form.fields[key].label, str(data[key]))
            for key in ("office", "start", "end")
            if data.get(key)
        ]
        return _download(
            questionnaire_exports.results_xlsx(version, total, result_table(results), filters),
            XLSX,
            f"{code}-v{version.number}-results.xlsx",
        )
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "counselling/questionnaire_results.html",
        {
            "questionnaire": questionnaire,
            "version": version,
            "form": form,
            "total": total,
            "results": results,
            "query": query.urlencode(),
        },
    )


EXPORTS = {
    "csv": (questionnaire_exports.responses_csv, "text/csv; charset=utf-8"),
    "xlsx": (questionnaire_exports.responses_xlsx, XLSX),
}


@staff_with("counselling.view_response")
def response_export(request, code, fmt):
    """Every response the filters select, one row each: answers of people, so logged."""
    if fmt not in EXPORTS:
        raise Http404
    _questionnaire_, version, form, responses = _results_scope(request, code)
    write, content_type = EXPORTS[fmt]
    content = write(version, responses)
    audit.record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=version,
        fields=sorted(key for key in ("office", "start", "end") if request.GET.get(key)),
        label=str(version),
    )
    return _download(content, content_type, f"{code}-v{version.number}-responses.{fmt}")
