from django.urls import path

from reminders import views

app_name = "reminders"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/read/", views.mark_all_read, name="mark_all_read"),
    path("notifications/<int:pk>/", views.open_notification, name="open"),
    path("notifications/settings/", views.preferences, name="settings"),
    path("notifications/courses/<slug:slug>/", views.course_rules, name="course_rules"),
    path("notifications/programmes/<slug:slug>/", views.programme_rules, name="programme_rules"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
