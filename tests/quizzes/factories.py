"""Factories for quizzes. Questions are built through the authoring service so their choices are real."""

from decimal import Decimal

import factory

from quizzes import services
from quizzes.models import MultipleScoring, QuestionKind, Quiz
from tests.factories import CourseFactory, EnrolmentFactory, ModuleFactory, TrainerFactory


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CourseFactory)
    module = factory.LazyAttribute(lambda o: ModuleFactory(course=o.course))
    title = factory.Sequence(lambda n: f"Check your understanding {n}")
    pass_mark = 60
    is_published = True
    is_required = True


def single(text="Which gas traps the most heat in the atmosphere overall?", correct=1, count=3):
    choices = [(f"Option {i}", i == correct) for i in range(1, count + 1)]
    return services.QuestionData(kind=QuestionKind.SINGLE, text=text, choices=choices, explanation="Because.")


def multiple(correct=(1, 2), count=4, scoring=MultipleScoring.ALL_OR_NOTHING):
    choices = [(f"Measure {i}", i in correct) for i in range(1, count + 1)]
    return services.QuestionData(
        kind=QuestionKind.MULTIPLE,
        text="Which are adaptation measures?",
        choices=choices,
        multiple_scoring=scoring,
    )


def true_false(answer=True):
    return services.QuestionData(
        kind=QuestionKind.TRUE_FALSE, text="Mangroves reduce storm surge.", true_answer=answer
    )


def numeric(answer="1.5", tolerance="0.1"):
    return services.QuestionData(
        kind=QuestionKind.NUMERIC,
        text="By how many degrees should warming be limited?",
        numeric_answer=Decimal(answer),
        numeric_tolerance=Decimal(tolerance),
    )


def short_text(*answers):
    return services.QuestionData(
        kind=QuestionKind.SHORT_TEXT,
        text="Name the river that flows through six countries.",
        accepted_answers=list(answers or ["Mekong", "Mê Kông", "แม่น้ำโขง"]),
    )


def add_questions(quiz, datas):
    return [services.create_question(quiz=quiz, data=data) for data in datas]


def quiz_with_questions(n=5, **kwargs):
    """A quiz with ``n`` single-choice questions (the first choice is correct)."""
    quiz = QuizFactory(**kwargs)
    add_questions(quiz, [single(text=f"Question {i}") for i in range(n)])
    return quiz


def enrolled_trainee(course):
    return EnrolmentFactory(course=course).trainee


def course_trainer(course):
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    return trainer


def correct_payload(attempt):
    """POST data answering every drawn question correctly (the test reads the key on the server side)."""
    data = {"shown": []}
    for answer in attempt.answers.select_related("question").prefetch_related("question__choices"):
        question = answer.question
        data["shown"].append(str(question.pk))
        if question.has_choices:
            data[f"q{question.pk}"] = [str(c.pk) for c in question.choices.all() if c.is_correct]
        elif question.kind == QuestionKind.NUMERIC:
            data[f"q{question.pk}"] = [question.numeric_answer_text]
        else:
            data[f"q{question.pk}"] = [question.accepted_answers[0]]
    return data
