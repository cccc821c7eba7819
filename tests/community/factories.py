"""Factories for community tests (shared ones come from tests.factories)."""

import factory
from django.utils import timezone

from accounts.models import Country
from community.models import CaseStatus, CaseStudy, CaseTheme, Post, Thread, ThreadFollow
from community.services.cases import build_search_text
from courses.markdown import render_markdown
from courses.models import Theme
from tests.factories import CourseFactory, TraineeFactory


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    author = factory.SubFactory(TraineeFactory)
    title = factory.Sequence(lambda n: f"How do we map flood risk in our village? ({n})")
    last_activity_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def opening(obj, create, extracted, **kwargs):
        if create:
            body = extracted or "Our commune floods every September. Where do we start?"
            Post.objects.create(
                thread=obj, author=obj.author, body=body, body_html=render_markdown(body), is_opening=True
            )
            ThreadFollow.objects.create(thread=obj, user=obj.author)  # as services.start_thread does


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(TraineeFactory)
    body = "Start with the elders' memory of past flood levels, then walk the village with a map."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudy
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Floating gardens for flood-season food security {n}")
    country = Country.CAMBODIA
    year = 2023
    summary = "Households on the Tonle Sap grow vegetables on floating beds through the flood season."
    body = "## What was done\n\nWomen's groups built **floating vegetable beds** from water hyacinth."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
    status = CaseStatus.PUBLISHED
    submitted_by = factory.SubFactory(TraineeFactory)
    submitted_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == CaseStatus.PUBLISHED else None
    )
    return_reason = factory.LazyAttribute(
        lambda o: "Please add results." if o.status == CaseStatus.RETURNED else ""
    )

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if not create:
            return
        themes = extracted or [Theme.COMMUNITY_ADAPTATION]
        CaseTheme.objects.bulk_create([CaseTheme(case=obj, theme=t) for t in themes])
        obj.search_text = build_search_text(obj, themes, obj.partner)
        obj.save(update_fields=["search_text"])
