from django.urls import path

from courses.studio import translations, views

app_name = "studio"

course = "courses/<slug:slug>/"
lesson = course + "lessons/<int:lesson_id>/"
module = course + "modules/<int:module_id>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("courses/new/", views.course_create, name="course_create"),
    path("import/", views.course_import, name="course_import"),
    path(course, views.outline, name="outline"),
    path(course + "settings/", views.course_settings, name="course_settings"),
    path(course + "trainers/", views.trainer_add, name="trainer_add"),
    path(course + "trainers/<int:user_id>/remove/", views.trainer_remove, name="trainer_remove"),
    path(course + "publish/", views.publish, name="publish"),
    path(course + "preview/", views.preview_course, name="preview_course"),
    path(course + "preview/<int:lesson_id>/", views.preview_lesson, name="preview_lesson"),
    path(course + "copy/", views.course_copy, name="course_copy"),
    path(course + "export/", views.course_export, name="course_export"),
    path(course + "modules/", views.module_add, name="module_add"),
    path(course + "modules/order/", views.modules_reorder, name="modules_reorder"),
    path(module + "rename/", views.module_rename, name="module_rename"),
    path(module + "move/", views.module_move, name="module_move"),
    path(module + "delete/", views.module_delete, name="module_delete"),
    path(module + "lessons/", views.lesson_add, name="lesson_add"),
    path(module + "lessons/order/", views.lessons_reorder, name="lessons_reorder"),
    path(lesson, views.lesson_edit, name="lesson"),
    path(lesson + "quick/", views.lesson_quick_edit, name="lesson_quick_edit"),
    path(lesson + "move/", views.lesson_move, name="lesson_move"),
    path(lesson + "transfer/", views.lesson_transfer, name="lesson_transfer"),
    path(lesson + "delete/", views.lesson_delete, name="lesson_delete"),
    path(lesson + "archive/", views.lesson_archive, name="lesson_archive"),
    path(lesson + "autosave/", views.lesson_autosave, name="lesson_autosave"),
    path(lesson + "draft/discard/", views.lesson_draft_discard, name="lesson_draft_discard"),
    path(lesson + "preview/", views.lesson_preview, name="lesson_preview"),
    path(lesson + "images/", views.lesson_image_add, name="lesson_image_add"),
    path(lesson + "images/<int:image_id>/delete/", views.lesson_image_delete, name="lesson_image_delete"),
    path(lesson + "resources/", views.resource_add, name="resource_add"),
    path(lesson + "resources/<int:resource_id>/delete/", views.resource_delete, name="resource_delete"),
    path(lesson + "history/", views.lesson_history, name="lesson_history"),
    path(lesson + "history/<int:version>/", views.revision_detail, name="revision"),
    path(course + "translations/", translations.overview, name="translations"),
    path(
        course + "translations/<str:kind>/<int:object_id>/<str:language>/",
        translations.edit,
        name="translation_edit",
    ),
]
