from django.urls import path

from certificates import views

app_name = "certificates"
urlpatterns = [
    path("verify/<str:code>/", views.verify, name="verify"),
    path("badges/assertions/<str:code>.json", views.badge_assertion, name="badge_assertion"),
    path("badges/courses/<int:course_id>.json", views.badge_class, name="badge_class"),
    path("badges/issuers/<int:template_id>.json", views.badge_issuer, name="badge_issuer"),
    path("learn/certificates/", views.my_certificates, name="mine"),
    path("learn/certificates/<str:code>.pdf", views.download, name="download"),
    path("coordinator/certificates/", views.manage_list, name="manage_list"),
    path("coordinator/certificates/courses/<int:course_id>/", views.manage_course, name="manage_course"),
    path(
        "coordinator/certificates/courses/<int:course_id>/reissue/",
        views.reissue_course,
        name="reissue_course",
    ),
    path(
        "coordinator/certificates/courses/<int:course_id>/issue/", views.issue_manually, name="issue_manually"
    ),
    path("coordinator/certificates/batches/<int:pk>/", views.batch, name="batch"),
    path("coordinator/certificates/<str:code>/", views.manage_detail, name="manage_detail"),
    path("coordinator/certificates/<str:code>/revoke/", views.revoke, name="revoke"),
    path("coordinator/certificates/<str:code>/reissue/", views.reissue, name="reissue"),
]
