"""/api/: the versioned JSON API, its OpenAPI schema, its documentation and the token page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("commitments", views.CommitmentViewSet, basename="commitment")
router.register("motions", views.MotionViewSet, basename="motion")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("dossiers", views.DossierViewSet, basename="dossier")

app_name = "api"

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view loads its start-up script from a URL: no inline script (Content-Security-Policy).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^(?P<rest>[\s\S]*)$", views.not_found),
]
