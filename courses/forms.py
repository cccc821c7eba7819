from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from courses.models import Programme, Theme


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", _("All")), *Theme.choices], required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *settings.LANGUAGES], required=False
    )
