from django.urls import include, path

from learning import views

app_name = "learning"
urlpatterns = [
    path("learn/", views.dashboard, name="dashboard"),
    path("courses/<slug:slug>/", views.course_detail, name="course"),
    path("courses/<slug:slug>/enrol/", views.enrol, name="enrol"),
    path("courses/<slug:slug>/unenrol/", views.unenrol, name="unenrol"),
    path("courses/<slug:slug>/lessons/<int:lesson_id>/", views.lesson_detail, name="lesson"),
    path(
        "courses/<slug:slug>/lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"
    ),
    path(
        "courses/<slug:slug>/lessons/<int:lesson_id>/resources/<int:resource_id>/",
        views.download_resource,
        name="resource",
    ),
    path("", include("learning.cohorts.urls")),
]
