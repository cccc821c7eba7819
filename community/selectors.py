"""Reads for the community. Each page runs a fixed number of queries, however many threads, posts or cases.

Knowledge Hub search: on PostgreSQL, full-text search with the English configuration (stemming: "floods"
finds "flood") over the stored document `search_vector`, ranked, served by a GIN index (migration 0003).
Thai, Lao, Khmer, Burmese and Chinese do not separate words with spaces, so a query in those scripts also
matches by substring. On other databases (SQLite in development) every query matches by substring on each
word.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from accounts.models import User
from community import cache as community_cache
from community.models import (
    CaseStatus,
    CaseStudy,
    CaseTheme,
    ModerationAction,
    Post,
    Report,
    ReportStatus,
    Thread,
    ThreadFollow,
)
from courses.models import Course, Lesson
from training import request_cache

SEARCH_CONFIG = "english"  # the configuration of the trigger filling CaseStudy.search_vector (migration 0003)
# Long columns that lists of cases never show.
UNLISTED_FIELDS = ("body", "body_html", "search_text", "search_vector")
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, CJK.
UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff]")


# --- Discussions -------------------------------------------------------------------------------------
def course_threads(*, course: Course, threads: QuerySet[Thread]) -> QuerySet[Thread]:
    return threads.select_related("author__profile", "lesson").listed()


def attach_lesson(*, thread: Thread) -> None:
    """Load the thread's lesson for its breadcrumb link (one query, only for threads about a lesson)."""
    if thread.lesson_id is None:
        return
    lesson = (
        Lesson.objects.select_related("module").only("pk", "title", "module__pk").get(pk=thread.lesson_id)
    )
    lesson.module.course = thread.course  # Lesson.get_absolute_url reaches the slug through module.course
    thread.lesson = lesson


def thread_posts(*, thread: Thread, is_moderator: bool) -> QuerySet[Post]:
    posts = Post.objects.filter(thread=thread).select_related("author__profile").order_by("created_at", "pk")
    if is_moderator:
        posts = posts.annotate(open_reports=Count("reports", filter=Q(reports__status=ReportStatus.OPEN)))
    return posts


@dataclass
class ThreadPage:
    """One page of a thread's replies, with the opening post and the accepted answer (on every page)."""

    page: Page
    opening: Post | None
    accepted: Post | None


def thread_page(
    *, thread: Thread, is_moderator: bool, page_number: str | int | None, per_page: int
) -> ThreadPage:
    """Three queries, however long the thread: count the replies, read one page, read opening + accepted.

    `page_number` may be "last"; past the end is the last page, anything else not a number the first.
    """
    posts = thread_posts(thread=thread, is_moderator=is_moderator)
    paginator = Paginator(posts.filter(is_opening=False), per_page)
    page = paginator.get_page(paginator.num_pages if page_number == "last" else page_number)
    opening = accepted = None
    for post in posts.filter(Q(is_opening=True) | Q(is_accepted=True, is_hidden=False)):
        if post.is_opening:
            opening = post
        else:
            accepted = post
    return ThreadPage(page=page, opening=opening, accepted=accepted)


def page_of_post(*, post: Post, per_page: int) -> int:
    """The page of its thread on which a post appears (the opening post heads every page: page 1)."""
    if post.is_opening:
        return 1
    before = (
        Post.objects.filter(thread_id=post.thread_id, is_opening=False)
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
        .count()
    )
    return before // per_page + 1


def followers_to_notify(*, post: Post) -> QuerySet[User]:
    """Who to tell about a new reply: the thread's followers, not its author; no one if it is hidden."""
    if post.is_hidden or post.thread.is_hidden:
        return User.objects.none()
    return User.objects.filter(
        pk__in=ThreadFollow.objects.filter(thread_id=post.thread_id).values("user_id"), is_active=True
    ).exclude(pk=post.author_id)


def discussion_courses(*, courses: QuerySet[Course]) -> QuerySet[Course]:
    return courses.select_related("programme").annotate(thread_count=Count("threads")).order_by("title")


def open_reports(*, course: Course) -> QuerySet[Report]:
    return (
        Report.objects.filter(post__thread__course=course, status=ReportStatus.OPEN)
        .select_related("post__thread", "post__author__profile", "reporter__profile")
        .order_by("created_at")
    )


def recent_moderation(*, course: Course, limit: int = 50) -> list[ModerationAction]:
    return list(
        ModerationAction.objects.filter(course=course)
        .select_related("actor__profile", "thread")
        .order_by("-created_at", "-pk")[:limit]
    )


def open_report_count(*, course: Course) -> int:
    return Report.objects.filter(post__thread__course=course, status=ReportStatus.OPEN).count()


# --- Knowledge Hub -----------------------------------------------------------------------------------
def _words(query: str) -> list[str]:
    return [word for word in query.split() if word][:10]


def search_cases(*, cases: QuerySet[CaseStudy], query: str) -> QuerySet[CaseStudy]:
    """Cases matching `query`, best matches first on PostgreSQL."""
    query = " ".join((query or "").split())[:200]
    if not query:
        return cases
    substring = Q()
    for word in _words(query):
        substring &= Q(search_text__icontains=word)
    if connection.vendor != "postgresql":
        return cases.filter(substring)
    search = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    matches = Q(search_vector=search)
    if UNSPACED_SCRIPT.search(query):
        matches |= substring
    return (
        cases.filter(matches)
        .annotate(rank=Coalesce(SearchRank(F("search_vector"), search), Value(0.0)))
        .order_by("-rank", "-published_at", "-pk")
    )


def filter_cases(*, cases: QuerySet[CaseStudy], filters: dict) -> QuerySet[CaseStudy]:
    if filters.get("country"):
        cases = cases.filter(country=filters["country"])
    if filters.get("theme"):
        cases = cases.filter(Exists(CaseTheme.objects.filter(case=OuterRef("pk"), theme=filters["theme"])))
    if filters.get("partner"):
        cases = cases.filter(partner=filters["partner"])
    if filters.get("year"):
        cases = cases.filter(year=filters["year"])
    return cases


def published_cases(*, filters: dict) -> QuerySet[CaseStudy]:
    cases = filter_cases(cases=CaseStudy.objects.published(), filters=filters).order_by(
        "-published_at", "-pk"
    )
    cases = search_cases(cases=cases, query=filters.get("q", ""))
    return cases.select_related("partner").prefetch_related("themes").defer(*UNLISTED_FIELDS)


def case_years() -> list[int]:
    """Years offered in the hub's filter; cached under the hub version (community/cache.py)."""
    return cache.get_or_set(
        community_cache.hub_key(name="years", language="", query=""),
        lambda: list(
            CaseStudy.objects.published().order_by("-year").values_list("year", flat=True).distinct()
        ),
        timeout=community_cache.FRAGMENT_TTL,
    )


def case_detail(*, cases: QuerySet[CaseStudy], pk: int, lessons_in: QuerySet[Course]) -> CaseStudy:
    """One case with its themes, images, attachments and the lessons (in courses the reader sees) using it."""
    lessons = Lesson.objects.filter(module__course__in=lessons_in).select_related("module__course")
    return (
        cases.select_related("partner", "submitted_by__profile", "reviewed_by")
        .defer("search_vector")
        .prefetch_related("themes", "images", "attachments", Prefetch("lessons", queryset=lessons))
        .get(pk=pk)
    )


def cases_submitted_by(*, user: User) -> QuerySet[CaseStudy]:
    return CaseStudy.objects.filter(submitted_by=user).order_by("-submitted_at").defer(*UNLISTED_FIELDS)


def review_queue() -> QuerySet[CaseStudy]:
    return (
        CaseStudy.objects.filter(status=CaseStatus.SUBMITTED)
        .select_related("submitted_by__profile", "partner")
        .prefetch_related("themes")
        .order_by("submitted_at", "pk")
        .defer(*UNLISTED_FIELDS)
    )


def related_cases_for_lesson(*, lesson: Lesson, limit: int = 3) -> list[CaseStudy]:
    """Shown on every lesson page, so cached under the hub version (bumped by any change to a case, its
    publication or its links to lessons)."""
    key = community_cache.hub_key(name=f"lesson-{lesson.pk}", language="", query=str(limit))
    return request_cache.get_or_build(
        key,
        lambda: list(
            CaseStudy.objects.published()
            .filter(lessons=lesson)
            .order_by("-published_at")
            .only("pk", "title", "country", "year", "summary")[:limit]
        ),
        community_cache.FRAGMENT_TTL,
    )
