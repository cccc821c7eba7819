"""Quiz questions in other languages: a trainer's translation of a question's text, explanation and choices.

Trainees see them through quizzes.selectors.attempt_items(language=...), which falls back to the course's
own language question by question (courses.translations explains the model).
"""

from django.conf import settings
from django.db import transaction

from quizzes.models import ChoiceTranslation, Question, QuestionTranslation


class TranslationError(ValueError):
    pass


@transaction.atomic
def save_question_translation(
    *, question: Question, language: str, text: str, explanation: str, choices: dict[int, str]
) -> QuestionTranslation:
    """Create or replace the translation; ``choices`` maps choice ids of this question to their text."""
    if language not in dict(settings.LANGUAGES) or language == question.quiz.course.language:
        raise TranslationError("A translation needs another platform language than the course's.")
    translation, _created = QuestionTranslation.objects.update_or_create(
        question=question,
        language=language,
        defaults={"text": text.strip(), "explanation": explanation.strip()},
    )
    own = {choice.pk for choice in question.choices.all()}
    for choice_id, choice_text in choices.items():
        if choice_id not in own:
            raise TranslationError("The choice does not belong to this question.")
        if choice_text.strip():
            ChoiceTranslation.objects.update_or_create(
                choice_id=choice_id, language=language, defaults={"text": choice_text.strip()}
            )
        else:
            ChoiceTranslation.objects.filter(choice_id=choice_id, language=language).delete()
    return translation


@transaction.atomic
def delete_question_translation(*, question: Question, language: str) -> None:
    QuestionTranslation.objects.filter(question=question, language=language).delete()
    ChoiceTranslation.objects.filter(choice__question=question, language=language).delete()
