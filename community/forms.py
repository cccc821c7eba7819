from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import MEKONG_COUNTRIES, Country, PartnerOrganisation
from community.models import CaseStudy, ReportReason
from courses.models import Lesson, Theme

COUNTRY_CHOICES = [(c, Country(c).label) for c in MEKONG_COUNTRIES]
MARKDOWN_HELP = _("You can use Markdown: **bold**, *italic*, lists, [links](https://example.org).")


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    lesson = forms.ModelChoiceField(
        label=_("About a lesson (optional)"),
        queryset=Lesson.objects.none(),
        required=False,
        empty_label=_("None"),
    )
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text=MARKDOWN_HELP,
    )

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lesson"].queryset = (
            Lesson.objects.filter(module__course=course)
            .select_related("module")
            .order_by("module__position", "position")
        )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20_000,
        help_text=MARKDOWN_HELP,
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Details for the moderators (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason (kept in the moderation log)"), max_length=500, required=False)


class ReturnCaseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the case returned? The author sees this."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CaseForm(forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=Theme.choices, widget=forms.CheckboxSelectMultiple
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES)
    image_1 = forms.FileField(
        label=_("Image"), required=False, help_text=_("JPEG, PNG, WebP or GIF, up to 5 MB.")
    )
    image_1_alt = forms.CharField(label=_("What the image shows"), max_length=300, required=False)
    image_2 = forms.FileField(label=_("Another image"), required=False)
    image_2_alt = forms.CharField(label=_("What the image shows"), max_length=300, required=False)
    file_1 = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument, up to 10 MB."),
    )
    file_1_title = forms.CharField(label=_("Attachment title"), max_length=200, required=False)
    file_2 = forms.FileField(label=_("Another attachment"), required=False)
    file_2_title = forms.CharField(label=_("Attachment title"), max_length=200, required=False)

    class Meta:
        model = CaseStudy
        fields = ["title", "country", "themes", "partner", "year", "language", "summary", "body"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "body": forms.Textarea(attrs={"rows": 14})}
        help_texts = {"body": MARKDOWN_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = PartnerOrganisation.objects.order_by("name")
        self.fields["year"].widget = forms.NumberInput(attrs={"min": 1990, "max": timezone.now().year + 1})
        if self.instance.pk:
            self.initial.setdefault("themes", [t.theme for t in self.instance.themes.all()])
            self.fields["remove_images"] = forms.ModelMultipleChoiceField(
                label=_("Remove images"),
                queryset=self.instance.images.all(),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.fields["remove_attachments"] = forms.ModelMultipleChoiceField(
                label=_("Remove attachments"),
                queryset=self.instance.attachments.all(),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year < 1990 or year > timezone.now().year + 1:
            raise forms.ValidationError(_("Enter a year between 1990 and next year."))
        return year

    def case_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("title", "country", "partner", "year", "language", "summary", "body")
        }

    def uploads(self):
        from community.services.cases import CaseUploads

        files = CaseUploads()
        for n in (1, 2):
            if self.cleaned_data.get(f"image_{n}"):
                files.images.append(
                    (self.cleaned_data[f"image_{n}"], self.cleaned_data.get(f"image_{n}_alt", ""))
                )
            if self.cleaned_data.get(f"file_{n}"):
                files.attachments.append(
                    (self.cleaned_data[f"file_{n}"], self.cleaned_data.get(f"file_{n}_title", ""))
                )
        files.remove_image_ids = [i.pk for i in self.cleaned_data.get("remove_images") or []]
        files.remove_attachment_ids = [a.pk for a in self.cleaned_data.get("remove_attachments") or []]
        return files


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("All")), *COUNTRY_CHOICES], required=False
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", _("All")), *Theme.choices], required=False)
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=PartnerOrganisation.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All")), *((y, y) for y in years)]


class LessonLinkForm(forms.Form):
    lesson = forms.ModelChoiceField(label=_("Lesson"), queryset=Lesson.objects.none())

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lesson"].queryset = (
            Lesson.objects.filter(module__course__in=courses)
            .select_related("module__course")
            .order_by("module__course__title", "module__position", "position")
        )
        self.fields["lesson"].label_from_instance = lambda lesson: (
            f"{lesson.module.course.title}: {lesson.title}"
        )
