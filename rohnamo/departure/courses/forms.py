"""Forms of the course pages (staff and public). They only read input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.form_choices import country_choices, district_choices_by_region
from rohnamo.core.models import District, Language, User
from rohnamo.core.queries import offices_visible_to
from rohnamo.counselling.choices import Sex
from rohnamo.departure.courses.certificates import LENGTH
from rohnamo.departure.courses.enrolment import OLDEST, YOUNGEST
from rohnamo.departure.courses.services import COURSE_FIELDS
from rohnamo.departure.models import Course, CourseSession
from rohnamo.lib.codes import plain_code
from rohnamo.lib.collation import sort_key, sorted_by

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class CourseForm(forms.ModelForm):
    """Scheduling or changing a course. The centre is chosen among the reader's offices."""

    class Meta:
        model = Course
        fields = ["office", *COURSE_FIELDS, "trainers"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "trainers": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offices = sorted_by(offices_visible_to(user).filter(is_active=True), "name")
        self.fields["office"].queryset = offices_visible_to(user)
        self.fields["office"].choices = [(office.pk, office.name) for office in offices]
        self.fields["office"].label = _("Centre")
        if self.instance.pk:
            self.fields["office"].disabled = True
        self.fields["destination"].choices = country_choices()
        self.fields["language"].queryset = Language.objects.all()
        staff = User.objects.filter(
            memberships__office__in=offices_visible_to(user), is_active=True
        ).distinct()
        self.fields["trainers"].queryset = staff
        self.fields["trainers"].choices = [
            (person.pk, str(person)) for person in sorted(staff, key=lambda p: sort_key(str(p)))
        ]

    def service_fields(self):
        data = dict(self.cleaned_data)
        data.pop("office", None)
        data.pop("trainers", None)
        return data


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    starts_at = forms.TimeField(label=_("Start time"), widget=TIME)
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False)


class PersonForm(forms.Form):
    """Who enrols: the same fields at the desk and online (the desk adds the passport)."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, widget=forms.RadioSelect)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100)
    district = forms.ModelChoiceField(
        label=_("Home district"), queryset=District.objects.all(), required=True
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = district_choices_by_region()
        self.fields["birth_year"].help_text = _("People aged %(young)d to %(old)d.") % {
            "young": YOUNGEST,
            "old": OLDEST,
        }


class DeskEnrolmentForm(PersonForm):
    passport_number = forms.CharField(
        label=_("Passport number (optional)"), max_length=20, required=False
    )


class AttendanceForm(forms.Form):
    """One checkbox per enrolled person for one session of the course."""

    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=CourseSession.objects.none(),
        error_messages={"invalid_choice": _("This course has no such session.")},
    )
    present = forms.MultipleChoiceField(
        label=_("Present"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, course, enrolled, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = CourseSession.objects.filter(course=course)
        self.fields["present"].choices = [(each.pk, each.full_name) for each in enrolled]


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Why is it revoked?"), max_length=500)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=30,
        help_text=_("12 letters and digits, as printed under the QR code."),
    )

    def clean_code(self):
        code = plain_code(self.cleaned_data["code"])
        if len(code) != LENGTH:
            raise forms.ValidationError(_("A certificate code has 12 letters and digits."))
        return code
