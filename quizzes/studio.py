"""The trainers' side under /studio/: quiz settings, questions, CSV import, preview and item analysis.

A course that the user cannot see is 404; a course they can see but do not teach is 403. Item analysis is
also open to coordinators (national coordinators count only their country's trainees).
"""

import csv

from django import forms as django_forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses import permissions as course_permissions
from courses.models import Course
from quizzes import exports, forms, permissions, selectors, services, translations
from quizzes.models import ChoiceTranslation, Question, QuestionKind, QuestionTranslation, Quiz


def _course(request: HttpRequest, slug: str) -> Course:
    course = get_object_or_404(course_permissions.courses_visible_to(request.user), slug=slug)
    if not permissions.can_author_quizzes(request.user, course):
        raise PermissionDenied
    return course


def _quiz(course: Course, quiz_id: int) -> Quiz:
    quiz = get_object_or_404(Quiz.objects.select_related("module"), pk=quiz_id, course=course)
    quiz.course = course
    return quiz


def _question(quiz: Quiz, question_id: int) -> Question:
    question = get_object_or_404(
        Question.objects.active().prefetch_related("choices"), pk=question_id, quiz=quiz
    )
    question.quiz = quiz
    return question


def _edit_url(quiz: Quiz) -> str:
    return reverse("quizzes:studio_quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


@require_GET
def quiz_list(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    return render(
        request,
        "quizzes/studio/quiz_list.html",
        {"course": course, "quizzes": selectors.studio_quizzes(course=course)},
    )


@require_http_methods(["GET", "POST"])
def quiz_create(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    form = forms.QuizForm(request.POST or None, course=course)
    if request.method == "POST" and form.is_valid():
        try:
            quiz = services.save_quiz(quiz=form.save(commit=False), course=course)
        except services.QuizError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Quiz created. Now add its questions."))
            return redirect(_edit_url(quiz))
    return render(request, "quizzes/studio/quiz_form.html", {"course": course, "form": form})


@require_http_methods(["GET", "POST"])
def quiz_edit(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    form = forms.QuizForm(request.POST or None, instance=quiz, course=course)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_quiz(quiz=form.save(commit=False), course=course)
        except services.QuizError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Quiz settings saved."))
            return redirect(_edit_url(quiz))
    targets = (
        Quiz.objects.filter(course__trainers=request.user) if not request.user.is_admin else Quiz.objects
    )
    return render(
        request,
        "quizzes/studio/quiz_edit.html",
        {
            "course": course,
            "quiz": quiz,
            "form": form,
            "questions": selectors.studio_questions(quiz=quiz),
            "new_question_form": forms.NewQuestionForm(),
            "copy_form": forms.CopyQuestionForm(targets=targets.exclude(pk=quiz.pk).select_related("course")),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def quiz_delete(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    try:
        services.delete_quiz(quiz=quiz)
    except services.QuizError as error:
        messages.error(request, str(error))
        return redirect(_edit_url(quiz))
    messages.success(request, _("Quiz deleted."))
    return redirect("quizzes:studio_quizzes", slug=course.slug)


def _question_form_page(request, course, quiz, form, question=None, status=200) -> HttpResponse:
    return render(
        request,
        "quizzes/studio/question_form.html",
        {
            "course": course,
            "quiz": quiz,
            "form": form,
            "question": question,
            "kind_label": QuestionKind(form.kind).label,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    kind = request.GET.get("kind") or request.POST.get("kind") or ""
    if kind not in QuestionKind.values:
        messages.error(request, _("Choose the type of question first."))
        return redirect(_edit_url(quiz))
    form = forms.QuestionForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        data = form.question_data()
        if form.is_valid():
            try:
                services.create_question(quiz=quiz, data=data)
            except services.QuestionInvalid as error:
                for message in error.errors:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Question added."))
                if "add_another" in request.POST:
                    return redirect(
                        f"{reverse('quizzes:studio_question_new', args=[slug, quiz.pk])}?kind={kind}"
                    )
                return redirect(_edit_url(quiz))
    return _question_form_page(request, course, quiz, form, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, slug: str, quiz_id: int, question_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    question = _question(quiz, question_id)
    initial = forms.QuestionForm.initial_from(services.question_data_from(question))
    form = forms.QuestionForm(request.POST or None, kind=question.kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.question_data()
        if form.is_valid():
            try:
                services.update_question(question=question, data=data)
            except services.QuestionInvalid as error:
                for message in error.errors:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Question saved."))
                return redirect(_edit_url(quiz))
    return _question_form_page(request, course, quiz, form, question, status=400 if form.errors else 200)


@require_POST
def question_delete(request: HttpRequest, slug: str, quiz_id: int, question_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    if services.delete_question(question=_question(quiz, question_id)):
        messages.success(request, _("Question deleted."))
    else:
        messages.success(
            request,
            _(
                "Trainees have answered this question, so it was archived: "
                "it keeps their history but is no longer asked."
            ),
        )
    return redirect(_edit_url(quiz))


@require_POST
def question_move(request: HttpRequest, slug: str, quiz_id: int, question_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    step = -1 if request.POST.get("direction") == "up" else 1
    services.move_question(question=_question(quiz, question_id), step=step)
    return redirect(f"{_edit_url(quiz)}#question-{question_id}")


@require_POST
def questions_reorder(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    form = forms.ReorderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("List the question ids separated by commas."))
        return redirect(_edit_url(quiz))
    try:
        services.reorder_questions(quiz=quiz, ordered_ids=form.cleaned_data["order"])
    except services.QuizError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Questions reordered."))
    return redirect(_edit_url(quiz))


@require_POST
def question_copy(request: HttpRequest, slug: str, quiz_id: int, question_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    question = _question(quiz, question_id)
    form = forms.CopyQuestionForm(request.POST, targets=Quiz.objects.select_related("course"))
    if not form.is_valid():
        messages.error(request, _("Choose a quiz to copy the question to."))
        return redirect(_edit_url(quiz))
    target = form.cleaned_data["target"]
    if not permissions.can_author_quizzes(request.user, target.course):
        raise PermissionDenied
    services.copy_question(question=question, target=target)
    messages.success(request, _("Question copied to “%(quiz)s”.") % {"quiz": target.title})
    return redirect(_edit_url(quiz))


@require_http_methods(["GET", "POST"])
def question_import(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > services.imports.MAX_BYTES:
                raise services.ImportRejected([services.RowError(0, _("The file is larger than 1 MB."))])
            created = services.import_questions(quiz=quiz, content=upload.read())
        except services.ImportRejected as rejected:
            errors = rejected.errors
        else:
            messages.success(request, _("%(count)s questions imported.") % {"count": len(created)})
            return redirect(_edit_url(quiz))
    return render(
        request,
        "quizzes/studio/import.html",
        {"course": course, "quiz": quiz, "form": form, "errors": errors},
        status=400 if errors or form.errors else 200,
    )


@never_cache
@require_GET
def preview(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    return render(
        request,
        "quizzes/studio/preview.html",
        {"course": course, "quiz": quiz, "items": selectors.preview_items(quiz=quiz)},
    )


def _analysis_quiz(request: HttpRequest, slug: str, quiz_id: int) -> Quiz:
    course = get_object_or_404(course_permissions.courses_visible_to(request.user), slug=slug)
    if not permissions.can_view_item_analysis(request.user, course):
        raise PermissionDenied
    return _quiz(course, quiz_id)


@never_cache
@require_GET
def analysis(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    quiz = _analysis_quiz(request, slug, quiz_id)
    country = permissions.analysis_country_scope(request.user)
    return render(
        request,
        "quizzes/studio/analysis.html",
        {
            "course": quiz.course,
            "quiz": quiz,
            "stats": selectors.item_analysis(quiz=quiz, country=country),
            "country": country,
            "can_author": permissions.can_author_quizzes(request.user, quiz.course),
        },
    )


@never_cache
@require_GET
def analysis_csv(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    quiz = _analysis_quiz(request, slug, quiz_id)
    stats = selectors.item_analysis(quiz=quiz, country=permissions.analysis_country_scope(request.user))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="item-analysis-{quiz.course.slug}-{quiz.pk}.csv"'
    response.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.writer(response)
    for row in exports.item_analysis_rows(stats):
        writer.writerow(row)
    return response


# --- Translations of a question (issue 10) --------------------------------------------------------------


class QuestionTranslationForm(django_forms.Form):
    text = django_forms.CharField(
        label=gettext_lazy("Question"), max_length=2000, widget=django_forms.Textarea
    )
    explanation = django_forms.CharField(
        label=gettext_lazy("Explanation"), max_length=2000, widget=django_forms.Textarea, required=False
    )

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice_ids = []
        for number, choice in enumerate(question.choices.all(), start=1):
            name = f"choice_{choice.pk}"
            self.fields[name] = django_forms.CharField(
                label=_("Choice %(number)s") % {"number": number},
                max_length=500,
                required=False,
                help_text=escape(choice.text),  # the form template renders help text as HTML
            )
            self.choice_ids.append(choice.pk)

    def choice_texts(self) -> dict[int, str]:
        return {pk: self.cleaned_data.get(f"choice_{pk}", "") for pk in self.choice_ids}


@require_http_methods(["GET", "POST"])
def question_translation(request: HttpRequest, slug: str, quiz_id: int, question_id: int) -> HttpResponse:
    course = _course(request, slug)
    quiz = _quiz(course, quiz_id)
    question = _question(quiz, question_id)
    languages = [(code, name) for code, name in settings.LANGUAGES if code != course.language]
    language = request.GET.get("language") or languages[0][0]
    if language not in dict(languages):
        raise Http404
    existing = QuestionTranslation.objects.filter(question=question, language=language).first()
    initial = {}
    if existing:
        initial = {"text": existing.text, "explanation": existing.explanation}
        initial |= {
            f"choice_{row.choice_id}": row.text
            for row in ChoiceTranslation.objects.filter(choice__question=question, language=language)
        }
    form = QuestionTranslationForm(request.POST or None, initial=initial, question=question)
    here = request.get_full_path()
    if request.method == "POST" and "delete" in request.POST:
        translations.delete_question_translation(question=question, language=language)
        messages.success(request, _("Translation deleted."))
        return redirect(here)
    if request.method == "POST" and form.is_valid():
        translations.save_question_translation(
            question=question,
            language=language,
            text=form.cleaned_data["text"],
            explanation=form.cleaned_data["explanation"],
            choices=form.choice_texts(),
        )
        messages.success(request, _("Translation saved."))
        return redirect(here)
    done = set(QuestionTranslation.objects.filter(question=question).values_list("language", flat=True))
    return render(
        request,
        "quizzes/studio/question_translation.html",
        {
            "course": course,
            "quiz": quiz,
            "question": question,
            "form": form,
            "language": language,
            "language_name": dict(languages)[language],
            "languages": [(code, name, code in done) for code, name in languages],
            "exists": existing is not None,
        },
        status=400 if form.errors else 200,
    )
