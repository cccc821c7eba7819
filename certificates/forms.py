from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the audit log. The public verification page shows only that it is revoked."),
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for re-issuing (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Re-issuing takes the current name and course details and makes a new PDF with the same code."
        ),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name or reference"), max_length=200, required=False)


class ManualIssueForm(forms.Form):
    email = forms.EmailField(label=_("Trainee's email address"), max_length=254)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "For a trainee who completed this course face to face. They are enrolled if needed, the course "
            "is marked completed and the certificate is issued. Recorded in the certificate's history."
        ),
    )
