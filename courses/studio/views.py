"""Views of the trainers' studio. Each parses input with a form, calls one service or selector, renders.

Access, the same for every view: users who are neither trainers nor coordinators get 403 everywhere; a
course is fetched through permissions.studio_courses_for (a trainer of other courses gets 404); changing
anything needs permissions.can_edit_course (a coordinator who may look gets 403).
"""

import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses import authoring, exchange, permissions, selectors, services
from courses.markdown import render_markdown
from courses.models import Course, Lesson, LessonImage, LessonRevision, Module, Resource
from courses.studio import forms, links
from courses.studio import selectors as studio_selectors

# --- Access helpers ------------------------------------------------------------------------------------


def _require_studio(request: HttpRequest) -> None:
    if not permissions.can_use_studio(request.user):
        raise PermissionDenied


def _course(request: HttpRequest, slug: str, *, edit: bool = False) -> Course:
    _require_studio(request)
    course = get_object_or_404(
        permissions.studio_courses_for(request.user).select_related("programme"), slug=slug
    )
    if edit and not permissions.can_edit_course(request.user, course):
        raise PermissionDenied
    return course


def _module(request: HttpRequest, slug: str, module_id: int, *, edit: bool = False) -> Module:
    course = _course(request, slug, edit=edit)
    module = get_object_or_404(Module, pk=module_id, course=course)
    module.course = course
    return module


def _lesson(request: HttpRequest, slug: str, lesson_id: int, *, edit: bool = False) -> Lesson:
    course = _course(request, slug, edit=edit)
    lesson = get_object_or_404(Lesson.objects.select_related("module"), pk=lesson_id, module__course=course)
    lesson.module.course = course
    return lesson


def _outline_url(course: Course, anchor: str = "") -> str:
    return reverse("studio:outline", kwargs={"slug": course.slug}) + (f"#{anchor}" if anchor else "")


def _editor_url(lesson: Lesson) -> str:
    return reverse("studio:lesson", kwargs={"slug": lesson.module.course.slug, "lesson_id": lesson.pk})


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


# --- Home, create, settings, co-trainers ---------------------------------------------------------------


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    _require_studio(request)
    courses = list(studio_selectors.home_courses(user=request.user))
    return render(
        request,
        "courses/studio/home.html",
        {"courses": courses, "can_author": permissions.can_author_courses(request.user)},
    )


@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    _require_studio(request)
    if not permissions.can_author_courses(request.user):
        raise PermissionDenied
    form = forms.CourseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = authoring.create_course(
                trainer=request.user, cover=form.cleaned_data["cover"], **form.course_fields()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Course created as a draft. Now add its modules and lessons."))
            return redirect(_outline_url(course))
    return render(request, "courses/studio/course_form.html", {"form": form, "course": None})


@require_http_methods(["GET", "POST"])
def course_settings(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, edit=request.method == "POST")
    form = forms.CourseForm(request.POST or None, request.FILES or None, instance=course)
    if request.method == "POST" and form.is_valid():
        try:
            authoring.update_course(
                course=course,
                cover=form.cleaned_data["cover"],
                remove_cover=form.cleaned_data.get("remove_cover", False),
                **form.course_fields(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Course details saved."))
            return redirect(_outline_url(course))
    return render(
        request,
        "courses/studio/course_form.html",
        {"form": form, "course": course, "can_edit": permissions.can_edit_course(request.user, course)},
    )


@require_POST
def trainer_add(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, edit=True)
    form = forms.CoTrainerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid email address."))
    else:
        try:
            user = authoring.add_co_trainer(course=course, email=form.cleaned_data["email"])
        except authoring.AuthoringError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(email)s now teaches this course.") % {"email": user.email})
    return redirect(_outline_url(course, "trainers"))


@require_POST
def trainer_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    course = _course(request, slug, edit=True)
    trainer = get_object_or_404(course.trainers.all(), pk=user_id)
    try:
        authoring.remove_co_trainer(course=course, trainer=trainer)
    except authoring.AuthoringError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(email)s no longer teaches this course.") % {"email": trainer.email})
    if trainer == request.user and not request.user.is_admin:
        return redirect("studio:home")
    return redirect(_outline_url(course, "trainers"))


# --- Outline -------------------------------------------------------------------------------------------


@require_GET
def outline(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    return render(
        request,
        "courses/studio/outline.html",
        {
            "course": course,
            "modules": studio_selectors.editor_outline(course=course),
            "trainers": list(course.trainers.order_by("email")),
            "can_edit": permissions.can_edit_course(request.user, course),
            "module_form": forms.ModuleForm(),
            "trainer_form": forms.CoTrainerForm(),
            "part_links": links.links_for(course),
        },
    )


@require_POST
def module_add(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, edit=True)
    form = forms.ModuleForm(request.POST)
    if form.is_valid():
        module = services.add_module(course=course, title=form.cleaned_data["title"])
        authoring.mark_course_edited(course.pk)
        messages.success(request, _("Module added."))
        return redirect(_outline_url(course, f"module-{module.pk}"))
    messages.error(request, _("A module needs a title."))
    return redirect(_outline_url(course))


@require_POST
def module_rename(request: HttpRequest, slug: str, module_id: int) -> HttpResponse:
    module = _module(request, slug, module_id, edit=True)
    form = forms.ModuleForm(request.POST)
    if form.is_valid():
        authoring.rename_module(module=module, title=form.cleaned_data["title"])
        messages.success(request, _("Module renamed."))
    else:
        messages.error(request, _("A module needs a title."))
    return redirect(_outline_url(module.course, f"module-{module.pk}"))


@require_http_methods(["GET", "POST"])
def module_delete(request: HttpRequest, slug: str, module_id: int) -> HttpResponse:
    module = _module(request, slug, module_id, edit=True)
    if request.method == "POST":
        try:
            authoring.delete_module(module=module)
        except authoring.AuthoringError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Module “%(title)s” deleted.") % {"title": module.title})
        return redirect(_outline_url(module.course))
    return render(
        request,
        "courses/studio/confirm_delete.html",
        {"course": module.course, "object": module, "lessons": list(module.lessons.all())},
    )


def _move(request: HttpRequest, course: Course, mover, anchor: str) -> HttpResponse:
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        messages.error(request, _("Choose up or down."))
    else:
        try:
            mover(direction)
        except authoring.AuthoringError as error:
            messages.error(request, str(error))
    return redirect(_outline_url(course, anchor))


@require_POST
def module_move(request: HttpRequest, slug: str, module_id: int) -> HttpResponse:
    module = _module(request, slug, module_id, edit=True)
    return _move(
        request,
        module.course,
        lambda direction: authoring.move_module(module=module, direction=direction),
        f"module-{module.pk}",
    )


def _reorder_response(request: HttpRequest, course: Course, reorder) -> HttpResponse:
    form = forms.ReorderForm(request.POST)
    error = _("Invalid order.")
    if form.is_valid():
        try:
            reorder(form.cleaned_data["ids"])
        except authoring.AuthoringError as exc:
            error = str(exc)
        else:
            if _wants_json(request):
                return JsonResponse({"ok": True, "message": _("New order saved.")})
            messages.success(request, _("New order saved."))
            return redirect(_outline_url(course))
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": error}, status=400)
    messages.error(request, error)
    return redirect(_outline_url(course))


@require_POST
def modules_reorder(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, edit=True)
    return _reorder_response(
        request, course, lambda ids: authoring.reorder_modules(course=course, ordered_ids=ids)
    )


@require_POST
def lessons_reorder(request: HttpRequest, slug: str, module_id: int) -> HttpResponse:
    module = _module(request, slug, module_id, edit=True)
    return _reorder_response(
        request, module.course, lambda ids: authoring.reorder_lessons(module=module, ordered_ids=ids)
    )


@require_POST
def lesson_add(request: HttpRequest, slug: str, module_id: int) -> HttpResponse:
    module = _module(request, slug, module_id, edit=True)
    form = forms.NewLessonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A lesson needs a title."))
        return redirect(_outline_url(module.course, f"module-{module.pk}"))
    lesson = services.add_lesson(
        module=module, title=form.cleaned_data["title"], is_required=form.cleaned_data["is_required"]
    )
    authoring.mark_course_edited(module.course_id)
    messages.success(request, _("Lesson added."))
    return redirect(_outline_url(module.course, f"lesson-{lesson.pk}"))


@require_POST
def lesson_quick_edit(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    form = forms.LessonQuickForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A lesson needs a title."))
    else:
        try:
            authoring.update_lesson(
                lesson=lesson,
                expected_version=form.cleaned_data["version"],
                author=request.user,
                title=form.cleaned_data["title"],
                is_required=form.cleaned_data["is_required"],
            )
        except (authoring.AuthoringError, ValidationError) as error:
            messages.error(
                request, str(error) if isinstance(error, authoring.AuthoringError) else _("Not saved.")
            )
        else:
            messages.success(request, _("Lesson saved."))
    return redirect(_outline_url(lesson.module.course, f"lesson-{lesson.pk}"))


@require_POST
def lesson_move(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    return _move(
        request,
        lesson.module.course,
        lambda direction: authoring.move_lesson(lesson=lesson, direction=direction),
        f"lesson-{lesson.pk}",
    )


@require_POST
def lesson_transfer(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    """No JavaScript needed: a select of the course's other modules and a button."""
    lesson = _lesson(request, slug, lesson_id, edit=True)
    course = lesson.module.course
    target = Module.objects.filter(course=course, pk=request.POST.get("module") or 0).first()
    if target is None:
        messages.error(request, _("Choose one of this course's modules."))
        return redirect(_outline_url(course, f"lesson-{lesson.pk}"))
    authoring.move_lesson_to_module(lesson=lesson, module=target)
    messages.success(request, _("The lesson was moved to “%(module)s”.") % {"module": target.title})
    return redirect(_outline_url(course, f"lesson-{lesson.pk}"))


@require_http_methods(["GET", "POST"])
def lesson_delete(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    course = lesson.module.course
    if request.method == "POST":
        try:
            authoring.delete_lesson(lesson=lesson)
        except authoring.AuthoringError as error:
            messages.error(request, str(error))
            return redirect(_outline_url(course, f"lesson-{lesson.pk}"))
        messages.success(request, _("Lesson “%(title)s” deleted.") % {"title": lesson.title})
        return redirect(_outline_url(course))
    return render(
        request,
        "courses/studio/confirm_delete.html",
        {"course": course, "object": lesson, "has_progress": authoring.lesson_has_progress(lesson)},
    )


@require_POST
def lesson_archive(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    if request.POST.get("restore"):
        authoring.unarchive_lesson(lesson=lesson)
        messages.success(request, _("Lesson restored: trainees see it again."))
    else:
        authoring.archive_lesson(lesson=lesson)
        messages.success(request, _("Lesson archived: trainees no longer see it and keep their progress."))
    return redirect(_outline_url(lesson.module.course, f"lesson-{lesson.pk}"))


# --- Lesson editor -------------------------------------------------------------------------------------


def _editor(request: HttpRequest, lesson: Lesson, form, *, status: int = 200, **extra) -> HttpResponse:
    course = lesson.module.course
    return render(
        request,
        "courses/studio/lesson_edit.html",
        {
            "course": course,
            "lesson": lesson,
            "form": form,
            "can_edit": permissions.can_edit_course(request.user, course),
            "images": list(lesson.images.all()),
            "resources": list(lesson.resources.all()),
            "image_form": forms.ImageForm(),
            "resource_form": forms.ResourceForm(),
            "draft": studio_selectors.draft_of(lesson=lesson, user=request.user),
            **extra,
        },
        status=status,
    )


def _lesson_initial(lesson: Lesson) -> dict:
    return {
        "title": lesson.title,
        "body": lesson.body,
        "video_url": lesson.video_url,
        "estimated_minutes": lesson.estimated_minutes,
        "is_required": lesson.is_required,
        "version": lesson.version,
    }


@require_http_methods(["GET", "POST"])
def lesson_edit(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=request.method == "POST")
    if request.method == "GET":
        initial = _lesson_initial(lesson)
        draft = studio_selectors.draft_of(lesson=lesson, user=request.user)
        restored = bool(draft and request.GET.get("draft"))
        if restored:
            # The draft keeps the version it was typed against, so a save still notices later saves.
            initial.update(
                title=draft.title or lesson.title,
                body=draft.body,
                video_url=draft.video_url,
                estimated_minutes=draft.estimated_minutes or lesson.estimated_minutes,
                version=draft.base_version,
            )
        return _editor(request, lesson, forms.LessonForm(initial=initial), draft_restored=restored)

    form = forms.LessonForm(request.POST)
    if request.POST.get("action") == "preview":
        body = request.POST.get("body", "")
        return _editor(request, lesson, form, preview_html=render_markdown(body))
    if not form.is_valid():
        return _editor(request, lesson, form, status=400)
    try:
        authoring.update_lesson(
            lesson=lesson,
            expected_version=form.cleaned_data["version"],
            author=request.user,
            **form.content(),
        )
    except authoring.LessonChanged as error:
        # The trainer's text stays in the form; the version moves on, so saving again is a deliberate choice
        # made after seeing the other save.
        data = request.POST.copy()
        data["version"] = str(error.lesson.version)
        messages.error(request, str(error))
        return _editor(request, lesson, forms.LessonForm(data), status=409, conflict=error.lesson)
    except ValidationError as error:
        _add_errors(form, error)
        return _editor(request, lesson, form, status=400)
    except authoring.AuthoringError as error:
        form.add_error(None, str(error))
        return _editor(request, lesson, form, status=400)
    messages.success(request, _("Lesson saved. Trainees see the change now."))
    return redirect(_editor_url(lesson))


@require_POST
def lesson_autosave(request: HttpRequest, slug: str, lesson_id: int) -> JsonResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    form = forms.DraftForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"ok": False, "message": _("Draft not saved: check the form.")}, status=400)
    data = form.cleaned_data
    draft = authoring.save_draft(
        lesson=lesson,
        author=request.user,
        base_version=data["version"],
        title=data["title"],
        body=data["body"],
        video_url=data["video_url"],
        estimated_minutes=data["estimated_minutes"],
    )
    changed = Lesson.objects.filter(pk=lesson.pk).values_list("version", flat=True).get() != data["version"]
    message = _("Draft saved at %(time)s.") % {"time": time_format(timezone.localtime(draft.saved_at))}
    if changed:
        message += " " + _("Someone else has saved this lesson since you opened it.")
    return JsonResponse({"ok": True, "message": message, "changed": changed})


@require_POST
def lesson_draft_discard(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    authoring.discard_draft(lesson=lesson, author=request.user)
    messages.success(request, _("Unsaved draft discarded."))
    return redirect(_editor_url(lesson))


@require_POST
def lesson_preview(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    """The Markdown as trainees will see it, rendered by the same sanitiser (for the editor's script)."""
    _lesson(request, slug, lesson_id)
    form = forms.PreviewForm(request.POST)
    body = form.cleaned_data["body"] if form.is_valid() else ""
    return render(request, "courses/studio/_preview.html", {"html": render_markdown(body)})


@require_POST
def lesson_image_add(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    form = forms.ImageForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an image to upload."))
    else:
        try:
            image = authoring.add_lesson_image(
                lesson=lesson,
                upload=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
                author=request.user,
            )
        except ValidationError as error:
            messages.error(request, authoring.validation_message(error))
        else:
            messages.success(
                request,
                _("Image uploaded. Put it in the text with: %(markdown)s") % {"markdown": image.markdown},
            )
    return redirect(_editor_url(lesson) + "#images")


@require_POST
def lesson_image_delete(request: HttpRequest, slug: str, lesson_id: int, image_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    authoring.delete_lesson_image(image=get_object_or_404(LessonImage, pk=image_id, lesson=lesson))
    messages.success(request, _("Image deleted. Remove it from the text too."))
    return redirect(_editor_url(lesson) + "#images")


@require_POST
def resource_add(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    form = forms.ResourceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Give the download a title and choose a file."))
    else:
        try:
            services.add_resource(
                lesson=lesson, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            messages.error(request, authoring.validation_message(error))
        else:
            messages.success(request, _("Download added."))
    return redirect(_editor_url(lesson) + "#resources")


@require_POST
def resource_delete(request: HttpRequest, slug: str, lesson_id: int, resource_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=True)
    authoring.delete_resource(resource=get_object_or_404(Resource, pk=resource_id, lesson=lesson))
    messages.success(request, _("Download deleted."))
    return redirect(_editor_url(lesson) + "#resources")


# --- History -------------------------------------------------------------------------------------------


@require_GET
def lesson_history(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id)
    revisions = list(lesson.revisions.select_related("author").order_by("-version"))
    return render(
        request,
        "courses/studio/history.html",
        {"course": lesson.module.course, "lesson": lesson, "revisions": revisions},
    )


@require_http_methods(["GET", "POST"])
def revision_detail(request: HttpRequest, slug: str, lesson_id: int, version: int) -> HttpResponse:
    lesson = _lesson(request, slug, lesson_id, edit=request.method == "POST")
    revision = get_object_or_404(
        LessonRevision.objects.select_related("author"), lesson=lesson, version=version
    )
    if request.method == "POST":
        form = forms.RestoreForm(request.POST)
        if form.is_valid():
            try:
                authoring.restore_revision(
                    revision=revision, expected_version=form.cleaned_data["version"], author=request.user
                )
            except authoring.AuthoringError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Version %(v)s restored as a new save.") % {"v": version})
                return redirect(_editor_url(lesson))
    return render(
        request,
        "courses/studio/revision.html",
        {
            "course": lesson.module.course,
            "lesson": lesson,
            "revision": revision,
            "html": render_markdown(revision.body),
            "can_edit": permissions.can_edit_course(request.user, lesson.module.course),
        },
    )


# --- Publishing, preview, copy, export, import ---------------------------------------------------------


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, edit=request.method == "POST")
    if request.method == "POST":
        if request.POST.get("action") == "unpublish":
            try:
                authoring.unpublish_course(course=course)
            except authoring.AuthoringError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The course is a draft again."))
            return redirect(_outline_url(course))
        try:
            authoring.publish_course(course=course)
        except authoring.PublishBlocked as error:
            messages.error(request, str(error))
            return render(
                request,
                "courses/studio/publish.html",
                {"course": course, "problems": error.problems},
                status=400,
            )
        messages.success(request, _("Published: the course is now in the catalogue."))
        return redirect(_outline_url(course))
    return render(
        request,
        "courses/studio/publish.html",
        {
            "course": course,
            "problems": authoring.publishing_problems(course),
            "can_edit": permissions.can_edit_course(request.user, course),
        },
    )


@require_GET
def preview_course(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    modules = selectors.course_outline(course=course)
    lessons = selectors.lessons_in_order(outline=modules)
    return render(
        request,
        "courses/studio/preview_course.html",
        {
            "course": course,
            "modules": modules,
            "lessons": lessons,
            "first_lesson": lessons[0] if lessons else None,
        },
    )


@require_GET
def preview_lesson(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    course = _course(request, slug)
    modules = selectors.course_outline(course=course)
    ordered = selectors.lessons_in_order(outline=modules)
    index = next((i for i, item in enumerate(ordered) if item.pk == lesson_id), None)
    if index is None:  # archived or not in this course: trainees would not see it either
        lesson = get_object_or_404(Lesson, pk=lesson_id, module__course=course)
        messages.info(request, _("This lesson is archived: trainees do not see it."))
        return redirect(_outline_url(course, f"lesson-{lesson.pk}"))
    lesson = Lesson.objects.select_related("module").get(pk=lesson_id)
    return render(
        request,
        "courses/studio/preview_lesson.html",
        {
            "course": course,
            "lesson": lesson,
            "modules": modules,
            "resources": list(lesson.resources.all()),
            "previous": ordered[index - 1] if index > 0 else None,
            "next": ordered[index + 1] if index + 1 < len(ordered) else None,
            "position": index + 1,
            "lesson_count": len(ordered),
        },
    )


@require_http_methods(["GET", "POST"])
def course_copy(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, edit=True)
    form = forms.CopyForm(
        request.POST or None,
        initial={
            "title": (_("%(title)s (copy)") % {"title": course.title})[:200],
            "language": course.language,
        },
    )
    if request.method == "POST" and form.is_valid():
        copy = exchange.copy_course(
            course=course,
            trainer=request.user,
            title=form.cleaned_data["title"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Copy created as a draft."))
        return redirect(_outline_url(copy))
    return render(request, "courses/studio/copy.html", {"course": course, "form": form})


@require_GET
def course_export(request: HttpRequest, slug: str) -> FileResponse:
    course = _course(request, slug)
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    exchange.export_course(course, out)
    out.seek(0)
    response = FileResponse(
        out, as_attachment=True, filename=exchange.export_filename(course), content_type="application/zip"
    )
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def course_import(request: HttpRequest) -> HttpResponse:
    _require_studio(request)
    if not permissions.can_author_courses(request.user):
        raise PermissionDenied
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            course = exchange.import_course(
                upload=form.cleaned_data["file"],
                programme=form.cleaned_data["programme"],
                trainer=request.user,
            )
        except exchange.ImportRejected as error:
            problems = error.problems
            messages.error(request, str(error))
        else:
            messages.success(request, _("Course imported as a draft. Check it, then publish it."))
            return redirect(_outline_url(course))
    return render(
        request,
        "courses/studio/import.html",
        {"form": form, "problems": problems},
        status=400 if problems else 200,
    )
