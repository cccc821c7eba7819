from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import timezones
from courses import permissions as course_permissions
from courses.models import Course, Programme
from reminders import kinds, permissions, selectors, services, tokens
from reminders.forms import PreferencesForm, RulesForm
from reminders.models import EmailMode, Kind, Notification


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_for(user=request.user), 20).get_page(request.GET.get("page"))
    return render(request, "reminders/notifications.html", {"page": page})


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.mark_all_read(user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("reminders:list")


@require_GET
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.mark_read(notification=notification)
    url = notification.url
    if url.startswith(settings.SITE_URL + "/"):
        url = url.removeprefix(settings.SITE_URL)
    # Only paths on this site: a stored URL never sends anyone elsewhere.
    return redirect(url if url.startswith("/") and not url.startswith("//") else "reminders:list")


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    preference, opted_out = selectors.preferences_of(user=request.user)
    initial = {
        "email_mode": preference.email_mode if preference else EmailMode.EACH,
        "time_zone": preference.time_zone if preference else "",
        "enabled_kinds": [k for k in kinds.PERSONAL if k not in opted_out],
    }
    form = PreferencesForm(request.POST or None, initial=initial, is_trainer=request.user.is_trainer)
    if request.method == "POST" and form.is_valid():
        services.update_preferences(user=request.user, **form.cleaned_data)
        timezones.remember_time_zone(request, request.user)  # pages show times in the chosen zone from now on
        messages.success(request, _("Your notification settings are saved."))
        return redirect("reminders:settings")
    return render(request, "reminders/settings.html", {"form": form}, status=400 if form.errors else 200)


def _rules_page(request: HttpRequest, *, scope, title: str, back_url: str) -> HttpResponse:
    form = RulesForm(request.POST or None, current=selectors.rules_in_force(scope=scope))
    if request.method == "POST" and "reset" in request.POST:
        services.reset_rules(scope=scope)
        messages.success(request, _("The reminder settings are back to the defaults."))
        return redirect(request.path)
    if request.method == "POST" and form.is_valid():
        services.save_rules(scope=scope, values=form.values(), acting_user=request.user)
        messages.success(request, _("The reminder settings are saved."))
        return redirect(request.path)
    context = {
        "form": form,
        "title": title,
        "scope": scope,
        "back_url": back_url,
        "has_own_rules": selectors.has_own_rules(scope=scope),
        "is_course": isinstance(scope, Course),
    }
    return render(request, "reminders/rules.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def course_rules(request: HttpRequest, slug: str) -> HttpResponse:
    course = get_object_or_404(
        course_permissions.courses_visible_to(request.user).select_related("programme"), slug=slug
    )
    if not permissions.can_configure_course(request.user, course):
        raise PermissionDenied
    return _rules_page(request, scope=course, title=course.title, back_url=course.get_absolute_url())


@require_http_methods(["GET", "POST"])
def programme_rules(request: HttpRequest, slug: str) -> HttpResponse:
    if not permissions.can_configure_programmes(request.user):
        raise PermissionDenied
    programme = get_object_or_404(Programme, slug=slug)
    return _rules_page(request, scope=programme, title=programme.name, back_url="")


@login_not_required
@csrf_exempt  # the signed token is the credential; mail clients POST one-click unsubscribes without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what the link does and a single button; POST (the button, or a mail client's RFC 8058
    one-click request) applies it. A GET never changes anything: mail scanners follow links."""
    data = tokens.read_token(token)
    if data is None:
        return render(request, "reminders/unsubscribe_invalid.html", status=400)
    label = (
        _("all reminder emails") if data.kind in (tokens.ALL, Kind.DAILY_DIGEST) else Kind(data.kind).label
    )
    if request.method == "POST":
        if services.unsubscribe(token=token) is None:
            return render(request, "reminders/unsubscribe_invalid.html", status=400)
        return render(request, "reminders/unsubscribe.html", {"done": True, "label": label})
    return render(request, "reminders/unsubscribe.html", {"done": False, "label": label, "token": token})
