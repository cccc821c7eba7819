from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile

from certificates import images
from certificates.models import (
    MAX_LOGOS,
    MAX_SIGNATORIES,
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    TemplateLogo,
    TemplateSignatory,
)


def _checked(value, *, max_side: int):
    """A new upload is proven and re-encoded as PNG; an unchanged or cleared field passes as it is."""
    if isinstance(value, UploadedFile):
        return images.reencode_png(value, max_side=max_side)
    return value


class TemplateSignatoryForm(forms.ModelForm):
    class Meta:
        model = TemplateSignatory
        fields = ["position", "name", "title", "signature"]

    def clean_signature(self):
        return _checked(self.cleaned_data.get("signature"), max_side=800)


class TemplateLogoForm(forms.ModelForm):
    class Meta:
        model = TemplateLogo
        fields = ["position", "image"]

    def clean_image(self):
        return _checked(self.cleaned_data.get("image"), max_side=800)


class TemplateSignatoryInline(admin.TabularInline):
    model = TemplateSignatory
    form = TemplateSignatoryForm
    extra = 0
    max_num = MAX_SIGNATORIES


class TemplateLogoInline(admin.TabularInline):
    model = TemplateLogo
    form = TemplateLogoForm
    extra = 0
    max_num = MAX_LOGOS


@admin.register(CertificateTemplate)
class CertificateTemplateAdmin(admin.ModelAdmin):
    """Edits reach certificates issued from now on; issued ones change only when re-issued."""

    list_display = ["name", "programme", "issuer_name", "is_default"]
    list_select_related = ["programme"]
    inlines = [TemplateSignatoryInline, TemplateLogoInline]


class CertificateEventInline(admin.TabularInline):
    model = CertificateEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "actor", "reason", "at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Read-only: revoke and re-issue through /coordinator/certificates/, which audits and re-renders."""

    list_display = ["reference", "holder_name", "course_title", "issued_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["holder_name", "holder_latin_name", "course_title"]
    inlines = [CertificateEventInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + ["code"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
