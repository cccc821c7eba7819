from django.urls import path

from certificates import views

app_name = "certificates"
urlpatterns = [
    path("verify/<str:code>/", views.verify, name="verify"),
    path("learn/certificates/", views.my_certificates, name="mine"),
    path("learn/certificates/<str:code>.pdf", views.download, name="download"),
    path("coordinator/certificates/", views.manage_list, name="manage_list"),
    path("coordinator/certificates/<str:code>/", views.manage_detail, name="manage_detail"),
    path("coordinator/certificates/<str:code>/revoke/", views.revoke, name="revoke"),
    path("coordinator/certificates/<str:code>/reissue/", views.reissue, name="reissue"),
]
