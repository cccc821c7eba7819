from django.urls import path

from community.views import cases, discussions

app_name = "community"
urlpatterns = [
    path("", discussions.index, name="index"),
    path("courses/<slug:slug>/", discussions.course_threads, name="course"),
    path("courses/<slug:slug>/new/", discussions.new_thread, name="new_thread"),
    path("courses/<slug:slug>/moderation/", discussions.moderation_queue, name="moderation"),
    path("threads/<int:pk>/", discussions.thread_detail, name="thread"),
    path("threads/<int:pk>/reply/", discussions.reply, name="reply"),
    path("threads/<int:pk>/follow/", discussions.follow, name="follow"),
    path("threads/<int:pk>/moderate/", discussions.moderate_thread, name="moderate_thread"),
    path("posts/<int:pk>/", discussions.post_permalink, name="post"),
    path("posts/<int:pk>/moderate/", discussions.moderate_post, name="moderate_post"),
    path("posts/<int:pk>/report/", discussions.report_post, name="report"),
    path("reports/<int:pk>/resolve/", discussions.resolve_report, name="resolve_report"),
    path("cases/", cases.case_list, name="cases"),
    path("cases/submit/", cases.case_submit, name="case_submit"),
    path("cases/mine/", cases.my_cases, name="my_cases"),
    path("cases/review/", cases.review_queue, name="review_queue"),
    path("cases/<int:pk>/", cases.case_detail, name="case"),
    path("cases/<int:pk>/edit/", cases.case_edit, name="case_edit"),
    path("cases/<int:pk>/review/", cases.case_review, name="case_review"),
    path("cases/<int:pk>/lessons/", cases.case_lessons, name="case_lessons"),
    path("cases/<int:pk>/images/<int:image_id>/", cases.case_image, name="case_image"),
    path("cases/<int:pk>/files/<int:file_id>/", cases.case_file, name="case_file"),
]
