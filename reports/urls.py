from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/participants.csv", views.export_participants, name="export_participants"),
    path("export/summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("export/<slug:slug>.<str:file_format>", views.export_table, name="export_table"),
]
