"""Writes for the trainers' studio: building a course, its outline and its lessons (issue 3).

One function per use case, each in one transaction. Rules a trainer can break (publishing an unfinished
course, deleting a lesson trainees have progress on, saving over someone else's save) raise
AuthoringError or one of its subclasses with a message fit to show; the views never decide these rules.

Concurrency: a lesson carries a ``version`` that every save increments. The editor sends the version it
opened; when another trainer saved in between, LessonChanged is raised and nothing is written. Each save
also writes a LessonRevision (who, when, what), so a previous version can be seen and restored.

Progress: learning.LessonProgress points at Lesson with PROTECT. This module does not import learning (it
sits above courses); it asks the database instead, through the reverse relation ``lesson.progress``, and
treats ProtectedError as the final word.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Prefetch, ProtectedError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from courses import cache as catalogue_cache
from courses import images
from courses.markdown import render_markdown
from courses.models import (
    Course,
    CourseStatus,
    Lesson,
    LessonDraft,
    LessonImage,
    LessonRevision,
    Module,
    Resource,
)

LESSON_CONTENT_FIELDS = ("title", "body", "video_url", "is_required", "estimated_minutes")


class AuthoringError(Exception):
    """A rule of authoring was broken; str(error) is a translated message for the trainer."""


class LessonChanged(AuthoringError):
    def __init__(self, lesson: Lesson):
        self.lesson = lesson
        super().__init__(
            _(
                "Someone else saved this lesson after you opened it (now version %(version)s). "
                "Nothing was overwritten: compare your text with theirs, then save again."
            )
            % {"version": lesson.version}
        )


class PublishBlocked(AuthoringError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(_("The course cannot be published yet."))


# --- Courses -------------------------------------------------------------------------------------------


def unique_course_slug(title: str) -> str:
    base = (slugify(title) or "course")[:60].strip("-") or "course"
    slug, n = base, 1
    while Course.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _store_cover(course: Course, upload) -> None:
    try:
        encoded = images.reencode(upload, max_side=1200)
    except ValidationError as error:
        raise ValidationError({"cover": error.messages}) from error
    if course.cover_image:
        course.cover_image.delete(save=False)
    course.cover_image.save(f"{uuid.uuid4().hex}.webp", encoded.content, save=False)


@transaction.atomic
def create_course(*, trainer: User, cover=None, **fields) -> Course:
    """Create a draft course taught by `trainer`. fields: title, summary, language, programme, ..."""
    course = Course(slug=unique_course_slug(fields["title"]), status=CourseStatus.DRAFT, **fields)
    course.full_clean(exclude=["cover_image"])
    if cover is not None:
        _store_cover(course, cover)
    course.save()
    course.trainers.add(trainer)
    return course


@transaction.atomic
def update_course(*, course: Course, cover=None, remove_cover: bool = False, **fields) -> Course:
    for name, value in fields.items():
        setattr(course, name, value)
    course.full_clean(exclude=["cover_image", "trainers"])
    if remove_cover and course.cover_image:
        course.cover_image.delete(save=False)
        course.cover_image = ""
    if cover is not None:
        _store_cover(course, cover)
    course.save()
    return course


@transaction.atomic
def add_co_trainer(*, course: Course, email: str) -> User:
    """Give another trainer the same rights on the course. Only users with the trainer role qualify."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None or not user.is_trainer:
        raise AuthoringError(
            _(
                "No trainer account uses %(email)s. Ask them to sign up, then ask an administrator "
                "to give them the trainer role."
            )
            % {"email": email}
        )
    if course.trainers.filter(pk=user.pk).exists():
        raise AuthoringError(_("%(email)s already teaches this course.") % {"email": user.email})
    course.trainers.add(user)
    Course.objects.filter(pk=course.pk).update(updated_at=timezone.now())
    return user


@transaction.atomic
def remove_co_trainer(*, course: Course, trainer: User) -> None:
    Course.objects.select_for_update().filter(pk=course.pk).first()
    if course.trainers.count() <= 1:
        raise AuthoringError(_("A course needs at least one trainer."))
    course.trainers.remove(trainer)


# --- Publishing ----------------------------------------------------------------------------------------


def publishing_problems(course: Course) -> list[str]:
    """Everything that stops the course from being published, each as a sentence naming what is missing."""
    problems = []
    if not course.title.strip():
        problems.append(_("The course has no title."))
    if not course.summary.strip():
        problems.append(_("The course has no summary."))
    if not course.estimated_hours:
        problems.append(_("The course has no estimated hours."))
    modules = list(
        Module.objects.filter(course=course)
        .order_by("position")
        .prefetch_related(
            Prefetch("lessons", Lesson.objects.live().order_by("position"), to_attr="live_lessons")
        )
    )
    if not modules:
        problems.append(_("The course has no modules. Add a module with at least one lesson."))
    required = 0
    for module in modules:
        if not module.live_lessons:
            problems.append(_("Module “%(module)s” has no lessons.") % {"module": module.title})
        for lesson in module.live_lessons:
            required += lesson.is_required
            if not lesson.body.strip() and not lesson.video_url:
                problems.append(
                    _("Lesson “%(lesson)s” in module “%(module)s” has no text and no video.")
                    % {"lesson": lesson.title, "module": module.title}
                )
    if modules and not required:
        problems.append(_("No lesson is required, so the course would count as complete at once."))
    return problems


@transaction.atomic
def publish_course(*, course: Course) -> Course:
    Course.objects.select_for_update().filter(pk=course.pk).first()
    problems = publishing_problems(course)
    if problems:
        raise PublishBlocked(problems)
    course.status = CourseStatus.PUBLISHED
    course.published_at = course.published_at or timezone.now()
    course.save(update_fields=["status", "published_at", "updated_at"])
    return course


@transaction.atomic
def unpublish_course(*, course: Course) -> Course:
    if course.enrolments.exists():
        raise AuthoringError(
            _(
                "Trainees are enrolled, so the course stays published. "
                "Archive the lessons you no longer want shown."
            )
        )
    course.status = CourseStatus.DRAFT
    course.save(update_fields=["status", "updated_at"])
    return course


# --- Outline: modules ----------------------------------------------------------------------------------


def mark_course_edited(course_id: int) -> None:
    """Record "last edit" on the course (the studio home sorts by it) without touching other fields.

    Reordering writes with QuerySet.update(), which sends no post_save: bump the catalogue version here so
    cached outlines and catalogue pages show the change."""
    Course.objects.filter(pk=course_id).update(updated_at=timezone.now())
    catalogue_cache.bump_catalogue_version()


@transaction.atomic
def rename_module(*, module: Module, title: str, summary: str | None = None) -> Module:
    if not title.strip():
        raise AuthoringError(_("A module needs a title."))
    module.title = title.strip()
    if summary is not None:
        module.summary = summary
    module.save()
    mark_course_edited(module.course_id)
    return module


@transaction.atomic
def delete_module(*, module: Module) -> None:
    course_id = module.course_id
    try:
        with transaction.atomic():
            module.delete()
    except ProtectedError as error:
        raise AuthoringError(
            _(
                "Trainees have progress on lessons in “%(module)s”, so it cannot be deleted. "
                "Archive those lessons instead: trainees keep their progress."
            )
            % {"module": module.title}
        ) from error
    mark_course_edited(course_id)


def _reorder(queryset, ordered_ids: list[int]) -> None:
    """Give the rows of `queryset` positions 1..n in the order of ordered_ids (which must be exactly them).

    Positions are unique per parent and PostgreSQL checks that per statement, so rows first move out of
    the way (above every current position) and then to their final place.
    """
    current = list(queryset.values_list("pk", flat=True))
    if sorted(current) != sorted(ordered_ids) or len(set(ordered_ids)) != len(ordered_ids):
        raise AuthoringError(_("The outline changed while you were reordering it. Reload and try again."))
    offset = (queryset.aggregate(m=Max("position"))["m"] or 0) + 1
    queryset.update(position=F("position") + offset)
    model = queryset.model
    for position, pk in enumerate(ordered_ids, start=1):
        model.objects.filter(pk=pk).update(position=position)


def _neighbour_order(items: list, item, direction: str) -> list[int] | None:
    ids = [obj.pk for obj in items]
    index = ids.index(item.pk)
    target = index - 1 if direction == "up" else index + 1
    if target < 0 or target >= len(ids):
        return None
    ids[index], ids[target] = ids[target], ids[index]
    return ids


@transaction.atomic
def reorder_modules(*, course: Course, ordered_ids: list[int]) -> None:
    Course.objects.select_for_update().filter(pk=course.pk).first()
    _reorder(Module.objects.filter(course=course), ordered_ids)
    mark_course_edited(course.pk)


@transaction.atomic
def move_module(*, module: Module, direction: str) -> None:
    Course.objects.select_for_update().filter(pk=module.course_id).first()
    siblings = list(Module.objects.filter(course_id=module.course_id).order_by("position"))
    order = _neighbour_order(siblings, module, direction)
    if order:
        _reorder(Module.objects.filter(course_id=module.course_id), order)
        mark_course_edited(module.course_id)


# --- Outline: lessons ----------------------------------------------------------------------------------


@transaction.atomic
def reorder_lessons(*, module: Module, ordered_ids: list[int]) -> None:
    Module.objects.select_for_update().filter(pk=module.pk).first()
    _reorder(Lesson.objects.filter(module=module), ordered_ids)
    mark_course_edited(module.course_id)


@transaction.atomic
def move_lesson(*, lesson: Lesson, direction: str) -> None:
    Module.objects.select_for_update().filter(pk=lesson.module_id).first()
    siblings = list(Lesson.objects.filter(module_id=lesson.module_id).order_by("position"))
    order = _neighbour_order(siblings, lesson, direction)
    if order:
        _reorder(Lesson.objects.filter(module_id=lesson.module_id), order)
        mark_course_edited(lesson.module.course_id)


@transaction.atomic
def move_lesson_to_module(*, lesson: Lesson, module: Module) -> Lesson:
    """Put the lesson at the end of another module of the same course; trainees keep their progress on it."""
    if module.course_id != lesson.module.course_id:
        raise AuthoringError(_("That module belongs to another course."))
    source_id = lesson.module_id
    if module.pk == source_id:
        return lesson
    # Both modules locked, always in the same order, so two trainers moving lessons crosswise cannot deadlock.
    list(Module.objects.select_for_update().filter(pk__in=[source_id, module.pk]).order_by("pk"))
    last = Lesson.objects.filter(module=module).aggregate(m=Max("position"))["m"] or 0
    Lesson.objects.filter(pk=lesson.pk).update(module=module, position=last + 1)
    remaining = Lesson.objects.filter(module_id=source_id)
    _reorder(remaining, list(remaining.order_by("position").values_list("pk", flat=True)))
    lesson.refresh_from_db()
    mark_course_edited(module.course_id)
    return lesson


def lesson_has_progress(lesson: Lesson) -> bool:
    return lesson.progress.exists()


@transaction.atomic
def delete_lesson(*, lesson: Lesson) -> None:
    """Delete a lesson nobody has progress on; otherwise raise AuthoringError and change nothing."""
    course_id = lesson.module.course_id
    files = [image.file for image in lesson.images.all()] + [res.file for res in lesson.resources.all()]
    try:
        with transaction.atomic():
            lesson.delete()
    except ProtectedError as error:
        raise AuthoringError(
            _("Trainees have progress on “%(lesson)s”, so it cannot be deleted. Archive it instead.")
            % {"lesson": lesson.title}
        ) from error
    transaction.on_commit(lambda: [file.delete(save=False) for file in files])
    mark_course_edited(course_id)


@transaction.atomic
def archive_lesson(*, lesson: Lesson) -> Lesson:
    if lesson.archived_at is None:
        lesson.archived_at = timezone.now()
        lesson.save(update_fields=["archived_at", "updated_at"])
        mark_course_edited(lesson.module.course_id)
    return lesson


@transaction.atomic
def unarchive_lesson(*, lesson: Lesson) -> Lesson:
    if lesson.archived_at is not None:
        lesson.archived_at = None
        lesson.save(update_fields=["archived_at", "updated_at"])
        mark_course_edited(lesson.module.course_id)
    return lesson


# --- Lesson content: saves, revisions, drafts ----------------------------------------------------------


def _snapshot(lesson: Lesson, author: User | None) -> LessonRevision:
    return LessonRevision.objects.create(
        lesson=lesson,
        version=lesson.version,
        author=author,
        **{name: getattr(lesson, name) for name in LESSON_CONTENT_FIELDS},
    )


@transaction.atomic
def update_lesson(*, lesson: Lesson, expected_version: int, author: User, **changes) -> Lesson:
    """Save new content if nobody saved since `expected_version`; otherwise raise LessonChanged.

    Trainees see the change at once (the course may be published). The previous content stays available
    as a revision; the author's autosaved draft is removed.
    """
    current = Lesson.objects.select_for_update().select_related("module").get(pk=lesson.pk)
    if current.version != expected_version:
        raise LessonChanged(current)
    unknown = set(changes) - set(LESSON_CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"not lesson content: {sorted(unknown)}")
    if "title" in changes and not str(changes["title"]).strip():
        raise AuthoringError(_("A lesson needs a title."))
    if not current.revisions.filter(version=current.version).exists():
        _snapshot(current, None)  # content from before the studio (e.g. the admin or an import)
    for name, value in changes.items():
        setattr(current, name, value)
    current.body_html = render_markdown(current.body)
    current.version += 1
    current.full_clean(exclude=["module"])
    current.save()
    _snapshot(current, author)
    LessonDraft.objects.filter(lesson=current, author=author).delete()
    mark_course_edited(current.module.course_id)
    return current


@transaction.atomic
def restore_revision(*, revision: LessonRevision, expected_version: int, author: User) -> Lesson:
    return update_lesson(
        lesson=revision.lesson,
        expected_version=expected_version,
        author=author,
        **{name: getattr(revision, name) for name in LESSON_CONTENT_FIELDS},
    )


def save_draft(*, lesson: Lesson, author: User, base_version: int, **fields) -> LessonDraft:
    """Keep what the trainer has typed so far (autosave). Trainees never see it."""
    allowed = {"title", "body", "video_url", "estimated_minutes"}
    draft, _created = LessonDraft.objects.update_or_create(
        lesson=lesson,
        author=author,
        defaults={"base_version": base_version, **{k: v for k, v in fields.items() if k in allowed}},
    )
    return draft


def discard_draft(*, lesson: Lesson, author: User) -> None:
    LessonDraft.objects.filter(lesson=lesson, author=author).delete()


# --- Lesson media --------------------------------------------------------------------------------------


@transaction.atomic
def add_lesson_image(*, lesson: Lesson, upload, alt_text: str, author: User) -> LessonImage:
    """Store an image for the lesson, re-encoded; raises ValidationError with a clear message."""
    encoded = images.reencode(upload)
    image = LessonImage(
        lesson=lesson,
        alt_text=alt_text.strip()[:300],
        width=encoded.width,
        height=encoded.height,
        size=encoded.content.size,
        uploaded_by=author,
    )
    image.file.save("image.webp", encoded.content, save=False)
    try:
        image.save()
    except Exception:
        image.file.delete(save=False)
        raise
    return image


def delete_lesson_image(*, image: LessonImage) -> None:
    image.file.delete(save=False)
    image.delete()


def delete_resource(*, resource: Resource) -> None:
    resource.file.delete(save=False)
    resource.delete()


def validation_message(error: ValidationError) -> str:
    return " ".join(error.messages)
