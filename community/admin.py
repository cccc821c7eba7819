from django.contrib import admin

from community.models import CaseAttachment, CaseImage, CaseStudy, CaseTheme, ModerationAction, Report, Thread


class CaseThemeInline(admin.TabularInline):
    model = CaseTheme
    extra = 0


class CaseImageInline(admin.TabularInline):
    model = CaseImage
    extra = 0
    fields = ["alt_text", "width", "height", "size"]
    readonly_fields = ["width", "height", "size"]


class CaseAttachmentInline(admin.TabularInline):
    model = CaseAttachment
    extra = 0
    fields = ["title", "original_name", "content_type", "size"]
    readonly_fields = ["original_name", "content_type", "size"]


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin):
    # Content is edited through the site (which renders and sanitises Markdown); the admin is for oversight.
    list_display = ["title", "country", "year", "status", "submitted_by", "published_at"]
    list_filter = ["status", "country", "year"]
    search_fields = ["title"]
    readonly_fields = [
        "body_html",
        "search_text",
        "submitted_by",
        "reviewed_by",
        "submitted_at",
        "reviewed_at",
    ]
    raw_id_fields = ["lessons", "partner"]
    inlines = [CaseThemeInline, CaseImageInline, CaseAttachmentInline]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "author", "reply_count", "is_pinned", "is_locked", "is_hidden"]
    list_filter = ["is_pinned", "is_locked", "is_hidden"]
    search_fields = ["title"]
    raw_id_fields = ["course", "lesson", "author"]
    readonly_fields = ["reply_count", "last_activity_at"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["post", "reason", "status", "created_at"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["post", "reporter", "resolved_by"]


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is never edited."""

    list_display = ["created_at", "course", "kind", "actor", "thread"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
