from django.urls import path

from courses import media_views, views

app_name = "courses"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("images/<uuid:key>/", media_views.lesson_image, name="lesson_image"),
    path("<slug:slug>/cover/", media_views.course_cover, name="course_cover"),
]
