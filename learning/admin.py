from django.contrib import admin

from learning.models import Enrolment, LessonProgress


class LessonProgressInline(admin.TabularInline):
    model = LessonProgress
    extra = 0
    raw_id_fields = ["lesson"]
    readonly_fields = ["completed_at"]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["trainee", "course", "status", "enrolled_at", "completed_at", "last_activity_at"]
    list_filter = ["status", "course__programme", "course", "trainee__profile__country"]
    search_fields = ["trainee__email", "trainee__profile__full_name", "course__title"]
    list_select_related = ["trainee", "course"]
    raw_id_fields = ["trainee", "course", "last_lesson"]
    date_hierarchy = "enrolled_at"
    inlines = [LessonProgressInline]


@admin.register(LessonProgress)
class LessonProgressAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "lesson", "completed_at"]
    list_filter = ["lesson__module__course"]
    search_fields = ["enrolment__trainee__email", "lesson__title"]
    list_select_related = ["enrolment__trainee", "enrolment__course", "lesson"]
    raw_id_fields = ["enrolment", "lesson"]
