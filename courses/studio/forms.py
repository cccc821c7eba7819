"""Forms of the studio. They check the shape of input; the rules live in courses.authoring."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from courses.models import Course, Lesson, Programme


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class CourseForm(forms.ModelForm):
    cover = forms.FileField(
        label=_("Cover image"),
        required=False,
        help_text=_("JPEG, PNG or WebP. It is resized and compressed for slow connections."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    remove_cover = forms.BooleanField(label=_("Remove the cover image"), required=False)

    class Meta:
        model = Course
        fields = [
            "title",
            "summary",
            "language",
            "programme",
            "estimated_hours",
            "enrolment_opens_at",
            "enrolment_closes_at",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "enrolment_opens_at": DateTimeLocalInput(),
            "enrolment_closes_at": DateTimeLocalInput(),
        }
        help_texts = {
            "enrolment_opens_at": _("Optional. Leave empty to open enrolment as soon as it is published."),
            "enrolment_closes_at": _("Optional. Leave empty to keep enrolment open."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("name")
        if not self.instance.cover_image:
            del self.fields["remove_cover"]

    def clean(self):
        data = super().clean()
        opens, closes = data.get("enrolment_opens_at"), data.get("enrolment_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("enrolment_closes_at", _("Enrolment must close after it opens."))
        return data

    def course_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CoTrainerForm(forms.Form):
    email = forms.EmailField(label=_("Email of the trainer to add"))


class ModuleForm(forms.Form):
    title = forms.CharField(label=_("Module title"), max_length=200)


class NewLessonForm(forms.Form):
    title = forms.CharField(label=_("Lesson title"), max_length=200)
    is_required = forms.BooleanField(label=_("Required for completion"), required=False, initial=True)


class LessonQuickForm(forms.Form):
    """Rename a lesson or change whether it is required, from the outline."""

    title = forms.CharField(label=_("Lesson title"), max_length=200)
    is_required = forms.BooleanField(label=_("Required"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class LessonForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown as a link with a small picture; videos never play by themselves."),
    )

    class Meta:
        model = Lesson
        fields = ["title", "body", "video_url", "estimated_minutes", "is_required"]
        widgets = {"body": forms.Textarea(attrs={"rows": 18, "spellcheck": "true"})}
        labels = {"body": _("Text (Markdown)")}
        help_texts = {
            "body": _(
                "Markdown: ## for a heading, **bold**, *italic*, - for a list, [text](https://...) for a "
                "link. HTML is not allowed and is shown as text."
            ),
        }

    def content(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DraftForm(forms.Form):
    """What autosave receives: lenient, because half-typed text is still worth keeping."""

    title = forms.CharField(max_length=200, required=False)
    body = forms.CharField(required=False, strip=False)
    video_url = forms.CharField(max_length=500, required=False)
    estimated_minutes = forms.IntegerField(min_value=0, max_value=32767, required=False)
    version = forms.IntegerField(min_value=1)


class PreviewForm(forms.Form):
    body = forms.CharField(required=False, strip=False)


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("Image"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    alt_text = forms.CharField(
        label=_("Describe the image"),
        max_length=300,
        required=False,
        help_text=_("For trainees who use a screen reader or whose images do not load."),
    )


class ResourceForm(forms.Form):
    title = forms.CharField(label=_("Title of the download"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, Office or OpenDocument files, or images."))


class RestoreForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReorderForm(forms.Form):
    ids = forms.CharField(max_length=20000)

    def clean_ids(self) -> list[int]:
        try:
            return [int(part) for part in self.cleaned_data["ids"].split(",") if part.strip()]
        except ValueError as error:
            raise forms.ValidationError(_("Invalid order.")) from error


class CopyForm(forms.Form):
    title = forms.CharField(label=_("Title of the copy"), max_length=200)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("Change it when the copy is the base of a translation."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Course file (.zip)"), widget=forms.ClearableFileInput(attrs={"accept": ".zip"})
    )
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.order_by("name"))
