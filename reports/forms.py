"""The dashboard's filters. They live in the query string, so a filtered view can be shared as a link."""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Country, PartnerOrganisation
from courses.models import Course, Programme
from learning.models import Cohort
from reports.permissions import Scope
from reports.selectors import Filters

_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")


class MonthField(forms.CharField):
    """A month as YYYY-MM (what <input type="month"> sends); a full date is accepted and cut to its month."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM", "pattern": r"\d{4}-\d{2}"})
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2025-03.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = _MONTH.match(value.strip())
        if not match:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = int(match[1]), int(match[2])
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return date(year, month, 1)


class CohortChoiceField(forms.ModelChoiceField):
    """A cohort by name, with the country it is held in and its first month (names need not be unique)."""

    def label_from_instance(self, obj: Cohort) -> str:
        return f"{obj.name} ({obj.get_country_display()}, {obj.starts_on:%Y-%m})"


class ReportFilterForm(forms.Form):
    date_from = MonthField(label=_("From (month)"), required=False)
    date_to = MonthField(label=_("To (month)"), required=False)
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=Course.objects.order_by("title").only("pk", "title"),
        required=False,
        empty_label=_("All"),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    partner = forms.ModelChoiceField(
        label=_("Organisation or partner"),
        queryset=PartnerOrganisation.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    # The choices are the cohorts held in the viewer's countries (set in __init__): any other id, unknown or
    # outside the scope, is the same "Select a valid choice" error, so the form never says which ids exist.
    cohort = CohortChoiceField(
        label=_("Cohort"), queryset=Cohort.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        labels = dict(Country.choices)
        self.fields["country"].choices = [("", _("All in your scope"))] + [
            (code, labels[code]) for code in scope.countries
        ]
        if not scope.is_regional:
            self.fields["country"].widget = forms.HiddenInput()
        self.fields["cohort"].queryset = (
            Cohort.objects.filter(country__in=scope.countries)
            .order_by("-starts_on", "name")
            .only("pk", "name", "country", "starts_on")
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start month is after the end month."), code="reversed")
        return cleaned

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            programme_id=data["programme"].pk if data.get("programme") else None,
            course_id=data["course"].pk if data.get("course") else None,
            country=data.get("country") or None,
            partner_id=data["partner"].pk if data.get("partner") else None,
            cohort_id=data["cohort"].pk if data.get("cohort") else None,
        )


def country_outside_scope(data, scope: Scope) -> bool:
    """A request for a real country the viewer may not see: refused with 403, not treated as a typo."""
    country = data.get("country")
    return bool(country) and country in Country.values and country not in scope.countries
