from django import template

from reminders import selectors

register = template.Library()


@register.inclusion_tag("reminders/_nav_item.html", takes_context=True)
def notifications_nav_item(context) -> dict:
    """The "Notifications" link with the unread count: one COUNT query, remembered for the request."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    count = getattr(request, "_unread_notifications", None)
    if count is None:
        count = request._unread_notifications = selectors.unread_count(user=user)
    return {"show": True, "count": count}
