from django import forms
from django.utils.translation import gettext_lazy as _

from reminders import kinds, timezones
from reminders.models import EmailMode, Kind, validate_time_zone


class PreferencesForm(forms.Form):
    enabled_kinds = forms.MultipleChoiceField(
        label=_("Tell me about"), required=False, widget=forms.CheckboxSelectMultiple
    )
    email_mode = forms.ChoiceField(label=_("Emails"), choices=EmailMode.choices, widget=forms.RadioSelect)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_("Reminders arrive only between 08:00 and 20:00 your time."),
        validators=[validate_time_zone],
    )

    def __init__(self, *args, is_trainer: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offered = [k for k in kinds.PERSONAL if is_trainer or k != Kind.TRAINER_DIGEST]
        self.fields["enabled_kinds"].choices = [(k, Kind(k).label) for k in offered]
        self.fields["time_zone"].choices = [("", _("The time zone of my country"))] + [
            (name, name.replace("_", " ")) for name in timezones.CHOICES
        ]


def _days_list(value: str) -> list[int]:
    try:
        days = sorted({int(part) for part in value.replace(" ", "").split(",") if part}, reverse=True)
    except ValueError:
        raise forms.ValidationError(
            _("Enter whole numbers of days separated by commas, e.g. 7, 1.")
        ) from None
    if not days or len(days) > 3 or any(d < 1 or d > 60 for d in days):
        raise forms.ValidationError(_("Enter one to three numbers of days between 1 and 60."))
    return days


class RulesForm(forms.Form):
    """The defaults of each kind for one course or programme; every field shows the value in force."""

    def __init__(self, *args, current: dict[str, kinds.Rule], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds.CONFIGURABLE:
            rule = current[kind]
            self.fields[f"{kind}__is_enabled"] = forms.BooleanField(
                label=Kind(kind).label, required=False, initial=rule.is_enabled
            )
        inactivity, deadline = current[Kind.INACTIVITY], current[Kind.DEADLINE]
        self.fields["inactivity__delay_days"] = forms.IntegerField(
            label=_("Days without activity before the first nudge"),
            min_value=1,
            max_value=90,
            initial=inactivity.delay_days,
            help_text=_("Later nudges follow after three and seven times as many days."),
        )
        self.fields["inactivity__max_count"] = forms.IntegerField(
            label=_("Nudges at most"), min_value=1, max_value=kinds.MAX_NUDGES, initial=inactivity.max_count
        )
        self.fields["deadline__days_before"] = forms.CharField(
            label=_("Days before the end date"),
            initial=", ".join(str(d) for d in deadline.days_before),
            help_text=_("Up to three numbers, e.g. 7, 1."),
        )

    def clean_deadline__days_before(self) -> list[int]:
        return _days_list(self.cleaned_data["deadline__days_before"])

    def values(self) -> dict[str, dict]:
        data = self.cleaned_data
        values = {kind: {"is_enabled": data[f"{kind}__is_enabled"]} for kind in kinds.CONFIGURABLE}
        values[Kind.INACTIVITY].update(
            delay_days=data["inactivity__delay_days"], max_count=data["inactivity__max_count"]
        )
        values[Kind.DEADLINE]["days_before"] = data["deadline__days_before"]
        return values

    def enabled_fields(self):
        return [self[f"{kind}__is_enabled"] for kind in kinds.CONFIGURABLE]
