from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from training import views

urlpatterns = [
    path("", login_not_required(RedirectView.as_view(pattern_name="courses:catalogue")), name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("bench/baseline/", views.bench_baseline, name="bench_baseline"),
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("courses/", include("courses.urls")),
    path("studio/", include("courses.studio.urls")),
    path("", include("learning.urls")),
    path("", include("quizzes.urls")),
    path("", include("certificates.urls")),
    path("community/", include("community.urls")),
    path("", include("reminders.urls")),
    path("coordinator/", include("reports.urls")),
]
