"""Writes for quizzes, split by use: attempts (trainees), authoring and CSV import (trainers).

Callers import the package: ``from quizzes import services`` then ``services.start_attempt(...)``.
"""

from quizzes.services.attempts import (
    GRACE,
    AttemptClosed,
    AttemptError,
    close_if_overdue,
    is_overdue,
    save_answers,
    start_attempt,
    submit_attempt,
    submit_overdue_attempts,
)
from quizzes.services.authoring import (
    QuestionData,
    QuestionInvalid,
    QuizError,
    copy_question,
    create_question,
    delete_question,
    delete_quiz,
    move_question,
    question_data_from,
    reorder_questions,
    save_quiz,
    update_question,
    validate_question,
)
from quizzes.services.imports import ImportRejected, RowError, import_questions, parse_questions_csv

__all__ = [
    "GRACE",
    "AttemptClosed",
    "AttemptError",
    "ImportRejected",
    "QuestionData",
    "QuestionInvalid",
    "QuizError",
    "RowError",
    "close_if_overdue",
    "copy_question",
    "create_question",
    "delete_question",
    "delete_quiz",
    "import_questions",
    "is_overdue",
    "move_question",
    "parse_questions_csv",
    "question_data_from",
    "reorder_questions",
    "save_answers",
    "save_quiz",
    "start_attempt",
    "submit_attempt",
    "submit_overdue_attempts",
    "update_question",
    "validate_question",
]
