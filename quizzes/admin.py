from django.contrib import admin

from quizzes.models import Answer, Attempt, Choice, ChoiceTranslation, Question, QuestionTranslation, Quiz


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


class QuestionTranslationInline(admin.StackedInline):
    model = QuestionTranslation
    extra = 0
    fields = ["language", "text", "explanation"]


@admin.register(ChoiceTranslation)
class ChoiceTranslationAdmin(admin.ModelAdmin):
    list_display = ["text", "language", "choice"]
    list_filter = ["language"]
    search_fields = ["text", "choice__text"]
    raw_id_fields = ["choice"]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "module", "purpose", "is_published", "is_required", "pass_mark"]
    list_filter = ["is_published", "purpose", "course"]
    search_fields = ["title", "course__title"]
    list_select_related = ["course", "module"]
    raw_id_fields = ["course", "module"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "quiz", "kind", "position", "points", "is_archived"]
    list_filter = ["kind", "is_archived"]
    search_fields = ["text", "quiz__title"]
    list_select_related = ["quiz"]
    raw_id_fields = ["quiz"]
    inlines = [ChoiceInline, QuestionTranslationInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    raw_id_fields = ["question"]
    readonly_fields = ["selected_choice_ids", "text_response", "answered_at", "credit", "is_correct"]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["trainee", "quiz", "number", "status", "score", "passed", "started_at", "submitted_at"]
    list_filter = ["status", "passed", "quiz__course"]
    search_fields = ["trainee__email", "quiz__title"]
    list_select_related = ["trainee", "quiz"]
    raw_id_fields = ["trainee", "quiz"]
    readonly_fields = ["score", "passed", "submitted_at", "timed_out"]
    inlines = [AnswerInline]
