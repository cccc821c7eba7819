from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from courses import services, uploads
from courses.markdown import render_markdown
from courses.models import (
    Course,
    CourseTranslation,
    Lesson,
    LessonTranslation,
    Module,
    ModuleTranslation,
    Programme,
    Resource,
)


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "theme", "slug"]
    list_filter = ["theme", "partners"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["partners"]


class CourseTranslationInline(admin.StackedInline):
    model = CourseTranslation
    extra = 0
    fields = ["language", "title", "summary"]


class ModuleTranslationInline(admin.StackedInline):
    model = ModuleTranslation
    extra = 0
    fields = ["language", "title", "summary"]


class LessonTranslationInline(admin.StackedInline):
    model = LessonTranslation
    extra = 0
    fields = ["language", "title", "body"]


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0
    fields = ["position", "title"]
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "language", "status", "estimated_hours", "updated_at"]
    list_filter = ["status", "language", "programme__theme", "programme"]
    search_fields = ["title", "summary", "slug"]
    list_select_related = ["programme"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["trainers"]
    date_hierarchy = "created_at"
    inlines = [ModuleInline, CourseTranslationInline]


class LessonInline(admin.TabularInline):
    model = Lesson
    extra = 0
    fields = ["position", "title", "is_required", "estimated_minutes"]
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "position"]
    list_filter = ["course__programme", "course"]
    search_fields = ["title", "course__title"]
    list_select_related = ["course"]
    inlines = [LessonInline, ModuleTranslationInline]


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "position", "is_required", "estimated_minutes", "updated_at"]
    list_filter = ["is_required", "module__course"]
    search_fields = ["title", "body", "module__title", "module__course__title"]
    list_select_related = ["module", "module__course"]
    inlines = [LessonTranslationInline]

    def save_model(self, request, obj, form, change):
        services.save_lesson(lesson=obj)

    def save_formset(self, request, form, formset, change):
        # A translated body gets its own sanitised HTML, exactly like the lesson's (courses.markdown).
        for translation in formset.save(commit=False):
            if isinstance(translation, LessonTranslation):
                translation.body_html = render_markdown(translation.body)
            translation.save()
        for obj in formset.deleted_objects:
            obj.delete()


class ResourceAdminForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ["lesson", "title", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "content_type"):
            try:
                self.instance.content_type = uploads.validate_resource_file(upload)
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from error
            self.instance.size = upload.size
            self.instance.original_name = upload.name[-200:]
        return upload


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    form = ResourceAdminForm
    list_display = ["title", "lesson", "original_name", "content_type", "size", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["title", "original_name", "lesson__title"]
    list_select_related = ["lesson"]
    raw_id_fields = ["lesson"]
