from django.urls import include, path

from . import feeds, views

app_name = "web"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("toezeggingen/", views.commitment_list, name="commitment_list"),
    path("toezeggingen/<int:pk>/", views.commitment_detail, name="commitment_detail"),
    path("documenten/<int:pk>/", views.document_detail, name="document_detail"),
    path("moties/", views.motion_list, name="motion_list"),
    path("moties/<str:key>/", views.motion_detail, name="motion_detail"),
    path("moties/<str:key>/feed/", feeds.MotionOverdueFeed(), name="motion_feed"),
    path("dossiers/<str:key>/", views.dossier_detail, name="dossier_detail"),
    path("zoeken/", views.search, name="search"),
    # The griffie's workflow (login, upload, review queue, status actions): web/griffie_urls.py.
    path("griffie/", include("web.griffie_urls")),
    path("healthz", views.healthz, name="healthz"),
]
