from django.urls import path

from learning.cohorts import views

app_name = "cohorts"
urlpatterns = [
    path("cohorts/", views.cohort_list, name="list"),
    path("cohorts/new/", views.cohort_create, name="create"),
    path("cohorts/join/", views.join, name="join"),
    path("cohorts/join/<str:code>/", views.join, name="join_code"),
    path("cohorts/calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
    path("cohorts/<int:cohort_id>/", views.cohort_detail, name="detail"),
    path("cohorts/<int:cohort_id>/edit/", views.cohort_edit, name="edit"),
    path("cohorts/<int:cohort_id>/code/", views.regenerate_code, name="regenerate_code"),
    path("cohorts/<int:cohort_id>/participants/add/", views.participant_add, name="participant_add"),
    path("cohorts/<int:cohort_id>/participants/import/", views.participant_import, name="participant_import"),
    path("cohorts/<int:cohort_id>/participants/template.csv", views.import_template, name="import_template"),
    path("cohorts/<int:cohort_id>/sessions/new/", views.session_create, name="session_create"),
    path("cohorts/<int:cohort_id>/sessions/<int:session_id>/edit/", views.session_edit, name="session_edit"),
    path(
        "cohorts/<int:cohort_id>/sessions/<int:session_id>/attendance/", views.attendance, name="attendance"
    ),
    path(
        "cohorts/<int:cohort_id>/sessions/<int:session_id>/attendance/mark/",
        views.attendance_mark,
        name="attendance_mark",
    ),
    path("cohorts/<int:cohort_id>/certificates.pdf", views.certificates_pdf, name="certificates"),
]
