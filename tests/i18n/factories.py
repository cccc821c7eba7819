"""Factories for content translations (courses and quizzes)."""

import factory

from courses.markdown import render_markdown
from courses.models import CourseTranslation, LessonTranslation, ModuleTranslation
from quizzes.models import ChoiceTranslation, QuestionTranslation
from tests.factories import CourseFactory, LessonFactory, ModuleFactory


class CourseTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseTranslation

    course = factory.SubFactory(CourseFactory)
    language = "lo"
    title = "ການປັບຕົວຕໍ່ການປ່ຽນແປງສະພາບອາກາດຂອງຊຸມຊົນ"
    summary = "ວາງແຜນ ແລະ ນຳພາການປັບຕົວຮ່ວມກັບຊຸມຊົນຂອງທ່ານ."


class ModuleTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleTranslation

    module = factory.SubFactory(ModuleFactory)
    language = "lo"
    title = "ໂມດູນທີໜຶ່ງ"


class LessonTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonTranslation

    lesson = factory.SubFactory(LessonFactory)
    language = "lo"
    title = "ເປັນຫຍັງຈຶ່ງສຳຄັນ"
    body = "## ເປັນຫຍັງຈຶ່ງສຳຄັນ\n\nນ້ຳຖ້ວມເພີ່ມຂຶ້ນໃນ **ສາມຫຼ່ຽມແມ່ຂອງ**."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))


class QuestionTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionTranslation

    language = "km"
    text = "តើឧស្ម័នមួយណាដែលស្រូបកំដៅច្រើនជាងគេ?"
    explanation = "ដោយសារ។"


class ChoiceTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChoiceTranslation

    language = "km"
    text = factory.Sequence(lambda n: f"ជម្រើស {n}")
