from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("toezeggingen/<int:pk>/", views.commitment_detail, name="commitment_detail"),
    path("documenten/<int:pk>/", views.document_detail, name="document_detail"),
    path("moties/<str:key>/", views.motion_detail, name="motion_detail"),
    path("dossiers/<str:key>/", views.dossier_detail, name="dossier_detail"),
    path("griffie/", views.review_queue, name="review_queue"),
    path("healthz", views.healthz, name="healthz"),
]
