"""Studio: the course's Translations tab. Trainers add or change the translation of the course, a module or a
lesson into any platform language other than the course's own; trainees then see it (courses.translations).

Access is the studio's: neither trainer nor coordinator -> 403; a course the user cannot open in the studio
-> 404; changing a translation needs permissions.can_edit_course (a coordinator who may look gets 403).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from courses import permissions, translations
from courses.models import (
    Course,
    CourseTranslation,
    Lesson,
    LessonTranslation,
    Module,
    ModuleTranslation,
)
from courses.studio.views import _course


class CourseTranslationForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(
        label=gettext_lazy("Summary"), max_length=1000, widget=forms.Textarea, required=False
    )


class ModuleTranslationForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(label=gettext_lazy("Summary"), widget=forms.Textarea, required=False)


class LessonTranslationForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Text (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
        help_text=gettext_lazy("Images and links from the original can be copied as they are."),
    )


def target_languages(course: Course) -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != course.language]


@require_GET
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    """The course, its modules and live lessons, and which languages each is translated into (4 queries)."""
    course = _course(request, slug)
    modules = list(Module.objects.filter(course=course).order_by("position").prefetch_related("lessons"))
    done = {
        ("course", course.pk, language)
        for language in CourseTranslation.objects.filter(course=course).values_list("language", flat=True)
    }
    done |= {
        ("module", pk, language)
        for pk, language in ModuleTranslation.objects.filter(module__course=course).values_list(
            "module_id", "language"
        )
    }
    done |= {
        ("lesson", pk, language)
        for pk, language in LessonTranslation.objects.filter(lesson__module__course=course).values_list(
            "lesson_id", "language"
        )
    }
    languages = target_languages(course)

    def row(kind: str, obj, depth: int) -> dict:
        return {
            "kind": kind,
            "object": obj,
            "depth": depth,
            "cells": [(code, (kind, obj.pk, code) in done) for code, _name in languages],
        }

    rows = [row("course", course, 0)]
    for module in modules:
        rows.append(row("module", module, 1))
        rows.extend(row("lesson", lesson, 2) for lesson in module.lessons.all() if not lesson.is_archived)
    return render(
        request,
        "courses/studio/translations.html",
        {
            "course": course,
            "languages": languages,
            "rows": rows,
            "can_edit": permissions.can_edit_course(request.user, course),
        },
    )


def _target(course: Course, kind: str, object_id: int):
    if kind == "course" and object_id == course.pk:
        return course, CourseTranslationForm, CourseTranslation.objects.filter(course=course)
    if kind == "module":
        module = get_object_or_404(Module, pk=object_id, course=course)
        module.course = course
        return module, ModuleTranslationForm, ModuleTranslation.objects.filter(module=module)
    if kind == "lesson":
        lesson = get_object_or_404(
            Lesson.objects.select_related("module"), pk=object_id, module__course=course
        )
        lesson.module.course = course
        return lesson, LessonTranslationForm, LessonTranslation.objects.filter(lesson=lesson)
    raise Http404


def _save(kind: str, obj, language: str, data: dict) -> None:
    if kind == "course":
        translations.save_course_translation(course=obj, language=language, **data)
    elif kind == "module":
        translations.save_module_translation(module=obj, language=language, **data)
    else:
        translations.save_lesson_translation(lesson=obj, language=language, **data)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str, kind: str, object_id: int, language: str) -> HttpResponse:
    course = _course(request, slug, edit=True)
    if language not in dict(target_languages(course)):
        raise Http404
    obj, form_class, existing_rows = _target(course, kind, object_id)
    existing = existing_rows.filter(language=language).first()
    initial = {name: getattr(existing, name) for name in form_class.base_fields} if existing else {}
    form = form_class(request.POST or None, initial=initial)
    overview_url = reverse("studio:translations", kwargs={"slug": course.slug})
    if request.method == "POST" and "delete" in request.POST:
        translations.delete_translation(instance=obj, language=language)
        messages.success(request, _("Translation deleted."))
        return redirect(overview_url)
    if request.method == "POST" and form.is_valid():
        _save(kind, obj, language, form.cleaned_data)
        messages.success(request, _("Translation saved."))
        return redirect(overview_url)
    original = {
        "course": lambda: {"title": course.title, "text": course.summary},
        "module": lambda: {"title": obj.title, "text": obj.summary},
        "lesson": lambda: {"title": obj.title, "text": obj.body},
    }[kind]()
    return render(
        request,
        "courses/studio/translation_form.html",
        {
            "course": course,
            "form": form,
            "kind": kind,
            "original": original,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            "exists": existing is not None,
            "overview_url": overview_url,
        },
        status=400 if form.errors else 200,
    )
