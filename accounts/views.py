from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from accounts import services, timezones
from accounts.forms import ProfileForm
from accounts.middleware import remember_calendar, remember_language


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    instance = request.user.profile if request.user.has_profile else None
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        profile = services.save_profile(user=request.user, data=form.cleaned_data)
        remember_language(request, profile.preferred_language)
        remember_calendar(request, profile.buddhist_era)
        timezones.remember_time_zone(
            request, request.user
        )  # the country decides the zone unless one is chosen
        messages.success(request, _("Your profile has been saved."))
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "is_new": instance is None})


@login_not_required
@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, and for signed-in people the choice is also kept in their profile."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.set_preferred_language(user=request.user, language=language)
        remember_language(request, language)
    return response
