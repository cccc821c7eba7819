from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import AgeBand, Profile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = services.PROFILE_FIELDS
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "latin_name": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("country", "sex", "age_band"):
            self.fields[name].choices = [("", _("Choose…")), *Profile._meta.get_field(name).choices]
        self.fields["organisation"].empty_label = _("Not listed / none")

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("age_band") == AgeBand.UNDER_18 and not cleaned.get("guardian_consent"):
            self.add_error(
                "guardian_consent",
                _("Trainees under 18 need a parent's or guardian's agreement before they can take part."),
            )
        return cleaned


class SignupProfileForm(ProfileForm):
    """The profile fields shown on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    def __init__(self, *args, **kwargs):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        del self.fields["buddhist_era"]  # a display preference: set later on the profile page
        self.fields["preferred_language"].initial = kwargs.get("initial", {}).get("preferred_language", "en")

    def signup(self, request, user) -> None:
        services.save_profile(user=user, data=self.cleaned_data)
