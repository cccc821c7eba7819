"""Writes for the Knowledge Hub: submitting and editing cases, coordinators' review, links to lessons.

Uploads are checked and images re-encoded before anything is written, so a bad file leaves no trace: no
row, no stored file. Files written during a transaction that then fails are removed again.
"""

from dataclasses import dataclass, field
from functools import partial

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Country, PartnerOrganisation, User
from community import cache as community_cache
from community import permissions, uploads
from community.models import CaseAttachment, CaseImage, CaseStatus, CaseStudy, CaseTheme
from courses import permissions as course_permissions
from courses.markdown import render_markdown
from courses.models import Lesson, Theme

MAX_IMAGES = 8
MAX_ATTACHMENTS = 6
CASE_FIELDS = ("title", "country", "partner", "year", "language", "summary", "body")


class CaseError(Exception):
    """A review rule stopped the action; the message is for the user."""


@dataclass
class CaseUploads:
    """New files for a case: (upload, alt text) images and (upload, title) attachments, plus removals."""

    images: list[tuple] = field(default_factory=list)
    attachments: list[tuple] = field(default_factory=list)
    remove_image_ids: list[int] = field(default_factory=list)
    remove_attachment_ids: list[int] = field(default_factory=list)


def build_search_text(case: CaseStudy, themes: list[str], partner: PartnerOrganisation | None) -> str:
    """Everything a search should find, as plain text (place and theme names in English)."""
    with translation.override("en"):
        labels = [str(Country(case.country).label), *(str(Theme(t).label) for t in themes)]
    parts = [case.title, case.summary, nh3.clean(case.body_html, tags=set()), *labels]
    if partner is not None:
        parts += [partner.name, partner.short_name]
    return "\n".join(part for part in parts if part)


def _prepare_uploads(files: CaseUploads, *, existing_images: int = 0, existing_files: int = 0):
    if existing_images + len(files.images) > MAX_IMAGES:
        raise ValidationError(_("A case can have at most %(n)s images.") % {"n": MAX_IMAGES})
    if existing_files + len(files.attachments) > MAX_ATTACHMENTS:
        raise ValidationError(_("A case can have at most %(n)s attachments.") % {"n": MAX_ATTACHMENTS})
    images = []
    for upload, alt_text in files.images:
        if not (alt_text or "").strip():
            raise ValidationError(_("Describe each image in a few words, for people who cannot see it."))
        images.append((uploads.prepare_image(upload), alt_text.strip()[:300]))
    attachments = []
    for upload, title in files.attachments:
        content_type = uploads.check_attachment(upload)
        attachments.append((upload, content_type, (title or "").strip()[:200] or upload.name[-200:]))
    return images, attachments


def _store_files(case: CaseStudy, images, attachments, stored: list) -> None:
    for prepared, alt_text in images:
        image = CaseImage(
            case=case,
            alt_text=alt_text,
            content_type=prepared.content_type,
            width=prepared.width,
            height=prepared.height,
            size=prepared.content.size,
        )
        image.file.save(prepared.content.name, prepared.content, save=False)
        stored.append(image.file)
        image.save()
    for upload, content_type, title in attachments:
        attachment = CaseAttachment(
            case=case,
            title=title,
            original_name=upload.name[-200:],
            content_type=content_type,
            size=upload.size,
        )
        attachment.file.save(upload.name, upload, save=False)
        stored.append(attachment.file)
        attachment.save()


def _delete_files(files: list) -> None:
    for stored in files:
        stored.storage.delete(stored.name)


def _validate_fields(data: dict, themes: list[str]) -> None:
    errors = {}
    if not themes or any(theme not in Theme.values for theme in themes):
        errors["themes"] = _("Choose at least one theme.")
    if not (data.get("title") or "").strip():
        errors["title"] = _("A title is required.")
    if not (data.get("body") or "").strip():
        errors["body"] = _("Describe the case.")
    if errors:
        raise ValidationError(errors)


def _apply(case: CaseStudy, data: dict, themes: list[str]) -> None:
    for name in CASE_FIELDS:
        if name in data:
            setattr(case, name, data[name].strip() if isinstance(data[name], str) else data[name])
    case.body_html = render_markdown(case.body)
    case.search_text = build_search_text(case, themes, case.partner)


def _set_themes(case: CaseStudy, themes: list[str]) -> None:
    CaseTheme.objects.filter(case=case).exclude(theme__in=themes).delete()
    existing = set(CaseTheme.objects.filter(case=case).values_list("theme", flat=True))
    CaseTheme.objects.bulk_create(
        [CaseTheme(case=case, theme=t) for t in dict.fromkeys(themes) if t not in existing]
    )


def submit_case(
    *, author: User, data: dict, themes: list[str], files: CaseUploads | None = None
) -> CaseStudy:
    """A signed-in user submits a case for review. Raises ValidationError; nothing is stored on error."""
    if not author.is_authenticated:
        raise PermissionDenied
    files = files or CaseUploads()
    _validate_fields(data, themes)
    images, attachments = _prepare_uploads(files)
    stored: list = []
    try:
        with transaction.atomic():
            case = CaseStudy(submitted_by=author, status=CaseStatus.SUBMITTED, submitted_at=timezone.now())
            _apply(case, data, themes)
            case.save()
            _set_themes(case, themes)
            _store_files(case, images, attachments, stored)
    except BaseException:
        _delete_files(stored)
        raise
    return case


def update_case(
    *, case: CaseStudy, editor: User, data: dict, themes: list[str], files: CaseUploads | None = None
) -> CaseStudy:
    """Edit a case. When its author edits a returned case, it goes back into the review queue."""
    if not permissions.can_edit_case(editor, case):
        raise PermissionDenied
    files = files or CaseUploads()
    _validate_fields(data, themes)
    kept_images = case.images.exclude(pk__in=files.remove_image_ids).count()
    kept_files = case.attachments.exclude(pk__in=files.remove_attachment_ids).count()
    images, attachments = _prepare_uploads(files, existing_images=kept_images, existing_files=kept_files)
    stored: list = []
    removed: list = []
    try:
        with transaction.atomic():
            case = CaseStudy.objects.select_for_update(of=("self",)).select_related("partner").get(pk=case.pk)
            _apply(case, data, themes)
            if case.status == CaseStatus.RETURNED and case.submitted_by_id == editor.pk:
                case.status = CaseStatus.SUBMITTED
                case.submitted_at = timezone.now()
            case.save()
            _set_themes(case, themes)
            for model, ids in (
                (CaseImage, files.remove_image_ids),
                (CaseAttachment, files.remove_attachment_ids),
            ):
                for item in model.objects.filter(case=case, pk__in=ids):
                    removed.append(item.file)
                    item.delete()
            _store_files(case, images, attachments, stored)
            community_cache.bump_hub_version()  # a coordinator may be editing a published case
    except BaseException:
        _delete_files(stored)
        raise
    # Files of removed images and attachments go only once the removal is committed.
    transaction.on_commit(partial(_delete_files, removed))
    return case


def _require_reviewer(reviewer: User) -> None:
    if not permissions.can_review_cases(reviewer):
        raise PermissionDenied


@transaction.atomic
def publish_case(*, case: CaseStudy, reviewer: User) -> CaseStudy:
    _require_reviewer(reviewer)
    case = CaseStudy.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.SUBMITTED:
        raise CaseError(_("Only a case waiting for review can be published."))
    now = timezone.now()
    case.status = CaseStatus.PUBLISHED
    case.return_reason = ""
    case.reviewed_by = reviewer
    case.reviewed_at = now
    case.published_at = case.published_at or now
    case.save(
        update_fields=["status", "return_reason", "reviewed_by", "reviewed_at", "published_at", "updated_at"]
    )
    community_cache.bump_hub_version()
    return case


@transaction.atomic
def return_case(*, case: CaseStudy, reviewer: User, reason: str) -> CaseStudy:
    """Send a submitted (or published) case back to its author with a reason; it leaves the public hub."""
    _require_reviewer(reviewer)
    reason = (reason or "").strip()
    if not reason:
        raise CaseError(_("Tell the author why the case is returned."))
    case = CaseStudy.objects.select_for_update().get(pk=case.pk)
    if case.status == CaseStatus.RETURNED:
        raise CaseError(_("This case has already been returned."))
    case.status = CaseStatus.RETURNED
    case.return_reason = reason[:2000]
    case.reviewed_by = reviewer
    case.reviewed_at = timezone.now()
    case.save(update_fields=["status", "return_reason", "reviewed_by", "reviewed_at", "updated_at"])
    community_cache.bump_hub_version()
    return case


def _require_lesson_editor(actor: User, lesson: Lesson) -> None:
    if not course_permissions.can_edit_course(actor, lesson.module.course):
        raise PermissionDenied


def link_lesson(*, case: CaseStudy, lesson: Lesson, actor: User) -> None:
    """A trainer shows a published case on one of their lessons."""
    _require_lesson_editor(actor, lesson)
    if not case.is_published:
        raise CaseError(_("Only published cases can be linked to lessons."))
    case.lessons.add(lesson)


def unlink_lesson(*, case: CaseStudy, lesson: Lesson, actor: User) -> None:
    _require_lesson_editor(actor, lesson)
    case.lessons.remove(lesson)
