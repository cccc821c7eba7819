"""Moving courses between installations: export to one zip, import it elsewhere, copy within one site.

The zip holds ``course.json`` (the format below) and a ``media/`` folder with the cover, the lesson images
(WebP, as this platform stored them) and the downloadable resources::

    {"format": "mekong-climate-training/course", "format_version": 2, "exported_at": "...",
     "course": {"title", "summary", "language", "estimated_hours", "enrolment_opens_at",
                "enrolment_closes_at", "programme": {"slug", "name"}, "cover": "media/cover.webp" | null,
                "translations": [{"language", "title", "summary"}]},
     "modules": [{"title", "summary", "translations": [{"language", "title", "summary"}],
                  "lessons": [{"title", "body", "video_url", "is_required", "estimated_minutes", "archived",
                               "translations": [{"language", "title", "body"}],
                               "images": [{"key", "file", "alt_text"}],
                               "resources": [{"title", "file", "original_name"}]}]}],
     "quizzes": [...]}

Order is the order of the lists. Version 2 added the content translations and the parts that apps above
courses contribute through ``register_part`` (the quizzes: quizzes/exchange.py); version 1 files, which have
neither, still import. Lesson bodies refer to images by key (``/courses/images/<key>/``); an
import keeps each key unless the target already has it, and then rewrites the bodies to the new key.

Import checks the whole file first (zip readable, sizes, format and version, every field, every media
file decoded or type-checked) and reports every problem at once; only then does it write, in one
transaction, so nothing is ever half-imported. Files written before a failure are removed again.
"""

import io
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Prefetch
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from accounts.models import User
from courses import uploads
from courses.authoring import AuthoringError, unique_course_slug
from courses.images import MAX_PIXELS
from courses.markdown import render_markdown
from courses.models import (
    Course,
    CourseStatus,
    CourseTranslation,
    Lesson,
    LessonImage,
    LessonTranslation,
    Module,
    ModuleTranslation,
    Programme,
    Resource,
)

FORMAT_NAME = "mekong-climate-training/course"
FORMAT_VERSION = 2
MAX_ENTRIES = 5000
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024


class ImportRejected(AuthoringError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(_("The file cannot be imported. Nothing was changed."))


# --- Export --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A section of the export owned by an app that courses may not import (quizzes).

    ``export(course, modules)`` returns JSON data for the section; ``check(value, checker, module_count)``
    adds every problem to the checker; ``create(course, value, modules)`` writes it inside the import's
    transaction. ``modules`` are the course's modules in export order, so a part refers to one by index.
    """

    key: str
    export: Callable[[Course, list[Module]], object]
    check: Callable[[object, "Checker", int], None]
    create: Callable[[Course, object, list[Module]], None]


PARTS: dict[str, Part] = {}


def register_part(part: Part) -> None:
    """Called from an app's ready(); registering the same key again replaces it."""
    PARTS[part.key] = part


def _translations(obj, *fields: str) -> list[dict]:
    return [
        {"language": t.language, **{name: getattr(t, name) for name in fields}}
        for t in sorted(obj.translations.all(), key=lambda t: t.language)
    ]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def course_data(
    course: Course, *, include_archived: bool = True
) -> tuple[dict, dict[str, object], dict[str, str]]:
    """The course as format data, {archive name: stored file} for its media, and the resources' types.

    A fixed number of queries, however large the course.
    """
    files: dict[str, object] = {}
    types: dict[str, str] = {}
    cover = None
    if course.cover_image:
        cover = "media/cover.webp"
        files[cover] = course.cover_image
    lessons = Lesson.objects.order_by("position").prefetch_related("images", "resources", "translations")
    if not include_archived:
        lessons = lessons.live()
    modules = list(
        Module.objects.filter(course=course)
        .order_by("position")
        .prefetch_related(Prefetch("lessons", lessons), "translations")
    )
    module_rows = []
    resource_n = 0
    for module in modules:
        lesson_rows = []
        for lesson in module.lessons.all():
            image_rows = []
            for image in lesson.images.all():
                name = f"media/images/{image.key}.webp"
                files[name] = image.file
                image_rows.append({"key": str(image.key), "file": name, "alt_text": image.alt_text})
            resource_rows = []
            for resource in sorted(lesson.resources.all(), key=lambda r: r.pk):
                resource_n += 1
                name = f"media/resources/{resource_n}.{uploads.extension_of(resource.original_name)}"
                files[name] = resource.file
                types[name] = resource.content_type
                resource_rows.append(
                    {"title": resource.title, "file": name, "original_name": resource.original_name}
                )
            lesson_rows.append(
                {
                    "title": lesson.title,
                    "body": lesson.body,
                    "video_url": lesson.video_url,
                    "is_required": lesson.is_required,
                    "estimated_minutes": lesson.estimated_minutes,
                    "archived": lesson.archived_at is not None,
                    "translations": _translations(lesson, "title", "body"),
                    "images": image_rows,
                    "resources": resource_rows,
                }
            )
        module_rows.append(
            {
                "title": module.title,
                "summary": module.summary,
                "translations": _translations(module, "title", "summary"),
                "lessons": lesson_rows,
            }
        )
    data = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "course": {
            "title": course.title,
            "summary": course.summary,
            "language": course.language,
            "estimated_hours": course.estimated_hours,
            "enrolment_opens_at": _iso(course.enrolment_opens_at),
            "enrolment_closes_at": _iso(course.enrolment_closes_at),
            "programme": {"slug": course.programme.slug, "name": course.programme.name},
            "cover": cover,
            "translations": _translations(course, "title", "summary"),
        },
        "modules": module_rows,
    }
    for part in PARTS.values():
        data[part.key] = part.export(course, modules)
    return data, files, types


def export_course(course: Course, out) -> None:
    """Write the course as a zip into the binary file object `out`."""
    data, files, _types = course_data(course)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("course.json", json.dumps(data, ensure_ascii=False, indent=1))
        for name, stored in files.items():
            with stored.open("rb") as handle:
                archive.writestr(name, handle.read(), compress_type=zipfile.ZIP_STORED)


def export_filename(course: Course) -> str:
    return f"{course.slug}-{timezone.now():%Y%m%d}.zip"


# --- Validation ----------------------------------------------------------------------------------------


@dataclass
class Checked:
    data: dict
    media: dict[str, bytes] = field(default_factory=dict)
    resource_types: dict[str, str] = field(default_factory=dict)


class Checker:
    """Collects every problem of an export, with where it is; the parts use its helpers too."""

    def __init__(self, read: Callable[[str], bytes | None]):
        self.read = read
        self.problems: list[str] = []
        self.media: dict[str, bytes] = {}
        self.resource_types: dict[str, str] = {}

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def text(self, obj: dict, key: str, where: str, *, max_length: int, required: bool = True) -> str:
        value = obj.get(key, "")
        if not isinstance(value, str):
            self.problem(where, _("“%(field)s” must be text.") % {"field": key})
            return ""
        if required and not value.strip():
            self.problem(where, _("“%(field)s” is missing.") % {"field": key})
        if len(value) > max_length:
            self.problem(
                where, _("“%(field)s” is longer than %(n)s characters.") % {"field": key, "n": max_length}
            )
        return value

    def number(self, obj: dict, key: str, where: str, *, maximum: int) -> int:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            self.problem(
                where,
                _("“%(field)s” must be a whole number from 0 to %(max)s.") % {"field": key, "max": maximum},
            )
            return 0
        return value

    def flag(self, obj: dict, key: str, where: str) -> bool:
        value = obj.get(key)
        if not isinstance(value, bool):
            self.problem(where, _("“%(field)s” must be true or false.") % {"field": key})
            return False
        return value

    def items(self, obj: dict, key: str, where: str) -> list:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(where, _("“%(field)s” must be a list.") % {"field": key})
            return []
        return value

    def translations(self, obj: dict, where: str, fields: dict[str, tuple[int, bool]]) -> None:
        """A list of {"language", field...}: known languages, each at most once; fields as (max, required)."""
        seen: set[str] = set()
        for item in self.items(obj, "translations", where):
            language = item.get("language")
            if language not in {code for code, _name in settings.LANGUAGES}:
                self.problem(where, _("the language “%(lang)s” is not offered here.") % {"lang": language})
            elif language in seen:
                self.problem(where, _("two translations into “%(lang)s”.") % {"lang": language})
            seen.add(language)
            for name, (max_length, required) in fields.items():
                self.text(item, name, where, max_length=max_length, required=required)

    def moment(self, obj: dict, key: str, where: str) -> datetime | None:
        value = obj.get(key)
        if value is None:
            return None
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            self.problem(where, _("“%(field)s” is not a date and time.") % {"field": key})
        return parsed

    def image(self, name: object, where: str) -> None:
        content = self.file(name, where)
        if content is None:
            return
        try:
            with Image.open(io.BytesIO(content)) as image:
                if image.format != "WEBP" or image.width * image.height > MAX_PIXELS:
                    raise ValueError(image.format)
                image.load()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            self.problem(where, _("“%(file)s” is not a valid image.") % {"file": name})
            return
        self.media[name] = content

    def resource(self, name: object, original_name: str, where: str) -> None:
        content = self.file(name, where)
        if content is None:
            return
        try:
            content_type = uploads.validate_resource_file(SimpleUploadedFile(original_name or name, content))
        except ValidationError as error:
            self.problem(where, " ".join(error.messages))
            return
        self.media[name] = content
        self.resource_types[name] = content_type

    def file(self, name: object, where: str) -> bytes | None:
        if not isinstance(name, str) or not name.startswith("media/"):
            self.problem(where, _("a media file name is missing."))
            return None
        content = self.read(name)
        if content is None:
            self.problem(where, _("“%(file)s” is missing from the zip file.") % {"file": name})
        return content

    def check(self, data: object) -> None:
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            self.problems.append(
                _("This is not a course export of this platform (course.json has the wrong format).")
            )
            return
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problems.append(_("The export has no valid format version."))
            return
        if version > FORMAT_VERSION:
            self.problems.append(
                _(
                    "The file was exported by a newer version of the platform (format %(theirs)s; this "
                    "installation reads up to %(ours)s). Update this installation, then import again."
                )
                % {"theirs": version, "ours": FORMAT_VERSION}
            )
            return
        course = data.get("course")
        if not isinstance(course, dict):
            self.problems.append(_("The export has no course."))
            return
        where = _("Course")
        self.text(course, "title", where, max_length=200)
        self.text(course, "summary", where, max_length=1000, required=False)
        if course.get("language") not in {code for code, _name in settings.LANGUAGES}:
            self.problem(
                where, _("the language “%(lang)s” is not offered here.") % {"lang": course.get("language")}
            )
        self.number(course, "estimated_hours", where, maximum=32767)
        opens = self.moment(course, "enrolment_opens_at", where)
        closes = self.moment(course, "enrolment_closes_at", where)
        if opens and closes and closes <= opens:
            self.problem(where, _("enrolment closes before it opens."))
        if course.get("cover") is not None:
            self.image(course["cover"], where)
        self.translations(course, where, {"title": (200, True), "summary": (1000, False)})
        modules = self.items(data, "modules", where)
        for m, module in enumerate(modules, start=1):
            mwhere = _("Module %(n)s") % {"n": m}
            self.text(module, "title", mwhere, max_length=200)
            self.text(module, "summary", mwhere, max_length=10000, required=False)
            self.translations(module, mwhere, {"title": (200, True), "summary": (10000, False)})
            for n, lesson in enumerate(self.items(module, "lessons", mwhere), start=1):
                lwhere = _("Module %(m)s, lesson %(n)s") % {"m": m, "n": n}
                self.text(lesson, "title", lwhere, max_length=200)
                self.text(lesson, "body", lwhere, max_length=1_000_000, required=False)
                url = self.text(lesson, "video_url", lwhere, max_length=200, required=False)
                if url and not url.startswith(("https://", "http://")):
                    self.problem(lwhere, _("the video link is not a web address."))
                self.flag(lesson, "is_required", lwhere)
                self.flag(lesson, "archived", lwhere)
                self.number(lesson, "estimated_minutes", lwhere, maximum=32767)
                self.translations(lesson, lwhere, {"title": (200, True), "body": (1_000_000, False)})
                for image in self.items(lesson, "images", lwhere):
                    try:
                        uuid.UUID(str(image.get("key")))
                    except ValueError:
                        self.problem(lwhere, _("an image has no valid key."))
                    self.text(image, "alt_text", lwhere, max_length=300, required=False)
                    self.image(image.get("file"), lwhere)
                for resource in self.items(lesson, "resources", lwhere):
                    self.text(resource, "title", lwhere, max_length=200)
                    original = self.text(resource, "original_name", lwhere, max_length=200)
                    self.resource(resource.get("file"), original, lwhere)
        for key, part in PARTS.items():
            if key in data:
                part.check(data[key], self, len(modules))


def check_export(upload) -> Checked:
    """Read and check an uploaded export completely; raise ImportRejected listing every problem."""
    limit = getattr(settings, "COURSE_IMPORT_MAX_BYTES", 200 * 1024 * 1024)
    if upload.size > limit:
        raise ImportRejected(
            [
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            ]
        )
    try:
        upload.seek(0)
        archive = zipfile.ZipFile(upload)
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNCOMPRESSED_BYTES:
            raise ImportRejected([_("The zip file is too large when unpacked.")])
        names = {entry.filename for entry in entries}
        if "course.json" not in names:
            raise ImportRejected([_("The zip file has no course.json: it is not a course export.")])
        if archive.testzip() is not None:
            raise zipfile.BadZipFile
        try:
            data = json.loads(archive.read("course.json").decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ImportRejected(
                [_("course.json is not valid JSON: %(error)s") % {"error": error}]
            ) from error
        checker = Checker(lambda name: archive.read(name) if name in names else None)
        checker.check(data)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise ImportRejected(
            [_("The file is not a readable zip file (it may be damaged or incomplete).")]
        ) from error
    if checker.problems:
        raise ImportRejected(checker.problems)
    return Checked(data=data, media=checker.media, resource_types=checker.resource_types)


# --- Creation (import and copy) ------------------------------------------------------------------------


def _create(
    data: dict,
    *,
    read: Callable[[str], bytes],
    content_type_of: Callable[[str], str],
    programme: Programme,
    trainer: User,
    title: str | None = None,
    language: str | None = None,
) -> Course:
    """Create a draft course from checked format data; the caller wraps this in a transaction."""
    written: list = []

    def store(field_file, name: str, content: bytes) -> None:
        field_file.save(name, ContentFile(content), save=False)
        written.append(field_file.name)

    try:
        source = data["course"]
        course = Course(
            title=title or source["title"],
            slug=unique_course_slug(title or source["title"]),
            summary=source.get("summary", ""),
            language=language or source["language"],
            programme=programme,
            status=CourseStatus.DRAFT,
            estimated_hours=source["estimated_hours"],
            enrolment_opens_at=parse_datetime(source["enrolment_opens_at"])
            if source.get("enrolment_opens_at")
            else None,
            enrolment_closes_at=parse_datetime(source["enrolment_closes_at"])
            if source.get("enrolment_closes_at")
            else None,
        )
        if source.get("cover"):
            store(course.cover_image, f"{uuid.uuid4().hex}.webp", read(source["cover"]))
        course.save()
        course.trainers.add(trainer)
        CourseTranslation.objects.bulk_create(
            CourseTranslation(
                course=course, language=t["language"], title=t["title"], summary=t.get("summary", "")
            )
            for t in source.get("translations", [])
        )
        key_map: dict[str, str] = {}
        wanted = [
            image["key"]
            for module in data["modules"]
            for lesson in module["lessons"]
            for image in lesson["images"]
        ]
        taken = {str(k) for k in LessonImage.objects.filter(key__in=wanted).values_list("key", flat=True)}
        for key in wanted:
            key_map[key] = str(uuid.uuid4()) if key in taken or key in key_map.values() else key

        def with_new_keys(body: str) -> str:
            for old, new in key_map.items():
                if old != new:
                    body = body.replace(old, new)
            return body

        modules: list[Module] = []
        for m, module_data in enumerate(data["modules"], start=1):
            module = Module.objects.create(
                course=course, title=module_data["title"], summary=module_data.get("summary", ""), position=m
            )
            modules.append(module)
            ModuleTranslation.objects.bulk_create(
                ModuleTranslation(
                    module=module, language=t["language"], title=t["title"], summary=t.get("summary", "")
                )
                for t in module_data.get("translations", [])
            )
            for n, lesson_data in enumerate(module_data["lessons"], start=1):
                body = with_new_keys(lesson_data.get("body", ""))
                lesson = Lesson.objects.create(
                    module=module,
                    title=lesson_data["title"],
                    position=n,
                    body=body,
                    body_html=render_markdown(body),
                    video_url=lesson_data.get("video_url", ""),
                    is_required=lesson_data["is_required"],
                    estimated_minutes=lesson_data["estimated_minutes"],
                    archived_at=timezone.now() if lesson_data.get("archived") else None,
                )
                LessonTranslation.objects.bulk_create(
                    LessonTranslation(
                        lesson=lesson,
                        language=t["language"],
                        title=t["title"],
                        body=with_new_keys(t.get("body", "")),
                        body_html=render_markdown(with_new_keys(t.get("body", ""))),
                    )
                    for t in lesson_data.get("translations", [])
                )
                for image_data in lesson_data["images"]:
                    content = read(image_data["file"])
                    with Image.open(io.BytesIO(content)) as probe:
                        width, height = probe.size
                    image = LessonImage(
                        lesson=lesson,
                        key=uuid.UUID(key_map[image_data["key"]]),
                        alt_text=image_data.get("alt_text", ""),
                        width=width,
                        height=height,
                        size=len(content),
                        uploaded_by=trainer,
                    )
                    store(image.file, "image.webp", content)
                    image.save()
                for resource_data in lesson_data["resources"]:
                    content = read(resource_data["file"])
                    resource = Resource(
                        lesson=lesson,
                        title=resource_data["title"],
                        original_name=resource_data["original_name"][-200:],
                        content_type=content_type_of(resource_data["file"]),
                        size=len(content),
                    )
                    store(resource.file, resource_data["original_name"], content)
                    resource.save()
        for key, part in PARTS.items():
            if data.get(key) is not None:
                part.create(course, data[key], modules)
    except BaseException:
        storage = Course._meta.get_field("cover_image").storage
        for name in written:
            storage.delete(name)
        raise
    return course


@transaction.atomic
def import_course(*, upload, programme: Programme, trainer: User) -> Course:
    """Check the export fully, then create it as a new draft course taught by `trainer`."""
    checked = check_export(upload)
    return _create(
        checked.data,
        read=checked.media.__getitem__,
        content_type_of=checked.resource_types.__getitem__,
        programme=programme,
        trainer=trainer,
    )


@transaction.atomic
def copy_course(*, course: Course, trainer: User, title: str, language: str) -> Course:
    """A new draft with the same outline, lessons and media, for a new run or as the base of a translation.

    Archived lessons are left behind: a new run starts without them.
    """
    data, files, types = course_data(course, include_archived=False)

    def read(name: str) -> bytes:
        with files[name].open("rb") as handle:
            return handle.read()

    copy = _create(
        data,
        read=read,
        content_type_of=types.__getitem__,
        programme=course.programme,
        trainer=trainer,
        title=title,
        language=language,
    )
    copy.trainers.add(*course.trainers.all())
    return copy
