from django.urls import path

from quizzes import studio, views

app_name = "quizzes"

_QUIZ = "courses/<slug:slug>/quizzes/<int:quiz_id>/"
_ATTEMPT = _QUIZ + "attempts/<int:attempt_id>/"
_STUDIO = "studio/courses/<slug:slug>/quizzes/"
_STUDIO_QUIZ = _STUDIO + "<int:quiz_id>/"
_STUDIO_QUESTION = _STUDIO_QUIZ + "questions/<int:question_id>/"

urlpatterns = [
    # Trainees
    path(_QUIZ, views.quiz_detail, name="quiz"),
    path(_QUIZ + "start/", views.start, name="start"),
    path(_ATTEMPT, views.attempt_page, name="attempt"),
    path(_ATTEMPT + "save/", views.save, name="save"),
    path(_ATTEMPT + "submit/", views.submit, name="submit"),
    path(_ATTEMPT + "result/", views.result, name="result"),
    # Trainers
    path(_STUDIO, studio.quiz_list, name="studio_quizzes"),
    path(_STUDIO + "new/", studio.quiz_create, name="studio_quiz_new"),
    path(_STUDIO_QUIZ, studio.quiz_edit, name="studio_quiz"),
    path(_STUDIO_QUIZ + "delete/", studio.quiz_delete, name="studio_quiz_delete"),
    path(_STUDIO_QUIZ + "preview/", studio.preview, name="studio_preview"),
    path(_STUDIO_QUIZ + "import/", studio.question_import, name="studio_import"),
    path(_STUDIO_QUIZ + "reorder/", studio.questions_reorder, name="studio_reorder"),
    path(_STUDIO_QUIZ + "analysis/", studio.analysis, name="studio_analysis"),
    path(_STUDIO_QUIZ + "analysis.csv", studio.analysis_csv, name="studio_analysis_csv"),
    path(_STUDIO_QUIZ + "questions/new/", studio.question_create, name="studio_question_new"),
    path(_STUDIO_QUESTION, studio.question_edit, name="studio_question"),
    path(_STUDIO_QUESTION + "delete/", studio.question_delete, name="studio_question_delete"),
    path(_STUDIO_QUESTION + "move/", studio.question_move, name="studio_question_move"),
    path(_STUDIO_QUESTION + "copy/", studio.question_copy, name="studio_question_copy"),
    path(_STUDIO_QUESTION + "translations/", studio.question_translation, name="studio_question_translation"),
]
