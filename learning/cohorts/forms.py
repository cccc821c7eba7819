"""Forms check the shape of input; learning.cohorts.services checks the business rules."""

import base64
import binascii

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import AgeBand, Country, PartnerOrganisation, Role, Sex, User
from courses.models import Course, Module
from learning.cohorts import csv_import
from learning.models import Cohort, CohortSession


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        return value.strftime("%Y-%m-%dT%H:%M") if hasattr(value, "strftime") else value


class CohortForm(forms.ModelForm):
    co_facilitators = forms.CharField(
        label=_("Co-facilitators' emails"),
        required=False,
        help_text=_(
            "Optional. Trainers' account emails, separated by commas. You are a facilitator already."
        ),
    )

    class Meta:
        model = Cohort
        fields = [
            "course",
            "name",
            "partner",
            "country",
            "province",
            "mode",
            "starts_on",
            "ends_on",
            "min_attendance_percent",
            "join_code_expires_at",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "join_code_expires_at": DateTimeInput(),
        }

    def __init__(self, *args, courses=None, **kwargs):
        super().__init__(*args, **kwargs)
        if courses is not None:
            self.fields["course"].queryset = courses
        if self.instance.pk:
            del self.fields["course"]
        self.fields["partner"].queryset = PartnerOrganisation.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The group cannot end before it starts."))
        return data

    def clean_co_facilitators(self) -> list[User]:
        emails = [e.strip().lower() for e in self.cleaned_data["co_facilitators"].split(",") if e.strip()]
        users = list(
            User.objects.filter(email__in=emails, role__in=[Role.TRAINER, Role.ADMIN], is_active=True)
        )
        unknown = sorted(set(emails) - {user.email for user in users})
        if unknown:
            raise forms.ValidationError(
                _("No trainer account has this email: %(emails)s") % {"emails": ", ".join(unknown)}
            )
        return users


class SessionForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online meeting link"), required=False, assume_scheme="https")

    class Meta:
        model = CohortSession
        fields = ["title", "starts_at", "ends_at", "place", "online_url", "module", "is_cancelled"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args, course: Course, zone_label: str, **kwargs):
        """Bind inside timezone.override(the cohort's zone): the times typed are local to the place."""
        super().__init__(*args, **kwargs)
        local = _("Local time at the cohort's place (%(zone)s).") % {"zone": zone_label}
        self.fields["starts_at"].help_text = self.fields["ends_at"].help_text = local
        self.fields["module"].queryset = Module.objects.filter(course=course).order_by("position")
        if not self.instance.pk:
            del self.fields["is_cancelled"]

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The session must end after it starts."))
        if not data.get("place") and not data.get("online_url"):
            raise forms.ValidationError(_("Give a place or an online meeting link."))
        return data


class ParticipantForm(forms.Form):
    display_name = forms.CharField(label=_("First name or initials"), max_length=csv_import.NAME_MAX)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    age_band = forms.ChoiceField(label=_("Age"), choices=AgeBand.choices)
    guardian_consent = forms.BooleanField(
        label=_("A parent or guardian has agreed"), required=False, help_text=_("Required for under 18s.")
    )

    def clean(self):
        data = super().clean()
        if data.get("age_band") == AgeBand.UNDER_18 and not data.get("guardian_consent"):
            self.add_error("guardian_consent", _("Required for a participant under 18."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Participant list (CSV)"),
        help_text=_("Columns: %(header)s. Email and guardian consent are optional.")
        % {"header": csv_import.TEMPLATE_HEADER},
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > csv_import.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB. Split it into smaller files."))
        return upload.read()


class ConfirmImportForm(forms.Form):
    """The previewed file travels back with the confirmation (base64) and is checked again on import."""

    content = forms.CharField(widget=forms.HiddenInput)

    def clean_content(self) -> bytes:
        try:
            data = base64.b64decode(self.cleaned_data["content"], validate=True)
        except (binascii.Error, ValueError):
            raise forms.ValidationError(_("The file was lost on the way. Upload it again.")) from None
        if len(data) > csv_import.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB. Split it into smaller files."))
        return data


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=32,
        help_text=_("The code your facilitator gave you, for example K7P2-QM4X."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class MarkForm(forms.Form):
    participant = forms.IntegerField(min_value=1)
    present = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")
