from django.contrib import admin

from learning.models import Attendance, Cohort, CohortSession, Enrolment, LessonProgress, Participant


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


class CohortSessionInline(admin.TabularInline):
    model = CohortSession
    extra = 0
    fields = ["title", "starts_at", "ends_at", "place", "module", "is_cancelled"]
    raw_id_fields = ["module"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "course", "mode", "country", "province", "partner", "starts_on", "ends_on"]
    list_filter = ["mode", "country", "partner", "course__programme"]
    search_fields = ["name", "province", "course__title"]
    list_select_related = ["course", "partner"]
    raw_id_fields = ["course"]
    filter_horizontal = ["facilitators"]
    inlines = [CohortSessionInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["display_name", "cohort", "country", "sex", "age_band", "source"]
    list_filter = ["source", "country", "sex", "age_band", "cohort__mode"]
    search_fields = ["display_name", "cohort__name"]
    list_select_related = ["cohort"]
    raw_id_fields = ["cohort", "enrolment"]


@admin.register(CohortSession)
class CohortSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "cohort", "starts_at", "place", "is_cancelled"]
    list_filter = ["is_cancelled", "cohort__mode", "cohort__country"]
    search_fields = ["title", "place", "cohort__name"]
    list_select_related = ["cohort"]
    raw_id_fields = ["cohort", "module"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["participant", "session", "present"]
    list_filter = ["present", "session__cohort__country"]
    search_fields = ["participant__display_name", "session__title"]
    list_select_related = ["participant", "session"]
    raw_id_fields = ["participant", "session", "marked_by"]
