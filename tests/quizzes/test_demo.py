import io

import pytest

from quizzes import demo
from quizzes.models import Question, Quiz
from tests.factories import CourseFactory, ModuleFactory


@pytest.mark.django_db
def test_demo_seed_is_idempotent_and_skips_missing_courses():
    course = CourseFactory(slug="flood-early-warning-volunteers")
    ModuleFactory(course=course, position=1)
    CourseFactory(slug="ghg-inventory-local-governments")  # no modules: skipped
    out = io.StringIO()
    demo.seed(stdout=out)
    demo.seed(stdout=out)
    quiz = Quiz.objects.get()
    assert quiz.course == course
    assert quiz.is_published
    assert Question.objects.filter(quiz=quiz).count() == 4
    assert len({q.kind for q in quiz.questions.all()}) >= 3


def test_every_demo_question_is_valid():
    from quizzes import services

    for _slug, _position, _title, questions in demo.QUIZZES:
        assert 4 <= len(questions) <= 6
        for data in questions:
            assert services.validate_question(data) == [], data.text
