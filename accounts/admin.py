from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import PartnerOrganisation, Profile, User


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "coordinator_country", "is_active", "date_joined"]
    list_filter = ["role", "coordinator_country", "is_active", "is_staff", "profile__country"]
    search_fields = ["email", "profile__full_name", "profile__latin_name"]
    list_select_related = ["profile"]
    inlines = [ProfileInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Role"), {"fields": ["role", "coordinator_country"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2", "role"]})]
    filter_horizontal = ["groups", "user_permissions"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["full_name", "latin_name", "user", "country", "sex", "age_band", "organisation"]
    list_filter = ["country", "sex", "age_band", "preferred_language", "organisation"]
    search_fields = ["full_name", "latin_name", "user__email", "organisation_name"]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user"]


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "country"]
    list_filter = ["country"]
    search_fields = ["name", "short_name"]
