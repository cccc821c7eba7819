"""Operational endpoints of the project itself."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from training.celery import app as celery_app


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not answering"
        return False


def _broker_ok() -> bool:
    try:
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # any failure means "not answering"
        return False


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    status = 200 if all(checks.values()) else 503
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    body["status"] = "ok" if status == 200 else "degraded"
    return JsonResponse(body, status=status)


@login_not_required
@require_GET
def bench_baseline(request: HttpRequest) -> HttpResponse:
    """The benchmarks' yardstick: one indexed query, a small template. Off unless BENCHMARK_VIEWS is set."""
    if not settings.BENCHMARK_VIEWS:
        raise Http404
    user = get_user_model().objects.filter(pk=1).only("pk", "email").first()
    return render(request, "bench/baseline.html", {"user_row": user})


@login_not_required
@require_GET
def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin signs in through allauth like everyone else: its rate limits and second factor apply.

    Django's own admin login form would check the password alone."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("admin:index")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
